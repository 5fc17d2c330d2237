"""curl-style ``--connect-to`` routing and the HTTP adapter that dials somewhere else.

Why: published collections hard-code hosts (``https://ims-na1.adobelogin.com/...``). To run
them against a local stand-in without editing them, the connection must go to HOST2:PORT2
while the URL, the ``Host`` header, TLS SNI and certificate-name checking stay those of the
original host. The same adapter also carries the client-key passphrase down to urllib3,
which requests has no parameter for.
"""

from __future__ import annotations

import contextvars
from typing import Any

from requests import PreparedRequest
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util import parse_url
from urllib3.util.url import _encode_target

ConnectTo = tuple[str, str, str, str]

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _split_host_port(text: str) -> list[str]:
    """Split ``H1:P1:H2:P2`` where hosts may be bracketed IPv6 literals."""
    fields: list[str] = []
    i = 0
    current = ""
    while i < len(text):
        ch = text[i]
        if ch == "[":
            end = text.find("]", i)
            if end < 0:
                raise ValueError(f"invalid --connect-to '{text}': unclosed '['")
            current += text[i + 1:end]
            i = end + 1
            continue
        if ch == ":":
            fields.append(current)
            current = ""
        else:
            current += ch
        i += 1
    fields.append(current)
    return fields


def parse_connect_to(text: str) -> ConnectTo:
    """Parse ``HOST1:PORT1:HOST2:PORT2`` (curl's meaning; empty HOST1/PORT1 = any).

    Raises ValueError with a one-line message on bad input.
    """
    fields = _split_host_port(text.strip())
    if len(fields) != 4:
        raise ValueError(f"invalid --connect-to '{text}': expected HOST1:PORT1:HOST2:PORT2")
    host1, port1, host2, port2 = fields
    for port in (port1, port2):
        if port and not (port.isdigit() and 0 < int(port) < 65536):
            raise ValueError(f"invalid --connect-to '{text}': bad port '{port}'")
    return host1.lower(), port1, host2, port2


def match_connect_to(rules: list[ConnectTo], scheme: str, host: str, port: int | None) -> tuple[str, int] | None:
    """The (host, port) to dial for this origin, or None when no rule matches (first rule wins)."""
    port = port or _DEFAULT_PORTS.get(scheme, 80)
    host = host.lower().strip("[]")
    for host1, port1, host2, port2 in rules:
        if host1 and host1 != host:
            continue
        if port1 and int(port1) != port:
            continue
        return (host2 or host), (int(port2) if port2 else port)
    return None


# The request target exactly as the sender wants it on the request line. urllib3 re-encodes
# every target (``{`` -> ``%7B``), which Postman does not do; the connections below put the
# sender's own target back when it is the same request (same target once re-encoded).
RAW_TARGET: contextvars.ContextVar[str | None] = contextvars.ContextVar("pmreplay_raw_target", default=None)


def _restore_target(url: str) -> str:
    raw = RAW_TARGET.get()
    if raw and raw != url and raw.startswith("/") and _encode_target(raw) == url:
        return raw
    return url


class _RawHTTPConnection(HTTPConnection):
    def putrequest(self, method: str, url: str, *args: Any, **kwargs: Any) -> None:
        super().putrequest(method, _restore_target(url), *args, **kwargs)


class _RawHTTPSConnection(HTTPSConnection):
    def putrequest(self, method: str, url: str, *args: Any, **kwargs: Any) -> None:
        super().putrequest(method, _restore_target(url), *args, **kwargs)


class _RawHTTPPool(HTTPConnectionPool):
    ConnectionCls = _RawHTTPConnection


class _RawHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _RawHTTPSConnection


class RoutingAdapter(HTTPAdapter):
    """An HTTPAdapter that applies ``connect_to`` rules and client-key passphrases.

    Pools are keyed by urllib3 on (host, port, server_hostname, assert_hostname, ...), so a
    rerouted origin never shares a connection with a direct one.
    """

    def __init__(self, connect_to: list[ConnectTo] | None = None, **kwargs: Any) -> None:
        self.connect_to = list(connect_to or [])
        self.key_passwords: dict[str, str] = {}
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _RawHTTPPool, "https": _RawHTTPSPool}

    def route_for(self, url: str) -> tuple[str, int] | None:
        parsed = parse_url(url)
        return match_connect_to(self.connect_to, (parsed.scheme or "http").lower(), parsed.host or "",
                                parsed.port)

    def get_connection_with_tls_context(self, request: PreparedRequest, verify: Any,
                                        proxies: dict[str, str] | None = None, cert: Any = None):
        route = self.route_for(request.url or "") if self.connect_to else None
        key_file = cert[1] if isinstance(cert, tuple) and len(cert) > 1 else cert
        password = self.key_passwords.get(str(key_file)) if cert else None
        if route is None and password is None:
            return super().get_connection_with_tls_context(request, verify, proxies, cert)
        host_params, pool_kwargs = self.build_connection_pool_key_attributes(request, verify, cert)
        if password is not None:
            pool_kwargs["key_password"] = password
        if route is None:
            if proxies and any(proxies.values()):
                return super().get_connection_with_tls_context(request, verify, proxies, cert)
            return self.poolmanager.connection_from_host(**host_params, pool_kwargs=pool_kwargs)
        original = host_params["host"]
        host_params = dict(host_params, host=route[0], port=route[1])
        if host_params["scheme"] == "https":
            pool_kwargs["server_hostname"] = original
            if verify is not False:
                pool_kwargs["assert_hostname"] = original
        return self.poolmanager.connection_from_host(**host_params, pool_kwargs=pool_kwargs)
