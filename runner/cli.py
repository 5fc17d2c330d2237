"""``pmreplay``: Newman's command line, in Python.

Why our own parser around argparse: Newman's flags (``--bail`` with an optional modifier,
``--reporter-<name>-<option>`` for any reporter, repeatable ``--folder``) need a little
care, and every bad value must end in one clear line and exit code 1, not a usage dump or
a traceback (Newman silently accepts ``-n 0``; we do not).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from typing import Any

from runner.errors import PmreplayError

BAIL_MODIFIERS = ("failure", "folder")
RUN_EXTENSIONS: tuple[str, ...] = ("runner.checks", "runner.baseline")
"""Modules that add ``run`` options and hooks: each has ``add_arguments(parser)`` and
``response_hooks(args) -> list`` (see ``runner.loop.ResponseHook``)."""
SUBCOMMANDS = {"emulator": "aep_emulator.cli", "env": "runner.envcli"}
"""Subcommands handled by another module's ``main(argv) -> int``."""


class OneLineParser(argparse.ArgumentParser):
    """argparse that reports a bad command line in one line and exits 1."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(1)


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of milliseconds, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative, got {value}")
    return value


def key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")  # repr: control characters stay on one line
    return key, value


def build_parser() -> OneLineParser:
    parser = OneLineParser(prog="pmreplay", description="Replay Postman collections headlessly (Newman-compatible).")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", parser_class=OneLineParser)

    run = sub.add_parser("run", help="run a collection", description="Run a Postman collection like `newman run`.")
    run.add_argument("collection", help="collection file, URL or - for stdin")
    run.add_argument("-e", "--environment", action="append", default=[], metavar="FILE",
                     help="environment file (JSON or YAML); repeatable, later files override earlier ones")
    run.add_argument("-g", "--globals", action="append", default=[], metavar="FILE", help="globals file; repeatable")
    run.add_argument("-d", "--iteration-data", metavar="FILE", help="CSV or JSON iteration data")
    run.add_argument("-n", "--iteration-count", type=positive_int, metavar="N")
    run.add_argument("--folder", action="append", default=[], metavar="NAME",
                     help="run only this folder or request (name or id); repeatable")
    run.add_argument("--preserve-order", action="store_true", help="run --folder selections in the order given")
    run.add_argument("--env-var", action="append", default=[], type=key_value, metavar="KEY=VALUE")
    run.add_argument("--global-var", action="append", default=[], type=key_value, metavar="KEY=VALUE")
    run.add_argument("-r", "--reporters", default="cli", metavar="LIST", help="comma-separated: cli, json, junit, html, progress")
    run.add_argument("--export-environment", metavar="FILE")
    run.add_argument("--export-globals", metavar="FILE")
    run.add_argument("--export-collection", metavar="FILE")
    run.add_argument("--export-cookie-jar", metavar="FILE")
    run.add_argument("--cookie-jar", metavar="FILE")
    run.add_argument("--bail", nargs="?", const="failure", default=None, metavar="MODIFIER",
                     help="stop on the first failure (modifiers: failure, folder)")
    run.add_argument("--ignore-redirects", action="store_true")
    run.add_argument("-x", "--suppress-exit-code", action="store_true")
    run.add_argument("--silent", action="store_true")
    run.add_argument("--verbose", action="store_true")
    run.add_argument("--disable-unicode", action="store_true")
    run.add_argument("--color", choices=("auto", "on", "off"), default="auto")
    run.add_argument("--no-color", action="store_const", dest="color", const="off")
    run.add_argument("--delay-request", type=non_negative_int, default=0, metavar="MS")
    run.add_argument("--timeout", type=non_negative_int, default=0, metavar="MS", help="limit for the whole run")
    run.add_argument("--timeout-request", type=non_negative_int, default=0, metavar="MS")
    run.add_argument("--retries", type=non_negative_int, default=0, metavar="N",
                     help="retry a request up to N times on connection errors (not on HTTP errors)")
    run.add_argument("--timeout-script", type=non_negative_int, default=None, metavar="MS",
                     help="limit per script (0 = none; default 60000)")
    run.add_argument("--working-dir", metavar="DIR", help="where relative file paths in bodies resolve")
    run.add_argument("--no-insecure-file-read", action="store_true")
    run.add_argument("--map-file", action="append", default=[], type=key_value, metavar="SRC=PATH",
                     help="read body file SRC (a path or a base name as written in the collection) from PATH; repeatable")
    run.add_argument("-k", "--insecure", action="store_true", help="do not verify TLS certificates")
    run.add_argument("--ssl-client-cert", metavar="FILE")
    run.add_argument("--ssl-client-key", metavar="FILE")
    run.add_argument("--ssl-client-passphrase", metavar="TEXT")
    run.add_argument("--ssl-client-cert-list", metavar="FILE")
    run.add_argument("--ssl-extra-ca-certs", metavar="FILE")
    run.add_argument("--connect-to", action="append", default=[], metavar="HOST1:PORT1:HOST2:PORT2",
                     help="send requests for HOST1:PORT1 to HOST2:PORT2 (curl's meaning); repeatable")
    run.add_argument("--no-mask", action="store_true", help="show secrets in output and reports")
    run.add_argument("--emulator", action="store_true",
                     help="start the embedded AEP emulator and point the run at it")
    run.add_argument("--emulator-data-dir", metavar="DIR", help="keep the emulator's data here (default: temporary)")
    for module in RUN_EXTENSIONS:
        importlib.import_module(module).add_arguments(run)

    for name in SUBCOMMANDS:
        sub.add_parser(name, help=f"see pmreplay {name} --help", add_help=False)
    return parser


def split_reporter_options(argv: list[str]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """Take ``--reporter-<name>-<option> [value]`` out of argv (any reporter may define options)."""
    rest: list[str] = []
    options: dict[str, dict[str, Any]] = {}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg.startswith("--reporter-") and arg != "--reporters":
            body = arg[len("--reporter-"):]
            value: Any = True
            if "=" in body:
                body, value = body.split("=", 1)
            elif i + 1 < len(argv) and not argv[i + 1].startswith("-"):
                value = argv[i + 1]
                i += 1
            name, _, option = body.partition("-")
            if not option:
                raise PmreplayError(f"reporter option '{arg}' should look like --reporter-<name>-<option>")
            options.setdefault(name, {})[option] = value
        else:
            rest.append(arg)
        i += 1
    return rest, options


def fix_bail(argv: list[str]) -> list[str]:
    """``--bail coll.json``: a value that is not a modifier is the next positional, not the modifier."""
    out = list(argv)
    for i, arg in enumerate(out):
        if arg == "--bail" and i + 1 < len(out):
            nxt = out[i + 1]
            if not nxt.startswith("-") and not all(part in BAIL_MODIFIERS for part in nxt.split(",")):
                out.insert(i + 1, "failure")
            break
    return out


def _use_color(choice: str) -> bool:
    if choice == "on":
        return True
    if choice == "off" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def run_command(args: argparse.Namespace, reporter_options: dict[str, dict[str, Any]]) -> int:
    from runner.api import run
    from runner.connect_to import parse_connect_to
    from runner.sending import SendOptions

    if args.bail is not None:
        parts = args.bail.split(",")
        bad = [p for p in parts if p not in BAIL_MODIFIERS]
        if bad:
            raise PmreplayError(f"--bail: unknown modifier '{bad[0]}' (use failure or folder)")
        # Newman: "folder" alone aborts on errors only; with "failure" (or bare --bail) failures stop too
        bail = ",".join(m for m in ("failure", "folder") if m in parts)
    else:
        bail = None
    reporters = [r.strip() for r in args.reporters.split(",") if r.strip()]
    from runner.reporters.progress import auto_progress

    live = auto_progress(reporters, silent=args.silent, unicode=not args.disable_unicode)  # status line on a TTY
    try:
        connect_to = [parse_connect_to(text) for text in args.connect_to]
    except ValueError as exc:
        raise PmreplayError(f"--connect-to: {exc}") from None
    env_vars = dict(args.env_var)
    env_defaults: dict[str, object] = {}
    secret_keys: set[str] = set()
    extra_ca = args.ssl_extra_ca_certs
    with contextlib.ExitStack() as stack:
        if args.emulator:
            from runner.cli_emulator import start_emulator

            link = stack.enter_context(start_emulator(args.emulator_data_dir))
            env_defaults.update(link.env_defaults)
            secret_keys |= link.secret_keys
            connect_to = link.connect_to + connect_to
            extra_ca = extra_ca or link.ca_file
        send = SendOptions(
            timeout_request_ms=args.timeout_request, insecure=args.insecure,
            follow_redirects=not args.ignore_redirects, working_dir=args.working_dir or os.getcwd(),
            insecure_file_read=not args.no_insecure_file_read, connect_to=connect_to,
            ssl_client_cert=args.ssl_client_cert, ssl_client_key=args.ssl_client_key,
            ssl_client_passphrase=args.ssl_client_passphrase, ssl_client_cert_list=args.ssl_client_cert_list,
            ssl_extra_ca_certs=extra_ca, cookie_jar_path=args.cookie_jar, retries=args.retries,
        )
        summary = run(
            args.collection, environment=args.environment or None, globals=args.globals or None,
            iteration_data=args.iteration_data, iteration_count=args.iteration_count, folders=args.folder,
            preserve_order=args.preserve_order, env_vars=env_vars, env_defaults=env_defaults,
            secret_keys=secret_keys, global_vars=dict(args.global_var),
            reporters=reporters, reporter_options=reporter_options, bail=bail, delay_request_ms=args.delay_request,
            timeout_ms=args.timeout, timeout_script_ms=args.timeout_script, send_options=send,
            file_map=dict(args.map_file),
            response_hooks=[hook for module in RUN_EXTENSIONS
                            for hook in importlib.import_module(module).response_hooks(args)],
            export_environment=args.export_environment, export_globals=args.export_globals,
            export_collection=args.export_collection, export_cookie_jar=args.export_cookie_jar,
            mask_secrets=not args.no_mask, color=_use_color(args.color), verbose=args.verbose,
            silent=args.silent, unicode=not args.disable_unicode,
            bus=live.bus if live else None, stream=live.stream if live else None,
        )
    if args.suppress_exit_code:
        return 0
    return summary.exit_code


def _tolerant_output() -> None:
    """Text a terminal cannot encode (a lone surrogate a script logged, box drawing on a Latin-1
    console) is printed escaped rather than ending the run in a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _quiet_discarded_isolates() -> None:
    """Drop py_mini_racer's "Exception ignored ... Event loop is closed" reports.

    When a timed-out script is stopped, the sandbox discards its V8 isolate; callbacks V8
    still delivers for the cancelled evaluation then find the library's event loop closed,
    and Python prints them as an ignored exception with a traceback. The run itself is fine
    (the item fails with a TimeoutError), so only that exact report is silenced.
    """
    previous = sys.unraisablehook

    def hook(unraisable) -> None:
        exc = unraisable.exc_value
        origin = getattr(unraisable.object, "__module__", "") or ""
        if isinstance(exc, RuntimeError) and str(exc) == "Event loop is closed" and "mini_racer" in origin:
            return
        previous(unraisable)

    sys.unraisablehook = hook


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _tolerant_output()
    _quiet_discarded_isolates()
    if argv[:1] and argv[0] in SUBCOMMANDS:
        try:
            module = importlib.import_module(SUBCOMMANDS[argv[0]])
        except ImportError as exc:
            sys.stderr.write(f"pmreplay: error: '{argv[0]}' is not available ({exc})\n")
            return 1
        try:
            return module.main(argv[1:])
        except PmreplayError as exc:
            sys.stderr.write(f"pmreplay: error: {exc}\n")
            return 1
        except Exception as exc:  # noqa: BLE001 - see _internal_error
            return _internal_error(exc)
    try:
        argv, reporter_options = split_reporter_options(fix_bail(argv))
        parser = build_parser()
        config: dict[str, Any] = {}
        if argv[:1] == ["run"]:  # defaults from pmreplay.toml / [tool.pmreplay] / .newmanrc (runner/config.py)
            from runner.config import finish_run_args, install_run_defaults

            config = install_run_defaults(parser, os.getcwd())
        args = parser.parse_args(argv)
        if config:
            reporter_options = finish_run_args(args, config, reporter_options)
        if args.version:
            from importlib.metadata import version

            print(version("pmreplay"))
            return 0
        if args.command is None:
            parser.print_help()
            return 1
        return run_command(args, reporter_options)
    except PmreplayError as exc:
        sys.stderr.write(f"pmreplay: error: {exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("pmreplay: interrupted\n")
        return 130
    except Exception as exc:  # noqa: BLE001 - see _internal_error
        return _internal_error(exc)


def _internal_error(exc: Exception) -> int:
    """Last resort: the CLI promises one line and exit 1, never a traceback, even for our own bugs.

    ``PMREPLAY_DEBUG=1`` re-raises so a developer still gets the traceback.
    """
    if os.environ.get("PMREPLAY_DEBUG", "").lower() in ("1", "true", "yes", "on"):
        raise exc
    detail = " ".join(str(exc).split())[:300]
    sys.stderr.write(f"pmreplay: internal error: {type(exc).__name__}: {detail} "
                     "(a bug: please report it; PMREPLAY_DEBUG=1 shows the traceback)\n")
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
