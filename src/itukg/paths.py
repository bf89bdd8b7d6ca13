"""Where itukg's files are: the one place that knows.

In an installed wheel the ontology, data, shapes and queries live in the package, under
``itukg/resources/``. In a source checkout they are the top-level folders of the repository.
Nothing here depends on the current directory, and nothing is looked up at import time.

The environment variable ``ITUKG_ROOT`` names another folder of the same layout to use instead
(another checkout, or a test fixture).
"""

from __future__ import annotations

import functools
import os
import time
from pathlib import Path

from itukg.errors import ItukgError

#: The folders holding the graph's files, relative to :func:`root`.
FOLDERS = ("ontology", "data", "shapes", "queries")


@functools.cache
def root() -> Path:
    """Return the folder that holds ``ontology/``, ``data/``, ``shapes/`` and ``queries/``."""
    override = os.environ.get("ITUKG_ROOT")
    if override:
        chosen = Path(override).resolve()
        if not chosen.is_dir():
            raise ItukgError(f"ITUKG_ROOT={override} is not a directory")
        return chosen
    from importlib.resources import files

    packaged = files("itukg") / "resources"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "ontology").is_dir():
        return checkout
    raise ItukgError(
        f"cannot find the itukg resources: neither {packaged} nor a source checkout at {checkout}"
    )


def _glob(folder: str, pattern: str) -> list[Path]:
    base = root() / folder
    return sorted((p for p in base.glob(pattern) if p.is_file()), key=lambda p: p.as_posix())


def ontology_files() -> list[Path]:
    """Return the Turtle files of the ontology, sorted."""
    return _glob("ontology", "*.ttl")


def data_files() -> list[Path]:
    """Return the Turtle files of the data, in every subfolder, sorted by path."""
    return _glob("data", "**/*.ttl")


def mapping_files() -> list[Path]:
    """Return the reviewed SSSOM mapping sets (``data/mappings/*.sssom.tsv``), sorted.

    Only these are loaded: candidate mappings written anywhere else never are.
    """
    return _glob("data/mappings", "*.sssom.tsv")


def mapping_dir() -> Path:
    """Return the folder of the reviewed mapping files (``data/mappings``)."""
    return root() / "data" / "mappings"


def shape_files() -> list[Path]:
    """Return the SHACL shape files (``shapes/*.ttl``, not their test fixtures), sorted."""
    return _glob("shapes", "*.ttl")


def check_queries() -> list[Path]:
    """Return the SPARQL checks (``shapes/checks/*-violation.rq``) that must return no rows."""
    return _glob("shapes/checks", "*-violation.rq")


def queries_dir() -> Path:
    """Return the folder of canned queries."""
    return root() / "queries"


def query_files() -> list[Path]:
    """Return the canned SPARQL queries (``queries/*.rq``), sorted."""
    return _glob("queries", "*.rq")


def context_file() -> Path:
    """Return the published JSON-LD context (``ontology/context.jsonld``)."""
    return root() / "ontology" / "context.jsonld"


def display(path: str | Path) -> str:
    """Return how messages name *path*: relative to :func:`root` for shipped files.

    A path given by the user (relative, or outside the resources) is shown as given.
    """
    path = Path(path)
    if path.is_absolute():
        try:
            return path.relative_to(root()).as_posix()
        except (ValueError, ItukgError):
            pass
    return str(path)


#: How long after a change a file's modification time is trusted to tell the next change
#: (a file system may keep times coarser than the edits that follow one another).
SETTLED_NS = 2_000_000_000


def file_status(status: os.stat_result) -> tuple[int, int, int, int]:
    """Return what tells that a file changed: its size, modification time, inode and device."""
    return (status.st_size, status.st_mtime_ns, status.st_ino, status.st_dev)


def settled(status: os.stat_result) -> bool:
    """Tell whether a file's status is old enough to tell its next change (:data:`SETTLED_NS`)."""
    return time.time_ns() - status.st_mtime_ns > SETTLED_NS
