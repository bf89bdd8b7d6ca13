"""Large graphs kept on disk between commands, keyed by the content of their files.

Every ``itukg`` command is a new process, and parsing a million triples takes seconds. For
inputs of :data:`THRESHOLD` bytes or more, the first command loads them into an Oxigraph
store on disk (RocksDB), in a folder named by :func:`content_key`: the SHA-256 of the files'
bytes, sizes and names' suffixes, of the versions of itukg and pyoxigraph, and of
:data:`LAYOUT`. Later commands with the same inputs open that store read-only in
milliseconds, instead of parsing again.

A query on a store on disk runs slower than in memory, so the answers of queries are kept
beside the store as well (SPARQL JSON results, or N-Triples for a graph): the same query text
on the same inputs is read back, not run again. So are their renderings (an aligned table, CSV,
Turtle, ...) once made, because printing a large table takes longer than reading it back. A
query that may answer differently on the same data is always run: one that calls ``RAND``,
``NOW``, ``UUID``, ``STRUUID`` or ``BNODE``, or asks a ``SERVICE``.

One changed byte in any input gives another key, so a stale store is never read. The
:data:`KEEP` most recently used stores are kept and older ones removed. A store is built in a
temporary folder and renamed into place once complete, so a failed or interrupted load leaves
nothing behind. If the folder cannot be written, the graph is loaded in memory as usual.

The folder is ``$ITUKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/itukg``, else ``~/.cache/itukg``;
``ITUKG_CACHE_DIR=off`` keeps nothing on disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph
from pyoxigraph import Store

from itukg import loader, paths
from itukg.__about__ import __version__
from itukg.atomic import atomic_write
from itukg.errors import InputError, OutputError
from itukg.results import AskResult, GraphResult, QueryResult, SelectResult

#: Bytes of input from which the loaded store is kept on disk (about 50,000 triples).
THRESHOLD = 8 * 1024 * 1024

#: How many stores are kept; the least recently used beyond these are removed.
KEEP = 3

#: The version of the layout of a cached store: part of every key.
LAYOUT = 1

#: The environment variable naming the folder; ``off`` keeps nothing on disk.
ENVIRONMENT = "ITUKG_CACHE_DIR"

_OFF = "off"
_INPUTS = "inputs.json"
_STORE = "store"
_ANSWERS = "answers"
_DIGESTS = "digests.json"
_VARYING = re.compile(r"\b(?:RAND|NOW|UUID|STRUUID|BNODE)\s*\(|\bSERVICE\b", re.IGNORECASE)
#: How a kept answer file ends -> (how to read it, the format it is written in).
_ANSWER_KINDS: dict[str, tuple[Callable[[bytes], QueryResult], str]] = {
    ".select.json": (SelectResult, "json"),
    ".ask.json": (AskResult, "json"),
    ".nt": (lambda data: GraphResult(ntriples=data), "nt"),
}


def directory() -> Path | None:
    """Return the folder of kept stores, or None when ``ITUKG_CACHE_DIR=off``."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen is not None:
        return None if chosen.strip().lower() in (_OFF, "") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "itukg"


@dataclass(frozen=True)
class Loaded:
    """A graph's store, or how to open it, and the key it is kept under (None: not kept)."""

    store: Store | Callable[[], Store]
    key: str | None = None


def load(files: Sequence[str | Path], *, keep: bool | None = None) -> Loaded:
    """Return the store holding *files*: kept on disk, or loaded in memory.

    *keep* True keeps the store on disk whatever its size, False never; None (the default)
    keeps it when the files add up to :data:`THRESHOLD` bytes or more. A kept store is built
    at once if need be, but opened only when first used (an answer read back needs none):
    :attr:`Loaded.store` is then a function that opens it. Errors in the files raise
    :class:`InputError` as :func:`itukg.loader.load_store` does.
    """
    folder = directory()
    if keep is False or folder is None:
        return Loaded(loader.load_store(files))
    if keep is None and sum(_size(path) for path in files) < THRESHOLD:
        return Loaded(loader.load_store(files))
    key = content_key(files, folder)
    entry = folder / key
    try:
        if not (entry / _INPUTS).is_file():
            _build(entry, files)
        os.utime(entry / _INPUTS)
    except OSError:
        return Loaded(loader.load_store(files))
    _evict(folder, keep=key)

    def open_store() -> Store:
        try:
            return Store.read_only(str(entry / _STORE))
        except OSError:  # removed or damaged since: load the files as if nothing were kept
            shutil.rmtree(entry, ignore_errors=True)
            return loader.load_store(files)

    return Loaded(open_store, key)


def content_key(files: Iterable[str | Path], folder: Path | None = None) -> str:
    """Return the key of a store holding *files*: a SHA-256 of what decides its content.

    That is each file's kind (Turtle, N-Triples, SSSOM), size and SHA-256, and the versions of
    itukg, pyoxigraph and :data:`LAYOUT`. With *folder*, the digests of files are remembered
    there (``digests.json``) by path, size, modification time and inode, and a file whose
    status is unchanged is not read again; a file changed within two seconds of its digest
    being taken is always read again, as its time may not tell a later change.
    """
    versions = f"itukg {__version__} store {LAYOUT} pyoxigraph {pyoxigraph.__version__}"
    remembered = _digests(folder)
    digest = hashlib.sha256(versions.encode())
    changed = False
    for path in files:
        try:
            status = os.stat(path)
            where = str(Path(path).resolve())
            mark = list(paths.file_status(status))
            known = remembered.get(where)
            if known is not None and known["status"] == mark:
                file_digest = known["sha256"]
            else:
                file_digest = _file_digest(path)
                if paths.settled(status):
                    remembered[where] = {"status": mark, "sha256": file_digest}
                    changed = True
        except OSError as error:
            raise InputError(paths.display(path), loader.os_reason(error)) from None
        digest.update(f"\n{_kind(path)} {status.st_size} {file_digest}".encode())
    if folder is not None and changed:
        with contextlib.suppress(OSError, OutputError):
            folder.mkdir(parents=True, exist_ok=True)
            with atomic_write(folder / _DIGESTS) as stream:
                stream.write(json.dumps(remembered, indent=0).encode())
    return digest.hexdigest()


