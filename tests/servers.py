"""``with Serving(server):`` runs a bound ``ThreadingHTTPServer`` from a daemon thread for the block,
then shuts it down, closes it and joins the thread. The fakes of GitHub's REST and GraphQL APIs
subclass it; the scenario servers of the online checks use it as it is."""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer
from typing import TypeVar

_S = TypeVar("_S", bound="Serving")


class Serving:
    def __init__(self, server: ThreadingHTTPServer) -> None:
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self: _S) -> _S:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
