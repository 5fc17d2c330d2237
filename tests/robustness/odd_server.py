"""A local server for awkward responses: binary, non-UTF-8, very deep JSON, several megabytes.

Why not the echo server: its bodies are always well-formed JSON or query text; these routes
answer bytes no well-behaved API sends, which is what the sandbox and reporters must survive.
"""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

from tests.support.echo_server import serving

DEEP = 20_000
BODIES: dict[str, tuple[str, bytes]] = {
    "/binary": ("application/octet-stream", bytes(range(256)) * 64),
    "/latin1": ("text/plain; charset=utf-8", "café naïve".encode("latin-1")),
    "/badjson": ("application/json", b'{"a": "\xff\xfe", "b": '),
    "/deep": ("application/json", b"[" * DEEP + b"]" * DEEP),
    "/deepobj": ("application/json", b'{"a":' * DEEP + b"1" + b"}" * DEEP),
    "/huge": ("application/json", b'{"data": "' + b"x" * (4 * 1024 * 1024) + b'"}'),
    "/nul": ("text/plain", b"a\x00b\x00c"),
    "/utf16": ("application/json; charset=utf-16", '{"k": "v"}'.encode("utf-16")),
    "/empty": ("application/json", b""),
}


class OddHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        return

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        content_type, body = BODIES.get(self.path.split("?")[0], ("text/plain", b"unknown route"))
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Weird", "caf\xe9")  # latin-1 header value
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_HEAD = _answer


def odd_server():
    """Serve the odd responses on a free port; yield the base URL."""
    return serving(OddHandler)
