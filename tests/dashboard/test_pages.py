"""Every page through the router with AppTest: no exception, its key elements, and one interaction each."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import filters
from dashboard.fmt import md_literal

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture(autouse=True)
def _fresh_cache():
    import streamlit as st

    st.cache_data.clear()  # each test has its own data folder under the same path names
    yield


def open_page(page: str | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if query:
        at.query_params.update(query)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def show_view(at: AppTest, chart: str, view: str) -> AppTest:
    """Show a chart's Table or Sources view, as a click on its tab does (the page reruns; only that view is built)."""
    at.session_state[f"{chart}_view"] = view
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_overview_shows_counts_headline_cards_and_the_timeline(sample_data):
    at = open_page()
    assert at.title[0].value == "Digital education in the news"
    labels = {m.label: m.value for m in at.metric}
    assert labels["Articles"] == "2" and labels["Figures"] == "4" and labels["Events"] == "2"
    # a unit is article text: its label is escaped Markdown (shown as written)
    assert labels[md_literal("page views (engagement)")] == "37.3 billion"
    assert labels[md_literal("teachers (people)")] == "2,000+"
    assert any(link.label == "Open the article" for link in at.get("page_link"))
    assert "Timeline of 2 dated events" in " ".join(c.value for c in at.caption)


def test_figures_filter_changes_the_table_and_lands_in_the_url(sample_data):
    at = open_page("pages/figures.py")
    assert len(at.dataframe[-1].value) == 4
    at.multiselect(key="f_category").select("people").run()
    assert not at.exception
    assert set(at.dataframe[-1].value["unit"]) == {"teachers", "people"}
    assert at.query_params["category"] == ["people"] or at.query_params["category"] == "people"


def test_figures_reads_its_filters_from_a_shared_link_and_flags_nothing_odd(sample_data):
    at = open_page("pages/figures.py", query={"q": "page views"})
    table = at.dataframe[-1].value
    assert list(table["unit"]) == ["page views"] and set(table["flag"]) == {""}
    assert at.text_input(key="f_q").value == "page views"
    assert at.download_button  # CSV of the filtered rows


def test_a_filter_that_matches_nothing_says_so_and_can_be_cleared(sample_data):
    at = open_page("pages/figures.py", query={"q": "no such figure"})
    assert any("No figure matches" in w.value for w in at.warning)
    at.button[0].click().run()
    assert len(at.dataframe[-1].value) == 4


def test_filters_survive_a_change_of_page(sample_data):
    at = open_page("pages/figures.py")
    at.multiselect(key="f_category").select("engagement").run()
    at.switch_page("pages/events.py").run()
    at.query_params.clear()  # what Streamlit does to the URL on a page change
    at.switch_page("pages/figures.py").run()
    assert list(at.dataframe[-1].value["unit"]) == ["page views"]
    assert filters.from_params({"category": at.query_params.get("category")}).categories == ("engagement",)


def test_map_draws_a_deck_and_lists_the_cities(sample_data):
    at = open_page("pages/map.py")
    assert at.title[0].value == "Map"
    assert at.get("deck_gl_json_chart")
    cities = at.dataframe[0].value
    assert set(cities["name"]) == {"Lisbon", "Nairobi"}
    assert {b.label for b in at.get("download_button")} >= {"Table (CSV)", "With schema, citation and sources (zip)"}
    sources = at.dataframe[1].value  # the Sources view: the articles that name the cities drawn, with links
    assert {"Article", "Published", "Original", "Value"} <= set(sources.columns)
    assert any(v.startswith("Lisbon (named") for v in sources["Value"])
    regions = at.dataframe[-1].value
    assert list(regions["name"]) == ["East Africa"]


def test_events_page_shows_attendance_countries_and_the_table(sample_data):
    at = open_page("pages/events.py")
    labels = {m.label: m.value for m in at.metric}
    # the largest attendance, never a sum: events overlap (a conference and its own sessions)
    assert labels["Events"] == "2" and labels["Largest attendance stated"] == "2,000"
    table = at.dataframe[-1].value
    assert list(table["name"]) == ["Nairobi Forum", "Lisbon teachers meeting"]
    nairobi = table.iloc[0]
    assert (str(nairobi["end_date"])[:10], nairobi["edition"]) == ("2024-05-04", 3)
    # where the articles disagree, as the reader reads it (each article by its title)
    assert nairobi["reported"] == "Participants: 1,200 (Nairobi forum); 1,000 (c_other)"
    assert len(at.get("plotly_chart")) == 3


