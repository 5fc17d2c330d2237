"""tv4 and ajv in the sandbox (one validator core), against literals and the real libraries."""

from __future__ import annotations

import json

import pytest

from tests.sandbox.test_lib_common import assert_same, run_node, run_ours

FILES = ["jsonschema.js"]

USER_SCHEMA = {
    "type": "object",
    "required": ["id", "name", "email"],
    "properties": {
        "id": {"type": "integer", "minimum": 1},
        "name": {"type": "string", "minLength": 2, "maxLength": 10},
        "email": {"type": "string", "format": "email"},
        "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": True, "maxItems": 3},
        "role": {"enum": ["admin", "dev"]},
        "score": {"type": "number", "multipleOf": 0.5, "maximum": 100},
        "address": {"$ref": "#/definitions/address"},
    },
    "additionalProperties": False,
    "definitions": {
        "address": {
            "type": "object",
            "required": ["city"],
            "properties": {"city": {"type": "string"}, "zip": {"type": "string", "pattern": "^[0-9]{5}$"}},
        }
    },
}

SCHEMAS_AND_DATA: list[tuple[dict | bool, object]] = [
    (USER_SCHEMA, {"id": 1, "name": "Ada", "email": "ada@example.com"}),
    (USER_SCHEMA, {"id": 0, "name": "A", "email": "nope", "tags": ["a", "a", "b", "c"], "role": "x", "score": 3.3,
                   "address": {"zip": "12"}, "extra": True}),
    (USER_SCHEMA, {"id": "1", "name": 5}),
    (USER_SCHEMA, []),
    ({"type": ["string", "null"]}, 5),
    ({"type": "integer"}, 1.5),
    ({"type": "number", "exclusiveMinimum": 5, "exclusiveMaximum": 10}, 10),
    ({"const": {"a": [1, 2]}}, {"a": [1, 2]}),
    ({"const": "x"}, "y"),
    ({"type": "array", "items": [{"type": "string"}, {"type": "number"}], "additionalItems": False}, ["a", 1, 2]),
    ({"type": "array", "items": [{"type": "string"}], "additionalItems": {"type": "boolean"}}, ["a", True, 3]),
    ({"type": "array", "contains": {"type": "integer", "minimum": 5}}, [1, 2, 3]),
    ({"type": "array", "minItems": 2}, [1]),
    ({"type": "object", "minProperties": 2, "maxProperties": 3}, {"a": 1}),
    ({"type": "object", "maxProperties": 1}, {"a": 1, "b": 2}),
    ({"type": "object", "dependencies": {"card": ["billing", "cvv"], "x": {"required": ["y"]}}}, {"card": 1, "x": 1}),
    ({"type": "object", "propertyNames": {"pattern": "^[a-z]+$"}}, {"ok": 1, "Bad": 2}),
    ({"type": "object", "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": False}, {"x-a": 1, "y": 2}),
    ({"anyOf": [{"type": "string"}, {"type": "number", "minimum": 10}]}, 5),
    ({"anyOf": [{"type": "string"}, {"type": "number"}]}, 5),
    ({"oneOf": [{"type": "number"}, {"type": "integer"}]}, 5),
    ({"oneOf": [{"type": "string"}, {"type": "boolean"}]}, 5),
    ({"allOf": [{"type": "number"}, {"minimum": 10}]}, 5),
    ({"not": {"type": "string"}}, "s"),
    ({"if": {"properties": {"kind": {"const": "a"}}}, "then": {"required": ["a"]}, "else": {"required": ["b"]}}, {"kind": "a"}),
    ({"if": {"properties": {"kind": {"const": "a"}}}, "then": {"required": ["a"]}, "else": {"required": ["b"]}}, {"kind": "z"}),
    ({"type": "object", "properties": {"a": False}}, {"a": 1}),
    ({"$id": "http://example.com/root.json", "definitions": {"pos": {"$id": "#pos", "type": "integer", "minimum": 0}},
      "type": "array", "items": {"$ref": "#pos"}}, [1, -1]),
    ({"definitions": {"node": {"type": "object", "properties": {"child": {"$ref": "#/definitions/node"}, "v": {"type": "number"}}}},
      "$ref": "#/definitions/node"}, {"v": 1, "child": {"v": "x"}}),
    ({"type": "string", "format": "date"}, "2024-02-30"),
    ({"type": "string", "format": "date-time"}, "2024-02-10T10:00:00Z"),
    ({"type": "string", "format": "date-time"}, "2024-02-10 25:00:00"),
    ({"type": "string", "format": "uri"}, "not a uri"),
    ({"type": "string", "format": "uri"}, "https://example.com/a?b=c"),
    ({"type": "string", "format": "uuid"}, "123e4567-e89b-12d3-a456-426614174000"),
    ({"type": "string", "format": "uuid"}, "123e4567"),
    ({"type": "string", "format": "ipv4"}, "256.1.1.1"),
    ({"type": "string", "format": "ipv6"}, "2001:db8::1"),
    ({"type": "string", "format": "ipv6"}, "2001:db8:::1"),
    ({"type": "string", "format": "hostname"}, "my-host.example.com"),
    ({"type": "string", "format": "hostname"}, "-bad-.com"),
    ({"type": "string", "format": "email"}, "a.b+c@sub.example.org"),
    ({"type": "string", "pattern": "^\\d+$", "minLength": 3}, "ab"),
    ({"type": "object", "properties": {"a/b": {"type": "string"}, "c~d": {"type": "string"}}}, {"a/b": 1, "c~d": 2}),
    (True, 1),
    (False, 1),
]


