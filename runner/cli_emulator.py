"""``pmreplay run --emulator``: start the AEP emulator in-process and point the run at it.

Why this lives beside the CLI and nowhere else: the runner proper never depends on the
emulator (it replays any collection against any server). Only this command-line
convenience imports it, so that on a fresh machine the tutorial flow runs with no Adobe
account and no network.

What "point the run at it" means:
- variables the AEP collections use (``PLATFORM_GATEWAY``, ``IMS``, ``API_KEY``, ...) get
  emulator values *unless the environment already sets them* (``env_defaults``);
- the hosts that published collections hard-code (Adobe's gateway, IMS, the streaming
  inlet host, the jsrsasign download host) are connected to the emulator, as with
  ``--connect-to``, so the collection runs unedited;
- the emulator's self-signed certificate is trusted for that run only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from runner.errors import PmreplayError

ADOBE_TLS_HOSTS = ("platform.adobe.io", "ims-na1.adobelogin.com", "dcs.adobedc.net")
LIBRARY_HOST = "kjur.github.io"


@dataclass
class EmulatorLink:
    """What the CLI adds to a run so that it talks to the emulator."""

    base_url: str
    env_defaults: dict[str, object] = field(default_factory=dict)
    secret_keys: set[str] = field(default_factory=set)
    connect_to: list[tuple[str, str, str, str]] = field(default_factory=list)
    ca_file: str | None = None


def _test_private_key() -> str:
    """A throwaway RSA key for this run: the emulator in development mode accepts any well-formed signed JWT."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode("ascii")


@contextmanager
def start_emulator(data_dir: str | None = None) -> Iterator[EmulatorLink]:
    try:
        from aep_emulator import running_emulator
    except ImportError as exc:  # pragma: no cover - both ship in one distribution
        raise PmreplayError(f"--emulator: the AEP emulator cannot be loaded ({exc})") from None
    with running_emulator(data_dir=data_dir, tls=True) as emulator:
        http = urlsplit(emulator.base_url)
        tls = urlsplit(emulator.tls_base_url) if emulator.tls_base_url else None
        connect_to = [(LIBRARY_HOST, "80", http.hostname or "127.0.0.1", str(http.port))]
        if tls is not None:
            connect_to += [(host, "443", tls.hostname or "127.0.0.1", str(tls.port)) for host in ADOBE_TLS_HOSTS]
        defaults: dict[str, object] = {
            "PLATFORM_GATEWAY": emulator.base_url,
            "IMS": f"{tls.hostname}:{tls.port}" if tls is not None else http.netloc,
            "IMS_ORG": "EMULATED0000000000000000@AdobeOrg",
            "API_KEY": "pmreplay-emulator-client",
            "CLIENT_SECRET": "pmreplay-emulator-secret",
            "TECHNICAL_ACCOUNT_ID": "EMULATED0000000000000000@techacct.adobe.com",
            "META_SCOPE": "ent_dataservices_sdk",
            "SANDBOX_NAME": "prod",
            "PRIVATE_KEY": _test_private_key(),
        }
        yield EmulatorLink(base_url=emulator.base_url, env_defaults=defaults,
                           secret_keys={"PRIVATE_KEY", "CLIENT_SECRET"}, connect_to=connect_to,
                           ca_file=str(emulator.tls_cert_path) if emulator.tls_cert_path else None)
