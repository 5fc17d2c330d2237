"""Shared fixtures: real local servers on 127.0.0.1."""

from __future__ import annotations

import pytest

from tests.support.echo_server import echo_server


@pytest.fixture(scope="session")
def echo_url():
    """Base URL of a real echo server shared by the whole test session."""
    with echo_server() as url:
        yield url
