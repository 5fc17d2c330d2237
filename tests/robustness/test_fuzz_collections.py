"""Property: a damaged collection loads or is rejected in one line naming the file, and a run
of whatever loads ends with a summary and reports, never a traceback.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runner.collection import load_collection
from runner.errors import PmreplayError
from tests.robustness.bases import (
    TUTORIAL,
    load_json,
    published_collection,
    small_v1,
    small_v20,
    small_v21,
)
from tests.robustness.mutate import mutated
from tests.robustness.support import assert_one_line, run_everything

BASE = "http://fuzz.invalid:8080"  # every request goes through the echo server acting as proxy
SCALE = float(os.environ.get("PMREPLAY_FUZZ_SCALE", "1"))  # raise it to hunt for crashes locally
FUZZ = settings(max_examples=int(40 * SCALE), deadline=None, derandomize=SCALE == 1, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large, HealthCheck.large_base_example])


def _bases() -> dict[str, dict]:
    out = {"v2.1": small_v21(BASE), "v2.0": small_v20(BASE), "v1": small_v1(BASE), "tutorial": load_json(TUTORIAL)}
    if published_collection().is_file():
        out["published"] = load_json(published_collection())
    return out


BASES = _bases()


def _load_or_reject(doc) -> object | None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzzed.postman_collection.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        try:
            return load_collection(str(path))
        except PmreplayError as exc:
            assert_one_line(exc, must_name=str(path))
            return None


def test_unmutated_bases_load_and_run(proxied):
    for name, doc in BASES.items():
        assert _load_or_reject(doc) is not None, name
        summary = run_everything(doc)
        assert summary is not None and summary.to_json()["run"]["stats"]["requests"]["total"] >= 1, name


@pytest.mark.parametrize("name", sorted(BASES))
@FUZZ
@given(data=st.data())
def test_mutated_collection_loads_or_fails_in_one_line(name, data):
    doc = data.draw(mutated(BASES[name], max_mutations=4))
    _load_or_reject(doc)


@pytest.mark.parametrize("name", ["v2.1", "v2.0", "v1", "tutorial", "published"])
@settings(FUZZ, max_examples=int(25 * SCALE))
@given(data=st.data())
def test_mutated_collection_runs_without_traceback(proxied, name, data):
    if name not in BASES:
        pytest.skip(f"the published AEP collection is not at {published_collection()}")
    doc = data.draw(mutated(BASES[name], max_mutations=3))
    run_everything(doc)