def _ajv_case(schema: object, data: object, all_errors: bool, module: str = "ajv") -> str:
    return (
        "(function(){ var Ajv = require('" + module + "'); var ajv = new Ajv({allErrors: " + json.dumps(all_errors) + ", strict: false});"
        " if ('" + module + "' !== 'ajv6' && typeof require('ajv-formats') === 'function') require('ajv-formats')(ajv);"
        " var v = ajv.compile(" + json.dumps(schema) + "); var ok = v(" + json.dumps(data) + ");"
        " return [ok, v.errors, ajv.errorsText(v.errors)]; })()"
    )


def _tv4_case(schema: object, data: object, multiple: bool) -> str:
    if multiple:
        body = ("var r = tv4.validateMultiple(" + json.dumps(data) + ", " + json.dumps(schema) + ");"
                " return [r.valid, r.errors.map(function (e) { return [e.code, e.message, e.dataPath, e.schemaPath, e.params]; })];")
    else:
        body = ("var ok = tv4.validate(" + json.dumps(data) + ", " + json.dumps(schema) + "); var e = tv4.error;"
                " return [ok, e && [e.code, e.message, e.dataPath, e.schemaPath, e.params, (e.subErrors || []).map(function (s) { return s.message; })]];")
    return "(function(){ var tv4 = require('tv4'); " + body + " })()"


# Postman bundles Ajv 6: `require('ajv')` is that flavour; the Ajv 8 flavour is "__pmr_ajv8".
AJV6_OURS = [_ajv_case(s, d, a, "ajv") for s, d in SCHEMAS_AND_DATA for a in (False, True)]
AJV6_REAL = [_ajv_case(s, d, a, "ajv6") for s, d in SCHEMAS_AND_DATA for a in (False, True)]
AJV8_OURS = [_ajv_case(s, d, a, "__pmr_ajv8") for s, d in SCHEMAS_AND_DATA for a in (False, True)]
AJV8_REAL = [_ajv_case(s, d, a, "ajv") for s, d in SCHEMAS_AND_DATA for a in (False, True)]
# tv4 is draft-04: skip the draft-06/07-only schemas and booleans
DRAFT4 = [
    (s, d) for s, d in SCHEMAS_AND_DATA
    if isinstance(s, dict) and not any(k in json.dumps(s) for k in ('"const"', '"contains"', '"propertyNames"', '"if"', '"$id"', '"exclusiveM', '": false}}'))
]
TV4_CASES = [_tv4_case(s, d, m) for s, d in DRAFT4 for m in (False, True)]

# shim so the same case text runs in our sandbox, where formats are built in
_OURS_PRELUDE = "__pmr_define('ajv-formats', function () { return null; });"


def _ours(cases: list[str]) -> list:
    return run_ours(["(function(){ " + _OURS_PRELUDE + " return 0; })()"] + cases, FILES)[1:]


