"""Pure map builders: city points in (`dashboard.cities`), a pydeck Deck out (country shapes under cities, no Mapbox
token needed), with its legend, labels and view."""

from __future__ import annotations

import copy
import functools
import html
import json
import math
from pathlib import Path
from typing import cast

import numpy as np
import pandas as pd
import pydeck as pdk

from dashboard import palette

COUNTRIES_GEOJSON = Path(__file__).resolve().parent / "assets" / "countries.geojson"
TILE_PX = 512  # deck.gl's world is 512 px wide at zoom 0
VIEW_W, VIEW_H = 760, 480  # the smallest map we draw on a laptop; a phone zooms out by itself
MAX_ZOOM = 9.0
# deck.gl moves its tooltip to the pointer with an inline transform and applies this style after it: a tooltip that
# followed the pointer was cut at the map's right edge (and overflowed a phone's screen). CSS cannot flip it by the
# pointer's position, so it is pinned to the top-left corner of the map instead, narrower than the map at every
# width and wrapping long names. Top, not bottom: on a phone the map is taller than what shows, and its top is seen
# first. fit_view leaves a fifth of the height free above the cities, so at the first view it rarely covers one.
TOOLTIP = {
    "html": "<b>{tip_name}</b><br/>{tip_roles}<br/>{tip_summary}",
    "style": {
        "backgroundColor": "#ffffff",
        "color": "#000000",
        "fontSize": "12px",
        "lineHeight": "1.35",
        "padding": "6px 8px",
        "transform": "none",
        "top": "0",
        "left": "0",
        "margin": "8px",
        "maxWidth": "min(320px, calc(100% - 16px))",
        "whiteSpace": "normal",
        "overflowWrap": "anywhere",
        "boxShadow": "0 1px 4px rgba(0,0,0,0.3)",
        "borderRadius": "4px",
    },
}
DISTRICT_RADIUS = 4.0  # px: such a district shows only when the map is zoomed in past its city's dot
MAX_LABELS = 12
LABEL_FONT_PX = 13


@functools.cache
def _countries_text() -> str:
    return COUNTRIES_GEOJSON.read_text(encoding="utf-8")


def countries_geojson() -> dict:
    """Natural Earth country shapes (see assets/README.md); a fresh copy the caller may change."""
    return json.loads(_countries_text())


def radius_px(weight: float, top: float) -> float:
    """Dot radius in pixels: 5 to 25, by the square root of the weight (the area grows with it)."""
    return round(5 + 20 * math.sqrt(max(float(weight), 1.0) / max(float(top), 1.0)), 1)


def draw_order(points: pd.DataFrame) -> pd.DataFrame:
    """The points in the order deck.gl draws them: last on top, and the top dot is the one a click picks.

    Districts that are part of a city first, then the rest from the lightest to the heaviest, so the most-mentioned
    city is never hidden under its own districts (a click on Shanghai picked "Changning District")."""
    part = (points["within"] != "") if "within" in points else pd.Series(False, index=points.index)
    order = points.assign(_part=part).sort_values(["_part", "weight", "name"], ascending=[False, True, False])
    return order.drop(columns="_part").reset_index(drop=True)


def _styled(points: pd.DataFrame) -> list[dict]:
    top = float(points["weight"].max()) if len(points) else 1.0
    out = []
    for _, p in draw_order(points).iterrows():
        record = {k: (v.item() if isinstance(v, np.generic) else v) for k, v in p.items()}
        record["radius"] = DISTRICT_RADIUS if record.get("within") else radius_px(record["weight"], top)
        # deck.gl puts the tooltip into innerHTML, and names and units come from article text; Streamlit escapes each
        # value it fills into an "html" tooltip, so they go in as written (escaped here too, a visitor read
        # "N&#x27;Djamena"; tests/e2e/test_dashboard.py hovers a dot to check).
        # The tooltip is a glance (the details come on a click): long recognition lists are cut so it stays small.
        for field, most in (("name", 80), ("roles", 90), ("summary", 110)):
            text = str(record[field])
            record[f"tip_{field}"] = text if len(text) <= most else text[: most - 1].rstrip() + "…"
        # Opaque: a dot on top hides the district dots under it instead of showing rings through (zoom in to see them).
        record["color"] = palette.rgb(palette.ROLE_COLORS.get(p["role"], palette.BLUE))
        out.append(record)
    return out


