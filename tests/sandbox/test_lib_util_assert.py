"""Node's util and assert modules in the sandbox.

Why: util.format/inspect output ends up in console logs and assert's messages end up in
test reports, so both are compared with real Node for the cases scripts commonly hit.
"""

from __future__ import annotations

import json

import pytest

from tests.sandbox.test_lib_common import assert_same, run_node, run_ours
from tests.support.jslib import js_with_libs

FILES = ["node-util.js", "node-assert.js"]

# util 0.10 (what Postman bundles): format and inspect
UTIL_CASES = [
    "require('util').format('%s is %d years and %i, %f, %j %%', 'Bob', 42.5, '42.9', '1.5', {a: [1]})",
    "require('util').format('%s', {a: 1, b: 'x'})",
    "require('util').format('%s %s', {a: 1}, [1, 2])",
    "require('util').format('no args %s')",
    "require('util').format('a', 1, {b: 2}, [3], null, undefined, 'c')",
    "require('util').format(1, 'a', {b: 1})",
    "require('util').format('%j', (function () { var o = {}; o.o = o; return o; })())",
    "require('util').inspect({a: 1, b: 'two', c: [1, 2, 3], d: {e: {f: {g: 1}}}, 'x-y': null, u: undefined})",
    "require('util').inspect([1, 'a', true, null, undefined, -0, 1.5])",
    "require('util').inspect('it\\'s \"q\" \\n')",
    "require('util').inspect('plain')",
    "require('util').inspect({})",
    "require('util').inspect([])",
    "require('util').inspect([1, , 3])",
    "require('util').inspect(function namedFn() {})",
    "require('util').inspect(function () {})",
    "require('util').inspect(new Date(0))",
    "require('util').inspect(/ab+c/gi)",
    "require('util').inspect(new Error('boom'))",
    "require('util').inspect(new Map([['a', 1]]))",
    "require('util').inspect({a: {b: {c: {d: {}}}}}, {depth: 0})",
    "require('util').inspect({a: {b: {c: {d: 1}}}}, {depth: null})",
    "require('util').inspect({a: {b: {c: {d: 1}}}}, false, 1)",
    "(function(){ var o = {name: 'x'}; o.self = o; return require('util').inspect(o); })()",
    "require('util').inspect({longPropertyName1: 'some long value here', longPropertyName2: 'another long value', n: 3})",
    "require('util').inspect([[1, [2, [3, [4]]]]])",
    "require('util').inspect({'a-b': 1, \"it's\": 2, 3: 4})",
    "(function(){ function Foo() { this.a = 1; } return require('util').inspect(new Foo()); })()",
    "require('util').inspect({inspect: function () { return 'custom!'; }})",
    "(function(){ var u = require('util'); return [u.isArray([]), u.isString('s'), u.isNumber(1), u.isObject(null), u.isFunction(u.format), u.isNullOrUndefined(undefined), u.isPrimitive({}), u.isDate(new Date()), u.isRegExp(/x/), u.isError(new TypeError('x')), u.isSymbol(Symbol('s')), u.isBuffer({})]; })()",
    "(function(){ var u = require('util'); function A() {} A.prototype.hi = function () { return 'hi'; }; function B() { A.call(this); } u.inherits(B, A); var b = new B(); return [b.hi(), b instanceof A, B.super_ === A]; })()",
    "require('util')._extend({a: 1}, {b: 2})",
    "typeof require('util').deprecate(function () { return 1; }, 'old')",
]

# extras copied from newer Node (util 0.10 lacks them): compared with Node's own util
EXTRA_CASES = [
    "(function(){ var u = require('util'); return [u.types.isDate(new Date()), u.types.isRegExp(/x/), u.types.isPromise(Promise.resolve()), u.types.isMap(new Map()), u.types.isSet(new Set()), u.types.isTypedArray(new Uint8Array(1)), u.types.isNativeError(new Error('x'))]; })()",
    "(function(){ var u = require('util'); return [u.isDeepStrictEqual({a: [1, {b: 2}]}, {a: [1, {b: 2}]}), u.isDeepStrictEqual({a: 1}, {a: '1'}), u.isDeepStrictEqual(NaN, NaN), u.isDeepStrictEqual([1, 2], [2, 1])]; })()",
    "(function(){ var u = require('util'); return Array.from(new u.TextEncoder().encode('aé€😀')); })()",
    "(function(){ var u = require('util'); return new u.TextDecoder().decode(new Uint8Array([0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xff])); })()",
]

ASSERT_CASES = [
    "(function(){ try { require('assert')." + call + "; return 'passed'; } catch (e) { return [e.name, e.code, e.message, e.operator, e.generatedMessage, e instanceof require('assert').AssertionError, e instanceof Error]; } })()"
    for call in [
        "equal(1, '1')",
        "equal(1, 2)",
        "equal('a', 'b', 'custom message')",
        "notEqual(1, 2)",
        "notEqual(1, '1')",
        "strictEqual(1, 1)",
        "strictEqual(1, 2)",
        "strictEqual('a', 'b')",
        "notStrictEqual(1, 2)",
        "notStrictEqual(1, 1)",
        "deepEqual({a: 1, b: [1, 2]}, {a: '1', b: [1, 2]})",
        "deepEqual({a: 1}, {a: 2}, 'objects differ')",
        "deepStrictEqual({a: 1, b: [1, 2]}, {a: 1, b: [1, 2]})",
        "deepStrictEqual({a: 1}, {a: '1'})",
        "notDeepEqual({a: 1}, {a: 2})",
        "notDeepStrictEqual({a: 1}, {a: 1}, 'same')",
        "ok(true)",
        "ok(0, 'zero is falsy')",
        "fail('boom')",
        "fail()",
        "throws(function () { throw new TypeError('bad'); }, TypeError)",
        "throws(function () { throw new Error('bad thing'); }, /bad/)",
        "throws(function () { throw new Error('bad thing'); }, {message: 'bad thing', name: 'Error'})",
        "throws(function () {})",
        "throws(function () {}, 'needs to throw')",
        "doesNotThrow(function () {})",
        "doesNotThrow(function () { throw new Error('oops'); })",
        "match('abc', /b/)",
        "ifError(null)",
        "strict.equal(1, 1)",
    ]
]


