"""What the plugin keeps for a whole pytest session: its settings and, on demand, the AEP emulator.

Why lazily: starting the emulator (a TLS server and a fresh RSA key) costs time, so it starts
at the first collection run or ``pmreplay_run`` call that needs it, is shared by all of them
(as the tutorial's flow shares one tenant), and stops when pytest unconfigures.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pytest

from runner.pytest_plugin.options import Settings, read_settings


class PluginSession:
    """Settings plus the session's emulator, if one was asked for."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._stack = contextlib.ExitStack()
        self._link: Any = None

    def emulator(self) -> Any:
        """The running emulator's ``EmulatorLink`` (started on first use)."""
        if self._link is None:
            from runner.cli_emulator import start_emulator

            self._link = self._stack.enter_context(start_emulator(self.settings.emulator_data_dir))
        return self._link

    def close(self) -> None:
        self._link = None
        self._stack.close()

    def run_arguments(self, *, emulator: bool | None = None, working_dir: str | None = None) -> dict[str, Any]:
        """Keyword arguments for ``runner.api.run`` that every run of this session shares."""
        from runner.sending import SendOptions

        settings = self.settings
        connect_to = list(settings.connect_to)
        extra_ca: str | None = None
        env_defaults: dict[str, Any] = {}
        secret_keys: set[str] = set()
        if settings.emulator if emulator is None else emulator:
            link = self.emulator()
            env_defaults.update(link.env_defaults)
            secret_keys |= set(link.secret_keys)
            connect_to = list(link.connect_to) + connect_to
            extra_ca = link.ca_file
        send = SendOptions(connect_to=connect_to, ssl_extra_ca_certs=extra_ca, insecure=settings.insecure,
                           timeout_request_ms=settings.timeout_request_ms, working_dir=working_dir)
        return {
            "environment": list(settings.environments) or None,
            "globals": list(settings.globals) or None,
            "env_vars": dict(settings.env_vars),
            "env_defaults": env_defaults,
            "secret_keys": secret_keys,
            "send_options": send,
        }


SESSION_KEY = pytest.StashKey[PluginSession]()


def plugin_session(config: pytest.Config) -> PluginSession:
    session = config.stash.get(SESSION_KEY, None)
    if session is None:
        session = PluginSession(read_settings(config))
        config.stash[SESSION_KEY] = session
    return session
