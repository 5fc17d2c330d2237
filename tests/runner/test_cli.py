"""The real ``pmreplay`` CLI, run as a subprocess against the local echo server."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def pmreplay(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "runner.cli", *args], capture_output=True, text=True,
                          input=stdin, cwd=cwd or ROOT, timeout=120)


def collection(items: list, **extra) -> dict:
    return {"info": {"name": "cli test", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item": items, **extra}


def test_item(name: str, url: str, tests: list[str] | None = None, pre: list[str] | None = None, **request) -> dict:
    events = []
    if pre:
        events.append({"listen": "prerequest", "script": {"exec": pre}})
    if tests:
        events.append({"listen": "test", "script": {"exec": tests}})
    return {"name": name, "event": events, "request": {"method": "GET", "url": url, **request}}


test_item.__test__ = False  # a builder, not a test


def write(tmp_path: Path, data: dict, name: str = "c.postman_collection.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


def test_passing_run_exits_0_and_prints_newman_like_lines(tmp_path, echo_url):
    path = write(tmp_path, collection([test_item("ping", f"{echo_url}/ping", [
        "pm.test('status is 200', () => pm.expect(pm.response.code).to.equal(200));"])]))
    result = pmreplay("run", str(path))
    assert result.returncode == 0, result.stderr
    assert f"GET {echo_url}/ping [200 OK" in result.stdout
    assert "✓  status is 200" in result.stdout
    assert re.search(r"assertions\s*│\s*1\s*│\s*0\s*│", result.stdout)


def test_failing_assertion_exits_1_and_x_suppresses(tmp_path, echo_url):
    path = write(tmp_path, collection([test_item("ping", f"{echo_url}/status/404", [
        "pm.test('status is 200', () => pm.expect(pm.response.code).to.equal(200));"])]))
    result = pmreplay("run", str(path))
    assert result.returncode == 1
    assert "expected 404 to equal 200" in result.stdout
    assert pmreplay("run", str(path), "-x").returncode == 0


def test_http_error_without_tests_is_not_a_failure(tmp_path, echo_url):
    path = write(tmp_path, collection([test_item("missing", f"{echo_url}/status/500")]))
    assert pmreplay("run", str(path)).returncode == 0


def test_request_error_is_a_failure(tmp_path):
    path = write(tmp_path, collection([test_item("refused", "http://127.0.0.1:9/nothing")]))
    result = pmreplay("run", str(path))
    assert result.returncode == 1
    assert "ECONNREFUSED" in result.stdout or "refused" in result.stdout.lower()


@pytest.mark.parametrize("args, message", [
    (["run", "missing.json"], "missing.json: collection file not found"),
    (["run", "{c}", "-n", "0"], "must be at least 1"),
    (["run", "{c}", "--color", "bad"], "invalid choice: 'bad'"),
    (["run", "{c}", "--delay-request", "soon"], "expected a whole number"),
    (["run", "{c}", "--folder", "Nope"], "no folder or request named 'Nope'"),
    (["run", "{c}", "-e", "missing-env.json"], "missing-env.json"),
    (["run", "{c}", "--env-var", "NOEQUALS"], "expected KEY=VALUE"),
    (["run", "{c}", "-r", "fancy"], "unknown reporter 'fancy'"),
    (["run", "{c}", "--connect-to", "a:b:c"], "--connect-to"),
    (["run", "{c}", "--bail=sometimes"], "unknown modifier 'sometimes'"),
    (["run", "{bad}"], "item[0] ('broken') has neither a request nor items"),
])
def test_bad_input_is_one_line_and_exit_1(tmp_path, echo_url, args, message):
    good = write(tmp_path, collection([test_item("ping", f"{echo_url}/ping")]))
    bad = write(tmp_path, collection([{"name": "broken"}]), "bad.json")
    args = [a.replace("{c}", str(good)).replace("{bad}", str(bad)) for a in args]
    result = pmreplay(*args, cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_collection_from_stdin(echo_url):
    data = collection([test_item("ping", f"{echo_url}/ping", ["pm.test('ok', () => pm.response.to.be.ok);"])])
    result = pmreplay("run", "-", stdin=json.dumps(data))
    assert result.returncode == 0, result.stdout + result.stderr


def test_environments_layer_and_export_over_the_loaded_file(tmp_path, echo_url):
    team = tmp_path / "team.json"
    team.write_text(json.dumps({"name": "team", "values": [
        {"key": "base", "value": echo_url}, {"key": "who", "value": "team"}, {"key": "keep", "value": "k"}]}))
    mine = tmp_path / "mine.yaml"
    mine.write_text("name: mine\nvalues:\n  who: me\n")
    path = write(tmp_path, collection([test_item("echo", "{{base}}/hello?who={{who}}&v={{cli}}", [
        "const q = pm.response.json().query;",
        "pm.test('layers', () => pm.expect(q).to.eql([['who', 'me'], ['v', 'flag']]));",
        "pm.environment.set('captured', q[0][1]);",
    ])]))
    result = pmreplay("run", str(path), "-e", str(team), "-e", str(mine), "--env-var", "cli=flag",
                      "--export-environment", str(team))
    assert result.returncode == 0, result.stdout + result.stderr
    exported = json.loads(team.read_text())
    values = {v["key"]: v["value"] for v in exported["values"]}
    assert values["captured"] == "me" and values["keep"] == "k"
    assert exported["_postman_variable_scope"] == "environment"
    assert not list(tmp_path.glob(".team.json*")), "no temporary file left behind"


def test_iteration_data_csv_drives_iterations(tmp_path, echo_url):
    data = tmp_path / "rows.csv"
    data.write_text("name,count\nada,1\nbob,2\n")
    path = write(tmp_path, collection([test_item("row", f"{echo_url}/row/{{{{name}}}}", [
        "pm.test('row ' + pm.info.iteration, () => pm.expect(pm.response.json().path).to.equal('/row/' + pm.iterationData.get('name')));",
        "pm.globals.set('seen', (pm.globals.get('seen') || '') + data.name);",
    ])]))
    out = tmp_path / "globals.json"
    result = pmreplay("run", str(path), "-d", str(data), "--export-globals", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Iteration 2/2" in result.stdout
    values = {v["key"]: v["value"] for v in json.loads(out.read_text())["values"]}
    assert values["seen"] == "adabob"
    # -n beyond the data length reuses the last row
    result = pmreplay("run", str(path), "-d", str(data), "-n", "3", "--export-globals", str(out))
    assert {v["key"]: v["value"] for v in json.loads(out.read_text())["values"]}["seen"] == "adabobbob"


def test_folders_run_in_collection_order_unless_preserved(tmp_path, echo_url):
    items = [
        {"name": "A", "item": [test_item("a", f"{echo_url}/a")]},
        {"name": "B", "item": [test_item("b", f"{echo_url}/b")]},
    ]
    path = write(tmp_path, collection(items))
    out = tmp_path / "r.json"
    pmreplay("run", str(path), "--folder", "B", "--folder", "A", "-r", "json", "--reporter-json-export", str(out))
    assert [e["item"]["name"] for e in json.loads(out.read_text())["run"]["executions"]] == ["a", "b"]
    pmreplay("run", str(path), "--folder", "B", "--folder", "A", "--preserve-order", "-r", "json",
             "--reporter-json-export", str(out))
    assert [e["item"]["name"] for e in json.loads(out.read_text())["run"]["executions"]] == ["b", "a"]


def test_json_and_junit_reports(tmp_path, echo_url):
    path = write(tmp_path, collection([{"name": "F", "item": [test_item("ping", f"{echo_url}/ping", [
        "pm.test('passes', () => {});", "pm.test('fails', () => { throw new Error('boom'); });"])]}]))
    report, junit = tmp_path / "r.json", tmp_path / "r.xml"
    result = pmreplay("run", str(path), "-n", "2", "-r", "json,junit", "--reporter-json-export", str(report),
                      "--reporter-junit-export", str(junit))
    assert result.returncode == 1
    run = json.loads(report.read_text())["run"]
    assert run["stats"]["assertions"] == {"total": 4, "pending": 0, "failed": 2}
    assert run["stats"]["iterations"]["total"] == 2
    assert run["failures"][0]["at"] == "assertion:1 in test-script"
    assert run["failures"][0]["error"]["message"] == "boom"
    assert run["executions"][0]["response"]["code"] == 200
    xml = junit.read_text()
    assert 'testsuite name="F / ping [iteration 1]"' in xml and 'testsuite name="F / ping [iteration 2]"' in xml
    assert xml.count("<failure") == 2


def test_set_next_request_loop_and_skip_request(tmp_path, echo_url):
    items = [
        test_item("loop", f"{echo_url}/loop", [
            "const n = (pm.environment.get('n') || 0) + 1; pm.environment.set('n', n);",
            "if (n < 3) { pm.execution.setNextRequest('loop'); } else { postman.setNextRequest('last'); }"]),
        test_item("skipped over", f"{echo_url}/never"),
        test_item("skip me", f"{echo_url}/skip", pre=["pm.execution.skipRequest();"]),
        test_item("last", f"{echo_url}/last", ["pm.execution.setNextRequest(null);"]),
        test_item("after null", f"{echo_url}/after"),
    ]
    path = write(tmp_path, collection(items))
    out = tmp_path / "r.json"
    result = pmreplay("run", str(path), "-r", "json", "--reporter-json-export", str(out))
    assert result.returncode == 0, result.stderr
    names = [e["item"]["name"] for e in json.loads(out.read_text())["run"]["executions"]]
    assert names == ["loop", "loop", "loop", "last"]


def test_bail_stops_after_first_failure(tmp_path, echo_url):
    items = [test_item("fails", f"{echo_url}/a", ["pm.test('x', () => pm.expect(1).to.equal(2));"]),
             test_item("never", f"{echo_url}/b")]
    path = write(tmp_path, collection(items))
    out = tmp_path / "r.json"
    result = pmreplay("run", str(path), "--bail", "-r", "json", "--reporter-json-export", str(out))
    assert result.returncode == 1
    assert [e["item"]["name"] for e in json.loads(out.read_text())["run"]["executions"]] == ["fails"]


def test_request_timeout_is_a_request_failure(tmp_path, echo_url):
    path = write(tmp_path, collection([test_item("slow", f"{echo_url}/delay/2000")]))
    result = pmreplay("run", str(path), "--timeout-request", "200")
    assert result.returncode == 1
    assert "at request" in result.stdout


def test_script_error_is_reported_and_the_run_goes_on(tmp_path, echo_url):
    items = [test_item("broken", f"{echo_url}/a", ["let x;", "x.y.z = 1;"]),
             test_item("next", f"{echo_url}/b", ["pm.test('still runs', () => {});"])]
    path = write(tmp_path, collection(items))
    result = pmreplay("run", str(path))
    assert result.returncode == 1
    assert "TypeError" in result.stdout and "✓  still runs" in result.stdout


def test_secrets_are_masked_in_output_and_reports(tmp_path, echo_url):
    env = tmp_path / "env.json"
    env.write_text(json.dumps({"name": "e", "values": [{"key": "token", "value": "s3cr3t-value", "type": "secret"}]}))
    path = write(tmp_path, collection([test_item("auth", f"{echo_url}/auth?t={{{{token}}}}", [
        "console.log('token is', pm.environment.get('token'));"],
        header=[{"key": "Authorization", "value": "Bearer {{token}}"}, {"key": "X-Api-Key", "value": "abc123"}])]))
    out = tmp_path / "r.json"
    result = pmreplay("run", str(path), "-e", str(env), "--verbose", "-r", "cli,json", "--reporter-json-export", str(out))
    assert result.returncode == 0, result.stderr
    assert "s3cr3t-value" not in result.stdout and "abc123" not in result.stdout
    assert "********" in result.stdout
    report = out.read_text()
    assert "s3cr3t-value" not in report and "abc123" not in report
    # what was sent is not masked: the echo server saw the real header
    executions = json.loads(report)["run"]["executions"]
    assert executions[0]["response"]["code"] == 200


def test_version_and_help():
    assert pmreplay("--version").stdout.strip()
    result = pmreplay("run", "--help")
    assert "--iteration-count" in result.stdout and "--connect-to" in result.stdout


def test_cookie_jar_round_trip_and_collection_export(tmp_path, echo_url):
    items = [test_item("set", f"{echo_url}/cookies/set?session=abc"),
             test_item("send", f"{echo_url}/cookies", [
                 "const sent = pm.response.json().headers.find(h => h[0] === 'Cookie');",
                 "pm.test('cookie sent back', () => pm.expect(sent[1]).to.include('session=abc'));",
                 "pm.collectionVariables.set('seen', 'yes');"])]
    path = write(tmp_path, collection(items, variable=[{"key": "seen", "value": "no"}]))
    jar, exported = tmp_path / "jar.json", tmp_path / "exported.json"
    result = pmreplay("run", str(path), "--export-cookie-jar", str(jar), "--export-collection", str(exported))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "abc" in jar.read_text()
    assert {v["key"]: v["value"] for v in json.loads(exported.read_text())["variable"]}["seen"] == "yes"
    # the exported jar feeds the next run
    only_send = write(tmp_path, collection([items[1]]), "send.json")
    assert pmreplay("run", str(only_send), "--cookie-jar", str(jar)).returncode == 0


def test_collection_from_an_http_url(echo_url):
    from urllib.parse import quote

    data = collection([test_item("ping", f"{echo_url}/ping", ["pm.test('ok', () => pm.response.to.be.ok);"])])
    url = f"{echo_url}/text?type=application/json&body={quote(json.dumps(data))}"
    result = pmreplay("run", url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "✓  ok" in result.stdout
    missing = pmreplay("run", f"{echo_url}/status/404")
    assert missing.returncode == 1 and "HTTP 404" in missing.stderr


def test_a_secret_set_by_a_script_is_masked_from_then_on(tmp_path, echo_url):
    path = write(tmp_path, collection([
        test_item("login", f"{echo_url}/login", [
            "pm.environment.set('token', 'fresh-token-123', 'secret');",
            "console.log('got', pm.environment.get('token'));"]),
        test_item("use", f"{echo_url}/use?t={{{{token}}}}", [
            "pm.test('sent fresh-token-123', () => {});"]),
    ]))
    result = pmreplay("run", str(path))
    assert result.returncode == 0, result.stderr
    assert "fresh-token-123" not in result.stdout
    assert "use?t=********" in result.stdout


def test_runaway_async_scripts_hit_the_time_limit_and_the_run_goes_on(tmp_path, echo_url):
    items = [
        test_item("never settles", f"{echo_url}/a", ["await new Promise(function () {});"]),
        test_item("loops in a callback", f"{echo_url}/b", [
            f"pm.sendRequest('{echo_url}/side', function () {{ while (true) {{}} }});"]),
        test_item("still runs", f"{echo_url}/c", ["pm.test('after the runaways', () => {});"]),
    ]
    path = write(tmp_path, collection(items))
    out = tmp_path / "r.json"
    result = pmreplay("run", str(path), "--timeout-script", "1000", "-r", "cli,json", "--reporter-json-export", str(out))
    assert result.returncode == 1
    run = json.loads(out.read_text())["run"]
    errors = [f["error"] for f in run["failures"]]
    assert len(errors) == 2 and all("timed out" in e["message"] for e in errors), errors
    assert [e["item"]["name"] for e in run["executions"]] == ["never settles", "loops in a callback", "still runs"]
    assert "✓  after the runaways" in result.stdout
