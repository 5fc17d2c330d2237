"""The ``html`` reporter through the real CLI against the local echo server: content, masking, offline."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from urllib.parse import quote

import pytest

from tests.reporters.support import Page, child_env, closed_port, collection, item, pmreplay, write_json

TOKEN = "tok-3f9a1c77e2"
PASSWORD = "pw-9d8c7b6a5e"


def demo_collection(echo_url: str, beacon: str = "http://127.0.0.1:9/beacon.png") -> dict:
    """Two folders' worth of what a report must show: JSON both ways, failures, skips, console, visualizer."""
    post_tests = [
        "pm.test('status is 200', () => pm.response.to.have.status(200));",
        "pm.test('echoes the id', () => pm.expect(pm.response.json().json.id).to.equal(999));",
        "console.log('created <b>item</b>', {id: pm.response.json().json.id});",
        "console.warn('careful');",
        f"pm.visualizer.set('<h1>{{{{title}}}}</h1><img src=\"{beacon}\"><script>parent.document.title=\"x\"</script>', {{title: 'Viz'}});",
    ]
    post = item("Create <thing>", f"{echo_url}/things", post_tests, method="POST",
                header=[{"key": "Authorization", "value": f"Bearer {TOKEN}"},
                        {"key": "Content-Type", "value": "application/json"}],
                body={"mode": "raw", "raw": json.dumps({"id": 7, "password": "{{password}}"})})
    form = item("Form", f"{echo_url}/form", ["pm.test.skip('later', () => {});"], method="POST",
                body={"mode": "urlencoded", "urlencoded": [{"key": "user", "value": "ada"},
                                                           {"key": "secret", "value": "{{password}}"}]})
    refused = item("Refused", f"http://127.0.0.1:{closed_port()}/nothing")
    html_page = item("Page <script>alert(1)</script>",
                     f"{echo_url}/text?type=text/html&body={quote('<p onclick=x>' + chr(0x263A) + '</p>')}",
                     ["pm.test('is html', () => pm.response.to.have.header('Content-Type'));"])
    return collection("Demo <coll> & co", [
        {"name": "Writes", "item": [post, form]},
        {"name": "Reads", "item": [html_page]},
        refused,
    ])


@pytest.fixture(scope="module")
def report(tmp_path_factory, echo_url):
    """One real run, reported in HTML; the tests below read different parts of it."""
    folder = tmp_path_factory.mktemp("html")
    path = write_json(folder / "demo.postman_collection.json", demo_collection(echo_url))
    env = write_json(folder / "env.json", {"name": "Staging <eu>", "values": [
        {"key": "password", "value": PASSWORD, "type": "secret"}]})
    out = folder / "report.html"
    result = pmreplay("run", str(path), "-e", str(env), "-r", "cli,html", "--reporter-html-export", str(out))
    assert result.returncode == 1, result.stderr  # one failing assertion and one refused connection
    text = out.read_text(encoding="utf-8")
    return text, Page(text), result


def test_report_is_well_formed_html(report):
    text, page, _ = report
    assert text.startswith("<!DOCTYPE html>")
    assert page.errors == []
    assert len(page.all("html")) == 1 and len(page.all("body")) == 1


def test_summary_counts_and_names(report):
    _, page, _ = report
    ids = page.by_id
    assert ids["collection-name"] == "Demo <coll> & co"
    assert ids["environment-name"] == "Staging <eu>"
    assert ids["verdict"] == "FAILED"
    assert ids["stat-iterations"] == "1"
    assert ids["stat-requests"] == "4"
    assert ids["stat-assertions-passed"] == "2"
    assert ids["stat-assertions-failed"] == "1"
    assert ids["stat-assertions-skipped"] == "1"
    assert re.fullmatch(r"\d+(\.\d+)?(µs|ms|s)", ids["stat-duration"])
    assert re.fullmatch(r"\d+(\.\d+)?(B|kB|MB)", ids["stat-received"])


def test_failures_come_first_and_link_to_their_request(report):
    text, page, _ = report
    assert text.index('id="failures"') < text.index('id="executions"')
    failures = page.by_id["failures"]
    assert "expected 7 to equal 999" in failures
    assert "ECONNREFUSED" in failures
    links = [a["href"] for a in page.all("a") if a.get("href", "").startswith("#ex-")]
    targets = {attrs["id"] for attrs in page.all("details") if "id" in attrs}
    assert links and set(links) <= {f"#{t}" for t in targets}


