"""Live comparison with Newman: substitution on the wire, CSV cell typing, environment export.

Runs the real Newman CLI against the echo server once (a few seconds) and checks that
pmreplay's variables/iterdata modules produce what Newman produced. Skipped when node or
Newman is missing (set PMREPLAY_NEWMAN to a newman executable to use another install).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from runner.envfiles import load_env_file
from runner.iterdata import data_scope, load_iteration_data
from runner.variables import ScopeChain
from tests.vars.test_iterdata import NEWMAN_CSV
from tests.vars.test_variables import NEWMAN_ENV, NEWMAN_SUBSTITUTIONS

pytestmark = pytest.mark.conformance

NEWMAN = Path(os.environ.get("PMREPLAY_NEWMAN", "/root/.cache/pmreplay-newman/node_modules/.bin/newman"))

TEST_SCRIPT = [
    "const j = pm.response.json();",
    "pm.environment.set('body' + pm.info.iteration, j.body);",
    "pm.environment.set('header' + pm.info.iteration, JSON.stringify(j.headers.filter(h => h[0] === 'X-From-Var')));",
    "pm.environment.set('row' + pm.info.iteration, JSON.stringify(pm.iterationData.toObject()));",
    "if (pm.info.iteration === 0) {",
    "  pm.environment.set('t_num', 5); pm.environment.set('t_bool', true); pm.environment.set('t_obj', {a: 1});",
    "  pm.environment.set('t_arr', [1, 'x']); pm.environment.set('t_null', null);",
    "  pm.environment.set('numstr', 'abc'); pm.environment.set('dis', 'set-on-disabled');",
    "}",
]


def _js_int(text: str) -> int | float:
    """JSON integers as JavaScript holds them: doubles beyond 2**53."""
    value = int(text)
    return float(value) if abs(value) > 2**53 else value


@pytest.fixture(scope="module")
def newman_run(tmp_path_factory, echo_url):
    if shutil.which("node") is None:
        pytest.skip("node is not installed: cannot run Newman")
    if not NEWMAN.exists():
        pytest.skip(f"Newman not found at {NEWMAN} (set PMREPLAY_NEWMAN)")
    work = tmp_path_factory.mktemp("newman-vars")
    env_doc = {"id": "e1", "name": "conformance", "values": NEWMAN_ENV.values + [
        {"key": "hk", "value": "X-From-Var", "type": "default"},
        {"key": "numstr", "value": "007", "type": "number"},
        {"key": "dis", "value": "hidden", "type": "default", "disabled": True},
    ]}
    (work / "env.json").write_text(json.dumps(env_doc), encoding="utf-8")
    (work / "data.csv").write_text(NEWMAN_CSV, encoding="utf-8")
    templates = [template for template, _ in NEWMAN_SUBSTITUTIONS] + ["numstr={{numstr}}", "dis={{dis}}"]
    collection = {
        "info": {"name": "vars conformance",
                 "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{"name": "echo", "request": {
            "method": "POST", "url": f"{echo_url}/echo",
            "header": [{"key": "{{hk}}", "value": "{{n}}-{{b}}"}],
            "body": {"mode": "raw", "raw": "\u0001".join(templates)}},
            "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": TEST_SCRIPT}}]}],
    }
    (work / "collection.json").write_text(json.dumps(collection), encoding="utf-8")
    proc = subprocess.run(
        [str(NEWMAN), "run", "collection.json", "-e", "env.json", "-d", "data.csv", "--export-environment",
         "out.json", "--reporters", "cli", "--disable-unicode", "--color", "off"],
        cwd=work, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    exported = json.loads((work / "out.json").read_text(encoding="utf-8"))
    return {"work": work, "templates": templates, "env": exported,
            "values": {v["key"]: v for v in exported["values"] if not v.get("disabled")}}


def test_substitution_on_the_wire_matches_newman(newman_run):
    sent = newman_run["values"]["body0"]["value"].split("\u0001")
    env = load_env_file(newman_run["work"] / "env.json", environ={})
    rows = load_iteration_data(newman_run["work"] / "data.csv")
    # the data row outranks the environment (both have "big"), as in Newman
    chain = ScopeChain(iteration_data=data_scope(rows, 0), environment=env)
    ours = [chain.substitute(t) for t in newman_run["templates"]]
    assert ours == sent


def test_header_name_substitution_matches_newman(newman_run):
    headers = json.loads(newman_run["values"]["header0"]["value"])
    env = load_env_file(newman_run["work"] / "env.json", environ={})
    chain = ScopeChain(environment=env)
    assert headers == [[chain.substitute("{{hk}}"), chain.substitute("{{n}}-{{b}}")]]


def test_csv_rows_match_newman(newman_run):
    ours = load_iteration_data(newman_run["work"] / "data.csv")
    newman_rows = [json.loads(newman_run["values"][f"row{i}"]["value"], parse_int=_js_int) for i in range(len(ours))]
    assert newman_rows == ours
    for newman_row, our_row in zip(newman_rows, ours, strict=True):
        assert {k: type(v) is str for k, v in newman_row.items()} == {k: type(v) is str for k, v in our_row.items()}


def test_exported_types_after_script_set_match_ours(newman_run):
    values = newman_run["values"]
    # Newman exports script-set values of any JS type as "any", keeping JSON types.
    assert {k: (values[k]["type"], values[k]["value"]) for k in ("t_num", "t_bool", "t_obj", "t_arr", "t_null")} == {
        "t_num": ("any", 5), "t_bool": ("any", True), "t_obj": ("any", {"a": 1}), "t_arr": ("any", [1, "x"]),
        "t_null": ("any", None)}
    # A "number" typed entry keeps its type and NaN becomes null; set on a disabled-only key appends.
    assert (values["numstr"]["type"], values["numstr"]["value"]) == ("number", None)
    assert values["dis"]["value"] == "set-on-disabled"
    env = load_env_file(newman_run["work"] / "env.json", environ={})
    env.set("numstr", "abc")
    env.set("dis", "set-on-disabled")
    ours = {e["key"]: e for e in env.to_export()["values"] if not e.get("disabled")}
    assert (ours["numstr"]["type"], ours["numstr"]["value"]) == ("number", None)
    assert ours["dis"]["value"] == "set-on-disabled"
