"""Running the emulator: uvicorn listeners (HTTP and optional HTTPS), in the foreground
or in a background thread.

Why both listeners share one event loop and one Store: the tutorial talks to the IMS
over ``https://`` and to the platform over ``http://`` in the same run, and a token
issued on one must be accepted on the other; one loop also keeps the group commit's
single writer meaningful.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as _dt
import ipaddress
import logging
import socket
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from aep_emulator.app import Settings, State, create_app
from aep_emulator.store import Store

log = logging.getLogger("aep_emulator")


class EmulatorError(Exception):
    """Bad options or an unusable data dir / key file: shown as one line."""


STAND_IN_HOSTS = ("platform.adobe.io", "ims-na1.adobelogin.com", "dcs.adobedc.net",
                  "*.adobe.io", "*.adobelogin.com", "*.adobedc.net")
"""Adobe's hosts the emulator stands in for: a client routed here (curl's --connect-to,
pmreplay's --emulator) keeps the real name in the URL and in TLS, so the certificate names it."""


def make_self_signed(directory: Path,
                     hosts: tuple[str, ...] = ("127.0.0.1", "localhost", *STAND_IN_HOSTS)) -> tuple[Path, Path]:
    """A fresh certificate for the HTTPS listener, valid for the loopback names and Adobe's hosts."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "aep-emulator")])
    alt: list[x509.GeneralName] = []
    for host in hosts:
        try:
            alt.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            alt.append(x509.DNSName(host))
    now = _dt.datetime.now(_dt.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _dt.timedelta(minutes=5)).not_valid_after(now + _dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName(alt), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    directory.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = directory / "emulator-cert.pem", directory / "emulator-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_path.chmod(0o600)
    return cert_path, key_path


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def load_public_keys(keys: list[str] | tuple[str, ...]) -> list[str]:
    """PEM texts or paths of PEM files (public keys or certificates) -> public-key PEM texts."""
    out = []
    for item in keys:
        text = item
        if "-----BEGIN" not in item:
            try:
                text = Path(item).read_text(encoding="utf-8")
            except OSError as exc:
                raise EmulatorError(f"cannot read public key {item}: {exc.strerror}") from None
        try:
            if "BEGIN CERTIFICATE" in text:
                key = x509.load_pem_x509_certificate(text.encode()).public_key()
            else:
                key = serialization.load_pem_public_key(text.encode())
        except ValueError:
            raise EmulatorError(f"not a PEM public key or certificate: {item[:60]!r}") from None
        out.append(key.public_bytes(serialization.Encoding.PEM,
                                    serialization.PublicFormat.SubjectPublicKeyInfo).decode())
    return out


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: the caller decides when to stop."""

    @contextlib.contextmanager
    def capture_signals(self):
        yield


@dataclass
class Emulator:
    """What a running emulator tells its user."""

    base_url: str
    tls_base_url: str | None
    data_dir: Path
    tls_cert_path: Path | None
    host: str
    port: int
    tls_port: int | None


class Runner:
    """Builds the listeners for one emulator and serves them until told to stop."""

    def __init__(self, *, host: str = "127.0.0.1", port: int = 4010, tls_port: int | None = None,
                 data_dir: Path, tenant: str = "exchangeinternal", public_keys: list[str] | None = None,
                 tls_cert: Path | None = None, tls_key: Path | None = None,
                 jsrsasign_path: Path | None = None) -> None:
        self.settings = Settings(tenant=tenant, public_keys=load_public_keys(public_keys or []),
                                 jsrsasign_path=Path(jsrsasign_path) if jsrsasign_path else None)
        if self.settings.jsrsasign_path and not self.settings.jsrsasign_path.is_file():
            raise EmulatorError(f"--jsrsasign file not found: {self.settings.jsrsasign_path}")
        try:
            self.store = Store(Path(data_dir))
        except (OSError, sqlite3.Error) as exc:
            raise EmulatorError(f"cannot open the data dir {data_dir}: {exc}") from None
        self.state = State(self.settings, self.store)
        self.app = create_app(self.state)
        self.host = host
        self.port = port
        self.tls_port = tls_port
        self.data_dir = Path(data_dir)
        if tls_port is not None and not (tls_cert and tls_key):
            tls_cert, tls_key = make_self_signed(self.data_dir / "tls", (host, "127.0.0.1", "localhost", *STAND_IN_HOSTS))
        self.tls_cert, self.tls_key = tls_cert, tls_key
        self.servers: list[_Server] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        config = uvicorn.Config(self.app, host=host, port=port, log_level="warning", access_log=False,
                                lifespan="off", loop="asyncio")
        self.servers.append(_Server(config))
        if tls_port is not None:
            tls_config = uvicorn.Config(self.app, host=host, port=tls_port, log_level="warning", access_log=False,
                                        lifespan="off", loop="asyncio", timeout_graceful_shutdown=1, ssl_certfile=str(self.tls_cert),
                                        ssl_keyfile=str(self.tls_key))
            self.servers.append(_Server(tls_config))

    def info(self) -> Emulator:
        shown = self.host if ":" not in self.host else f"[{self.host}]"
        return Emulator(base_url=f"http://{shown}:{self.port}",
                        tls_base_url=f"https://{shown}:{self.tls_port}" if self.tls_port else None,
                        data_dir=self.data_dir, tls_cert_path=self.tls_cert, host=self.host, port=self.port,
                        tls_port=self.tls_port)

    @property
    def started(self) -> bool:
        return all(s.started for s in self.servers)

    def stop(self) -> None:
        """Thread-safe: ask both listeners to finish."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._stop_now)
                return
            except RuntimeError:  # loop already closed
                pass
        self._stop_now()

    def _stop_now(self) -> None:
        for server in self.servers:
            server.should_exit = True
        # An idle TLS keep-alive connection would make the orderly TLS close wait for the
        # peer's close_notify (30 s); idle connections have nothing to lose, drop them.
        for server in self.servers[1:]:
            state = getattr(server, "server_state", None)
            for conn in list(state.connections if state is not None else []):
                cycle = getattr(conn, "cycle", None)
                transport = getattr(conn, "transport", None)
                if transport is not None and (cycle is None or cycle.response_complete):
                    transport.abort()

    async def serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        try:
            await asyncio.gather(*(s.serve() for s in self.servers))
        finally:
            self.store.close()


@contextlib.contextmanager
def running_emulator(data_dir: str | Path | None = None, tenant: str = "exchangeinternal",
                     public_keys: tuple[str, ...] | list[str] = (), tls: bool = False, host: str = "127.0.0.1",
                     jsrsasign_path: str | Path | None = None) -> Iterator[Emulator]:
    """Start an emulator on free ports in a background thread; stop it on exit."""
    with contextlib.ExitStack() as stack:
        if data_dir is None:
            data_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="aep-emulator-"))
        runner = Runner(host=host, port=free_port(host), tls_port=free_port(host) if tls else None,
                        data_dir=Path(data_dir), tenant=tenant, public_keys=list(public_keys),
                        jsrsasign_path=Path(jsrsasign_path) if jsrsasign_path else None)
        failure: list[BaseException] = []

        def run() -> None:
            try:
                asyncio.run(runner.serve())
            except BaseException as exc:  # reported to the caller below
                failure.append(exc)

        thread = threading.Thread(target=run, name="aep-emulator", daemon=True)
        thread.start()
        while not runner.started:
            if not thread.is_alive():
                raise EmulatorError(f"the emulator did not start: {failure[0] if failure else 'unknown'}")
            thread.join(0.01)
        try:
            yield runner.info()
        finally:
            runner.stop()
            thread.join(timeout=30)
