"""The sandbox engine: isolation, errors, limits, console, async work and pm.sendRequest.

Everything runs through ``Sandbox.execute`` on a real V8 isolate; sendRequest crosses the
wire to the echo server through a small ``requests``-based sender.
"""

from __future__ import annotations

import json

import pytest
import requests

from runner.sandbox import Sandbox, SandboxError


def _send(request: dict) -> dict:
    """A minimal pm.sendRequest backend: what the runner's Sender does, in a few lines."""
    headers = {h["key"]: h["value"] for h in request.get("header") or [] if not h.get("disabled")}
    body = request.get("body") or {}
    data = body.get("raw") if body.get("mode") == "raw" else None
    r = requests.request(request.get("method") or "GET", request["url"], headers=headers, data=data, timeout=10)
    return {
        "code": r.status_code,
        "status": r.reason,
        "header": [{"key": k, "value": v} for k, v in r.headers.items()],
        "body": r.text,
        "responseTime": r.elapsed.total_seconds() * 1000,
        "responseSize": len(r.content),
    }


@pytest.fixture(scope="module")
def sb():
    with Sandbox(timeout_ms=1500, memory_mb=128, send_request=_send) as sandbox:
        yield sandbox


def run(sandbox: Sandbox, script: str, listen: str = "test", **context) -> dict:
    return sandbox.execute(listen, script, context)


# ------------------------------------------------------------------ result shape, errors
def test_result_has_every_contract_field(sb):
    r = run(sb, "1 + 1")
    assert set(r) >= {"scopes", "request", "tests", "console", "nextRequest", "skipRequest",
                      "error", "visualizer", "deprecations", "sendRequests"}
    assert r["error"] is None
    assert set(r["scopes"]) == {"globals", "environment", "collectionVariables", "_variables"}
    json.dumps(r)


def test_script_given_as_exec_lines(sb):
    r = sb.execute("test", ["var a = 2;", "pm.environment.set('a', a * 21);"], {})
    assert r["scopes"]["environment"] == [{"key": "a", "value": 42, "type": "any"}] or \
        r["scopes"]["environment"][0]["value"] == 42


def test_thrown_error_reports_name_message_and_user_line(sb):
    r = run(sb, "var a = 1;\n\nconsole.log('before');\nnull.foo;\nconsole.log('after');")
    err = r["error"]
    assert err["name"] == "TypeError"
    assert "Cannot read properties of null" in err["message"]
    assert err["line"] == 4
    assert "sandbox-script.js:4" in err["stack"]
    assert r["console"] == [{"level": "log", "messages": ["before"]}]


def test_work_before_a_throw_is_kept(sb):
    r = run(sb, "pm.environment.set('kept', 'yes');\npm.test('t1', function () {});\nthrow new RangeError('stop here');",
            scopes={"environment": []})
    assert r["error"]["name"] == "RangeError" and r["error"]["message"] == "stop here"
    assert r["error"]["line"] == 3
    assert r["tests"][0]["name"] == "t1" and r["tests"][0]["passed"]
    assert r["scopes"]["environment"][0]["key"] == "kept"


def test_throwing_a_non_error_value(sb):
    r = run(sb, "throw 'plain string';")
    assert r["error"]["message"] == "plain string"


def test_syntax_error_has_line(sb):
    r = run(sb, "var ok = 1;\nvar broken = ;\n")
    assert r["error"]["name"] == "SyntaxError"
    assert r["error"]["line"] == 2


def test_sandbox_still_works_after_errors(sb):
    run(sb, "throw new Error('x')")
    run(sb, "var = ;")
    assert run(sb, "console.log('fine')")["console"][0]["messages"] == ["fine"]


# ------------------------------------------------------------------ isolation
def test_top_level_declarations_do_not_leak_between_scripts(sb):
    run(sb, "var leakedVar = 1; function leakedFn() {} implicitGlobal = 3; this.viaThis = 4; globalThis.viaGlobal = 5;")
    r = run(sb, "console.log(typeof leakedVar, typeof leakedFn, typeof implicitGlobal, typeof viaThis, typeof viaGlobal)")
    assert r["console"][0]["messages"] == ["undefined"] * 5


