"""crypto-js AES (every mode and padding, both directions) and RC4 against Python.

Why: scripts encrypt payloads with keys shared with a server; what we produce must
decrypt with a standard implementation (`cryptography`) and vice versa, including
crypto-js's OpenSSL "Salted__" passphrase format.
"""

from __future__ import annotations

import base64
import json
import os
import random

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

try:  # cryptography >= 43 keeps CFB/OFB/3DES in the "decrepit" package
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
    from cryptography.hazmat.decrepit.ciphers.modes import CFB, OFB
except ImportError:  # pragma: no cover - older cryptography
    from cryptography.hazmat.primitives.ciphers.algorithms import TripleDES
    from cryptography.hazmat.primitives.ciphers.modes import CFB, OFB

from tests.sandbox.test_lib_crypto_helpers import evp_bytes_to_key, js_json, libs, rc4

MODES = ["CBC", "ECB", "CFB", "OFB", "CTR"]
PADDINGS = ["Pkcs7", "AnsiX923", "Iso10126", "Iso97971", "ZeroPadding", "NoPadding"]
LENGTHS = [0, 1, 15, 16, 17, 31, 32, 33, 100]


@pytest.fixture(scope="module")
def mr():
    with libs() as ctx:
        ctx.eval("var CryptoJS = require('crypto-js');")
        yield ctx


def py_cipher(mode: str, key: bytes, iv: bytes) -> Cipher:
    mode_obj = {
        "CBC": lambda: modes.CBC(iv),
        "ECB": lambda: modes.ECB(),
        "CFB": lambda: CFB(iv),
        "OFB": lambda: OFB(iv),
        "CTR": lambda: modes.CTR(iv),
    }[mode]()
    return Cipher(algorithms.AES(key), mode_obj)


def py_pad(padding: str, data: bytes, rng: random.Random) -> bytes:
    n = 16 - len(data) % 16
    if padding == "Pkcs7":
        return data + bytes([n]) * n
    if padding == "AnsiX923":
        return data + b"\0" * (n - 1) + bytes([n])
    if padding == "Iso10126":
        return data + rng.randbytes(n - 1) + bytes([n])
    if padding == "Iso97971":
        data += b"\x80"
        return data + b"\0" * (-len(data) % 16)
    if padding == "ZeroPadding":
        return data + b"\0" * (-len(data) % 16)
    return data


def py_unpad(padding: str, data: bytes) -> bytes:
    if padding in ("Pkcs7", "AnsiX923", "Iso10126"):
        return data[: len(data) - data[-1]]
    if padding == "Iso97971":
        return data.rstrip(b"\0")[:-1]
    if padding == "ZeroPadding":
        return data.rstrip(b"\0")
    return data


def make_cases(mode: str, padding: str) -> list[dict]:
    rng = random.Random(mode + padding)
    cases = []
    for key_len in (16, 24, 32):
        for length in LENGTHS:
            if padding == "NoPadding" and mode in ("CBC", "ECB"):
                length -= length % 16  # block modes need whole blocks without padding
            msg = rng.randbytes(length)
            if padding == "ZeroPadding" and msg and msg[-1] == 0:
                msg = msg[:-1] + b"\x01"  # zero padding cannot keep trailing zeros
            iv = rng.randbytes(12) + rng.randrange(0, 0xF0000000).to_bytes(4, "big")
            cases.append({"key": rng.randbytes(key_len), "iv": iv, "msg": msg})
    return cases


def cfg_js(mode: str, padding: str) -> str:
    return f"{{iv: CryptoJS.enc.Hex.parse(c.iv), mode: CryptoJS.mode.{mode}, padding: CryptoJS.pad.{padding}}}"


def as_js(cases: list[dict], field: str = "msg") -> str:
    return json.dumps([{"key": c["key"].hex(), "iv": c["iv"].hex(), field: c[field].hex()} for c in cases])


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("padding", PADDINGS)
def test_aes_ours_encrypt_python_decrypts(mr, mode, padding):
    cases = make_cases(mode, padding)
    got = js_json(mr, as_js(cases) + ".map(function (c) { return CryptoJS.AES.encrypt("
                  "CryptoJS.enc.Hex.parse(c.msg), CryptoJS.enc.Hex.parse(c.key), " + cfg_js(mode, padding)
                  + ").ciphertext.toString(); })")
    for case, ct_hex in zip(cases, got, strict=True):
        ct = bytes.fromhex(ct_hex)
        if padding == "ZeroPadding":  # adds nothing to whole blocks
            assert len(ct) % 16 == 0 and len(ct) - 16 < len(case["msg"]) <= len(ct)
        elif padding != "NoPadding":
            assert len(ct) % 16 == 0 and len(ct) > len(case["msg"])  # crypto-js pads in every mode
        dec = py_cipher(mode, case["key"], case["iv"]).decryptor()
        plain = dec.update(ct) + dec.finalize()
        assert py_unpad(padding, plain) == case["msg"], (mode, padding, len(case["key"]), len(case["msg"]))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("padding", PADDINGS)
