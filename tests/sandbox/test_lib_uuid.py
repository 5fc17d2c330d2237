"""The sandbox `uuid` module against Python's uuid module and npm uuid 9.

Why: Postman's `require('uuid')` is a callable v4 generator with `.v4`; scripts from
the wider npm world also call v1/v3/v5/validate/parse.  Name-based UUIDs must be
bit-identical to RFC 4122 (Python's uuid3/uuid5) because servers compare them.
"""

from __future__ import annotations

import json
import random
import re
import uuid as pyuuid

import pytest

from tests.sandbox.test_lib_crypto_helpers import js_json, libs, run_node, run_ours

V4_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@pytest.fixture(scope="module")
def mr():
    with libs() as ctx:
        ctx.eval("var uuid = require('uuid');")
        yield ctx


def test_module_is_callable_like_postman(mr):
    got = js_json(mr, "[typeof uuid, typeof uuid.v4, uuid(), uuid.v4()]")
    assert got[:2] == ["function", "function"]
    assert V4_RE.match(got[2]) and V4_RE.match(got[3]) and got[2] != got[3]


def test_v4_values_are_distinct_and_well_formed(mr):
    values = js_json(mr, "Array.from({length: 500}, function () { return uuid.v4(); })")
    assert len(set(values)) == 500
    assert all(V4_RE.match(v) for v in values)
    assert all(pyuuid.UUID(v).version == 4 and pyuuid.UUID(v).variant == pyuuid.RFC_4122 for v in values)


def test_v4_from_given_random_bytes(mr):
    rng = random.Random(2)
    randoms = [list(rng.randbytes(16)) for _ in range(20)]
    got = js_json(mr, json.dumps(randoms) + ".map(function (r) { return uuid.v4({random: r}); })")
    assert got == [str(pyuuid.UUID(bytes=bytes(r), version=4)) for r in randoms]


NAMES = ["", "example.com", "https://example.com/path?q=1", "héllo wörld", "😀", "x" * 300]
NAMESPACES = [pyuuid.NAMESPACE_DNS, pyuuid.NAMESPACE_URL, pyuuid.NAMESPACE_OID,
              pyuuid.UUID("a7c5e3f0-1234-4abc-9def-0123456789ab")]


@pytest.mark.parametrize("version", [3, 5])
def test_name_based_match_python(mr, version):
    pairs = [(n, str(ns)) for n in NAMES for ns in NAMESPACES]
    got = js_json(mr, json.dumps(pairs) + f".map(function (p) {{ return uuid.v{version}(p[0], p[1]); }})")
    make = pyuuid.uuid3 if version == 3 else pyuuid.uuid5
    assert got == [str(make(pyuuid.UUID(ns), n)) for n, ns in pairs]


def test_name_based_constants_and_byte_inputs(mr):
    got = js_json(mr, "[uuid.v3.DNS, uuid.v5.URL, uuid.v5([104, 105], uuid.v5.DNS),"
                  " uuid.v3('x', uuid.parse(uuid.v3.URL))]")
    assert got == [str(pyuuid.NAMESPACE_DNS), str(pyuuid.NAMESPACE_URL),
                   str(pyuuid.uuid5(pyuuid.NAMESPACE_DNS, "hi")), str(pyuuid.uuid3(pyuuid.NAMESPACE_URL, "x"))]


def py_v1(msecs: int, nsecs: int, clockseq: int, node: list[int]) -> str:
    ts = msecs * 10000 + nsecs + 0x01B21DD213814000
    fields = (ts & 0xFFFFFFFF, (ts >> 32) & 0xFFFF, ((ts >> 48) & 0x0FFF) | 0x1000,
              ((clockseq >> 8) & 0x3F) | 0x80, clockseq & 0xFF, int.from_bytes(bytes(node), "big"))
    return str(pyuuid.UUID(fields=fields))


