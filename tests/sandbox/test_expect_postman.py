"""Postman's response/request assertions installed by expect.js (`pm.response.to.have.status(200)`).

Why: these are the assertions most collections use, and their wording appears verbatim
in Newman's reports. The subject is a duck-typed response built in JS (code, reason(),
headers with get/has/one, text(), json(), responseTime, size()), so these tests do not
depend on the SDK object model.
"""

from __future__ import annotations

import json

import pytest

from tests.sandbox.test_expect_conformance import new_chai_v8

FAKES_JS = r"""
function FakeHeaders(list) { this.list = list; }
FakeHeaders.prototype.one = function (k) {
  var hit;
  this.list.forEach(function (h) { if (String(h.key).toLowerCase() === String(k).toLowerCase()) hit = h; });
  return hit;
};
FakeHeaders.prototype.get = function (k) { var h = this.one(k); return h ? h.value : undefined; };
FakeHeaders.prototype.has = function (k) { return !!this.one(k); };

function fakeResponse(code, reason, body, headers, time) {
  return {
    code: code, status: reason, responseTime: time === undefined ? 120 : time,
    headers: new FakeHeaders(headers || [{key: 'Content-Type', value: 'application/json'}]),
    reason: function () { return reason; },
    text: function () { return body; },
    json: function () {
      try { return JSON.parse(body); } catch (e) {
        var err = new Error('Unexpected token in JSON at position 0\n' + body);
        err.name = 'JSONError';
        throw err;
      }
    },
    size: function () { return {body: body.length, header: 30, total: body.length + 30}; }
  };
}
var ok200 = fakeResponse(200, 'OK', '{"a":1,"b":{"c":[1,2]},"s":"x"}');
var nf404 = fakeResponse(404, 'Not Found', 'nope', [{key: 'X-Req', value: '7'}], 15);
var empty = fakeResponse(204, 'No Content', '', []);
var req = {url: 'http://h/p', method: 'GET', headers: new FakeHeaders([{key: 'Accept', value: '*/*'}])};
"""