def test_util_and_assert_literal() -> None:
    cases = [
        "require('util').format('%s=%d %j', 'n', 5, {a: 1})",
        "require('util').inspect({a: 1, b: 'two', c: [1, 2]})",
        "require('util').inspect({a: {b: {c: {d: 1}}}})",
        ASSERT_CASES[1],
        ASSERT_CASES[6],
        "(function(){ try { require('assert').throws(function () {}); } catch (e) { return e.message; } })()",
        "(function(){ try { require('assert').deepStrictEqual({a: [1]}, {a: [1]}); return 'passed'; } catch (e) { return e.message; } })()",
        "(function(){ try { require('assert').ok(0); } catch (e) { return e.message; } })()",
        "(function(){ try { require('assert').deepEqual({a: 1}, {a: 2}); } catch (e) { return e.message; } })()",
        "new (require('util').TextDecoder)().decode(new (require('util').TextEncoder)().encode('h€llo'))",
    ]
    assert run_ours(cases, FILES) == [
        'n=5 {"a":1}',
        "{ a: 1, b: 'two', c: [ 1, 2 ] }",
        "{ a: { b: { c: [Object] } } }",
        ["AssertionError", "ERR_ASSERTION", "1 == 2", "==", True, True, True],
        ["AssertionError", "ERR_ASSERTION", "Expected values to be strictly equal:\n\n1 !== 2\n", "strictEqual", True, True, True],
        "Missing expected exception.",
        "passed",
        "0 == true",
        "Expected values to be loosely deep-equal:\n\n{ a: 1 }\n\nshould equal\n\n{ a: 2 }",
        "h€llo",
    ]


def test_promisify_resolves_and_rejects() -> None:
    with js_with_libs(FILES) as mr:
        mr.eval(
            """var u = require('util'); var out = [];
            var f = u.promisify(function (x, cb) { if (x) cb(null, x * 2); else cb(new Error('no x')); });
            f(21).then(function (v) { out.push(v); });
            f(0).catch(function (e) { out.push(e.message); });"""
        )
        # the promises settle in the microtask queue, which V8 drains after each eval
        assert json.loads(mr.eval("JSON.stringify(out)")) == [42, "no x"]


def _as_util010(cases: list[str]) -> list[str]:
    return [c.replace("require('util')", "require('util010')") for c in cases]


@pytest.mark.conformance
def test_util_same_as_util_0_10_bundled_by_postman() -> None:
    theirs = run_node(_as_util010(UTIL_CASES), {"util010": "util010@npm:util@0.10.4"})
    assert_same(UTIL_CASES, run_ours(UTIL_CASES, FILES), theirs)


@pytest.mark.conformance
def test_util_extras_same_as_node() -> None:
    assert_same(EXTRA_CASES, run_ours(EXTRA_CASES, FILES), run_node(EXTRA_CASES, {}))


@pytest.mark.conformance
def test_assert_same_as_assert_2_0_bundled_by_postman() -> None:
    # assert.match came after assert 2.0; it is an extra here
    cases = [c for c in ASSERT_CASES if "match(" not in c]
    ours = run_ours(cases, FILES)
    theirs = run_node([c.replace("require('assert')", "require('assert2')") for c in cases], {"assert2": "assert2@npm:assert@2.0.0"})
    # Node builds multi-line diff messages for objects that we only approximate: compare
    # everything else, and the message itself for the single-line ones.
    def comparable(r: object) -> object:
        if isinstance(r, list) and len(r) == 7 and "\n+ actual - expected" in str(r[2]):
            return r[:2] + ["<diff>"] + r[3:]
        if isinstance(r, list) and len(r) == 7 and ("should loosely deep-equal" in str(r[2]) or "should equal" in str(r[2])):
            return r[:2] + ["<diff>"] + r[3:]
        return r
    assert_same(cases, [comparable(r) for r in ours], [comparable(r) for r in theirs])

INSPECT_LAYOUT_CASES = [
    "require('util').inspect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30])",
    "require('util').inspect(['apple', 'banana', 'cherry', 'date', 'elder', 'fig', 'grape', 'honeydew'])",
    "require('util').inspect([1, 2, 3, 4, 5, 6, 7])",
    "require('util').inspect({data: [{id: 1, name: 'alpha', tags: ['a', 'b']}, {id: 2, name: 'beta', tags: []}], total: 2, page: {n: 1, size: 20}})",
    "require('util').inspect({a: 'x'.repeat(70), b: 1})",
    "require('util').inspect([{a: 1, b: 2}, {a: 3, b: 4}])",
    "require('util').inspect({user: {profile: {address: {city: 'Paris'}}}})",
]


@pytest.mark.conformance
def test_inspect_layout_same_as_util_0_10() -> None:
    cases = INSPECT_LAYOUT_CASES
    theirs = run_node(_as_util010(cases), {"util010": "util010@npm:util@0.10.4"})
    assert_same(cases, run_ours(cases, FILES), theirs)