def test_v1_fields_match_rfc_layout(mr):
    rng = random.Random(4)
    cases = [
        {"msecs": rng.randrange(0, 2**42), "nsecs": rng.randrange(10000), "clockseq": rng.randrange(0x4000),
         "node": list(rng.randbytes(6))}
        for _ in range(40)
    ] + [{"msecs": 0, "nsecs": 0, "clockseq": 0, "node": [0] * 6}]
    got = js_json(mr, json.dumps(cases) + ".map(function (o) { return uuid.v1(o); })")
    assert got == [py_v1(c["msecs"], c["nsecs"], c["clockseq"], c["node"]) for c in cases]


def test_v1_default_is_monotonic_with_multicast_node(mr):
    values = js_json(mr, "Array.from({length: 50}, function () { return uuid.v1(); })")
    parsed = [pyuuid.UUID(v) for v in values]
    assert all(u.version == 1 for u in parsed)
    assert len(set(values)) == 50
    assert all(u.node & (1 << 40) for u in parsed)  # random node id has the multicast bit
    times = [u.time for u in parsed]
    assert times == sorted(times)


def test_validate_version_parse_stringify_nil(mr):
    v4 = str(pyuuid.uuid4())
    got = js_json(mr, f"""(function () {{
        function err(f) {{ try {{ f(); return null; }} catch (e) {{ return e.name + ': ' + e.message; }} }}
        return [uuid.NIL, uuid.validate(uuid.NIL), uuid.validate('{v4}'), uuid.validate('{v4.upper()}'),
                uuid.validate('nope'), uuid.validate(42), uuid.version('{v4}'), uuid.version(uuid.v5('a', uuid.v5.DNS)),
                Array.from(uuid.parse('{v4}')), uuid.stringify(uuid.parse('{v4}')),
                err(function () {{ uuid.parse('nope'); }}), err(function () {{ uuid.version('x'); }}),
                err(function () {{ uuid.stringify([1, 2, 3]); }})];
    }})()""")
    assert got == [
        "00000000-0000-0000-0000-000000000000", True, True, True, False, False, 4, 5,
        list(pyuuid.UUID(v4).bytes), v4,
        "TypeError: Invalid UUID", "TypeError: Invalid UUID", "TypeError: Stringified UUID is invalid",
    ]


def test_write_into_buffer(mr):
    got = js_json(mr, "(function () { var b = new Array(20).fill(0); uuid.v4({random: new Array(16).fill(255)}, b, 2);"
                  " return b; })()")
    assert got[:2] == [0, 0] and got[18:] == [0, 0]
    assert bytes(got[2:18]) == pyuuid.UUID(bytes=b"\xff" * 16, version=4).bytes


CONFORMANCE = [
    "uuid.v3('hello', uuid.v3.DNS)",
    "uuid.v5('hello', uuid.v5.URL)",
    "uuid.v5('h\\u00e9llo \\ud83d\\ude00', '1b671a64-40d5-491e-99b0-da01ff1f3341')",
    "uuid.v4({random: [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]})",
    "uuid.v1({msecs: 1700000000000, nsecs: 1234, clockseq: 0x1234, node: [1,2,3,4,5,6]})",
    "uuid.v1({msecs: 0, nsecs: 0, clockseq: 0, node: [0,0,0,0,0,0]})",
    "[uuid.validate('ffffffff-ffff-ffff-ffff-ffffffffffff'), uuid.validate(uuid.NIL), uuid.validate('x')]",
    "uuid.version('6ba7b810-9dad-11d1-80b4-00c04fd430c8')",
    "Array.from(uuid.parse('6ba7b810-9dad-11d1-80b4-00c04fd430c8'))",
    "uuid.parse('x')",
    "uuid.stringify([1,2,3])",
]


def test_same_results_as_npm_uuid():
    theirs = run_node(CONFORMANCE)
    with libs() as ctx:
        ours = run_ours(ctx, CONFORMANCE, "var uuid = require('uuid');")
    mismatches = [(c, o, t) for c, o, t in zip(CONFORMANCE, ours, theirs, strict=True) if o != t]
    assert not mismatches, mismatches
