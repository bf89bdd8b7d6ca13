from __future__ import annotations

import json

from pyoxigraph import Store

from itukg.stats import Stats, stats


def test_counts_of_the_fixture_graph(kg_store: Store) -> None:
    assert stats(kg_store) == Stats(
        triples=64,
        subjects=21,
        classes=(
            ("org:Membership", 6),
            ("foaf:Person", 5),
            ("itukg:WorkingParty", 2),
            ("org:Role", 2),
            ("itukg:StudyGroup", 1),
            ("schema:ContactPoint", 1),
        ),
    )


def test_table_and_json(kg_store: Store) -> None:
    result = stats(kg_store)
    assert result.serialize("table") == (
        "triples:  64\n"
        "subjects: 21\n"
        "\n"
        "class                instances\n"
        "-------------------  ---------\n"
        "org:Membership               6\n"
        "foaf:Person                  5\n"
        "itukg:WorkingParty           2\n"
        "org:Role                     2\n"
        "itukg:StudyGroup             1\n"
        "schema:ContactPoint          1\n"
    )
    assert json.loads(result.serialize("json")) == {
        "triples": 64,
        "subjects": 21,
        "classes": [
            {"class": "org:Membership", "instances": 6},
            {"class": "foaf:Person", "instances": 5},
            {"class": "itukg:WorkingParty", "instances": 2},
            {"class": "org:Role", "instances": 2},
            {"class": "itukg:StudyGroup", "instances": 1},
            {"class": "schema:ContactPoint", "instances": 1},
        ],
    }
