"""System headers, URL handling, redirects, cookies, timeouts, errors, proxies."""

from __future__ import annotations

import json
import socket
import uuid

import pytest

from runner.errors import PmreplayError
from runner.sending import ACCEPT_ENCODING, USER_AGENT, Sender, SendOptions, load_cookie_jar
from tests.sending.helpers import echoed, echoed_headers, header
from tests.sending.tls_support import forward_proxy


def _get(url: str, headers: list[dict] | None = None, method: str = "GET", body: dict | None = None) -> dict:
    return {"method": method, "url": url, "header": headers or [], "body": body}


# --- headers -----------------------------------------------------------------------------------

def test_system_headers_in_postman_order_after_user_headers(sender, echo_url):
    ex = sender.send(_get(f"{echo_url}/echo", [{"key": "X-First", "value": "1"},
                                               {"key": "X-Off", "value": "no", "disabled": True}]))
    keys = [k for k, _ in echoed_headers(ex)]
    assert keys == ["X-First", "User-Agent", "Accept", "Cache-Control", "Postman-Token", "Host",
                    "Accept-Encoding", "Connection"]
    assert header(ex, "User-Agent") == USER_AGENT and USER_AGENT.startswith("pmreplay/")
    assert header(ex, "Accept") == "*/*" and header(ex, "Cache-Control") == "no-cache"
    uuid.UUID(header(ex, "Postman-Token"))
    assert header(ex, "Host") == echo_url.split("//")[1]
    assert header(ex, "Accept-Encoding") == ACCEPT_ENCODING
    assert header(ex, "Connection") == "keep-alive"
    assert [h["key"] for h in ex.request["header"]] == keys


def test_accept_encoding_advertises_only_decodable():
    try:
        import brotli  # noqa: F401
        has_br = True
    except ImportError:
        try:
            import brotlicffi  # noqa: F401
            has_br = True
        except ImportError:
            has_br = False
    assert ("br" in ACCEPT_ENCODING) == has_br


def test_user_headers_override_system_ones_case_insensitively(sender, echo_url):
    ex = sender.send(_get(f"{echo_url}/echo", [{"key": "user-agent", "value": "mine/1"},
                                               {"key": "ACCEPT", "value": "application/json"}]))
    assert [v for k, v in echoed_headers(ex) if k.lower() == "user-agent"] == ["mine/1"]
    assert [v for k, v in echoed_headers(ex) if k.lower() == "accept"] == ["application/json"]


def test_disabled_system_headers_are_not_sent(sender, echo_url):
    disabled = {name: True for name in ("user-agent", "accept", "cache-control", "postman-token",
                                        "accept-encoding", "connection")}
    ex = sender.send(_get(f"{echo_url}/echo"), {"disabledSystemHeaders": disabled})
    keys = {k.lower() for k, _ in echoed_headers(ex)}
    assert keys == {"host"}  # urllib3 must not add its own User-Agent / Accept-Encoding either
    assert {h["key"].lower() for h in ex.request["header"]} == {"host"}


def test_url_without_scheme_and_encoding_kept(sender, echo_url):
    bare = echo_url.split("//")[1]
    ex = sender.send(_get(f"{bare}/a b/%20x?q=a b&r=%20&s=\"<>`{{}}|"))
    assert echoed(ex)["url"] == "/a%20b/%20x?q=a%20b&r=%20&s=%22%3C%3E`{}|"
    assert ex.request["url"] == f"http://{bare}/a%20b/%20x?q=a%20b&r=%20&s=%22%3C%3E`{{}}|"


def test_disable_url_encoding_sends_as_written(sender, echo_url):
    ex = sender.send(_get(f"{echo_url}/p?x=%7Bbraces%7D&y={{}}"), {"disableUrlEncoding": True})
    assert echoed(ex)["url"] == "/p?x=%7Bbraces%7D&y={}"


# --- redirects ---------------------------------------------------------------------------------

def test_redirects_followed_by_default(sender, echo_url):
    ex = sender.send(_get(f"{echo_url}/redirect/3"))
    assert ex.response.code == 200 and echoed(ex)["path"] == "/get"
    assert ex.redirects == 3
    assert ex.request["url"] == f"{echo_url}/redirect/3"  # the original request is recorded
    assert header(ex, "Referer") == f"{echo_url}/redirect/1"


def test_ignore_redirects_option_and_profile(echo_url):
    with Sender(SendOptions(follow_redirects=False)) as sender:
        ex = sender.send(_get(f"{echo_url}/redirect/1"))
        assert ex.response.code == 302 and ex.redirects == 0
        # protocolProfileBehavior wins over the run option
        assert sender.send(_get(f"{echo_url}/redirect/1"), {"followRedirects": True}).response.code == 200
    with Sender() as sender:
        assert sender.send(_get(f"{echo_url}/redirect/1"), {"followRedirects": False}).response.code == 302


