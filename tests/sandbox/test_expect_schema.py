"""`.jsonSchema()` without an ajv module: the built-in validator against real ajv 6.

Why: Postman validates with ajv 6 and prints `ajv.errorsText()` in the failure message, so
our fallback must both decide like ajv and word its errors like ajv. Each (schema, data)
pair runs through our `expect(data).to.have.jsonSchema(schema)` in V8 and through real
ajv 6 under node (installed with npm into a cache folder; skipped without node/npm).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sandbox.test_expect_conformance import new_chai_v8

NPM_CACHE = Path(os.environ.get("PMREPLAY_NPM_CACHE", "/root/.cache/pmreplay-npm")) / "ajv6"
PREFIX = "expected data to satisfy schema but found following errors: \n"

# (schema, data)
CASES: list[tuple[object, object]] = [
    ({"type": "object"}, {"a": 1}),
    ({"type": "object"}, [1]),
    ({"type": "array"}, {}),
    ({"type": ["string", "null"]}, None),
    ({"type": ["string", "null"]}, 5),
    ({"type": "integer"}, 1.5),
    ({"type": "integer"}, 2.0),
    ({"type": "number"}, "1"),
    ({"type": "boolean"}, 0),
    ({"type": "null"}, False),
    ({"required": ["a", "b", "c"]}, {"b": 1}),
    ({"properties": {"a": {"type": "string"}, "b": {"type": "number"}}}, {"a": 1, "b": "x"}),
    ({"properties": {"a": {"properties": {"b": {"properties": {"c": {"type": "string"}}}}}}}, {"a": {"b": {"c": 3}}}),
    ({"properties": {"x-y": {"type": "string"}, "1a": {"type": "string"}}}, {"x-y": 1, "1a": 2}),
    ({"items": {"type": "integer"}}, [1, "a", 2.5]),
    ({"items": [{"type": "string"}, {"type": "number"}]}, [1, "x", True]),
    ({"items": [{"type": "string"}], "additionalItems": False}, ["a", "b"]),
    ({"properties": {"a": {}}, "additionalProperties": False}, {"a": 1, "b": 2, "c": 3}),
    ({"additionalProperties": {"type": "string"}}, {"a": "x", "b": 2}),
    ({"patternProperties": {"^n_": {"type": "number"}}}, {"n_1": "x", "s": 1}),
    ({"enum": ["a", "b"]}, "c"),
    ({"enum": [1, {"x": [1]}]}, {"x": [1]}),
    ({"const": 5}, 6),
    ({"minimum": 5, "maximum": 10}, 11),
    ({"minimum": 5}, 4),
    ({"exclusiveMinimum": 5}, 5),
    ({"exclusiveMaximum": 5}, 5),
    ({"multipleOf": 3}, 10),
    ({"multipleOf": 0.1}, 0.3),
    ({"minLength": 3}, "ab"),
    ({"maxLength": 3}, "abcd"),
    ({"pattern": "^[a-z]+$"}, "abC"),
    ({"format": "email"}, "not-an-email"),
    ({"format": "email"}, "a@b.co"),
    ({"format": "date-time"}, "2020-03-06T10:00:00Z"),
    ({"format": "date-time"}, "yesterday"),
    ({"format": "uri"}, "https://example.com/x?y=1"),
    ({"format": "uri"}, "no scheme"),
    ({"format": "uuid"}, "123e4567-e89b-12d3-a456-426614174000"),
    ({"format": "uuid"}, "123"),
    ({"format": "ipv4"}, "300.1.1.1"),
    ({"minItems": 2}, [1]),
    ({"maxItems": 1}, [1, 2]),
    ({"uniqueItems": True}, [1, 2, 1]),
    ({"uniqueItems": True}, [{"a": 1}, {"a": 1}]),
    ({"minProperties": 2}, {"a": 1}),
    ({"maxProperties": 1}, {"a": 1, "b": 2}),
    ({"anyOf": [{"type": "string"}, {"type": "number"}]}, True),
    ({"anyOf": [{"type": "string"}, {"type": "number"}]}, 5),
    ({"oneOf": [{"type": "number"}, {"type": "integer"}]}, 5),
    ({"oneOf": [{"type": "string"}, {"type": "integer"}]}, 5.5),
    ({"allOf": [{"type": "number"}, {"minimum": 3}]}, 2),
    ({"not": {"type": "string"}}, "x"),
    ({"definitions": {"pos": {"type": "number", "minimum": 0}},
      "properties": {"a": {"$ref": "#/definitions/pos"}}}, {"a": -1}),
    ({"dependencies": {"a": ["b", "c"]}}, {"a": 1}),
    ({"propertyNames": {"maxLength": 2}}, {"abc": 1, "ab": 2}),
    ({"contains": {"type": "string"}}, [1, 2]),
    ({"if": {"properties": {"kind": {"const": "x"}}}, "then": {"required": ["x"]}, "else": {"required": ["y"]}},
     {"kind": "x"}),
    ({"if": {"properties": {"kind": {"const": "x"}}}, "then": {"required": ["x"]}, "else": {"required": ["y"]}},
     {"kind": "z"}),
    ({"$schema": "http://json-schema.org/draft-07/schema#", "type": "string"}, 5),
    ({"$schema": "http://json-schema.org/draft-04/schema#", "type": "string"}, 5),
    ({"type": "object", "required": ["id", "name"],
      "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                     "tags": {"type": "array", "items": {"type": "string"}},
                     "meta": {"type": "object", "properties": {"created": {"type": "integer"}}}}},
     {"id": 1, "tags": ["a", 2], "meta": {"created": "yesterday"}}),
    # keyword order and ajv's quirks
    ({"type": "string", "enum": ["a"], "minLength": 3}, 5),
    ({"enum": ["abc"], "type": "string", "minLength": 3}, "x"),
    ({"type": "number", "minimum": 3, "not": {"type": "number"}}, 1),
    ({"anyOf": [{"type": "string"}], "type": "number", "minimum": 3}, 1),
    ({"required": ["a"], "minProperties": 3, "type": "object", "properties": {"b": {"type": "string"}},
      "additionalProperties": False}, {"b": 1, "c": 2}),
    ({"required": ["a"], "dependencies": {"b": ["z"]}, "properties": {"b": {"type": "string"}}}, {"b": 1}),
    ({"items": {"type": "string"}, "minItems": 5, "contains": {"const": 1}, "uniqueItems": True}, ["a", 2, "a"]),
    ({"properties": {"a": {"type": "string"}}, "patternProperties": {"^a": {"type": "number"}},
      "additionalProperties": False}, {"a": True, "b": 1}),
    ({"type": ["integer", "string"]}, 1.5),
    ({"format": "email", "type": "integer"}, "x"),
    ({"oneOf": [{"type": "number"}, {"type": "integer"}]}, 5),
    ({"uniqueItems": True}, [1, 2, 1, 1]),
    ({"uniqueItems": True, "items": {"type": "integer"}}, [1, 2, 1, 1]),
    ({"exclusiveMaximum": 3, "maximum": 2}, 5),
    ({"exclusiveMaximum": 2, "maximum": 3}, 5),
    ({"$schema": "http://json-schema.org/schema#", "type": "string"}, 5),
    ({"properties": {"a": {"type": "string"}, "b": {}}, "required": ["a", "b", "c"]}, {}),
    ({"properties": {"a": True}, "required": ["a"]}, {}),
    ({"properties": {"x y": {"type": "string"}, "it's": {"type": "string"}}}, {"x y": 1, "it's": 2}),
    ({"additionalProperties": {"type": "string"}}, {"it's": 1}),
    ({"items": [{"type": "string"}], "additionalItems": {"type": "number"}}, ["a", "b"]),
    ({"const": {"a": [1]}}, {"a": [1]}),
    ({"$ref": "#/definitions/missing"}, 1),
    ({"$ref": "#/definitions/s", "definitions": {"s": {"type": "array", "items": {"$ref": "#/definitions/s"}}}},
     [[], [[1]]]),
    # broken schemas: ajv refuses them before validating
    ({"type": "strng"}, 1),
    ({"properties": {"a": {"type": "int"}}}, {"a": 1}),
    ({"properties": {"a": {"type": "string", "required": True}}}, {"a": 1}),
    ({"type": "object", "properties": {"a": {"type": "string"}}, "required": "a"}, {"a": 1}),
    ({"type": ["string", "nul"]}, 1),
    ({"items": {"type": "x"}}, [1]),
    ({"minimum": "3"}, 1),
    ({"minLength": -1}, "x"),
    ({"enum": "a"}, "a"),
    ({"anyOf": []}, 1),
    ({"format": "foo"}, "x"),
    ({"properties": {"a": {"format": "foo"}}}, {"a": "x"}),
    ({"items": [{}, {"format": "bar"}]}, []),
    ({"$schema": "http://json-schema.org/draft-07/schema#", "title": 5}, 1),
    ({"title": "ok", "description": "fine", "$comment": "c", "examples": [1], "default": 3, "type": "integer"}, 1),
    (True, 5),
    (False, 5),
    ({}, None),
]


def ours(cases: list[tuple[object, object]]) -> list[dict]:
    with new_chai_v8() as mr:
        code = (
            "JSON.stringify(" + json.dumps([[s, d] for s, d in cases]) + ".map(function (c) {"
            " try { __pmr_chai.expect(c[1]).to.have.jsonSchema(c[0]); return {ok: true}; }"
            " catch (e) { return {ok: false, name: e.name, message: String(e.message)}; } }))"
        )
        return json.loads(mr.eval(code))


NODE_MAIN = r"""
const Ajv = require('ajv');
const cases = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const out = cases.map(function (c) {
  const schema = c[0], data = c[1];
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    return {ok: false, name: 'AssertionError', message: 'not an object'};
  }
  try {
    const ajv = new Ajv({allErrors: true, logger: false});
    const valid = ajv.validate(schema, data);
    if (valid && !ajv.errors) return {ok: true};
    return {ok: false, name: 'AssertionError', message: PREFIX + ajv.errorsText()};
  } catch (e) {
    return {ok: false, name: e.name, message: e.message};
  }
});
process.stdout.write(JSON.stringify(out));
"""


def ajv6_dir() -> Path | None:
    if not shutil.which("node") or not shutil.which("npm"):
        return None
    if (NPM_CACHE / "node_modules" / "ajv" / "package.json").exists():
        return NPM_CACHE
    NPM_CACHE.mkdir(parents=True, exist_ok=True)
    pkg = NPM_CACHE / "package.json"
    if not pkg.exists():
        pkg.write_text('{"name": "pmreplay-ajv6-cache", "private": true}\n', encoding="utf-8")
    proc = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "ajv@6"],
                          cwd=NPM_CACHE, capture_output=True, text=True, timeout=300)
    return NPM_CACHE if proc.returncode == 0 else None


def test_builtin_validator_matches_ajv6(tmp_path):
    folder = ajv6_dir()
    if folder is None:
        pytest.skip("node/npm not available (or npm could not install ajv@6): cannot compare with real ajv")
    cases_file = tmp_path / "cases.json"
    cases_file.write_text(json.dumps([[s, d] for s, d in CASES]), encoding="utf-8")
    script = tmp_path / "run.js"
    script.write_text(f"const PREFIX = {json.dumps(PREFIX)};\n" + NODE_MAIN, encoding="utf-8")
    env = dict(os.environ, NODE_PATH=str(folder / "node_modules"))
    proc = subprocess.run(["node", str(script), str(cases_file)], capture_output=True, text=True,
                          timeout=120, env=env, check=True)
    theirs = json.loads(proc.stdout)
    mine = ours(CASES)
    # a boolean schema is not an object: Postman's own pre-check rejects it before ajv runs
    mismatches = []
    for (schema, data), o, t in zip(CASES, mine, theirs, strict=True):
        if not isinstance(schema, dict):
            assert o["ok"] is False and o["message"].endswith("to be an object"), (schema, o)
            continue
        if o != t:
            mismatches.append({"schema": schema, "data": data, "ours": o, "ajv6": t})
    assert mismatches == [], json.dumps(mismatches, indent=1)
    assert sum(t["ok"] for t in theirs) >= 8
    assert sum(not t["ok"] for t in theirs) >= 40


FORMATS = ["date", "time", "date-time", "uri", "uri-reference", "uri-template", "url", "email", "hostname",
           "ipv4", "ipv6", "uuid", "regex", "json-pointer", "relative-json-pointer"]
FORMAT_SAMPLES = [
    "", "a", "2020-03-06", "2020-13-45", "2020-03-06T10:00:00Z", "2020-03-06 10:00:00+01:00",
    "2020-03-06T10:00:00.123+0100", "2020-03-06T25:00:00Z", "10:00:00", "10:00:00Z", "23:59:60", "24:00:00",
    "https://example.com/a?b=c#d", "http://127.0.0.1:8080", "http://8.8.8.8/x", "ftp://user:pw@files.example.org:21/f",
    "mailto:a@b.c", "urn:isbn:123", "//host/path", "/relative/path", "path with space", "a:b", "#frag", "http://a b",
    "http://{host}/x{?q,r}", "http://x/{+path:10}", "a@b.co", "a.b@c", "a@b", "user+tag@example.org", "@b.com",
    "a@-b.com", "localhost", "ex-ample.com", "-bad.com", "a" * 64 + ".com", "host_name", "192.168.0.1", "256.1.1.1",
    "1.2.3", "01.2.3.4", "::1", "2001:db8::8a2e:370:7334", "1::2::3", "fe80::1%eth0", "::ffff:192.168.1.1", "g::1",
    "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "123e4567-e89b-12d3-a456-426614174000",
    "urn:uuid:123e4567-e89b-12d3-a456-426614174000", "123e4567e89b12d3a456426614174000", "[a-z", "^\\d+$",
    "(?<n>x)", "a\\Z", "/a/b", "/a~1b/~0", "/a~2", "0/a", "1#", "~1",
]


def test_formats_match_ajv6(tmp_path):
    folder = ajv6_dir()
    if folder is None:
        pytest.skip("node/npm not available (or npm could not install ajv@6): cannot compare with real ajv")
    script = tmp_path / "formats.js"
    script.write_text(
        "const Ajv = require('ajv');\n"
        f"const formats = {json.dumps(FORMATS)}, samples = {json.dumps(FORMAT_SAMPLES)};\n"
        "const ajv = new Ajv({allErrors: true, logger: false});\n"
        "process.stdout.write(JSON.stringify(formats.map(f => { const check = ajv.compile({format: f});"
        " return samples.map(s => check(s)); })));\n",
        encoding="utf-8",
    )
    env = dict(os.environ, NODE_PATH=str(folder / "node_modules"))
    theirs = json.loads(subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=60,
                                       env=env, check=True).stdout)
    with new_chai_v8() as mr:
        ours = json.loads(mr.eval(
            f"JSON.stringify({json.dumps(FORMATS)}.map(function (f) {{ return {json.dumps(FORMAT_SAMPLES)}.map("
            "function (s) { try { __pmr_chai.expect(s).to.have.jsonSchema({format: f}); return true; }"
            " catch (e) { return e.name === 'AssertionError' ? false : 'error ' + e.message; } }); }))"
        ))
    diffs = [(f, s, o, t) for f, orow, trow in zip(FORMATS, ours, theirs, strict=True)
             for s, o, t in zip(FORMAT_SAMPLES, orow, trow, strict=True) if o != t]
    assert diffs == []
    assert sum(v is True for row in theirs for v in row) > 100


def test_builtin_validator_examples_without_node():
    """A few fixed expectations, so the fallback is checked even where node is missing."""
    got = ours([
        ({"type": "object", "required": ["id"], "properties": {"n": {"type": "integer"}}}, {"n": "x"}),
        ({"items": {"type": "string"}}, ["a", "b"]),
    ])
    assert got[0] == {"ok": False, "name": "AssertionError",
                      "message": PREFIX + "data should have required property 'id', data.n should be integer"}
    assert got[1] == {"ok": True}
