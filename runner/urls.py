"""Postman URL objects to strings, and raw strings to URL objects.

Why a module of its own: a v2.1 collection stores a request URL either as a string or as
an object of components (``protocol``, ``host``, ``path``, ``query``, ``variable``...).
Newman builds the string from the components (the ``raw`` field is only a fallback), then
substitutes variables in the whole string and parses it again. The loader, the run loop
and the exporters all need the same two conversions.
"""

from __future__ import annotations

import re
from typing import Any

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def as_text(value: Any) -> str:
    """A JSON scalar as Postman writes it into a URL or header (None is empty, booleans lower case)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def query_to_string(query: list[dict] | None) -> str:
    """Enabled query parameters as ``a=1&b&c=``, in order (Postman keeps valueless keys bare)."""
    parts = []
    for param in query or []:
        if not isinstance(param, dict) or param.get("disabled"):
            continue
        key, value = param.get("key"), param.get("value")
        if key is None and value is None:
            continue
        if value is None:
            parts.append(as_text(key))
        elif key is None:
            parts.append("=" + as_text(value))
        else:
            parts.append(f"{as_text(key)}={as_text(value)}")
    return "&".join(parts)


def url_to_string(url: Any) -> str:
    """The URL a request would be sent to, before variable substitution."""
    if url is None:
        return ""
    if isinstance(url, str):
        return url
    if not isinstance(url, dict):
        raise ValueError(f"a URL must be a string or an object, not {type(url).__name__}")
    has_components = any(url.get(k) not in (None, "", []) for k in ("host", "path"))
    if not has_components:
        raw = url.get("raw")
        return raw if isinstance(raw, str) else ""
    out = ""
    protocol = url.get("protocol")
    if protocol:
        out += f"{str(protocol).rstrip(':/')}://"
    auth = url.get("auth")
    if isinstance(auth, dict) and (auth.get("user") or auth.get("password")):
        out += as_text(auth.get("user"))
        if auth.get("password"):
            out += ":" + as_text(auth.get("password"))
        out += "@"
    host = url.get("host")
    if isinstance(host, list):
        out += ".".join(as_text(h) for h in host)
    elif host is not None:
        out += as_text(host)
    if url.get("port") not in (None, ""):
        out += ":" + as_text(url.get("port"))
    path = url.get("path")
    if isinstance(path, list):
        segments = [p.get("value", "") if isinstance(p, dict) else as_text(p) for p in path]
        if segments:
            out += "/" + "/".join(segments)
    elif isinstance(path, str) and path:
        out += path if path.startswith("/") else "/" + path
    query = query_to_string(url.get("query"))
    if query:
        out += "?" + query
    if url.get("hash"):
        out += "#" + as_text(url.get("hash"))
    return out


def parse_url(raw: str) -> dict:
    """A raw URL string as a v2.1 URL object; ``{{variables}}`` stay intact."""
    rest = raw.strip()
    result: dict[str, Any] = {"raw": raw}
    match = _SCHEME.match(rest)
    if match:
        result["protocol"] = match.group(1)
        rest = rest[match.end():]
    if "#" in rest:
        rest, result["hash"] = rest.split("#", 1)
    query_text = None
    if "?" in rest:
        rest, query_text = rest.split("?", 1)
    slash = rest.find("/")
    authority, path = (rest, "") if slash < 0 else (rest[:slash], rest[slash + 1:])
    if "@" in authority and not authority.startswith("{{"):
        creds, authority = authority.rsplit("@", 1)
        user, _, password = creds.partition(":")
        result["auth"] = {"user": user, "password": password}
    port_match = re.match(r"^(.*?):(\d+|\{\{[^{}]*\}\})$", authority)
    if port_match and not authority.startswith("["):
        authority, result["port"] = port_match.group(1), port_match.group(2)
    elif authority.startswith("[") and "]:" in authority:
        authority, result["port"] = authority.rsplit(":", 1)
    if authority.startswith("{{") and authority.endswith("}}") and "." not in authority.strip("{}"):
        result["host"] = [authority]
    else:
        result["host"] = authority.split(".") if authority else []
    if slash >= 0:
        result["path"] = path.split("/")
    if query_text is not None:
        query = []
        for chunk in query_text.split("&"):
            if chunk == "":
                # like postman-collection: a bare "?" is one empty key, an empty "&&" slot a null pair
                query.append({"key": "" if query_text == "" else None, "value": None})
                continue
            key, eq, value = chunk.partition("=")
            query.append({"key": key, "value": value if eq else None})
        result["query"] = query
    return result


def apply_path_variables(url: str, variables: list[dict] | None) -> str:
    """Replace ``:name`` path segments with the URL's path-variable values (Postman's ``url.variable``)."""
    if not variables:
        return url
    values = {v.get("key"): v.get("value") for v in variables
              if isinstance(v, dict) and v.get("key") and not v.get("disabled")}
    if not values:
        return url
    match = _SCHEME.match(url)
    prefix = match.group(0) if match else ""
    rest = url[len(prefix):]
    cut = len(rest)
    for sep in ("?", "#"):
        pos = rest.find(sep)
        if 0 <= pos < cut:
            cut = pos
    before, after = rest[:cut], rest[cut:]
    segments = before.split("/")
    for i, segment in enumerate(segments[1:], start=1):
        if segment.startswith(":") and segment[1:] in values and values[segment[1:]] is not None:
            segments[i] = as_text(values[segment[1:]])
    return prefix + "/".join(segments) + after


def ensure_scheme(url: str) -> str:
    """Newman sends a URL without a scheme over http."""
    stripped = url.strip()
    if not stripped:
        return stripped
    return stripped if _SCHEME.match(stripped) else "http://" + stripped
