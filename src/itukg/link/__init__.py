"""Links from the graph to other datasets: candidates proposed for review, one module a dataset.

Nothing here changes the graph. A module proposes candidate mappings and writes them as
SSSOM for a person to review; the graph loads only the reviewed mappings of
``data/mappings/``.
"""