def test_user_cannot_break_pm_for_the_next_script(sb):
    run(sb, "pm = null; postman = null; console = null;")
    r = run(sb, "pm.environment.set('a', 1)", scopes={"environment": []})
    assert r["error"] is None
    assert r["scopes"]["environment"][0]["value"] == 1


def test_host_is_unreachable(sb):
    r = run(sb, "console.log(typeof process, typeof fetch, typeof XMLHttpRequest, typeof __pmr_define)")
    assert r["console"][0]["messages"][:3] == ["undefined", "undefined", "undefined"]
    for mod in ("fs", "child_process", "http", "crypto"):
        err = run(sb, f"require('{mod}')")["error"]
        assert err["message"] == f"Cannot find module '{mod}'"


def test_require_chai_is_the_assertion_library(sb):
    r = run(sb, "var chai = require('chai'); chai.expect(1).to.equal(1); console.log(typeof chai.expect)")
    assert r["error"] is None
    assert r["console"][0]["messages"] == ["function"]


# ------------------------------------------------------------------ limits
def test_runaway_loop_times_out_and_next_script_runs(sb):
    r = run(sb, "console.log('start'); while (true) {}")
    assert r["error"]["name"] == "TimeoutError"
    assert "1500 ms" in r["error"]["message"]
    assert r["console"] == [{"level": "log", "messages": ["start"]}]
    assert run(sb, "console.log('next')")["console"][0]["messages"] == ["next"]


def test_memory_bomb_fails_with_range_error_and_sandbox_recovers():
    # its own sandbox: a generous time limit so a loaded machine still hits the memory cap first
    sb = Sandbox(timeout_ms=60000, memory_mb=96)
    r = run(sb, "pm.environment.set('before', 1);\nvar a = []; while (true) a.push(new Array(1e6).fill(1));",
            scopes={"environment": []})
    assert r["error"]["name"] == "RangeError"
    assert "96 MB" in r["error"]["message"]
    r = run(sb, "hog = []; while (true) hog.push('x'.repeat(1e5) + Math.random());")
    assert r["error"]["name"] == "RangeError"
    r = run(sb, "console.log(typeof hog); pm.environment.set('after', 2)", scopes={"environment": []})
    assert r["error"] is None
    assert r["console"][0]["messages"] == ["undefined"]
    assert r["scopes"]["environment"][0]["key"] == "after"
    sb.close()


def test_no_time_limit_means_none():
    with Sandbox(timeout_ms=0, memory_mb=0) as sandbox:
        r = sandbox.execute("test", "var t = 0; for (var i = 0; i < 1e6; i++) t += i; console.log(t)", {})
        assert r["console"][0]["messages"] == [499999500000]
        r = sandbox.execute("test", "await new Promise(function () {});", {})
        assert "never finished" in r["error"]["message"]


def test_bad_arguments_are_clear_errors():
    with pytest.raises(ValueError, match="timeout_ms"):
        Sandbox(timeout_ms=-1)
    with pytest.raises(ValueError, match="memory_mb"):
        Sandbox(memory_mb="lots")  # type: ignore[arg-type]


def test_closed_sandbox_refuses_work():
    sandbox = Sandbox()
    sandbox.close()
    with pytest.raises(SandboxError, match="closed"):
        sandbox.execute("test", "1", {})


# ------------------------------------------------------------------ console
def test_console_levels_and_values(sb):
    r = run(sb, """
        console.log('a', 1, true, null, undefined, {x: [1, {y: 2}]});
        console.info('i'); console.warn('w'); console.error('e'); console.debug('d');
        var cyclic = {name: 'c'}; cyclic.self = cyclic;
        console.log(function named() {}, cyclic, new Error('boom'), NaN);
    """)
    assert [e["level"] for e in r["console"]] == ["log", "info", "warn", "error", "debug", "log"]
    assert r["console"][0]["messages"] == ["a", 1, True, None, "undefined", {"x": [1, {"y": 2}]}]
    last = r["console"][5]["messages"]
    assert last[0] == "[Function: named]"
    assert last[1] == {"name": "c", "self": "[Circular]"}
    assert last[2] == {"name": "Error", "message": "boom"}
    assert last[3] == "NaN"


