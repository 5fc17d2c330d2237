"""Gateway checks, IMS token endpoints, and that orgs and sandboxes never see each other's data."""

from __future__ import annotations

from urllib.parse import quote

import jwt
import requests

from tests.emulator.conftest import Platform, jwt_claims
from tests.emulator.tutorial import SR, build

STATS = f"{SR}/stats"


def test_gateway_error_bodies(platform):
    url = platform.base + STATS
    h = platform.headers()
    cases = [
        ({k: v for k, v in h.items() if k != "Authorization"}, 403, {"error_code": "403010",
                                                                     "message": "Oauth token is missing."}),
        ({k: v for k, v in h.items() if k != "x-api-key"}, 403, {"error_code": "403000",
                                                               "message": "Api Key is required"}),
        (dict(h, Authorization="Bearer nonsense"), 401, {"error_code": "401013", "message": "Oauth token is not valid"}),
        (dict(h, **{"x-api-key": "someone-else"}), 403, {"error_code": "403003", "message": "Api Key is invalid"}),
        ({k: v for k, v in h.items() if k != "x-gw-ims-org-id"}, 400, {"error_code": "400003",
                                                                       "message": "Missing header"}),
        (dict(h, **{"x-gw-ims-org-id": "OTHER@AdobeOrg"}), 403, {"error_code": "403025",
                                                                "message": "Profile is not valid"}),
    ]
    for headers, status, body in cases:
        r = requests.get(url, headers=headers)
        assert (r.status_code, r.json()) == (status, body)
    assert requests.get(url, headers=dict(h, Authorization="bearer " + platform.token)).status_code == 200


def test_missing_content_type_on_registry_post(platform):
    r = requests.post(platform.base + f"{SR}/tenant/mixins", data=b"{}",
                      headers={k: v for k, v in platform.headers().items() if k != "Content-Type"})
    assert r.status_code == 400
    assert r.json()["detail"] == "A valid content-type must be specified"


def test_token_v3_client_credentials(emulator):
    r = requests.post(emulator.base_url + "/ims/token/v3", data={
        "grant_type": "client_credentials", "client_id": "cc", "client_secret": "s", "scope": "openid,AdobeID"})
    assert r.status_code == 200
    body = r.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 86399
    headers = {"Authorization": "Bearer " + body["access_token"], "x-api-key": "cc",
               "x-gw-ims-org-id": "ANY@AdobeOrg", "Accept": "application/vnd.adobe.xed+json"}
    assert requests.get(emulator.base_url + STATS, headers=headers).status_code == 200
    assert requests.post(emulator.base_url + "/ims/token/v3", data={"client_id": "cc"}).status_code == 401


def test_jwt_exchange_checks_claims(emulator, rsa_key):
    url = emulator.base_url + "/ims/exchange/jwt"

    def exchange(claims, client_id="abc", secret="s"):
        token = jwt.encode(claims, rsa_key, algorithm="RS256")
        return requests.post(url, data={"client_id": client_id, "client_secret": secret, "jwt_token": token})

    ok = exchange(jwt_claims("O@AdobeOrg", "abc", host="ims-na1-stg1.adobelogin.com"))
    assert ok.status_code == 200 and ok.json()["expires_in"] == 86399992 and ok.json()["token_type"] == "bearer"
    assert exchange(jwt_claims("O@AdobeOrg", "abc"), client_id="other").json()["error"] == "invalid_token"
    assert exchange(jwt_claims("O@AdobeOrg", "abc", exp=1000)).json()["error"] == "invalid_token"
    assert exchange(jwt_claims("no-org", "abc")).json()["error"] == "invalid_token"
    no_scope = {k: v for k, v in jwt_claims("O@AdobeOrg", "abc").items() if "/s/" not in k}
    assert exchange(no_scope).json()["error"] == "invalid_scope"
    assert exchange(jwt_claims("O@AdobeOrg", "abc"), secret="").status_code == 401
    hs = jwt.encode(jwt_claims("O@AdobeOrg", "abc"), "k" * 32, algorithm="HS256")
    r = requests.post(url, data={"client_id": "abc", "client_secret": "s", "jwt_token": hs})
    assert r.status_code == 400 and r.json()["error"] == "invalid_token"
    assert requests.post(url, data={"client_id": "abc", "client_secret": "s", "jwt_token": "x.y"}).status_code == 400


def test_orgs_and_sandboxes_are_isolated(emulator, rsa_key):
    first = Platform(emulator, rsa_key)
    other_org = Platform(emulator, rsa_key)
    other_sandbox = Platform(emulator, rsa_key, org=first.org, sandbox="dev")
    default_sandbox = Platform(emulator, rsa_key, org=first.org, sandbox=None)
    s = build(first)
    schema_path = f"{SR}/tenant/schemas/{quote(s.profile_schema, safe='')}"
    assert first.call("GET", schema_path).status_code == 200
    assert default_sandbox.call("GET", schema_path).status_code == 200  # no header means prod
    for outsider in (other_org, other_sandbox):
        assert outsider.call("GET", schema_path).status_code == 404
        assert outsider.call("GET", "/data/foundation/catalog/dataSets").json() == {}
        assert outsider.call("GET", f"/data/core/edge/inlet/{s.inlet_id}", accept=None).status_code == 404
        assert outsider.call("GET", STATS).json()["counts"]["schemas"] == 0
    # the same titles are free in another sandbox
    build(other_sandbox)
    # a record streamed for one org is not visible to the other
    from tests.emulator import payloads
    requests.post(s.inlet_url + "?syncValidation=true", json=payloads.message(
        first.org, s.profile_schema, s.profile_dataset, payloads.profile_entity("iso@example.com"))).raise_for_status()
    lookup = "/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityId=iso%40example.com&entityIdNS=email"
    assert first.call("GET", lookup, accept=None).status_code == 200
    assert other_org.call("GET", lookup, accept=None).status_code == 404
    assert other_sandbox.call("GET", lookup, accept=None).status_code == 404