def test_aes_python_encrypt_ours_decrypts(mr, mode, padding):
    cases = make_cases(mode, padding)
    rng = random.Random(1)
    for case in cases:
        enc = py_cipher(mode, case["key"], case["iv"]).encryptor()
        case["ct"] = enc.update(py_pad(padding, case["msg"], rng)) + enc.finalize()
    got = js_json(mr, as_js(cases, "ct") + ".map(function (c) { return CryptoJS.AES.decrypt("
                  "{ciphertext: CryptoJS.enc.Hex.parse(c.ct)}, CryptoJS.enc.Hex.parse(c.key), "
                  + cfg_js(mode, padding) + ").toString(); })")
    assert got == [c["msg"].hex() for c in cases]


def test_aes_default_is_cbc_pkcs7_and_base64_ciphertext(mr):
    key, iv = os.urandom(32), os.urandom(16)
    msg = "hello wörld, a message longer than one block"
    got = js_json(mr, f"CryptoJS.AES.encrypt({json.dumps(msg)}, CryptoJS.enc.Hex.parse('{key.hex()}'),"
                  f" {{iv: CryptoJS.enc.Hex.parse('{iv.hex()}')}}).toString()")
    dec = py_cipher("CBC", key, iv).decryptor()
    plain = dec.update(base64.b64decode(got)) + dec.finalize()
    assert py_unpad("Pkcs7", plain).decode() == msg
    # The base64 string decrypts back (OpenSSL format without a salt).
    back = js_json(mr, f"CryptoJS.AES.decrypt({json.dumps(got)}, CryptoJS.enc.Hex.parse('{key.hex()}'),"
                   f" {{iv: CryptoJS.enc.Hex.parse('{iv.hex()}')}}).toString(CryptoJS.enc.Utf8)")
    assert back == msg


def test_ctr_increments_only_the_last_word(mr):
    # crypto-js's CTR adds one to the last 32-bit word of the counter without carrying.
    key = bytes(range(16))
    iv = bytes(range(100, 112)) + b"\xff\xff\xff\xff"
    msg = bytes(48)
    got = js_json(mr, f"CryptoJS.AES.encrypt(CryptoJS.enc.Hex.parse('{msg.hex()}'), CryptoJS.enc.Hex.parse('{key.hex()}'),"
                  f" {{iv: CryptoJS.enc.Hex.parse('{iv.hex()}'), mode: CryptoJS.mode.CTR,"
                  " padding: CryptoJS.pad.NoPadding}).ciphertext.toString()")
    counters = iv + iv[:12] + b"\0\0\0\0" + iv[:12] + b"\0\0\0\1"
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    assert got == (enc.update(counters) + enc.finalize()).hex()


def test_passphrase_encrypt_is_openssl_salted_format(mr):
    for msg in ["", "short", "a message that spans several AES blocks ✓ ✓ ✓", "x" * 1000]:
        password = "correct horse battery ☂"
        got = js_json(mr, f"(function () {{ var p = CryptoJS.AES.encrypt({json.dumps(msg)}, {json.dumps(password)});"
                      " return [p.toString(), p.key.toString(), p.iv.toString(), p.salt.toString(),"
                      " p.ciphertext.toString()]; })()")
        text, key_hex, iv_hex, salt_hex, ct_hex = got
        raw = base64.b64decode(text)
        assert raw[:8] == b"Salted__" and raw[8:16].hex() == salt_hex and raw[16:].hex() == ct_hex
        key, iv = evp_bytes_to_key(password.encode(), raw[8:16])
        assert (key.hex(), iv.hex()) == (key_hex, iv_hex)
        dec = py_cipher("CBC", key, iv).decryptor()
        assert py_unpad("Pkcs7", dec.update(raw[16:]) + dec.finalize()).decode() == msg


