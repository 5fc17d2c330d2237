"""The script sandbox: an embedded V8 running Postman's `pm` API (see docs/architecture.md)."""

from runner.sandbox.deprecations import deprecation_message
from runner.sandbox.engine import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS, Sandbox, SandboxError

__all__ = ["DEFAULT_MEMORY_MB", "DEFAULT_TIMEOUT_MS", "Sandbox", "SandboxError", "deprecation_message"]
