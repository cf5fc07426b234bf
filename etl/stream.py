"""Build the tables a batch of articles at a time, in article-id order, so that memory stays flat as a corpus grows.

An article's rows of the per-article tables (metrics, places, learning cities) go from the cache, or from the reader,
straight to those tables' temporary files in the output folder, hashed as they are written; its row of the articles
table and its events go to an unnamed scratch file, read back a batch at a time for the tables built across articles:
the articles rows are checked and written, the events merged into what the events table will say of them
(:class:`etl.tables.EventMerger`), and dropped. The files are the same bytes as joining every article's rows in memory
would give, whatever the batch size.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise
from pathlib import Path

from etl import cache
from etl.errors import ContractError
from etl.model import Event, Fragment, Result, Rows
from etl.read import Document, Rejection
from etl.schema import TABLE_BY_NAME
from etl.tables import (
    PER_ARTICLE,
    EventMerger,
    Told,
    broken_reason,
    check_articles,
    check_events,
    check_one,
    check_rows,
    fragment,
    header,
    rejected_table,
    render,
)
from etl.write import Staged

Reader = Callable[[list[Document]], Iterator[Result | Rejection]]  # results in the documents' order
Progress = Callable[[int, int, str], None]  # (done, total, file name)
CACHE_BATCH = 500  # articles loaded from the cache, checked, stored and written out together
LISTED_CHUNK = 5000  # articles whose keys are looked up in the cache together
EVENTS_RENDERED = 64  # rows of the events table rendered at a time (a row lists every article that reports it)


class PerArticleFiles:
    """The per-article tables' temporary files, each article's rows appended in article order, and where each
    article's rows end in each file, so that an article left out later can be cut out again."""

    def __init__(self, out: Path) -> None:
        self.files: dict[str, Staged] = {}
        try:
            for name in PER_ARTICLE:
                self.files[name] = Staged(out, f"{name}.csv")
                self.files[name].write(header(name).encode("utf-8"))
        except BaseException:
            self.discard()
            raise
        self.ends = {name: array("q") for name in PER_ARTICLE}  # compact: eight bytes per article and table
        self.counts = {name: array("q") for name in PER_ARTICLE}

    def append(self, frag: Fragment) -> None:
        for i, name in enumerate(PER_ARTICLE):
            self.ends[name].append(self.files[name].write(frag.csv[i]))
            self.counts[name].append(frag.counts[i])

    def rows(self) -> dict[str, int]:
        return {name: sum(self.counts[name]) for name in PER_ARTICLE}

    def without(self, drop: Sequence[int]) -> None:
        """Copy every article's rows but those of the articles at positions ``drop`` into new temporaries."""
        gone = set(drop)
        for name in PER_ARTICLE:
            old, ends = self.files[name], self.ends[name]
            head = len(header(name).encode("utf-8"))

            def start(i: int, ends: array = ends, head: int = head) -> int:
                return ends[i - 1] if i else head

            new = Staged(old.path.parent, old.name)
            self.files[name] = new  # discarded with the others from here on
            at = 0
            for i in sorted(gone):  # copy the runs of kept articles between those left out, in one go each
                new.copy_from(old, at, start(i))
                at = ends[i]
            new.copy_from(old, at, old.size)
            old.discard()
            kept = [i for i in range(len(ends)) if i not in gone]
            self.ends[name] = array("q")
            total = head
            for i in kept:
                total += ends[i] - start(i)
                self.ends[name].append(total)
            self.counts[name] = array("q", (self.counts[name][i] for i in kept))

    def discard(self) -> None:
        for staged in self.files.values():
            staged.discard()


