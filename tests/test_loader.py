from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import FIXTURES, kg_files

from itukg.errors import InputError
from itukg.loader import load_store


def test_loads_every_triple_into_the_default_graph() -> None:
    store = load_store(kg_files())
    assert len(store) == 64
    assert {quad.graph_name.__class__.__name__ for quad in store} == {"DefaultGraph"}


def test_loads_the_shipped_files_by_default(kg_root: Path) -> None:
    assert len(load_store()) == 64


def test_syntax_error_names_file_line_and_column(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES.parent.parent)
    with pytest.raises(InputError) as caught:
        load_store(["tests/fixtures/bad-turtle.ttl"])
    assert str(caught.value) == "tests/fixtures/bad-turtle.ttl:6:15: Unexpected end of file"
    assert (caught.value.file, caught.value.line, caught.value.column) == (
        "tests/fixtures/bad-turtle.ttl",
        6,
        15,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"@prefix ex: <http://example.org/> .\nex:a ex:b ex:c ex:d .\n",
            "2:16: A dot is expected at the end of statements",
        ),
        (b"ex:a <http://example.org/p> 1 .\n", "1:1: The prefix ex: has not been declared"),
        (
            b'<http://example.org/a> <http://example.org/p> "\xff" .\n',
            "1:48: Invalid UTF-8: invalid utf-8 sequence of 1 bytes from index 0",
        ),
    ],
)
def test_invalid_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.ttl"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        load_store([path])
    assert str(caught.value) == f"{path}:{message}"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_store([tmp_path / "missing.ttl"])
    assert str(caught.value) == f"{tmp_path / 'missing.ttl'}: No such file or directory"
    with pytest.raises(InputError) as caught:
        load_store([tmp_path])
    assert str(caught.value) == f"{tmp_path}: Is a directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.ttl"
    path.write_text("")
    path.chmod(0)
    with pytest.raises(InputError) as caught:
        load_store([path])
    assert str(caught.value) == f"{path}: Permission denied"


def test_an_nt_file_is_read_as_n_triples(tmp_path: Path) -> None:
    triples = (
        '<http://example.org/a> <http://example.org/p> "x" .\n'
        "<http://example.org/a> <http://example.org/q> <http://example.org/b> .\n"
    )
    path = tmp_path / "graph.nt"
    path.write_text(triples, encoding="utf-8")
    assert len(load_store([path])) == 2
    # Turtle that is not N-Triples is refused in a .nt file, and accepted in a .ttl file.
    turtle = "@prefix ex: <http://example.org/> .\nex:a ex:p ex:b .\n"
    path.write_text(turtle, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_store([path])
    assert str(caught.value).startswith(f"{path}:1:1: ")
    (tmp_path / "graph.ttl").write_text(turtle, encoding="utf-8")
    assert len(load_store([tmp_path / "graph.ttl"])) == 1