def test_every_execution_with_request_response_assertions_and_console(report):
    text, page, _ = report
    executions = [attrs for attrs in page.all("details") if "execution" in attrs.get("class", "")]
    assert [e["class"].split()[1] for e in executions] == ["failed", "passed", "passed", "error"]
    assert {e["id"] for e in executions if "open" in e} == {"ex-1", "ex-4"}  # the failing ones start open
    post = page.by_id["ex-1"]
    assert "POST" in post and "/things" in post
    assert '"id": 7' in post  # request body pretty-printed (it was sent on one line)
    assert '"method": "POST"' in post  # echoed response body pretty-printed
    assert "Content-Type" in post and "application/json" in post
    assert "status is 200" in post
    states = re.findall(r'<li class="assertion (\w+)">.*?<span class="aname">([^<]*)</span>', text)
    assert states == [("passed", "status is 200"), ("failed", "echoes the id"), ("skipped", "later"),
                      ("passed", "is html")]
    assert "expected 7 to equal 999" in post
    assert "[log] created <b>item</b> {\"id\": 7}" in post
    assert "[warn] careful" in post
    form = page.by_id["ex-2"]
    assert "urlencoded" in form and "ada" in form and "(skipped)" in form
    assert "Refused" in page.by_id["ex-4"] and "ECONNREFUSED" in page.by_id["ex-4"]
    group_titles = re.findall(r"<h2>([^<]*)</h2>", text)
    assert "Writes" in group_titles and "Reads" in group_titles


def test_secrets_and_credentials_never_appear(report):
    text, page, result = report
    assert TOKEN not in text and PASSWORD not in text
    assert "Bearer ********" in page.by_id["ex-1"]
    assert TOKEN not in result.stdout


def test_everything_the_run_produced_is_escaped(report):
    text, page, _ = report
    assert "Page &lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert len(page.all("script")) == 1 and "src" not in page.all("script")[0]
    assert "<p onclick" not in text and not any("onclick" in attrs for _, attrs in page.tags)
    assert "☺" in page.by_id["ex-3"]


