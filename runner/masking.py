"""Masking of secrets in what pmreplay shows and writes (never in what it sends).

Why: reports and CI logs are shared more widely than environment files. Values of
``type: secret`` variables and credentials in headers (Authorization, Cookie, API keys)
are replaced by a fixed mask wherever they would appear in terminal output or a report.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

MASK = "********"
SENSITIVE_HEADERS = frozenset({
    "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "apikey",
    "x-auth-token", "x-access-token", "x-gw-ims-org-id-secret",
})
MIN_SECRET_LENGTH = 3
"""Shorter secret values are not replaced inside free text: masking every "a" would make reports unreadable."""


class Masker:
    """Knows the secret values of a run and the header names that carry credentials."""

    def __init__(self, secrets: Iterable[str] = (), headers: Iterable[str] = SENSITIVE_HEADERS,
                 enabled: bool = True) -> None:
        self.enabled = enabled
        self.headers = {h.lower() for h in headers}
        self.secrets = sorted({s for s in secrets if isinstance(s, str) and len(s) >= MIN_SECRET_LENGTH},
                              key=len, reverse=True)

    @classmethod
    def from_scopes(cls, *scopes: Any, enabled: bool = True) -> Masker:
        """Secrets are the values of entries typed ``secret`` in any of the scopes."""
        secrets: list[str] = []
        for scope in scopes:
            for entry in getattr(scope, "values", None) or []:
                if isinstance(entry, dict) and entry.get("type") == "secret" and entry.get("value") not in (None, ""):
                    secrets.append(str(entry["value"]))
        return cls(secrets, enabled=enabled)

    def add_secret(self, value: str) -> None:
        if value and len(value) >= MIN_SECRET_LENGTH and value not in self.secrets:
            self.secrets.append(value)
            self.secrets.sort(key=len, reverse=True)

    def text(self, value: str) -> str:
        if not self.enabled or not isinstance(value, str):
            return value
        for secret in self.secrets:
            if secret in value:
                value = value.replace(secret, MASK)
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
            if obj and type(obj[0]) is int:  # a byte stream (Newman's Buffer JSON): nothing to mask, often huge
                return obj
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

    def json_text(self, obj: Any, **kwargs: Any) -> str:
        return json.dumps(self.deep(obj), **kwargs)
