"""A script must not read local files through pm.sendRequest bodies.

Why: the sender reads ``file`` bodies and ``type: file`` form fields from disk (for the
collection's own requests). Handed through from a script, that let any script post any
file the runner can read to any server; Postman has no file uploads from scripts.
The run goes through the real CLI against the real echo server, which sends back what it got.
"""

from __future__ import annotations

import json

from tests.reporters.support import child_env, collection, pmreplay, write_json

MARK = "TOP-SECRET-FILE-CONTENT-7f3a"


def test_script_sendrequest_cannot_upload_local_files(tmp_path, echo_url):
    secret = tmp_path / "secret.txt"
    secret.write_text(MARK, encoding="utf-8")
    src = json.dumps(str(secret))
    script = [
        f"pm.sendRequest({{url: '{echo_url}/post', method: 'POST', body: {{mode: 'file', file: {{src: {src}}}}}}},"
        " function (err, res) { console.log('file', err ? String(err) : res.text()); });",
        f"pm.sendRequest({{url: '{echo_url}/post', method: 'POST', body: {{mode: 'formdata', formdata: ["
        f"{{key: 'f', type: 'file', src: {src}}}, {{key: 't', value: 'kept'}}]}}}},"
        " function (err, res) { console.log('form', err ? String(err) : res.text()); });",
    ]
    coll = collection("files", [{"name": "r", "event": [{"listen": "prerequest", "script": {"exec": script}}],
                                 "request": {"method": "GET", "url": echo_url + "/get"}}])
    path = write_json(tmp_path / "c.json", coll)
    report = tmp_path / "out.json"
    proc = pmreplay("run", str(path), "-r", "json", "--reporter-json-export", str(report), env=child_env())
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = report.read_text(encoding="utf-8")
    assert MARK not in text and MARK not in proc.stdout
    # the requests themselves were made, and the text field still went out
    assert '"/post"' in text.replace('\\"', '"') and "kept" in text


def test_collection_file_bodies_still_upload(tmp_path, echo_url):
    """The collection's own file body is read as before: only script requests lose file sources."""
    (tmp_path / "body.txt").write_text(MARK, encoding="utf-8")
    coll = collection("own", [{"name": "r", "request": {"method": "POST", "url": echo_url + "/post",
                                                        "body": {"mode": "file", "file": {"src": "body.txt"}}},
                               "event": [{"listen": "test", "script": {"exec": [
                                   f"pm.test('sent', function () {{ pm.expect(pm.response.text()).to.include('{MARK}'); }});"]}}]}])
    path = write_json(tmp_path / "c.json", coll)
    proc = pmreplay("run", str(path), "--working-dir", str(tmp_path), env=child_env())
    assert proc.returncode == 0, proc.stdout + proc.stderr