def _nice(x: float) -> int:
    """The 1-2-5 number nearest below ``x`` (at least 1)."""
    if x < 1:
        return 1
    e = 10 ** math.floor(math.log10(x))
    return int(max(m * e for m in (1, 2, 5) if m * e <= x))


def country_bins(mentions: dict[str, int], steps: int = len(palette.LAND_SCALE)) -> list[tuple[int, int, str]]:
    """The scale of the country shading: ``(low, high, colour)`` per step, inclusive, covering 1 to the most named.

    Steps grow geometrically (counts are skewed: one country is named thousands of times, most a few) and end on
    1-2-5 numbers so the legend reads "6–20", not "6–17"."""
    top = max((n for n in mentions.values() if n > 0), default=0)
    if top <= 0:
        return []
    edges = sorted({_nice(top ** (i / steps)) for i in range(1, steps)} | {top})
    edges = [e for e in edges if e < top] + [top]
    bins, low = [], 1
    for high in edges:
        if high >= low:
            bins.append((low, high, ""))
            low = high + 1
    # The darkest colour goes to the most named; fewer steps take the light end too.
    colours = palette.LAND_SCALE[-len(bins) :] if len(bins) > 1 else palette.LAND_SCALE[-1:]
    return [(lo, hi, c) for (lo, hi, _), c in zip(bins, colours, strict=True)]


def bin_colour(n: int, bins: list[tuple[int, int, str]]) -> str:
    """The shade of a country named ``n`` times on the scale ``bins`` (LAND when not named)."""
    for low, high, colour in bins:
        if low <= n <= high:
            return colour
    return palette.LAND


def shaded_countries(mentions: dict[str, int], shapes: dict | None = None) -> dict:
    """The country shapes with a fill per feature: named countries in cream to tan by `country_bins`, others LAND."""
    shapes = copy.deepcopy(shapes) if shapes is not None else countries_geojson()
    bins = country_bins(mentions)
    for feature in shapes["features"]:
        props = feature["properties"]
        n = mentions.get(props.get("iso_a3", ""), 0)
        props["mentions"] = n
        props["fill"] = palette.rgb(bin_colour(n, bins))
    return shapes


def _merc_y(lat: float) -> float:
    lat = max(min(lat, 85.0), -85.0)
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / (2 * math.pi)


def _inv_merc_y(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y * 2 * math.pi)) - math.pi / 2)


def fit_view(lats, lons, width: int = VIEW_W, height: int = VIEW_H, padding: float = 1.8) -> pdk.ViewState:
    """A view centred on the points and zoomed so they all fit in ``width`` x ``height`` pixels with a margin."""
    lats = [float(x) for x in lats if pd.notna(x)]
    lons = [float(x) for x in lons if pd.notna(x)]
    if not lats:
        return pdk.ViewState(latitude=20.0, longitude=10.0, zoom=0.6)
    ys = [_merc_y(v) for v in lats]
    lon_span = max(lons) - min(lons)
    y_span = max(ys) - min(ys)
    zooms = [MAX_ZOOM]
    if lon_span > 0:
        zooms.append(math.log2(360 * width / (TILE_PX * lon_span * padding)))
    if y_span > 0:
        zooms.append(math.log2(height / (TILE_PX * y_span * padding)))
    zoom = max(0.0, min(zooms)) if len(zooms) > 1 else 4.0
    return pdk.ViewState(
        latitude=round(_inv_merc_y((max(ys) + min(ys)) / 2), 4),
        longitude=round((max(lons) + min(lons)) / 2, 4),
        zoom=round(zoom, 2),
        pitch=0,
        bearing=0,
    )