def test_an_event_shows_the_figures_its_counts_were_read_from_with_their_sentences(sample_data):
    at = open_page("pages/events.py")
    assert at.selectbox(key="event_figures").value == "lisbon-meeting-2024"  # the only event with linked figures
    behind = next(df.value for df in at.dataframe if "In context" in df.value or "open" in df.value)
    assert list(behind["Figure"]) == ["2,000", "40"]
    assert set(behind["Sentence"]) == {"Over 2,000 teachers from 40 countries met in Lisbon"}  # the fixture's split
    assert list(behind["open"]) == ["sources?doc=a_lisbon&fig=a_lisbon-0001", "sources?doc=a_lisbon&fig=a_lisbon-0002"]


def test_learning_cities_page_lists_recognitions(sample_data):
    at = open_page("pages/learning_cities.py")
    summary = at.dataframe[0].value
    assert list(summary["city"]) == ["Nairobi"] and summary["recognitions"][0] == "learning city"
    assert summary["kinds"][0] == "designated learning city"  # the normalised kind beside the recognition as written
    assert at.get("deck_gl_json_chart")
    assert at.multiselect[0].options == ["designated learning city"]


def test_data_page_offers_every_download_the_schema_and_the_rejected_files(sample_data):
    at = open_page("pages/data.py")
    assert len(at.download_button) == 1 + 6
    rejected = at.dataframe[-1].value
    assert list(rejected["file"]) == ["notes.pdf"]
    schema = at.dataframe[0].value
    assert "article_id" in list(schema["column"]) and schema["description"].str.len().min() > 0


def button(at: AppTest, label: str):
    """The button of ``at`` with this label (exactly one)."""
    (found,) = [b for b in at.button if b.label == label]
    return found


def test_sources_highlights_figures_with_the_article_text_escaped(built_data, tmp_path):
    at = open_page("pages/sources.py", query={"doc": "a_lisbon"})
    assert at.selectbox(key="src_doc").value == "a_lisbon"
    body = " ".join(h.proto.body for h in at.get("html"))
    assert "<mark" in body and "Lisbon" in body
    at.selectbox(key="src_doc").select("b_nairobi").run()
    assert not at.exception
    assert "Nairobi was named" in " ".join(h.proto.body for h in at.get("html"))


def test_sources_upload_saves_builds_and_selects_the_new_article(built_data, tmp_path):
    seeds = tmp_path / "seeds"
    at = open_page("pages/sources.py")
    at.file_uploader[0].upload("new <article>.txt", b"More than 3,500 students joined 12 online courses.", "text/plain")
    at.run()
    button(at, "Add to the corpus").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert (seeds / "new_article.txt").exists()
    assert "new_article" in (built_data / "metrics.csv").read_text()
    assert at.selectbox(key="src_doc").value == "new_article"
    assert [s.value for s in at.success if "read from the new article" in s.value] == [
        "2 figures were read from the new article; it is selected below."
    ], [s.value for s in at.success]


def test_an_upload_the_etl_cannot_turn_into_valid_rows_is_reported_and_the_tables_keep_the_rest(
    built_data, tmp_path, monkeypatch
):
    from etl.extract import pipeline

    real = pipeline.extract_article

    def spoiled(text):  # stands in for an extractor bug that this one article trips
        result = real(text)
        if "tripwire" in text:
            result.metrics[0] = result.metrics[0]._replace(unit="")
        return result

    monkeypatch.setattr(pipeline, "extract_article", spoiled)
    monkeypatch.setenv("DED_ARTICLE_BUDGET_S", "0")  # build in this process, where the extractor is patched
    at = open_page("pages/sources.py")
    at.file_uploader[0].upload("trip.txt", b"The tripwire school has 300 students.", "text/plain")
    at.run()
    button(at, "Add to the corpus").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("not added to the tables" in e.value and "unit" in e.value for e in at.error), [
        e.value for e in at.error
    ]
    assert "trip" not in (built_data / "articles.csv").read_text()
    assert "a_lisbon" in (built_data / "articles.csv").read_text()
    assert "trip.txt" in (built_data / "rejected.csv").read_text()


