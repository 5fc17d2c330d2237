"""Request auth helpers: turn a v2.1 ``auth`` block into headers/query/signing on a prepared request.

Why a module of its own: the sender must stay about the wire (bodies, redirects, TLS), while
every auth type has its own small protocol. Each type goes through a maintained library where
one exists (requests, requests-oauthlib, requests-aws4auth, mohawk, requests-ntlm, PyJWT);
EdgeGrid is a short documented HMAC scheme and is written here.

Behaviour matched to Newman (observed with Newman 6.2 against a local echo server): an auth
type that produces an ``Authorization`` header *replaces* a header of that name set by the
request, and the new header moves after the request's own headers; an auth type that lacks its
required parameters (bearer without token, apikey without key and value, oauth2 without
``accessToken``) leaves the request untouched, so an explicit header survives.

A broken or unknown auth type never raises: it becomes a warning and the request goes out
without that auth, as Newman does.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from requests import PreparedRequest
from requests.auth import HTTPDigestAuth

AuthFn = Callable[[PreparedRequest, dict[str, Any], list[str]], None]


def auth_params(auth: dict | None) -> tuple[str, dict[str, Any]]:
    """Return ``(type, {key: value})`` from a v2.1 array-form (or v2.0 object-form) auth block.

    Why accept both: the loader normalises to v2.1, but scripts (``pm.request.auth``) and
    ``pm.sendRequest`` may hand over either shape.
    """
    if not auth or not isinstance(auth, dict):
        return "noauth", {}
    kind = str(auth.get("type") or "noauth").lower()
    raw = auth.get(kind)
    params: dict[str, Any] = {}
    if isinstance(raw, list):
        for entry in raw:
            if isinstance(entry, dict) and "key" in entry and not entry.get("disabled"):
                params[str(entry["key"])] = entry.get("value")
    elif isinstance(raw, dict):
        params = dict(raw)
    return kind, params


def apply_auth(prep: PreparedRequest, auth: dict | None, warnings: list[str]) -> None:
    """Sign or decorate ``prep`` in place according to ``auth``; problems go to ``warnings``.

    ``prep`` must already carry its final URL, headers and body, because signing schemes
    (oauth1, awsv4, hawk, edgegrid) cover them.
    """
    kind, params = auth_params(auth)
    if kind in ("noauth", "inherit", ""):
        return
    handler = _HANDLERS.get(kind)
    if handler is None:
        warnings.append(f"auth type '{kind}' is not supported; request sent without auth")
        return
    try:
        handler(prep, params, warnings)
    except Exception as exc:  # noqa: BLE001 - any library failure is a warning, never a crash
        warnings.append(f"{kind} auth failed: {_one_line(exc)}; request sent without auth")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _s(params: dict[str, Any], key: str, default: str = "") -> str:
    value = params.get(key)
    if value is None:
        return default
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _flag(params: dict[str, Any], key: str, default: bool = False) -> bool:
    value = params.get(key)
    if value is None or value == "":
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def set_header(prep: PreparedRequest, key: str, value: str) -> None:
    """Replace any header named ``key`` (case-insensitively) and append the new one at the end.

    Why delete first: Newman removes the request's own header and adds the auth header anew,
    so it moves after the user's headers.
    """
    if key in prep.headers:
        del prep.headers[key]
    prep.headers[key] = value


def set_query_param(prep: PreparedRequest, key: str, value: str) -> None:
    """Replace query parameters named ``key`` and append ``key=value``, keeping the rest as written."""
    url = prep.url or ""
    base, sep, fragment = url.partition("#")
    path, qsep, query = base.partition("?")
    kept = [p for p in query.split("&") if p and unquote(p.split("=", 1)[0]) != key] if qsep else []
    kept.append(f"{quote(key, safe='')}={quote(value, safe='')}")
    prep.url = path + "?" + "&".join(kept) + (sep + fragment if sep else "")


def _body_bytes(prep: PreparedRequest) -> bytes:
    body = prep.body
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, bytes):
        return body
    return b""


# --- simple header / token types -------------------------------------------------------------

def _basic(prep: PreparedRequest, p: dict[str, Any], warnings: list[str]) -> None:
    token = base64.b64encode(f"{_s(p, 'username')}:{_s(p, 'password')}".encode()).decode("ascii")
    set_header(prep, "Authorization", f"Basic {token}")


def _bearer(prep: PreparedRequest, p: dict[str, Any], warnings: list[str]) -> None:
    token = _s(p, "token")
    if token:
        set_header(prep, "Authorization", f"Bearer {token}")


def _apikey(prep: PreparedRequest, p: dict[str, Any], warnings: list[str]) -> None:
    key, value = _s(p, "key"), _s(p, "value")
    if not key and not value:
        return
    if _s(p, "in", "header").lower() == "query":
        set_query_param(prep, key, value)
    else:
        set_header(prep, key, value)


def _place_token(prep: PreparedRequest, token: str, add_to: str, prefix: str, query_key: str) -> None:
    if add_to.lower().startswith("query"):
        set_query_param(prep, query_key, token)
    else:
        prefix = prefix.strip()
        set_header(prep, "Authorization", f"{prefix} {token}" if prefix else token)


def _oauth2(prep: PreparedRequest, p: dict[str, Any], warnings: list[str]) -> None:
    token = _s(p, "accessToken")
    if not token:
        return
    prefix = _s(p, "headerPrefix", "Bearer") if p.get("headerPrefix") is not None else "Bearer"
    _place_token(prep, token, _s(p, "addTokenTo", "header"), prefix, "access_token")


# --- digest ------------------------------------------------------------------------------------

def _digest(prep: PreparedRequest, p: dict[str, Any], warnings: list[str]) -> None:
    """Compute from the given realm/nonce like Postman, else let requests do the 401 round trip."""
    digest = HTTPDigestAuth(_s(p, "username"), _s(p, "password"))
    realm, nonce = _s(p, "realm"), _s(p, "nonce")
    if realm and nonce:
        digest.init_per_thread_state()
        chal = {"realm": realm, "nonce": nonce}
        for src, dst in (("algorithm", "algorithm"), ("qop", "qop"), ("opaque", "opaque")):
            if _s(p, src):
                chal[dst] = _s(p, src)
        digest._thread_local.chal = chal
        header = digest.build_digest_header(prep.method or "GET", prep.url or "")
        if header is None:
            raise ValueError(f"unsupported digest algorithm '{_s(p, 'algorithm')}'")
        set_header(prep, "Authorization", header)
        return
    if _flag(p, "disableRetryRequest"):
        return
    prep.register_hook("response", _DigestChallenge(digest))


class _DigestChallenge:
    """Answer one ``401 WWW-Authenticate: Digest`` by resending with the computed header.

    Why not ``HTTPDigestAuth`` as a hook: it appends Authorization after every other header,
    while Postman puts auth headers before its system headers; the digest maths is still
    requests' (``build_digest_header``).
    """

    def __init__(self, digest: HTTPDigestAuth) -> None:
        self.digest = digest
        self.answered = False

    def __call__(self, response: Any, **kwargs: Any) -> Any:
        challenge = response.headers.get("WWW-Authenticate", "")
        if response.status_code != 401 or self.answered or not challenge.lower().lstrip().startswith("digest"):
            return response
        from requests.utils import parse_dict_header

        self.answered = True
        self.digest.init_per_thread_state()
        self.digest._thread_local.chal = parse_dict_header(challenge.lstrip()[6:].strip())
        value = self.digest.build_digest_header(response.request.method, response.request.url)
        if value is None:
            return response
        response.content  # noqa: B018 - drain so the connection can be reused
        response.close()
        retry = response.request.copy()
        insert_before(retry, "Authorization", value, SYSTEM_HEADER_NAMES)
        answer = response.connection.send(retry, **kwargs)
        answer.history.append(response)
        answer.request = retry
        return answer


SYSTEM_HEADER_NAMES = frozenset({"user-agent", "accept", "cache-control", "postman-token", "host",
                                 "accept-encoding", "connection", "content-length", "cookie"})


def insert_before(prep: PreparedRequest, key: str, value: str, names: frozenset[str]) -> None:
    """Set ``key`` just before the first header whose lower-cased name is in ``names``."""
    items = [(k, v) for k, v in prep.headers.items() if k.lower() != key.lower()]
    index = next((i for i, (k, _) in enumerate(items) if k.lower() in names), len(items))
    items.insert(index, (key, value))
    prep.headers.clear()
    for k, v in items:
        prep.headers[k] = v


# --- oauth1 ------------------------------------------------------------------------------------

def _oauth1(prep: PreparedRequest, p: dict[str, Any], warnings: list[str]) -> None:
    from oauthlib import oauth1
    from requests_oauthlib import OAuth1

    add_empty = _flag(p, "addEmptyParamsToSign")

    class _Client(oauth1.Client):
        """oauthlib drops empty oauth_token/verifier/callback; Postman can sign them empty."""

        def get_oauth_params(self, request):  # type: ignore[no-untyped-def]
            params = super().get_oauth_params(request)
            if add_empty:
                present = {k for k, _ in params}
                for name in ("oauth_token",):
                    if name not in present:
                        params.append((name, ""))
            return params

    method = _s(p, "signatureMethod", "HMAC-SHA1").upper()
    ctype = str(prep.headers.get("Content-Type", ""))
    if _flag(p, "addParamsToHeader", True):
        sig_type = oauth1.SIGNATURE_TYPE_AUTH_HEADER
    elif "application/x-www-form-urlencoded" in ctype and prep.body:
        sig_type = oauth1.SIGNATURE_TYPE_BODY
    else:
        sig_type = oauth1.SIGNATURE_TYPE_QUERY
    extra: dict[str, Any] = {}
    if _s(p, "nonce"):
        extra["nonce"] = _s(p, "nonce")
    if _s(p, "timestamp"):
        extra["timestamp"] = _s(p, "timestamp")
    if _s(p, "realm"):
        extra["realm"] = _s(p, "realm")
    signer = OAuth1(
        _s(p, "consumerKey"),
        client_secret=_s(p, "consumerSecret") or None,
        resource_owner_key=_s(p, "token") or None,
        resource_owner_secret=_s(p, "tokenSecret") or None,
        callback_uri=_s(p, "callback") or None,
        signature_method=method,
        signature_type=sig_type,
        rsa_key=_s(p, "privateKey") or None,
        verifier=_s(p, "verifier") or None,
        client_class=_Client,
        force_include_body=_flag(p, "includeBodyHash"),  # oauthlib then adds oauth_body_hash
        **extra,
    )
    original_body = prep.body
    before = list(prep.headers.items())
    signer(prep)
    if sig_type != oauth1.SIGNATURE_TYPE_BODY:
        prep.body = original_body  # oauthlib hands back text; keep the exact bytes
    else:
        if isinstance(prep.body, str):
            prep.body = prep.body.encode("utf-8")
        prep.headers["Content-Length"] = str(len(prep.body or b""))
    auth_value = prep.headers.get("Authorization")
    if auth_value is not None and ("Authorization", auth_value) not in before:
        set_header(prep, "Authorization", auth_value if isinstance(auth_value, str) else auth_value.decode())


# --- awsv4 -------------------------------------------------------------------------------------

def _awsv4(prep: PreparedRequest, p: dict[str, Any], warnings: list[str]) -> None:
    from requests_aws4auth import AWS4Auth

    host = urlsplit(prep.url or "").hostname or ""
    labels = host.split(".")
    service = _s(p, "service") or (labels[0] if labels and labels[0] else "execute-api")
    region = _s(p, "region") or "us-east-1"
    signer = AWS4Auth(_s(p, "accessKey"), _s(p, "secretKey"), region, service,
                      session_token=_s(p, "sessionToken") or None)
    signer(prep)
    value = prep.headers.get("Authorization")
    if value is not None:
        set_header(prep, "Authorization", value if isinstance(value, str) else value.decode())


# --- hawk --------------------------------------------------------------------------------------

def _hawk(prep: PreparedRequest, p: dict[str, Any], warnings: list[str]) -> None:
    import mohawk

    credentials = {"id": _s(p, "authId"), "key": _s(p, "authKey"),
                   "algorithm": _s(p, "algorithm", "sha256") or "sha256"}
    kwargs: dict[str, Any] = {}
    if _flag(p, "includePayloadHash"):
        kwargs["content"] = _body_bytes(prep)
        kwargs["content_type"] = str(prep.headers.get("Content-Type", ""))
        kwargs["always_hash_content"] = True
    else:
        kwargs["always_hash_content"] = False
    for src, dst in (("nonce", "nonce"), ("extraData", "ext"), ("app", "app"), ("delegation", "dlg")):
        if _s(p, src):
            kwargs[dst] = _s(p, src)
    if _s(p, "timestamp"):
        kwargs["_timestamp"] = int(_s(p, "timestamp"))
    sender = mohawk.Sender(credentials, prep.url or "", prep.method or "GET", **kwargs)
    set_header(prep, "Authorization", sender.request_header)


# --- ntlm --------------------------------------------------------------------------------------

def _ntlm(prep: PreparedRequest, p: dict[str, Any], warnings: list[str]) -> None:
    from requests_ntlm import HttpNtlmAuth

    user, domain = _s(p, "username"), _s(p, "domain")
    HttpNtlmAuth(f"{domain}\\{user}" if domain else user, _s(p, "password"))(prep)


# --- edgegrid ----------------------------------------------------------------------------------

def edgegrid_header(method: str, url: str, headers: dict[str, str], body: bytes, *,
                    client_token: str, client_secret: str, access_token: str,
                    timestamp: str | None = None, nonce: str | None = None,
                    headers_to_sign: list[str] | None = None, max_body: int = 131072) -> str:
    """Akamai EdgeGrid ``EG1-HMAC-SHA256`` Authorization header value.

    Why here: there is no maintained Python signer without the whole Akamai SDK; the scheme is
    a documented two-step HMAC (key derived from the timestamp, then the request digest).
    """
    ts = timestamp or datetime.now(timezone.utc).strftime("%Y%m%dT%H:%M:%S+0000")
    nonce = nonce or str(uuid.uuid4())
    prefix = (f"EG1-HMAC-SHA256 client_token={client_token};access_token={access_token};"
              f"timestamp={ts};nonce={nonce};")
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    lowered = {k.lower(): v for k, v in headers.items()}
    canon = "\t".join(f"{name.lower()}:{' '.join(str(lowered[name.lower()]).strip().split())}"
                      for name in (headers_to_sign or []) if name.lower() in lowered)
    content_hash = ""
    if method.upper() == "POST" and body:
        content_hash = base64.b64encode(hashlib.sha256(body[:max_body]).digest()).decode()
    to_sign = "\t".join([method.upper(), parts.scheme, parts.netloc, path, canon, content_hash, prefix])
    key = base64.b64encode(hmac.new(client_secret.encode(), ts.encode(), hashlib.sha256).digest())
    signature = base64.b64encode(hmac.new(key, to_sign.encode(), hashlib.sha256).digest()).decode()
    return f"{prefix}signature={signature}"


def _edgegrid(prep: PreparedRequest, p: dict[str, Any], warnings: list[str]) -> None:
    names = [h.strip() for h in _s(p, "headersToSign").split(",") if h.strip()]
    value = edgegrid_header(
        prep.method or "GET", prep.url or "", {k: str(v) for k, v in prep.headers.items()},
        _body_bytes(prep), client_token=_s(p, "clientToken"), client_secret=_s(p, "clientSecret"),
        access_token=_s(p, "accessToken"), timestamp=_s(p, "timestamp") or None,
        nonce=_s(p, "nonce") or None, headers_to_sign=names)
    set_header(prep, "Authorization", value)


# --- jwt / asap --------------------------------------------------------------------------------

def _json_param(p: dict[str, Any], key: str) -> dict[str, Any]:
    value = p.get(key)
    if value in (None, ""):
        return {}
    if isinstance(value, dict):
        return value
    parsed = json.loads(str(value))
    if not isinstance(parsed, dict):
        raise ValueError(f"'{key}' must be a JSON object")
    return parsed


def _jwt(prep: PreparedRequest, p: dict[str, Any], warnings: list[str]) -> None:
    import jwt

    algorithm = _s(p, "algorithm", "HS256") or "HS256"
    if algorithm.upper().startswith("HS"):
        secret: Any = _s(p, "secret")
        if _flag(p, "isSecretBase64Encoded"):
            secret = base64.b64decode(secret)
    else:
        secret = _s(p, "privateKey")
    token = jwt.encode(_json_param(p, "payload"), secret, algorithm=algorithm,
                       headers=_json_param(p, "header") or None)
    _place_token(prep, token, _s(p, "addTokenTo", "header"),
                 _s(p, "headerPrefix", "Bearer") if p.get("headerPrefix") is not None else "Bearer",
                 _s(p, "queryParamKey", "token") or "token")


def _asap(prep: PreparedRequest, p: dict[str, Any], warnings: list[str]) -> None:
    import jwt

    now = int(time.time())
    claims: dict[str, Any] = {"iss": _s(p, "iss"), "aud": _s(p, "aud"), "iat": now,
                              "exp": now + int(_s(p, "exp") or 3600), "jti": str(uuid.uuid4())}
    if _s(p, "sub"):
        claims["sub"] = _s(p, "sub")
    claims.update(_json_param(p, "claims"))
    headers = {"kid": _s(p, "kid")} if _s(p, "kid") else None
    token = jwt.encode(claims, _s(p, "privateKey"), algorithm=_s(p, "alg", "RS256") or "RS256",
                       headers=headers)
    set_header(prep, "Authorization", f"Bearer {token}")


_HANDLERS: dict[str, AuthFn] = {
    "basic": _basic,
    "bearer": _bearer,
    "apikey": _apikey,
    "digest": _digest,
    "oauth1": _oauth1,
    "oauth2": _oauth2,
    "awsv4": _awsv4,
    "hawk": _hawk,
    "ntlm": _ntlm,
    "edgegrid": _edgegrid,
    "jwt": _jwt,
    "asap": _asap,
}
