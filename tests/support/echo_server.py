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
        extra: list[tuple[str, str]] = []
        if segments[:2] == ["cookies", "set"]:
            extra = [("Set-Cookie", f"{k}={v}; Path=/") for k, v in query.items()]
        payload = self._echo_payload(body)
        self._send(200, json.dumps(payload).encode("utf-8"), "application/json", extra)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = _handle
    do_COPY = do_PURGE = do_LOCK = do_UNLOCK = do_PROPFIND = do_VIEW = _handle


@contextmanager
def echo_server() -> Iterator[str]:
    """Start the echo server on a free port; yield its base URL (``http://127.0.0.1:PORT``)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), EchoHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
