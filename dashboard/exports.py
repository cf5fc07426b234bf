"""Downloads: each table as CSV, every table with its datapackage.json as one zip, and a filtered view of the figures
with its own schema, citation and sources; all safe to open in a spreadsheet.

A text cell of an article ("=HYPERLINK(...)", "+cmd|...", "@SUM(...)") would run as a formula in Excel, LibreOffice
or Google Sheets. Every download prefixes such cells with an apostrophe, which spreadsheets show as text; the tables
in data/ keep the text as written, and the zip's datapackage.json describes (and hashes) the files it holds.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO, cast, overload

import pandas as pd

from dashboard.filters import Filters, describe, to_params
from etl.schema import TABLE_BY_NAME, TABLES, datapackage, table_schema
from etl.write import json_bytes

_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same tables always give the same zip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read a cell as a formula (OWASP)
SAFE_NOTE = (
    " In this download, text cells that begin with =, +, -, @, a tab or a carriage return start with an apostrophe "
    "(') so that spreadsheets show them as text and never run them; the tables the ETL writes keep them as written."
)


# A string stays a string (a CSV row's cells), anything else comes back as it is.
@overload
def safe_cell(value: str) -> str: ...
@overload
def safe_cell(value: object) -> object: ...
def safe_cell(value: object) -> object:
    """``value`` as a spreadsheet shows it as text: an apostrophe before a string that would start a formula."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _text_columns(name: str) -> list[int]:
    return [i for i, f in enumerate(TABLE_BY_NAME[name].fields) if f.type == "string"]


def _has_formula(name: str, lines: Iterable[str]) -> bool:
    """Whether a text cell of table ``name``'s CSV (read line by line) would start a formula."""
    columns = _text_columns(name)
    rows = csv.reader(lines)
    next(rows, None)  # the header is the schema's
    return any(i < len(row) and row[i].startswith(FORMULA_STARTS) for row in rows for i in columns)


def _write_safe(name: str, lines: Iterable[str], out: TextIO) -> None:
    """Table ``name``'s CSV (read line by line) to ``out`` with its text cells made safe, a row at a time."""
    columns = _text_columns(name)
    writer = csv.writer(out, lineterminator="\n")
    for n, row in enumerate(csv.reader(lines)):
        if n:  # the header is the schema's
            for i in columns:
                if i < len(row):
                    row[i] = safe_cell(row[i])
        writer.writerow(row)


def safe_csv(name: str, data: bytes) -> bytes:
    """The CSV bytes of table ``name`` with its text cells made safe; the same bytes when none needs it."""
    text = data.decode("utf-8")
    if not _has_formula(name, io.StringIO(text, newline="")):
        return data
    out = io.StringIO(newline="")
    _write_safe(name, io.StringIO(text, newline=""), out)
    return out.getvalue().encode("utf-8")


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are made safe (for a download of filtered rows)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(safe_cell)
    return out


def table_bytes(data_dir: Path, name: str) -> bytes:
    """The CSV file as built, its text cells made safe for spreadsheets, or b"" when missing. Read from disk a row at a
    time (a table at scale is hundreds of MB): the file's bytes as published when no cell needs it, else rewritten
    row by row."""
    path = Path(data_dir) / f"{name}.csv"
    try:
        with path.open(encoding="utf-8", newline="") as lines:
            risky = _has_formula(name, lines)
        if not risky:
            return path.read_bytes()
        out = io.BytesIO()
        text = io.TextIOWrapper(out, encoding="utf-8", newline="")
        with path.open(encoding="utf-8", newline="") as lines:
            _write_safe(name, lines, text)
        text.flush()
        text.detach()  # leaves ``out`` open
        return out.getvalue()
    except OSError:
        return b""


