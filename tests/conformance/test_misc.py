"""Assorted behaviours under Newman and pmreplay: pm.info, cookies, redirects, auth, v2.0 collections,
request data seen by test scripts."""

from __future__ import annotations

import pytest

from tests.support.conformance import assert_same, collection, item

pytestmark = pytest.mark.conformance


def test_info_cookies_redirects_and_sent_request(conformance):
    url = conformance.url
    info = ("pm.environment.set('info.' + pm.info.requestName + pm.info.iteration, JSON.stringify({e: pm.info.eventName,"
            " i: pm.info.iteration, n: pm.info.iterationCount, id: typeof pm.info.requestId}));")
    doc = collection([
        item("set cookie", url + "/cookies/set?flavour=choc&size=big", prerequest=info, test=[
            info, "pm.environment.set('jar.' + pm.info.iteration, JSON.stringify(pm.cookies.toObject()));",
            "pm.test('has cookie', () => pm.expect(pm.cookies.has('flavour')).to.be.true);",
            "pm.test('cookie value', () => pm.expect(pm.cookies.get('size')).to.equal('big'));"]),
        item("sends cookie", url + "/cookies", test=[
            "const sent = pm.response.json().headers.filter(h => h[0] === 'Cookie');",
            "pm.environment.set('cookie_header.' + pm.info.iteration, JSON.stringify(sent));"]),
        item("redirect", url + "/redirect/2", test=[
            "pm.environment.set('redirect.final', pm.response.json().path);",
            "pm.test('status after redirects', () => pm.response.to.have.status(200));"]),
        item("post redirect", url + "/redirect-to?url=/landed&status_code=302", method="POST",
             body={"mode": "raw", "raw": "x"}, test="pm.environment.set('redirect.method', pm.response.json().method);"),
        item("as sent", url + "/sent/{{id}}?q={{id}}&off=1", method="PATCH",
             header=[{"key": "X-Var", "value": "{{id}}"}, {"key": "X-Off", "value": "no", "disabled": True}],
             body={"mode": "urlencoded", "urlencoded": [{"key": "k", "value": "{{id}}"},
                                                         {"key": "gone", "value": "x", "disabled": True}]},
             test=["pm.environment.set('sent.url', pm.request.url.toString());",
                   "pm.environment.set('sent.method', pm.request.method);",
                   "pm.environment.set('sent.hdr', pm.request.headers.get('X-Var'));",
                   "pm.environment.set('sent.off', String(pm.request.headers.has('X-Off')));",
                   "pm.environment.set('sent.body', JSON.stringify(pm.request.body.urlencoded.toObject()));",
                   "pm.environment.set('sent.echo', pm.response.json().body);"]),
    ])
    newman, ours = conformance.both(doc, data=[{"id": "a1"}, {"id": "b2"}])
    assert_same(newman, ours)
    assert_same(newman, ours, "wire_bodies")


def test_v20_collection_auth_and_variables(conformance):
    url = conformance.url
    doc = {
        "info": {"name": "v2.0", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},
        "auth": {"type": "basic", "basic": {"username": "{{user}}", "password": "pw"}},
        "variable": [{"key": "user", "value": "alice"}, {"key": "token", "value": "t0k"}],
        "item": [
            {"name": "inherits basic", "request": {"method": "GET", "url": url + "/basic-auth/alice/pw"},
             "event": [{"listen": "test", "script": {"exec": [
                 "pm.test('authorised', () => pm.response.to.have.status(200));"]}}]},
            {"name": "bearer", "request": {"method": "GET", "url": url + "/bearer",
                                           "auth": {"type": "bearer", "bearer": {"token": "{{token}}"}}},
             "event": [{"listen": "test", "script": {"exec": [
                 "pm.environment.set('bearer', pm.response.json().headers.filter(h => h[0] === 'Authorization')[0][1]);"]}}]},
            {"name": "noauth", "request": {"method": "GET", "url": url + "/none", "auth": {"type": "noauth"}},
             "event": [{"listen": "test", "script": {"exec": [
                 "pm.environment.set('noauth', pm.response.json().headers.some(h => h[0] === 'Authorization'));"]}}]},
            {"name": "apikey", "request": {"method": "GET", "url": url + "/key",
                                           "auth": {"type": "apikey", "apikey": {"key": "X-Key", "value": "{{token}}"}}},
             "event": [{"listen": "test", "script": {"exec": [
                 "pm.environment.set('apikey', pm.response.json().headers.filter(h => h[0] === 'X-Key').length);"]}}]},
        ],
    }
    newman, ours = conformance.both(doc)
    assert_same(newman, ours)
    assert_same(newman, ours, "wire_headers")


@pytest.fixture(scope="module")
def flow_edges(conformance):
    url = conformance.url
    doc = collection([
        item("dup", url + "/dup1", test=[
            "if (!pm.environment.get('x')) { pm.environment.set('x', 1); pm.execution.setNextRequest('dup'); }"]),
        item("mid", url + "/mid"),
        item("dup", url + "/dup2"),
        item("loop", url + "/loop", test="while (true) {}"),
        item("slow", url + "/delay/400"),
        item("data", url + "/data", test=[
            "pm.environment.set('row', pm.iterationData.toObject()); pm.environment.set('n', pm.iterationData.get('num'));",
            "pm.environment.set('nested', data.obj);"]),
        {"name": "folder target", "item": [item("in", url + "/in")]},
        item("to folder", url + "/tf", test="pm.execution.setNextRequest('folder target');"),
        item("end", url + "/end"),
    ])
    return conformance.both(doc, data=[{"num": 5, "obj": {"a": [1]}, "s": "x"}],
                            flags=["--timeout-script", "300", "--timeout-request", "200"])


def test_duplicate_names_timeouts_json_data_and_folder_targets(flow_edges):
    # setNextRequest goes to the last item of a duplicated name; a folder name ends the iteration
    newman, ours = flow_edges
    assert_same(newman, ours, "wire", "executions", "environment", "stats")
    assert [f[:3] for f in ours.failures] == [f[:3] for f in newman.failures]
    assert ("GET", "/end") not in newman.wire


@pytest.mark.xfail(reason="sandbox gap: script timeout error is 'TimeoutError: Script execution timed out (time limit "
                          "300 ms).' where Newman says 'Error: sandbox: synchronous script execution timeout'",
                   strict=False)
def test_script_timeout_error_wording(flow_edges):
    newman, ours = flow_edges
    assert_same(newman, ours, "failures")
