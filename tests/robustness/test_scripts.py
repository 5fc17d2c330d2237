"""Scripts that misbehave and responses no API should send: the run goes on, each ends as a
clear failure or behaves like Newman, and the summary, reports and exports stay writable.

Newman 6 reference (checked by hand): functions, symbols and ``undefined`` stored in a scope
export as ``null``; a cyclic object or a BigInt in a scope crashes Newman itself
("Converting circular structure to JSON" / "Do not know how to serialize a BigInt") -- here
the first is stored with the cycle cut at ``"[Circular]"`` and the second as ``"10n"``; a lone
surrogate is exported as a ``\\ud800`` escape.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from runner.api import run
from tests.robustness.bases import SCHEMA_V21
from tests.robustness.support import pmreplay


def _item(name: str, url: str, pre: list[str] | None = None, test: list[str] | None = None, **request) -> dict:
    events = []
    if pre:
        events.append({"listen": "prerequest", "script": {"exec": pre}})
    if test:
        events.append({"listen": "test", "script": {"exec": test}})
    return {"name": name, "event": events,
            "request": {"method": "POST", "url": url, "body": {"mode": "raw", "raw": "x"}, **request}}


def _collection(items: list[dict]) -> dict:
    return {"info": {"name": "misbehaving scripts", "schema": SCHEMA_V21}, "item": items}


PRE_SCRIPTS: dict[str, list[str]] = {
    "odd values": ["pm.environment.set('fn', function () { return 1; });", "pm.environment.set('sym', Symbol('s'));",
                   "pm.environment.set('undef', undefined);",
                   "pm.globals.set('nan', NaN);", "pm.collectionVariables.set('d', new Date(0));",
                   "pm.variables.set('m', new Map([[1, 2]]));"],
    "bigint value": ["pm.environment.set('big', BigInt(10));"],
    "cyclic value": ["var o = {a: 1}; o.self = o; pm.environment.set('cyc', o);"],
    "odd keys": ["pm.environment.set(5, 'five'); pm.environment.set({}, 'obj');",
                 "pm.environment.set(null, 'n'); pm.globals.set(['a'], 1);"],
    "throw 5": ["throw 5;"], "throw null": ["throw null;"], "throw {}": ["throw {};"],
    "throw undefined": ["throw undefined;"], "throw symbol": ["throw Symbol('x');"],
    "stack overflow": ["function f(n) { return f(n + 1) + 1; } f(0);"],
    "huge console": ["console.log('x'.repeat(1024 * 1024));",
                     "for (let i = 0; i < 2000; i++) { console.info('line', i, {i: i}); }"],
    "odd console": ["var o = {a: 1}; o.self = o;",
                    "console.log(o, Symbol('s'), BigInt(5), function f() {}, undefined, null, new Error('e'));"],
    "url is 5": ["pm.request.url = 5;"],
    "odd headers": ["pm.request.headers.add({key: 5, value: {a: 1}}); pm.request.headers.add({key: 'X-N', value: null});",
                    "pm.request.headers.upsert({key: 'X-U', value: 7});"],
    "body null": ["pm.request.body = null;"],
    "method 42": ["pm.request.method = 42; pm.request.auth = 'x';"],
    "url object": ["pm.request.url = {host: 5, path: {}};"],
    "body nonsense": ["pm.request.body = {mode: 'nonsense', raw: {}};"],
    "raw object": ["pm.request.body = {mode: 'raw', raw: {a: 1}};"],
    "headers string": ["pm.request.headers = 'X: 1';"],
    "lone surrogate": ["pm.environment.set('sur', '\\ud800x'); pm.environment.set('\\udfff', 1);",
                       "console.log('\\ud800'); pm.test('t\\ud800', () => { throw new Error('e\\ud800'); });"],
    "odd tests": ["pm.test(5, 6); pm.test(null); pm.test({}, function () { throw 7; });"],
    "odd sendRequest": ["pm.sendRequest(5, function (err) { console.log(String(err)); });",
                        "pm.sendRequest({url: {}}, function () {});"],
}
ODD_RESPONSES = ["binary", "latin1", "badjson", "deep", "deepobj", "huge", "nul", "utf16", "empty"]
READ_RESPONSE = ["pm.test('text', () => { pm.response.text(); });",
                 "pm.test('json', () => { pm.response.json(); });",
                 "pm.test('header', () => { pm.response.headers.get('X-Weird'); });",
                 "pm.environment.set('body_' + pm.info.requestName, pm.response.text().slice(0, 20));",
                 "console.log(pm.response.text().slice(0, 40));"]


@pytest.fixture(scope="module")
def outcome(odd_url, echo_url, tmp_path_factory):
    """One run of every case (one V8 isolate), with all reporters and exports."""
    out = tmp_path_factory.mktemp("scripts")
    items = [_item(name, f"{echo_url}/pre", pre=lines) for name, lines in PRE_SCRIPTS.items()]
    items += [_item(name, f"{odd_url}/{name}", test=READ_RESPONSE, method="GET") for name in ODD_RESPONSES]
    items.append(_item("next request object", f"{echo_url}/last", pre=["postman.setNextRequest({});"]))
    stream = io.StringIO()
    summary = run(_collection(items), reporters=["cli", "json", "junit"], stream=stream, timeout_script_ms=20_000,
                  reporter_options={"json": {"export": str(out / "r.json")}, "junit": {"export": str(out / "r.xml")}},
                  export_environment=str(out / "env.json"), export_globals=str(out / "globals.json"),
                  export_collection=str(out / "coll.json"))
    return summary, stream.getvalue(), out


def _failures(summary, name: str) -> list:
    return [f for f in summary.failures if f.item is not None and f.item.name == name]


def test_every_item_ran_and_reports_are_readable(outcome):
    summary, text, out = outcome
    names = [e.item.name for e in summary.executions]
    assert names == [*PRE_SCRIPTS, *ODD_RESPONSES, "next request object"]
    json.dumps(summary.to_json())
    report = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert len(report["run"]["executions"]) == len(names)
    import xml.etree.ElementTree as ET

    ET.parse(out / "r.xml")
    assert "Traceback" not in text and "→ huge console" in text


@pytest.mark.parametrize("name,error_name,message", [
    ("throw 5", None, "5"), ("throw null", None, "null"), ("throw undefined", None, "undefined"),
    ("throw symbol", None, "Symbol(x)"), ("throw {}", None, None),
    ("stack overflow", "RangeError", "Maximum call stack size exceeded"),
])
def test_throwing_scripts_fail_their_item_only(outcome, name, error_name, message):
    summary, _, _ = outcome
    failures = _failures(summary, name)
    assert len(failures) == 1, [(f.at, f.error) for f in failures]
    assert failures[0].at == "prerequest-script"
    if error_name:
        assert failures[0].error.get("name") == error_name
    if message:
        assert failures[0].error.get("message") == message
    assert any(e.item.name == name and e.response is not None for e in summary.executions)  # request still sent


def test_unstorable_values_export_like_newman(outcome):
    summary, _, out = outcome
    env = {v["key"]: v["value"] for v in json.loads((out / "env.json").read_text(encoding="utf-8"))["values"]
           if isinstance(v["key"], str)}
    assert env["fn"] is None and env["sym"] is None and env["undef"] is None
    assert env["big"] == "10n"  # Newman crashes here
    assert env["cyc"] == {"a": 1, "self": "[Circular]"}  # Newman crashes here too; we cut the cycle
    assert not _failures(summary, "cyclic value")
    assert env["sur"] == "\ud800x" and env["\udfff"] == 1
    assert "\\ud800x" in (out / "env.json").read_text(encoding="utf-8")
    glob = {v["key"]: v["value"] for v in json.loads((out / "globals.json").read_text(encoding="utf-8"))["values"]
            if isinstance(v["key"], str)}
    assert glob["nan"] is None


def test_request_garbage_is_sent_or_fails_cleanly(outcome):
    summary, _, _ = outcome
    by_name = {e.item.name: e for e in summary.executions}
    assert [f.at for f in _failures(summary, "url is 5")] == ["request"]
    for name in ("odd headers", "body null", "body nonsense", "raw object", "headers string", "url object"):
        assert by_name[name].response is not None, name
        assert not _failures(summary, name), name
    sent = {h["key"]: h["value"] for h in by_name["odd headers"].exchange.request["header"]}
    assert sent.get("X-U") == "7"


def test_odd_responses_reach_scripts(outcome):
    summary, _, _ = outcome
    by_name = {e.item.name: e for e in summary.executions}
    for name in ODD_RESPONSES:
        results = {a.name: a.passed for a in by_name[name].assertions}
        assert results["text"] and results["header"], (name, results)
    assert {a.name: a.passed for a in by_name["deep"].assertions}["json"]
    assert {a.name: a.passed for a in by_name["huge"].assertions}["json"]
    for name in ("binary", "badjson", "empty", "nul"):
        assert not {a.name: a.passed for a in by_name[name].assertions}["json"], name
    assert by_name["huge"].response.response_size > 4 * 1024 * 1024


def test_cli_prints_lone_surrogates_and_binary_without_crashing(odd_url, echo_url, tmp_path):
    items = [_item("sur", f"{echo_url}/x", pre=PRE_SCRIPTS["lone surrogate"]),
             _item("bin", f"{odd_url}/binary", test=READ_RESPONSE, method="GET")]
    path = tmp_path / "c.json"
    path.write_text(json.dumps(_collection(items)))
    for reporter in ("cli", "progress"):
        result = pmreplay("run", str(path), "-r", reporter, "--verbose",
                          "--export-environment", str(tmp_path / "env.json"))
        assert result.returncode == 1, result.stderr[-2000:]
        assert "Traceback" not in result.stderr and "\\ud800" in result.stdout, result.stderr[-2000:]
    assert json.loads(Path(tmp_path / "env.json").read_text(encoding="utf-8"))["values"][0]["value"] == "\ud800x"


def test_timed_out_async_script_leaves_no_traceback_on_stderr(echo_url, tmp_path):
    """Stopping an endless microtask loop discards the V8 isolate; py_mini_racer then reports
    callbacks to a closed event loop as ignored exceptions -- the CLI must not print those."""
    items = [_item("promise loop", f"{echo_url}/a", test=["(async () => { while (true) { await Promise.resolve(); } })();"]),
             _item("next", f"{echo_url}/b", test=["pm.test('still runs', () => {});"])]
    path = tmp_path / "c.json"
    path.write_text(json.dumps(_collection(items)))
    result = pmreplay("run", str(path), "--timeout-script", "1000", "-r", "json", "--reporter-json-export",
                      str(tmp_path / "r.json"))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-3000:]
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [f["error"]["name"] for f in report["run"]["failures"]] == ["TimeoutError"]
    assert report["run"]["stats"]["assertions"] == {"total": 1, "pending": 0, "failed": 0}