def package_zip(data_dir: Path) -> bytes:
    """A zip of every table and a datapackage.json that describes them, so a download carries its schema, sources
    and licence."""
    payloads = {t.name: table_bytes(data_dir, t.name) for t in TABLES if (Path(data_dir) / f"{t.name}.csv").is_file()}
    files = {f"{name}.csv": data for name, data in payloads.items()}
    if len(payloads) == len(TABLES):
        package = datapackage(payloads)
        package["description"] += SAFE_NOTE
        files["datapackage.json"] = json_bytes(package)
    return zip_bytes(files)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` (name -> bytes) with fixed timestamps: the same files always give the same zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buffer.getvalue()


# --- a filtered view of the figures, as a reader downloads it ---------------------------------------------------------

CITATION = (
    "Digital Education Dashboard: figures extracted from news articles, {view}, downloaded {day}. Each figure cites "
    "its article and sentence; see sources."
)


def view_name(f: Filters) -> str:
    """A file name that says what the view holds: ``figures-category-people-place-lisbon-from-2024-01-01``."""
    parts = ["figures"]
    for key, values in to_params(f).items():
        parts += [key, *values] if key != "flagged" else ["flagged"]
    folded = unicodedata.normalize("NFKD", "-".join(parts)).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug[:80].rstrip("-") or "figures"


def view_frame(shown: pd.DataFrame) -> pd.DataFrame:
    """The rows as the metrics table's contract has them: its columns only and in order, integers as integers
    ("4004", not "4004.0"), text cells made safe for spreadsheets."""
    table = TABLE_BY_NAME["metrics"]
    out = shown.reindex(columns=table.columns)
    for f in table.fields:
        if f.type == "integer":
            out[f.name] = pd.to_numeric(out[f.name], errors="coerce").astype("Int64")
        elif f.type == "date":
            out[f.name] = pd.to_datetime(out[f.name], errors="coerce").dt.strftime("%Y-%m-%d")
    return safe_frame(out)


def view_csv(shown: pd.DataFrame) -> bytes:
    return view_frame(shown).to_csv(index=False).encode("utf-8")


def view_zip(shown: pd.DataFrame, f: Filters, articles: pd.DataFrame, day: str) -> bytes:
    """The view's CSV with a datapackage.json that gives its schema, the filters that made it, a citation line and
    every article it cites (title, date, link to the original), so the file can be cited and checked on its own."""
    name = view_name(f)
    data = view_csv(shown)
    cited = articles[articles["article_id"].isin(set(shown["article_id"]))]
    sources = []
    for row in cited.itertuples(index=False):
        title, article_id = cast(str, row.title), cast(str, row.article_id)
        source = {"title": f"{title or article_id} ({article_id})"}
        if isinstance(row.url, str) and row.url.startswith(("http://", "https://")):
            source["path"] = row.url
        sources.append(source)
    view = describe(f) or "every figure"
    package = {
        "name": name,
        "title": f"Digital education figures: {view}",
        "description": f"{len(shown):,} figures from the Digital Education Dashboard, filtered by {view}." + SAFE_NOTE,
        "citation": CITATION.format(view=view, day=day),
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "sources": sources,
        "profile": "tabular-data-package",
        "resources": [
            {
                "name": "metrics",
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "description": TABLE_BY_NAME["metrics"].description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(data),
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "schema": {k: v for k, v in table_schema(TABLE_BY_NAME["metrics"]).items() if k != "foreignKeys"},
            }
        ],
    }
    return zip_bytes({f"{name}.csv": data, "datapackage.json": json_bytes(package)})


# --- the data behind one chart ------------------------------------------------------------------------------------------


def _field_type(column: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(column):
        return "boolean"
    if pd.api.types.is_numeric_dtype(column):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(column):
        return "date"
    return "string"


def _typed_csv(frame: pd.DataFrame) -> tuple[bytes, dict]:
    """CSV bytes of ``frame`` (dates as ISO days, text made safe) and the Table Schema that describes them."""
    out = frame.copy()
    fields = []
    for column in frame.columns:
        kind = _field_type(frame[column])
        if kind == "date":
            out[column] = frame[column].dt.strftime("%Y-%m-%d")
        fields.append({"name": str(column), "type": kind})
    data = safe_frame(out).to_csv(index=False).encode("utf-8")
    return data, {"fields": fields, "missingValues": [""]}


def chart_zip(name: str, title: str, table: pd.DataFrame, sources: pd.DataFrame, day: str) -> bytes:
    """One chart's data as a citable package: ``<name>.csv`` (the charted rows), ``<name>-sources.csv`` (each value's
    article, link and sentence) and a datapackage.json with their schemas and a citation line."""
    resources, files = [], {}
    for part, frame, what in (
        (name, table, "The data the chart draws."),
        (f"{name}-sources", sources, "Where each value is said."),
    ):
        data, schema = _typed_csv(frame)
        files[f"{part}.csv"] = data
        resources.append(
            {
                "name": part,
                "path": f"{part}.csv",
                "profile": "tabular-data-resource",
                "description": what,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(data),
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "schema": schema,
            }
        )
    package = {
        "name": name,
        "title": title,
        "description": f"The data behind the chart “{title}” of the Digital Education Dashboard." + SAFE_NOTE,
        "citation": CITATION.format(view=title, day=day),
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "profile": "tabular-data-package",
        "resources": resources,
    }
    files["datapackage.json"] = json_bytes(package)
    return zip_bytes(files)