def view_bounds(view: pdk.ViewState, width: int = VIEW_W, height: int = VIEW_H) -> tuple[float, float, float, float]:
    """(west, east, south, north) seen by ``view`` in a ``width`` x ``height`` map."""
    world = TILE_PX * 2**view.zoom
    half_lon = 360 * width / world / 2
    cy = _merc_y(view.latitude)
    half_y = height / world / 2
    return (
        view.longitude - half_lon,
        view.longitude + half_lon,
        _inv_merc_y(cy - half_y),
        _inv_merc_y(cy + half_y),
    )


def _pixel(lat: float, lon: float, zoom: float) -> tuple[float, float]:
    world = TILE_PX * 2**zoom
    return (lon + 180) / 360 * world, (0.5 - _merc_y(lat)) * world


def choose_labels(points: pd.DataFrame, view: pdk.ViewState, max_labels: int = MAX_LABELS) -> dict[str, str]:
    """Names to write on the map and on which side of their dot ("start": right of it, "end": left of it).

    The heaviest cities first, each only where its label overlaps no label or dot already placed at the first view
    (zooming in only spreads them apart); a district that is part of a city is never labelled (its city is)."""
    if points.empty:
        return {}
    top = float(points["weight"].max())
    heavy = points[points["within"] == ""] if "within" in points else points
    heavy = heavy.sort_values(["weight", "name"], ascending=[False, True])
    xy = [_pixel(cast(float, p.lat), cast(float, p.lon), view.zoom) for p in heavy.itertuples(index=False)]
    radii = [radius_px(w, top) for w in heavy["weight"]]
    # Every dot is an obstacle from the start: a label must not hide a city, even one drawn later.
    boxes = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(xy, radii, strict=True)]
    chosen: dict[str, str] = {}

    def free(box: tuple[float, float, float, float], own: int) -> bool:
        return all(
            i == own or box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3]
            for i, b in enumerate(boxes)
        )

    for i, (name, (x, y), r) in enumerate(zip(heavy["name"].astype(str), xy, radii, strict=True)):
        if len(chosen) >= max_labels:
            break
        # About 0.6 em per character of a sans-serif font, plus the outline.
        w, h = 0.6 * LABEL_FONT_PX * len(name) + 4, LABEL_FONT_PX + 4
        for side, left in (("start", x + r + 3), ("end", x - r - 3 - w)):
            box = (left, y - h / 2, left + w, y + h / 2)
            if free(box, i):
                chosen[name] = side
                boxes.append(box)
                break
    return chosen


def size_legend(points: pd.DataFrame) -> list[tuple[int, float]]:
    """(weight, radius in px) for two or three dots that explain the sizes: the heaviest and rounder ones below."""
    if points.empty:
        return []
    top = float(points["weight"].max())
    low = float(points["weight"].min())
    shown = [int(top)]
    for w in (_nice(top / 10), _nice(top / 100)):
        if w >= max(low, 1) and w < shown[-1] and len(shown) < 3:
            shown.append(w)
    return [(w, radius_px(w, top)) for w in shown]


def legend_html(
    sizes_title: str,
    sizes: list[tuple[int, float]],
    shades_title: str,
    bins: list,
    roles: tuple[str, ...] = palette.ROLE_ORDER,
) -> str:
    """The map's key as HTML: role colours, two or three dot sizes, the country shades with their counts, sea.
    Only numbers and fixed words go in; each is escaped anyway."""

    def swatch(style: str, label: str) -> str:
        return (
            f'<span style="white-space:nowrap;margin-right:0.7rem"><span style="display:inline-block;{style};'
            f'margin-right:0.3rem;vertical-align:middle"></span>{html.escape(label)}</span>'
        )

    dot = "width:0.8rem;height:0.8rem;border-radius:50%;background:{}"
    box = "width:1.4rem;height:0.8rem;border:1px solid #bbb;background:{}"
    dots = "".join(swatch(dot.format(palette.ROLE_COLORS[r]), r) for r in roles)
    circles = "".join(
        swatch(f"width:{2 * r:.0f}px;height:{2 * r:.0f}px;border-radius:50%;border:1.5px solid #555", f"{w:,}")
        for w, r in sizes
    )
    shades = "".join(
        swatch(box.format(c), f"{lo:,}" if lo == hi else f"{lo:,}–{hi:,}")
        for lo, hi, c in [(0, 0, palette.LAND), *bins]
    )
    parts = [f"<div><b>Dot colour</b>: {dots}</div>"]
    if circles:
        parts.append(f"<div><b>Dot size</b>: {html.escape(sizes_title)} {circles}</div>")
    parts.append(
        f"<div><b>Country</b>: {html.escape(shades_title)} {shades}{swatch(box.format(palette.SEA), 'sea')}</div>"
    )
    return (
        '<div style="font-size:0.85rem;line-height:2;display:flex;flex-wrap:wrap;align-items:center;'
        f'column-gap:2rem">{"".join(parts)}</div>'
    )


