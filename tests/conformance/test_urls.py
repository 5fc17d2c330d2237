"""URLs under Newman and pmreplay: what reaches the server and what the report and scripts see."""

from __future__ import annotations

import pytest

from tests.support.conformance import assert_same, collection, item, scope_file

pytestmark = pytest.mark.conformance

SEEN = "pm.environment.set('url.' + pm.info.requestName, pm.request.url.toString());"


def _url_object(base: str, **parts) -> dict:
    host_port = base.split("://", 1)[1]
    host, port = host_port.split(":")
    return {"raw": "ignored-when-parts-exist", "protocol": "http", "host": host.split("."), "port": port, **parts}


@pytest.fixture(scope="module")
def url_runs(conformance):
    url = conformance.url
    hostport = url.split("://", 1)[1]
    cases = {
        "no scheme": hostport + "/noscheme?a=1",
        "encoded": url + "/enc/a%20b/%E2%9C%93?q=%26x&r=a+b&s=%2F",
        "unencoded": url + "/raw/a b/é?q=a b&u=ü&h=#frag",
        "empty values": url + "/empty?a=&b&=c&&d=1",
        "duplicates": url + "/dup?a=1&a=2&A=3",
        "trailing": url + "/trailing/?",
        "path variable": url + "/users/:id/items/:item",
        "variable host": "{{host}}/varhost/{{seg}}?v={{seg}}",
        "dots": url + "/a/./b/../c",
        "unicode var": url + "/u/{{uni}}",
    }
    items = [item(name, target, test=SEEN) for name, target in cases.items()]
    items[6]["request"]["url"] = {"raw": url + "/users/:id/items/:item", "protocol": "http",
                                  "host": hostport.split(":")[0].split("."), "port": hostport.split(":")[1],
                                  "path": ["users", ":id", "items", ":item"],
                                  "variable": [{"key": "id", "value": "{{seg}}"}, {"key": "item", "value": "7"}]}
    items.append(item("object with disabled query", "x", test=SEEN))
    items[-1]["request"]["url"] = _url_object(url, path=["obj", "{{seg}}"], query=[
        {"key": "on", "value": "1"}, {"key": "off", "value": "2", "disabled": True}, {"key": "novalue", "value": None}])
    env = scope_file({"host": url, "seg": "s/1", "uni": "ünï cödé"})
    return conformance.both(collection(items), environment=env)


def test_url_forms(url_runs):
    newman, ours = url_runs
    assert_same(newman, ours, "exit_code", "executions", "failures", "environment", "stats")
    # the trailing "?" is the one known difference on the wire (next test)
    assert [w for w in ours.wire if not w[1].startswith("/trailing")] == [
        w for w in newman.wire if not w[1].startswith("/trailing")]
    assert len(newman.wire) == 11


@pytest.mark.xfail(reason="sending gap: a URL ending in a bare '?' goes out without it (requests drops an empty "
                          "query); Newman sends 'GET /trailing/?'", strict=False)
def test_bare_question_mark_reaches_the_server(url_runs):
    newman, ours = url_runs
    assert_same(newman, ours, "wire")