def test_self_contained_no_external_urls(report):
    text, page, _ = report
    for tag, attrs in page.tags:
        for name in ("src", "href", "action", "poster", "data"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith(("#", "data:")), f"<{tag} {name}={value!r}>"
    assert not page.all("link"), "no stylesheets or fonts from elsewhere"
    assert "@import" not in text and "url(" not in text.split("<body")[0]


def test_csp_allows_only_the_inline_script(report):
    _, page, _ = report
    csp = next(m["content"] for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


def test_visualizer_in_a_sandboxed_frame(report):
    _, page, _ = report
    frames = page.all("iframe")
    assert len(frames) == 1
    frame = frames[0]
    assert frame["sandbox"] == ""  # no scripts, no same-origin
    assert "src" not in frame
    assert frame["srcdoc"].startswith("<h1>Viz</h1><img")  # filled like Postman's Handlebars would
    assert '"title": "Viz"' in page.by_id["ex-1"]


def test_visualizer_outside_the_handlebars_subset_is_shown_unfilled(tmp_path, echo_url):
    tests = ["pm.visualizer.set('<p>{{formatDate when}}</p>{{secretish}}', {when: 1, secretish: pm.environment.get('pw')});"]
    path = write_json(tmp_path / "c.json", collection("viz", [item("v", f"{echo_url}/v", tests)]))
    env = write_json(tmp_path / "e.json", {"values": [{"key": "pw", "value": PASSWORD, "type": "secret"}]})
    out = tmp_path / "r.html"
    result = pmreplay("run", str(path), "-e", str(env), "-r", "html", "--reporter-html-export", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    page = Page(text)
    frame = page.all("iframe")[0]
    assert frame["srcdoc"] == "<p>{{formatDate when}}</p>{{secretish}}"
    assert "shown unfilled: the template uses &#39;{{formatDate when}}&#39; (partials and helpers)" in text
    assert PASSWORD not in text and '"secretish": "********"' in page.by_id["ex-1"]


def test_timings_chart_is_inline_svg(report):
    _, page, _ = report
    assert len(page.all("svg")) == 1
    bars = page.all("rect")
    assert len(bars) == 3  # the refused request has no time
    assert [b["class"] for b in bars] == ["bar-failed", "bar-passed", "bar-passed"]
    assert max(float(b["height"]) for b in bars) == pytest.approx(140.0)


def test_iterations_group_and_long_bodies_are_cut(tmp_path, echo_url):
    path = write_json(tmp_path / "c.json", collection("iter", [item("big", f"{echo_url}/text?body={'x' * 500}")]))
    out = tmp_path / "r.html"
    result = pmreplay("run", str(path), "-n", "2", "-r", "html", "--reporter-html-export", str(out),
                      "--reporter-html-max-body", "100", "--reporter-html-title", "Nightly <run>")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    page = Page(text)
    assert page.by_id["stat-iterations"] == "2"
    assert re.findall(r"<h2>([^<]*)</h2>", text)[-2:] == ["Iteration 1", "Iteration 2"]
    assert "shown: first 100 of 500 characters" in text
    assert re.findall(r'<pre class="body">(x*)</pre>', text) == ["x" * 100, "x" * 100]  # the URL keeps all 500
    assert "<title>Nightly &lt;run&gt;</title>" in text


def test_default_export_path(tmp_path, echo_url):
    path = write_json(tmp_path / "c.json", collection("My API", [item("one", f"{echo_url}/one")]))
    result = pmreplay("run", str(path), "-r", "html", cwd=tmp_path, env=child_env())
    assert result.returncode == 0, result.stderr
    files = list((tmp_path / "pmreplay").glob("My-API-*-html.html"))
    assert len(files) == 1
    assert Page(files[0].read_text(encoding="utf-8")).by_id["stat-requests"] == "1"


@pytest.mark.parametrize("option, message", [
    (["--reporter-html-max-body", "lots"], "--reporter-html-max-body: expected a number of characters, got 'lots'"),
    (["--reporter-html-export"], "--reporter-html-export needs a file path"),
])
def test_bad_options_are_one_line_errors(tmp_path, echo_url, option, message):
    path = write_json(tmp_path / "c.json", collection("c", [item("one", f"{echo_url}/one")]))
    result = pmreplay("run", str(path), "-r", "html", *option)
    assert result.returncode == 1
    assert result.stderr.strip() == f"pmreplay: error: {message}"
    assert "Traceback" not in result.stderr


def test_unwritable_export_is_one_line_error(tmp_path, echo_url):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    path = write_json(tmp_path / "c.json", collection("c", [item("one", f"{echo_url}/one")]))
    result = pmreplay("run", str(path), "-r", "html", "--reporter-html-export", str(blocker / "r.html"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_empty_run_still_reports(tmp_path):
    path = write_json(tmp_path / "c.json", collection("empty", []))
    out = tmp_path / "r.html"
    result = pmreplay("run", str(path), "-r", "html", "--reporter-html-export", str(out))
    assert result.returncode == 0, result.stderr
    page = Page(out.read_text(encoding="utf-8"))
    assert page.errors == [] and page.by_id["stat-requests"] == "0"
    assert "No requests were run." in out.read_text(encoding="utf-8")


def test_script_errors_and_runtime_secrets(tmp_path, echo_url):
    """A throwing script marks its request as errored; a token a script stores as secret is masked."""
    pre = ["pm.environment.set('token', 'minted-8e7f6a5b4c', 'secret');"]
    first = item("Throws", f"{echo_url}/a", ["pm.test('ran', () => {});", "undefinedFunction();"])
    first["event"].append({"listen": "prerequest", "script": {"exec": pre}})
    second = item("Uses token", f"{echo_url}/b?t={{{{token}}}}", ["console.log('token is', pm.environment.get('token'));"])
    path = write_json(tmp_path / "c.json", collection("errors", [first, second]))
    out = tmp_path / "r.html"
    result = pmreplay("run", str(path), "-r", "html", "--reporter-html-export", str(out))
    assert result.returncode == 1
    text = out.read_text(encoding="utf-8")
    page = Page(text)
    assert 'class="execution error" id="ex-1"' in text
    assert "ReferenceError in test script: undefinedFunction is not defined" in page.by_id["ex-1"]
    assert "minted-8e7f6a5b4c" not in text
    assert "[log] token is ********" in page.by_id["ex-2"]


def test_body_view_json_detection_binary_and_limits():
    from runner.masking import Masker
    from runner.reporters.html import body_view

    masker = Masker(["s3cr3t-value"])
    view = body_view(b'{"a":[1,2],"k":"s3cr3t-value"}', "text/plain", masker, 1000)
    assert view["json"] and view["text"] == '{\n  "a": [\n    1,\n    2\n  ],\n  "k": "********"\n}'
    assert body_view(b"{not json", "application/json", masker, 1000)["text"] == "{not json"
    binary = body_view(bytes([0x89, 0x50, 0x4E, 0x47, 0xFF, 0x00]), "image/png", masker, 1000)
    assert binary["text"] == "" and binary["note"] == "binary body, 6B, image/png"
    assert body_view(b"x" * 50, "", masker, 0)["text"] == "x" * 50  # 0: no limit
    assert body_view(b"", "", masker, 10)["empty"]