# (snippet, expected failure message or None when it must pass)
CASES: list[tuple[str, str | None]] = [
    ("expect(ok200).to.have.status(200)", None),
    ("expect(ok200).to.have.status(404)", "expected response to have status code 404 but got 200"),
    ("expect(ok200).to.not.have.status(200)", "expected response to not have status code 200"),
    ("expect(ok200).to.have.status('OK')", None),
    ("expect(ok200).to.have.status('Created')", "expected response to have status reason 'Created' but got 'OK'"),
    ("expect(ok200).to.have.statusCode(201)", "expected response to have status code 201 but got 200"),
    ("expect(ok200).to.have.statusReason('Nope')", "expected response to have status reason 'Nope' but got 'OK'"),
    ("expect(5).to.have.status(200)", "expecting a postman response object but got 5"),
    ("expect({code: 200}).to.have.status(200)", "expecting a postman response object but got { code: 200 }"),
    ("expect(ok200).to.be.postmanResponse", None),
    ("expect(ok200).to.not.be.postmanResponse", "not expecting a postman response object"),
    ("expect(req).to.be.postmanRequest", None),
    # header
    ("expect(ok200).to.have.header('content-type')", None),
    ("expect(ok200).to.have.header('X-Missing')", "expected response to have header with key 'X-Missing'"),
    ("expect(ok200).to.not.have.header('Content-Type')", "expected response to not have header with key 'Content-Type'"),
    ("expect(ok200).to.have.header('Content-Type', 'application/json')", None),
    ("expect(ok200).to.have.header('Content-Type', 'text/plain')",
     "expected 'Content-Type' response header to be 'text/plain' but got 'application/json'"),
    ("expect(req).to.have.header('Accept', '*/*')", None),
    ("expect(req).to.have.header('X-Api-Key')", "expected request to have header with key 'X-Api-Key'"),
    ("expect('str').to.have.header('X')", "expecting a postman request or response object but got 'str'"),
    # body / json / jsonBody
    ("expect(ok200).to.have.body()", None),
    ("expect(empty).to.have.body()", "expected response to have content in body"),
    ("expect(ok200).to.be.withBody", None),
    ("expect(empty).to.be.withBody", "expected response to have content in body"),
    ("expect(ok200).to.have.body('nope')",
     "expected response body to equal 'nope' but got '{\"a\":1,\"b\":{\"c\":[1,2]},\"s\":\"x\"}'"),
    ("expect(ok200).to.have.body('{\"a\":1,\"b\":{\"c\":[1,2]},\"s\":\"x\"}')", None),
    ("expect(ok200).to.have.body({a: 1, b: {c: [1, 2]}, s: 'x'})", None),
    ("expect(ok200).to.have.body({a: 2})", "expected response body json to equal { a: 2 } but got { a: 1, b: { c: [ 1, 2 ] }, s: 'x' }"),
    ("expect(ok200).to.have.body(/\"c\":\\[1/)", None),
    ("expect(nf404).to.have.body(/yes/)", "expected response body text to match /yes/ but got 'nope'"),
    ("expect(ok200).to.be.json", None),
    ("expect(nf404).to.be.json", "expected response body to be a valid json but got error Unexpected token in JSON at position 0"),
    ("expect(ok200).to.have.jsonBody()", None),
    ("expect(nf404).to.have.jsonBody()", "expected response body to be a valid json but got error Unexpected token in JSON at position 0"),
    ("expect(ok200).to.have.jsonBody('b.c[1]')", None),
    ("expect(ok200).to.have.jsonBody('b.c[1]', 2)", None),
    ("expect(ok200).to.have.jsonBody('b.x')",
     "expected { a: 1, b: { c: [ 1, 2 ] }, s: 'x' } in response to contain property 'b.x'"),
    ("expect(ok200).to.have.jsonBody('a', 5)", 'expected response body json at "a" to contain 5 but got 1'),
    ("expect(ok200).to.not.have.jsonBody('a')",
     "expected { a: 1, b: { c: [ 1, 2 ] }, s: 'x' } in response to not contain property 'a'"),
    # responseTime / responseSize
    ("expect(ok200).to.have.responseTime.below(200)", None),
    ("expect(ok200).to.have.responseTime.below(100)", "expected 120 to be below 100"),
    ("expect(ok200).to.have.responseTime.above(100).and.below(130)", None),
    ("expect(ok200).to.have.responseTime(120)", None),
    ("expect(ok200).to.have.responseTime(10)", "expected response to have a valid response time but got 120"),
    ("expect(5).to.have.responseTime.below(3)", "expecting a postman response object but got 5"),
    ("expect(nf404).to.have.responseSize.below(10)", "expected 34 to be below 10"),
    ("expect(nf404).to.have.responseSize(34)", None),
    # status classes and named reasons
    ("expect(ok200).to.have.statusCodeClass(2)", None),
    ("expect(ok200).to.have.statusCodeClass(4)", "expected response code to be 4XX but found 200"),
    ("expect(ok200).to.be.success", None),
    ("expect(nf404).to.be.success", "expected response code to be 2XX but found 404"),
    ("expect(ok200).to.not.be.success", "expected response code to not be 2XX"),
    ("expect(nf404).to.be.clientError", None),
    ("expect(ok200).to.be.clientError", "expected response code to be 4XX but found 200"),
    ("expect(ok200).to.be.serverError", "expected response code to be 5XX but found 200"),
    ("expect(ok200).to.be.info", "expected response code to be 1XX but found 200"),
    ("expect(ok200).to.be.redirection", "expected response code to be 3XX but found 200"),
    ("expect(nf404).to.be.error", None),
    ("expect(ok200).to.be.error", "expected response code to be 4XX or 5XX but found 200"),
    ("expect(nf404).to.be.notFound", None),
    ("expect(ok200).to.be.notFound", "expected response to have status reason 'NOT FOUND' but got 'OK'"),
    ("expect(ok200).to.be.badRequest", "expected response to have status reason 'BAD REQUEST' but got 'OK'"),
    ("expect(fakeResponse(404, 'OK', '')).to.be.notFound", "expected response to have status reason 'NOT FOUND' but got 'OK'"),
    ("expect(fakeResponse(201, 'OK', '')).to.be.ok", "expected response to have status code 200 but got 201"),
    ("expect(fakeResponse(429, 'Too Many Requests', '')).to.be.rateLimited", None),
    ("expect(fakeResponse(202, 'Accepted', '')).to.be.accepted", None),
    ("expect(fakeResponse(406, 'Not Acceptable', '')).to.be.notAcceptable",
     "expected response to have status reason 'ACCEPTABLE' but got 'NOT ACCEPTABLE'"),
    ("expect(ok200).to.have.jsonSchema('nope')", "expected 'nope' to be an object"),
    ("expect(ok200).to.be.ok", None),
    ("expect(nf404).to.be.ok", "expected response to have status reason 'OK' but got 'NOT FOUND'"),
    ("expect(ok200).to.not.be.ok", "expected response to not have status reason 'OK'"),
    ("expect(0).to.be.ok", "expected +0 to be truthy"),
    ("expect(1).to.be.ok", None),
    ("expect('x').to.not.be.ok", "expected 'x' to be falsy"),
    # jsonSchema (built-in validator, ajv 6 wording)
    ("expect(ok200).to.have.jsonSchema({type: 'object', required: ['a'], properties: {a: {type: 'integer'}}})", None),
    ("expect(ok200).to.have.jsonSchema({type: 'object', properties: {a: {type: 'string'}}})",
     "expected data to satisfy schema but found following errors: \ndata.a should be string"),
    ("expect(ok200).to.have.jsonSchema({required: ['zz', 'a', 'yy']})",
     "expected data to satisfy schema but found following errors: \n"
     "data should have required property 'zz', data should have required property 'yy'"),
    ("expect(ok200).to.have.jsonSchema({properties: {b: {properties: {c: {items: {type: 'string'}}}}}})",
     "expected data to satisfy schema but found following errors: \n"
     "data.b.c[0] should be string, data.b.c[1] should be string"),
    ("expect(ok200).to.not.have.jsonSchema({type: 'object'})", "expected data to not satisfy schema"),
    ("expect({n: 5}).to.have.jsonSchema({properties: {n: {maximum: 3}}})",
     "expected data to satisfy schema but found following errors: \ndata.n should be <= 3"),
    # custom message prefix
    ("expect(ok200, 'login').to.have.status(500)", "login: expected response to have status code 500 but got 200"),
]


