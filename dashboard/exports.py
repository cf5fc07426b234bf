"""Downloads: each table as CSV, and every table with its datapackage.json as one zip, safe to open in a spreadsheet.

A text cell of an article ("=HYPERLINK(...)", "+cmd|...", "@SUM(...)") would run as a formula in Excel, LibreOffice
or Google Sheets. Every download prefixes such cells with an apostrophe, which spreadsheets show as text; the tables
in data/ keep the text as written, and the zip's datapackage.json describes (and hashes) the files it holds.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd

from etl.schema import TABLE_BY_NAME, TABLES, datapackage
from etl.write import json_bytes

_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same tables always give the same zip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read a cell as a formula (OWASP)
SAFE_NOTE = (
    " In this download, text cells that begin with =, +, -, @, a tab or a carriage return start with an apostrophe "
    "(') so that spreadsheets show them as text and never run them; the tables the ETL writes keep them as written."
)


def safe_cell(value: object) -> object:
    """``value`` as a spreadsheet shows it as text: an apostrophe before a string that would start a formula."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _text_columns(name: str) -> list[int]:
    return [i for i, f in enumerate(TABLE_BY_NAME[name].fields) if f.type == "string"]


def safe_csv(name: str, data: bytes) -> bytes:
    """The CSV bytes of table ``name`` with its text cells made safe; the same bytes when none needs it."""
    text = data.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    columns = _text_columns(name)
    changed = False
    for row in rows[1:]:  # the header is the schema's
        for i in columns:
            if i < len(row) and (safe := safe_cell(row[i])) is not row[i]:
                row[i] = safe
                changed = True
    if not changed:
        return data
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are made safe (for a download of filtered rows)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(safe_cell)
    return out


def table_bytes(data_dir: Path, name: str) -> bytes:
    """The CSV file as built, its text cells made safe for spreadsheets, or b"" when missing."""
    try:
        return safe_csv(name, (Path(data_dir) / f"{name}.csv").read_bytes())
    except OSError:
        return b""


def package_zip(data_dir: Path) -> bytes:
    """A zip of every table and a datapackage.json that describes them, so a download carries its schema, sources
    and licence."""
    payloads = {t.name: table_bytes(data_dir, t.name) for t in TABLES if (Path(data_dir) / f"{t.name}.csv").is_file()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        files = {f"{name}.csv": data for name, data in payloads.items()}
        if len(payloads) == len(TABLES):
            package = datapackage(payloads)
            package["description"] += SAFE_NOTE
            files["datapackage.json"] = json_bytes(package)
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buffer.getvalue()