def test_max_redirects_error_like_newman(sender, echo_url):
    ex = sender.send(_get(f"{echo_url}/redirect/12"))
    assert ex.response is None
    assert ex.error == f"Exceeded maxRedirects. Probably stuck in a redirect loop {echo_url}/redirect/2"
    ex = sender.send(_get(f"{echo_url}/redirect/3"), {"maxRedirects": 2})
    assert ex.error.startswith("Exceeded maxRedirects")
    assert sender.send(_get(f"{echo_url}/redirect/3"), {"maxRedirects": 3}).response.code == 200
    # 0 means none may be followed (Newman errors on the first redirect)
    ex = sender.send(_get(f"{echo_url}/redirect/1"), {"maxRedirects": 0})
    assert ex.error == f"Exceeded maxRedirects. Probably stuck in a redirect loop {echo_url}/redirect/1"


@pytest.mark.parametrize("code", [301, 302, 303])
def test_post_redirect_becomes_get_without_body(sender, echo_url, code):
    spec = _get(f"{echo_url}/redirect-to?url=/landing&status_code={code}", method="POST",
                body={"mode": "raw", "raw": "payload"})
    ex = sender.send(spec)
    seen = echoed(ex)
    assert seen["method"] == "GET" and seen["body"] == "" and header(ex, "Content-Type") is None


@pytest.mark.parametrize("code", [307, 308])
def test_307_308_keep_method_and_body(sender, echo_url, code):
    spec = _get(f"{echo_url}/redirect-to?url=/landing&status_code={code}", method="PUT",
                body={"mode": "raw", "raw": "payload"})
    seen = echoed(sender.send(spec))
    assert seen["method"] == "PUT" and seen["body"] == "payload"


def test_follow_original_http_method(sender, echo_url):
    spec = _get(f"{echo_url}/redirect-to?url=/landing&status_code=302", method="PATCH",
                body={"mode": "raw", "raw": "payload"})
    seen = echoed(sender.send(spec, {"followOriginalHttpMethod": True}))
    assert seen["method"] == "PATCH"


def test_authorization_dropped_on_cross_host_redirect_unless_asked(sender, echo_url):
    port = echo_url.rsplit(":", 1)[1]
    target = f"http://localhost:{port}/landing"
    spec = _get(f"{echo_url}/redirect-to?url={target}", [{"key": "Authorization", "value": "Bearer t"}])
    assert header(sender.send(spec), "Authorization") is None
    assert header(sender.send(spec, {"followAuthorizationHeader": True}), "Authorization") == "Bearer t"
    # same host: kept
    same = _get(f"{echo_url}/redirect-to?url=/landing", [{"key": "Authorization", "value": "Bearer t"}])
    assert header(sender.send(same), "Authorization") == "Bearer t"


def test_remove_referer_on_redirect(sender, echo_url):
    ex = sender.send(_get(f"{echo_url}/redirect/1"), {"removeRefererHeaderOnRedirect": True})
    assert header(ex, "Referer") is None


# --- cookies -----------------------------------------------------------------------------------

def test_cookie_jar_shared_across_requests(sender, echo_url):
    ex = sender.send(_get(f"{echo_url}/cookies/set?a=1&b=2"))
    assert [h["value"] for h in ex.response.header if h["key"] == "Set-Cookie"] == ["a=1; Path=/", "b=2; Path=/"]
    assert {c["name"]: c["value"] for c in ex.response.cookies} == {"a": "1", "b": "2"}
    ex = sender.send(_get(f"{echo_url}/echo"))
    assert header(ex, "Cookie") == "a=1; b=2"
    assert ex.request["header"][-1] == {"key": "Cookie", "value": "a=1; b=2"}
    assert {c["name"] for c in sender.cookies_for(echo_url)} == {"a", "b"}


def test_disable_cookies_neither_stores_nor_sends(sender, echo_url):
    sender.send(_get(f"{echo_url}/cookies/set?a=1"), {"disableCookies": True})
    assert header(sender.send(_get(f"{echo_url}/echo")), "Cookie") is None
    sender.send(_get(f"{echo_url}/cookies/set?a=1"))
    assert header(sender.send(_get(f"{echo_url}/echo"), {"disableCookies": True}), "Cookie") is None


def test_cookie_set_on_redirect_is_sent_to_target(sender, echo_url):
    ex = sender.send(_get(f"{echo_url}/cookies/set?r=1"))
    assert ex.response.code == 200
    ex = sender.send(_get(f"{echo_url}/redirect/1"))
    assert header(ex, "Cookie") == "r=1"