def test_passphrase_decrypt_of_openssl_output(mr):
    rng = random.Random(5)
    for msg in ["", "hi", "pässwörd-protected ✓" * 9]:
        salt = rng.randbytes(8)
        key, iv = evp_bytes_to_key(b"s3cret", salt)
        enc = py_cipher("CBC", key, iv).encryptor()
        blob = b"Salted__" + salt + enc.update(py_pad("Pkcs7", msg.encode(), rng)) + enc.finalize()
        got = js_json(mr, f"CryptoJS.AES.decrypt({json.dumps(base64.b64encode(blob).decode())}, 's3cret')"
                      ".toString(CryptoJS.enc.Utf8)")
        assert got == msg


def test_wrong_passphrase_does_not_return_the_message(mr):
    got = js_json(mr, "(function () { var c = CryptoJS.AES.encrypt('top secret text', 'right').toString();"
                  " try { return CryptoJS.AES.decrypt(c, 'wrong').toString(CryptoJS.enc.Utf8); }"
                  " catch (e) { return 'threw: ' + e.message; } })()")
    assert got != "top secret text"


def test_hex_format_and_cipher_params(mr):
    key, iv = os.urandom(16), os.urandom(16)
    got = js_json(mr, f"(function () {{ var k = CryptoJS.enc.Hex.parse('{key.hex()}'), iv = CryptoJS.enc.Hex.parse('{iv.hex()}');"
                  " var p = CryptoJS.AES.encrypt('data', k, {iv: iv, format: CryptoJS.format.Hex});"
                  " var hex = p.toString();"
                  " return [hex, p.ciphertext.toString(), p.toString(CryptoJS.format.OpenSSL),"
                  " CryptoJS.AES.decrypt(hex, k, {iv: iv, format: CryptoJS.format.Hex}).toString(CryptoJS.enc.Utf8),"
                  " CryptoJS.AES.decrypt(CryptoJS.lib.CipherParams.create({ciphertext: p.ciphertext}), k, {iv: iv})"
                  ".toString(CryptoJS.enc.Utf8), p.key === k, p.iv === iv]; })()")
    hex_text, ct_hex, b64_text, back1, back2, same_key, same_iv = got
    assert hex_text == ct_hex and base64.b64decode(b64_text).hex() == ct_hex
    assert back1 == back2 == "data" and same_key and same_iv


def test_progressive_encryptor_and_decryptor(mr):
    key, iv = os.urandom(32), os.urandom(16)
    msg = os.urandom(1000)
    chunks = [msg[i:i + 77].hex() for i in range(0, len(msg), 77)]
    got = js_json(mr, f"(function () {{ var k = CryptoJS.enc.Hex.parse('{key.hex()}'), iv = CryptoJS.enc.Hex.parse('{iv.hex()}');"
                  " var e = CryptoJS.algo.AES.createEncryptor(k, {iv: iv}), ct = CryptoJS.lib.WordArray.create();"
                  f" {json.dumps(chunks)}.forEach(function (c) {{ ct.concat(e.process(CryptoJS.enc.Hex.parse(c))); }});"
                  " ct.concat(e.finalize());"
                  " var d = CryptoJS.algo.AES.createDecryptor(k, {iv: iv}), pt = CryptoJS.lib.WordArray.create();"
                  " var cth = ct.toString();"
                  " for (var i = 0; i < cth.length; i += 90) pt.concat(d.process(CryptoJS.enc.Hex.parse(cth.substr(i, 90))));"
                  " pt.concat(d.finalize());"
                  " return [cth, pt.toString()]; })()")
    enc = py_cipher("CBC", key, iv).encryptor()
    assert got[0] == (enc.update(py_pad("Pkcs7", msg, random.Random())) + enc.finalize()).hex()
    assert got[1] == msg.hex()


def test_rc4_and_rc4drop(mr):
    rng = random.Random(9)
    for length in (0, 1, 5, 64, 301):
        key, msg = rng.randbytes(16), rng.randbytes(length)
        got = js_json(mr, f"(function () {{ var k = CryptoJS.enc.Hex.parse('{key.hex()}'), m = CryptoJS.enc.Hex.parse('{msg.hex()}');"
                      " return [CryptoJS.RC4.encrypt(m, k).ciphertext.toString(),"
                      " CryptoJS.RC4Drop.encrypt(m, k).ciphertext.toString(),"
                      " CryptoJS.RC4Drop.encrypt(m, k, {drop: 5}).ciphertext.toString(),"
                      f" CryptoJS.RC4.decrypt({{ciphertext: CryptoJS.enc.Hex.parse('{rc4(key, msg).hex()}')}}, k).toString()]; }})()")
        assert got == [rc4(key, msg).hex(), rc4(key, msg, drop=768).hex(), rc4(key, msg, drop=20).hex(), msg.hex()]


