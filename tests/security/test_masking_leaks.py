"""Secrets must not leak in encoded form through the real CLI's reports (cli, json, junit, html).

Why: masking the literal value is not enough once a secret travels: a query string
carries it %-encoded, a JSON body or report escapes its quotes and backslashes, Basic
auth and scripts carry it base64-encoded, and a script may print it trimmed. The run
goes against the real echo server, which sends every credential back in its body.
"""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

import pytest

from runner.masking import MASK, Masker
from tests.reporters.support import child_env, collection, pmreplay, write_json

SECRET = 'p@ss w/rd"\\é+x'
USER = "alice"


def _forms(secret: str) -> dict[str, str]:
    """The encoded forms each report must not contain."""
    b64_user = base64.b64encode(f"{USER}:{secret}".encode()).decode()
    return {
        "raw": secret,
        "url-encoded": quote(secret, safe=""),
        "url-encoded lower": quote(secret, safe="").lower().replace("p%40ss", "p%40ss"),
        "json-escaped": json.dumps(secret)[1:-1],
        "json-escaped ascii-free": json.dumps(secret, ensure_ascii=False)[1:-1],
        "basic-auth base64": b64_user,
        "base64 alone": base64.b64encode(secret.encode()).decode().rstrip("="),
    }


def test_masker_covers_each_encoded_form():
    masker = Masker([SECRET])
    for name, form in _forms(SECRET).items():
        masked = masker.text(f"before {form} after")
        assert form not in masked, name
        assert MASK in masked, name
    # bodies kept as byte lists (Newman's Buffer JSON) are masked too
    body = list(f'{{"token": "{SECRET}"}}'.encode())
    assert SECRET.encode() not in bytes(masker.deep({"stream": body})["stream"])


def test_short_and_unrelated_text_is_left_alone():
    masker = Masker(["abcdefgh"])
    assert masker.text("nothing secret here, YWJj") == "nothing secret here, YWJj"


@pytest.fixture()
def run_reports(tmp_path, echo_url):
    env = write_json(tmp_path / "env.json", {"name": "secrets", "values": [
        {"key": "pw", "value": SECRET, "type": "secret", "enabled": True},
        {"key": "padded", "value": f"  {SECRET}  ", "type": "secret", "enabled": True},
    ]})
    script = [
        "var pw = pm.environment.get('pw');",
        "console.log('raw', pw);",
        "console.log('encoded', encodeURIComponent(pw));",
        "console.log('json', JSON.stringify({pw: pw}));",
        "console.log('basic', btoa(unescape(encodeURIComponent('" + USER + ":' + pw))));",
        "console.log('trimmed', pm.environment.get('padded').trim());",
        "pm.test('echoed ' + pw, function () { pm.expect(pm.response.text()).to.equal(pw); });",
    ]
    coll = collection("masking", [{
        "name": "leaky",
        "event": [{"listen": "test", "script": {"exec": script}}],
        "request": {
            "method": "POST",
            "url": echo_url + "/anything?token={{pw}}",
            "header": [{"key": "X-Note", "value": "{{pw}}"}],
            "auth": {"type": "basic", "basic": [{"key": "username", "value": USER},
                                                 {"key": "password", "value": "{{pw}}"}]},
            "body": {"mode": "raw", "raw": json.dumps({"pw": "{{pw}}"}),
                     "options": {"raw": {"language": "json"}}},
        },
    }])
    path = write_json(tmp_path / "c.json", coll)
    out = {name: tmp_path / f"report.{name}" for name in ("json", "xml", "html")}
    proc = pmreplay("run", str(path), "-e", str(env), "-r", "cli,json,junit,html", "--verbose",
                    "--reporter-json-export", str(out["json"]), "--reporter-junit-export", str(out["xml"]),
                    "--reporter-html-export", str(out["html"]), env=child_env(NO_COLOR="1"))
    assert proc.returncode == 1, proc.stderr   # the echo test fails on purpose (message holds the secret)
    texts = {"cli": proc.stdout + proc.stderr}
    texts.update({name: p.read_text(encoding="utf-8") for name, p in out.items()})
    return texts


def test_no_report_carries_the_secret_in_any_form(run_reports):
    for report, text in run_reports.items():
        assert MASK in text, report
        for name, form in _forms(SECRET).items():
            assert form not in text, f"{report} leaks the {name} form"