class ToldSpill:
    """Every article's share of the tables built across articles, pickled a batch at a time to an unnamed temporary
    file (it vanishes with the process, even a killed one), and read back in order as often as needed."""

    def __init__(self, folder: Path) -> None:
        # beside the tables (/tmp may be a RAM disk); closed by close(), which the build always calls
        self._fh = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115

    def add(self, batch: list[Told]) -> None:
        data = pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL)
        self._fh.write(len(data).to_bytes(8, "little") + data)

    def batches(self) -> Iterator[list[Told]]:
        self._fh.flush()
        fd, at, end = self._fh.fileno(), 0, self._fh.tell()
        while at < end:  # positioned reads: two passes may be under way at once
            size = int.from_bytes(os.pread(fd, 8, at), "little")
            yield pickle.loads(os.pread(fd, size, at + 8))
            at += 8 + size

    def __iter__(self) -> Iterator[Told]:
        for batch in self.batches():
            yield from batch

    def close(self) -> None:
        self._fh.close()


def build_tables(
    docs: list[Document],
    rejected: list[Rejection],
    out: Path,
    cache_dir: Path | None,
    read: Reader,
    read_here: Callable[[Document], Result | Rejection],
    progress: Progress | None,
) -> tuple[dict[str, bytes | Staged], dict[str, int], list[Rejection], int]:
    """Every table of ``docs`` (small ones as bytes, large ones staged in ``out``), its row count, every file left
    out, and how many articles came from the cache. ``read`` reads the articles the cache lacks, in order;
    ``read_here`` one whose fragment left the cache while the build ran (another version's run pruned it)."""
    ordered = sorted(docs, key=lambda d: d.article_id)  # the tables' order
    if any(a.article_id == b.article_id for a, b in pairwise(ordered)):
        raise ContractError("two articles share an id")  # the ids in every per-article row rely on it
    listed = _listed(cache_dir, ordered)
    todo = [d for d, hit in zip(ordered, listed, strict=True) if not hit]
    if todo:
        from etl.extract.places import gazetteer

        gazetteer()  # before any worker starts, so that forked workers share it
    per_article, spill = PerArticleFiles(out), ToldSpill(out)
    broken: list[Rejection] = []
    hits, done = 0, len(docs) - len(todo)
    reader = read(todo)
    articles: Staged | None = None
    events: Staged | None = None
    try:
        for first in range(0, len(ordered), CACHE_BATCH):
            batch = [
                (doc, cache_key(doc), listed[i]) for i, doc in enumerate(ordered[first : first + CACHE_BATCH], first)
            ]
            cached = cache.load_many(cache_dir, [k for _, k, hit in batch if hit]) if cache_dir else {}
            fresh: list[tuple[Document, Rows, tuple[Event, ...]]] = []
            for doc, key, hit in batch:
                if key in cached:
                    continue
                got = read_here(doc) if hit else next(reader)
                if isinstance(got, Rejection):  # over its time budget, or changed since it was hashed
                    broken.append(got)
                    continue
                fresh.append((doc, *got))
                done += 1
                if progress:
                    progress(done, len(docs), doc.file)
            checked = _checked(fresh, broken)
            if cache_dir:
                cache.store_many(cache_dir, checked)  # a run killed half-way keeps what it had read
            told = []
            for doc, key, _ in batch:
                frag = cached.get(key) or checked.get(key)
                if frag is None:  # its rows break the contract: left out, with its reason in ``broken``
                    continue
                hits += key in cached
                per_article.append(frag)
                told.append(Told(doc.article_id, doc.file, frag.article, frag.events))
            spill.add(told)
        _close(reader)  # every article is read: end the workers before the tables built across articles
        articles, counts, events, left_out = _across(spill, out)
        if left_out:  # the rare article whose rows break a table built across articles
            positions = [i for i, t in enumerate(spill) if t.article_id in left_out]
            per_article.without(positions)
        rejected = [*rejected, *broken, *left_out.values()]
        rejected_csv, counts["rejected"] = rejected_table(rejected)
    except BaseException:
        per_article.discard()
        for staged in (articles, events):
            if staged is not None:
                staged.discard()
        raise
    finally:
        spill.close()
        _close(reader)  # on failure too: stop the workers rather than let them read articles nobody will take
    rows = {**counts, **per_article.rows()}
    tables: dict[str, bytes | Staged] = {"rejected": rejected_csv, **per_article.files}
    for name, staged in (("articles", articles), ("events", events)):
        if staged is not None:  # _across staged both
            tables[name] = staged
    return {n: tables[n] for n in TABLE_BY_NAME}, {n: rows[n] for n in TABLE_BY_NAME}, rejected, hits


