"""Downloads: each table as CSV, and every table with its datapackage.json as one zip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from etl.schema import TABLES

_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same tables always give the same zip


def table_bytes(data_dir: Path, name: str) -> bytes:
    """The CSV file as built (its bytes match the hash in datapackage.json), or b"" when missing."""
    try:
        return (Path(data_dir) / f"{name}.csv").read_bytes()
    except OSError:
        return b""


def package_zip(data_dir: Path) -> bytes:
    """A zip of every table and datapackage.json, so a download carries its schema, sources and licence."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        names = [f"{t.name}.csv" for t in TABLES] + ["datapackage.json"]
        for name in names:
            path = Path(data_dir) / name
            if path.is_file():
                info = zipfile.ZipInfo(name, date_time=_EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())
    return buffer.getvalue()
