"""Property: damaged environment, globals and iteration-data files are either used or rejected
in one line naming the file; a run that accepts them finishes with a summary and reports.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runner.api import run
from runner.envfiles import load_scope
from runner.errors import PmreplayError
from runner.iterdata import load_iteration_data
from tests.robustness.bases import SCHEMA_V21
from tests.robustness.mutate import WEIRD_VALUES, mutated
from tests.robustness.support import assert_one_line, run_everything

SCALE = float(os.environ.get("PMREPLAY_FUZZ_SCALE", "1"))
FUZZ = settings(max_examples=int(40 * SCALE), deadline=None, derandomize=SCALE == 1, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large, HealthCheck.large_base_example])

ENVIRONMENT = {
    "id": "e1", "name": "robust env", "_postman_variable_scope": "environment",
    "values": [{"key": "base", "value": "http://fuzz.invalid", "type": "default", "enabled": True},
               {"key": "token", "value": "s3cr3t", "type": "secret", "enabled": True},
               {"key": "n", "value": 5, "type": "any", "enabled": True},
               {"key": "off", "value": "x", "enabled": False}],
}
GLOBALS = {"id": "g1", "name": "globals", "_postman_variable_scope": "globals",
           "values": [{"key": "g", "value": "1", "enabled": True}]}
ROWS = [{"path": "a", "n": 1, "flag": True, "obj": {"k": [1, 2]}}, {"path": "b", "n": None}]
CSV = 'path,n,quoted\na,1,"x, y"\nb,2.5,"say ""hi"""\n'

COLLECTION = {
    "info": {"name": "inputs", "schema": SCHEMA_V21},
    "item": [{"name": "use all", "request": {
        "method": "POST", "url": "{{base}}/{{path}}?n={{n}}&g={{g}}",
        "header": [{"key": "Authorization", "value": "Bearer {{token}}"}],
        "body": {"mode": "raw", "raw": "{{obj}} {{flag}} {{quoted}}"}},
        "event": [{"listen": "test", "script": {"exec": [
            "pm.test('vars readable', () => { pm.environment.toObject(); pm.globals.toObject();",
            "  pm.iterationData.toObject(); pm.variables.get('n'); });",
            "pm.environment.set('after', pm.iterationData.get('path'));"]}}]}],
}

TEXT_GARBAGE = st.one_of(
    st.text(max_size=200), st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    st.just("\ufeff"), st.just("a,b\n1"), st.just('a,"b\n1,2'), st.just("\"\"\"\n,,,\n"), st.just("---\n- [\n"),
    st.just("key: [unclosed"), st.just("values: 5"), st.just("!!python/object:os.system ls"),
)


def _write(tmp: str, name: str, content: bytes | str) -> str:
    path = Path(tmp) / name
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    path.write_bytes(content)
    return str(path)


def _document(draw, base) -> str:
    """Either a mutated JSON document or raw garbage text."""
    if draw(st.booleans()):
        return json.dumps(draw(mutated(base, max_mutations=3)))
    if draw(st.booleans()):
        return json.dumps(draw(WEIRD_VALUES))
    return draw(TEXT_GARBAGE)


@FUZZ
@given(data=st.data())
def test_environment_and_globals_files(proxied, data):
    env_text = _document(data.draw, ENVIRONMENT)
    glob_text = _document(data.draw, GLOBALS)
    ext = data.draw(st.sampled_from([".json", ".yaml", ".yml", ".txt"]))
    with tempfile.TemporaryDirectory() as tmp:
        env_path = _write(tmp, f"env{ext}", env_text)
        glob_path = _write(tmp, "globals.json", glob_text)
        for path, kind in ((env_path, "environment"), (glob_path, "globals")):
            try:
                load_scope([path], kind)
            except PmreplayError as exc:
                assert_one_line(exc, must_name=path)
        run_everything(COLLECTION, environment=env_path, globals=glob_path, iteration_data=ROWS[:1],
                       export_environment=str(Path(tmp) / "out" / "env.json"))


@FUZZ
@given(data=st.data())
def test_iteration_data_files(proxied, data):
    if data.draw(st.booleans()):
        text, ext = _document(data.draw, ROWS), ".json"
    else:
        text = data.draw(st.one_of(TEXT_GARBAGE, st.just(CSV),
                                   st.lists(st.sampled_from(CSV.splitlines() + ['"', ",", "\r", "x,\"\"y"]),
                                            max_size=6).map("\n".join)))
        ext = data.draw(st.sampled_from([".csv", ".txt", ""]))
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(tmp, f"data{ext}", text)
        try:
            rows = load_iteration_data(path)
        except PmreplayError as exc:
            assert_one_line(exc, must_name=path)
            return
        assert isinstance(rows, list) and all(isinstance(row, dict) for row in rows)
        run_everything(COLLECTION, environment=ENVIRONMENT, iteration_data=path, iteration_count=2)


@pytest.mark.parametrize("kwargs,message", [
    ({"iteration_data": [1, "x", None]}, "[0] must be an object"),
    ({"environment": {"values": [1, None]}}, "values[0] must be an object"),
    ({"globals": {"values": [{"key": 5, "value": 1}]}}, "string 'key'"),
    ({"iteration_count": "2"}, "iteration_count"), ({"iteration_count": 0}, "iteration_count"),
    ({"delay_request_ms": -5}, "delay_request_ms"), ({"timeout_ms": "x"}, "timeout_ms"),
    ({"timeout_script_ms": 1.5}, "timeout_script_ms"), ({"bail": "sometimes"}, "bail"),
    ({"reporters": ["nosuch"]}, "unknown reporter"),
])
def test_python_api_rejects_bad_arguments_in_one_line(echo_url, kwargs, message):
    with pytest.raises(PmreplayError) as info:
        run(COLLECTION, **kwargs)
    assert_one_line(info.value, must_name=message)


def test_python_api_accepts_command_line_style_strings(echo_url):
    collection = {"info": {"name": "s", "schema": SCHEMA_V21},
                  "item": [{"name": "one", "request": f"{echo_url}/one"}, {"name": "two", "request": f"{echo_url}/two"}]}
    stream = io.StringIO()
    summary = run(collection, reporters="cli,", folders="two", stream=stream)
    assert [e.item.name for e in summary.executions] == ["two"]
    assert "→ two" in stream.getvalue()