@pytest.fixture(scope="module")
def results():
    with new_chai_v8() as mr:
        mr.eval(FAKES_JS)
        snippets = [c[0] for c in CASES]
        code = (
            "JSON.stringify(" + json.dumps(snippets) + ".map(function (src) {"
            " try { (new Function('expect', src))(__pmr_chai.expect); return {ok: true}; }"
            " catch (e) { return {ok: false, name: e.name, message: String(e.message)}; } }))"
        )
        return json.loads(mr.eval(code))


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c[0][:60] for c in CASES])
def test_postman_assertion(results, index):
    snippet, expected = CASES[index]
    got = results[index]
    if expected is None:
        assert got == {"ok": True}, f"{snippet}: {got}"
    else:
        assert got == {"ok": False, "name": "AssertionError", "message": expected}, snippet


def test_failure_carries_actual_and_expected():
    with new_chai_v8() as mr:
        mr.eval(FAKES_JS)
        err = mr.execute(
            "(function () { try { __pmr_chai.expect(nf404).to.have.status(200); } catch (e) {"
            " return {actual: e.actual, expected: e.expected, showDiff: e.showDiff, isError: e instanceof Error}; } })()"
        )
    assert err == {"actual": 404, "expected": 200, "showDiff": True, "isError": True}


def test_json_schema_uses_a_registered_ajv_module_only_for_ajv_options():
    """Newman words schema errors like ajv 6: the built-in validator does that, so a registered
    `ajv` module is used only when ajv options are passed (which only it can honour)."""
    with new_chai_v8() as mr:
        mr.eval(FAKES_JS)
        mr.eval(
            "var seen = null; function require(name) { if (name !== 'ajv') throw new Error('no ' + name);"
            " function Ajv(opts) { seen = opts; this.errors = null; }"
            " Ajv.prototype.validate = function () { this.errors = [{}]; return false; };"
            " Ajv.prototype.errorsText = function () { return 'from fake ajv'; };"
            " return Ajv; }"
        )
        msg = mr.eval(
            "(function () { try { __pmr_chai.expect(ok200).to.have.jsonSchema({}, {verbose: true}); return 'passed'; }"
            " catch (e) { return e.message; } })()"
        )
        opts = mr.execute("seen")
        plain = mr.eval(
            "(function () { try { __pmr_chai.expect(ok200).to.have.jsonSchema({required: ['q']}); return 'passed'; }"
            " catch (e) { return e.message; } })()"
        )
    assert msg == "expected data to satisfy schema but found following errors: \nfrom fake ajv"
    assert opts == {"allErrors": True, "logger": False, "verbose": True}
    assert plain == "expected data to satisfy schema but found following errors: \ndata should have required property 'q'"


