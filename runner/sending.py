"""Send one request spec over the wire the way Newman would, and record what happened.

Why it is built on ``HTTPAdapter.send`` instead of ``Session.request``: Newman's redirect
rules (method rewriting, Referer, Authorization stripping, ``followOriginalHttpMethod``,
``maxRedirects``), per-request cookie switches and Postman's header order all differ from
requests' defaults, so the session is used for its cookie jar and mounted adapters only and
the redirect loop is ours.

Contracts (request spec, ``Exchange``, ``ResponseData``) are in docs/architecture.md.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import mimetypes
import os
import re
import ssl
import tempfile
import time
import urllib.request
import uuid
import warnings as pywarnings
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import requests
import urllib3
from requests.cookies import RequestsCookieJar, extract_cookies_to_jar, get_cookie_header
from requests.hooks import dispatch_hook
from urllib3.fields import RequestField
from urllib3.filepost import encode_multipart_formdata
from urllib3.util import SKIP_HEADER

from runner.auth import apply_auth
from runner.connect_to import RAW_TARGET, ConnectTo, RoutingAdapter
from runner.errors import PmreplayError

PRUNED_METHODS = frozenset({"GET", "COPY", "HEAD", "PURGE", "UNLOCK"})
RAW_LANGUAGE_TYPES = {
    "json": "application/json",
    "javascript": "application/javascript",
    "xml": "application/xml",
    "html": "text/html",
    "text": "text/plain",
}
SYSTEM_HEADERS = ("User-Agent", "Accept", "Cache-Control", "Postman-Token", "Host",
                  "Accept-Encoding", "Connection")
# urllib3 adds these on its own unless told to skip them.
_SKIPPABLE = frozenset({"user-agent", "accept-encoding", "host"})
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
# Node sends no Content-Length for a body-less request of these methods (others get 0).
_NO_DEFAULT_LENGTH = frozenset({"GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT"})


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("pmreplay")
    except Exception:  # noqa: BLE001 - running from a source tree without an installed dist
        return "0.0.0"


def _accept_encoding() -> str:
    """Advertise br only when urllib3 can decode it (brotli or brotlicffi importable)."""
    for name in ("brotli", "brotlicffi"):
        try:
            __import__(name)
            return "gzip, deflate, br"
        except ImportError:
            continue
    return "gzip, deflate"


USER_AGENT = f"pmreplay/{_version()}"
ACCEPT_ENCODING = _accept_encoding()


@dataclass
class ResponseData:
    code: int
    status: str
    header: list[dict]
    body: bytes
    response_time_ms: float
    response_size: int
    cookies: list[dict]


@dataclass
class Exchange:
    request: dict
    response: ResponseData | None
    error: str | None
    warnings: list[str] = field(default_factory=list)
    redirects: int = 0


@dataclass
class SendOptions:
    """Run-wide sending switches (Newman CLI flags); per-request ones come from protocolProfileBehavior."""

    working_dir: str | os.PathLike[str] | None = None
    insecure_file_read: bool = True
    follow_redirects: bool = True
    max_redirects: int = 10
    timeout_request_ms: int | None = None
    insecure: bool = False
    ssl_client_cert: str | None = None
    ssl_client_key: str | None = None
    ssl_client_passphrase: str | None = None
    ssl_client_cert_list: str | list[dict] | None = None
    ssl_extra_ca_certs: str | None = None
    cookie_jar_path: str | None = None
    connect_to: list[ConnectTo] = field(default_factory=list)
    retries: int = 0


# --- small pure helpers ------------------------------------------------------------------------

def strip_json_comments(text: str) -> str:
    """Drop ``//`` and ``/* */`` comments outside strings, keeping line breaks (as Postman does)."""
    out: list[str] = []
    i, n = 0, len(text)
    in_string = False
    while i < n:
        ch = text[i]
        if in_string:
            out.append(ch)
            if ch == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if ch == '"':
                in_string = False
            i += 1
            continue
        if ch == '"':
            in_string = True
            out.append(ch)
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def normalise_url(url: str) -> str:
    """Add ``http://`` when no scheme is given, like Postman."""
    url = url.strip()
    if "://" not in url.split("?", 1)[0]:
        url = "http://" + url.lstrip("/")
    return url


# WHATWG percent-encode sets, which Postman follows: '%' is never re-encoded, so a URL that
# is already encoded stays as written.
_C0 = {chr(c) for c in range(0x20)} | {"\x7f"}
_PATH_SET = _C0 | set(' "#<>?`{}')
_QUERY_SET = _C0 | set(' "#<>\'')