def build_deck(
    points: pd.DataFrame,
    mentions: dict[str, int] | None = None,
    shapes: dict | None = None,
    selected: str | None = None,
) -> pdk.Deck:
    """Sea, countries (shaded by mentions), cities (sized by weight, coloured by role, heaviest on top), a ring
    round the ``selected`` city and labels of the heaviest cities; fitted to the cities."""
    view = fit_view(points["lat"], points["lon"])
    cities = _styled(points)
    labelled = choose_labels(points, view)
    ring = [{**c, "radius": c["radius"] + 4} for c in cities if selected is not None and c["name"] == selected]
    layers = [
        pdk.Layer(
            "PolygonLayer",
            data=[{"polygon": [[-180, -85], [180, -85], [180, 85], [-180, 85]]}],
            id="sea",
            get_polygon="polygon",
            get_fill_color=palette.rgb(palette.SEA),
            stroked=False,
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            data=shaded_countries(mentions or {}, shapes),
            id="countries",
            filled=True,
            stroked=True,
            get_fill_color="properties.fill",
            get_line_color=[255, 255, 255, 255],
            line_width_min_pixels=0.6,
            pickable=False,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            data=cities,
            id="cities",
            get_position=["lon", "lat"],
            get_radius="radius",
            radius_units="'pixels'",  # a bare string would become a deck.gl expression (@@=pixels)
            get_fill_color="color",
            get_line_color=[255, 255, 255, 255],
            line_width_min_pixels=1.5,
            stroked=True,
            pickable=True,
            auto_highlight=True,
        ),
        # The chosen city (by a click, the list or the URL): a dark ring drawn with its line colour, which Streamlit's
        # selection fading leaves alone, so it shows whichever way the city was chosen.
        pdk.Layer(
            "ScatterplotLayer",
            data=ring,
            id="selected",
            get_position=["lon", "lat"],
            get_radius="radius",
            radius_units="'pixels'",
            filled=False,
            stroked=True,
            get_line_color=palette.rgb(palette.BLACK),
            line_width_min_pixels=2.5,
            pickable=False,
        ),
        # Labels are drawn on the canvas as glyphs, never as markup, so a name from an article is safe here as written.
        pdk.Layer(
            "TextLayer",
            data=[
                {
                    "name": c["name"],
                    "lon": c["lon"],
                    "lat": c["lat"],
                    "anchor": labelled[c["name"]],
                    "offset": [(c["radius"] + 4) * (1 if labelled[c["name"]] == "start" else -1), 0],
                }
                for c in cities
                if c["name"] in labelled
            ],
            id="labels",
            get_position=["lon", "lat"],
            get_text="name",
            get_size=LABEL_FONT_PX,
            get_color=[20, 20, 20, 255],
            get_pixel_offset="offset",
            get_text_anchor="anchor",
            get_alignment_baseline="'center'",
            character_set="'auto'",  # names in any script, not only ASCII
            font_family="'system-ui, sans-serif'",
            font_weight=600,
            # A light box behind each label keeps it readable on any shade and over other dots.
            background=True,
            get_background_color=[255, 255, 255, 210],
            background_padding=[3, 1, 3, 1],
            pickable=False,
        ),
    ]
    return pdk.Deck(
        layers=layers,
        initial_view_state=view,
        # No base map: its style and tiles come from a third-party host on every visit, and the bundled country
        # layer (Natural Earth) already shows land.
        map_provider=None,
        tooltip=TOOLTIP,
    )
