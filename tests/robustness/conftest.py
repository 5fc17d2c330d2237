"""Fixtures for the robustness tests: every request goes to the local echo server.

Why a proxy: mutated collections invent host names ("exa mple.com", "{{undefined}}", ...).
Pointing HTTP(S)_PROXY at the echo server keeps every such request on 127.0.0.1, so the
fuzzers never touch the network and still cross a real wire.

The property tests are derandomized with modest example counts so the suite stays quick and
repeatable; set ``PMREPLAY_FUZZ_SCALE=10`` (random seeds, ten times the examples) to hunt.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy",
              "NO_PROXY", "no_proxy")


@contextmanager
def proxy_to(url: str, no_proxy: str = "") -> Iterator[str]:
    saved = {name: os.environ.get(name) for name in PROXY_VARS}
    for name in PROXY_VARS:
        os.environ.pop(name, None)
    os.environ.update(HTTP_PROXY=url, HTTPS_PROXY=url, ALL_PROXY=url, NO_PROXY=no_proxy)
    try:
        yield url
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(scope="module")
def proxied(echo_url: str) -> Iterator[str]:
    """The echo server's URL, also set as the proxy for every scheme while the module runs."""
    with proxy_to(echo_url) as url:
        yield url


@pytest.fixture(scope="module")
def odd_url(echo_url: str) -> Iterator[str]:
    """A server of awkward responses; other hosts a script invents still go to the echo server."""
    from tests.robustness.odd_server import odd_server

    with odd_server() as url, proxy_to(echo_url, no_proxy="127.0.0.1"):
        yield url