def _encode_part(text: str, unsafe: set[str]) -> str:
    return "".join(quote(ch, safe="") if ch in unsafe or ord(ch) > 0x7E else ch for ch in text)


def encode_url(url: str) -> str:
    """Encode what must be encoded in path and query (spaces, quotes, non-ASCII), keep the rest."""
    base, hash_, fragment = url.partition("#")
    scheme, sep, rest = base.partition("://")
    slash = rest.find("/")
    qmark = rest.find("?")
    cut = min(i for i in (slash, qmark, len(rest)) if i >= 0)
    authority, tail = rest[:cut], rest[cut:]
    path, qsep, query = tail.partition("?")
    encoded = scheme + sep + authority + _encode_part(path, _PATH_SET)
    if qsep:
        encoded += "?" + _encode_part(query, _QUERY_SET)
    return encoded + (hash_ + fragment if hash_ else "")


def _enabled(entries: Any) -> list[dict]:
    return [e for e in entries or [] if isinstance(e, dict) and not e.get("disabled")]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value)


def _swap_authority(url: str, authority: str) -> str:
    scheme, _, rest = url.partition("://")
    cut = min(i for i in (rest.find("/"), rest.find("?"), rest.find("#"), len(rest)) if i >= 0)
    return f"{scheme}://{authority}{rest[cut:]}"


def _with_path(url: str) -> str:
    """``http://h`` -> ``http://h/``: an origin-form request line needs a path."""
    scheme, sep, rest = url.partition("://")
    if rest and not any(c in rest for c in "/?#"):
        return url + "/"
    if rest and rest[0] not in "/" and "/" not in rest.split("?", 1)[0].split("#", 1)[0]:
        i = min(i for i in (rest.find("?"), rest.find("#"), len(rest)) if i >= 0)
        return scheme + sep + rest[:i] + "/" + rest[i:]
    return url


def _host_header(url: str) -> str:
    parts = urllib3.util.parse_url(url)
    host = parts.host or ""
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get((parts.scheme or "http").lower())
    return host if parts.port in (None, default) else f"{host}:{parts.port}"


def _status_text(code: int, reason: str | None) -> str:
    if reason:
        return reason
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return ""


def _cookie_dict(c: http.cookiejar.Cookie) -> dict:
    return {
        "name": c.name, "value": c.value, "domain": c.domain.lstrip(".") if c.domain else c.domain,
        "path": c.path, "expires": (datetime.fromtimestamp(c.expires, timezone.utc).isoformat()
                                    .replace("+00:00", "Z") if c.expires else None),
        "httpOnly": bool(c.has_nonstandard_attr("HttpOnly") or c.has_nonstandard_attr("httponly")),
        "secure": bool(c.secure),
    }


def _describe_error(exc: BaseException, url: str) -> str:
    """A Node-style one-liner (``connect ECONNREFUSED 127.0.0.1:9``) for a failed exchange."""
    parts = urllib3.util.parse_url(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme or "http", 80)
    where = f"{parts.host}:{port}"
    text = repr(exc) + " " + str(exc)
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return f"connect ETIMEDOUT {where}"
    if isinstance(exc, requests.exceptions.ReadTimeout) or "Read timed out" in text:
        return "ESOCKETTIMEDOUT"
    if isinstance(exc, requests.exceptions.SSLError):
        if "Hostname mismatch" in text or "doesn't match" in text or "IP address mismatch" in text:
            return f"Hostname/IP does not match certificate's altnames: Host: {parts.host}"
        if "CERTIFICATE_VERIFY_FAILED" in text:
            if "in certificate chain" in text:
                return "self-signed certificate in certificate chain"
            if "self-signed" in text or "self signed" in text:
                return "self-signed certificate"
            if "unable to get local issuer" in text:
                return "unable to get local issuer certificate"
            return "unable to verify the first certificate"
        return f"SSL error: {_innermost(exc)}"
    if "NameResolutionError" in text or "Name or service not known" in text or "getaddrinfo" in text:
        return f"getaddrinfo ENOTFOUND {parts.host}"
    if "Connection refused" in text or "ConnectionRefusedError" in text:
        return f"connect ECONNREFUSED {where}"
    if "Connection reset" in text or "ConnectionResetError" in text:
        return "read ECONNRESET"
    if "RemoteDisconnected" in text or "Connection aborted" in text:
        return "socket hang up"
    return _innermost(exc)


