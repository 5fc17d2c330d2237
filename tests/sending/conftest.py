"""Fixtures for the sending tests: a fresh Sender per test, one PKI and TLS servers per session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from runner.sending import Sender, SendOptions
from tests.sending.tls_support import Pki, make_pki, tls_echo_server


@pytest.fixture
def sender(tmp_path) -> Iterator[Sender]:
    with Sender(SendOptions(working_dir=tmp_path)) as s:
        yield s


@pytest.fixture(scope="session")
def pki(tmp_path_factory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def sni_log() -> list[str | None]:
    return []


@pytest.fixture(scope="session")
def tls_port(pki, sni_log) -> Iterator[int]:
    with tls_echo_server(pki, sni_log=sni_log) as port:
        yield port


@pytest.fixture(scope="session")
def mtls_port(pki) -> Iterator[int]:
    with tls_echo_server(pki, require_client_cert=True) as port:
        yield port
