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

SERIES: tuple[str, ...] = (BLUE, ORANGE, BLUISH_GREEN, VERMILLION, SKY_BLUE, REDDISH_PURPLE, YELLOW, BLACK)

# Map roles: the strongest contrast goes to the two roles analysts look for.
ROLE_COLORS: dict[str, str] = {"host city": VERMILLION, "learning city": BLUISH_GREEN, "other": BLUE}
ROLE_ORDER: tuple[str, ...] = ("host city", "learning city", "other")


def rgb(hex_color: str, alpha: int = 255) -> list[int]:
    """``[r, g, b, a]`` for deck.gl from ``#RRGGBB``."""
    h = hex_color.lstrip("#")
    return [int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16), alpha]


def color_map(labels: Iterable[str]) -> dict[str, str]:
    """A stable colour per label: sorted labels take the series colours in turn, so a label keeps its colour."""
    ordered = sorted({str(x) for x in labels})
    return {label: SERIES[i % len(SERIES)] for i, label in enumerate(ordered)}