def _innermost(exc: BaseException) -> str:
    """The root cause's message, without urllib3's "Max retries exceeded ... (Caused by" wrapping."""
    seen: BaseException = exc
    for _ in range(5):
        inner = getattr(seen.args[0], "reason", None) if seen.args else None
        if not isinstance(inner, BaseException):
            break
        seen = inner
    return _first_line(seen)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _resolve_listed(src: str, list_dir: Path) -> str:
    """A cert-list path: as Newman, relative to the current directory; else next to the list file."""
    path = Path(src)
    if path.is_absolute() or path.exists():
        return str(path.resolve())
    return str((list_dir / path).resolve())


def _pattern_matches(pattern: str, url: str) -> bool:
    """Postman-style match pattern (``https://*.example.com/*``, ``<all_urls>``) against a URL."""
    import fnmatch

    if pattern.strip() in ("<all_urls>", "*"):
        return True
    parts = urlsplit(url)
    host = parts.hostname or ""
    candidates = [f"{parts.scheme}://{host}{parts.path or '/'}"]
    if parts.port:
        candidates.append(f"{parts.scheme}://{host}:{parts.port}{parts.path or '/'}")
    pat = pattern.strip()
    if "://" not in pat:
        pat = "*://" + pat
    if urlsplit(pat.replace("*", "x")).path in ("", None):
        pat += "/*"
    return any(fnmatch.fnmatchcase(c, pat) for c in candidates)


# --- cookie jar files --------------------------------------------------------------------------

def _parse_expiry(value: Any) -> int | None:
    if value in (None, "", "Infinity"):
        return None
    if isinstance(value, (int, float)):
        return int(value / 1000) if value > 1e11 else int(value)
    text = str(value).replace("Z", "+00:00")
    # Python 3.10's fromisoformat takes only 3 or 6 fraction digits; exports may carry others.
    text = re.sub(r"\.(\d+)", lambda m: "." + m.group(1)[:6].ljust(6, "0"), text, count=1)
    try:
        return int(datetime.fromisoformat(text).timestamp())
    except ValueError:
        return None


def load_cookie_jar(path: str | os.PathLike[str]) -> RequestsCookieJar:
    """Read a tough-cookie JSON export (Newman ``--export-cookie-jar``) or a plain list of cookies."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise PmreplayError(f"cookie jar '{path}' could not be read: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise PmreplayError(f"cookie jar '{path}' is not valid JSON: {exc}") from None
    entries = data.get("cookies") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise PmreplayError(f"cookie jar '{path}' has no 'cookies' list")
    jar = RequestsCookieJar()
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        name = entry.get("key", entry.get("name"))
        domain = str(entry.get("domain") or "")
        if name is None or not domain:
            continue
        host_only = entry.get("hostOnly", not domain.startswith("."))
        bare = domain.lstrip(".")
        rest = {"HttpOnly": None} if entry.get("httpOnly") else {}
        jar.set_cookie(http.cookiejar.Cookie(
            version=0, name=str(name), value=str(entry.get("value", "")), port=None,
            port_specified=False, domain=bare if host_only else "." + bare,
            domain_specified=not host_only, domain_initial_dot=not host_only,
            path=str(entry.get("path") or "/"), path_specified=True, secure=bool(entry.get("secure")),
            expires=_parse_expiry(entry.get("expires", entry.get("expirationDate"))), discard=False,
            comment=None, comment_url=None, rest=rest))
    return jar


def cookie_jar_json(jar: http.cookiejar.CookieJar) -> dict:
    """The tough-cookie ``toJSON()`` document Newman's ``--export-cookie-jar`` writes."""
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    cookies = []
    for c in jar:
        item: dict[str, Any] = {"key": c.name, "value": c.value or "", "domain": (c.domain or "").lstrip(".")}
        if c.expires:
            item["expires"] = (datetime.fromtimestamp(c.expires, timezone.utc)
                               .isoformat(timespec="milliseconds").replace("+00:00", "Z"))
        item["path"] = c.path or "/"
        if c.secure:
            item["secure"] = True
        if c.has_nonstandard_attr("HttpOnly") or c.has_nonstandard_attr("httponly"):
            item["httpOnly"] = True
        item["hostOnly"] = not c.domain_specified and not (c.domain or "").startswith(".")
        item["creation"] = now
        item["lastAccessed"] = now
        cookies.append(item)
    return {"version": "tough-cookie@4.1.3", "storeType": "MemoryCookieStore",
            "rejectPublicSuffixes": False, "enableLooseMode": True, "allowSpecialUseDomain": True,
            "prefixSecurity": "silent", "cookies": cookies}


# --- the sender --------------------------------------------------------------------------------

