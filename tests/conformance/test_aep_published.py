"""The published AEP collection (folders 0-5) under Newman and under pmreplay, each against its
own fresh AEP emulator: the emulator must be faithful to any client, not only to pmreplay.

Newman cannot do ``--connect-to``, so both tools run the same temporary copy of the collection
in which only what points off-machine is changed: the jsrsasign download URL goes to the
emulator, and the two batch files (absolute paths on the author's machine) point at the shared
sample data. Environment values point at the emulator; ``-k`` accepts its self-signed TLS
listener. The unedited collection under ``pmreplay --emulator`` is tests/test_main_job.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.support.conformance import Conformance, Outcome

pytestmark = pytest.mark.conformance

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("PMREPLAY_SHARED", ROOT / ".." / "shared")) / "aep-collection"
PUBLISHED = SHARED / "AEP - Profile integration for ISVs 2020-03-06.postman_collection.json"
BATCH_FILES = {"AEP loyalty profiles 2.json": "AEP loyalty profiles.json",
               "AEP loyalty events batch data.json": "AEP loyalty events.json"}
LIBRARY_URL = "http://kjur.github.io/jsrsasign/jsrsasign-latest-all-min.js"


def _rewrite(node, base_url: str):
    """The collection with the library URL on the emulator and the batch files on the shared data."""
    if isinstance(node, dict):
        if isinstance(node.get("raw"), str) and LIBRARY_URL in node["raw"]:
            return _rewrite(node["raw"], base_url)  # a URL object: host and path parts go with it
        out = {}
        for key, value in node.items():
            if key == "src" and isinstance(value, str) and Path(value).name in BATCH_FILES:
                out[key] = str(SHARED / BATCH_FILES[Path(value).name])
            else:
                out[key] = _rewrite(value, base_url)
        return out
    if isinstance(node, list):
        return [_rewrite(v, base_url) for v in node]
    if isinstance(node, str) and LIBRARY_URL in node:
        return node.replace("http://kjur.github.io", base_url)
    return node


def _private_key() -> str:
    """A throwaway RSA key: the emulator accepts any well-formed signed JWT."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode("ascii")


def _environment(emulator) -> dict:
    tls = emulator.tls_base_url.split("://", 1)[1]
    values = {"PLATFORM_GATEWAY": emulator.tls_base_url, "IMS": tls,
              "IMS_ORG": "EMULATED0000000000000000@AdobeOrg", "API_KEY": "conformance-client",
              "CLIENT_SECRET": "conformance-secret", "TECHNICAL_ACCOUNT_ID": "EMULATED0000000000000000@techacct.adobe.com",
              "META_SCOPE": "ent_dataservices_sdk", "SANDBOX_NAME": "prod", "PRIVATE_KEY": _private_key()}
    return {"name": "AEP emulator", "values": [{"key": k, "value": v, "type": "default"} for k, v in values.items()]}


def _run(conformance: Conformance, tool: str) -> Outcome:
    from aep_emulator import running_emulator

    original = json.loads(PUBLISHED.read_text(encoding="utf-8"))
    with running_emulator(tls=True) as emulator:
        doc = _rewrite(original, emulator.base_url)
        # full names: Newman has no "--folder 3" shorthand for "3: Real-time import"
        folders = [f["name"] for f in original["item"] if f["name"][:1] in "012345"]
        flags = ["-k", *sum((["--folder", name] for name in folders), [])]
        return conformance.run_tool(tool, doc, environment=_environment(emulator), flags=flags, timeout=240)


@pytest.mark.skipif(not PUBLISHED.exists(), reason=f"the published AEP collection is not at {SHARED}")
def test_newman_sees_what_pmreplay_sees_against_the_emulator(conformance):
    newman = _run(conformance, "newman")
    ours = _run(conformance, "pmreplay")

    def sequence(outcome: Outcome) -> list[tuple]:
        return [(e["item"], e["method"], tuple(e["assertions"])) for e in outcome.executions]

    assert newman.failures == [], newman.output
    assert sequence(ours) == sequence(newman)
    assert ours.failures == newman.failures == []
    assert ours.stats == newman.stats
    captured = {k for k, (_, v) in newman.environment.items() if v not in (None, "")}
    assert {k for k, (_, v) in ours.environment.items() if v not in (None, "")} == captured
    for key in ("JWT_TOKEN", "ACCESS_TOKEN", "TENANT_ID", "INLET_URL", "SCHEMA_ID_PROFILE", "DATASET_ID_EVENT",
                "BATCH_ID_PROFILE", "BATCH_ID_EVENT"):
        assert key in captured, f"Newman did not capture {key}"
    assert newman.exit_code == ours.exit_code == 0