def test_literal_results() -> None:
    cases = [
        _ajv_case({"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}}, {"a": 1}, False, "__pmr_ajv8"),
        _ajv_case({"type": "object", "required": ["a", "b"]}, {}, True, "__pmr_ajv8"),
        _tv4_case({"type": "object", "properties": {"a": {"type": "string"}}}, {"a": 1}, False),
        _tv4_case({"required": ["id"]}, {}, False),
        "(function(){ var Ajv = require('ajv'); return new Ajv().validate({type: 'string', format: 'email'}, 'x@y.io'); })()",
        _ajv_case({"type": "object", "properties": {"list": {"type": "array", "items": {"type": "string"}}, "x y": {"type": "string"}}},
                  {"list": ["a", 1], "x y": 2}, True, "ajv"),
        "(function(){ var Ajv = require('ajv'); var a = new Ajv(); a.addFormat('even', function (s) { return s.length % 2 === 0; });"
        " var v = a.compile({type: 'string', format: 'even'}); return [v('ab'), v('abc')]; })()",
        "(function(){ var Ajv = require('ajv'); var a = new Ajv(); a.addSchema({$id: 'http://x/item.json', type: 'integer'});"
        " return [a.validate({type: 'array', items: {$ref: 'http://x/item.json'}}, [1, 'z']), a.errors[0].instancePath, a.errors[0].dataPath]; })()",
        "(function(){ var tv4 = require('tv4'); tv4.addSchema('http://x/s.json', {type: 'string'});"
        " return [tv4.validate(5, {$ref: 'http://x/s.json'}), tv4.validate(5, {$ref: 'http://nowhere/s.json'}), tv4.missing.length]; })()",
    ]
    assert _ours(cases) == [
        [False, [{"instancePath": "/a", "schemaPath": "#/properties/a/type", "keyword": "type",
                  "params": {"type": "string"}, "message": "must be string"}], "data/a must be string"],
        [False, [
            {"instancePath": "", "schemaPath": "#/required", "keyword": "required", "params": {"missingProperty": "a"},
             "message": "must have required property 'a'"},
            {"instancePath": "", "schemaPath": "#/required", "keyword": "required", "params": {"missingProperty": "b"},
             "message": "must have required property 'b'"},
        ], "data must have required property 'a', data must have required property 'b'"],
        [False, [0, "Invalid type: number (expected string)", "/a", "/properties/a/type", {"type": "number", "expected": "string"}, []]],
        [False, [302, "Missing required property: id", "", "/required/0", {"key": "id"}, []]],
        True,
        [False, [
            {"keyword": "type", "dataPath": ".list[1]", "schemaPath": "#/properties/list/items/type", "params": {"type": "string"},
             "message": "should be string"},
            {"keyword": "type", "dataPath": "['x y']", "schemaPath": "#/properties/x%20y/type", "params": {"type": "string"},
             "message": "should be string"},
        ], "data.list[1] should be string, data['x y'] should be string"],
        [True, False],
        [False, "/1", "[1]"],
        [False, True, 1],
    ]


def test_strict_mode_and_bad_schema_are_clear_errors() -> None:
    cases = [
        "(function(){ var Ajv = require('__pmr_ajv8'); try { new Ajv({strict: true}).compile({type: 'string', example: 'x'}); } catch (e) { return e.message; } })()",
        "(function(){ var Ajv = require('ajv'); try { new Ajv().compile({type: 'string', format: 'foo'}); } catch (e) { return e.message; } })()",
        "(function(){ var Ajv = require('ajv'); try { new Ajv().compile(5); } catch (e) { return e.message; } })()",
        "(function(){ var Ajv = require('ajv'); return new Ajv().compile({type: 'string', example: 'x'})('s'); })()",
        "(function(){ var Ajv = require('ajv'); try { new Ajv().compile({$ref: '#/definitions/nope'}); } catch (e) { return e.message; } })()",
        "(function(){ var Ajv = require('ajv'); try { return new Ajv().validate({$schema: 'http://json-schema.org/draft-04/schema#', type: 'string'}, 's'); } catch (e) { return e.message; } })()",
        "new (require('ajv'))().validate({$schema: 'http://json-schema.org/draft-07/schema#', type: 'string'}, 's')",
    ]
    assert _ours(cases) == [
        'strict mode: unknown keyword: "example"',
        'unknown format "foo" is used in schema at path "#"',
        "schema must be object or boolean",
        True,
        "can't resolve reference #/definitions/nope from id #",
        'no schema with key or ref "http://json-schema.org/draft-04/schema#"',
        True,
    ]


@pytest.mark.conformance
def test_ajv_same_as_ajv6_bundled_by_postman() -> None:
    theirs = run_node(AJV6_REAL, {"ajv6": "ajv6@npm:ajv@6.12.5", "ajv-formats": "ajv-formats@3"})
    assert_same(AJV6_OURS, _ours(AJV6_OURS), theirs)


@pytest.mark.conformance
def test_ajv8_flavour_same_as_ajv8() -> None:
    theirs = run_node(AJV8_REAL, {"ajv": "ajv@8", "ajv-formats": "ajv-formats@3"})
    assert_same(AJV8_OURS, _ours(AJV8_OURS), theirs)


@pytest.mark.conformance
def test_tv4_same_as_tv4() -> None:
    assert_same(TV4_CASES, _ours(TV4_CASES), run_node(TV4_CASES, {"tv4": "tv4@1"}))
