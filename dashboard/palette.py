"""The one colour palette of the dashboard: Okabe–Ito, safe for the common kinds of colour blindness."""

from __future__ import annotations

from collections.abc import Iterable

# Okabe & Ito (2008), "Color Universal Design". Black is kept last: it reads as text, not as a series.
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
BLACK = "#000000"
GREY = "#999999"  # not a series colour: land, axes, "nothing here"

# Yellow is left out of the series: a yellow dot on white has a contrast of 1.2:1, too faint to find (WCAG asks 3:1).
SERIES: tuple[str, ...] = (BLUE, ORANGE, BLUISH_GREEN, VERMILLION, SKY_BLUE, REDDISH_PURPLE, BLACK)

# Map roles: the strongest contrast goes to the two roles analysts look for.
ROLE_COLORS: dict[str, str] = {"host city": VERMILLION, "learning city": BLUISH_GREEN, "other": BLUE}
ROLE_ORDER: tuple[str, ...] = ("host city", "learning city", "other")

# Map ground. Sea is a pale blue and land is never blue: a named country shaded sky blue was read as sea. Shading
# goes from cream to light tan (lighter = fewer mentions); even the darkest step keeps a contrast of 1.75:1 or more
# with every role colour above (2:1 with vermillion, 2.7:1 with blue), and the dots' white outline adds the rest.
SEA = "#DDEAF3"
LAND = "#EDEDEA"  # a country the articles do not name
LAND_SCALE: tuple[str, ...] = ("#F8EDD6", "#F1DDB5", "#E8C993", "#DDB377")


def rgb(hex_color: str, alpha: int = 255) -> list[int]:
    """``[r, g, b, a]`` for deck.gl from ``#RRGGBB``."""
    h = hex_color.lstrip("#")
    return [int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16), alpha]


def color_map(labels: Iterable[str], universe: Iterable[str] | None = None) -> dict[str, str]:
    """A colour per label: the sorted ``universe`` (default: the labels) takes the series colours in turn.

    Pass every label that can appear (all categories of the build) so a filter never recolours a label.
    """
    wanted = {str(x) for x in labels}
    ordered = sorted(wanted | {str(x) for x in universe or ()})
    return {label: SERIES[i % len(SERIES)] for i, label in enumerate(ordered) if label in wanted}
