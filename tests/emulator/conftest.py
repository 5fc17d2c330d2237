"""Fixtures for the AEP emulator tests: a real emulator on 127.0.0.1 and an authorised client.

Why a module-scoped emulator plus fresh orgs per test: starting one costs a few hundred
milliseconds, while a new org (and its own token) gives every test an empty, isolated
platform, which is exactly the isolation the emulator promises.
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import jwt
import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from aep_emulator import running_emulator

IMS_HOST = "ims-na1.adobelogin.com"
SHARED = Path(os.environ.get("PMREPLAY_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
AEP_DIR = SHARED / "aep-collection"
COLLECTION = AEP_DIR / "AEP - Profile integration for ISVs 2020-03-06.postman_collection.json"


def need_shared() -> Path:
    if not COLLECTION.is_file():
        pytest.skip(f"the published AEP collection is not available at {AEP_DIR}")
    return AEP_DIR


@pytest.fixture(scope="session")
def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def public_pem(rsa_key) -> str:
    return rsa_key.public_key().public_bytes(serialization.Encoding.PEM,
                                            serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def jwt_claims(org: str, client_id: str, host: str = IMS_HOST, **changes) -> dict:
    claims = {"exp": int(time.time()) + 3600, "iss": org, "sub": "tech@techacct.adobe.com",
              "aud": f"https://{host}/c/{client_id}", f"https://{host}/s/ent_dataservices_sdk": True}
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


class Platform:
    """An authorised client of one org and sandbox."""

    def __init__(self, emu, rsa_key, org: str | None = None, sandbox: str | None = "prod",
                 client_id: str = "test-client") -> None:
        self.emu = emu
        self.base = emu.base_url
        self.org = org or f"{uuid.uuid4().hex[:24].upper()}@AdobeOrg"
        self.sandbox = sandbox
        self.client_id = client_id
        self.session = requests.Session()
        token = jwt.encode(jwt_claims(self.org, client_id), rsa_key, algorithm="RS256")
        response = self.session.post(f"{self.base}/ims/exchange/jwt/", data={
            "client_id": client_id, "client_secret": "secret", "jwt_token": token})
        assert response.status_code == 200, response.text
        self.token = response.json()["access_token"]

    def headers(self, accept: str | None = "application/vnd.adobe.xed+json", **more) -> dict:
        headers = {"Authorization": f"Bearer {self.token}", "x-api-key": self.client_id,
                   "x-gw-ims-org-id": self.org, "Content-Type": "application/json"}
        if self.sandbox:
            headers["x-sandbox-name"] = self.sandbox
        if accept:
            headers["Accept"] = accept
        headers.update(more)
        return {k: v for k, v in headers.items() if v is not None}

    def call(self, method: str, path: str, *, accept: str | None = "application/vnd.adobe.xed+json",
             headers: dict | None = None, **kwargs) -> requests.Response:
        return self.session.request(method, self.base + path, headers=self.headers(accept, **(headers or {})),
                                    **kwargs)


@pytest.fixture(scope="module")
def emulator(tmp_path_factory):
    with running_emulator(data_dir=tmp_path_factory.mktemp("aep"), tls=True) as emu:
        yield emu


@pytest.fixture()
def platform(emulator, rsa_key) -> Platform:
    return Platform(emulator, rsa_key)
