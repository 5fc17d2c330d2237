#!/usr/bin/env python3
"""Benchmark pmreplay against Newman on the same machine, in one run, and print the ratios.

The workload (issues 2 and 3): a generated collection of 1,000 requests in 10 folders, with
variables in the URL, headers and body, each request with a pre-request script and a test
script (a few ``pm.*`` calls and two assertions), sent to a local server on 127.0.0.1.
Both runners are started as child processes; wall time and peak resident memory
(``wait4``'s ``ru_maxrss`` of the child) are measured for each.

Targets: pmreplay <= 0.5x Newman's wall time, and <= Newman's peak memory.

    python bench/run_bench.py [--requests 1000] [--newman PATH] [--repeat 1]

Newman is looked up in ``~/.cache/pmreplay-newman`` (installed with npm if missing and npm
exists); without it only pmreplay's figures are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.echo_server import echo_server  # noqa: E402
from tests.support.newman import find_or_install_newman  # noqa: E402

PRE = [
    "pm.variables.set('stamp', Date.now());",
    "pm.request.headers.upsert({key: 'X-Bench', value: pm.info.requestName});",
    "pm.environment.set('last_pre', pm.info.requestName);",
]
TEST = [
    "const body = pm.response.json();",
    "pm.test('status is 200', function () { pm.response.to.have.status(200); });",
    "pm.test('path echoed', function () { pm.expect(body.path).to.include('/items/'); });",
    "pm.environment.set('last_id', body.path.split('/').pop());",
]


def build_collection(requests: int, folders: int = 10) -> dict:
    per_folder = max(1, requests // folders)
    items = []
    n = 0
    for f in range(folders):
        children = []
        for _ in range(per_folder):
            if n >= requests:
                break
            children.append({
                "name": f"item {n}",
                "event": [{"listen": "prerequest", "script": {"exec": PRE}},
                          {"listen": "test", "script": {"exec": TEST}}],
                "request": {
                    "method": "POST",
                    "url": "{{base}}/items/{{folder}}-" + str(n) + "?tenant={{tenant}}",
                    "header": [{"key": "Content-Type", "value": "application/json"},
                               {"key": "X-Tenant", "value": "{{tenant}}"}],
                    "body": {"mode": "raw", "raw": json.dumps({"n": n, "tenant": "{{tenant}}", "user": "{{user}}"})},
                },
            })
            n += 1
        items.append({"name": f"folder {f}", "item": children,
                      "event": [{"listen": "prerequest", "script": {"exec": [f"pm.variables.set('folder', 'f{f}');"]}}]})
    return {"info": {"name": "bench", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "variable": [{"key": "tenant", "value": "acme"}], "item": items}


def measure(cmd: list[str], cwd: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in MiB, and exit code of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.read().decode(errors="replace") if proc.stderr else "")
    return elapsed, usage.ru_maxrss // 1024, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--newman", help="path to the newman executable")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best wall time is kept")
    args = parser.parse_args()

    pmreplay = shutil.which("pmreplay", path=str(Path(sys.executable).parent)) or shutil.which("pmreplay")
    newman = args.newman or find_or_install_newman()
    work = Path(tempfile.mkdtemp(prefix="pmreplay-bench-"))
    coll = work / "bench.postman_collection.json"
    coll.write_text(json.dumps(build_collection(args.requests)))
    results: dict[str, tuple[float, int]] = {}
    with echo_server() as url:
        env = work / "env.json"
        env.write_text(json.dumps({"name": "bench", "values": [{"key": "base", "value": url},
                                                                {"key": "user", "value": "bench-user"}]}))
        runners = {"pmreplay": [pmreplay, "run", str(coll), "-e", str(env), "-r", "cli", "--silent"]}
        if newman:
            runners["newman"] = [newman, "run", str(coll), "-e", str(env), "-r", "cli", "--silent"]
        for name, cmd in runners.items():
            best = None
            for _ in range(args.repeat):
                elapsed, rss, code = measure(cmd, work)
                if code not in (0,):
                    print(f"{name} exited {code}; its figures may not mean much", file=sys.stderr)
                if best is None or elapsed < best[0]:
                    best = (elapsed, rss)
            results[name] = best  # type: ignore[assignment]
    print(f"workload: {args.requests} requests in 10 folders, a pre-request and a test script each (2 assertions)")
    for name, (elapsed, rss) in results.items():
        print(f"{name:>9}: wall {elapsed:6.2f} s   peak RSS {rss:5d} MiB")
    if "newman" in results:
        (p_time, p_rss), (n_time, n_rss) = results["pmreplay"], results["newman"]
        print(f"ratio pmreplay/newman: wall {p_time / n_time:.2f}x (target <= 0.50x)   "
              f"memory {p_rss / n_rss:.2f}x (target <= 1.00x)")
    else:
        print("newman not available: no ratio")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
