"""A real HTTP echo server on 127.0.0.1 for the tests: it answers what it received.

Why a hand-written server: the tests must cross the wire (no mocking of requests),
and they need a few behaviours httpbin-like services offer (status codes, redirects,
cookies, delays) without any network.

Routes (any method):
- ``/status/<code>``: answer that status with an empty JSON body
- ``/redirect/<n>``: 302 chain down to ``/get``; ``/redirect-to?url=...&status_code=...``
- ``/delay/<ms>``: wait, then echo
- ``/cookies/set?name=value``: set cookies, then echo; ``/cookies``: echo cookies
- ``/text?body=...&type=...``: answer that body with that content type
- ``/basic-auth/<user>/<pass>``: 401 unless Basic credentials match, then echo
- ``/digest-auth/<qop>/<user>/<pass>[/<algorithm>]``: RFC 7616 challenge (qop ``auth`` or
  ``none``), 401 until a correct Digest response arrives, then echo
- ``/gzip``: echo, gzip-encoded; ``/brotli``: echo, br-encoded
- ``/ntlm``: NTLM handshake on one connection (pyspnego acceptor; credentials from the file
  named by ``NTLM_USER_FILE``, lines ``DOMAIN:user:password``), then echo with ``X-NTLM-User``
- anything else: echo as JSON ``{method, path, url, query, headers, body, body_b64, json}``
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


class EchoHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "pmreplay-echo/1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: without this, delayed ACKs add 40 ms

    def log_message(self, *args) -> None:  # keep test output quiet
        return

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            return self.rfile.read(length)
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        return b""

    def _send(self, code: int, body: bytes, content_type: str = "application/json",
              extra: list[tuple[str, str]] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in extra or []:
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _echo_payload(self, body: bytes) -> dict:
        parts = urlsplit(self.path)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        try:
            parsed = json.loads(text) if text else None
        except ValueError:
            parsed = None
        return {
            "method": self.command,
            "path": parts.path,
            "url": self.path,
            "query": parse_qsl(parts.query, keep_blank_values=True),
            "headers": [[k, v] for k, v in self.headers.items()],
            "body": text,
            "body_b64": base64.b64encode(body).decode("ascii"),
            "json": parsed,
        }

    def _handle(self) -> None:
        body = self._read_body()
        parts = urlsplit(self.path)
        segments = [s for s in parts.path.split("/") if s]
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        if segments[:1] == ["status"] and len(segments) > 1:
            self._send(int(segments[1]), b"{}")
            return
        if segments[:1] == ["redirect"] and len(segments) > 1:
            remaining = int(segments[1])
            target = "/get" if remaining <= 1 else f"/redirect/{remaining - 1}"
            self._send(302, b"", "text/plain", [("Location", target)])
            return
        if segments[:1] == ["redirect-to"]:
            code = int(query.get("status_code", "302"))
            self._send(code, b"", "text/plain", [("Location", query.get("url", "/get"))])
            return
        if segments[:1] == ["delay"] and len(segments) > 1:
            time.sleep(int(segments[1]) / 1000.0)
        if segments[:1] == ["text"]:
            self._send(200, query.get("body", "").encode("utf-8"), query.get("type", "text/plain"))
            return
        if _extra_route(self, segments, body):
            return
        extra: list[tuple[str, str]] = []
        if segments[:2] == ["cookies", "set"]:
            extra = [("Set-Cookie", f"{k}={v}; Path=/") for k, v in query.items()]
        payload = self._echo_payload(body)
        self._send(200, json.dumps(payload).encode("utf-8"), "application/json", extra)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = _handle
    do_COPY = do_PURGE = do_LOCK = do_UNLOCK = do_PROPFIND = do_VIEW = _handle


class QuietServer(ThreadingHTTPServer):
    """Clients that hang up early (timeout tests) are normal here: no traceback on stderr for them."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        import sys

        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)):
            return
        super().handle_error(request, client_address)


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free 127.0.0.1 port in a thread; yield the base URL; stop on exit."""
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# --- auth challenge routes (appended for tests/sending) ---------------------------------------

_DIGEST_NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093"
_DIGEST_OPAQUE = "5ccc069c403ebaf9f0171e9517f40e41"
_DIGEST_HASHES = {"MD5": "md5", "SHA-256": "sha256", "SHA-512": "sha512"}


def _digest_ok(handler: EchoHandler, header: str, user: str, password: str, qop: str, algorithm: str) -> bool:
    import hashlib

    from requests.utils import parse_dict_header

    if not header.lower().startswith("digest "):
        return False
    fields = parse_dict_header(header[7:])
    name = _DIGEST_HASHES.get(algorithm.upper(), "md5")

    def digest(text: str) -> str:
        return hashlib.new(name, text.encode("utf-8")).hexdigest()

    if fields.get("username") != user or fields.get("nonce") != _DIGEST_NONCE:
        return False
    ha1 = digest(f"{user}:{fields.get('realm')}:{password}")
    ha2 = digest(f"{handler.command}:{fields.get('uri')}")
    if fields.get("uri") != handler.path:
        return False
    if qop == "auth":
        expected = digest(f"{ha1}:{_DIGEST_NONCE}:{fields.get('nc')}:{fields.get('cnonce')}:auth:{ha2}")
    else:
        expected = digest(f"{ha1}:{_DIGEST_NONCE}:{ha2}")
    return fields.get("response") == expected


def _extra_route(handler: EchoHandler, segments: list[str], body: bytes) -> bool:
    """Routes added after the skeleton; True when the request was answered here."""
    import gzip

    auth = handler.headers.get("Authorization", "")
    if segments[:1] == ["basic-auth"] and len(segments) == 3:
        expected = "Basic " + base64.b64encode(f"{segments[1]}:{segments[2]}".encode()).decode()
        if auth != expected:
            handler._send(401, b"{}", "application/json", [("WWW-Authenticate", 'Basic realm="echo"')])
            return True
        return False
    if segments[:1] == ["digest-auth"] and len(segments) >= 4:
        qop, user, password = segments[1], segments[2], segments[3]
        algorithm = segments[4] if len(segments) > 4 else "MD5"
        if not _digest_ok(handler, auth, user, password, qop, algorithm):
            challenge = f'Digest realm="echo@test", nonce="{_DIGEST_NONCE}", opaque="{_DIGEST_OPAQUE}", algorithm={algorithm}'
            if qop == "auth":
                challenge += ', qop="auth"'
            handler._send(401, b"{}", "application/json", [("WWW-Authenticate", challenge)])
            return True
        return False
    if segments[:1] == ["ntlm"]:
        return _ntlm_route(handler, auth, body)
    if segments[:1] == ["gzip"]:
        data = gzip.compress(json.dumps(handler._echo_payload(body)).encode("utf-8"))
        handler._send(200, data, "application/json", [("Content-Encoding", "gzip")])
        return True
    if segments[:1] == ["brotli"]:
        import brotli

        data = brotli.compress(json.dumps(handler._echo_payload(body)).encode("utf-8"))
        handler._send(200, data, "application/json", [("Content-Encoding", "br")])
        return True
    return False


def _ntlm_route(handler: EchoHandler, auth: str, body: bytes) -> bool:
    """NTLM is connection-bound: the acceptor context lives on the handler (one per connection)."""
    import spnego

    token = auth[5:].strip() if auth.upper().startswith("NTLM ") else ""
    if not token:
        handler._send(401, b"{}", "application/json", [("WWW-Authenticate", "NTLM")])
        return True
    context = getattr(handler, "_ntlm_context", None)
    try:
        if context is None:
            context = spnego.server(protocol="ntlm")
            handler._ntlm_context = context  # type: ignore[attr-defined]
        reply = context.step(base64.b64decode(token))
    except Exception:  # noqa: BLE001 - any handshake failure is a plain 401
        handler._ntlm_context = None  # type: ignore[attr-defined]
        handler._send(401, b'{"ntlm": "rejected"}', "application/json")
        return True
    if not context.complete:
        challenge = "NTLM " + base64.b64encode(reply or b"").decode()
        handler._send(401, b"{}", "application/json", [("WWW-Authenticate", challenge)])
        return True
    handler._ntlm_context = None  # type: ignore[attr-defined]
    payload = json.dumps(handler._echo_payload(body)).encode("utf-8")
    handler._send(200, payload, "application/json", [("X-NTLM-User", str(context.client_principal))])
    return True


def echo_server():
    """Start the echo server on a free port; yield its base URL (``http://127.0.0.1:PORT``)."""
    return serving(EchoHandler)
