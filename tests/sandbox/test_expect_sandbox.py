"""expect.js inside the real sandbox: `pm.expect`, `pm.response.to`, `require('chai')`.

Why: the assertion library is duck-typed on responses/requests; this checks that the SDK
objects the engine builds (not hand-made fakes) qualify, and that failures reach the
test results with chai's messages.
"""

from __future__ import annotations

import pytest

from runner.sandbox import Sandbox

CONTEXT = {
    "scopes": {},
    "request": {"method": "POST", "url": "http://127.0.0.1:9/users?x=1",
                "header": [{"key": "Accept", "value": "application/json"}],
                "body": {"mode": "raw", "raw": "{}"}},
    "response": {"code": 201, "status": "Created",
                 "header": [{"key": "Content-Type", "value": "application/json"}, {"key": "X-Id", "value": "7"}],
                 "body": '{"user":{"id":7,"tags":["a","b"]}}', "responseTime": 12, "responseSize": 34},
    "info": {"eventName": "test", "iteration": 0, "iterationCount": 1, "requestName": "Create user",
             "requestId": "r1"},
}

# (test name, script body, expected failure message or None)
CASES = [
    ("status", "pm.response.to.have.status(201);", None),
    ("status fails", "pm.response.to.have.status(200);", "expected response to have status code 200 but got 201"),
    ("reason", "pm.response.to.have.status('Created');", None),
    ("class", "pm.response.to.be.success;", None),
    ("ok is 200 only", "pm.response.to.be.ok;", "expected response to have status reason 'OK' but got 'CREATED'"),
    ("header", "pm.response.to.have.header('x-id', '7');", None),
    ("header fails", "pm.response.to.have.header('X-Id', '8');", "expected 'X-Id' response header to be '8' but got '7'"),
    ("jsonBody", "pm.response.to.have.jsonBody('user.tags[1]', 'b');", None),
    ("jsonBody fails", "pm.response.to.have.jsonBody('user.name');",
     "expected { user: { id: 7, tags: [ 'a', 'b' ] } } in response to contain property 'user.name'"),
    ("body json", "pm.response.to.have.body({user: {id: 7, tags: ['a', 'b']}}); pm.response.to.be.json;", None),
    ("schema", "pm.response.to.have.jsonSchema({required: ['user'], properties: {user: {properties: {id: {type: 'integer'}}}}});",
     None),
    ("schema fails", "pm.response.to.have.jsonSchema({properties: {user: {properties: {id: {type: 'string'}}}}});",
     "expected data to satisfy schema but found following errors: \ndata.user.id should be string"),
    ("time", "pm.response.to.have.responseTime.below(1000);", None),
    ("request header", "pm.expect(pm.request).to.have.header('Accept');", None),
    ("request is not a response", "pm.expect(pm.request).to.have.status(200);",
     "expecting a postman response object but got "),
    ("plain chai", "pm.expect(pm.response.json().user.tags).to.have.lengthOf(3);",
     "expected [ 'a', 'b' ] to have a length of 3 but got 2"),
    ("required chai", "require('chai').expect(pm.response.code, 'code').to.equal(200);",
     "code: expected 201 to equal 200"),
    ("typo", "pm.expect(1).to.be.tru;", 'Invalid Chai property: tru. Did you mean "true"?'),
]


@pytest.fixture(scope="module")
def results():
    script = "\n".join(
        f"pm.test({name!r}, function () {{ {body} }});" for name, body, _ in CASES
    )
    with Sandbox() as sandbox:
        result = sandbox.execute("test", script, CONTEXT)
    assert result["error"] is None
    return {t["name"]: t for t in result["tests"]}


@pytest.mark.parametrize("name,body,expected", CASES, ids=[c[0] for c in CASES])
def test_assertion_in_sandbox(results, name, body, expected):
    outcome = results[name]
    if expected is None:
        assert outcome["passed"] is True, outcome
    else:
        assert outcome["passed"] is False
        assert outcome["error"]["message"].startswith(expected), outcome["error"]
        if not expected.startswith("Invalid Chai property"):
            assert outcome["error"]["name"] == "AssertionError"
