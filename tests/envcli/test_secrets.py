"""What ``pmreplay env check`` takes for a secret, and what it leaves alone (in process)."""

from __future__ import annotations

import pytest

from runner.envcli import secret_finding

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"


@pytest.mark.parametrize("key, value, type_, reason", [
    ("K", "-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----", "default", "looks like a private key"),
    ("K", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n", "default", "looks like a private key"),
    ("AUTH", f"Bearer {JWT}", "default", "looks like a JSON Web Token"),
    ("K", "AKIAIOSFODNN7EXAMPLE", "default", "looks like an AWS access key id"),
    ("K", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "default", "looks like a GitHub token"),
    ("K", "xoxb-123456789012-abcdefABCDEF", "default", "looks like a Slack token"),
    ("HOOK", "https://hooks.slack.com/services/T000/B000/XXXX", "default", "looks like a Slack webhook URL"),
    ("DB", "postgres://app:pa55word@db.internal:5432/app", "default", "looks like a URL with a password in it"),
    ("K", "Zx8Qp2Lm9Vt4Rk7Ws1Ny6Hb3Jd5Fg0Ac", "default", "looks like a token (long, random text)"),
    ("K", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "default",
     "looks like a token (long, random text)"),
    ("K", "anything", "secret", "is typed secret but holds a literal value"),
    ("PIN", 1234, "secret", "is typed secret but holds a literal value"),
    ("dbPassword", "hunter2", "default", "is named like a password and holds a literal value"),
    ("client-secret", "s", "default", "is named like a client secret and holds a literal value"),
    ("PRIVATE_KEY", "abc", "default", "is named like a private key and holds a literal value"),
    ("K", "${env:X:-ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8}", "default", "looks like a GitHub token"),
    ("OBJ", {"nested": {"key": "AKIAIOSFODNN7EXAMPLE"}}, "default", "looks like an AWS access key id"),
])
def test_flagged(key, value, type_, reason):
    assert secret_finding({"key": key, "value": value, "type": type_}) == reason


@pytest.mark.parametrize("key, value, type_", [
    ("CLIENT_SECRET", "${env:CLIENT_SECRET}", "secret"),
    ("TOKEN", "Bearer ${env:TOKEN}", "default"),
    ("TOKEN", "", "secret"),
    ("TOKEN", None, "secret"),
    ("PASSWORD", "{{other_variable}}", "default"),
    ("PASSWORD", "<your password here>", "default"),
    ("API_KEY", "xxxxxxxx", "default"),
    ("TOKEN_URL", "https://ims-na1.adobelogin.com/ims/token/v1", "default"),
    ("TOKEN_EXPIRES_IN", 86400, "default"),
    ("PASSWORD_RULES", "at least 12 characters", "default"),
    ("SANDBOX_ID", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "default"),
    ("IMS_ORG", "0123456789ABCDEF01234567@AdobeOrg", "default"),
    ("SCHEMA_PATH", "/data/foundation/schemaregistry/tenant/schemas", "default"),
    ("SCHEMA", "https://ns.adobe.com/acmecorp/schemas/4b3f2d1c0e9a8b7c6d5e4f3a2b1c0d9e", "default"),
    ("ENABLED", True, "secret"),
    ("GREETING", "the quick brown fox jumps over the lazy dog again", "default"),
])
def test_not_flagged(key, value, type_):
    assert secret_finding({"key": key, "value": value, "type": type_}) is None