def test_export_and_import_cookie_jar(tmp_path, echo_url):
    jar = tmp_path / "out" / "jar.json"
    with Sender() as sender:
        sender.send(_get(f"{echo_url}/cookies/set?session=abc"))
        sender.export_cookie_jar(jar)
    doc = json.loads(jar.read_text())
    assert doc["storeType"] == "MemoryCookieStore" and doc["version"].startswith("tough-cookie@")
    (cookie,) = doc["cookies"]
    assert {k: cookie[k] for k in ("key", "value", "domain", "path", "hostOnly")} == {
        "key": "session", "value": "abc", "domain": "127.0.0.1", "path": "/", "hostOnly": True}
    assert [p.name for p in jar.parent.iterdir()] == ["jar.json"]  # no temp file left behind
    with Sender(SendOptions(cookie_jar_path=str(jar))) as sender:
        assert header(sender.send(_get(f"{echo_url}/echo")), "Cookie") == "session=abc"


def test_import_simple_cookie_list(tmp_path, echo_url):
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"name": "k", "value": "v", "domain": "127.0.0.1", "path": "/"},
                                {"name": "other", "value": "x", "domain": "example.test", "path": "/"}]))
    with Sender(SendOptions(cookie_jar_path=str(path))) as sender:
        assert header(sender.send(_get(f"{echo_url}/echo")), "Cookie") == "k=v"


def test_bad_cookie_jar_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    with pytest.raises(PmreplayError, match="not valid JSON"):
        load_cookie_jar(bad)
    with pytest.raises(PmreplayError, match="could not be read"):
        Sender(SendOptions(cookie_jar_path=str(tmp_path / "missing.json")))


# --- errors and timeouts -----------------------------------------------------------------------

def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_connection_refused_is_newman_style_error(sender):
    port = _closed_port()
    ex = sender.send(_get(f"http://127.0.0.1:{port}/x"))
    assert ex.response is None
    assert ex.error == f"connect ECONNREFUSED 127.0.0.1:{port}"
    assert ex.request["method"] == "GET" and any(h["key"] == "Host" for h in ex.request["header"])


def test_retries_only_on_connection_errors(echo_url):
    port = _closed_port()
    with Sender(SendOptions(retries=2)) as sender:
        ex = sender.send(_get(f"http://127.0.0.1:{port}/x"))
        assert ex.error == f"connect ECONNREFUSED 127.0.0.1:{port}"
        assert len(ex.warnings) == 2 and ex.warnings[0].startswith("retry 1 of 2")
        ok = sender.send(_get(f"{echo_url}/echo"))
        assert ok.warnings == [] and ok.response.code == 200


def test_request_timeout(echo_url):
    with Sender(SendOptions(timeout_request_ms=100)) as sender:
        ex = sender.send(_get(f"{echo_url}/delay/1500"))
        assert ex.response is None and ex.error == "ESOCKETTIMEDOUT"
    with Sender(SendOptions(timeout_request_ms=0)) as sender:
        assert sender.send(_get(f"{echo_url}/delay/200")).response.code == 200


def test_bad_header_value_is_error_not_traceback(sender, echo_url):
    ex = sender.send(_get(f"{echo_url}/echo", [{"key": "X-Bad", "value": "a\nb"}]))
    assert ex.response is None and ex.error and "\n" not in ex.error


# --- proxies -----------------------------------------------------------------------------------

def test_http_proxy_from_environment_and_no_proxy(monkeypatch, echo_url):
    with forward_proxy() as (proxy_url, seen):
        for name in ("HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTP_PROXY", proxy_url)
        with Sender() as sender:
            ex = sender.send(_get(f"{echo_url}/via-proxy"))
            assert header(ex, "Via") == "1.1 pmreplay-test-proxy"
            assert seen == [f"{echo_url}/via-proxy"]
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        with Sender() as sender:
            ex = sender.send(_get(f"{echo_url}/direct"))
            assert header(ex, "Via") is None and len(seen) == 1


def test_malformed_spec_never_raises(sender, echo_url):
    odd = [
        {"method": "POST", "url": f"{echo_url}/echo", "body": {"mode": "raw", "raw": "x", "options": "json"}},
        {"method": "POST", "url": f"{echo_url}/echo", "body": {"mode": "formdata", "formdata": "oops"}},
        {"method": "GET", "url": f"{echo_url}/echo", "header": "X-A: 1"},
        {"method": "GET", "url": f"{echo_url}/echo", "auth": {"type": "basic", "basic": "u:p"}},
        {"url": None},
    ]
    for spec in odd:
        ex = sender.send(spec)
        assert ex.error is None or "\n" not in ex.error


def test_idn_host_sent_as_punycode(echo_url):
    from runner.connect_to import parse_connect_to

    port = echo_url.rsplit(":", 1)[1]
    with Sender(SendOptions(connect_to=[parse_connect_to(f"xn--bcher-kva.example::127.0.0.1:{port}")])) as sender:
        ex = sender.send(_get("http://bücher.example/ä?q=ü"))
    assert header(ex, "Host") == "xn--bcher-kva.example"
    assert echoed(ex)["url"] == "/%C3%A4?q=%C3%BC"