# jsonBody paths are read like lodash's has/get (what Postman uses): expectations taken from
# lodash 4 for this body. (path, has, value or None)
PATH_BODY = {"a": {"b": 8, "x.y": 3, "q's": 4, "": {"b": 5}, "-1": 6, "1.5": 7},
             "x.y": 9, "": {"a": 10}, "a b": 11, "0": 12}
PATH_CASES = [
    ("a", True, {"b": 8, "x.y": 3, "q's": 4, "": {"b": 5}, "-1": 6, "1.5": 7}),
    ("a.b", True, 8),
    ("a.b[0]", False, None),
    ("a.b[1].c", False, None),
    ("a['x.y']", True, 3),
    ("a[\"x.y\"]", True, 3),
    ("a['q\\'s']", True, 4),
    ("a.b.0", False, None),
    ("a..b", True, 5),
    (".a", True, 10),
    ("a.", True, {"b": 5}),
    ("a[]", True, {"b": 5}),
    ("a[b]", True, 8),
    ("a[-1]", True, 6),
    ("a[1.5]", True, 7),
    ("x.y", True, 9),
    ("a.x.y", False, None),
    ("[0]", True, 12),
    ("a['b'][0]", False, None),
    ("a b", True, 11),
    ("a.b[0].c.d", False, None)
]


@pytest.mark.parametrize("path,has,value", PATH_CASES, ids=[c[0] or "empty" for c in PATH_CASES])
def test_json_body_paths_read_like_lodash(path, has, value):
    with new_chai_v8() as mr:
        mr.eval(FAKES_JS)
        got = mr.execute(
            "(function () { var r = fakeResponse(200, 'OK', " + json.dumps(json.dumps(PATH_BODY)) + ");"
            " var has = true; try { __pmr_chai.expect(r).to.have.jsonBody(" + json.dumps(path) + "); }"
            " catch (e) { has = false; }"
            " var value = null; if (has) { try { __pmr_chai.expect(r).to.have.jsonBody(" + json.dumps(path) + ", '-');"
            " } catch (e) { value = e.actual === undefined ? null : e.actual; } }"
            " return {has: has, value: value}; })()"
        )
    assert got == {"has": has, "value": value}
