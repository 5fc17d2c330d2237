"""pm.sendRequest, timers and asynchronous tests under Newman and pmreplay.

Newman crashes on, loses or duplicates some asynchronous outcomes; those cases are in
test_deliberate.py. The cases here are the ones where both tools must agree. Timer delays
are far apart so the completion order does not depend on scheduling.
"""

from __future__ import annotations

import pytest

from tests.support.conformance import assert_same, collection, item

pytestmark = pytest.mark.conformance


def test_send_request_with_callbacks(conformance):
    url = conformance.url
    pre = [
        f"pm.sendRequest('{url}/side/get?from=pre', (err, res) => {{",
        "  pm.environment.set('cb_code', res.code); pm.environment.set('cb_path', res.json().path);",
        "  pm.environment.set('cb_err', err === null);",
        "});",
    ]
    test = [
        "pm.sendRequest({url: pm.variables.replaceIn('{{base}}/side/post'), method: 'POST',",
        "  header: {'X-Side': 'yes'}, body: {mode: 'raw', raw: JSON.stringify({a: 1})}}, (err, res) => {",
        "  pm.environment.set('post_body', res.json().body);",
        "  pm.environment.set('post_hdr', res.json().headers.filter(h => h[0] === 'X-Side').length);",
        "  pm.environment.set('status_text', res.status);",
        "  pm.sendRequest(pm.variables.replaceIn('{{base}}/side/nested'), (e2, r2) => pm.environment.set('nested', r2.code));",
        "});",
    ]
    doc = collection([
        item("callback", url + "/main/1", prerequest=pre, test=test),
        item("after", url + "/main/4"),
    ])
    newman, ours = conformance.both(doc, environment={"values": [{"key": "base", "value": url}]})
    # executions are left out: Newman's summary lists an item once more per sendRequest (test_deliberate.py)
    assert_same(newman, ours, "wire", "environment", "globals", "failures")
    assert ("GET", "/side/nested") in newman.wire


def test_timers_and_callback_tests(conformance):
    url = conformance.url
    test = [
        "setTimeout(() => pm.environment.set('timeout_ran', true), 5);",
        "let n = 0; const h = setInterval(() => { n++; if (n === 3) { clearInterval(h); pm.environment.set('interval', n); } }, 1);",
        "const cancelled = setTimeout(() => pm.environment.set('cancelled_ran', true), 1); clearTimeout(cancelled);",
        "pm.test('sync first', () => {});",
        "pm.test('done after a timer', done => { setTimeout(() => { pm.expect(1).to.equal(1); done(); }, 60); });",
        "pm.test('done with an error', done => { setTimeout(() => done(new Error('late')), 1); });",
        "setTimeout(() => pm.test('test inside a timer', () => pm.expect('a').to.equal('b')), 120);",
        "Promise.resolve(7).then(v => pm.environment.set('promise_then', v));",
        "(async () => { await null; pm.environment.set('async_iife', 'yes'); })();",
    ]
    doc = collection([item("timers", url + "/timers", test=test), item("next", url + "/next")])
    newman, ours = conformance.both(doc)
    assert_same(newman, ours, "wire", "environment", "stats")
    # the failures' names and messages agree; their "assertion:N" numbering is a known sandbox gap
    assert [f[1:] for f in ours.failures] == [f[1:] for f in newman.failures]
    assert sorted(ours.assertions) == sorted(newman.assertions)


@pytest.mark.xfail(reason="sandbox gap: test records carry no creation index and sendRequest errors no code",
                   strict=False)
def test_known_gap_async_assertion_index_and_error_code(conformance):
    # Newman numbers assertions in the order pm.test was called ("assertion:1" for the second test
    # even when it completes first) and hands sendRequest callbacks a Node error with .code.
    url = conformance.url
    doc = collection([item("gap", url + "/gap", test=[
        "pm.test('slow', done => setTimeout(done, 60));",
        "pm.test('fast fails', done => setTimeout(() => done(new Error('late')), 1));",
        "pm.sendRequest('http://127.0.0.1:9/refused', (err) => pm.environment.set('code', err && err.code));"])])
    newman, ours = conformance.both(doc)
    assert_same(newman, ours, "failures", "environment")
