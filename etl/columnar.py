"""Each table as Parquet beside its CSV, for the dashboard's queries (DuckDB reads it by column and row group).

The CSV files stay the published, validated contract; the Parquet file of a table is made from that table's checked
CSV bytes (staged, not yet renamed), read back a block at a time and written a row group at a time, so no table is
held whole. The column types follow the contract (``etl.schema``): text as strings ("" when empty, as in the CSV),
numbers as doubles, integers as 64-bit integers and dates as dates (both null when empty). Each row group is copied
into one piece before it is written, so the bytes depend only on the CSV bytes, ``ROW_GROUP`` and the pinned pyarrow,
not on where the CSV's blocks end: they are the same as writing the whole table at once, for any ``--jobs`` and
either engine.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from etl.schema import TABLE_BY_NAME
from etl.write import Staged

ROW_GROUP = 16_384  # rows per row group: what DuckDB skips or reads as one piece (and what the writer holds)
# Bytes of CSV parsed at a time; a row longer than about twice this is read again with larger blocks (same bytes).
# With 1 MB blocks the reader held up to 40 MB, with 256 KB 10 MB (the 225 MB metrics CSV of 40,000 articles).
READ_BLOCK = 1 << 18
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


PARSE = pacsv.ParseOptions(newlines_in_values=True)  # a quoted sentence may hold a line break


def convert_options(schema: pa.Schema) -> pacsv.ConvertOptions:
    """How a table's CSV is read back: typed by the contract, "" a null number or date but an empty string."""
    return pacsv.ConvertOptions(
        column_types=schema,
        include_columns=schema.names,
        null_values=[""],
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
    )


def write_parquet(name: str, csv: bytes | Staged, folder: Path) -> Staged:
    """Table ``name`` as a Parquet file staged in ``folder``, from its CSV (bytes, or a staged file being built)."""
    if isinstance(csv, Staged):
        csv.flush()
    block = READ_BLOCK
    while True:
        try:
            return _write_parquet(name, csv, folder, block)
        except pa.ArrowInvalid as exc:
            # pyarrow refuses a row that spans more than two blocks ("straddling object ...", or "Empty CSV file or
            # block" for the header): an event that thousands of articles report lists them all in one row; and a
            # quoted value whose line break falls where a block ends ("CSV parser got out of sync with chunker")
            size = csv.size if isinstance(csv, Staged) else len(csv)
            if not ("block" in str(exc) or "out of sync" in str(exc)) or block >= size:
                raise
            block *= 4


def _write_parquet(name: str, csv: bytes | Staged, folder: Path, block: int) -> Staged:
    schema = arrow_schema(name)
    source = pa.OSFile(str(csv.path), "rb") if isinstance(csv, Staged) else pa.BufferReader(csv)
    staged = Staged(folder, f"{name}.parquet")
    try:
        with source:
            reader = pacsv.open_csv(
                source,
                read_options=pacsv.ReadOptions(block_size=block, use_threads=False),
                parse_options=PARSE,
                convert_options=convert_options(schema),
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
                        group = whole.slice(0, ROW_GROUP).combine_chunks()
                        held, rows = whole.slice(ROW_GROUP).to_batches(), rows - ROW_GROUP
                        del whole  # the blocks the group was copied from
                        writer.write_table(group, row_group_size=ROW_GROUP)
                        del group
                if rows:  # an empty table is a file with its schema and no row group
                    writer.write_table(pa.Table.from_batches(held, schema).combine_chunks(), row_group_size=ROW_GROUP)
    except BaseException:
        staged.discard()
        raise
    return staged
