"""Masking of secrets in what pmreplay shows and writes (never in what it sends).

Why: reports and CI logs are shared more widely than environment files. Values of
``type: secret`` variables and credentials in headers (Authorization, Cookie, API keys)
are replaced by a fixed mask wherever they would appear in terminal output or a report.
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, quote_plus

MASK = "********"
SENSITIVE_HEADERS = frozenset({
    "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "apikey",
    "x-auth-token", "x-access-token", "x-gw-ims-org-id-secret",
})
MIN_SECRET_LENGTH = 3
"""Shorter secret values are not replaced inside free text: masking every "a" would make reports unreadable."""


MIN_B64_RUN = 6
"""Shortest base64 run of a secret that is masked inside a longer base64 text (fewer characters collide by chance)."""


def _base64_runs(secret: bytes) -> set[str]:
    """The base64 characters a secret always produces wherever it sits in a longer payload.

    Why: ``Basic base64("user:" + password)`` or a token embedded in a signed blob puts
    the secret at an unknown byte offset; for each of the three alignments, the
    characters built only from the secret's own bits are the same whatever surrounds it.
    """
    runs = set()
    n = len(secret)
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + secret).decode("ascii").rstrip("=")
        first = -(-8 * offset // 6)                # first character made of secret bits only
        last = (8 * (offset + n)) // 6             # one past the last such character
        run = encoded[first:last]
        if len(run) >= MIN_B64_RUN:
            runs.add(run)
            runs.add(run.replace("+", "-").replace("/", "_"))   # URL-safe alphabet
    return runs


def _variants(secret: str) -> set[str]:
    """Every form the secret takes in what pmreplay shows: raw, trimmed, URL-encoded
    (both hex cases, ``+`` for spaces), JSON-escaped (as written by json.dumps with and
    without ASCII escapes, and escaped twice for JSON inside a JSON string), HTML-escaped
    and base64 (see _base64_runs)."""
    forms = {secret, secret.strip()}
    for encoded in (quote(secret, safe=""), quote_plus(secret, safe=""), quote(secret, safe="/:@!$&'()*+,;=")):
        forms.add(encoded)
        forms.add(re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), encoded))
    for ascii_only in (True, False):
        once = json.dumps(secret, ensure_ascii=ascii_only)[1:-1]
        forms.add(once)
        forms.add(json.dumps(once, ensure_ascii=ascii_only)[1:-1])
    forms.add(html.escape(secret))
    forms |= _base64_runs(secret.encode("utf-8"))
    return {f for f in forms if len(f) >= MIN_SECRET_LENGTH}


class Masker:
    """Knows the secret values of a run and the header names that carry credentials."""

    def __init__(self, secrets: Iterable[str] = (), headers: Iterable[str] = SENSITIVE_HEADERS,
                 enabled: bool = True) -> None:
        self.enabled = enabled
        self.headers = {h.lower() for h in headers}
        self.secrets = sorted({s for s in secrets if isinstance(s, str) and len(s) >= MIN_SECRET_LENGTH},
                              key=len, reverse=True)
        self._forms: list[str] = []
        self._rebuild()

    def _rebuild(self) -> None:
        """Longest forms first, so a secret is masked whole before any shorter form of it."""
        forms: set[str] = set()
        for secret in self.secrets:
            forms |= _variants(secret)
        self._forms = sorted(forms, key=len, reverse=True)

    @classmethod
    def from_scopes(cls, *scopes: Any, enabled: bool = True) -> Masker:
        """Secrets are the values of entries typed ``secret`` in any of the scopes."""
        return cls(cls.scope_secrets(*scopes), enabled=enabled)

    @staticmethod
    def scope_secrets(*scopes: Any) -> list[str]:
        """Values of entries typed ``secret`` in the scopes (a script may add one mid-run)."""
        return [str(entry["value"]) for scope in scopes for entry in getattr(scope, "values", None) or []
                if isinstance(entry, dict) and entry.get("type") == "secret" and entry.get("value") not in (None, "")]

    def add_secret(self, value: str) -> None:
        if value and len(value) >= MIN_SECRET_LENGTH and value not in self.secrets:
            self.secrets.append(value)
            self.secrets.sort(key=len, reverse=True)
            self._rebuild()

    def text(self, value: str) -> str:
        if not self.enabled or not isinstance(value, str):
            return value
        for form in self._forms:
            if form in value:
                value = value.replace(form, MASK)
        return value

    def header_value(self, key: str, value: str) -> str:
        if self.enabled and key.lower() in self.headers and value:
            scheme, _, rest = value.partition(" ")
            if key.lower() in ("authorization", "proxy-authorization") and rest:
                return f"{scheme} {MASK}"
            return MASK
        return self.text(value)

    def headers_list(self, headers: list[dict]) -> list[dict]:
        return [{**h, "value": self.header_value(str(h.get("key", "")), str(h.get("value", "")))} for h in headers]

    def deep(self, obj: Any) -> Any:
        """Every string of a JSON-like structure masked; ``header`` lists get header masking."""
        if not self.enabled:
            return obj
        if isinstance(obj, str):
            return self.text(obj)
        if isinstance(obj, list):
            if obj and type(obj[0]) is int:  # a byte stream (Newman's Buffer JSON): often huge
                return self._byte_stream(obj)
            return [self.deep(v) for v in obj]
        if isinstance(obj, dict):
            out = {}
            for key, value in obj.items():
                if key in ("header", "headers") and isinstance(value, list) and all(isinstance(h, dict) for h in value):
                    out[key] = self.headers_list(value)
                else:
                    out[key] = self.deep(value)
            return out
        return obj

    def _byte_stream(self, values: list) -> list:
        """Mask secrets inside a response body kept as a list of byte values.

        Why: an echoing server returns the credentials it received, and the JSON report keeps
        bodies as bytes; without this the secret sits there as plain numbers.
        """
        if not self._forms or not all(type(v) is int and 0 <= v < 256 for v in values):
            return values
        data = bytes(values)
        changed = False
        for form in self._forms:
            needle = form.encode("utf-8")
            if needle in data:
                data = data.replace(needle, MASK.encode("ascii"))
                changed = True
        return list(data) if changed else values

    def json_text(self, obj: Any, **kwargs: Any) -> str:
        return json.dumps(self.deep(obj), **kwargs)
