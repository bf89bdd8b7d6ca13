"""The web layer: the graph published over HTTP, built by :func:`create_app`.

>>> from itukg.web import Settings, create_app
>>> app = create_app(Settings(timeout=5))          # doctest: +SKIP

``itukg serve`` only builds the settings and runs the app with uvicorn. The names below are
imported on first use, so that the query workers (``python -m itukg.web.worker``) start
without the web framework.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from itukg.web.app import create_app
    from itukg.web.settings import Settings

#: Public names defined in submodules: name -> module.
_LAZY = {"create_app": "itukg.web.app", "Settings": "itukg.web.settings"}

__all__ = ["Settings", "create_app"]


def __getattr__(name: str) -> Any:
    """Import the public names of submodules on first use."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'itukg.web' has no attribute {name!r}")
