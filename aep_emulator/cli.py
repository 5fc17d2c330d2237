"""``pmreplay emulator`` / ``python -m aep_emulator``: run the emulator in the foreground.

Why a plain ``main(argv) -> int``: the runner's CLI exposes this as a sub-command by
calling it, and tests drive it through a subprocess; both want an exit code, one-line
errors for bad options, and a clean stop on Ctrl-C (SIGINT) or SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
import tempfile
from pathlib import Path

from aep_emulator.server import EmulatorError, Runner

log = logging.getLogger("aep_emulator")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aep-emulator",
                                     description="Local Adobe Experience Platform stand-in for the AEP tutorials")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=4010, help="HTTP port (default 4010)")
    parser.add_argument("--tls-port", type=int, default=None, help="also listen with HTTPS on this port")
    parser.add_argument("--data-dir", default=None, help="where the SQLite store lives (default: a temporary dir)")
    parser.add_argument("--tenant", default="exchangeinternal", help="tenant id (default exchangeinternal)")
    parser.add_argument("--public-key", action="extend", nargs="+", default=[], metavar="PEM",
                        help="public key (PEM file, certificate file or PEM text) that IMS JWTs must be "
                             "signed with; several may be given")
    parser.add_argument("--tls-cert", default=None, help="certificate PEM for the HTTPS listener")
    parser.add_argument("--tls-key", default=None, help="private key PEM for the HTTPS listener")
    parser.add_argument("--jsrsasign", default=None, metavar="FILE",
                        help="serve this jsrsasign file instead of the built-in RS256 signer")
    parser.add_argument("--quiet", action="store_true", help="do not log one line per request")
    return parser


class _UsageError(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its one-line usage error
        return int(exc.code or 0)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        format="%(asctime)s %(message)s", stream=sys.stderr)
    log.setLevel(logging.WARNING if args.quiet else logging.INFO)
    if bool(args.tls_cert) != bool(args.tls_key):
        print("aep-emulator: error: --tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    for value, name in ((args.port, "--port"), (args.tls_port, "--tls-port")):
        if value is not None and not 0 < value < 65536:
            print(f"aep-emulator: error: {name} must be between 1 and 65535", file=sys.stderr)
            return 2
    try:
        keys = args.public_key
        for name in (args.tls_cert, args.tls_key):
            if name and not Path(name).is_file():
                raise _UsageError(f"file not found: {name}")
        temp = None
        data_dir = args.data_dir
        if data_dir is None:
            temp = tempfile.TemporaryDirectory(prefix="aep-emulator-")
            data_dir = temp.name
        runner = Runner(host=args.host, port=args.port, tls_port=args.tls_port, data_dir=Path(data_dir),
                        tenant=args.tenant, public_keys=keys,
                        tls_cert=Path(args.tls_cert) if args.tls_cert else None,
                        tls_key=Path(args.tls_key) if args.tls_key else None,
                        jsrsasign_path=Path(args.jsrsasign) if args.jsrsasign else None)
    except (_UsageError, EmulatorError) as exc:
        print(f"aep-emulator: error: {exc}", file=sys.stderr)
        return 1
    info = runner.info()
    log.warning("AEP emulator on %s%s (tenant %s, data in %s)", info.base_url,
                f" and {info.tls_base_url}" if info.tls_base_url else "", args.tenant, info.data_dir)
    if info.tls_cert_path:
        log.warning("HTTPS certificate: %s", info.tls_cert_path)
    if not keys:
        log.warning("IMS is in development mode: any well-formed RS256 JWT with valid claims is accepted "
                    "(no --public-key given, signatures are not checked)")
    try:
        code = asyncio.run(_serve(runner))
    except KeyboardInterrupt:  # where signal handlers cannot be installed (Windows)
        code = 0
    except SystemExit:  # uvicorn exits this way when a port cannot be bound
        print("aep-emulator: error: could not listen on the requested port(s)", file=sys.stderr)
        code = 1
    if temp is not None:
        temp.cleanup()
    return code


async def _serve(runner: Runner) -> int:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, runner.stop)
        except (NotImplementedError, RuntimeError):  # non-main thread or Windows
            pass
    await runner.serve()
    log.warning("AEP emulator stopped")
    return 0
