"""Captures and checks through the real CLI against the local echo server."""

from __future__ import annotations

import json
import textwrap

import pytest

from tests.checks.support import assertion_counts, failures, pmreplay, request, write_collection


@pytest.fixture()
def thing_collection(tmp_path, echo_url):
    """A folder with a POST echoing an id back and a GET that uses a captured variable."""
    return write_collection(tmp_path, [{"name": "Things", "item": [
        request("Create: thing", f"{echo_url}/things", "POST", {"id": 42, "name": "widget", "tags": ["a", "b"]}),
        request("Use", f"{echo_url}/use/{{{{THING}}}}?name={{{{NAME}}}}"),
    ]}])


def test_flag_capture_feeds_the_next_request_and_is_exported(tmp_path, thing_collection):
    exported = tmp_path / "env.json"
    result = pmreplay(str(thing_collection), "--capture", "Create: thing:THING=$.json.id",
                      "--capture", "Things / Create: thing:NAME=$.json.name",
                      "--assert", "Use:$.path == /use/42", "--assert", "Use:$.query[0][1] == widget",
                      "--export-environment", str(exported))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "✓  [capture] THING = $.json.id" in result.stdout
    assert "✓  [check] $.path == /use/42" in result.stdout
    values = {v["key"]: v["value"] for v in json.loads(exported.read_text())["values"]}
    assert values == {"THING": 42, "NAME": "widget"}


def test_failed_checks_read_like_chai(thing_collection):
    result = pmreplay(str(thing_collection),
                      "--assert", "Create: thing:status == 201",
                      "--assert", "Create: thing:$.json.name == \"gadget\"",
                      "--assert", "Create: thing:$.json.tags == [\"a\"]",
                      "--assert", "Create: thing:$.json.id < 10",
                      "--assert", "Create: thing:$.json.tags contains c",
                      "--assert", "Create: thing:$.json.name matches /^gad/i",
                      "--assert", "Create: thing:$.json.id type is string",
                      "--assert", "Create: thing:$.json.missing exists",
                      "--assert", "Create: thing:$.json.id not exists",
                      "--assert", "Create: thing:header:Content-Type != application/json")
    assert result.returncode == 1
    report = failures(result.stdout)
    for message in ("expected 200 to equal 201", "expected 'widget' to equal 'gadget'",
                    "expected [ 'a', 'b' ] to deeply equal [ 'a' ]", "expected 42 to be below 10",
                    "expected [ 'a', 'b' ] to include 'c'", "expected 'widget' to match /^gad/",
                    "expected 42 to be a string", "expected undefined to exist", "expected 42 to not exist",
                    "expected 'application/json' to not equal 'application/json'"):
        assert message in report, message
    assert "[check] status == 201" in report
    assert assertion_counts(result.stdout) == (10, 10)


def test_passing_operators_on_every_source(tmp_path, echo_url):
    path = write_collection(tmp_path, [
        request("cookie", f"{echo_url}/cookies/set?flavour=oat"),
        request("text", f"{echo_url}/text?body=hello%20world&type=text/plain"),
        request("json", f"{echo_url}/things", "POST", {"n": 3, "ok": True, "nothing": None, "obj": {"a": 1}}),
    ])
    checks = ["cookie:cookie:flavour == oat", "cookie:status >= 200", "cookie:header:Content-Length > 10",
              "text:body contains world", "text:body matches ^hello", "text:header:content-type == text/plain",
              "json:$.json.n <= 3", "json:$.json.ok == true", "json:$.json.nothing type is null",
              "json:$.json.obj type is object", "json:$.json.n type is integer", "json:$.json.obj contains {\"a\": 1}",
              "json:$.json.obj == {\"a\": 1}", "json:$.json.absent not exists", "json:$.json.n != \"3\""]
    args = [part for check in checks for part in ("--assert", check)]
    result = pmreplay(str(path), *args)
    assert result.returncode == 0, failures(result.stdout) + result.stderr
    assert assertion_counts(result.stdout) == (len(checks), 0)