def _file_digest(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _digests(folder: Path | None) -> dict[str, dict[str, Any]]:
    """Return the remembered digests of files in *folder* (none if unreadable)."""
    if folder is None:
        return {}
    try:
        found = json.loads((folder / _DIGESTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def answer(key: str | None, text: str, run: Callable[[], QueryResult]) -> QueryResult:
    """Return the answer to query *text* on the store kept under *key*: read back, or *run*.

    Without a key, or for a query that may answer differently on the same data, *run* is
    called every time. An answer that cannot be written is not kept.
    """
    if key is None:
        return run()
    folder = directory()
    if folder is None or _VARYING.search(text):
        return run()
    answers = folder / key / _ANSWERS
    name = hashlib.sha256(text.encode()).hexdigest()
    for suffix, (make, written) in _ANSWER_KINDS.items():
        with contextlib.suppress(OSError):
            result = make((answers / (name + suffix)).read_bytes())
            result.renderings = _Renderings(answers / (name + suffix), written)
            return result
    result = run()
    if isinstance(result, GraphResult):
        suffix, written, data = ".nt", "nt", result.serialize("nt")
    else:
        suffix = ".ask.json" if isinstance(result, AskResult) else ".select.json"
        written, data = "json", result.json
    with contextlib.suppress(OSError, OutputError):
        answers.mkdir(exist_ok=True)
        with atomic_write(answers / (name + suffix)) as stream:
            stream.write(data)
        result.renderings = _Renderings(answers / (name + suffix), written)
    return result


class _Renderings:
    """The renderings of one kept *answer* file: ``<answer>.<format>`` files beside it.

    The answer is itself the rendering in the format it is *written* in.
    """

    def __init__(self, answer: Path, written: str) -> None:
        self.answer = answer
        self.written = written

    def _path(self, name: str) -> Path:
        if name == self.written:
            return self.answer
        return self.answer.with_name(f"{self.answer.name}.{name}")

    def get(self, name: str) -> bytes | None:
        with contextlib.suppress(OSError):
            return self._path(name).read_bytes()
        return None

    def __setitem__(self, name: str, data: bytes) -> None:
        if name != self.written:
            with contextlib.suppress(OSError, OutputError), atomic_write(self._path(name)) as out:
                out.write(data)


@dataclass(frozen=True)
class Entry:
    """A store kept on disk: its key, the files it holds, its size and when it was used."""

    key: str
    files: tuple[str, ...]
    triples: int
    bytes: int
    used: float


def entries() -> list[Entry]:
    """Return the stores kept on disk, the most recently used first."""
    folder = directory()
    if folder is None or not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        try:
            inputs = json.loads((entry / _INPUTS).read_text(encoding="utf-8"))
            used = (entry / _INPUTS).stat().st_mtime
        except (OSError, ValueError):
            continue
        size = sum(p.stat().st_size for p in entry.rglob("*") if p.is_file())
        found.append(Entry(entry.name, tuple(inputs["files"]), inputs["triples"], size, used))
    return sorted(found, key=lambda e: e.used, reverse=True)


def clear() -> int:
    """Remove every kept store; return how many there were."""
    folder = directory()
    gone = entries()
    if folder is not None:
        for entry in gone:
            shutil.rmtree(folder / entry.key, ignore_errors=True)
        with contextlib.suppress(OSError):
            (folder / _DIGESTS).unlink()
    return len(gone)


def _build(entry: Path, files: Sequence[str | Path]) -> None:
    """Load *files* into a store on disk at *entry*, complete or not at all."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    temporary = entry.parent / f".{entry.name}.{os.getpid()}.tmp"
    shutil.rmtree(temporary, ignore_errors=True)
    started = time.perf_counter()
    try:
        temporary.mkdir()
        store = Store(str(temporary / _STORE))
        for path in files:
            loader.load_file(store, path, bulk=True)
        store.flush()
        triples = len(store)
        del store
        inputs = {
            "files": [str(Path(path).resolve()) for path in files],
            "triples": triples,
            "seconds": round(time.perf_counter() - started, 3),
        }
        (temporary / _INPUTS).write_text(json.dumps(inputs, indent=1), encoding="utf-8")
        try:
            temporary.rename(entry)
        except OSError:
            if not (entry / _INPUTS).is_file():
                raise
            # Another process kept the same store meanwhile: theirs is as good.
            shutil.rmtree(temporary, ignore_errors=True)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def _evict(folder: Path, *, keep: str) -> None:
    """Remove the stores beyond the :data:`KEEP` most recently used (never *keep*)."""
    for entry in entries()[KEEP:]:
        if entry.key != keep:
            shutil.rmtree(folder / entry.key, ignore_errors=True)


def _kind(path: str | Path) -> str:
    """How a file is read, which decides its triples as much as its bytes do."""
    if loader.is_mapping_file(path):
        return "sssom"
    return "nt" if Path(path).suffix == ".nt" else "turtle"


def _size(path: str | Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError as error:
        raise InputError(paths.display(path), loader.os_reason(error)) from None
