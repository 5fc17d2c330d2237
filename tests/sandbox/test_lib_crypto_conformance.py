"""Our crypto-js against the real crypto-js 3.3.0 (the version Postman's sandbox ships).

Why: beyond matching the standards, scripts depend on crypto-js's own quirks (SHA3 is
Keccak, CTR without carry, padding in stream modes, lenient Base64, PBKDF2 defaults).
Needs node + npm; skipped with the reason otherwise.
"""

from __future__ import annotations

import json

import pytest

from tests.sandbox.test_lib_crypto_helpers import libs, run_node, run_ours

PRELUDE = "var CryptoJS = require('crypto-js');"

STRINGS = ["", "abc", "héllo wörld €", "😀" * 3, "x" * 200]
HASHES = ["MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA3", "RIPEMD160"]

CASES: list[str] = []
for _name in HASHES:
    CASES.append(f"CryptoJS.{_name}(12345).toString()")
    CASES.append(f"CryptoJS.Hmac{_name}({{a: 1}}, 'k').toString()")
    CASES.append(f"CryptoJS.algo.{_name}.create().update('x'.repeat(70)).finalize(true).toString()")
    for _s in STRINGS:
        CASES.append(f"CryptoJS.{_name}({json.dumps(_s)}).toString()")
        CASES.append(f"CryptoJS.Hmac{_name}({json.dumps(_s)}, 'key ' + {json.dumps(_s)}).toString(CryptoJS.enc.Base64)")
for _bits in (224, 256, 384, 512):
    CASES.append(f"CryptoJS.SHA3('abc', {{outputLength: {_bits}}}).toString()")
    CASES.append(f"CryptoJS.SHA3(CryptoJS.enc.Hex.parse('{'ab' * 150}'), {{outputLength: {_bits}}}).toString()")
for _enc in ("Hex", "Base64", "Latin1", "Utf8", "Utf16", "Utf16LE"):
    for _s in STRINGS:
        CASES.append(f"CryptoJS.enc.Utf8.parse({json.dumps(_s)}).toString(CryptoJS.enc.{_enc})")
        CASES.append(f"CryptoJS.enc.{_enc}.parse(CryptoJS.enc.Utf8.parse({json.dumps(_s)}).toString(CryptoJS.enc.{_enc})).toString()")
CASES += [
    "CryptoJS.enc.Base64.parse('YW Jj!!ZA==').toString()",
    "CryptoJS.enc.Hex.parse('a1b2c').sigBytes",
    "CryptoJS.enc.Utf16.stringify(CryptoJS.enc.Hex.parse('00610062ff'))",
    "CryptoJS.PBKDF2('password', 'salt').toString()",
    "CryptoJS.PBKDF2('password', 'salt', {keySize: 8, iterations: 100, hasher: CryptoJS.algo.SHA256}).toString()",
    "CryptoJS.EvpKDF('password', 'saltsalt', {keySize: 12}).toString()",
    "CryptoJS.lib.WordArray.create([1, 2, 3], 9).toString()",
    # What scripts pass by accident: missing variables, numbers, objects.
    "CryptoJS.enc.Utf8.parse(12345).toString()",
    "CryptoJS.enc.Utf8.parse(undefined).toString()",
    "CryptoJS.HmacSHA256('m', undefined).toString()",
    "CryptoJS.HmacSHA256('m', 12345).toString()",
    "CryptoJS.HmacSHA256(undefined, 'k').toString()",
    "CryptoJS.SHA256(null).toString()",
    "CryptoJS.AES.encrypt('m', undefined).toString()",
    "CryptoJS.AES.decrypt(undefined, 'k').toString()",
    # garbage without a Salted__ header is decrypted with a random salt in both: only its type is stable
    "typeof CryptoJS.AES.decrypt('garbage', 'k').toString()",
    "JSON.stringify(CryptoJS.SHA1('a'))",
    "CryptoJS.SHA1('a') + ''",
    "CryptoJS.lib.WordArray.create([0x61626364], 3).concat(CryptoJS.lib.WordArray.create([0x65666768], 2)).toString()",
]
_KEY = "CryptoJS.enc.Hex.parse('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f')"
_IV = "CryptoJS.enc.Hex.parse('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff')"
for _mode in ("CBC", "ECB", "CFB", "OFB", "CTR"):
    for _pad in ("Pkcs7", "AnsiX923", "Iso97971", "ZeroPadding", "NoPadding"):
        _msg = "'exactly 32 bytes of plaintext!!'" if _pad == "NoPadding" else "'some text ✓'"
        CASES.append(f"CryptoJS.AES.encrypt({_msg}, {_KEY}, {{iv: {_IV}, mode: CryptoJS.mode.{_mode},"
                     f" padding: CryptoJS.pad.{_pad}}}).toString()")