def test_checks_file_beside_the_collection_is_picked_up(tmp_path, thing_collection):
    (tmp_path / "c.pmreplay.yaml").write_text(textwrap.dedent("""\
        requests:
          "Create: thing":
            capture:
              THING: $.json.id
              NAME: {from: $.json.nickname, default: anonymous}
              KIND: {from: "header:Content-Type", secret: true}
            assert:
              - status == 200
              - {that: $.json.tags, op: contains, value: b}
          Use:
            assert:
              - $.query[0][1] == anonymous
              - $.path == /use/42
        """))
    exported = tmp_path / "env.json"
    result = pmreplay(str(thing_collection), "--export-environment", str(exported))
    assert result.returncode == 0, failures(result.stdout) + result.stderr
    assert "✓  [check] $.json.tags contains b" in result.stdout
    values = {v["key"]: v for v in json.loads(exported.read_text())["values"]}
    assert values["NAME"]["value"] == "anonymous"
    assert values["KIND"] == {"key": "KIND", "value": "application/json", "type": "secret"}

    ignored = pmreplay(str(thing_collection), "--no-checks")
    assert ignored.returncode == 0
    assert "[check]" not in ignored.stdout


def test_named_checks_file_and_failed_capture(tmp_path, thing_collection):
    rules = tmp_path / "elsewhere.yaml"
    rules.write_text("requests:\n  \"Create: thing\":\n    capture:\n      THING: $.json.nope\n")
    result = pmreplay(str(thing_collection), "--checks", str(rules))
    assert result.returncode == 1
    report = failures(result.stdout)
    assert "[capture] THING = $.json.nope" in report
    assert "expected $.json.nope to exist; THING was not set" in report
    assert "/use/%7B%7BTHING%7D%7D" in result.stdout or "/use/{{THING}}" in result.stdout


def test_jsonpath_on_a_text_body_says_so(tmp_path, echo_url):
    path = write_collection(tmp_path, [request("text", f"{echo_url}/text?body=plain")])
    result = pmreplay(str(path), "--assert", "text:$.id exists")
    assert result.returncode == 1
    assert "expected undefined to exist (the response body is not JSON)" in failures(result.stdout)


def test_selector_by_id_and_wildcard(tmp_path, echo_url):
    items = [request("one", f"{echo_url}/one", id="req-one"), request("two", f"{echo_url}/two")]
    path = write_collection(tmp_path, items)
    result = pmreplay(str(path), "--assert", "req-one:$.path == /one", "--assert", "*:status == 200")
    assert result.returncode == 0, failures(result.stdout)
    assert result.stdout.count("✓  [check] status == 200") == 2
    assert result.stdout.count("[check] $.path == /one") == 1


