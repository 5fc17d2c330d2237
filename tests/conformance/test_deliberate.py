"""Where pmreplay deliberately differs from Newman: each test shows Newman's behaviour and ours.

Every case here is a Newman bug or a Newman limitation users complain about; the comment on
each test names it. When Newman fixes one, its test fails and the difference can be dropped.
"""

from __future__ import annotations

import json

import pytest

from tests.conformance.test_flow import _bail_collection
from tests.support.conformance import collection, item, scope_file

pytestmark = pytest.mark.conformance


def test_bail_failure_counts_the_assertion_once(conformance):
    # Newman bug: under --bail, postman-runtime stops the script by raising an "AssertionFailure"
    # whose `at` points into its own source (event.command.js), so one failed assertion is reported
    # twice and the test script counts as failed. pmreplay reports the assertion once.
    newman, ours = conformance.both(_bail_collection(conformance.url), flags=["--bail"])
    assert newman.wire == ours.wire == [("GET", "/status/500")]
    assertion = ("assertion:0 in test-script", "fails", 0, "AssertionError",
                 "expected response to have status code 200 but got 500")
    assert newman.failures[0] == assertion and len(newman.failures) == 2
    assert newman.failures[1][1:4] == ("fails", 0, "AssertionFailure")
    assert newman.failures[1][0] == "test-script"  # the harness drops Newman's ":39:17"
    assert newman.stats["testScripts"]["failed"] == 1
    assert ours.failures == [assertion]
    assert ours.stats["testScripts"]["failed"] == 0
    assert newman.exit_code == ours.exit_code == 1


def test_bail_folder_keeps_the_report(conformance):
    # Newman bug: --bail folder aborts the run on the pre-request script error and writes no JSON
    # report at all (the run summary is lost; only "error: ..." is printed). pmreplay stops at the
    # same point (the failing item's request is not sent) and still writes the report.
    newman, ours = conformance.both(_bail_collection(conformance.url), flags=["--bail", "folder", "-n", "2"])
    assert newman.wire == ours.wire == [("GET", "/status/500")]
    assert newman.summary == {} and "undefinedFunction is not defined" in newman.output
    assert [f[:4] for f in ours.failures] == [
        ("assertion:0 in test-script", "fails", 0, "AssertionError"),
        ("prerequest-script", "errors", 0, "ReferenceError")]
    assert newman.exit_code == ours.exit_code == 1


def test_iteration_count_zero_is_an_error(conformance):
    # Newman bug: `-n 0` is accepted, runs nothing and exits 0; pmreplay refuses it with a one-line error.
    doc = collection([item("one", conformance.url + "/one")])
    newman, ours = conformance.both(doc, flags=["-n", "0"])
    assert newman.exit_code == 0 and newman.wire == []
    assert ours.exit_code != 0 and ours.wire == []
    assert "Traceback" not in ours.output and ours.output.strip()


def test_export_collection_keeps_script_changes(conformance):
    # Newman bug (postmanlabs/newman#2680): --export-collection writes the collection variables as
    # loaded, dropping what scripts set or unset. pmreplay exports the values the run ended with.
    doc = collection([item("set", conformance.url + "/cv", test=[
        "pm.collectionVariables.set('added', 'a'); pm.collectionVariables.unset('removed');",
        "pm.collectionVariables.set('kept', 'changed');"])],
        variables=[{"key": "kept", "value": "k"}, {"key": "removed", "value": "r"}])
    newman, ours = conformance.both(doc)
    assert newman.collection_variables == {"kept": ("any", "k"), "removed": ("any", "r")}
    assert ours.collection_variables == {"kept": ("any", "changed"), "added": ("any", "a")}


def test_export_keeps_default_and_secret_types(conformance):
    # Deliberate (runner/variables.py): Newman rewrites the types postman-collection does not know
    # (Postman's "default", "secret") to "any" on export, losing the secret marking; pmreplay keeps them.
    doc = collection([item("touch", conformance.url + "/t", test="pm.environment.set('new', 'n');")])
    env = scope_file([{"key": "d", "value": "1", "type": "default"}, {"key": "s", "value": "pw", "type": "secret"}])
    newman, ours = conformance.both(doc, environment=env)
    assert newman.environment == ours.environment  # the harness reads both through Newman's lens
    raw = {tool.tool: {v["key"]: v["type"] for v in json.loads(
        (conformance.workdir / path / "env.out.json").read_text())["values"]}
        for tool, path in ((newman, _last_dir(conformance, "newman")), (ours, _last_dir(conformance, "pmreplay")))}
    assert raw["newman"] == {"d": "any", "s": "any", "new": "any"}
    assert raw["pmreplay"] == {"d": "default", "s": "secret", "new": "any"}


def _last_dir(conformance, tool: str) -> str:
    return sorted(p.name for p in conformance.workdir.iterdir() if p.name.endswith("-" + tool))[-1]