def _listed(cache_dir: Path | None, ordered: list[Document]) -> bytearray:
    """For each article, 1 when the cache holds its fragment: asked a chunk at a time, so that no list or set of every
    article's key is held through the build (190 bytes an article)."""
    listed = bytearray(len(ordered))
    if cache_dir is None:
        return listed
    for first in range(0, len(ordered), LISTED_CHUNK):
        keys = [cache_key(d) for d in ordered[first : first + LISTED_CHUNK]]
        found = cache.keys_among(cache_dir, keys)
        for i, key in enumerate(keys, first):
            listed[i] = key in found
    return listed


def _close(reader: Iterator) -> None:
    close = getattr(reader, "close", None)
    if close:
        close()


def _across(spill: ToldSpill, out: Path) -> tuple[Staged, dict[str, int], Staged, dict[str, Rejection]]:
    """The tables built across articles (articles and events, staged), their row counts, and the articles left
    out because their rows break them: no single article, however written, can stop a build."""
    try:
        return (*_whole(spill, out, set()), {})
    except ContractError:
        pass
    left_out: dict[str, Rejection] = {}
    for told in spill:  # one article at a time, only when a whole table fails: a rare, slow path
        try:
            check_one(told)
        except ContractError as exc:
            left_out[told.article_id] = Rejection(told.file, broken_reason(told.file, exc))
    # what is left must pass whole (two articles that break it only together still stop the build, loudly)
    return (*_whole(spill, out, set(left_out)), left_out)


def _whole(spill: ToldSpill, out: Path, skip: set[str]) -> tuple[Staged, dict[str, int], Staged]:
    """The articles table (checked and staged a batch at a time) and the events table (merged as the batches are read,
    checked whole, staged) of every article but ``skip``; raises ContractError when either breaks the contract."""
    articles = Staged(out, "articles.csv")
    events_csv: Staged | None = None
    try:
        articles.write(header("articles").encode("utf-8"))
        n = 0
        merger = EventMerger()
        for batch in spill.batches():  # one pass: no article's events are held once merged
            kept = [t for t in batch if t.article_id not in skip]
            rows = [t.article for t in kept]
            check_articles(rows)  # its checks are of one row each: a batch at a time is the whole table's check
            articles.write(render(rows).encode("utf-8"))
            n += len(rows)
            for t in kept:
                merger.add(t.article_id, t.events)
        events = merger.rows()
        del merger
        check_events(events)
        events_csv = Staged(out, "events.csv")
        events_csv.write(header("events").encode("utf-8"))
        for i in range(0, len(events), EVENTS_RENDERED):
            events_csv.write(render(events[i : i + EVENTS_RENDERED]).encode("utf-8"))
    except BaseException:
        articles.discard()
        if events_csv is not None:
            events_csv.discard()
        raise
    return articles, {"articles": n, "events": len(events)}, events_csv


def _checked(fresh: list[tuple[Document, Rows, tuple[Event, ...]]], broken: list[Rejection]) -> dict[str, Fragment]:
    """The fragments of the freshly read articles whose rows keep the contract, checked together; those that break
    it (checked one at a time only then) are added to ``broken`` with the reason."""
    if not fresh:
        return {}
    good = fresh
    try:
        check_rows([rows for _, rows, _ in fresh])
    except ContractError:  # one article at a time, to leave out only those that break it
        good = []
        for item in fresh:
            try:
                check_rows([item[1]])
                good.append(item)
            except ContractError as exc:
                broken.append(Rejection(item[0].file, broken_reason(item[0].file, exc)))
    return {cache_key(doc): fragment(rows, events) for doc, rows, events in good}


def cache_key(doc: Document) -> str:
    """A fragment holds the article's id (its file name) in every row, so both name it in the cache."""
    return f"{doc.sha256}:{doc.file}"
