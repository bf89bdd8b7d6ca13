"""SSSOM mapping sets: read and write SSSOM/TSV, and turn a set into RDF and back.

The API::

    Mapping                          one mapping (one row), CURIEs as in the file
    MappingSet                       one mapping set (one file): its metadata and its mappings
    read(path) -> MappingSet         strict reader of SSSOM/TSV; errors are InputError(file:line)
    write(mapping_set, path_or_stream)
                                     SSSOM/TSV with its #-prefixed YAML metadata block, in
                                     canonical order; to a path, completely or not at all
    text(mapping_set) -> str         the same, as a string
    to_triples(mapping_set) -> list[pyoxigraph.Triple]
    from_store(store) -> list[MappingSet]
                                     the inverse of to_triples, for every set in a store
    expand(curie, curie_map) -> str  the IRI of a CURIE of a set

A file is SSSOM/TSV (https://w3id.org/sssom/): a metadata block of YAML, each line prefixed by
``#``, then a table of tab-separated values whose first row names the columns. The reader is
strict: it knows the slots listed in :data:`MAPPING_SLOTS` and :data:`SET_SLOTS` and refuses any
other; every CURIE has a prefix of the ``curie_map`` (or one of SSSOM's built-in prefixes);
``predicate_id`` is ``skos:exactMatch`` or ``skos:closeMatch``; ``mapping_justification`` is a
term of the SEMAPV vocabulary; confidences are between 0 and 1; dates are ``YYYY-MM-DD``; a
(subject, predicate, object) is mapped once. The writer writes the columns in the order of the
SSSOM schema (those that some row fills, and the required ones), the rows sorted by subject,
predicate and object, and the prefixes sorted, so that a file is its own canonical form.

In RDF a set is written as the SSSOM specification writes it: the mapping set is an
``sssom:MappingSet`` named by its ``mapping_set_id``; each mapping is the direct triple
(subject predicate object) plus an ``owl:Axiom`` (a blank node, reached by ``sssom:mappings``)
that annotates it with ``owl:annotatedSource``, ``owl:annotatedProperty``,
``owl:annotatedTarget`` and the slots' properties (``sssom:mapping_justification``,
``pav:authoredBy``, ``dcterms:created``, ``sssom:confidence``, ``rdfs:comment``, ...). The
``curie_map``, which SSSOM leaves out of RDF, is kept as SHACL prefix declarations
(``sh:declare [ sh:prefix ; sh:namespace ]``) on the set, so that :func:`from_store` gives back
the CURIEs of the file.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import math
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Mapping as MappingType
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, cast

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Store, Triple

from itukg import paths
from itukg.atomic import atomic_write
from itukg.errors import InputError, ItukgError, OutputError

SSSOM = "https://w3id.org/sssom/"
SEMAPV = "https://w3id.org/semapv/vocab/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCTERMS = "http://purl.org/dc/terms/"
PAV = "http://purl.org/pav/"
SH = "http://www.w3.org/ns/shacl#"

#: Prefixes every SSSOM file may use without declaring them (SSSOM's built-in prefixes).
BUILT_IN_PREFIXES: dict[str, str] = {
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "semapv": SEMAPV,
    "skos": SKOS,
    "sssom": SSSOM,
}

#: The mapping predicates itukg accepts.
PREDICATES = ("skos:exactMatch", "skos:closeMatch")

#: The SEMAPV terms SSSOM allows as ``mapping_justification``.
JUSTIFICATIONS = tuple(
    "semapv:" + name
    for name in (
        "LexicalMatching",
        "LogicalReasoning",
        "CompositeMatching",
        "UnspecifiedMatching",
        "SemanticSimilarityThresholdMatching",
        "LexicalSimilarityThresholdMatching",
        "MappingChaining",
        "MappingReview",
        "ManualMappingCuration",
        "MappingInversion",
        "StructuralMatching",
        "InstanceBasedMatching",
        "BackgroundKnowledgeBasedMatching",
    )
)

#: Media type of SSSOM/TSV files.
MEDIA_TYPE = "text/tab-separated-values"
#: The extension of SSSOM/TSV files.
EXTENSION = ".sssom.tsv"

_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Mapping:
    """One SSSOM mapping (one row of a file); entity references are CURIEs, as in the file."""

    subject_id: str
    predicate_id: str
    """``skos:exactMatch`` or ``skos:closeMatch``."""
    object_id: str
    mapping_justification: str
    """A SEMAPV term: ``semapv:ManualMappingCuration``, ``semapv:LexicalMatching``, ..."""
    subject_label: str | None = None
    object_label: str | None = None
    confidence: float | None = None
    author_id: str | None = None
    """The curator who made the mapping, as a CURIE (itukg's: ``agent:contributors``)."""
    mapping_date: datetime.date | None = None
    mapping_tool: str | None = None
    similarity_score: float | None = None
    comment: str | None = None

    def key(self) -> tuple[str, str, str]:
        """Return (subject, predicate, object): what the mapping states, and its sort key."""
        return (self.subject_id, self.predicate_id, self.object_id)


@dataclass
class MappingSet:
    """One SSSOM mapping set: its metadata, its prefixes and its mappings."""

    mapping_set_id: str
    """The IRI of the set (itukg's are under ``https://w3id.org/itukg/mappings/``)."""
    license: str
    """The IRI of the licence of the set."""
    curie_map: dict[str, str]
    """The prefixes the CURIEs of the set use (SSSOM's built-in prefixes need not be here)."""
    mappings: list[Mapping]
    mapping_set_title: str | None = None
    mapping_set_description: str | None = None
    mapping_set_version: str | None = None
    creator_id: tuple[str, ...] = ()
    """CURIEs of the creators of the set."""
    publication_date: datetime.date | None = None
    subject_source: str | None = None
    """CURIE of the vocabulary or dataset of the subjects."""
    object_source: str | None = None
    """CURIE of the vocabulary or dataset of the objects."""
    object_source_version: str | None = None
    see_also: tuple[str, ...] = ()
    """IRIs of pages about the set."""
    comment: str | None = None

    def prefixes(self) -> dict[str, str]:
        """Return every prefix the set's CURIEs may use: built-in, then the ``curie_map``."""
        return {**BUILT_IN_PREFIXES, **self.curie_map}

    def expand(self, curie: str) -> str:
        """Return the IRI of a CURIE of the set; raise :class:`ValueError` if it has none."""
        return expand(curie, self.prefixes())


# --------------------------------------------------------------------------- slots

#: The columns a file may have, in the order of the SSSOM schema (and of written files).
MAPPING_SLOTS = (
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "author_id",
    "mapping_tool",
    "mapping_date",
    "confidence",
    "similarity_score",
    "comment",
)
#: The columns every file has.
REQUIRED_COLUMNS = ("subject_id", "predicate_id", "object_id", "mapping_justification")

#: The metadata a file may have, in the order of the SSSOM schema (and of written files).
SET_SLOTS = (
    "curie_map",
    "mapping_set_id",
    "mapping_set_version",
    "mapping_set_title",
    "mapping_set_description",
    "creator_id",
    "license",
    "subject_source",
    "object_source",
    "object_source_version",
    "publication_date",
    "see_also",
    "comment",
)
#: The metadata every file has.
REQUIRED_METADATA = ("mapping_set_id", "license")

_ENTITY_SLOTS = ("subject_id", "predicate_id", "object_id", "mapping_justification", "author_id")
_FLOAT_SLOTS = ("confidence", "similarity_score")

#: RDF property of each mapping slot (SSSOM's ``slot_uri``, else ``sssom:<slot>``).
MAPPING_PROPERTIES: dict[str, str] = {
    "subject_id": OWL + "annotatedSource",
    "predicate_id": OWL + "annotatedProperty",
    "object_id": OWL + "annotatedTarget",
    "mapping_justification": SSSOM + "mapping_justification",
    "subject_label": SSSOM + "subject_label",
    "object_label": SSSOM + "object_label",
    "author_id": PAV + "authoredBy",
    "mapping_tool": SSSOM + "mapping_tool",
    "mapping_date": DCTERMS + "created",
    "confidence": SSSOM + "confidence",
    "similarity_score": SSSOM + "similarity_score",
    "comment": RDFS + "comment",
}
#: RDF property of each mapping-set slot.
SET_PROPERTIES: dict[str, str] = {
    "mapping_set_version": OWL + "versionInfo",
    "mapping_set_title": DCTERMS + "title",
    "mapping_set_description": DCTERMS + "description",
    "creator_id": DCTERMS + "creator",
    "license": DCTERMS + "license",
    "subject_source": SSSOM + "subject_source",
    "object_source": SSSOM + "object_source",
    "object_source_version": SSSOM + "object_source_version",
    "publication_date": DCTERMS + "issued",
    "see_also": RDFS + "seeAlso",
    "comment": RDFS + "comment",
}

MAPPING_SET_CLASS = SSSOM + "MappingSet"
MAPPINGS = SSSOM + "mappings"
AXIOM = OWL + "Axiom"
RDF_TYPE = RDF + "type"
XSD_DATE = XSD + "date"
XSD_DOUBLE = XSD + "double"
XSD_ANY_URI = XSD + "anyURI"


# --------------------------------------------------------------------------- CURIEs


def expand(curie: str, prefixes: MappingType[str, str]) -> str:
    """Return the IRI of *curie* with *prefixes*; raise :class:`ValueError` if it has none."""
    prefix, colon, local = curie.partition(":")
    if not colon or not _NCNAME.fullmatch(prefix):
        raise ValueError(f"'{curie}' is not a CURIE (prefix:identifier)")
    if local.startswith("//"):
        raise ValueError(f"'{curie}' is an IRI; write it as a CURIE with a declared prefix")
    if prefix not in prefixes:
        raise ValueError(f"the prefix '{prefix}' of '{curie}' is not in the curie_map")
    return prefixes[prefix] + local


def contract(iri: str, prefixes: MappingType[str, str]) -> str:
    """Return *iri* as a CURIE with the longest namespace of *prefixes*; ValueError if none."""
    best: tuple[int, str] | None = None
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and (best is None or len(namespace) > best[0]):
            best = (len(namespace), prefix)
    if best is None:
        raise ValueError(f"<{iri}> has no prefix in the curie_map")
    return f"{best[1]}:{iri[best[0] :]}"


# --------------------------------------------------------------------------- reading


def read(path: str | Path) -> MappingSet:
    """Read the SSSOM/TSV file at *path*, strictly.

    Every problem raises :class:`InputError` naming the file and line (and column, for a
    cell): an unreadable file, invalid YAML, an unknown slot or column, a missing required
    value, a CURIE without a declared prefix, a predicate or justification itukg does not
    accept, a bad number or date, a repeated mapping.
    """
    name = paths.display(path)
    try:
        content = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(name, f"not UTF-8: {error.reason} at byte {error.start}") from None
    except OSError as error:
        raise InputError(name, error.strerror or str(error)) from None
    return parse(content, name)


def parse(content: str, name: str = "<string>") -> MappingSet:
    """Parse the text of an SSSOM/TSV file; *name* is the file as errors name it."""
    lines = content.splitlines(keepends=True)
    block_end = 0
    while block_end < len(lines) and lines[block_end].startswith("#"):
        block_end += 1
    metadata = _metadata(lines[:block_end], name)
    mapping_set = _mapping_set(metadata, name)
    table = lines[block_end:]
    if not table:
        raise InputError(name, "no table after the metadata block", block_end + 1)
    mapping_set.mappings = list(_rows(table, block_end, mapping_set, name))
    return mapping_set


def _metadata(block: Sequence[str], name: str) -> dict[str, Any]:
    import yaml

    text = "".join(line[1:] for line in block)
    if not text.strip():
        raise InputError(name, "no metadata block (lines starting with '#')", 1)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = min(mark.line + 1, len(block)) if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise InputError(name, f"invalid YAML in the metadata block: {problem}", line) from None
    if not isinstance(data, dict):
        raise InputError(name, "the metadata block is not a mapping of slots to values", 1)
    lines_of = _key_lines(block)
    for key in data:
        if key not in SET_SLOTS:
            raise InputError(
                name,
                f"unknown or unsupported metadata slot '{key}' "
                f"(itukg reads: {', '.join(SET_SLOTS)})",
                lines_of.get(str(key), 1),
            )
    data["__lines__"] = lines_of
    data["__prefix_lines__"] = _prefix_lines(block, lines_of.get("curie_map"))
    return data


def _key_lines(block: Sequence[str]) -> dict[str, int]:
    """Return the line (counted from 1) of each top-level key of the metadata block."""
    found: dict[str, int] = {}
    for number, line in enumerate(block, start=1):
        match = re.match(r"#\s?([A-Za-z_][\w]*)\s*:", line)
        if match and not line[1:].startswith(("  ", "\t")):
            found.setdefault(match.group(1), number)
    return found


def _prefix_lines(block: Sequence[str], start: int | None) -> dict[str, int]:
    """Return the line of each prefix of the ``curie_map`` block that starts at line *start*."""
    found: dict[str, int] = {}
    if start is None:
        return found
    for number in range(start + 1, len(block) + 1):
        match = re.match(r"#\s+([^\s:]+)\s*:", block[number - 1])
        if not match:
            break
        found.setdefault(match.group(1), number)
    return found


def _mapping_set(data: dict[str, Any], name: str) -> MappingSet:
    lines_of: dict[str, int] = data.pop("__lines__")
    prefix_lines: dict[str, int] = data.pop("__prefix_lines__")

    def fail(key: str, message: str) -> InputError:
        return InputError(name, message, lines_of.get(key, 1))

    for key in REQUIRED_METADATA:
        if data.get(key) in (None, ""):
            raise InputError(name, f"the metadata block has no {key}", 1)

    def text_value(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise fail(key, f"{key} is not a text")
        return str(value)

    def text_list(key: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str) and item for item in items):
            raise fail(key, f"{key} is not a list of texts")
        return tuple(items)

    curie_map = data.get("curie_map") or {}
    if not isinstance(curie_map, dict):
        raise fail("curie_map", "curie_map is not a mapping of prefixes to IRIs")
    for prefix, namespace in curie_map.items():

        def wrong(message: str, prefix: object = prefix) -> InputError:
            line = prefix_lines.get(str(prefix), lines_of.get("curie_map", 1))
            return InputError(name, f"curie_map: {message}", line)

        if not isinstance(prefix, str) or not _NCNAME.fullmatch(prefix):
            raise wrong(f"'{prefix}' is not a valid prefix")
        if not isinstance(namespace, str) or not _is_iri(namespace):
            raise wrong(f"the IRI of '{prefix}' is not an IRI")
        built_in = BUILT_IN_PREFIXES.get(prefix)
        if built_in is not None and built_in != namespace:
            raise wrong(f"'{prefix}' is a built-in prefix of SSSOM, for {built_in}")
    for key in ("mapping_set_id", "license"):
        value = text_value(key)
        if value is None or not _is_iri(value):
            raise fail(key, f"{key} is not an IRI: {value!r}")
    see_also = text_list("see_also")
    for value in see_also:
        if not _is_iri(value):
            raise fail("see_also", f"see_also: {value!r} is not an IRI")
    publication = data.get("publication_date")
    if publication is not None and not isinstance(publication, datetime.date):
        publication = _date(str(publication), lambda message: fail("publication_date", message))
    mapping_set = MappingSet(
        mapping_set_id=str(data["mapping_set_id"]),
        license=str(data["license"]),
        curie_map={str(k): str(v) for k, v in curie_map.items()},
        mappings=[],
        mapping_set_title=text_value("mapping_set_title"),
        mapping_set_description=text_value("mapping_set_description"),
        mapping_set_version=text_value("mapping_set_version"),
        creator_id=text_list("creator_id"),
        publication_date=publication,
        subject_source=text_value("subject_source"),
        object_source=text_value("object_source"),
        object_source_version=text_value("object_source_version"),
        see_also=see_also,
        comment=text_value("comment"),
    )
    for key in ("creator_id", "subject_source", "object_source"):
        values = data.get(key)
        for value in values if isinstance(values, list) else [values]:
            if value is not None:
                try:
                    mapping_set.expand(str(value))
                except ValueError as error:
                    raise fail(key, f"{key}: {error}") from None
    return mapping_set


def _rows(
    table: Sequence[str], offset: int, mapping_set: MappingSet, name: str
) -> Iterator[Mapping]:
    reader = csv.reader(table, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise InputError(name, "no header row", offset + 1) from None
    header_line = offset + 1
    seen_columns: set[str] = set()
    for column, title in enumerate(header, start=1):
        if title not in MAPPING_SLOTS:
            raise InputError(
                name,
                f"unknown or unsupported column '{title}' "
                f"(itukg reads: {', '.join(MAPPING_SLOTS)})",
                header_line,
                column,
            )
        if title in seen_columns:
            raise InputError(name, f"the column '{title}' is given twice", header_line, column)
        seen_columns.add(title)
    for required in REQUIRED_COLUMNS:
        if required not in seen_columns:
            raise InputError(name, f"the table has no column '{required}'", header_line)
    seen: dict[tuple[str, str, str], int] = {}
    for index, cells in enumerate(reader, start=1):
        line = header_line + index
        if len(cells) != len(header):
            raise InputError(
                name, f"the row has {len(cells)} cells, the header {len(header)}", line
            )
        values: dict[str, Any] = {}
        for column, (title, cell) in enumerate(zip(header, cells, strict=True), start=1):
            values[title] = _cell(title, cell, mapping_set, name, line, column)
        for required in REQUIRED_COLUMNS:
            if values[required] is None:
                raise InputError(name, f"{required} is empty", line, header.index(required) + 1)
        mapping = Mapping(**values)
        if mapping.key() in seen:
            raise InputError(
                name,
                f"{' '.join(mapping.key())} is also mapped at line {seen[mapping.key()]}",
                line,
            )
        seen[mapping.key()] = line
        yield mapping


def _cell(title: str, cell: str, mapping_set: MappingSet, name: str, line: int, column: int) -> Any:
    def fail(message: str) -> InputError:
        return InputError(name, f"{title}: {message}", line, column)

    if cell == "":
        return None
    if cell != cell.strip():
        raise fail(f"'{cell}' has spaces around it")
    if title in _ENTITY_SLOTS:
        if "|" in cell:
            raise fail(f"'{cell}' has several values; itukg takes one per mapping")
        try:
            mapping_set.expand(cell)
        except ValueError as error:
            raise fail(str(error)) from None
        if title == "predicate_id" and cell not in PREDICATES:
            raise fail(f"'{cell}' is not one of {', '.join(PREDICATES)}")
        if title == "mapping_justification" and cell not in JUSTIFICATIONS:
            raise fail(f"'{cell}' is not a SEMAPV mapping justification")
        return cell
    if title in _FLOAT_SLOTS:
        try:
            number = float(cell)
        except ValueError:
            raise fail(f"'{cell}' is not a number") from None
        if not 0.0 <= number <= 1.0 or math.isnan(number):
            raise fail(f"{cell} is not between 0 and 1")
        return number
    if title == "mapping_date":
        return _date(cell, fail)
    return cell


def _date(text: str, fail: Any) -> datetime.date:
    if not _DATE.fullmatch(text):
        raise fail(f"'{text}' is not a date (YYYY-MM-DD)")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise fail(f"'{text}' is not a date (YYYY-MM-DD)") from None


def _is_iri(text: str) -> bool:
    return re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+", text) is not None


# --------------------------------------------------------------------------- writing


def text(mapping_set: MappingSet) -> str:
    """Return *mapping_set* as SSSOM/TSV, in canonical order (see :func:`write`)."""
    import yaml

    metadata: dict[str, Any] = {}
    values = _set_values(mapping_set)
    for key in SET_SLOTS:
        value = values.get(key)
        if value is not None and value != "" and value != [] and value != {}:
            metadata[key] = value
    block = yaml.safe_dump(
        metadata, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10_000
    )
    out = io.StringIO()
    for line in block.splitlines():
        out.write(f"#{line}\n")
    mappings = sorted(mapping_set.mappings, key=_sort_key)
    columns = [
        slot
        for slot in MAPPING_SLOTS
        if slot in REQUIRED_COLUMNS or any(getattr(m, slot) is not None for m in mappings)
    ]
    out.write("\t".join(columns) + "\n")
    for mapping in mappings:
        cells = [_show(getattr(mapping, column)) for column in columns]
        for column, cell in zip(columns, cells, strict=True):
            if any(char in cell for char in "\t\r\n"):
                raise OutputError(
                    f"{mapping_set.mapping_set_id}: the {column} of {' '.join(mapping.key())} "
                    "has a tab or a line break, which SSSOM/TSV cannot hold"
                )
        out.write("\t".join(cells) + "\n")
    return out.getvalue()


def _set_values(mapping_set: MappingSet) -> dict[str, Any]:
    return {
        "curie_map": dict(sorted(mapping_set.curie_map.items())),
        "mapping_set_id": mapping_set.mapping_set_id,
        "mapping_set_version": mapping_set.mapping_set_version,
        "mapping_set_title": mapping_set.mapping_set_title,
        "mapping_set_description": mapping_set.mapping_set_description,
        "creator_id": list(mapping_set.creator_id),
        "license": mapping_set.license,
        "subject_source": mapping_set.subject_source,
        "object_source": mapping_set.object_source,
        "object_source_version": mapping_set.object_source_version,
        "publication_date": mapping_set.publication_date,
        "see_also": list(mapping_set.see_also),
        "comment": mapping_set.comment,
    }


def _sort_key(mapping: Mapping) -> tuple[str, ...]:
    return (*mapping.key(), mapping.mapping_justification)


def _show(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def write(mapping_set: MappingSet, target: str | os.PathLike[str] | IO[str] | IO[bytes]) -> None:
    """Write *mapping_set* as SSSOM/TSV to a path (completely or not at all) or a stream.

    The output is deterministic: metadata in the order of the SSSOM schema, prefixes sorted,
    columns in schema order, rows sorted by subject, predicate and object.
    """
    data = text(mapping_set)
    if isinstance(target, str | os.PathLike):
        with atomic_write(Path(target)) as stream:
            stream.write(data.encode("utf-8"))
    elif isinstance(target, io.TextIOBase) or hasattr(target, "encoding"):
        cast("IO[str]", target).write(data)
    else:
        cast("IO[bytes]", target).write(data.encode("utf-8"))


# --------------------------------------------------------------------------- RDF


def _iri(mapping_set: MappingSet, curie: str) -> NamedNode:
    try:
        return NamedNode(mapping_set.expand(curie))
    except ValueError as error:
        raise ItukgError(f"{mapping_set.mapping_set_id}: {error}") from None


def _blank(*parts: str) -> BlankNode:
    """Return a blank node named by a hash of *parts*: the same for the same content."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return BlankNode("sssom" + digest[:32])


def _literal(value: object) -> Literal:
    if isinstance(value, float):
        return Literal(value)
    if isinstance(value, datetime.date):
        return Literal(value.isoformat(), datatype=NamedNode(XSD_DATE))
    return Literal(str(value))


def to_triples(mapping_set: MappingSet) -> list[Triple]:
    """Return the RDF of *mapping_set*: the set, each mapping's direct triple and its axiom.

    Blank nodes are named by a hash of what they stand for, so the same set always gives the
    same triples.
    """
    node = NamedNode(mapping_set.mapping_set_id)
    triples = [Triple(node, NamedNode(RDF_TYPE), NamedNode(MAPPING_SET_CLASS))]
    for key, value in _set_values(mapping_set).items():
        if key in ("curie_map", "mapping_set_id"):
            continue
        prop = SET_PROPERTIES[key]
        for item in value if isinstance(value, list) else [value]:
            if item is None or item == "":
                continue
            if key in ("creator_id", "subject_source", "object_source"):
                obj: NamedNode | Literal = _iri(mapping_set, item)
            elif key in ("license", "see_also"):
                obj = NamedNode(item)
            else:
                obj = _literal(item)
            triples.append(Triple(node, NamedNode(prop), obj))
    for prefix, namespace in sorted(mapping_set.curie_map.items()):
        declaration = _blank(mapping_set.mapping_set_id, "prefix", prefix)
        triples += [
            Triple(node, NamedNode(SH + "declare"), declaration),
            Triple(declaration, NamedNode(SH + "prefix"), Literal(prefix)),
            Triple(
                declaration,
                NamedNode(SH + "namespace"),
                Literal(namespace, datatype=NamedNode(XSD_ANY_URI)),
            ),
        ]
    for mapping in sorted(mapping_set.mappings, key=_sort_key):
        subject, predicate, target = (_iri(mapping_set, c) for c in mapping.key())
        axiom = _blank(mapping_set.mapping_set_id, *mapping.key())
        triples += [
            Triple(subject, predicate, target),
            Triple(node, NamedNode(MAPPINGS), axiom),
            Triple(axiom, NamedNode(RDF_TYPE), NamedNode(AXIOM)),
        ]
        for slot in MAPPING_SLOTS:
            value = getattr(mapping, slot)
            if value is None:
                continue
            obj = _iri(mapping_set, value) if slot in _ENTITY_SLOTS else _literal(value)
            triples.append(Triple(axiom, NamedNode(MAPPING_PROPERTIES[slot]), obj))
    return list(dict.fromkeys(triples))


def from_store(store: Store) -> list[MappingSet]:
    """Return every mapping set of the default graph of *store*, sorted by id.

    The inverse of :func:`to_triples`: the prefixes come from the set's ``sh:declare``, the
    mappings from its ``owl:Axiom`` nodes, sorted as :func:`write` sorts them. Raises
    :class:`ItukgError` when a set lacks an id or licence, or an IRI has no prefix.
    """
    graph = DefaultGraph()

    def objects(subject: NamedNode | BlankNode, prop: str) -> list[Any]:
        return sorted(
            (q.object for q in store.quads_for_pattern(subject, NamedNode(prop), None, graph)),
            key=str,
        )

    def one(subject: NamedNode | BlankNode, prop: str, what: str) -> Any:
        found = objects(subject, prop)
        if len(found) > 1:
            raise ItukgError(f"{what} has {len(found)} values of <{prop}>, not one")
        return found[0] if found else None

    sets = []
    for quad in store.quads_for_pattern(
        None, NamedNode(RDF_TYPE), NamedNode(MAPPING_SET_CLASS), graph
    ):
        node = quad.subject
        if not isinstance(node, NamedNode):
            raise ItukgError("a mapping set is a blank node; SSSOM sets are named by their id")
        what = f"the mapping set <{node.value}>"
        curie_map = {}
        for declaration in objects(node, SH + "declare"):
            prefix = one(declaration, SH + "prefix", what)
            namespace = one(declaration, SH + "namespace", what)
            if isinstance(prefix, Literal) and isinstance(namespace, Literal):
                curie_map[prefix.value] = namespace.value
        prefixes = {**BUILT_IN_PREFIXES, **curie_map}

        def curie(term: Any, what: str = what, prefixes: dict[str, str] = prefixes) -> str:
            if not isinstance(term, NamedNode):
                raise ItukgError(f"{what}: {term} is not an IRI")
            try:
                return contract(term.value, prefixes)
            except ValueError as error:
                raise ItukgError(f"{what}: {error}") from None

        def value(subject: Any, slot: str, props: dict[str, str], where: str = what) -> Any:
            term = one(subject, props[slot], where)
            if term is None:
                return None
            if slot in ("creator_id", "subject_source", "object_source", *_ENTITY_SLOTS):
                return curie(term)
            if slot in ("license", "see_also"):
                return term.value
            if slot in _FLOAT_SLOTS:
                return float(term.value)
            if slot in ("mapping_date", "publication_date"):
                return datetime.date.fromisoformat(term.value)
            return term.value

        license_term = one(node, SET_PROPERTIES["license"], what)
        if not isinstance(license_term, NamedNode):
            raise ItukgError(f"{what} has no licence (dcterms:license)")
        mappings = []
        for axiom in objects(node, MAPPINGS):
            where = f"a mapping of {what}"
            values = {slot: value(axiom, slot, MAPPING_PROPERTIES, where) for slot in MAPPING_SLOTS}
            for required in REQUIRED_COLUMNS:
                if values[required] is None:
                    raise ItukgError(f"{where} has no {required}")
            mappings.append(Mapping(**values))
        sets.append(
            MappingSet(
                mapping_set_id=node.value,
                license=license_term.value,
                curie_map=curie_map,
                mappings=sorted(mappings, key=_sort_key),
                mapping_set_title=value(node, "mapping_set_title", SET_PROPERTIES),
                mapping_set_description=value(node, "mapping_set_description", SET_PROPERTIES),
                mapping_set_version=value(node, "mapping_set_version", SET_PROPERTIES),
                creator_id=tuple(curie(t) for t in objects(node, SET_PROPERTIES["creator_id"])),
                publication_date=value(node, "publication_date", SET_PROPERTIES),
                subject_source=value(node, "subject_source", SET_PROPERTIES),
                object_source=value(node, "object_source", SET_PROPERTIES),
                object_source_version=value(node, "object_source_version", SET_PROPERTIES),
                see_also=tuple(t.value for t in objects(node, SET_PROPERTIES["see_also"])),
                comment=value(node, "comment", SET_PROPERTIES),
            )
        )
    return sorted(sets, key=lambda s: s.mapping_set_id)


def file_name(mapping_set: MappingSet) -> str:
    """Return the file name of a set: the last segment of its id, ending in ``.sssom.tsv``."""
    last = mapping_set.mapping_set_id.rstrip("/").rsplit("/", 1)[-1]
    last = re.sub(r"[^A-Za-z0-9._-]", "-", last) or "mappings"
    return last if last.endswith(EXTENSION) else last + EXTENSION


def with_mappings(mapping_set: MappingSet, mappings: Iterable[Mapping]) -> MappingSet:
    """Return a copy of *mapping_set* holding *mappings* instead of its own."""
    return replace(mapping_set, mappings=list(mappings), curie_map=dict(mapping_set.curie_map))


__all__ = [
    "BUILT_IN_PREFIXES",
    "JUSTIFICATIONS",
    "PREDICATES",
    "Mapping",
    "MappingSet",
    "contract",
    "expand",
    "file_name",
    "from_store",
    "parse",
    "read",
    "text",
    "to_triples",
    "with_mappings",
    "write",
]
