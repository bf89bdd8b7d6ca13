"""SHACL Core validation as SPARQL on Oxigraph, with the report pySHACL gives.

The shapes are read from a pyoxigraph store (:mod:`itukg.shacl.shapes`) and each shape with
targets is compiled into SPARQL SELECT queries (:mod:`itukg.shacl.compiler`): one for its
focus nodes' value-node constraints, one per focus-level constraint (counts, pairs, closed
shapes), and likewise for its property shapes; nested shapes (``sh:node``, ``sh:or``, ...)
become boolean expressions of ``EXISTS`` patterns. The queries run on the data store
(:mod:`itukg.shacl.engine`), and each row becomes a validation result.

The equality guarantee: for every shape it compiles, the engine returns the results pySHACL
0.40 returns on an rdflib copy of the same data with ``inference="none"`` and
``allow_warnings=True`` (as :func:`itukg.validate.shacl_results` runs it), down to the
message, the naming of the source shape and the multiplicity of results. It follows pySHACL
where pySHACL departs from the SHACL specification (severities in nested shapes, inverse
sequence paths, the lexical forms rdflib accepts); values whose judgement depends on rdflib's
Python parsers are judged by pySHACL's own code (:mod:`itukg.shacl.semantics`) through SPARQL
custom functions. A shape it does not compile is validated by pySHACL, and
:attr:`ShaclRun.fallbacks` says which and why. The tests (``tests/test_shacl_sparql.py``) hold
both engines to the same sorted result lists, and the engine to the W3C SHACL Core test suite.
"""

from itukg.shacl.engine import WHOLE_GRAPH, Finding, ShaclRun, validate_shapes
from itukg.shacl.semantics import ShaclRuntimeError
from itukg.shacl.shapes import Unsupported

__all__ = [
    "WHOLE_GRAPH",
    "Finding",
    "ShaclRun",
    "ShaclRuntimeError",
    "Unsupported",
    "validate_shapes",
]
