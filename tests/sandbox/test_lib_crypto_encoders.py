"""crypto-js encoders and WordArray against Python's bytes / base64 / codecs.

Why: every hash and cipher result reaches the script through an encoder
(`toString(CryptoJS.enc.Base64)`), and scripts build keys with `enc.Hex.parse` /
`enc.Utf8.parse`; a wrong byte order or a lost tail byte corrupts signatures.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random

import pytest

from tests.sandbox.test_lib_crypto_helpers import js_json, libs


@pytest.fixture(scope="module")
def mr():
    with libs() as ctx:
        ctx.eval("var CryptoJS = require('crypto-js');")
        yield ctx


def random_blobs() -> list[bytes]:
    rng = random.Random(11)
    return [rng.randbytes(n) for n in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 31, 32, 33, 100, 257]]


def py_encode(name: str, data: bytes) -> str:
    if name == "Hex":
        return data.hex()
    if name == "Base64":
        return base64.b64encode(data).decode()
    if name == "Base64url":
        return base64.urlsafe_b64encode(data).decode().rstrip("=")
    if name == "Latin1":
        return data.decode("latin-1")
    # crypto-js turns an odd trailing byte into a unit whose other byte is zero
    padded = data + b"\0" * (len(data) % 2)
    if name in ("Utf16", "Utf16BE"):
        return padded.decode("utf-16-be", "surrogatepass")
    return padded.decode("utf-16-le", "surrogatepass")


ENCODERS = ["Hex", "Base64", "Base64url", "Latin1", "Utf16", "Utf16BE", "Utf16LE"]


@pytest.mark.parametrize("name", ENCODERS)
def test_stringify_matches_python(mr, name):
    blobs = random_blobs()
    got = js_json(mr, json.dumps([b.hex() for b in blobs])
                  + f".map(function (h) {{ return CryptoJS.enc.{name}.stringify(CryptoJS.enc.Hex.parse(h)); }})")
    assert got == [py_encode(name, b) for b in blobs]


@pytest.mark.parametrize("name", ENCODERS)
def test_parse_round_trips(mr, name):
    blobs = random_blobs()
    if name.startswith("Utf16"):
        blobs = [b[: len(b) // 2 * 2] for b in blobs]
    texts = [py_encode(name, b) for b in blobs]
    got = js_json(mr, json.dumps(texts) + f".map(function (t) {{ return CryptoJS.enc.{name}.parse(t).toString(); }})")
    assert got == [b.hex() for b in blobs]


def test_utf8_both_ways(mr):
    texts = ["", "plain", "héllo", "€∑漢字", "😀 astral 🚀", "\u0000nul", "mixed ß ✓ 🙂 end"]
    got = js_json(mr, json.dumps(texts) + ".map(function (t) { var w = CryptoJS.enc.Utf8.parse(t);"
                  " return [w.toString(), w.sigBytes, CryptoJS.enc.Utf8.stringify(w)]; })")
    assert got == [[t.encode().hex(), len(t.encode()), t] for t in texts]


def test_utf8_stringify_rejects_malformed_bytes(mr):
    got = js_json(mr, "(function () { try { return CryptoJS.enc.Hex.parse('c328ff').toString(CryptoJS.enc.Utf8); }"
                  " catch (e) { return 'threw: ' + e.message; } })()")
    assert got == "threw: Malformed UTF-8 data"


def test_base64_parse_stops_at_padding_and_base64url_accepts_padding(mr):
    got = js_json(mr, "[CryptoJS.enc.Base64.parse('YWJj').toString(CryptoJS.enc.Latin1),"
                  " CryptoJS.enc.Base64.parse('YWI=').toString(CryptoJS.enc.Latin1),"
                  " CryptoJS.enc.Base64.parse('YQ==garbage').toString(CryptoJS.enc.Latin1),"
                  " CryptoJS.enc.Base64url.parse('-_8').toString(),"
                  " CryptoJS.enc.Base64url.parse('-_8=').toString(),"
                  " CryptoJS.enc.Base64url.stringify(CryptoJS.enc.Hex.parse('fbff'), false)]")
    assert got == ["abc", "ab", "a", "fbff", "fbff", "+/8="]


def test_wordarray_create_concat_clamp_clone(mr):
    got = js_json(mr, """(function () {
        var WA = CryptoJS.lib.WordArray;
        var a = WA.create([0x01020304, 0x05060708], 6);
        var b = WA.create([0xaabbccdd], 3);
        var c = a.clone();
        a.concat(b);
        var d = WA.create([0x11223344, 0x55667788], 5);
        d.clamp();
        var fromBytes = WA.create(new Uint8Array([1, 2, 3, 4, 5]));
        var fromView = WA.create(new Uint16Array([0x0102]).buffer);
        var fromInit = new WA.init([0x41424344], 2);
        return [a.toString(), a.sigBytes, c.toString(), c.sigBytes, d.words, d.sigBytes,
                fromBytes.toString(), fromView.toString(), fromInit.toString(),
                WA.create().sigBytes, WA.create([1, 2]).sigBytes];
    })()""")
    assert got == ["010203040506aabbcc", 9, "010203040506", 6, [0x11223344, 0x55000000], 5,
                   "0102030405", "0201", "4142", 0, 8]


def test_wordarray_random(mr):
    got = js_json(mr, "[CryptoJS.lib.WordArray.random(16).toString(), CryptoJS.lib.WordArray.random(16).toString(),"
                  " CryptoJS.lib.WordArray.random(7).sigBytes, CryptoJS.lib.WordArray.random(7).toString().length]")
    assert len(got[0]) == 32 and got[0] != got[1]
    assert got[2:] == [7, 14]


def test_hashes_accept_wordarrays_built_by_scripts(mr):
    got = js_json(mr, "CryptoJS.MD5(CryptoJS.enc.Latin1.parse('\\u00ff\\u00fe')).toString()")
    assert got == hashlib.md5(b"\xff\xfe").hexdigest()