CASES += [
    f"CryptoJS.AES.encrypt('no iv given', {_KEY}).toString()",
    f"CryptoJS.AES.encrypt('stream', {_KEY}, {{iv: {_IV}, mode: CryptoJS.mode.CTR, padding: CryptoJS.pad.NoPadding}}).toString()",
    "CryptoJS.AES.decrypt('U2FsdGVkX1+AAAAAAAAAAG5vdCBhIHJlYWwgY2lwaGVydGV4dA==', 'pw').sigBytes",
    f"CryptoJS.RC4.encrypt('rc4 text', {_KEY}).toString()",
    f"CryptoJS.DES.encrypt('des text', {_KEY}, {{iv: {_IV}}}).toString()",
    f"CryptoJS.Rabbit.encrypt('rabbit text that is long enough for two blocks', {_KEY}).toString()",
    f"CryptoJS.Rabbit.encrypt('rabbit', {_KEY}, {{iv: {_IV}}}).toString()",
    f"CryptoJS.RabbitLegacy.encrypt('rabbit text that is long enough for two blocks', {_KEY}).toString()",
    f"CryptoJS.RabbitLegacy.encrypt('rabbit', {_KEY}, {{iv: {_IV}}}).toString()",
    *[
        f"CryptoJS.AES.encrypt(CryptoJS.enc.Hex.parse('{'00' * 100}'), {_KEY}, {{iv: CryptoJS.enc.Hex.parse('{iv}'),"
        " mode: CryptoJS.mode.CTRGladman, padding: CryptoJS.pad.NoPadding}).toString()"
        for iv in ["fffffffe000000000000000000000000", "fffffffffffffffe0000000000000000", "ff00ff00123456780000000000000000"]
    ],
    "(function () { var X = CryptoJS.lib.BlockCipherMode.extend();"
    " X.Encryptor = X.extend({processBlock: function (w, o) { this._cipher.encryptBlock(w, o); w[o] ^= 0x01020304; }});"
    " X.Decryptor = X.extend({processBlock: function (w, o) { w[o] ^= 0x01020304; this._cipher.decryptBlock(w, o); }});"
    f" var c = CryptoJS.AES.encrypt('custom mode', {_KEY}, {{mode: X}});"
    f" return [c.toString(), CryptoJS.AES.decrypt(c, {_KEY}, {{mode: X}}).toString(CryptoJS.enc.Utf8)]; }})()",
    "CryptoJS.x64.WordArray.create([CryptoJS.x64.Word.create(1, 2), CryptoJS.x64.Word.create(3, 4)], 12).toX32().toString()",
    "(function () { var k = CryptoJS.enc.Hex.parse('000102030405060708090a0b0c0d0e0f');"
    " CryptoJS.Rabbit.encrypt('x', k); return k.toString(); })()",
    f"CryptoJS.TripleDES.encrypt('3des text', {_KEY}, {{iv: {_IV}, mode: CryptoJS.mode.CFB}}).toString()",
    f"CryptoJS.TripleDES.encrypt('short key', CryptoJS.enc.Hex.parse('0011223344556677'), {{iv: {_IV}}}).toString()",
    f"CryptoJS.RC4Drop.encrypt('rc4 text', {_KEY}, {{drop: 3}}).toString()",
]


def test_same_results_as_real_crypto_js():
    theirs = run_node(CASES)
    with libs() as mr:
        ours = run_ours(mr, CASES, PRELUDE)
    mismatches = [(c, o, t) for c, o, t in zip(CASES, ours, theirs, strict=True) if o != t]
    assert not mismatches, mismatches[:5]


def test_passphrase_ciphertexts_cross_decrypt():
    messages = ["", "short", "longer text ✓ with unicode " * 5]
    theirs = run_node([f"CryptoJS.AES.encrypt({json.dumps(m)}, 'shared pass').toString()" for m in messages])
    with libs() as mr:
        mr.eval(PRELUDE)
        ours_plain = [
            json.loads(mr.eval(f"JSON.stringify(CryptoJS.AES.decrypt({json.dumps(t['value'])}, 'shared pass')"
                               ".toString(CryptoJS.enc.Utf8))"))
            for t in theirs
        ]
        ours_cipher = [
            json.loads(mr.eval(f"JSON.stringify(CryptoJS.AES.encrypt({json.dumps(m)}, 'shared pass').toString())"))
            for m in messages
        ]
    assert ours_plain == messages
    back = run_node([f"CryptoJS.AES.decrypt({json.dumps(c)}, 'shared pass').toString(CryptoJS.enc.Utf8)"
                     for c in ours_cipher])
    assert [b["value"] for b in back] == messages


@pytest.mark.parametrize("path", ["", ".lib", ".enc", ".algo", ".mode", ".pad", ".format", ".kdf", ".x64"])
def test_public_surface_covers_real_crypto_js(path):
    theirs = run_node([f"Object.keys(CryptoJS{path}).sort()"])[0]["value"]
    with libs() as mr:
        ours = run_ours(mr, [f"Object.keys(CryptoJS{path}).sort()"], PRELUDE)[0]["value"]
    missing = set(theirs) - set(ours)
    assert not missing
