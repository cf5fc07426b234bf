"""Pages with widget callbacks or downloads built on click keep their frames out of the module's globals.

A callback or a ``data=lambda`` keeps its module's globals alive for as long as the session lives (and Streamlit keeps
a closed session for two minutes): a frame bound at module level would be one copy of the tables per session.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAGES = sorted((Path(__file__).resolve().parents[2] / "pages").glob("*.py"))
HOLDS_GLOBALS = ("on_change=", "on_click=_", "format_func=", "data=lambda")


def _module_level_data_calls(tree: ast.Module) -> list[str]:
    found = []
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            for call in ast.walk(node.value):
                func = getattr(call, "func", None)
                named = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                if named and func.value.id == "data" and func.attr != "dirs":
                    found.append(f"line {node.lineno}: data.{func.attr}()")
    return found


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_a_page_whose_widgets_keep_its_globals_loads_its_tables_inside_a_function(page):
    source = page.read_text(encoding="utf-8")
    if not any(marker in source for marker in HOLDS_GLOBALS):
        pytest.skip("no callback or deferred download: the globals die with the script run")
    assert _module_level_data_calls(ast.parse(source)) == []


def test_the_check_sees_a_table_loaded_at_module_level():
    tree = ast.parse("t = data.load_all()\nd = data.dirs()\ndef main():\n    m = data.load('metrics')\n")
    assert _module_level_data_calls(tree) == ["line 1: data.load_all()"]
