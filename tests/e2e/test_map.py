"""The Map page in headless Chromium (issue 18): a click on the most-mentioned city selects it, the city list is a
keyboard path kept in the URL, unknown cities and places are said in plain view, the tooltip stays on the map."""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

import pytest

from tests.e2e.conftest import EXCEPTION, SHOTS, map_canvas, new_page, serve_dashboard, visit

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _canvas(page):
    return map_canvas(page)  # the layers are drawn after the canvas is sized


def _dot(page, dashboard, name: str) -> tuple[float, float]:
    """A spot of ``name``'s dot, as drawn at the first view, that no dot drawn over it covers: the page's own view,
    projected as deck.gl does (a heavier neighbour drawn later, Shanghai beside Hangzhou, may cover its centre once
    other tests' uploads have made it larger)."""
    import math

    from dashboard import cities, maps
    from dashboard.data import read_table

    t = {n: read_table(dashboard["data"], n) for n in ("places", "metrics", "events", "learning_cities")}
    points = cities.city_points(t["places"], t["metrics"], t["events"], t["learning_cities"])
    view = maps.fit_view(points["lat"], points["lon"])
    cx, cy = maps._pixel(view.latitude, view.longitude, view.zoom)
    drawn = [(r["name"], *maps._pixel(r["lat"], r["lon"], view.zoom), r["radius"]) for r in maps._styled(points)]
    at = next(i for i, d in enumerate(drawn) if d[0] == name)
    _, x, y, radius = drawn[at]
    above = drawn[at + 1 :]
    turns = [math.radians(a) for a in range(0, 360, 30)]
    spots = [(x, y)] + [(x + 0.7 * radius * math.cos(a), y + 0.7 * radius * math.sin(a)) for a in turns]
    free = next((s for s in spots if all(math.dist(s, (ox, oy)) > r + 2 for _, ox, oy, r in above)), spots[0])
    box = _canvas(page)
    return box["x"] + box["width"] / 2 + (free[0] - cx), box["y"] + box["height"] / 2 + (free[1] - cy)


def _city(page) -> str:
    return unquote_plus(re.search(r"[?&]city=([^&]*)", page.url).group(1)) if "city=" in page.url else ""


def _listed(page) -> str:
    """The city the list shows (Streamlit 1.67 shows it as the value of the list's combobox input)."""
    return page.get_by_role("combobox", name="City").input_value()


def _wait_city(page, name: str) -> None:
    for _ in range(120):  # the click reruns the script, which writes the URL; bounded (30 s)
        if _city(page) == name:
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"city in the URL: {_city(page)!r}, wanted {name!r}")


def test_a_click_on_the_most_mentioned_city_selects_it_not_a_district_under_it(page, dashboard):
    visit(page, f"{dashboard['url']}/map")
    x, y = _dot(page, dashboard, "Shanghai")
    x, y = x + 3, y + 3  # off the exact centre, where Changning District sits under Shanghai
    tooltip = page.locator(".deck-tooltip")
    for _ in range(40):  # the dots are drawn and pickable once hovering one shows its tooltip (bounded: 10 s)
        page.mouse.move(x, y - 1)
        page.mouse.move(x, y)
        if tooltip.count() and tooltip.first.is_visible():
            break
        page.wait_for_timeout(250)
    assert tooltip.first.inner_text().startswith("Shanghai")
    page.screenshot(path=str(SHOTS / "map-hover-shanghai.png"))
    page.mouse.click(x, y)
    _wait_city(page, "Shanghai")
    page.get_by_role("heading", name="Shanghai", level=3).wait_for()
    assert _listed(page).startswith("Shanghai")
    assert page.locator(EXCEPTION).count() == 0


def test_a_shared_link_with_a_city_opens_it_selected_and_the_list_is_a_keyboard_path(page, dashboard):
    SHOTS.mkdir(parents=True, exist_ok=True)
    visit(page, f"{dashboard['url']}/map?city=shanghai")
    page.get_by_role("heading", name="Shanghai", level=3).wait_for()
    assert _listed(page).startswith("Shanghai")
    assert page.get_by_text(re.compile(r"\d+ mentions?, \d+ figures?")).count() >= 1
    _canvas(page)
    page.screenshot(path=str(SHOTS / "map-city-1280.png"), full_page=True)
    # Keyboard only: focus the list, type a city, Enter.
    page.get_by_role("combobox", name="City").focus()
    page.keyboard.type("Nanjing")
    page.keyboard.press("Enter")
    _wait_city(page, "Nanjing")
    page.get_by_role("heading", name="Nanjing", level=3).wait_for()
    assert page.locator(EXCEPTION).count() == 0


def test_an_unknown_city_or_place_in_the_url_is_said_in_plain_view(page, dashboard):
    visit(page, f"{dashboard['url']}/map?city=Atlantis")
    page.get_by_text("No city called “Atlantis” is on this map").wait_for()
    assert page.locator(EXCEPTION).count() == 0
    visit(page, f"{dashboard['url']}/map?place=Atlantis")
    page.get_by_text(re.compile("No city or country called “Atlantis”")).wait_for()
    assert "place=Atlantis" in page.url  # the filter stays, and the page says what it does with it
    assert page.locator(EXCEPTION).count() == 0


def test_a_place_in_the_url_narrows_the_map(page, dashboard):
    visit(page, f"{dashboard['url']}/map?place=Nanjing")
    page.get_by_text(re.compile(r"Map of 1 city")).first.wait_for()
    assert page.locator(EXCEPTION).count() == 0


@pytest.mark.parametrize("width", [1280, 390])
def test_the_tooltip_of_a_city_near_the_right_edge_stays_inside_the_map(browser, tmp_path, width):
    # A server of its own, over the seeds: the shared one gains articles from other tests (Zürich, Genève), and a map
    # that must also show Europe draws Hangzhou under Shanghai.
    with serve_dashboard(tmp_path) as own, new_page(browser) as page:
        page.set_viewport_size({"width": width, "height": 900 if width > 500 else 844})
        visit(page, f"{own['url']}/map")
        box = _canvas(page)
        # Hangzhou is drawn near the map's right edge at both widths (Shanghai is past it on a phone).
        x, y = _dot(page, own, "Hangzhou")
        assert box["x"] + box["width"] * 0.6 < x < box["x"] + box["width"]
        tooltip = page.locator(".deck-tooltip")
        page.mouse.move(x, y)
        tooltip.first.wait_for(state="visible")
        assert tooltip.first.inner_text().startswith("Hangzhou")
        tip = tooltip.first.bounding_box()
        page.screenshot(path=str(SHOTS / f"map-tooltip-{width}.png"))
        assert box["x"] <= tip["x"] and tip["x"] + tip["width"] <= box["x"] + box["width"] + 0.5, (tip, box)
        assert box["y"] <= tip["y"] and tip["y"] + tip["height"] <= box["y"] + box["height"] + 0.5, (tip, box)
