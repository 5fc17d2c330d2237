"""The run-loop and summary behaviours the conformance tier found, checked without Newman.

Each was first seen as a difference from Newman (the cases in this folder marked conformance);
these tests keep them fixed on machines without node. Real requests to the echo server.
"""

from __future__ import annotations

from runner.api import run
from tests.support.conformance import collection, item, script


def _run(doc: dict, **kwargs):
    return run(doc, silent=True, **kwargs)


def test_skipped_items_are_not_executions_and_skip_ends_the_script(echo_url):
    doc = collection([
        item("skip", echo_url + "/skip", prerequest=[
            "pm.environment.set('before', 1); pm.execution.skipRequest(); pm.environment.set('after', 1);"]),
        item("sent", echo_url + "/sent"),
    ])
    summary = _run(doc)
    executions = summary.to_json()["run"]["executions"]
    assert [e["item"]["name"] for e in executions] == ["sent"]
    values = {v["key"] for v in summary.environment.to_export()["values"]}
    assert "before" in values and "after" not in values


def test_skip_request_in_a_test_script_is_a_type_error(echo_url):
    summary = _run(collection([item("t", echo_url + "/t", test="pm.execution.skipRequest();")]))
    failures = summary.to_json()["run"]["failures"]
    assert [(f["at"], f["error"]["name"], f["error"]["message"]) for f in failures] == [
        ("test-script", "TypeError", "pm.execution.skipRequest is not a function")]


def test_iterations_with_failures_are_not_failed_iterations(echo_url):
    doc = collection([item("fails", echo_url + "/x", test="pm.test('no', () => pm.expect(1).to.equal(2));")])
    summary = _run(doc, iteration_count=2)
    assert summary.stats["iterations"] == {"total": 2, "pending": 0, "failed": 0}
    assert summary.stats["assertions"]["failed"] == 2


def test_bail_counts_the_interrupted_iteration(echo_url):
    doc = collection([item("fails", echo_url + "/status/500", test="pm.test('200', () => pm.response.to.have.status(200));"),
                      item("never", echo_url + "/never")])
    summary = _run(doc, bail="failure", iteration_count=3)
    assert summary.stats["iterations"]["total"] == 1
    assert [e.item.name for e in summary.executions] == ["fails"]


def test_bail_folder_stops_on_errors_not_on_failures(echo_url):
    doc = collection([
        item("assertion fails", echo_url + "/status/500", test="pm.test('200', () => pm.response.to.have.status(200));"),
        item("script errors", echo_url + "/not-sent", prerequest="undefinedFunction();"),
        item("never", echo_url + "/never"),
    ])
    summary = _run(doc, bail="folder")
    sent = [e.item.name for e in summary.executions if e.exchange is not None]
    assert sent == ["assertion fails"]  # the erroring item's request is not sent
    assert [f.at for f in summary.failures] == ["assertion:0 in test-script", "prerequest-script"]
    both = _run(doc, bail="failure,folder")
    assert [e.item.name for e in both.executions] == ["assertion fails"]


def test_empty_scripts_count_like_newman(echo_url):
    blank = {"name": "blank", "request": {"method": "GET", "url": echo_url + "/b"},
             "event": [script("test", ""), script("prerequest"), {"listen": "test", "script": {"exec": ["  "]}}]}
    summary = _run(collection([blank, item("none", echo_url + "/n")]))
    assert summary.stats["testScripts"]["total"] == 2
    assert summary.stats["prerequestScripts"]["total"] == 1
    assert summary.stats["scripts"]["total"] == 3


def test_response_time_is_whole_milliseconds(echo_url):
    doc = collection([item("t", echo_url + "/delay/3", test=[
        "pm.environment.set('int', Number.isInteger(pm.response.responseTime));"])])
    summary = _run(doc)
    assert summary.environment.get("int") is True
    execution = summary.to_json()["run"]["executions"][0]
    assert isinstance(execution["response"]["responseTime"], int)


def test_vendored_libraries_load(echo_url):
    doc = collection([item("libs", echo_url + "/l", test=[
        "pm.environment.set('v', [typeof _.chunk, require('lodash').chunk([1, 2, 3], 2).length,",
        "  require('moment').utc(0).format('YYYY')].join());"])])
    summary = _run(doc)
    assert summary.environment.get("v") == "function,2,1970"


def test_report_url_keeps_empty_query_slots():
    from runner.urls import parse_url

    assert parse_url("http://h/p?a=&b&=c&&d=1")["query"] == [
        {"key": "a", "value": ""}, {"key": "b", "value": None}, {"key": "", "value": "c"},
        {"key": None, "value": None}, {"key": "d", "value": "1"}]
    assert parse_url("http://h/p/?")["query"] == [{"key": "", "value": None}]