class Sender:
    """One per run: owns the requests session (cookie jar, connection pools) and TLS material."""

    def __init__(self, options: SendOptions | None = None) -> None:
        self.options = options or SendOptions()
        self.working_dir = Path(self.options.working_dir or os.getcwd()).resolve()
        self._temp_files: list[str] = []
        self._has_proxy_env: bool | None = None
        self.session = requests.Session()
        self.session.headers.clear()
        self.session.max_redirects = self.options.max_redirects
        self.adapter = RoutingAdapter(self.options.connect_to)
        self.session.mount("http://", self.adapter)
        self.session.mount("https://", self.adapter)
        self.verify: bool | str = True
        if self.options.ssl_extra_ca_certs:
            self.verify = self._ca_bundle(self.options.ssl_extra_ca_certs)
        self.cert: tuple[str, str] | str | None = None
        if self.options.ssl_client_cert:
            self.cert = self._client_cert(self.options.ssl_client_cert, self.options.ssl_client_key,
                                          self.options.ssl_client_passphrase)
        self.cert_list = self._load_cert_list(self.options.ssl_client_cert_list)
        if self.options.cookie_jar_path:
            self.session.cookies.update(load_cookie_jar(self.options.cookie_jar_path))

    # -- lifecycle --
    def _proxy_environment(self) -> bool:
        """Whether any proxy variable is set; read once per run (requests rescans os.environ per request, ~1 ms)."""
        if self._has_proxy_env is None:
            self._has_proxy_env = bool(urllib.request.getproxies_environment())
        return self._has_proxy_env

    def close(self) -> None:
        self.session.close()
        for name in self._temp_files:
            with contextlib.suppress(OSError):
                os.unlink(name)
        self._temp_files.clear()

    def __enter__(self) -> Sender:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- TLS material --
    def _ca_bundle(self, extra: str) -> str:
        """certifi's bundle plus the extra file, so extra CAs add to the default trust."""
        import certifi

        path = Path(extra)
        try:
            extra_pem = path.read_text(encoding="utf-8")
            ssl.create_default_context(cadata=extra_pem)
        except (ssl.SSLError, ValueError) as exc:
            raise PmreplayError(f"--ssl-extra-ca-certs '{extra}' holds no usable PEM certificate: {exc}") from None
        except OSError as exc:
            raise PmreplayError(f"--ssl-extra-ca-certs '{extra}' could not be read: {exc.strerror or exc}") from None
        fd, name = tempfile.mkstemp(prefix="pmreplay-ca-", suffix=".pem")
        self._temp_files.append(name)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(Path(certifi.where()).read_text(encoding="utf-8"))
            handle.write("\n")
            handle.write(extra_pem)
        return name

    def _client_cert(self, cert: str, key: str | None, passphrase: str | None) -> tuple[str, str] | str:
        for label, path in (("--ssl-client-cert", cert), ("--ssl-client-key", key)):
            if path and not Path(path).is_file():
                raise PmreplayError(f"{label} '{path}' does not exist")
        if key and passphrase:
            self.adapter.key_passwords[str(key)] = passphrase
        elif passphrase:
            self.adapter.key_passwords[str(cert)] = passphrase
        return (cert, key) if key else cert

    def _load_cert_list(self, source: str | list[dict] | None) -> list[dict]:
        if source is None:
            return []
        base = self.working_dir
        if isinstance(source, (str, os.PathLike)):
            try:
                data = json.loads(Path(source).read_text(encoding="utf-8"))
            except OSError as exc:
                raise PmreplayError(f"--ssl-client-cert-list '{source}' could not be read: {exc.strerror or exc}") from None
            except ValueError as exc:
                raise PmreplayError(f"--ssl-client-cert-list '{source}' is not valid JSON: {exc}") from None
            base = Path(source).resolve().parent
        else:
            data = source
        if not isinstance(data, list):
            raise PmreplayError("--ssl-client-cert-list must be a JSON list of {name, matches, key, cert, passphrase}")
        entries = []
        for item in data:
            if not isinstance(item, dict) or not isinstance(item.get("matches"), list):
                raise PmreplayError("--ssl-client-cert-list entries need a 'matches' list")
            cert_src = (item.get("cert") or {}).get("src")
            key_src = (item.get("key") or {}).get("src")
            if not cert_src:
                raise PmreplayError(f"--ssl-client-cert-list entry '{item.get('name', '?')}' has no cert.src")
            cert_path = _resolve_listed(cert_src, base)
            key_path = _resolve_listed(key_src, base) if key_src else None
            entries.append({"matches": [str(m) for m in item["matches"]],
                            "cert": self._client_cert(cert_path, key_path, item.get("passphrase"))})
        return entries

    def _cert_for(self, url: str) -> tuple[str, str] | str | None:
        for entry in self.cert_list:
            if any(_pattern_matches(p, url) for p in entry["matches"]):
                return entry["cert"]
        return self.cert

    # -- cookies --
    def export_cookie_jar(self, path: str | os.PathLike[str]) -> None:
        """Write the jar as Newman's tough-cookie JSON, atomically (temp file + rename)."""
        target = Path(os.path.realpath(path))  # a symlinked jar stays a link
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".cookies-", suffix=".json", dir=str(target.parent))
        except OSError as exc:
            raise PmreplayError(f"cookie jar could not be written to '{path}': {exc.strerror or exc}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(cookie_jar_json(self.session.cookies), handle, indent=2)
            os.replace(tmp, target)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise PmreplayError(f"cookie jar could not be written to '{path}': {exc.strerror or exc}") from None

    def cookies_for(self, url: str) -> list[dict]:
        """Cookies in the jar that would be sent to ``url`` (for ``pm.cookies``)."""
        probe = requests.Request("GET", normalise_url(url)).prepare()
        header = get_cookie_header(self.session.cookies, probe) or ""
        names = {part.split("=", 1)[0].strip() for part in header.split(";") if part.strip()}
        host = urlsplit(probe.url).hostname or ""
        return [_cookie_dict(c) for c in self.session.cookies
                if c.name in names and host.endswith((c.domain or "").lstrip("."))]

    # -- files --
    def _read_file(self, src: Any) -> tuple[bytes | None, str, str | None]:
        """(content, filename, error) for a body file path, honouring working_dir and --no-insecure-file-read.

        The error texts are Newman's (``"missing.bin", no such file``) so warnings read the same.
        """
        if not isinstance(src, str) or not src:
            return None, "", "no file source"
        path = Path(src)
        full = (path if path.is_absolute() else self.working_dir / path).resolve()
        if not self.options.insecure_file_read and not full.is_relative_to(self.working_dir):
            return None, full.name, "PPERM: insecure file access outside working directory"
        try:
            return full.read_bytes(), full.name, None
        except OSError as exc:
            reason = "no such file" if isinstance(exc, FileNotFoundError) else \
                (exc.strerror or str(exc)).lower()
            return None, full.name, f'"{src}", {reason}'

    # -- bodies --
    def build_body(self, body: dict | None, warnings: list[str]) -> tuple[bytes | None, str | None, dict | None]:
        """(bytes to send, inferred Content-Type, body as recorded) for a Postman body spec."""
        if not isinstance(body, dict) or body.get("disabled"):
            return None, None, None
        mode = body.get("mode")
        if mode == "raw":
            text = _text(body.get("raw"))
            if not text:
                return None, None, None
            language = str(((body.get("options") or {}).get("raw") or {}).get("language") or "text").lower()
            if language == "json":
                text = strip_json_comments(text)
            recorded = {"mode": "raw", "raw": text}
            if body.get("options"):
                recorded["options"] = body["options"]
            return text.encode("utf-8"), RAW_LANGUAGE_TYPES.get(language, "text/plain"), recorded
        if mode == "urlencoded":
            pairs = [(_text(p.get("key")), _text(p.get("value"))) for p in _enabled(body.get("urlencoded"))]
            if not pairs:
                return None, None, None
            encoded = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs)
            return encoded.encode("ascii"), "application/x-www-form-urlencoded", body
        if mode == "formdata":
            return self._formdata(body, warnings)
        if mode == "file":
            spec = body.get("file") or {}
            if spec.get("content") is not None and not spec.get("src"):
                return _text(spec.get("content")).encode("utf-8"), None, body
            content, _, error = self._read_file(spec.get("src"))
            if error:
                warnings.append(f"Binary file load error: {error}")
                return None, None, body
            return content, None, body
        if mode == "graphql":
            spec = body.get("graphql") or {}
            variables = spec.get("variables")
            if isinstance(variables, str):
                try:
                    variables = json.loads(variables) if variables.strip() else None
                except ValueError as exc:
                    warnings.append(f"GraphQL variables are not valid JSON ({exc}); sent without variables")
                    variables = None
            # Postman splices the variables text in as written (observed: spacing kept)
            members = ['"query":' + json.dumps(_text(spec.get("query")), ensure_ascii=False)]
            if spec.get("operationName"):
                members.append('"operationName":' + json.dumps(_text(spec["operationName"]), ensure_ascii=False))
            if variables is not None:
                raw_vars = spec.get("variables")
                members.append('"variables":' + (raw_vars.strip() if isinstance(raw_vars, str) else
                                                 json.dumps(variables, separators=(",", ":"), ensure_ascii=False)))
            return ("{" + ",".join(members) + "}").encode("utf-8"), "application/json", body
        if mode:
            warnings.append(f"unknown body mode '{mode}'; request sent without a body")
        return None, None, None

    def _formdata(self, body: dict, warnings: list[str]) -> tuple[bytes | None, str | None, dict | None]:
        fields: list[RequestField] = []
        for part in _enabled(body.get("formdata")):
            key = _text(part.get("key"))
            ctype = part.get("contentType") or None
            if part.get("type") == "file":
                sources = part.get("src")
                for src in sources if isinstance(sources, list) else [sources]:
                    content, filename, error = self._read_file(src)
                    if error:
                        warnings.append(f"Form param `{key}`, file load error: {error}")
                        continue
                    field_ = RequestField(name=key, data=content, filename=filename)
                    field_.make_multipart(content_type=ctype or mimetypes.guess_type(filename)[0]
                                          or "application/octet-stream")
                    fields.append(field_)
            else:
                field_ = RequestField(name=key, data=_text(part.get("value")).encode("utf-8"))
                field_.make_multipart(content_type=ctype)
                fields.append(field_)
        if not fields:
            return None, None, body
        data, content_type = encode_multipart_formdata(fields)
        return data, content_type, body

    # -- sending --
    def send(self, spec: dict, protocol_profile: dict | None = None) -> Exchange:
        """Send ``spec`` (variables resolved, auth inherited); never raises: problems land in
        ``Exchange.error`` (nothing came back) or ``Exchange.warnings`` (sent anyway)."""
        try:
            return self._send(spec if isinstance(spec, dict) else {}, protocol_profile or {})
        except Exception as exc:  # noqa: BLE001 - a malformed spec must not crash the run
            method = str(spec.get("method") or "GET").upper() if isinstance(spec, dict) else "GET"
            url = _text(spec.get("url")) if isinstance(spec, dict) else ""
            return Exchange({"method": method, "url": url, "header": [], "body": None}, None,
                            f"request could not be built: {_first_line(exc)}", [])

    def _send(self, spec: dict, ppb: dict) -> Exchange:
        warnings: list[str] = []
        method = str(spec.get("method") or "GET").upper()
        raw_url = spec.get("url")
        if isinstance(raw_url, dict):
            raw_url = raw_url.get("raw")
        url = normalise_url(_text(raw_url))
        recorded = {"method": method, "url": url, "header": [], "body": None}
        body_bytes, inferred_type, recorded_body = self.build_body(spec.get("body"), warnings)
        if method in PRUNED_METHODS and not ppb.get("disableBodyPruning"):
            body_bytes, inferred_type, recorded_body = None, None, None
        recorded["body"] = recorded_body
        try:
            prep, user_keys, system_keys = self._prepare(method, url, spec, body_bytes, inferred_type, ppb)
        except (requests.exceptions.RequestException, ValueError) as exc:
            return Exchange(recorded, None, f"Invalid URI \"{url}\"" if "URL" in type(exc).__name__ or
                            isinstance(exc, requests.exceptions.InvalidURL) else _first_line(exc), warnings)
        before = dict(prep.headers)
        apply_auth(prep, spec.get("auth"), warnings)
        auth_keys = {k.lower() for k, v in prep.headers.items() if before.get(k) != v}
        if not ppb.get("disableCookies") and "cookie" not in user_keys:
            self._set_cookie_header(prep)
        _reorder_headers(prep, user_keys, auth_keys, system_keys)
        # a challenge round trip (digest, ntlm) adds Authorization on the retried request
        order = (user_keys, auth_keys | {"authorization"}, system_keys)
        return self._exchange(prep, recorded, ppb, warnings, order)

    def _prepare(self, method: str, url: str, spec: dict, body: bytes | None, inferred_type: str | None,
                 ppb: dict) -> tuple[requests.PreparedRequest, set[str], list[str]]:
        disabled = {str(k).lower() for k, v in (ppb.get("disabledSystemHeaders") or {}).items() if v}
        headers: dict[str, str] = {}
        user_keys: set[str] = set()
        for h in _enabled(spec.get("header")):
            key = _text(h.get("key")).strip()
            if not key:
                continue
            value = _text(h.get("value"))
            existing = next((k for k in headers if k.lower() == key.lower()), None)
            if existing:
                headers[existing] = f"{headers[existing]}, {value}"
            else:
                headers[key] = value
            user_keys.add(key.lower())
        # raw/graphql/file types are set by Postman before its system headers; form bodies get
        # theirs from the HTTP layer, after them (observed with Newman 6.2).
        late_type = None
        if inferred_type and "content-type" not in user_keys and "content-type" not in disabled:
            if inferred_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
                late_type = inferred_type
            else:
                headers["Content-Type"] = inferred_type
                user_keys.add("content-type")
        prep = requests.PreparedRequest()
        prep.prepare(method=method, url=url, headers=headers, data=body or None)
        if body is None and method in _NO_DEFAULT_LENGTH and "Content-Length" in prep.headers \
                and "content-length" not in user_keys:
            del prep.headers["Content-Length"]
        # requests' requote_uri encodes more than Postman does ({, }, |, `); send our encoding.
        prep.url = url if ppb.get("disableUrlEncoding") else _with_path(encode_url(url))
        if not (prep.url or "").split("/", 3)[2].isascii():  # IDN host: requests' punycode form
            prep.url = _with_path(encode_url(_swap_authority(url, urlsplit(requests.Request("GET", url)
                                                                           .prepare().url).netloc)))
        system_keys: list[str] = []
        for name in SYSTEM_HEADERS:
            low = name.lower()
            if low in user_keys:
                continue
            if low in disabled:
                if low in _SKIPPABLE:
                    prep.headers[name] = SKIP_HEADER
                continue
            prep.headers[name] = {"User-Agent": USER_AGENT, "Accept": "*/*", "Cache-Control": "no-cache",
                                  "Postman-Token": str(uuid.uuid4()), "Host": _host_header(prep.url or url),
                                  "Accept-Encoding": ACCEPT_ENCODING, "Connection": "keep-alive"}[name]
            system_keys.append(low)
        if late_type:
            prep.headers["Content-Type"] = late_type
            system_keys.append("content-type")
        return prep, user_keys, system_keys

    def _set_cookie_header(self, prep: requests.PreparedRequest) -> None:
        if "Cookie" in prep.headers:
            del prep.headers["Cookie"]
        header = get_cookie_header(self.session.cookies, prep)
        if header:
            prep.headers["Cookie"] = header

    def _send_once(self, prep: requests.PreparedRequest, ppb: dict, warnings: list[str]) -> requests.Response:
        timeout_ms = self.options.timeout_request_ms
        timeout = (timeout_ms / 1000.0) if timeout_ms else None
        verify: bool | str = self.verify
        if self.options.insecure:
            verify = False
        if "strictSSL" in ppb and ppb["strictSSL"] is not None:
            verify = self.verify if ppb["strictSSL"] else False
        url = prep.url or ""
        proxies: dict[str, str] = {}
        if self.adapter.route_for(url) is None and self._proxy_environment():
            proxies = self.session.merge_environment_settings(url, {}, False, None, None)["proxies"] or {}
        attempts = max(0, int(self.options.retries or 0)) + 1
        token = RAW_TARGET.set(prep.path_url)
        try:
            return self._send_attempts(prep, url, attempts, timeout, verify, proxies, warnings)
        finally:
            RAW_TARGET.reset(token)

    def _send_attempts(self, prep: requests.PreparedRequest, url: str, attempts: int, timeout: float | None,
                       verify: bool | str, proxies: dict[str, str], warnings: list[str]) -> requests.Response:
        for attempt in range(attempts):
            try:
                with pywarnings.catch_warnings():
                    pywarnings.simplefilter("ignore", urllib3.exceptions.InsecureRequestWarning)
                    response = self.adapter.send(prep, stream=False, timeout=timeout, verify=verify,
                                                 cert=self._cert_for(url), proxies=proxies)
                    # hooks (digest, ntlm challenge answers) need the unread response, like Session.send
                    kwargs = {"timeout": timeout, "verify": verify, "cert": self._cert_for(url),
                              "proxies": proxies}
                    response = dispatch_hook("response", prep.hooks, response, **kwargs)
                    response.content  # noqa: B018 - read the body now, inside the timeout
                return response
            except requests.exceptions.ConnectionError as exc:
                if isinstance(exc, requests.exceptions.ReadTimeout) or attempt + 1 >= attempts:
                    raise
                warnings.append(f"retry {attempt + 1} of {attempts - 1} after: {_describe_error(exc, url)}")
        raise AssertionError("unreachable")

    def _exchange(self, prep: requests.PreparedRequest, recorded: dict, ppb: dict, warnings: list[str],
                  order: tuple[set[str], set[str], list[str]]) -> Exchange:
        follow = ppb.get("followRedirects")
        follow = self.options.follow_redirects if follow is None else bool(follow)
        max_redirects = self.options.max_redirects
        with contextlib.suppress(TypeError, ValueError):
            max_redirects = int(ppb["maxRedirects"]) if ppb.get("maxRedirects") is not None else max_redirects
        store_cookies = not ppb.get("disableCookies")
        set_cookies = RequestsCookieJar()
        started = time.perf_counter()
        redirects = 0
        current = prep
        first_request: requests.PreparedRequest | None = None
        while True:
            try:
                response = self._send_once(current, ppb, warnings)
            except Exception as exc:  # noqa: BLE001 - every wire failure becomes Exchange.error
                recorded["header"] = _header_list((first_request or current).headers)
                return Exchange(recorded, None, _describe_error(exc, current.url or ""), warnings, redirects)
            if first_request is None:
                first_request = response.request or current
                if first_request is not current:
                    _reorder_headers(first_request, *order)
                recorded["header"] = _header_list(first_request.headers)
                recorded["url"] = first_request.url
            if store_cookies:
                extract_cookies_to_jar(self.session.cookies, response.request or current, response.raw)
            extract_cookies_to_jar(set_cookies, response.request or current, response.raw)
            location = response.headers.get("Location")
            if not (follow and response.status_code in _REDIRECT_CODES and location):
                break
            if redirects >= max_redirects:
                return Exchange(recorded, None, "Exceeded maxRedirects. Probably stuck in a redirect loop "
                                f"{current.url}", warnings, redirects)
            current = self._redirect(response.request or current, response, location, ppb)
            redirects += 1
        elapsed = (time.perf_counter() - started) * 1000.0
        content = response.content or b""
        data = ResponseData(
            code=response.status_code, status=_status_text(response.status_code, response.reason),
            header=_response_headers(response), body=content, response_time_ms=round(elapsed, 3),
            response_size=len(content), cookies=[_cookie_dict(c) for c in set_cookies])
        return Exchange(recorded, data, None, warnings, redirects)

    def _redirect(self, previous: requests.PreparedRequest, response: requests.Response, location: str,
                  ppb: dict) -> requests.PreparedRequest:
        """The next hop, following postman-request's rules."""
        new_url = urljoin(previous.url or "", location)
        nxt = previous.copy()
        nxt.prepare_url(new_url, None)
        code = response.status_code
        keep_body = code in (307, 308)
        method = (previous.method or "GET").upper()
        if not keep_body and not ppb.get("followOriginalHttpMethod") and method != "HEAD":
            method = "GET"
        nxt.method = method
        if not keep_body:
            nxt.body = None
            for name in ("Content-Type", "Content-Length"):
                if name in nxt.headers:
                    del nxt.headers[name]
            if method not in ("GET", "HEAD"):
                nxt.headers["Content-Length"] = "0"
        old_host = urlsplit(previous.url or "").hostname
        new_host = urlsplit(nxt.url or "").hostname
        if old_host != new_host and not ppb.get("followAuthorizationHeader") and "Authorization" in nxt.headers:
            del nxt.headers["Authorization"]
        if not ppb.get("disableCookies"):
            self._set_cookie_header(nxt)
        # postman-request drops Host and sets Referer, then adds Host back last (observed order)
        host = nxt.headers.get("Host")
        for name in ("Host", "Referer"):
            if name in nxt.headers:
                del nxt.headers[name]
        if not ppb.get("removeRefererHeaderOnRedirect"):
            nxt.headers["Referer"] = previous.url or ""
        if host is not None:
            nxt.headers["Host"] = host if host == SKIP_HEADER else _host_header(nxt.url or new_url)
        nxt.hooks = {"response": []}
        return nxt


def _header_list(headers: Any) -> list[dict]:
    return [{"key": k, "value": v if isinstance(v, str) else v.decode("latin-1")}
            for k, v in headers.items() if v != SKIP_HEADER]


def _response_headers(response: requests.Response) -> list[dict]:
    """Response headers in wire order with duplicates (several Set-Cookie) kept."""
    original = getattr(response.raw, "_original_response", None)
    msg = getattr(original, "msg", None)
    items = msg.items() if msg is not None else list(response.raw.headers.items())
    return [{"key": k, "value": v} for k, v in items]


def _reorder_headers(prep: requests.PreparedRequest, user_keys: set[str], auth_keys: set[str],
                     system_keys: list[str]) -> None:
    """Postman's order: request headers, auth headers, system headers, Content-Length, Cookie."""
    def rank(key: str) -> int:
        low = key.lower()
        if low in auth_keys:
            return 1
        if low in user_keys:
            return 0
        if low in system_keys or low in _SKIPPABLE:
            return 2
        if low == "content-length":
            return 3
        if low == "cookie":
            return 4
        return 1

    items = sorted(prep.headers.items(), key=lambda kv: rank(kv[0]))
    prep.headers.clear()
    for key, value in items:
        prep.headers[key] = value
