"""crypto-js hashes, HMAC and key derivation against Python's hashlib / hmac.

Why: scripts sign requests with CryptoJS.HmacSHA256 and friends; a single wrong bit in
our own implementation would break every signed request, so each algorithm is checked
on many inputs, especially lengths around the padding block boundaries.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random

import pytest

from tests.sandbox.test_lib_crypto_helpers import (
    BOUNDARY_LENGTHS,
    evp_bytes_to_key,
    js_json,
    keccak,
    keccak_hmac,
    libs,
)

PY_HASHES = {
    "MD5": "md5",
    "SHA1": "sha1",
    "SHA224": "sha224",
    "SHA256": "sha256",
    "SHA384": "sha384",
    "SHA512": "sha512",
    "RIPEMD160": "ripemd160",
}

UNICODE_STRINGS = ["", "a", "abc", "héllo wörld", "€uro ∑ 漢字", "emoji 😀🚀 mixed",
                   "x" * 1000, "Zß" * 37]


@pytest.fixture(scope="module")
def mr():
    with libs() as ctx:
        ctx.eval("var CryptoJS = require('crypto-js');")
        yield ctx


def random_inputs(seed: int | str) -> list[bytes]:
    rng = random.Random(seed)
    return [rng.randbytes(n) for n in BOUNDARY_LENGTHS] + [rng.randbytes(rng.randrange(2000)) for _ in range(5)]


def py_digest(algo: str, data: bytes) -> bytes:
    if algo.startswith("SHA3-"):
        return keccak(data, int(algo[5:]))
    return hashlib.new(PY_HASHES[algo], data).digest()


def js_hash_hex(mr, expr: str, hex_inputs: list[str]) -> list[str]:
    """Apply `expr` (a JS function of a WordArray) to each hex input, return hex digests."""
    return js_json(mr, json.dumps(hex_inputs) + ".map(function (h) { return (" + expr
                   + ")(CryptoJS.enc.Hex.parse(h)).toString(); })")


def test_keccak_reference_is_sound():
    # The Python Keccak reference with FIPS padding must equal hashlib's SHA-3, and with
    # original padding the published Keccak-256("") vector.
    for data in random_inputs(1)[:12]:
        assert keccak(data, 256, pad=0x06) == hashlib.sha3_256(data).digest()
        assert keccak(data, 512, pad=0x06) == hashlib.sha3_512(data).digest()
    assert keccak(b"", 256).hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"


@pytest.mark.parametrize("algo", list(PY_HASHES))
def test_hash_random_bytes(mr, algo):
    inputs = random_inputs(algo)
    got = js_hash_hex(mr, f"CryptoJS.{algo}", [d.hex() for d in inputs])
    assert got == [py_digest(algo, d).hex() for d in inputs]


@pytest.mark.parametrize("bits", [224, 256, 384, 512])
def test_sha3_is_original_keccak(mr, bits):
    inputs = random_inputs(bits)
    got = js_hash_hex(mr, "function (w) { return CryptoJS.SHA3(w, {outputLength: " + str(bits) + "}); }",
                      [d.hex() for d in inputs])
    assert got == [keccak(d, bits).hex() for d in inputs]
    # and it is NOT FIPS-202 SHA-3 (crypto-js 3.x behaviour scripts rely on)
    assert got[2] != hashlib.new(f"sha3_{bits}", inputs[2]).hexdigest()


def test_sha3_default_output_is_512(mr):
    assert js_json(mr, "CryptoJS.SHA3('abc').toString()") == keccak(b"abc", 512).hex()
    assert js_json(mr, "CryptoJS.algo.SHA3.create({outputLength: 256}).finalize('abc').toString()") == \
        keccak(b"abc", 256).hex()


@pytest.mark.parametrize("algo", list(PY_HASHES) + ["SHA3"])
def test_hash_utf8_strings(mr, algo):
    got = js_json(mr, json.dumps(UNICODE_STRINGS) + f".map(function (s) {{ return CryptoJS.{algo}(s).toString(); }})")
    py_algo = "SHA3-512" if algo == "SHA3" else algo
    assert got == [py_digest(py_algo, s.encode("utf-8")).hex() for s in UNICODE_STRINGS]


def test_hash_output_encodings(mr):
    data = "The quick brown fox"
    digest = hashlib.sha256(data.encode()).digest()
    assert js_json(mr, "CryptoJS.SHA256('The quick brown fox').toString(CryptoJS.enc.Base64)") == \
        base64.b64encode(digest).decode()
    assert js_json(mr, "CryptoJS.enc.Base64.stringify(CryptoJS.SHA256('The quick brown fox'))") == \
        base64.b64encode(digest).decode()
    assert js_json(mr, "CryptoJS.SHA256('The quick brown fox').toString(CryptoJS.enc.Hex)") == digest.hex()
    assert js_json(mr, "CryptoJS.SHA256('The quick brown fox') + ''") == digest.hex()
    assert js_json(mr, "[CryptoJS.SHA224('').sigBytes, CryptoJS.SHA384('').sigBytes, CryptoJS.MD5('').words.length]") == \
        [28, 48, 4]


HMAC_KEY_LENGTHS = [0, 1, 16, 20, 63, 64, 65, 71, 72, 73, 127, 128, 129, 300]


@pytest.mark.parametrize("algo", list(PY_HASHES))
def test_hmac_random(mr, algo):
    rng = random.Random(algo)
    cases = [(rng.randbytes(k), rng.randbytes(rng.choice(BOUNDARY_LENGTHS))) for k in HMAC_KEY_LENGTHS]
    payload = json.dumps([[k.hex(), m.hex()] for k, m in cases])
    got = js_json(mr, payload + f".map(function (c) {{ return CryptoJS.Hmac{algo}("
                  "CryptoJS.enc.Hex.parse(c[1]), CryptoJS.enc.Hex.parse(c[0])).toString(); })")
    assert got == [hmac.new(k, m, PY_HASHES[algo]).hexdigest() for k, m in cases]


def test_hmac_sha3(mr):
    rng = random.Random(3)
    cases = [(rng.randbytes(k), rng.randbytes(rng.choice(BOUNDARY_LENGTHS))) for k in HMAC_KEY_LENGTHS]
    payload = json.dumps([[k.hex(), m.hex()] for k, m in cases])
    got = js_json(mr, payload + ".map(function (c) { return CryptoJS.HmacSHA3("
                  "CryptoJS.enc.Hex.parse(c[1]), CryptoJS.enc.Hex.parse(c[0])).toString(); })")
    assert got == [keccak_hmac(k, m).hex() for k, m in cases]


def test_hmac_string_key_and_message_are_utf8(mr):
    key, msg = "sécret-ключ", "GET\n/path?x=1\n€"
    got = js_json(mr, f"CryptoJS.HmacSHA256({json.dumps(msg)}, {json.dumps(key)}).toString(CryptoJS.enc.Base64)")
    assert got == base64.b64encode(hmac.new(key.encode(), msg.encode(), "sha256").digest()).decode()


def test_progressive_hashing_matches_one_shot(mr):
    rng = random.Random(7)
    data = rng.randbytes(3000)
    cuts = sorted(rng.sample(range(1, 3000), 25))
    chunks = [data[a:b].hex() for a, b in zip([0, *cuts], [*cuts, 3000], strict=True)]
    for algo in ["MD5", "SHA1", "SHA256", "SHA512", "RIPEMD160"]:
        got = js_json(mr, f"(function () {{ var h = CryptoJS.algo.{algo}.create();"
                      f"{json.dumps(chunks)}.forEach(function (c) {{ h.update(CryptoJS.enc.Hex.parse(c)); }});"
                      "return h.finalize().toString(); })()")
        assert got == hashlib.new(PY_HASHES[algo], data).hexdigest(), algo
    got = js_json(mr, f"(function () {{ var h = CryptoJS.algo.SHA3.create();"
                  f"{json.dumps(chunks)}.forEach(function (c) {{ h.update(CryptoJS.enc.Hex.parse(c)); }});"
                  "return h.finalize().toString(); })()")
    assert got == keccak(data, 512).hex()
    got = js_json(mr, f"(function () {{ var h = CryptoJS.algo.HMAC.create(CryptoJS.algo.SHA256, 'k');"
                  f"{json.dumps(chunks)}.forEach(function (c) {{ h.update(CryptoJS.enc.Hex.parse(c)); }});"
                  "return h.finalize().toString(); })()")
    assert got == hmac.new(b"k", data, "sha256").hexdigest()


def test_hasher_update_with_strings_and_finalize_message(mr):
    got = js_json(mr, "CryptoJS.algo.SHA256.create().update('ab').update('c€').finalize('d').toString()")
    assert got == hashlib.sha256("abc€d".encode()).hexdigest()


def test_hmac_reset_and_hasher_clone(mr):
    got = js_json(mr, "(function () { var h = CryptoJS.algo.HMAC.create(CryptoJS.algo.SHA1, 'key');"
                  "var a = h.finalize('one').toString(); h.reset(); var b = h.finalize('two').toString();"
                  "var s = CryptoJS.algo.SHA256.create().update('prefix-'); var c = s.clone();"
                  "return [a, b, s.finalize('x').toString(), c.finalize('y').toString()]; })()")
    assert got == [
        hmac.new(b"key", b"one", "sha1").hexdigest(),
        hmac.new(b"key", b"two", "sha1").hexdigest(),
        hashlib.sha256(b"prefix-x").hexdigest(),
        hashlib.sha256(b"prefix-y").hexdigest(),
    ]


PBKDF2_CASES = [
    # (hasher or None for the default, keySize in words, iterations, password, salt)
    (None, None, None, "password", "salt"),
    ("SHA1", 8, 1000, "password", "salt"),
    ("SHA256", 8, 1000, "pässwörd", "NaCl"),
    ("SHA256", 5, 3, "p", ""),
    ("SHA512", 16, 50, "longer password " * 10, "s" * 70),
    ("MD5", 9, 7, "", "salt"),
    ("SHA224", 10, 2, "abc", "def"),
    ("SHA384", 13, 4, "abc", "def"),
]


@pytest.mark.parametrize("hasher,key_size,iterations,password,salt", PBKDF2_CASES)
def test_pbkdf2_matches_hashlib(mr, hasher, key_size, iterations, password, salt):
    cfg = {}
    if key_size is not None:
        cfg["keySize"] = key_size
    if iterations is not None:
        cfg["iterations"] = iterations
    cfg_js = json.dumps(cfg)[:-1] + (f', "hasher": CryptoJS.algo.{hasher}' if hasher else "") + "}"
    cfg_js = cfg_js.replace("{, ", "{")
    got = js_json(mr, f"CryptoJS.PBKDF2({json.dumps(password)}, {json.dumps(salt)}, {cfg_js}).toString()")
    # crypto-js 3.3.0 (what Postman ships): SHA1, one iteration, 128-bit key by default.
    want = hashlib.pbkdf2_hmac(
        (hasher or "SHA1").lower(), password.encode(), salt.encode(), iterations or 1, (key_size or 4) * 4
    )
    assert got == want.hex()


def test_pbkdf2_wordarray_salt_and_algo_form(mr):
    salt = bytes(range(16))
    got = js_json(mr, f"CryptoJS.algo.PBKDF2.create({{keySize: 256/32, iterations: 10, hasher: CryptoJS.algo.SHA256}})"
                  f".compute('pw', CryptoJS.enc.Hex.parse('{salt.hex()}')).toString()")
    assert got == hashlib.pbkdf2_hmac("sha256", b"pw", salt, 10, 32).hex()


def test_evpkdf_is_openssl_bytes_to_key(mr):
    salt = bytes.fromhex("0102030405060708")
    got = js_json(mr, f"CryptoJS.EvpKDF('secret', CryptoJS.enc.Hex.parse('{salt.hex()}'), {{keySize: 12}}).toString()")
    key, iv = evp_bytes_to_key(b"secret", salt)
    assert got == (key + iv).hex()
