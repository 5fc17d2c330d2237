"""Small readers for what the echo server saw."""

from __future__ import annotations

import json

from runner.sending import Exchange


def echoed(exchange: Exchange) -> dict:
    """The echo server's view of the request (fails the test with the error when nothing came back)."""
    assert exchange.error is None, exchange.error
    assert exchange.response is not None
    return json.loads(exchange.response.body)


def echoed_headers(exchange: Exchange) -> list[tuple[str, str]]:
    return [(k, v) for k, v in echoed(exchange)["headers"]]


def header(exchange: Exchange, name: str) -> str | None:
    values = [v for k, v in echoed_headers(exchange) if k.lower() == name.lower()]
    return values[0] if values else None
