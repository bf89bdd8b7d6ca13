"""``itukg serve``: build the app from the settings and run it with uvicorn, nothing more."""

from __future__ import annotations

from itukg.web.settings import Settings


def serve(settings: Settings, host: str, port: int, *, log_level: str = "info") -> None:
    """Load the graph, then serve it at ``http://host:port/`` until interrupted."""
    import uvicorn

    from itukg.web.app import create_app

    app = create_app(settings)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        lifespan="on",
        server_header=False,
        timeout_graceful_shutdown=5,
    )
