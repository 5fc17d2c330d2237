"""Fixtures of the Newman conformance tier: one recording server and one harness per module."""

from __future__ import annotations

import pytest

from tests.support.conformance import Conformance, newman_or_skip, recording_server


@pytest.fixture(scope="module")
def conformance(tmp_path_factory):
    """Runs collections under Newman and pmreplay (at the same time, each with its own server);
    skips the module's tests when Newman is unavailable."""
    newman = newman_or_skip()
    with recording_server() as server, recording_server() as twin:
        yield Conformance(newman, server, tmp_path_factory.mktemp("conformance"), twin=twin)