# ------------------------------------------------------------------ async, timers
def test_timers_run_in_due_order_before_execute_returns(sb):
    r = run(sb, """
        var order = [];
        setTimeout(function () { order.push('late'); console.log(order.join(',')); }, 30);
        setTimeout(function (x) { order.push(x); }, 5, 'early');
        setImmediate(function () { order.push('immediate'); });
        var cancelled = setTimeout(function () { order.push('cancelled'); }, 1);
        clearTimeout(cancelled);
        order.push('sync');
    """)
    assert r["error"] is None
    assert r["console"][0]["messages"] == ["sync,immediate,early,late"]


def test_interval_until_cleared(sb):
    r = run(sb, """
        var n = 0;
        var id = setInterval(function () { n++; if (n === 3) { clearInterval(id); console.log(n); } }, 2);
    """)
    assert r["console"][0]["messages"] == [3]


def test_microtasks_run_between_timer_callbacks(sb):
    r = run(sb, """
        var log = [];
        setTimeout(function () { log.push('t1'); Promise.resolve().then(function () { log.push('m1'); }); }, 0);
        setTimeout(function () { log.push('t2'); console.log(log.join(',')); }, 0);
    """)
    assert r["console"][0]["messages"] == ["t1,m1,t2"]


def test_top_level_await_and_async_test(sb):
    r = run(sb, """
        var v = await new Promise(function (resolve) { setTimeout(function () { resolve(41); }, 5); });
        pm.test('async passes', async function () {
            await new Promise(function (r) { setTimeout(r, 5); });
            pm.expect(v + 1).to.equal(42);
        });
        pm.test('async fails', function () {
            return Promise.resolve().then(function () { throw new Error('late failure'); });
        });
        pm.test('sync after', function () {});
    """)
    assert r["error"] is None
    # recorded as they complete, like Newman
    assert [(t["name"], t["passed"]) for t in r["tests"]] == [
        ("sync after", True), ("async fails", False), ("async passes", True)]
    assert r["tests"][1]["error"]["message"] == "late failure"


def test_error_after_await_fails_script_with_line(sb):
    r = run(sb, "await null;\nconsole.log('one');\nundefinedFunction();")
    assert r["error"]["name"] == "ReferenceError"
    assert r["error"]["line"] == 3
    assert r["console"][0]["messages"] == ["one"]


def test_error_in_timer_callback_fails_script(sb):
    r = run(sb, "setTimeout(function () {\n  throw new TypeError('in timer');\n}, 1);")
    assert r["error"]["name"] == "TypeError"
    assert r["error"]["line"] == 2


def test_unhandled_rejection_fails_script(sb):
    r = run(sb, "Promise.reject(new Error('nobody listens'));")
    assert r["error"]["message"] == "nobody listens"
    handled = run(sb, "Promise.reject(new Error('x')).catch(function () { console.log('caught'); });")
    assert handled["error"] is None and handled["console"][0]["messages"] == ["caught"]
    assert run(sb, "console.log(Promise.resolve() instanceof Promise, (async function () {})() instanceof Promise)")[
        "console"][0]["messages"] == [True, True]


def test_never_settling_promise_hits_time_limit_and_next_script_runs():
    with Sandbox(timeout_ms=300) as sandbox:
        r = sandbox.execute("test", "pm.test('hangs', function (done) { /* never calls done */ });", {})
        assert r["error"]["name"] == "TimeoutError"
        assert r["tests"][0]["passed"] is False
        r = sandbox.execute("test", "setTimeout(function () { while (true) {} }, 1);", {})
        assert r["error"]["name"] == "TimeoutError"
        assert sandbox.execute("test", "console.log('alive')", {})["console"][0]["messages"] == ["alive"]


