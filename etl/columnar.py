"""Each table as Parquet beside its CSV, for the dashboard's queries (DuckDB reads it by column and row group).

The CSV files stay the published, validated contract; the Parquet file of a table is made from that table's checked
CSV bytes (staged, not yet renamed), read back a block at a time and written a row group at a time, so no table is
held whole. The column types follow the contract (``etl.schema``): text as strings ("" when empty, as in the CSV),
numbers as doubles, integers as 64-bit integers and dates as dates (both null when empty). The bytes depend only on
the CSV bytes and the pinned pyarrow, so they are the same for any ``--jobs`` and either engine.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from etl.schema import TABLE_BY_NAME
from etl.write import Staged

ROW_GROUP = 16_384  # rows per row group: what DuckDB skips or reads as one piece (and what the writer holds)
READ_BLOCK = 1 << 20  # bytes of CSV parsed at a time
# Text that rarely repeats: a dictionary would only cost memory while a row group is written.
PLAIN = frozenset({"metric_id", "sentence", "surface", "sha256", "title", "url", "file", "article_ids", "metric_ids"})
_ARROW = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "date": pa.date32()}


def arrow_schema(name: str) -> pa.Schema:
    """The Arrow schema of table ``name``: its contract's columns, in order, with their types."""
    return pa.schema([pa.field(f.name, _ARROW[f.type]) for f in TABLE_BY_NAME[name].fields])


class _Sink:
    """A write-only file object over a :class:`Staged` file, for pyarrow (hashed and sized as it is written)."""

    closed = False

    def __init__(self, staged: Staged) -> None:
        self._staged = staged

    def write(self, data) -> int:
        self._staged.write(bytes(data))
        return len(data)

    def tell(self) -> int:
        return self._staged.size

    def flush(self) -> None:
        pass

    def writable(self) -> bool:
        return True

    def close(self) -> None:  # the Staged file is finished (fsynced) with the rest of its set
        self.closed = True


def write_parquet(name: str, csv: bytes | Staged, folder: Path) -> Staged:
    """Table ``name`` as a Parquet file staged in ``folder``, from its CSV (bytes, or a staged file being built)."""
    schema = arrow_schema(name)
    if isinstance(csv, Staged):
        csv.flush()
        source: pa.NativeFile = pa.OSFile(str(csv.path), "rb")
    else:
        source = pa.BufferReader(csv)
    staged = Staged(folder, f"{name}.parquet")
    try:
        with source:
            reader = pacsv.open_csv(
                source,
                read_options=pacsv.ReadOptions(block_size=READ_BLOCK, use_threads=False),
                parse_options=pacsv.ParseOptions(newlines_in_values=True),
                convert_options=pacsv.ConvertOptions(
                    column_types=schema,
                    include_columns=schema.names,
                    null_values=[""],
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )
            sink = _Sink(staged)
            dictionary = [n for n in schema.names if n not in PLAIN]
            with pq.ParquetWriter(
                sink, schema, compression="zstd", write_statistics=True, use_dictionary=dictionary
            ) as writer:
                held: list[pa.RecordBatch] = []
                rows = 0
                for batch in reader:
                    held.append(batch)
                    rows += batch.num_rows
                    while rows >= ROW_GROUP:  # row groups of a fixed size, whatever the CSV's blocks
                        whole = pa.Table.from_batches(held, schema)
                        writer.write_table(whole.slice(0, ROW_GROUP), row_group_size=ROW_GROUP)
                        rest = whole.slice(ROW_GROUP)
                        held, rows = rest.to_batches(), rest.num_rows
                if rows:  # an empty table is a file with its schema and no row group
                    writer.write_table(pa.Table.from_batches(held, schema), row_group_size=ROW_GROUP)
    except BaseException:
        staged.discard()
        raise
    return staged
