"""The Adobe I/O gateway checks that run before every platform call.

Why a separate step: the gateway answers before any service sees the request, with its
own error codes, and it is also what decides whose data a call may see: the org comes
from the token (checked against ``x-gw-ims-org-id``) and the sandbox from
``x-sandbox-name`` (``prod`` when absent).
"""

from __future__ import annotations

from starlette.responses import Response

from aep_emulator.web import Call, answer, now_ms


def _gw(status: int, code: str, message: str) -> Response:
    return answer({"error_code": code, "message": message}, status)


def check(call: Call) -> Response | None:
    """None when the call may proceed (and ``call.org`` / ``call.sandbox`` are set)."""
    auth = call.header("authorization")
    if not auth or not auth.strip():
        return _gw(403, "403010", "Oauth token is missing.")
    api_key = call.header("x-api-key")
    if not api_key:
        return _gw(403, "403000", "Api Key is required")
    scheme, _, value = auth.strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return _gw(401, "401013", "Oauth token is not valid")
    token = call.state.store.token(value.strip())
    if token is None or token["expires_ms"] < now_ms():
        return _gw(401, "401013", "Oauth token is not valid")
    if api_key != token["client_id"]:
        return _gw(403, "403003", "Api Key is invalid")
    org = call.header("x-gw-ims-org-id")
    if not org:
        return _gw(400, "400003", "Missing header")
    if token["org"] is not None and token["org"] != org:
        return _gw(403, "403025", "Profile is not valid")
    call.org = org
    # UNCONFIRMED: any sandbox name is accepted (sandboxes spring into existence on first
    # use); the real gateway answers 403 for a sandbox the org does not have.
    call.sandbox = call.header("x-sandbox-name") or "prod"
    call.token = token
    return None


def content_type_missing(call: Call) -> Response | None:
    """Platform services (not UPS) refuse a body-carrying call without Content-Type."""
    if call.request.method in ("POST", "PUT", "PATCH") and not call.header("content-type"):
        return answer({"type": "/placeholder/type/uri", "status": 400, "title": "BadRequestError",
                       "detail": "A valid content-type must be specified"}, 400)
    return None