def test_sources_upload_of_a_bad_file_changes_nothing(built_data, tmp_path):
    seeds = tmp_path / "seeds"
    before = sorted(p.name for p in seeds.iterdir())
    at = open_page("pages/sources.py")
    at.file_uploader[0].upload("bad.txt", b"\x00\x01\x02\x03binary", "text/plain")
    at.run()
    button(at, "Add to the corpus").click().run()
    assert any("binary" in e.value for e in at.error)
    assert sorted(p.name for p in seeds.iterdir()) == before


def test_an_empty_corpus_explains_how_to_add_an_article(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    monkeypatch.setenv("DED_SEEDS_DIR", str(tmp_path / "seeds"))
    monkeypatch.setenv("DED_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DED_CACHE_DIR", str(tmp_path / "cache"))
    at = open_page()
    assert any("No articles yet" in i.value for i in at.info)
    for page in ("pages/figures.py", "pages/map.py", "pages/events.py", "pages/sources.py", "pages/data.py"):
        at.switch_page(page).run()
        assert not at.exception, page


def test_stale_data_is_rebuilt_on_start(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "one.txt").write_text("About 1,200 people joined the forum.", encoding="utf-8")
    monkeypatch.setenv("DED_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("DED_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DED_CACHE_DIR", str(tmp_path / "cache"))
    at = open_page()
    assert (tmp_path / "data" / "articles.csv").exists()
    assert {m.label: m.value for m in at.metric}["Articles"] == "1"


def test_a_large_selection_shows_a_capped_table_and_a_counting_chart(tmp_path, monkeypatch):
    import pandas as pd

    from tests.dashboard.conftest import sample_tables, write_tables

    tables = sample_tables()
    one = tables["metrics"].iloc[0]
    n = 2_500  # past the table cap and the chart's dot limit
    tables["metrics"] = pd.DataFrame([one] * n).assign(
        metric_id=[f"a_lisbon-{i:05d}" for i in range(n)], value=[float(10 ** (i % 6) + i) for i in range(n)]
    )
    (tmp_path / "seeds").mkdir()
    for var, sub in (("DED_SEEDS_DIR", "seeds"), ("DED_CACHE_DIR", "cache"), ("DED_DATA_DIR", "data")):
        monkeypatch.setenv(var, str(tmp_path / sub))
    write_tables(tmp_path / "data", tables)

    at = open_page("pages/figures.py")
    assert len(at.dataframe[0].value) == 1_000
    assert any("first 1,000 of 2,500" in c.value for c in at.caption)
    assert any("counted per power of ten" in c.value for c in at.caption)


def _build_script(seeds: str, data: str, cache: str) -> None:  # run by AppTest.from_function
    from pathlib import Path

    from dashboard import data as data_module
    from dashboard import ui

    report = ui.run_build(data_module.Dirs(Path(seeds), Path(data), Path(cache)))
    if report is not None:
        import streamlit as st

        st.text(f"built {report.articles} articles, {len(report.rejected)} rejected")


def test_a_build_from_the_dashboard_runs_as_a_command_and_reports_back(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("About 12 new schools opened in Lima.\n", encoding="utf-8")
    (seeds / "b.pdf").write_bytes(b"%PDF-1.4\n")
    args = (str(seeds), str(tmp_path / "data"), str(tmp_path / "cache"))
    at = AppTest.from_function(_build_script, args=args, default_timeout=120).run()
    assert not at.exception and [t.value for t in at.text] == ["built 1 articles, 1 rejected"]
    assert (tmp_path / "data" / "metrics.csv").exists()


def test_a_build_that_fails_says_why_and_the_page_goes_on(tmp_path):
    args = (str(tmp_path / "missing"), str(tmp_path / "data"), str(tmp_path / "cache"))
    at = AppTest.from_function(_build_script, args=args, default_timeout=120).run()
    assert not at.exception and not at.text
    assert "does not exist" in at.error[0].value.replace("\\", "").replace("\u2060", "")


def test_with_nothing_set_visitors_cannot_add_articles_to_the_shared_corpus(sample_data, monkeypatch):
    monkeypatch.delenv("DED_EDITING")
    monkeypatch.delenv("DED_EDITOR_KEY", raising=False)
    at = open_page("pages/sources.py")
    assert [b.label for b in at.button if b.label in ("Add to the corpus", "Move to the trash")] == []
    assert any("switched off" in c.value for c in at.caption)
    assert at.get("file_uploader"), "a visitor may still try an article in their own session"


def test_an_editor_key_unlocks_adding_articles_for_that_session_only(sample_data, monkeypatch):
    monkeypatch.delenv("DED_EDITING")
    monkeypatch.setenv("DED_EDITOR_KEY", "correct horse")
    at = open_page("pages/sources.py")
    assert "Add to the corpus" not in [b.label for b in at.button]
    at.text_input(key="editor_key_input").input("wrong")
    button(at, "Unlock adding articles").click().run()  # a form sends what was typed with its button
    assert any("not the editor key" in e.value for e in at.error)
    assert "Add to the corpus" not in [b.label for b in at.button]
    at.text_input(key="editor_key_input").input("correct horse")
    button(at, "Unlock adding articles").click().run()
    assert "Add to the corpus" in [b.label for b in at.button], "the key unlocks adding for this session"
    other = open_page("pages/sources.py")  # another visitor's session
    assert "Add to the corpus" not in [b.label for b in other.button]


def test_sources_lists_every_article_to_search_and_links_to_the_original(built_data, tmp_path):
    from etl.build import run

    (tmp_path / "seeds" / "c_riga.txt").write_text(
        "Riga learning week\n\nSource: https://example.org/riga-week\n\nAbout 45 schools in Riga joined.",
        encoding="utf-8",
    )
    run(tmp_path / "seeds", built_data, cache_dir=tmp_path / "cache")
    at = open_page("pages/sources.py", query={"doc": "c_riga"})
    table = next(df.value for df in at.dataframe if "Original" in df.value)
    assert sorted(table["Id"]) == ["a_lisbon", "b_nairobi", "c_riga"]
    assert table.set_index("Id").loc["c_riga", "Original"] == "https://example.org/riga-week"
    assert [b.proto.url for b in at.get("link_button")] == ["https://example.org/riga-week"]
    at.text_input(key="src_search").input("nairobi").run()
    table = next(df.value for df in at.dataframe if "Original" in df.value)
    assert list(table["Id"]) == ["b_nairobi"]
    at.text_input(key="src_search").input("atlantis").run()
    assert any("No article matches" in i.value for i in at.info)


def test_one_set_of_filters_narrows_events_and_learning_cities_and_says_what_names_nothing(sample_data):
    at = open_page("pages/events.py", query={"place": "Lisbon"})
    assert list(at.dataframe[-1].value["name"]) == ["Lisbon teachers meeting"]
    assert any("1 of 2 events" in c.value for c in at.caption)
    at = open_page("pages/events.py", query={"place": "Atlantis"})
    assert any("Atlantis" in md_literal_plain(w.value) for w in at.warning)
    assert any("No event passes" in i.value for i in at.info)
    at = open_page("pages/learning_cities.py", query={"article": "b_nairobi"})
    assert not at.exception
    assert any("learning-city mentions" in c.value for c in at.caption)
    at.button(key="clear_filters_learning-city mentions").click().run()
    assert "article" not in at.query_params


def test_figures_filter_by_publication_date_and_flagged_and_keep_them_across_pages(sample_data):
    at = open_page("pages/figures.py", query={"from": "2024-01-01"})
    assert set(at.dataframe[-1].value["article"]) == {"Teachers meet in Lisbon"}  # the undated article is left out
    assert str(at.date_input(key="f_from").value) == "2024-01-01"
    at.switch_page("pages/events.py").run()
    at.query_params.clear()  # what Streamlit does to the URL on a page change
    at.switch_page("pages/figures.py").run()
    assert at.query_params.get("from") in ("2024-01-01", ["2024-01-01"])
    at = open_page("pages/figures.py", query={"flagged": "1", "to": "31/12/2024"})
    assert any("not a date" in md_literal_plain(w.value) for w in at.warning)
    assert any("No figure matches" in w.value for w in at.warning)  # nothing in the sample looks wrong


def md_literal_plain(markdown: str) -> str:
    return markdown.replace("\\", "").replace("\u2060", "")


def test_every_chart_has_chart_table_and_sources_views_with_downloads(sample_data):
    for page, charts_on_page in (("pages/events.py", 3), ("pages/figures.py", 1), (None, 1)):
        at = open_page(page)
        labels = [t.label for t in at.tabs]
        assert labels == ["Chart", "Table", "Sources"] * charts_on_page, (page, labels)
    at = show_view(open_page("pages/events.py"), "events_attendance", "Sources")
    attendance_sources = at.dataframe[0].value
    assert "Lisbon teachers meeting: 2,000 teachers" in set(attendance_sources["Value"])
    assert "Over 2,000 teachers from 40 countries met in Lisbon" in set(attendance_sources["Sentence"])
    show_view(at, "events_attendance", "Table")
    assert {b.label for b in at.get("download_button")} >= {"Table (CSV)", "With schema, citation and sources (zip)"}


def test_a_chart_builds_only_the_view_shown(sample_data, monkeypatch):
    """A page run draws each chart; its Table and Sources (a thousand rows with sentences at scale) wait for a
    click on their tab, and the Sources' query is asked only then."""
    from dashboard import query_events

    asked = []
    sources = query_events.sources
    monkeypatch.setattr(query_events, "sources", lambda *a, **k: asked.append(a) or sources(*a, **k))
    at = open_page("pages/events.py")
    assert len(at.get("plotly_chart")) == 3
    assert not any("Original" in d.value.columns for d in at.dataframe) and asked == []  # no Sources view
    assert not {b.label for b in at.get("download_button")} & {"Table (CSV)"}
    show_view(at, "events_countries", "Sources")
    assert len(at.get("plotly_chart")) == 2  # the chart whose Sources are shown is not drawn meanwhile
    assert len(asked) == 1 and any("Original" in d.value.columns for d in at.dataframe)
    show_view(at, "events_countries", "Chart")
    assert len(at.get("plotly_chart")) == 3


def test_figures_show_a_measure_reported_on_two_dates_over_time_with_each_sentence(built_data, tmp_path):
    from etl.build import run

    seeds = tmp_path / "seeds"
    for name, day, value in (("p1", "2024-01-05", "30"), ("p2", "2024-06-01", "37.3")):
        (seeds / f"{name}.txt").write_text(
            f"Platform news\n\nPublished: {day}\n\nThe Smart Education Platform had {value} billion page views.",
            encoding="utf-8",
        )
    run(seeds, built_data, cache_dir=tmp_path / "cache")
    at = open_page("pages/figures.py")
    assert not at.get("selectbox")  # the section is closed: a search answers without it
    at.session_state["f_trend_open"] = True  # as opening it does
    show_view(at, "figures_trend", "Sources")
    assert "page views · Smart Education Platform (2 dates)" in at.selectbox(key="f_trend").options
    *_, trend_sources = [df.value for df in at.dataframe if "Sentence" in df.value.columns]  # the last chart's
    assert sorted(trend_sources["Value"]) == ["30 billion page views", "37.3 billion page views"]
    assert set(trend_sources["Published"]) == {"2024-01-05", "2024-06-01"}


def test_the_overview_follows_the_filters_of_the_address_bar(sample_data):
    at = open_page(query={"place": "Nairobi"})
    assert any("follow the filters" in c.value for c in at.caption)
    (timeline,) = show_view(at, "overview_timeline", "Table").dataframe
    assert list(timeline.value["Name"]) == ["Nairobi Forum"]
    assert {m.label for m in at.metric} >= {"Articles", "Figures"}  # the corpus counts stay whole
    assert any("No count passes" in i.value for i in at.info)  # no count is said of a place called Nairobi