def test_failing_async_test_crashes_newman(conformance):
    # Newman bug: a pm.test whose async function fails (a rejected promise) crashes the Newman
    # process with an unhandled rejection: no report, and the remaining requests are never sent.
    # pmreplay waits for the promise and records the failure.
    url = conformance.url
    doc = collection([
        item("async", url + "/async", test=[
            "pm.test('async fails', async () => { await new Promise(r => setTimeout(r, 5)); pm.expect(1).to.equal(5); });"]),
        item("after", url + "/after"),
    ])
    newman, ours = conformance.both(doc)
    assert newman.summary == {} and newman.wire == [("GET", "/async")]
    assert "expected 1 to equal 5" in newman.output
    assert ours.wire == [("GET", "/async"), ("GET", "/after")]
    assert ours.assertions == [("async", 0, "async fails", "failed", "expected 1 to equal 5")]
    assert newman.exit_code == ours.exit_code == 1


def test_async_test_outcome_is_awaited(conformance):
    # Newman bug: an async pm.test function is treated as synchronous; it passes at once whatever
    # it awaits. pmreplay records it when its promise settles.
    url = conformance.url
    doc = collection([item("async", url + "/async", test=[
        "pm.test('awaits', async () => { await new Promise(r => setTimeout(r, 5));",
        "  pm.environment.set('async_done', 1); });"])])
    newman, ours = conformance.both(doc)
    assert newman.environment == ours.environment == {"async_done": ("any", 1)}
    assert newman.assertions == ours.assertions == [("async", 0, "awaits", "passed", None)]


def test_send_request_promise_is_awaited(conformance):
    # Newman limitation: pm.sendRequest without a callback returns a promise that Newman does not
    # wait for, so what its .then() does is lost. pmreplay waits for it.
    url = conformance.url
    doc = collection([item("promise", url + "/main", prerequest=[
        f"pm.sendRequest('{url}/side/promise').then(res => pm.environment.set('promise_code', res.code));"])])
    newman, ours = conformance.both(doc)
    assert newman.wire == ours.wire == [("GET", "/side/promise"), ("GET", "/main")]
    assert "promise_code" not in newman.environment
    assert ours.environment == {"promise_code": ("any", 200)}


def test_send_request_does_not_duplicate_executions(conformance):
    # Newman bug: every pm.sendRequest fires a "request" event on the item's cursor, so Newman's
    # JSON report lists the item once more per sendRequest, with its assertions repeated.
    # pmreplay lists each executed item once.
    url = conformance.url
    doc = collection([item("sends", url + "/main", test=[
        f"pm.sendRequest('{url}/side/1', () => {{}});", "pm.test('one', () => {});"])])
    newman, ours = conformance.both(doc)
    assert newman.wire == ours.wire
    assert [e["item"] for e in newman.executions] == ["sends", "sends"]
    assert [e["item"] for e in ours.executions] == ["sends"]
    assert ours.assertions == [("sends", 0, "one", "passed", None)]


def test_handled_send_request_error_is_not_a_run_failure(conformance):
    # Newman bug: a pm.sendRequest that cannot connect is also reported as a run failure "at request"
    # with no source item, and fails the run (exit 1), even though the script got the error in its
    # callback and handled it. pmreplay leaves it to the script.
    url = conformance.url
    doc = collection([item("refused", url + "/main", test=[
        "pm.sendRequest('http://127.0.0.1:9/refused', (err, res) => {",
        "  pm.environment.set('got_err', Boolean(err)); pm.environment.set('res', typeof res); });"])])
    newman, ours = conformance.both(doc)
    assert newman.environment == ours.environment == {"got_err": ("any", True), "res": ("any", "object")}
    assert newman.failures == [("request", None, 0, "Error", "connect ECONNREFUSED 127.0.0.1:PORT")]
    assert newman.exit_code == 1
    assert ours.failures == [] and ours.exit_code == 0


def test_folder_number_shorthand(conformance):
    # pmreplay extension (runner/collection.py): "--folder 3a" selects the one folder named "3a: ...",
    # as tutorial collections number their folders; Newman knows only full names and ids and fails.
    url = conformance.url
    doc = collection([{"name": "1: First", "item": [item("one", url + "/one")]},
                      {"name": "2: Second", "item": [item("two", url + "/two")]}])
    newman, ours = conformance.both(doc, flags=["--folder", "2"])
    assert newman.exit_code == 1 and newman.wire == []
    assert 'Unable to find a folder or request: "2"' in newman.output
    assert ours.exit_code == 0 and ours.wire == [("GET", "/two")]
    full_newman, full_ours = conformance.both(doc, flags=["--folder", "2: Second"])
    assert full_newman.wire == full_ours.wire == [("GET", "/two")]
