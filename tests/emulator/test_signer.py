"""rs256-signer.js (our jsrsasign stand-in) in V8, and IMS signature checking with public keys."""

from __future__ import annotations

import json
import time

import jwt
import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from py_mini_racer import JSEvalException

from aep_emulator import running_emulator
from aep_emulator.app import SIGNER_JS
from tests.emulator.conftest import jwt_claims
from tests.emulator.jsrun import new_js

LIB = SIGNER_JS.read_text(encoding="utf-8")
# the way the tutorial loads it: eval inside a function scope after faking browser globals
LOADER = """function signWith(lib, alg, header, payload, pem) {
  var navigator = {}; var window = {};
  eval(lib);
  return KJUR.jws.JWS.sign(alg, header, payload, pem);
}"""


def _pem(key, fmt) -> str:
    return key.private_bytes(serialization.Encoding.PEM, fmt, serialization.NoEncryption()).decode()


@pytest.fixture(scope="module")
def js():
    with new_js() as mr:
        mr.eval(LOADER)
        yield mr


@pytest.mark.parametrize("fmt", [serialization.PrivateFormat.PKCS8, serialization.PrivateFormat.TraditionalOpenSSL])
def test_signatures_verify_with_pyjwt(js, rsa_key, fmt):
    payload = {"iss": "O@AdobeOrg", "text": "héllo ☃ 😀", "n": 1}
    token = js.call("signWith", LIB, "RS256", json.dumps({"alg": "RS256"}), json.dumps(payload), _pem(rsa_key, fmt))
    assert jwt.get_unverified_header(token) == {"alg": "RS256"}
    assert jwt.decode(token, rsa_key.public_key(), algorithms=["RS256"]) == payload
    # deterministic: over the same bytes, PKCS#1 v1.5 signatures equal the reference implementation's
    reference = jwt.api_jws.PyJWS().encode(json.dumps(payload).encode(), rsa_key, algorithm="RS256",
                                           headers={"alg": "RS256"})
    _resign_compare(js, rsa_key, reference)


def _resign_compare(js, rsa_key, reference: str) -> None:
    """Sign exactly the reference's header and payload bytes; the signatures must be equal."""
    import base64

    def unb64(part: str) -> str:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode()

    head, body, ref_sig = reference.split(".")
    ours = js.call("signWith", LIB, "RS256", unb64(head), unb64(body),
                   _pem(rsa_key, serialization.PrivateFormat.PKCS8))
    assert ours.split(".")[:2] == [head, body]
    assert ours.split(".")[2] == ref_sig


def test_objects_null_alg_and_other_key_sizes(js):
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    pem = _pem(key, serialization.PrivateFormat.PKCS8)
    js.eval("function signObjects(lib, pem) { var navigator = {}, window = {}; eval(lib); "
            "return KJUR.jws.JWS.sign(null, {alg: 'RS256'}, {a: [1, 2]}, pem); }")
    token = js.call("signObjects", LIB, pem)
    assert jwt.decode(token, key.public_key(), algorithms=["RS256"]) == {"a": [1, 2]}


def test_bad_keys_and_algorithms_raise_clear_errors(js, rsa_key):
    header = json.dumps({"alg": "RS256"})
    with pytest.raises(JSEvalException, match="no PEM private key"):
        js.call("signWith", LIB, "RS256", header, "{}", "not a key")
    with pytest.raises(JSEvalException, match="only RS256"):
        js.call("signWith", LIB, "HS256", header, "{}", _pem(rsa_key, serialization.PrivateFormat.PKCS8))
    encrypted = rsa_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.BestAvailableEncryption(b"pw")).decode()
    with pytest.raises(JSEvalException, match="encrypted"):
        js.call("signWith", LIB, "RS256", header, "{}", encrypted)


def test_ims_with_public_key_checks_signatures(js, rsa_key, public_pem, tmp_path):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    claims = jwt_claims("SIG@AdobeOrg", "sig-client")
    with running_emulator(data_dir=tmp_path, public_keys=(public_pem,)) as emu:
        url = emu.base_url + "/ims/exchange/jwt/"

        def post(token):
            return requests.post(url, files={"client_id": (None, "sig-client"), "client_secret": (None, "s"),
                                             "jwt_token": (None, token)})

        signed_by_js = js.call("signWith", LIB, "RS256", json.dumps({"alg": "RS256"}), json.dumps(claims),
                               _pem(rsa_key, serialization.PrivateFormat.TraditionalOpenSSL))
        r = post(signed_by_js)
        assert r.status_code == 200, r.text
        assert post(jwt.encode(claims, rsa_key, algorithm="RS256")).status_code == 200
        wrong = post(jwt.encode(claims, other, algorithm="RS256"))
        assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_signature"
        expired = post(jwt.encode(dict(claims, exp=int(time.time()) - 10), rsa_key, algorithm="RS256"))
        assert expired.json()["error"] == "invalid_token"


def test_jsrsasign_file_option_serves_the_given_file(tmp_path):
    fake = tmp_path / "jsrsasign.js"
    fake.write_text("var KJUR = {from: 'user file'};")
    with running_emulator(data_dir=tmp_path / "d", jsrsasign_path=fake) as emu:
        r = requests.get(emu.base_url + "/jsrsasign/jsrsasign-latest-all-min.js")
        assert r.text == "var KJUR = {from: 'user file'};"
