"""The sandbox `buffer`, `atob` and `btoa` modules against Python's bytes.

Why: scripts build auth headers (`Buffer.from(user + ':' + pass).toString('base64')`)
and decode tokens with these; each encoding must round-trip byte-exactly, and the
lenient edges must behave like Newman's (observed with Newman 6: `btoa('\u20ac')` is
"rA==", bad UTF-8 gives one U+FFFD per byte, hex parsing stops at the first bad pair).
"""

from __future__ import annotations

import base64
import json
import random
import struct

import pytest

from tests.sandbox.test_lib_crypto_helpers import js_json, libs


@pytest.fixture(scope="module")
def mr():
    with libs() as ctx:
        ctx.eval("var Buffer = require('buffer').Buffer, atob = require('atob'), btoa = require('btoa');")
        yield ctx


def blobs(seed: int = 3) -> list[bytes]:
    rng = random.Random(seed)
    return [rng.randbytes(n) for n in [0, 1, 2, 3, 4, 5, 16, 17, 255, 1000]] + [bytes(range(256))]


def py_to_string(data: bytes, encoding: str) -> str:
    if encoding == "hex":
        return data.hex()
    if encoding == "base64":
        return base64.b64encode(data).decode()
    if encoding == "base64url":
        return base64.urlsafe_b64encode(data).decode().rstrip("=")
    if encoding in ("latin1", "binary"):
        return data.decode("latin-1")
    if encoding == "ascii":
        return bytes(b & 0x7F for b in data).decode("ascii")
    if encoding in ("utf16le", "ucs2"):
        return data[: len(data) // 2 * 2].decode("utf-16-le", "surrogatepass")
    raise AssertionError(encoding)


BYTE_ENCODINGS = ["hex", "base64", "base64url", "latin1", "binary", "ascii", "utf16le", "ucs2"]


@pytest.mark.parametrize("encoding", BYTE_ENCODINGS)
def test_to_string_matches_python(mr, encoding):
    data = blobs()
    got = js_json(mr, json.dumps([d.hex() for d in data])
                  + f".map(function (h) {{ return Buffer.from(h, 'hex').toString('{encoding}'); }})")
    assert got == [py_to_string(d, encoding) for d in data]


@pytest.mark.parametrize("encoding", ["hex", "base64", "base64url", "latin1", "binary", "utf16le", "UTF16LE", "Hex"])
def test_from_string_round_trips(mr, encoding):
    data = blobs(4)
    if encoding.lower() == "utf16le":
        data = [d[: len(d) // 2 * 2] for d in data]
    texts = [py_to_string(d, encoding.lower()) for d in data]
    got = js_json(mr, json.dumps(texts) + f".map(function (t) {{ return Buffer.from(t, '{encoding}').toString('hex'); }})")
    assert got == [d.hex() for d in data]


def test_utf8_round_trip_of_valid_text(mr):
    rng = random.Random(8)
    alphabet = [chr(c) for c in [*range(0x20, 0x7F), 0xE9, 0x20AC, 0x4E2D, 0xFFFD, 0x1F600, 0x10FFFF, 0x7FF, 0x800]]
    texts = ["", "a", "héllo €"] + ["".join(rng.choice(alphabet) for _ in range(rng.randrange(60))) for _ in range(30)]
    got = js_json(mr, json.dumps(texts) + ".map(function (t) { var b = Buffer.from(t);"
                  " return [b.toString('hex'), b.length, Buffer.byteLength(t), b.toString(), b.toString('utf-8')]; })")
    assert got == [[t.encode().hex(), len(t.encode()), len(t.encode()), t, t] for t in texts]


def test_lone_surrogates_encode_as_replacement(mr):
    assert js_json(mr, "Buffer.from('a\\ud800b\\udc00').toString('hex')") == "61efbfbd62efbfbd"


def py_newman_utf8(data: bytes) -> str:
    """One U+FFFD per byte that does not start a complete valid sequence (Newman's rule)."""
    out, i = [], 0
    while i < len(data):
        b0 = data[i]
        n = 4 if b0 > 0xEF else 3 if b0 > 0xDF else 2 if b0 > 0xBF else 1
        chunk = data[i:i + n]
        try:
            if len(chunk) < n or (n == 1 and b0 >= 0x80):
                raise UnicodeDecodeError("utf-8", chunk, 0, 1, "incomplete")
            out.append(chunk.decode("utf-8"))
            i += n
        except UnicodeDecodeError:
            out.append("\ufffd")
            i += 1
    return "".join(out)


def test_utf8_decoding_of_malformed_bytes(mr):
    rng = random.Random(12)
    tricky = [b"\xe2\x82\x41\xf0\x9f\x98\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe0\x80\xaf",
              b"\xf0\x9f\x98", b"\xff\xfe", b"ok\xc3"]
    pool = [0x41, 0x80, 0xBF, 0xC2, 0xC0, 0xE0, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF, 0x82, 0x9F, 0xA0]
    data = tricky + [bytes(rng.choice(pool) for _ in range(rng.randrange(1, 30))) for _ in range(60)]
    got = js_json(mr, json.dumps([d.hex() for d in data]) + ".map(function (h) { return Buffer.from(h, 'hex').toString(); })")
    assert got == [py_newman_utf8(d) for d in data]
    assert got[0] == "\ufffd\ufffdA" + "\ufffd" * 5  # observed with Newman 6


def test_lenient_hex_and_base64_parsing(mr):
    got = js_json(mr, "[Buffer.from('abzz12', 'hex').toString('hex'), Buffer.from('abc', 'hex').toString('hex'),"
                  " Buffer.from('YW Jj-_==x', 'base64').toString('hex'), Buffer.from('YWJjZ', 'base64').toString(),"
                  " Buffer.from('-_8', 'base64').toString('hex'), Buffer.from('+/8=', 'base64url').toString('hex'),"
                  " Buffer.from('Q', 'base64').length]")
    assert got == ["ab", "ab", "616263fb", "abc", "fbff", "fbff", 0]


def test_btoa_atob(mr):
    latin = "".join(chr(c) for c in range(256))
    got = js_json(mr, f"[btoa({json.dumps(latin)}), atob(btoa({json.dumps(latin)})) === {json.dumps(latin)},"
                  " btoa('user:pass'), atob('dXNlcjpwYXNz'), btoa('\\u20ac'), btoa(123), atob('ab$c'), atob('YWJj ZA')]")
    assert got == [base64.b64encode(latin.encode("latin-1")).decode(), True, "dXNlcjpwYXNz", "user:pass",
                   "rA==", "MTIz", b"i\xb7".decode("latin-1"), "abcd"]


def test_atob_btoa_without_argument_throw_type_errors(mr):
    got = js_json(mr, "[(function () { try { atob(); } catch (e) { return e.name + ': ' + e.message; } })(),"
                  " (function () { try { btoa(); } catch (e) { return e.name; } })()]")
    assert got[0].startswith("TypeError: The first argument must be one of type string")
    assert got[1] == "TypeError"


def test_construction_and_identity(mr):
    got = js_json(mr, """(function () {
        var b = Buffer.from([1, 2, 300, -1]);
        var ab = new Uint8Array([9, 8, 7, 6]).buffer;
        var view = Buffer.from(ab, 1, 2);
        new Uint8Array(ab)[1] = 42;
        return [b.toString('hex'), b.length, b[2], b instanceof Uint8Array, Buffer.isBuffer(b),
                Buffer.isBuffer(new Uint8Array(2)), Buffer.isBuffer('x'), view.toString('hex'),
                Buffer.from(Buffer.from('abc')).toString(), Buffer('ab').toString(), new Buffer(3).length,
                Buffer.from({type: 'Buffer', data: [104, 105]}).toString(), Buffer.from(new String('hi')).toString(),
                Buffer.alloc(4).toString('hex'), Buffer.alloc(5, 'ab').toString(), Buffer.alloc(3, 255).toString('hex'),
                Buffer.allocUnsafe(6).length, Buffer.isEncoding('UTF-8'), Buffer.isEncoding('nope')];
    })()""")
    assert got == ["0102 2cff".replace(" ", ""), 4, 44, True, True, False, False, "2a07", "abc", "ab", 3,
                   "hi", "hi", "00000000", "ababa", "ffffff", 6, True, False]


def test_errors_are_one_line_and_typed(mr):
    cases = ["Buffer.from(5)", "Buffer.from('a', 'foo')", "Buffer.alloc(-1)", "Buffer.alloc(2).readUInt32BE(0)",
             "Buffer.alloc(2).writeUInt8(300, 0)", "Buffer.concat('x')", "Buffer.from(null)"]
    got = js_json(mr, json.dumps(cases) + ".map(function (c) { try { eval(c); return null; }"
                  " catch (e) { return e.name + ': ' + e.message; } })")
    assert got == [
        'TypeError: The "value" argument must not be of type number. Received type number',
        "TypeError: Unknown encoding: foo",
        'RangeError: The value "-1" is invalid for option "size"',
        "RangeError: Trying to access beyond buffer length",
        'RangeError: "value" argument is out of bounds',
        'TypeError: "list" argument must be an Array of Buffers',
        "TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or "
        "Array-like Object. Received type object",
    ]


def test_slices_share_memory_and_species_methods_stay_buffers(mr):
    got = js_json(mr, """(function () {
        var b = Buffer.from('abcdef');
        var s = b.slice(1, 3), t = b.subarray(-2);
        s[0] = 0x5a;
        var m = b.map(function (x) { return x + 1; });
        return [b.toString(), s.toString(), t.toString(), Buffer.isBuffer(s), Buffer.isBuffer(m), m.toString(),
                b.slice(4, 2).length, b.toString('utf8', 1, 3), b.toString('hex', -5, 100)];
    })()""")
    assert got == ["aZcdef", "Zc", "ef", True, True, "b[defg", 0, "Zc", "615a63646566"]


def test_concat_compare_equals_json_copy_write_fill_index(mr):
    got = js_json(mr, """(function () {
        var a = Buffer.from('abc'), b = Buffer.from('abd');
        var dst = Buffer.alloc(6, '.');
        var copied = a.copy(dst, 2);
        var w = Buffer.alloc(5);
        var n1 = w.write('h\\u20acllo');
        var w2 = Buffer.alloc(4);
        var n2 = w2.write('ff00', 1, 'hex');
        return [Buffer.concat([a, b]).toString(), Buffer.concat([a, b], 4).toString(), Buffer.concat([]).length,
                a.compare(b), b.compare(a), a.compare(Buffer.from('abc')), Buffer.compare(b, a), a.equals(Buffer.from('abc')),
                a.equals(b), JSON.stringify(a), a.toJSON().data, copied, dst.toString(), n1, w.toString('hex'),
                n2, w2.toString('hex'), Buffer.from('hello').indexOf('l'), Buffer.from('hello').lastIndexOf('l'),
                Buffer.from('hello').indexOf(Buffer.from('lo')), Buffer.from('hello').includes('x'),
                Buffer.from('hello').indexOf(0x65), Buffer.from('hello').fill('xy', 1).toString(),
                Buffer.from([1, 2, 3, 4]).swap16().toString('hex'), Buffer.from('abc').inspect()];
    })()""")
    assert got == ["abcabd", "abca", 0, -1, 1, 0, 1, True, False, '{"type":"Buffer","data":[97,98,99]}',
                   [97, 98, 99], 3, "..abc.", 5, "68e282ac6c", 2, "00ff0000", 2, 3, 3, False, 1, "hxyxy",
                   "02010403", "<Buffer 61 62 63>"]


INT_FORMATS = [
    ("UInt8", "B", 1), ("Int8", "b", 1),
    ("UInt16LE", "<H", 2), ("UInt16BE", ">H", 2), ("Int16LE", "<h", 2), ("Int16BE", ">h", 2),
    ("UInt32LE", "<I", 4), ("UInt32BE", ">I", 4), ("Int32LE", "<i", 4), ("Int32BE", ">i", 4),
    ("FloatLE", "<f", 4), ("FloatBE", ">f", 4), ("DoubleLE", "<d", 8), ("DoubleBE", ">d", 8),
]


@pytest.mark.parametrize("name,fmt,size", INT_FORMATS)
def test_numeric_read_write_match_struct(mr, name, fmt, size):
    rng = random.Random(name)
    raw = rng.randbytes(size * 4 + 3)
    offsets = [0, 1, 3, size * 3]
    reads = js_json(mr, f"(function () {{ var b = Buffer.from('{raw.hex()}', 'hex');"
                    f" return {json.dumps(offsets)}.map(function (o) {{ return b.read{name}(o); }}); }})()")
    want = [struct.unpack_from(fmt, raw, o)[0] for o in offsets]
    if name.startswith("Float"):
        assert reads == pytest.approx(want, rel=1e-7, nan_ok=True)
    else:
        assert reads == want
    values = [struct.unpack_from(fmt, rng.randbytes(size))[0] for _ in range(4)]
    values = [v for v in values if v == v]  # NaN payloads need not round-trip
    written = js_json(mr, f"(function () {{ return {json.dumps(values)}.map(function (v) {{"
                      f" var b = Buffer.alloc({size + 2}); var end = b.write{name}(v, 1);"
                      " return [end, b.toString('hex')]; }); })()")
    assert written == [[size + 1, (b"\0" + struct.pack(fmt, v) + b"\0").hex()] for v in values]


def test_variable_width_and_lowercase_aliases(mr):
    got = js_json(mr, """(function () {
        var b = Buffer.from('0102030405060708', 'hex');
        var w = Buffer.alloc(6);
        w.writeUIntBE(0x123456789a, 0, 5);
        return [b.readUIntBE(0, 6), b.readUIntLE(2, 3), b.readIntBE(0, 1), Buffer.from('ff80', 'hex').readIntLE(0, 2),
                b.readUint16BE(0), w.toString('hex'), Buffer.from('80000000', 'hex').readInt32BE(0)];
    })()""")
    assert got == [0x010203040506, 0x050403, 1, -32513, 0x0102, "123456789a00", -(2 ** 31)]


def test_module_shape(mr):
    got = js_json(mr, "[Object.keys(require('buffer')).sort(), typeof require('atob'), typeof require('btoa'),"
                  " require('buffer').kMaxLength, require('buffer').SlowBuffer(3).length]")
    assert got == [["Buffer", "INSPECT_MAX_BYTES", "SlowBuffer", "kMaxLength"], "function", "function", 2**31 - 1, 3]
