"""The pytest plugin through real pytest sessions (pytester) against real local servers.

Each test writes collections into pytester's temporary directory and runs pytest on them
in-process, pointing ``{{base}}`` at the echo server with ``--pmreplay-env-var``.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import requests

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "collections" / "aep-streaming-tutorial.postman_collection.json"
SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
STATUS_200 = "pm.test('status is 200', () => pm.response.to.have.status(200));"


def req(name: str, path: str, tests: tuple[str, ...] = (STATUS_200,), pre: tuple[str, ...] = (),
        url: str | None = None) -> dict:
    events = []
    if pre:
        events.append({"listen": "prerequest", "script": {"exec": list(pre)}})
    if tests:
        events.append({"listen": "test", "script": {"exec": list(tests)}})
    return {"name": name, "event": events, "request": {"method": "GET", "url": url or "{{base}}" + path}}


def folder(name: str, *items: dict) -> dict:
    return {"name": name, "item": list(items)}


def write(pytester: pytest.Pytester, filename: str, *items: dict, name: str = "plugin test") -> Path:
    path = pytester.path / filename
    path.write_text(json.dumps({"info": {"name": name, "schema": SCHEMA}, "item": list(items)}))
    return path


def base(url: str) -> str:
    return f"--pmreplay-env-var=base={url}"


def test_outcomes_pass_fail_skip(pytester, echo_url):
    write(pytester, "test_flow.postman_collection.json",
          folder("Users", req("list", "/users"), req("missing", "/status/404")),
          req("later", "/x", tests=("pm.test.skip('not yet', () => {});",)),
          req("skipped request", "/y", pre=("pm.execution.skipRequest();",)),
          req("no tests on a 500", "/status/500", tests=()))
    result = pytester.runpytest(base(echo_url), "-v")
    result.assert_outcomes(passed=2, failed=1, skipped=2)
    result.stdout.fnmatch_lines([
        "*test_flow.postman_collection.json::Users / list PASSED*",
        "*test_flow.postman_collection.json::Users / missing FAILED*",
        "*::later SKIPPED*",
        "*::skipped request SKIPPED*",
        "*::no tests on a 500 PASSED*",
    ])
    assert result.ret == 1


def test_failure_shows_status_line_and_assertion_messages(pytester, echo_url):
    write(pytester, "test_f.postman_collection.json", req("missing", "/status/404", tests=(
        STATUS_200, "pm.test('has a body', () => pm.expect(pm.response.text()).to.include('users'));")))
    result = pytester.runpytest(base(echo_url), "-rs")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        f"GET {echo_url}/status/404 -> 404 Not Found (* ms)",
        "  assertion failed: 'status is 200': AssertionError: expected response to have status code 200 but got 404",
        "  assertion failed: 'has a body': AssertionError: expected * to include 'users'",
    ])
    assert "Traceback" not in result.stdout.str()
    assert "nodes.py" not in result.stdout.str()


def test_script_error_and_request_error_fail(pytester, echo_url):
    write(pytester, "test_e.postman_collection.json",
          req("broken script", "/get", tests=("undefinedThing.call();",)),
          req("refused", "", tests=(), url="http://127.0.0.1:9/nothing"))
    result = pytester.runpytest(base(echo_url))
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines([
        "*ReferenceError in test-script: undefinedThing is not defined*",
        "GET http://127.0.0.1:9/nothing -> no response: *",
        "  request error: *",
    ])


def test_console_output_is_a_report_section(pytester, echo_url):
    write(pytester, "test_c.postman_collection.json",
          req("logs", "/status/500", tests=("console.log('seen', {id: 7});", STATUS_200)))
    result = pytester.runpytest(base(echo_url))
    result.stdout.fnmatch_lines(["*Captured pmreplay console call*", 'log: seen {"id": 7}'])


def test_k_selects_items_but_the_whole_flow_still_runs(pytester, recorder):
    write(pytester, "test_k.postman_collection.json",
          folder("Auth", req("token", "/token")), folder("Orders", req("create", "/orders"), req("list", "/list")))
    result = pytester.runpytest(base(recorder.url), "-v", "-k", "Orders and create")
    result.assert_outcomes(passed=1, deselected=2)
    result.stdout.fnmatch_lines(["*::Orders / create PASSED*"])
    assert recorder.paths == ["/token", "/orders", "/list"]


def test_marker_selects_collection_items(pytester, echo_url):
    write(pytester, "test_m.postman_collection.json", req("one", "/get"))
    pytester.makepyfile(test_plain="def test_plain():\n    pass\n")
    # assert_outcomes, not parseoutcomes: an in-process inner session warns that the already imported
    # ``runner`` package cannot be assertion-rewritten, which says nothing about the marker
    pytester.runpytest(base(echo_url), "-m", "pmreplay").assert_outcomes(passed=1, deselected=1)
    pytester.runpytest(base(echo_url), "-m", "not pmreplay").assert_outcomes(passed=1, deselected=1)


def test_x_stops_pytest_and_the_run_at_the_first_failing_request(pytester, recorder):
    write(pytester, "test_x.postman_collection.json",
          req("first", "/one"), req("fails", "/two", tests=("pm.test('nope', () => pm.expect(1).to.equal(2));",)),
          req("never", "/three"))
    result = pytester.runpytest(base(recorder.url), "-x")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*stopping after 1 failures*"])
    assert recorder.paths == ["/one", "/two"]


def test_x_with_k_runs_the_flow_past_a_deselected_failure(pytester, recorder):
    write(pytester, "test_xk.postman_collection.json",
          req("fails", "/one", tests=("pm.test('nope', () => pm.expect(1).to.equal(2));",)), req("wanted", "/two"))
    result = pytester.runpytest(base(recorder.url), "-x", "-k", "wanted")
    result.assert_outcomes(passed=1, deselected=1)
    assert recorder.paths == ["/one", "/two"]


def test_without_x_every_request_runs_after_a_failure(pytester, recorder):
    write(pytester, "test_nox.postman_collection.json",
          req("fails", "/one", tests=("pm.test('nope', () => pm.expect(1).to.equal(2));",)), req("after", "/two"))
    pytester.runpytest(base(recorder.url)).assert_outcomes(passed=1, failed=1)
    assert recorder.paths == ["/one", "/two"]


def test_junitxml_has_one_testcase_per_request_execution(pytester, echo_url):
    write(pytester, "test_j.postman_collection.json",
          folder("F", req("ok", "/get"), req("bad", "/status/418")), req("top", "/get"))
    xml = pytester.path / "junit.xml"
    pytester.runpytest(base(echo_url), "--pmreplay-iteration-count=2", f"--junitxml={xml}")
    cases = ET.parse(xml).getroot().findall(".//testcase")
    assert [c.get("name") for c in cases] == [
        "F / ok [iteration-1]", "F / bad [iteration-1]", "top [iteration-1]",
        "F / ok [iteration-2]", "F / bad [iteration-2]", "top [iteration-2]",
    ]
    assert {c.get("classname") for c in cases} == {"test_j.postman_collection.json"}
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["F / bad [iteration-1]", "F / bad [iteration-2]"]
    message = failed[0].find("failure").get("message")
    assert f"GET {echo_url}/status/418 -> 418" in message
    assert "'status is 200'" in message and "but got 418" in message


def test_iteration_data_rows_become_separate_items(pytester, echo_url):
    write(pytester, "test_d.postman_collection.json", req("status", "/status/{{code}}"))
    (pytester.path / "rows.csv").write_text("code\n200\n503\n200\n")
    result = pytester.runpytest(base(echo_url), "--pmreplay-iteration-data=rows.csv", "-v")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines([
        "*::status ?iteration-1? PASSED*",
        "*::status ?iteration-2? FAILED*",
        "*::status ?iteration-3? PASSED*",
        f"GET {echo_url}/status/503 -> 503 Service Unavailable*",
    ])


def test_folder_option_and_ini_limit_the_items(pytester, recorder):
    write(pytester, "test_fo.postman_collection.json",
          folder("A", req("a1", "/a1")), folder("B", req("b1", "/b1"), req("b2", "/b2")))
    result = pytester.runpytest(base(recorder.url), "--pmreplay-folder=B", "-v")
    result.assert_outcomes(passed=2)
    assert recorder.paths == ["/b1", "/b2"]
    recorder.paths.clear()
    pytester.makeini(f"[pytest]\npmreplay_folder =\n    A\npmreplay_env_var =\n    base={recorder.url}\n")
    pytester.runpytest().assert_outcomes(passed=1)
    assert recorder.paths == ["/a1"]


def test_unknown_folder_is_a_one_line_collection_error(pytester, echo_url):
    write(pytester, "test_uf.postman_collection.json", folder("Users", req("list", "/users")))
    result = pytester.runpytest(base(echo_url), "--pmreplay-folder=Usres")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*no folder or request named 'Usres'*did you mean*'Users'*"])
    assert "Traceback" not in result.stdout.str()


def test_pattern_default_option_ini_and_explicit_paths(pytester, echo_url):
    write(pytester, "test_named.postman_collection.json", req("named", "/get"))
    write(pytester, "fixture.postman_collection.json", req("fixture", "/get"))
    write(pytester, "smoke.json", req("smoke", "/get"))
    # default: only test_*.postman_collection.json, so collections kept as data are not run by accident
    pytester.runpytest(base(echo_url)).assert_outcomes(passed=1)
    # a collection named on the command line is collected whatever its name
    pytester.runpytest(base(echo_url), "fixture.postman_collection.json").assert_outcomes(passed=1)
    pytester.runpytest(base(echo_url), "--pmreplay-pattern=*.postman_collection.json").assert_outcomes(passed=2)
    pytester.makeini("[pytest]\npmreplay_pattern = smoke.json test_*.postman_collection.json\n")
    result = pytester.runpytest(base(echo_url), "-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*smoke.json::smoke PASSED*"])


def test_request_timeout_option_fails_a_slow_request(pytester, echo_url):
    write(pytester, "test_slow.postman_collection.json", req("slow", "/delay/3000", tests=()))
    result = pytester.runpytest(base(echo_url), "--pmreplay-timeout-request=100")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([f"GET {echo_url}/delay/3000 -> no response: *", "  request error: *"])


def test_body_files_resolve_beside_the_collection(pytester, echo_url):
    sub = pytester.mkdir("api")
    (sub / "payload.txt").write_text("hello from a file")
    item = req("upload", "/post", tests=("pm.test('body sent', () => pm.expect(pm.response.json().body)"
                                          ".to.equal('hello from a file'));",))
    item["request"].update(method="POST", body={"mode": "file", "file": {"src": "payload.txt"}})
    (sub / "test_up.postman_collection.json").write_text(json.dumps(
        {"info": {"name": "up", "schema": SCHEMA}, "item": [item]}))
    pytester.runpytest(base(echo_url), "api").assert_outcomes(passed=1)


def test_plugin_can_be_disabled(pytester, echo_url):
    write(pytester, "test_off.postman_collection.json", req("ping", "/get"))
    result = pytester.runpytest("-p", "no:pmreplay")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_environment_and_globals_files_with_secrets_masked(pytester, echo_url):
    write(pytester, "test_env.postman_collection.json", req("with key", "/status/401?key={{token}}&g={{g}}", tests=(
        STATUS_200, "pm.test('global is read', () => pm.expect(pm.variables.get('g')).to.equal('from-globals'));")))
    (pytester.path / "team.postman_environment.json").write_text(json.dumps({"name": "team", "values": [
        {"key": "base", "value": echo_url, "enabled": True},
        {"key": "token", "value": "s3cr3t-token-value", "type": "secret", "enabled": True}]}))
    (pytester.path / "g.yaml").write_text("values:\n  g: from-globals\n")
    result = pytester.runpytest("--pmreplay-environment=team.postman_environment.json", "--pmreplay-globals=g.yaml")
    result.assert_outcomes(failed=1)
    out = result.stdout.str()
    assert "s3cr3t-token-value" not in out
    result.stdout.fnmatch_lines([f"GET {echo_url}/status/401?key=********&g=from-globals -> 401 Unauthorized*"])
    assert "global is read" not in out  # it passed, only failures are listed


def test_ini_paths_resolve_beside_the_ini_file(pytester, echo_url):
    sub = pytester.mkdir("api")
    (sub / "test_i.postman_collection.json").write_text(json.dumps(
        {"info": {"name": "i", "schema": SCHEMA}, "item": [req("ping", "/get")]}))
    (pytester.path / "env.yaml").write_text(f"values:\n  base: {echo_url}\n")
    pytester.makeini("[pytest]\npmreplay_environment = env.yaml\n")
    result = pytester.runpytest("api", "--rootdir", str(pytester.path))
    result.assert_outcomes(passed=1)


def test_connect_to_sends_a_hard_coded_host_to_the_local_server(pytester, recorder):
    port = recorder.url.rsplit(":", 1)[1]
    write(pytester, "test_ct.postman_collection.json",
          req("hard-coded", "", url="http://api.example.invalid/v1/things"))
    result = pytester.runpytest(f"--pmreplay-connect-to=api.example.invalid:80:127.0.0.1:{port}")
    result.assert_outcomes(passed=1)
    assert recorder.paths == ["/v1/things"]


def test_set_next_request_jump_skips_the_requests_not_reached(pytester, recorder):
    write(pytester, "test_jump.postman_collection.json",
          req("start", "/start", tests=("postman.setNextRequest('end');",)), req("middle", "/middle"),
          req("end", "/end"))
    result = pytester.runpytest(base(recorder.url), "-rs")
    result.assert_outcomes(passed=2, skipped=1)
    result.stdout.fnmatch_lines(["*test_jump.postman_collection.json:1: not run in this iteration*setNextRequest*"])
    assert recorder.paths == ["/start", "/end"]


def test_a_request_looping_on_itself_is_one_item_judged_on_every_round(pytester, recorder):
    write(pytester, "test_loop.postman_collection.json", req("poll", "/poll", tests=(
        "const n = (pm.environment.get('n') || 0) + 1; pm.environment.set('n', n);",
        "pm.test('round ' + n, () => pm.expect(n).to.not.equal(2));",
        "if (n < 3) { postman.setNextRequest('poll'); }",
    )), req("after", "/after"))
    result = pytester.runpytest(base(recorder.url), "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*::poll FAILED*",
        f"GET {recorder.url}/poll -> 200 OK*",
        f"GET {recorder.url}/poll -> 200 OK*",
        f"GET {recorder.url}/poll -> 200 OK*",
        "  assertion failed: 'round 2': AssertionError: expected 2 to not equal 2",
    ])
    assert recorder.paths == ["/poll", "/poll", "/poll", "/after"]


def test_ini_settings_and_command_line_precedence(pytester, recorder):
    port = recorder.url.rsplit(":", 1)[1]
    write(pytester, "test_p.postman_collection.json", req("row", "", url="http://api.example.invalid/{{who}}/{{what}}"))
    (pytester.path / "rows.json").write_text(json.dumps([{"who": "ann"}, {"who": "bob"}]))
    pytester.makeini(f"""
        [pytest]
        pmreplay_connect_to = api.example.invalid:80:127.0.0.1:{port}
        pmreplay_iteration_data = rows.json
        pmreplay_env_var =
            what=ini
            who=ignored-because-data-wins
    """)
    result = pytester.runpytest("--pmreplay-env-var=what=cli", "-v", "-k", "iteration-2")
    result.assert_outcomes(passed=1, deselected=1)
    result.stdout.fnmatch_lines(["*::row ?iteration-2? PASSED*"])
    assert recorder.paths == ["/ann/cli", "/bob/cli"]


def test_duplicate_request_names_stay_distinct(pytester, echo_url):
    write(pytester, "test_dup.postman_collection.json", req("v1.2 same", "/get"), req("v1.2 same", "/status/500"))
    result = pytester.runpytest(base(echo_url), "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "test_dup.postman_collection.json::v1.2 same PASSED*",
        "test_dup.postman_collection.json::v1.2 same (2) FAILED*",
        "*_ v1.2 same (2) (test_dup.postman_collection.json) _*",
    ])


@pytest.mark.parametrize("args, message", [
    (["--pmreplay-connect-to=nonsense"], "ERROR: --pmreplay-connect-to: invalid --connect-to 'nonsense'*"),
    (["--pmreplay-env-var=novalue"], "ERROR: --pmreplay-env-var: expected KEY=VALUE, got 'novalue'"),
    (["--pmreplay-iteration-count=0"], "ERROR: --pmreplay-iteration-count: must be at least 1, got 0"),
])
def test_bad_options_stop_pytest_in_one_line(pytester, args, message):
    result = pytester.runpytest(*args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([message])
    assert "Traceback" not in result.stderr.str()


def test_bad_collection_file_is_a_one_line_collection_error(pytester):
    (pytester.path / "test_broken.postman_collection.json").write_text("{not json")
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*test_broken.postman_collection.json: the collection is not valid JSON*"])
    assert "Traceback" not in result.stdout.str()


def test_missing_environment_file_fails_each_item_in_one_line(pytester, echo_url):
    write(pytester, "test_ok.postman_collection.json", req("ping", "/get"), req("pong", "/get"))
    result = pytester.runpytest("--pmreplay-environment=missing-env.json")
    result.assert_outcomes(failed=2)
    out = result.stdout.str()
    assert "Traceback" not in out and "envfiles.py" not in out
    result.stdout.fnmatch_lines(["pmreplay: *missing-env.json*"])


def test_pmreplay_run_fixture(pytester, echo_url):
    write(pytester, "flow.postman_collection.json", req("status", "/status/{{code}}"))
    pytester.makepyfile(test_fixture="""
        def test_passes(pmreplay_run):
            summary = pmreplay_run("flow.postman_collection.json", env_vars={"code": "200"})
            assert summary.exit_code == 0
            assert summary.executions[0].response.code == 200

        def test_fails(pmreplay_run):
            summary = pmreplay_run("flow.postman_collection.json", env_vars={"code": "404"})
            assert summary.failures[0].error["message"].endswith("but got 404")
    """)
    result = pytester.runpytest(base(echo_url))
    result.assert_outcomes(passed=2)


def test_emulator_option_runs_the_tutorial_collection_and_stops_it_after(pytester):
    if not TUTORIAL.exists():
        pytest.skip(f"the tutorial collection is not in this checkout ({TUTORIAL})")
    collection = pytester.path / TUTORIAL.name
    collection.write_bytes(TUTORIAL.read_bytes())
    pytester.makepyfile(test_link="""
        from pathlib import Path

        def test_link(pmreplay_emulator):
            Path("emulator-url.txt").write_text(pmreplay_emulator.base_url)
    """)
    result = pytester.runpytest(str(collection), "test_link.py", "--pmreplay-emulator", "-v")
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) == 0 and outcomes.get("errors", 0) == 0, result.stdout.str()
    assert outcomes["passed"] >= 10
    result.stdout.fnmatch_lines([
        "aep-streaming-tutorial.postman_collection.json::0: Authenticate / Get an access token PASSED*",
        "test_link.py::test_link PASSED*",
    ])
    base_url = (pytester.path / "emulator-url.txt").read_text()
    with pytest.raises(requests.ConnectionError):
        requests.get(base_url, timeout=5)
