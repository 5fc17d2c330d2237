"""The ASGI application: settings, shared state and the dispatch of every call.

Why one catch-all route: see ``web``; here the table of all API modules is walked in
order, the gateway check runs for platform calls, bad JSON bodies become one-line 400
answers and each request is logged on one line.
"""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route as StarletteRoute

from aep_emulator import catalog, gateway, ims, ingest, profile, schemaregistry, streaming
from aep_emulator.store import Store
from aep_emulator.web import BadBody, Call, answer, route

log = logging.getLogger("aep_emulator")
STATIC = Path(__file__).resolve().parent / "static"
SIGNER_JS = STATIC / "rs256-signer.js"


@dataclass
class Settings:
    tenant: str = "exchangeinternal"
    public_keys: list[str] = field(default_factory=list)
    jsrsasign_path: Path | None = None


class State:
    """Everything a handler may touch; one per running emulator."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self.generation = 0          # bumped on every registry change: invalidates compiled views
        self.generation_inlets = 0   # bumped when an inlet changes or goes away
        self.views: dict = {}
        self.inlets: dict = {}
        self.datasets: dict = {}
        self.instance = secrets.randbelow(900) + 100


async def library(call: Call) -> Response:
    """Stand-in for the jsrsasign download of the tutorial's folder 0."""
    path = call.state.settings.jsrsasign_path or SIGNER_JS
    return Response(path.read_bytes(), media_type="application/javascript")


async def health(call: Call) -> Response:
    return answer({"status": "ok", "records": call.state.store.count_records()})


ROUTES = [
    *streaming.ROUTES,  # first: the collection endpoints are the hot path
    route("GET", r"/(?:.*/)?jsrsasign-latest-all-min\.js", library, gateway=False),
    route("GET", r"/_emulator/health", health, gateway=False),
    *ims.ROUTES,
    *schemaregistry.ROUTES,
    *catalog.ROUTES,
    *ingest.ROUTES,
    *profile.ROUTES,
]


def create_app(state: State, routes: list | None = None) -> Starlette:
    table = routes or ROUTES

    async def dispatch(request: Request) -> Response:
        started = time.perf_counter()
        path = request.url.path
        method = request.method
        response = None
        allowed = False
        for item in table:
            match = item.pattern.match(request.scope["path"])
            if not match:
                continue
            if method not in item.methods and not (method == "HEAD" and "GET" in item.methods):
                allowed = True
                continue
            call = Call(request=request, params=match.groupdict(), state=state, body=await request.body())
            if item.gateway:
                response = gateway.check(call)
            if response is None:
                try:
                    response = await item.handler(call)
                except BadBody as exc:
                    response = answer({"type": "/placeholder/type/uri", "status": 400, "title": "BadRequestError",
                                       "detail": str(exc)}, 400)
                except Exception as exc:  # one bad request must not take the emulator down
                    log.exception("internal error on %s %s", method, path)
                    response = answer({"type": "/placeholder/type/uri", "status": 500,
                                       "title": "InternalServerError", "detail": f"{type(exc).__name__}: {exc}"},
                                      500)
            break
        if response is None:
            if allowed:
                response = answer({"type": "/placeholder/type/uri", "status": 405, "title": "MethodNotAllowed",
                                   "detail": f"Method {method} is not allowed on {path}"}, 405)
            else:
                response = answer({"error_code": "404", "message": f"No service is mapped to {path}"}, 404)
        if log.isEnabledFor(logging.INFO):
            log.info("%s %s %s %d %.1fms", request.client.host if request.client else "-", method,
                     request.url.path + (f"?{request.url.query}" if request.url.query else ""),
                     response.status_code, (time.perf_counter() - started) * 1000)
        return response

    methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
    return Starlette(routes=[StarletteRoute("/{rest:path}", dispatch, methods=methods)])
