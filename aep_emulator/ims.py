"""The IMS stand-in: JWT bearer exchange and client-credentials tokens.

Why verify claims even in development mode: the tutorial's pre-request script builds
the JWT by hand (metascopes, audience, expiry), and the point of replaying it is to
catch a wrongly built token before it meets the real IMS. Only the signature check
is skipped when no public key is configured (said once in the log at start).
"""

from __future__ import annotations

import secrets
import time
from urllib.parse import parse_qsl

import jwt
from starlette.responses import Response

from aep_emulator.web import Call, answer, now_ms, route

ACCESS_TOKEN_MS = 86_399_992  # what IMS reports for JWT exchange, in milliseconds
V3_SECONDS = 86_399


class _Refused(Exception):
    """A JWT IMS would refuse: (error code, description)."""

    def __init__(self, code: str, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


def _error(status: int, code: str, description: str) -> Response:
    # UNCONFIRMED: IMS error bodies are documented only by their codes; this shape is plausible.
    return answer({"error": code, "error_description": description}, status)


async def _form(call: Call) -> dict[str, str]:
    ctype = (call.header("content-type") or "").lower()
    if ctype.startswith("multipart/form-data"):
        form = await call.request.form()
        return {k: v for k, v in form.items() if isinstance(v, str)}
    body = call.body.decode("utf-8", "replace")
    return dict(parse_qsl(body, keep_blank_values=True))


async def _issue(call: Call, client_id: str, org: str | None, lifetime_ms: int, kind: str) -> str:
    token = "emu-" + secrets.token_urlsafe(40)
    created = now_ms()
    await call.state.store.add_token(token, client_id, org, created, created + lifetime_ms, kind)
    return token


def _verify(call: Call, token: str) -> dict:
    """Decode and check the JWT; raises _Refused."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        raise _Refused("invalid_token", f"Could not parse the JWT: {exc}") from None
    if header.get("alg") != "RS256":
        raise _Refused("invalid_token", "JWT must be signed with RS256")
    options = {"verify_aud": False, "verify_exp": False, "require": []}
    keys = call.state.settings.public_keys
    if keys:
        claims = None
        for key in keys:
            try:
                claims = jwt.decode(token, key, algorithms=["RS256"], options=options)
                break
            except jwt.InvalidSignatureError:
                continue
            except jwt.PyJWTError as exc:
                raise _Refused("invalid_token", f"Could not verify the JWT: {exc}") from None
        if claims is None:
            raise _Refused("invalid_signature", "JWT signature does not match any configured public key")
    else:
        try:
            claims = jwt.decode(token, options={"verify_signature": False, **options})
        except jwt.PyJWTError as exc:
            raise _Refused("invalid_token", f"Could not parse the JWT: {exc}") from None
    return claims


def _check_claims(claims: dict, client_id: str) -> None:
    exp = claims.get("exp")
    if not isinstance(exp, (int, float)) or isinstance(exp, bool):
        raise _Refused("invalid_token", "JWT claim exp is missing")
    if exp < time.time():
        raise _Refused("invalid_token", "JWT token is expired")
    # The documented 24 h limit is not enforced: the published collection itself signs
    # exp = now + 87000 s (24.2 h) and the real IMS accepted it in 2020.
    iss = claims.get("iss")
    if not isinstance(iss, str) or not iss.endswith("@AdobeOrg"):
        raise _Refused("invalid_token", "JWT claim iss must be an IMS organization id (...@AdobeOrg)")
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub:
        raise _Refused("invalid_token", "JWT claim sub (technical account id) is missing")
    aud = claims.get("aud")
    if not isinstance(aud, str) or not aud.endswith("/c/" + client_id):
        raise _Refused("invalid_token", "JWT claim aud must end with /c/<client_id>")
    scopes = [k for k, v in claims.items() if isinstance(k, str) and "/s/" in k and k.startswith("http")]
    if not scopes or not all(claims[k] is True for k in scopes):
        raise _Refused("invalid_scope", "JWT must carry at least one metascope claim https://<ims>/s/<scope>: true")


async def exchange_jwt(call: Call) -> Response:
    form = await _form(call)
    client_id = form.get("client_id", "")
    secret = form.get("client_secret", "")
    token = form.get("jwt_token", "")
    if not client_id:
        return _error(400, "invalid_client", "invalid client_id parameter")
    if not secret:
        return _error(401, "invalid_client", "invalid client_secret parameter")
    if not token:
        return _error(400, "bad_request", "missing jwt_token parameter")
    try:
        claims = _verify(call, token)
        _check_claims(claims, client_id)
    except _Refused as exc:
        return _error(400, exc.code, exc.description)
    access = await _issue(call, client_id, claims["iss"], ACCESS_TOKEN_MS, "jwt")
    return answer({"token_type": "bearer", "access_token": access, "expires_in": ACCESS_TOKEN_MS})


async def token_v3(call: Call) -> Response:
    form = await _form(call)
    if form.get("grant_type", "client_credentials") != "client_credentials":
        return _error(400, "unsupported_grant_type", "only client_credentials is supported")
    client_id = form.get("client_id", "")
    if not client_id:
        return _error(400, "invalid_client", "invalid client_id parameter")
    if not form.get("client_secret"):
        return _error(401, "invalid_client", "invalid client_secret parameter")
    # The org is not part of this grant; such a token is accepted for any org header.
    access = await _issue(call, client_id, None, V3_SECONDS * 1000, "v3")
    return answer({"access_token": access, "token_type": "bearer", "expires_in": V3_SECONDS})


ROUTES = [
    route("POST", r"/ims/exchange/jwt", exchange_jwt, gateway=False),
    route("POST", r"/ims/token/v3", token_v3, gateway=False),
]
