"""Persistence across restarts, the TLS listener, and the CLI in a real subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import requests

from aep_emulator import running_emulator
from aep_emulator.server import free_port
from tests.emulator import payloads
from tests.emulator.conftest import Platform
from tests.emulator.tutorial import SR, build

ROOT = Path(__file__).resolve().parents[2]


def test_everything_survives_a_restart(tmp_path, rsa_key):
    with running_emulator(data_dir=tmp_path) as emu:
        p = Platform(emu, rsa_key)
        s = build(p)
        r = requests.post(s.inlet_url + "?synchronousValidation=true", json=payloads.message(
            p.org, s.profile_schema, s.profile_dataset, payloads.profile_entity("keep@example.com")))
        assert r.status_code == 200
        p.call("POST", "/data/core/ups/config/eventTypes", accept=None, json={"id": "kept"}).raise_for_status()
        token, org = p.token, p.org
    with running_emulator(data_dir=tmp_path) as emu:
        p.base = emu.base_url  # same token, new process state, same store
        assert p.token == token and p.org == org
        assert p.call("GET", f"{SR}/tenant/schemas/{quote(s.profile_schema, safe='')}").status_code == 200
        assert p.call("GET", f"{SR}/stats").json()["counts"]["mixins"] == 2
        assert set(p.call("GET", "/data/foundation/catalog/dataSets").json()) == {s.profile_dataset, s.event_dataset}
        assert p.call("GET", "/data/core/ups/config/eventTypes", accept=None).json()["_page"]["count"] == 1
        lookup = p.call("GET", "/data/core/ups/access/entities?schema.name=_xdm.context.profile"
                               "&entityId=keep%40example.com&entityIdNS=email", accept=None)
        assert lookup.status_code == 200
        inlet_id = s.inlet_id
        new_url = f"{emu.base_url}/collection/{inlet_id}"
        r = requests.post(new_url + "?synchronousValidation=true", json=payloads.message(
            p.org, s.profile_schema, s.profile_dataset, payloads.profile_entity("again@example.com")))
        assert r.status_code == 200, r.text
    assert (tmp_path / "aep-emulator.sqlite3").is_file()


def test_tls_listener_with_generated_certificate(emulator, rsa_key):
    assert emulator.tls_base_url and emulator.tls_cert_path.is_file()
    r = requests.post(emulator.tls_base_url + "/ims/token/v3", verify=str(emulator.tls_cert_path),
                      data={"client_id": "tls", "client_secret": "s"})
    assert r.status_code == 200
    token = r.json()["access_token"]
    headers = {"Authorization": f"Bearer {token}", "x-api-key": "tls", "x-gw-ims-org-id": "T@AdobeOrg",
               "Accept": "application/vnd.adobe.xed+json"}
    # a token from the HTTPS listener works on the HTTP one: one platform behind both
    assert requests.get(emulator.base_url + f"{SR}/stats", headers=headers).status_code == 200
    p = Platform(emulator, rsa_key)
    p.base = emulator.tls_base_url
    inlet = p.call("POST", "/data/core/edge/inlet", accept=None, json={"name": "tls inlet"},
                   verify=str(emulator.tls_cert_path)).json()
    assert inlet["inletUrl"].startswith(emulator.tls_base_url + "/collection/")


def _wait_for(url: str, proc: subprocess.Popen, **kwargs) -> requests.Response:
    deadline = time.monotonic() + 30
    while True:
        try:
            return requests.get(url, timeout=2, **kwargs)
        except requests.ConnectionError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_cli_runs_serves_and_stops_on_sigint(tmp_path):
    port, tls_port = free_port(), free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "aep_emulator", "--port", str(port), "--tls-port", str(tls_port),
                             "--data-dir", str(tmp_path), "--tenant", "acme"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        r = _wait_for(f"http://127.0.0.1:{port}/jsrsasign/jsrsasign-latest-all-min.js", proc)
        assert r.status_code == 200 and "KJUR" in r.text
        cert = tmp_path / "tls" / "emulator-cert.pem"
        token = requests.post(f"https://127.0.0.1:{tls_port}/ims/token/v3", verify=str(cert),
                              data={"client_id": "c", "client_secret": "s"}).json()["access_token"]
        stats = requests.get(f"http://127.0.0.1:{port}{SR}/stats", headers={
            "Authorization": f"Bearer {token}", "x-api-key": "c", "x-gw-ims-org-id": "X@AdobeOrg"}).json()
        assert stats["tenantId"] == "acme"
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "development mode" in err
    assert f"GET {SR}/stats 200" in err  # one line per request
    assert "Traceback" not in err
    assert (tmp_path / "aep-emulator.sqlite3").is_file()


def test_cli_bad_options_give_one_line(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-m", "aep_emulator", "--public-key", str(tmp_path / "missing.pem")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0 and "missing.pem" in run.stderr
    run = subprocess.run([sys.executable, "-m", "aep_emulator", "--port", "nope"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "Traceback" not in run.stderr


def test_cli_port_in_use_is_one_line(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        run = subprocess.run([sys.executable, "-m", "aep_emulator", "--port", str(port), "--data-dir", str(tmp_path)],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "could not listen" in run.stderr and "Traceback" not in run.stderr
