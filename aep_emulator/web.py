"""The small HTTP layer shared by every API module: calls, routes, answers.

Why our own dispatch instead of Starlette's router: Adobe's gateway accepts
collection paths with and without a trailing slash (``/tenant/mixins/``) on every
method, ids that are URL-encoded URLs, and answers unknown paths with its own JSON
bodies; a regex table in front of one catch-all route gives exactly that.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response


def now_ms() -> int:
    return int(time.time() * 1000)


def iso(ms: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms / 1000)) + f".{ms % 1000:03d}Z"


def hex_id(n: int) -> str:
    return secrets.token_hex((n + 1) // 2)[:n]


class BadBody(ValueError):
    """The request body is not the JSON the endpoint needs."""


@dataclass
class Call:
    """One request as the handlers see it."""

    request: Request
    params: dict[str, str]
    state: Any
    body: bytes = b""
    org: str = ""
    sandbox: str = "prod"
    token: dict | None = None
    extra: dict = field(default_factory=dict)

    @property
    def query(self):
        return self.request.query_params

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.request.headers.get(name, default)

    def json(self) -> Any:
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BadBody(f"Request body is not valid JSON: {exc}") from None

    def json_object(self) -> dict:
        data = self.json()
        if not isinstance(data, dict):
            raise BadBody("Request body must be a JSON object")
        return data

    def base_url(self) -> str:
        """The address the client used, so links we hand out lead back to us."""
        scheme = self.request.url.scheme
        host = self.request.headers.get("host") or f"{self.request.url.hostname}:{self.request.url.port}"
        return f"{scheme}://{host}"


Handler = Callable[[Call], Awaitable[Response]]


@dataclass
class Route:
    methods: tuple[str, ...]
    pattern: re.Pattern
    handler: Handler
    gateway: bool = True


def route(methods: str, pattern: str, handler: Handler, *, gateway: bool = True) -> Route:
    """``pattern`` is a regex over the decoded path; a trailing slash is always optional."""
    return Route(tuple(methods.split()), re.compile("^" + pattern.rstrip("/") + "/?$"), handler, gateway)


def answer(data: Any, status: int = 200, headers: dict | None = None,
           media_type: str = "application/json") -> Response:
    return JSONResponse(data, status_code=status, headers=headers, media_type=media_type)


def empty(status: int = 200, headers: dict | None = None) -> Response:
    return Response(b"", status_code=status, headers=headers)


def problem(status: int, title: str, detail: str, type_uri: str = "/placeholder/type/uri", **more) -> Response:
    """The registry/catalog error body of 2020: type, status, title, detail."""
    body = {"type": type_uri, "status": status, "title": title, "detail": detail}
    body.update(more)
    return answer(body, status)
