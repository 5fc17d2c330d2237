"""TLS trust (-k, extra CAs, strictSSL), --connect-to for http and https, client certificates."""

from __future__ import annotations

import json

import pytest

from runner.connect_to import match_connect_to, parse_connect_to
from runner.errors import PmreplayError
from runner.sending import Sender, SendOptions
from tests.sending.helpers import echoed, header


def _get(url: str) -> dict:
    return {"method": "GET", "url": url, "header": []}


def _response_header(ex, name: str) -> str | None:
    values = [h["value"] for h in ex.response.header if h["key"].lower() == name.lower()]
    return values[0] if values else None


# --- parse_connect_to --------------------------------------------------------------------------

def test_parse_connect_to_forms():
    assert parse_connect_to("ims.example.test:443:127.0.0.1:8443") == ("ims.example.test", "443", "127.0.0.1", "8443")
    assert parse_connect_to("::127.0.0.1:") == ("", "", "127.0.0.1", "")
    assert parse_connect_to("[::1]:80:[::1]:8080") == ("::1", "80", "::1", "8080")
    assert parse_connect_to("Example.COM:80::9000") == ("example.com", "80", "", "9000")


@pytest.mark.parametrize("text, message", [
    ("a:b:c", "expected HOST1:PORT1:HOST2:PORT2"),
    ("a:80:b:99999", "bad port '99999'"),
    ("a:http:b:80", "bad port 'http'"),
    ("[::1:80:b:80", r"unclosed '\['"),
])
def test_parse_connect_to_errors(text, message):
    with pytest.raises(ValueError, match=message) as info:
        parse_connect_to(text)
    assert "\n" not in str(info.value)


def test_match_connect_to_rules():
    rules = [parse_connect_to("a.test:443:127.0.0.1:9443"), parse_connect_to(":80:127.0.0.1:9080")]
    assert match_connect_to(rules, "https", "A.test", None) == ("127.0.0.1", 9443)
    assert match_connect_to(rules, "https", "a.test", 8443) is None
    assert match_connect_to(rules, "http", "anything.test", None) == ("127.0.0.1", 9080)
    assert match_connect_to([parse_connect_to("a.test:::")], "http", "a.test", 81) == ("a.test", 81)


# --- trust -------------------------------------------------------------------------------------

def test_unknown_ca_is_an_error(tls_port):
    with Sender() as sender:
        ex = sender.send(_get(f"https://127.0.0.1:{tls_port}/x"))
    assert ex.response is None
    assert ex.error == "unable to get local issuer certificate"


def test_insecure_and_strict_ssl(tls_port):
    with Sender(SendOptions(insecure=True)) as sender:
        assert sender.send(_get(f"https://127.0.0.1:{tls_port}/x")).response.code == 200
        # strictSSL: true on the request turns verification back on
        assert sender.send(_get(f"https://127.0.0.1:{tls_port}/x"), {"strictSSL": True}).error
    with Sender() as sender:
        assert sender.send(_get(f"https://127.0.0.1:{tls_port}/x"), {"strictSSL": False}).response.code == 200


def test_extra_ca_adds_to_default_trust(pki, tls_port):
    with Sender(SendOptions(ssl_extra_ca_certs=str(pki.ca_cert))) as sender:
        assert sender.verify != str(pki.ca_cert)
        bundle = open(sender.verify, encoding="utf-8").read()
        assert bundle.count("BEGIN CERTIFICATE") > 10  # the default roots are still there
        ex = sender.send(_get(f"https://127.0.0.1:{tls_port}/x"))
        assert ex.response.code == 200
        bundle_path = sender.verify
    import os

    assert not os.path.exists(bundle_path)  # temp bundle removed on close


def test_bad_extra_ca_file_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.pem"
    bad.write_text("not a cert")
    with pytest.raises(PmreplayError, match="no usable PEM certificate"):
        Sender(SendOptions(ssl_extra_ca_certs=str(bad)))
    with pytest.raises(PmreplayError, match="could not be read"):
        Sender(SendOptions(ssl_extra_ca_certs=str(tmp_path / "missing.pem")))


# --- connect-to --------------------------------------------------------------------------------

def test_connect_to_http_keeps_url_and_host(echo_url):
    port = int(echo_url.rsplit(":", 1)[1])
    rules = [parse_connect_to(f"kjur.github.io::127.0.0.1:{port}")]
    with Sender(SendOptions(connect_to=rules)) as sender:
        ex = sender.send(_get("http://kjur.github.io/jsrsasign/api.html?x=1"))
        assert echoed(ex)["url"] == "/jsrsasign/api.html?x=1"
        assert header(ex, "Host") == "kjur.github.io"
        assert ex.request["url"] == "http://kjur.github.io/jsrsasign/api.html?x=1"