def test_rc4_passphrase_round_trip(mr):
    got = js_json(mr, "(function () { var c = CryptoJS.RC4.encrypt('stream me', 'pw');"
                  " return [c.toString(), CryptoJS.RC4.decrypt(c.toString(), 'pw').toString(CryptoJS.enc.Utf8)]; })()")
    raw = base64.b64decode(got[0])
    key, _ = evp_bytes_to_key(b"pw", raw[8:16], key_len=32, iv_len=0)
    assert rc4(key, raw[16:]) == b"stream me" and got[1] == "stream me"


@pytest.mark.parametrize("algo", ["DES", "TripleDES"])
@pytest.mark.parametrize("mode", ["CBC", "ECB", "CFB", "OFB"])
def test_des_both_ways(mr, algo, mode):
    rng = random.Random(algo + mode)
    for length in (0, 1, 7, 8, 9, 40):
        key = rng.randbytes(8 if algo == "DES" else 24)
        iv, msg = rng.randbytes(8), rng.randbytes(length)
        # single DES is 3DES with the same key three times
        py_key = key * 3 if algo == "DES" else key
        mode_obj = {"CBC": modes.CBC(iv), "ECB": modes.ECB(), "CFB": CFB(iv), "OFB": OFB(iv)}[mode]
        py = Cipher(TripleDES(py_key), mode_obj)
        enc = py.encryptor()
        n = 8 - len(msg) % 8
        py_ct = enc.update(msg + bytes([n]) * n) + enc.finalize()
        cfg = (f"{{iv: CryptoJS.enc.Hex.parse('{iv.hex()}'), mode: CryptoJS.mode.{mode}}}")
        got = js_json(mr, f"(function () {{ var k = CryptoJS.enc.Hex.parse('{key.hex()}');"
                      f" return [CryptoJS.{algo}.encrypt(CryptoJS.enc.Hex.parse('{msg.hex()}'), k, {cfg}).ciphertext.toString(),"
                      f" CryptoJS.{algo}.decrypt({{ciphertext: CryptoJS.enc.Hex.parse('{py_ct.hex()}')}}, k, {cfg}).toString()]; }})()")
        assert got == [py_ct.hex(), msg.hex()], (algo, mode, length)


def test_triple_des_passphrase_round_trip(mr):
    got = js_json(mr, "(function () { var c = CryptoJS.TripleDES.encrypt('legacy ✓', 'pw').toString();"
                  " return [c, CryptoJS.TripleDES.decrypt(c, 'pw').toString(CryptoJS.enc.Utf8)]; })()")
    raw = base64.b64decode(got[0])
    key, iv = evp_bytes_to_key(b"pw", raw[8:16], key_len=24, iv_len=8)
    dec = Cipher(TripleDES(key), modes.CBC(iv)).decryptor()
    plain = dec.update(raw[16:]) + dec.finalize()
    assert plain[: -plain[-1]].decode() == "legacy ✓" and got[1] == "legacy ✓"


def test_rabbit_rfc4503_zero_key_vector_and_round_trip(mr):
    # RFC 4503 appendix A: all-zero key, no IV, first keystream block; crypto-js emits
    # each 16-byte block in reverse byte order.
    got = js_json(mr, "(function () { var z = CryptoJS.enc.Hex.parse('" + "00" * 16 + "');"
                  " var ct = CryptoJS.Rabbit.encrypt(CryptoJS.enc.Hex.parse('" + "00" * 16 + "'), z).ciphertext.toString();"
                  " var c = CryptoJS.Rabbit.encrypt('round trip ✓', 'pw').toString();"
                  " var d = CryptoJS.RabbitLegacy.encrypt('legacy', 'pw').toString();"
                  " return [ct, CryptoJS.Rabbit.decrypt(c, 'pw').toString(CryptoJS.enc.Utf8),"
                  " CryptoJS.RabbitLegacy.decrypt(d, 'pw').toString(CryptoJS.enc.Utf8)]; })()")
    assert bytes.fromhex(got[0])[::-1].hex() == "b15754f036a5d6ecf56b45261c4af702"
    assert got[1:] == ["round trip ✓", "legacy"]