@pytest.mark.parametrize("yaml_text, message", [
    ("requests: [oops", "c.pmreplay.yaml: not valid YAML at line 1"),
    ("requests:\n  Use:\n    assert:\n      - 5\n", "c.pmreplay.yaml: requests/Use/assert/0: 5 should be text"),
    ("requests:\n  Use:\n    asert: []\n", "c.pmreplay.yaml: requests/Use: Additional properties are not allowed"),
    ("requests:\n  Use:\n    assert: [status equals 200]\n", "requests/Use/assert/0: 'status equals 200' has no operator"),
    ("requests:\n  Use:\n    assert: ['$.x[ == 1']\n", "requests/Use/assert/0: '$.x[ == 1' has no operator"),
    ("requests:\n  Use:\n    capture: {X: '$.[['}\n", "requests/Use/capture/X: bad JSONPath '$.[['"),
    ("requests:\n  Use:\n    assert: ['$.x type is thing']\n", "'type is' needs one of string, number"),
    ("requests:\n  Use:\n    assert: ['body matches (']\n", "bad regular expression '('"),
    ("requests:\n  Usr:\n    assert: [status == 200]\n", "no request matches 'Usr' (did you mean: 'Use'"),
    ("ignore: ['id']\n", "c.pmreplay.yaml: ignore/0: 'id' is not a JSONPath expression"),
])
def test_bad_checks_file_is_one_line(tmp_path, thing_collection, yaml_text, message):
    (tmp_path / "c.pmreplay.yaml").write_text(yaml_text)
    result = pmreplay(str(thing_collection))
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("flag, value, message", [
    ("--assert", "Nobody:status == 200", "no request matches 'Nobody'"),
    ("--assert", "Use:status is 200", "has no operator"),
    ("--assert", "Use:headers:x == 1", "unknown source 'headers:x'"),
    ("--capture", "Use:$.id", "expected 'Request:VAR=SOURCE'"),
    ("--capture", "Use", "expected 'Request:VAR=SOURCE'"),
    ("--checks", "missing.yaml", "missing.yaml: checks file not found"),
])
def test_bad_flags_are_one_line(thing_collection, flag, value, message):
    result = pmreplay(str(thing_collection), flag, value)
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_unknown_selector_from_stdin_collection_is_a_failed_assertion(thing_collection):
    import subprocess
    import sys

    from tests.checks.support import ROOT

    result = subprocess.run([sys.executable, "-m", "runner.cli", "run", "-", "--no-color",
                             "--assert", "Nobody:status == 200"], input=thing_collection.read_text(),
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1
    assert "no request matches 'Nobody'" in failures(result.stdout)


# each check next to the chai expression a script would use for it: the failure texts must agree
CHAI_PAIRS = [
    ("status == 201", "pm.expect(pm.response.code).to.equal(201)"),
    ('$.json.name == "gadget"', "pm.expect(j.name).to.equal('gadget')"),
    ('$.json.tags == ["a"]', "pm.expect(j.tags).to.eql(['a'])"),
    ('$.json.obj == {"a": 2, "b": [1, "x"]}', "pm.expect(j.obj).to.eql({a: 2, b: [1, 'x']})"),
    ("$.json.name != widget", "pm.expect(j.name).to.not.equal('widget')"),
    ("$.json.n < 10", "pm.expect(j.n).to.be.below(10)"),
    ("$.json.n <= 10", "pm.expect(j.n).to.be.at.most(10)"),
    ("$.json.n > 100", "pm.expect(j.n).to.be.above(100)"),
    ("$.json.n >= 100.5", "pm.expect(j.n).to.be.at.least(100.5)"),
    ("$.json.tags contains c", "pm.expect(j.tags).to.include('c')"),
    ("$.json.name contains zz", "pm.expect(j.name).to.include('zz')"),
    ("$.json.name matches ^gad", "pm.expect(j.name).to.match(/^gad/)"),
    ("$.json.n type is string", "pm.expect(j.n).to.be.a('string')"),
    ("$.json.tags type is object", "pm.expect(j.tags).to.be.an('object')"),
    ("$.json.name type is array", "pm.expect(j.name).to.be.an('array')"),
    ("$.json.missing exists", "pm.expect(j.missing).to.exist"),
    ("$.json.n not exists", "pm.expect(j.n).to.not.exist"),
]


def test_failure_texts_match_the_sandboxes_chai(tmp_path, echo_url):
    scripts = ["const j = pm.response.json().json;"] + [
        f"pm.test('chai {i}', () => {{ {expression}; }});" for i, (_, expression) in enumerate(CHAI_PAIRS)]
    path = write_collection(tmp_path, [request("json", f"{echo_url}/things", "POST",
                                               {"n": 42, "name": "widget", "tags": ["a", "b"], "obj": {"a": 1}},
                                               tests=scripts)])
    report = tmp_path / "report.json"
    args = [part for check, _ in CHAI_PAIRS for part in ("--assert", f"json:{check}")]
    result = pmreplay(str(path), *args, "-r", "json", "--reporter-json-export", str(report))
    assert result.returncode == 1, result.stderr
    messages = {f["error"]["test"]: f["error"]["message"] for f in json.loads(report.read_text())["run"]["failures"]}
    assert len(messages) == 2 * len(CHAI_PAIRS)
    for i, (check, _) in enumerate(CHAI_PAIRS):
        assert messages[f"[check] {check}"] == messages[f"chai {i}"], check
