"""expect.js as a library: what it publishes, its configuration, and its error objects.

Why: the engine composes expect.js with the other sandbox files in one global scope, so
it must publish exactly `__pmr_chai` and nothing else, and the pieces the engine and
plugins rely on (config, use(), AssertionError fields) must behave like chai's.
"""

from __future__ import annotations

import json

from py_mini_racer import MiniRacer

from tests.sandbox.test_expect_conformance import EXPECT_JS, new_chai_v8


def run(mr: MiniRacer, body: str):
    return json.loads(mr.eval("JSON.stringify((function () {" + body + "})())"))


def test_publishes_only_pmr_chai():
    with new_chai_v8() as probe:
        before = set(run(probe, "return Object.getOwnPropertyNames(globalThis);"))
    with MiniRacer() as mr:
        names_before = set(run(mr, "return Object.getOwnPropertyNames(globalThis);"))
        mr.eval(EXPECT_JS.read_text(encoding="utf-8"))
        added = set(run(mr, "return Object.getOwnPropertyNames(globalThis);")) - names_before
    assert added == {"__pmr_chai"}
    assert "__pmr_chai" in before


def test_chai_object_shape():
    with new_chai_v8() as mr:
        shape = run(mr, """
          var c = __pmr_chai;
          return {keys: ['expect', 'assert', 'Assertion', 'AssertionError', 'use', 'config', 'util'].map(function (k) {
                    return typeof c[k]; }),
                  threshold: c.config.truncateThreshold, includeStack: c.config.includeStack,
                  utils: ['flag', 'inspect', 'objDisplay', 'transferFlags', 'type', 'eql', 'addMethod',
                          'addProperty', 'addChainableMethod', 'overwriteMethod', 'overwriteProperty',
                          'getPathInfo', 'expectTypes'].filter(function (k) { return typeof c.util[k] !== 'function'; })};
        """)
    assert shape == {"keys": ["function", "function", "function", "function", "function", "object", "object"],
                     "threshold": 40, "includeStack": False, "utils": []}


def test_assertion_error_fields():
    with new_chai_v8() as mr:
        err = run(mr, """
          try { __pmr_chai.expect({a: 1}, 'ctx').to.deep.equal({a: 2}); } catch (e) {
            return {name: e.name, message: e.message, actual: e.actual, expected: e.expected, showDiff: e.showDiff,
                    operator: e.operator, isError: e instanceof Error,
                    isAssertionError: e instanceof __pmr_chai.AssertionError,
                    json: e.toJSON(false), hasStack: typeof e.stack === 'string',
                    str: String(e)};
          }
        """)
    assert err["name"] == "AssertionError"
    assert err["message"] == "ctx: expected { a: 1 } to deeply equal { a: 2 }"
    assert err["actual"] == {"a": 1} and err["expected"] == {"a": 2}
    assert err["showDiff"] is True and err["operator"] == "deepStrictEqual"
    assert err["isError"] and err["isAssertionError"] and err["hasStack"]
    assert err["json"]["name"] == "AssertionError" and "stack" not in err["json"]
    assert err["str"] == "AssertionError: ctx: expected { a: 1 } to deeply equal { a: 2 }"


def test_use_runs_each_plugin_once_and_is_chainable():
    with new_chai_v8() as mr:
        got = run(mr, """
          var calls = 0;
          function plugin(chai, utils) { calls += 1; }
          var same = __pmr_chai.use(plugin) === __pmr_chai;
          __pmr_chai.use(plugin);
          return {calls: calls, same: same};
        """)
    assert got == {"calls": 1, "same": True}


def test_typo_guard_can_be_switched_off_like_chai():
    with new_chai_v8() as mr:
        got = run(mr, """
          var out = [];
          try { __pmr_chai.expect(1).to.be.tru; out.push('silent'); } catch (e) { out.push(e.message); }
          __pmr_chai.config.useProxy = false;
          try { __pmr_chai.expect(1).to.be.tru; out.push('silent'); } catch (e) { out.push(e.message); }
          __pmr_chai.config.useProxy = true;
          // promise-like probing must not trip the guard
          out.push(typeof __pmr_chai.expect(1).then);
          return out;
        """)
    assert got == ['Invalid Chai property: tru. Did you mean "true"?', "silent", "undefined"]


def test_truncate_threshold_zero_disables_truncation():
    with new_chai_v8() as mr:
        msg = run(mr, """
          __pmr_chai.config.truncateThreshold = 0;
          try { __pmr_chai.expect({long: 'x'.repeat(60)}).to.equal(1); } catch (e) { return e.message; }
        """)
    assert msg == "expected { long: '" + "x" * 60 + "' } to equal 1"


def test_flags_are_per_expect_call():
    """Each expect() starts clean; within one chain, flags set on a branch are shared with
    its source exactly as in chai (checked in the conformance table)."""
    with new_chai_v8() as mr:
        got = run(mr, """
          var negated = __pmr_chai.expect(1).to.not;
          __pmr_chai.expect(1).to.equal(1);
          try { negated.equal(1); return 'no error'; } catch (e) { return e.message; }
        """)
    assert got == "expected 1 to not equal 1"
