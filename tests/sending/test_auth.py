"""Every auth type against the real echo server; signatures verified with independent libraries."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import time
from urllib.parse import parse_qsl, quote, urlsplit

import jwt
import mohawk
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from oauthlib.oauth1.rfc5849 import endpoints, signature

from runner.auth import auth_params
from tests.sending.helpers import echoed, header


def _auth(kind: str, **params) -> dict:
    return {"type": kind, kind: [{"key": k, "value": v, "type": "string"} for k, v in params.items()]}


def _spec(url: str, auth: dict | None, method: str = "GET", headers: list | None = None,
          body: dict | None = None) -> dict:
    return {"method": method, "url": url, "header": headers or [], "body": body, "auth": auth}


def test_auth_params_accepts_v21_and_v20_shapes():
    assert auth_params(_auth("bearer", token="t")) == ("bearer", {"token": "t"})
    assert auth_params({"type": "bearer", "bearer": {"token": "t"}}) == ("bearer", {"token": "t"})
    assert auth_params(None) == ("noauth", {})


def test_basic_round_trip(sender, echo_url):
    ex = sender.send(_spec(f"{echo_url}/basic-auth/user/p%C3%A4ss", _auth("basic", username="user", password="päss")))
    assert ex.response.code == 401  # the URL segment is not decoded by the echo server: wrong password
    ex = sender.send(_spec(f"{echo_url}/basic-auth/user/pass", _auth("basic", username="user", password="pass")))
    assert ex.response.code == 200


def test_auth_replaces_explicit_authorization_and_moves_after_user_headers(sender, echo_url):
    headers = [{"key": "authorization", "value": "Explicit"}, {"key": "X-A", "value": "1"}]
    ex = sender.send(_spec(f"{echo_url}/echo", _auth("basic", username="u", password="p"), headers=headers))
    sent = echoed(ex)["headers"]
    assert [v for k, v in sent if k.lower() == "authorization"] == ["Basic dTpw"]
    keys = [k.lower() for k, _ in sent]
    assert keys.index("x-a") < keys.index("authorization") < keys.index("user-agent")


def test_bearer_without_token_keeps_explicit_header(sender, echo_url):
    headers = [{"key": "Authorization", "value": "Explicit"}]
    ex = sender.send(_spec(f"{echo_url}/echo", _auth("bearer", token=""), headers=headers))
    assert header(ex, "Authorization") == "Explicit"
    ex = sender.send(_spec(f"{echo_url}/echo", _auth("bearer", token="abc"), headers=headers))
    assert header(ex, "Authorization") == "Bearer abc"


def test_noauth_sends_nothing(sender, echo_url):
    assert header(sender.send(_spec(f"{echo_url}/echo", {"type": "noauth"})), "Authorization") is None


def test_apikey_header_and_query(sender, echo_url):
    ex = sender.send(_spec(f"{echo_url}/echo", _auth("apikey", key="X-Api-Key", value="k1"),
                           headers=[{"key": "x-api-key", "value": "mine"}]))
    assert [v for k, v in echoed(ex)["headers"] if k.lower() == "x-api-key"] == ["k1"]
    ex = sender.send(_spec(f"{echo_url}/echo?a=1&api key=old", _auth("apikey", key="api key", value="v w", **{"in": "query"})))
    assert echoed(ex)["query"] == [["a", "1"], ["api key", "v w"]]


def test_oauth2_header_prefix_and_query(sender, echo_url):
    ex = sender.send(_spec(f"{echo_url}/echo", _auth("oauth2", accessToken="T", headerPrefix="MAC")))
    assert header(ex, "Authorization") == "MAC T"
    ex = sender.send(_spec(f"{echo_url}/echo", _auth("oauth2", accessToken="T")))
    assert header(ex, "Authorization") == "Bearer T"
    ex = sender.send(_spec(f"{echo_url}/echo", _auth("oauth2", accessToken="T", addTokenTo="queryParams")))
    assert echoed(ex)["query"] == [["access_token", "T"]] and header(ex, "Authorization") is None


@pytest.mark.parametrize("qop, algorithm", [("auth", "MD5"), ("none", "MD5"), ("auth", "SHA-256")])
def test_digest_challenge_round_trip(sender, echo_url, qop, algorithm):
    url = f"{echo_url}/digest-auth/{qop}/user/pass/{algorithm}?x=1"
    ex = sender.send(_spec(url, _auth("digest", username="user", password="pass")))
    assert ex.response.code == 200, ex.response.header
    assert ex.request["header"][0]["key"] == "Authorization"
    assert ex.request["header"][0]["value"].startswith('Digest username="user"')
    assert echoed(ex)["headers"][0][0] == "Authorization"  # on the wire too, before system headers
    ex = sender.send(_spec(url, _auth("digest", username="user", password="wrong")))
    assert ex.response.code == 401


def test_digest_from_given_realm_and_nonce_needs_no_challenge(sender, echo_url):
    from tests.support.echo_server import _DIGEST_NONCE

    url = f"{echo_url}/digest-auth/auth/user/pass"
    params = {"username": "user", "password": "pass", "realm": "echo@test", "nonce": _DIGEST_NONCE, "qop": "auth"}
    ex = sender.send(_spec(url, _auth("digest", **params)))
    assert ex.response.code == 200
    params.update(nonce="stale", disableRetryRequest=True)
    ex = sender.send(_spec(url, _auth("digest", **params)))
    assert ex.response.code == 401


def _oauth_request(ex) -> object:
    seen = echoed(ex)
    headers = dict(seen["headers"])
    uri = "http://" + headers["Host"] + seen["url"]
    return endpoints.base.BaseEndpoint(object())._create_request(uri, seen["method"], seen["body"] or "", headers)


@pytest.mark.parametrize("method", ["HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512"])
def test_oauth1_hmac_signature_verifies(sender, echo_url, method):
    auth = _auth("oauth1", consumerKey="ck", consumerSecret="cs", token="tk", tokenSecret="ts",
                 signatureMethod=method, realm="r", addParamsToHeader=True)
    body = {"mode": "urlencoded", "urlencoded": [{"key": "b", "value": "2 3"}]}
    ex = sender.send(_spec(f"{echo_url}/echo?q=a%20b", auth, method="POST", body=body))
    request = _oauth_request(ex)
    assert request.signature_method == method and request.realm == "r"
    verify = {"HMAC-SHA1": signature.verify_hmac_sha1, "HMAC-SHA256": signature.verify_hmac_sha256,
              "HMAC-SHA512": signature.verify_hmac_sha512}[method]
    assert verify(request, "cs", "ts")
    assert not verify(request, "cs", "other")


def test_oauth1_given_nonce_timestamp_plaintext_and_query_placement(sender, echo_url):
    auth = _auth("oauth1", consumerKey="ck", consumerSecret="cs", signatureMethod="PLAINTEXT",
                 nonce="n0nce", timestamp="1700000000", addParamsToHeader=False)
    ex = sender.send(_spec(f"{echo_url}/echo", auth))
    query = dict(echoed(ex)["query"])
    assert query["oauth_nonce"] == "n0nce" and query["oauth_timestamp"] == "1700000000"
    assert header(ex, "Authorization") is None
    request = _oauth_request(ex)
    assert signature.verify_plaintext(request, "cs", None)


def test_oauth1_rsa_signature_verifies(sender, echo_url):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                           serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    auth = _auth("oauth1", consumerKey="ck", signatureMethod="RSA-SHA256", privateKey=pem)
    ex = sender.send(_spec(f"{echo_url}/echo?z=1", auth))
    assert signature.verify_rsa_sha256(_oauth_request(ex), public)


def test_oauth1_body_placement_and_body_hash(sender, echo_url):
    form = {"mode": "urlencoded", "urlencoded": [{"key": "b", "value": "ü 1"}]}
    auth = _auth("oauth1", consumerKey="ck", consumerSecret="cs", addParamsToHeader=False)
    ex = sender.send(_spec(f"{echo_url}/echo", auth, method="POST", body=form))
    body = dict(parse_qsl(echoed(ex)["body"]))
    assert body["b"] == "ü 1" and body["oauth_consumer_key"] == "ck"
    assert header(ex, "Content-Length") == str(len(echoed(ex)["body"].encode()))
    assert signature.verify_hmac_sha1(_oauth_request(ex), "cs", None)
    raw = {"mode": "raw", "raw": '{"k": "é"}', "options": {"raw": {"language": "json"}}}
    auth = _auth("oauth1", consumerKey="ck", consumerSecret="cs", includeBodyHash=True)
    ex = sender.send(_spec(f"{echo_url}/echo", auth, method="POST", body=raw))
    expected = base64.b64encode(hashlib.sha1('{"k": "é"}'.encode()).digest()).decode()
    assert f'oauth_body_hash="{quote(expected, safe="")}"' in header(ex, "Authorization")
    assert echoed(ex)["json"] == {"k": "é"}


def test_oauth1_add_empty_params_to_sign(sender, echo_url):
    auth = _auth("oauth1", consumerKey="ck", consumerSecret="cs", addEmptyParamsToSign=True)
    ex = sender.send(_spec(f"{echo_url}/echo", auth))
    assert 'oauth_token=""' in header(ex, "Authorization")
    assert signature.verify_hmac_sha1(_oauth_request(ex), "cs", None)


def test_awsv4_header_well_formed(sender, echo_url):
    auth = _auth("awsv4", accessKey="AKIDEXAMPLE", secretKey="secret", region="eu-west-1",
                 service="execute-api", sessionToken="sess")
    ex = sender.send(_spec(f"{echo_url}/echo", auth, method="POST", body={"mode": "raw", "raw": "{}"}))
    value = header(ex, "Authorization")
    match = re.fullmatch(r"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/(\d{8})/eu-west-1/execute-api/aws4_request, "
                         r"SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})", value)
    assert match, value
    assert "host" in match.group(2).split(";") and "x-amz-date" in match.group(2).split(";")
    assert header(ex, "X-Amz-Date").startswith(match.group(1))
    assert header(ex, "X-Amz-Security-Token") == "sess"
    assert header(ex, "X-Amz-Content-SHA256") == hashlib.sha256(b"{}").hexdigest()


@pytest.mark.parametrize("payload_hash", [True, False])
def test_hawk_verified_by_mohawk_receiver(sender, echo_url, payload_hash):
    auth = _auth("hawk", authId="id1", authKey="k3y", algorithm="sha256", extraData="some-ext",
                 app="app1", includePayloadHash=payload_hash)
    ex = sender.send(_spec(f"{echo_url}/echo?x=1", auth, method="POST",
                           body={"mode": "raw", "raw": "data", "options": {"raw": {"language": "text"}}}))
    seen = echoed(ex)
    credentials = {"id": "id1", "key": "k3y", "algorithm": "sha256"}
    receiver = mohawk.Receiver(lambda _id: credentials, header(ex, "Authorization"),
                               "http://" + header(ex, "Host") + seen["url"], seen["method"],
                               content=seen["body"], content_type=header(ex, "Content-Type"),
                               accept_untrusted_content=not payload_hash)
    assert receiver.parsed_header["ext"] == "some-ext" and receiver.parsed_header["app"] == "app1"
    assert ("hash" in receiver.parsed_header) == payload_hash


def test_hawk_given_timestamp_and_nonce(sender, echo_url):
    ts = str(int(time.time()))
    auth = _auth("hawk", authId="id1", authKey="k3y", algorithm="sha1", nonce="abc", timestamp=ts)
    value = header(sender.send(_spec(f"{echo_url}/echo", auth)), "Authorization")
    assert f'ts="{ts}"' in value and 'nonce="abc"' in value


def test_jwt_hs256_verified_with_pyjwt(sender, echo_url):
    auth = _auth("jwt", algorithm="HS256", secret="c2VjcmV0LWtleS0xMjM0NTY3ODkwMTIzNDU2Nzg5MDEyMw==",
                 isSecretBase64Encoded=True, payload='{"sub": "me", "n": 1}', header='{"kid": "k1"}')
    value = header(sender.send(_spec(f"{echo_url}/echo", auth)), "Authorization")
    assert value.startswith("Bearer ")
    token = value.split(" ", 1)[1]
    secret = base64.b64decode("c2VjcmV0LWtleS0xMjM0NTY3ODkwMTIzNDU2Nzg5MDEyMw==")
    assert jwt.decode(token, secret, algorithms=["HS256"]) == {"sub": "me", "n": 1}
    assert jwt.get_unverified_header(token)["kid"] == "k1"


def test_jwt_rs256_in_query(sender, echo_url):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    auth = _auth("jwt", algorithm="RS256", privateKey=pem, payload='{"a": true}', addTokenTo="queryParam",
                 queryParamKey="jwt")
    ex = sender.send(_spec(f"{echo_url}/echo", auth))
    token = dict(echoed(ex)["query"])["jwt"]
    assert jwt.decode(token, key.public_key(), algorithms=["RS256"]) == {"a": True}


def test_asap_token(sender, echo_url):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    auth = _auth("asap", alg="RS256", kid="svc/key1", iss="svc", aud="api", privateKey=pem)
    token = header(sender.send(_spec(f"{echo_url}/echo", auth)), "Authorization").split(" ", 1)[1]
    claims = jwt.decode(token, key.public_key(), algorithms=["RS256"], audience="api")
    assert claims["iss"] == "svc" and claims["exp"] > claims["iat"]
    assert jwt.get_unverified_header(token)["kid"] == "svc/key1"


def _edgegrid_expected(method: str, url: str, body: bytes, value: str, secret: str) -> str:
    """Recompute an EG1 signature from the header's own fields (Akamai's documented steps)."""
    prefix, _, sig = value.rpartition("signature=")
    fields = dict(part.split("=", 1) for part in prefix.split(" ", 1)[1].strip(";").split(";"))
    parts = urlsplit(url)
    body_hash = base64.b64encode(hashlib.sha256(body).digest()).decode() if method == "POST" and body else ""
    data = "\t".join([method, parts.scheme, parts.netloc, parts.path + ("?" + parts.query if parts.query else ""),
                      "", body_hash, prefix])
    signing_key = base64.b64encode(hmac.new(secret.encode(), fields["timestamp"].encode(), hashlib.sha256).digest())
    return base64.b64encode(hmac.new(signing_key, data.encode(), hashlib.sha256).digest()).decode()


def test_edgegrid_signature(sender, echo_url):
    auth = _auth("edgegrid", accessToken="akab-access", clientToken="akab-client", clientSecret="secret=",
                 nonce="nonce-1", timestamp="20240101T00:00:00+0000")
    ex = sender.send(_spec(f"{echo_url}/echo?a=1", auth, method="POST", body={"mode": "raw", "raw": "hello"}))
    value = header(ex, "Authorization")
    assert value.startswith("EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;"
                            "timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=")
    url = "http://" + header(ex, "Host") + echoed(ex)["url"]
    assert value.rsplit("signature=", 1)[1] == _edgegrid_expected("POST", url, b"hello", value, "secret=")


def test_unknown_or_broken_auth_is_a_warning(sender, echo_url):
    ex = sender.send(_spec(f"{echo_url}/echo", {"type": "kerberos", "kerberos": []}))
    assert ex.response.code == 200
    assert ex.warnings == ["auth type 'kerberos' is not supported; request sent without auth"]
    ex = sender.send(_spec(f"{echo_url}/echo", _auth("jwt", algorithm="RS256", privateKey="not a key")))
    assert ex.response.code == 200 and header(ex, "Authorization") is None
    assert len(ex.warnings) == 1 and ex.warnings[0].startswith("jwt auth failed:")
    assert "\n" not in ex.warnings[0]


def test_ntlm_handshake_against_real_acceptor(sender, echo_url, tmp_path, monkeypatch):
    """requests-ntlm's three legs, checked by pyspnego's NTLM acceptor on the server side."""
    users = tmp_path / "ntlm-users"
    users.write_text("CORP:alice:Passw0rd\n")
    monkeypatch.setenv("NTLM_USER_FILE", str(users))
    ex = sender.send(_spec(f"{echo_url}/ntlm", _auth("ntlm", username="alice", password="Passw0rd", domain="CORP")))
    assert ex.error is None and ex.response.code == 200
    assert {h["key"]: h["value"] for h in ex.response.header}["X-NTLM-User"].lower() == "corp\\alice"
    ex = sender.send(_spec(f"{echo_url}/ntlm", _auth("ntlm", username="alice", password="wrong", domain="CORP")))
    assert ex.response.code == 401