def test_connect_to_https_with_extra_ca_checks_original_name(pki, tls_port, sni_log):
    rules = [parse_connect_to(f"ims.example.test:443:127.0.0.1:{tls_port}"),
             parse_connect_to(f"other.example.test:443:127.0.0.1:{tls_port}")]
    with Sender(SendOptions(connect_to=rules, ssl_extra_ca_certs=str(pki.ca_cert))) as sender:
        ex = sender.send(_get("https://ims.example.test/ims/token/v1"))
        assert echoed(ex)["url"] == "/ims/token/v1"
        assert header(ex, "Host") == "ims.example.test"
        assert "ims.example.test" in sni_log
        # the certificate does not cover other.example.test: the name check must use the URL's host
        ex = sender.send(_get("https://other.example.test/x"))
        assert ex.response is None
        assert ex.error.startswith("Hostname/IP does not match certificate's altnames")


def test_connect_to_https_insecure(tls_port):
    rules = [parse_connect_to(f"ims-na1.adobelogin.com:443:127.0.0.1:{tls_port}")]
    with Sender(SendOptions(connect_to=rules, insecure=True)) as sender:
        ex = sender.send(_get("https://ims-na1.adobelogin.com/ims/exchange/jwt"))
        assert ex.response.code == 200 and header(ex, "Host") == "ims-na1.adobelogin.com"


def test_connect_to_bypasses_environment_proxy(echo_url, monkeypatch):
    port = int(echo_url.rsplit(":", 1)[1])
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # would fail if used
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with Sender(SendOptions(connect_to=[parse_connect_to(f"stand-in.test:80:127.0.0.1:{port}")])) as sender:
        assert sender.send(_get("http://stand-in.test/x")).response.code == 200


# --- client certificates -----------------------------------------------------------------------

def test_mtls_without_client_cert_fails(pki, mtls_port):
    with Sender(SendOptions(ssl_extra_ca_certs=str(pki.ca_cert))) as sender:
        ex = sender.send(_get(f"https://127.0.0.1:{mtls_port}/x"))
    assert ex.response is None and ex.error


def test_client_cert_and_key(pki, mtls_port):
    options = SendOptions(ssl_extra_ca_certs=str(pki.ca_cert), ssl_client_cert=str(pki.client_cert),
                          ssl_client_key=str(pki.client_key))
    with Sender(options) as sender:
        ex = sender.send(_get(f"https://127.0.0.1:{mtls_port}/x"))
    assert ex.error is None and _response_header(ex, "X-Client-CN") == "pmreplay client"


def test_client_key_with_passphrase(pki, mtls_port):
    options = SendOptions(ssl_extra_ca_certs=str(pki.ca_cert), ssl_client_cert=str(pki.client_cert),
                          ssl_client_key=str(pki.client_key_encrypted), ssl_client_passphrase=pki.passphrase)
    with Sender(options) as sender:
        ex = sender.send(_get(f"https://127.0.0.1:{mtls_port}/x"))
    assert ex.error is None and _response_header(ex, "X-Client-CN") == "pmreplay client"


def test_client_cert_list_matches_by_url(pki, mtls_port):
    entries = [{"name": "other", "matches": ["https://elsewhere.test/*"],
                "key": {"src": str(pki.client_key)}, "cert": {"src": str(pki.client_cert)}},
               {"name": "local", "matches": [f"https://127.0.0.1:{mtls_port}/secure/*"],
                "key": {"src": pki.client_key_encrypted.name}, "cert": {"src": pki.client_cert.name},
                "passphrase": pki.passphrase}]  # relative: found next to the list file
    listing = pki.client_cert.parent / "certs.json"
    listing.write_text(json.dumps(entries))
    options = SendOptions(ssl_extra_ca_certs=str(pki.ca_cert), ssl_client_cert_list=str(listing))
    with Sender(options) as sender:
        ex = sender.send(_get(f"https://127.0.0.1:{mtls_port}/secure/a"))
        assert ex.error is None and _response_header(ex, "X-Client-CN") == "pmreplay client"
        assert sender.send(_get(f"https://127.0.0.1:{mtls_port}/open")).error  # no entry matches


def test_client_cert_options_validated(tmp_path):
    with pytest.raises(PmreplayError, match="does not exist"):
        Sender(SendOptions(ssl_client_cert=str(tmp_path / "nope.pem")))
    listing = tmp_path / "bad.json"
    listing.write_text('{"not": "a list"}')
    with pytest.raises(PmreplayError, match="must be a JSON list"):
        Sender(SendOptions(ssl_client_cert_list=str(listing)))