# ------------------------------------------------------------------ pm.sendRequest
def test_send_request_callback_form(sb, echo_url):
    r = run(sb, f"""
        pm.sendRequest('{echo_url}/anything?x=1', function (err, res) {{
            pm.test('echo answered', function () {{
                pm.expect(err).to.equal(null);
                pm.expect(res.code).to.equal(200);
                pm.expect(res.json().query).to.deep.equal([['x', '1']]);
            }});
            pm.environment.set('echoed', res.json().method);
        }});
    """, scopes={"environment": []})
    assert r["error"] is None, r["error"]
    assert r["tests"] == [{"name": "echo answered", "passed": True, "skipped": False, "error": None}]
    assert r["scopes"]["environment"][0]["value"] == "GET"
    assert len(r["sendRequests"]) == 1
    sent = r["sendRequests"][0]
    assert sent["request"]["method"] == "GET"
    assert sent["request"]["url"] == f"{echo_url}/anything?x=1"
    assert sent["response"]["code"] == 200 and sent["error"] is None


def test_send_request_promise_form_with_body(sb, echo_url):
    r = run(sb, f"""
        const res = await pm.sendRequest({{
            url: '{echo_url}/post', method: 'POST',
            header: {{'Content-Type': 'application/json', 'X-Custom': 'yes'}},
            body: {{mode: 'raw', raw: JSON.stringify({{hello: 'world'}})}}
        }});
        const echoed = res.json();
        const custom = echoed.headers.filter(h => h[0].toLowerCase() === 'x-custom');
        console.log(echoed.method, echoed.json.hello, custom[0][1]);
    """)
    assert r["error"] is None, r["error"]
    assert r["console"][0]["messages"] == ["POST", "world", "yes"]


def test_send_request_error_reaches_callback(sb):
    r = run(sb, """
        pm.sendRequest('http://127.0.0.1:9/', function (err, res) {
            console.log(err instanceof Error, res);
        });
    """)
    assert r["error"] is None
    assert r["console"][0]["messages"] == [True, None]
    assert r["sendRequests"][0]["error"]
    assert r["sendRequests"][0]["response"] is None


def test_send_request_without_backend():
    with Sandbox() as sandbox:
        r = sandbox.execute("test", "try { await pm.sendRequest('http://127.0.0.1:9/'); } catch (e) { console.log(e.message); }", {})
        assert "not available" in r["console"][0]["messages"][0]


def test_sequential_send_requests(sb, echo_url):
    r = run(sb, f"""
        pm.sendRequest('{echo_url}/one', function (err, first) {{
            pm.sendRequest('{echo_url}/two', function (err2, second) {{
                console.log(first.json().path, second.json().path);
            }});
        }});
    """)
    assert r["console"][0]["messages"] == ["/one", "/two"]
    assert [s["request"]["url"].rsplit("/", 1)[1] for s in r["sendRequests"]] == ["one", "two"]


def test_send_request_backend_may_return_a_response_dataclass(echo_url):
    from dataclasses import dataclass, field

    @dataclass
    class ResponseData:  # the shape runner/sending.py returns (docs/architecture.md)
        code: int
        status: str
        header: list
        body: bytes
        response_time_ms: float
        response_size: int
        cookies: list = field(default_factory=list)

    def send(request: dict) -> ResponseData:
        r = requests.get(request["url"], timeout=10)
        return ResponseData(r.status_code, r.reason, [{"key": k, "value": v} for k, v in r.headers.items()],
                            r.content, 1.0, len(r.content))

    with Sandbox(send_request=send) as sandbox:
        r = sandbox.execute("test", f"""
            pm.sendRequest('{echo_url}/bytes', function (err, res) {{
                console.log(res.code, res.json().path, res.responseSize > 0);
            }});
        """, {})
    assert r["error"] is None, r["error"]
    assert r["console"][0]["messages"] == [200, "/bytes", True]
    assert isinstance(r["sendRequests"][0]["response"]["body"], str)


def test_overwritten_builtins_do_not_break_the_engine(sb):
    run(sb, "JSON.stringify = function () { return 'broken'; }; Object.getOwnPropertyNames = null;")
    r = run(sb, "pm.environment.set('still', 'works')", scopes={"environment": []})
    assert r["error"] is None
    assert r["scopes"]["environment"][0]["value"] == "works"
