"""The Python side of the script sandbox: one V8 isolate per run, driven one script at a time.

Why this shape: mini-racer charges a few tenths of a millisecond per evaluation, so a
script is run by a single ``__pmr_exec.run(...)`` call that returns everything it did as
one JSON string. Only scripts that leave timers, promises or ``pm.sendRequest`` calls
behind get further "step" evaluations; their HTTP calls are made here, in Python, between
steps, which keeps the isolate free of any host access (no Python callbacks at all).

Limits: each evaluation gets the time left of the script's budget, so a runaway loop at
top level or inside a timer callback ends with a ``TimeoutError``; a memory bomb ends
with a ``RangeError`` and a fresh isolate (an isolate that hit its heap cap is not
trusted again).
"""

from __future__ import annotations

import atexit
import json
import re
import threading
import time
import weakref
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from py_mini_racer import (
    JSEvalException,
    JSOOMException,
    JSParseException,
    JSTimeoutException,
    LibAlreadyInitializedError,
    MiniRacer,
    init_mini_racer,
)

JS_DIR = Path(__file__).resolve().parent / "js"

#: Default per-script time limit. Newman has none by default; a cap keeps a stuck script
#: from hanging a whole run while leaving room for heavy crypto (RS256 signing ~30 ms).
DEFAULT_TIMEOUT_MS = 30_000
#: Default V8 heap cap for the isolate, shared by the libraries and the user's script.
DEFAULT_MEMORY_MB = 256

SendRequest = Callable[[dict], Mapping[str, Any]]

_init_lock = threading.Lock()
_initialised = False
_live: weakref.WeakSet[Sandbox] = weakref.WeakSet()


@atexit.register
def _close_live_sandboxes() -> None:
    """Close isolates left open at exit.

    Why: a MiniRacer finalised during interpreter teardown can block forever joining its
    event-loop thread; closing it while threads still run avoids a hung process.
    """
    for sandbox in list(_live):
        try:
            sandbox.close()
        except Exception:  # noqa: BLE001 - best effort at exit
            pass


class SandboxError(Exception):
    """The sandbox itself could not start (a broken JS file), not a user script error."""


def _ensure_v8() -> None:
    """Initialise mini-racer once per process with the multi-threaded flag set.

    Why: the default flags make RSA signing 5-7x slower; a second init raises, and
    another module (or a test shim) may already have done it.
    """
    global _initialised
    with _init_lock:
        if _initialised:
            return
        try:
            init_mini_racer(flags=[])
        except LibAlreadyInitializedError:
            pass
        _initialised = True


def _script_files() -> list[Path]:
    """The sandbox's JS files in the contract's load order (missing optional ones skipped)."""
    files = [JS_DIR / "prelude.js", JS_DIR / "sdk.js", JS_DIR / "expect.js"]
    files += sorted((JS_DIR / "libs").glob("*.js"))
    files.append(JS_DIR / "pm.js")
    return [f for f in files if f.exists()]


def _sources() -> list[tuple[str, str]]:
    """(name, source) pairs to evaluate: the JS files, with the vendored lodash and moment
    registered after ``js/libs/`` as libs_vendor.py expects (``_``, ``require('lodash')``)."""
    from runner.sandbox.libs_vendor import vendored_modules

    out: list[tuple[str, str]] = []
    for path in _script_files():
        if path.name == "pm.js":
            out += [(f"vendored {name}", source) for name, source in vendored_modules()]
        out.append((path.name, path.read_text(encoding="utf-8")))
    return out


_SYNTAX_LINE = re.compile(r"^[^:\n]*:(\d+): SyntaxError")


def _syntax_error_line(mr: MiniRacer, wrapper: str) -> int | None:
    """Find the line of a SyntaxError by compiling the script again, uncaught.

    Why: V8 gives a caught SyntaxError no position; the uncaught one names the line.
    Compiling a function expression has no side effects, and this only runs on errors.
    """
    try:
        mr.eval(wrapper, timeout_sec=5)
    except (JSParseException, JSEvalException) as exc:
        match = _SYNTAX_LINE.search(str(exc))
        if match:
            return int(match.group(1))
    except Exception:  # noqa: BLE001 - best effort only
        return None
    return None


class Sandbox:
    """Runs Postman pre-request and test scripts in one embedded V8 isolate.

    ``timeout_ms`` limits each script (0 or None: no limit), ``memory_mb`` caps the heap
    (0 or None: no cap), ``send_request(request_dict) -> response_dict`` serves
    ``pm.sendRequest`` (without it, sendRequest calls fail with a clear error).
    """

    def __init__(
        self,
        timeout_ms: int | None = DEFAULT_TIMEOUT_MS,
        memory_mb: int | None = DEFAULT_MEMORY_MB,
        send_request: SendRequest | None = None,
    ) -> None:
        if timeout_ms is not None and (not isinstance(timeout_ms, (int, float)) or timeout_ms < 0):
            raise ValueError(f"timeout_ms must be a non-negative number of milliseconds, got {timeout_ms!r}")
        if memory_mb is not None and (not isinstance(memory_mb, (int, float)) or memory_mb < 0):
            raise ValueError(f"memory_mb must be a non-negative number of megabytes, got {memory_mb!r}")
        self.timeout_ms = timeout_ms or None
        self.memory_mb = memory_mb or None
        self.send_request = send_request
        self._mr: MiniRacer | None = None
        self._sources = _sources()
        self._start()
        _live.add(self)

    # ------------------------------------------------------------------ lifecycle
    def _start(self) -> None:
        _ensure_v8()
        mr = MiniRacer()
        try:
            for name, source in self._sources:
                try:
                    mr.eval(source)
                except JSEvalException as exc:
                    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                    raise SandboxError(f"sandbox file {name} failed to load: {first}") from None
            # More array elements than the heap holds at 8 bytes each can never succeed, and
            # buffers (outside V8's heap) get the same allowance as the heap.
            cap = int(self.memory_mb * 1024 * 1024) if self.memory_mb else 0
            limits = {"maxElements": max(1 << 20, cap // 8), "maxBufferBytes": cap} if cap else {}
            mr.eval(f"__pmr_exec.seal({json.dumps(limits)})")
            if self.memory_mb:
                mr.set_hard_memory_limit(cap)
        except BaseException:
            mr.close()
            raise
        self._mr = mr

    def _restart(self) -> None:
        if self._mr is not None:
            try:
                self._mr.close()
            except Exception:  # noqa: BLE001 - the old isolate is being discarded anyway
                pass
            self._mr = None
        self._start()

    def close(self) -> None:
        """Free the isolate. Why explicit: an unclosed isolate can hang interpreter exit."""
        if self._mr is not None:
            self._mr.close()
            self._mr = None

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter teardown
            pass

    # ------------------------------------------------------------------ execution
    def execute(self, listen: str, script: str | list[str] | None, context: Mapping[str, Any]) -> dict:
        """Run one script with ``context`` and return the result dict (docs/architecture.md)."""
        if self._mr is None:
            raise SandboxError("the sandbox is closed")
        if listen not in ("prerequest", "test"):
            raise ValueError(f"listen must be 'prerequest' or 'test', got {listen!r}")
        if context is not None and not isinstance(context, Mapping):
            raise ValueError(f"context must be a mapping, got {type(context).__name__}")
        if isinstance(script, list):
            script = "\n".join(str(line) for line in script)
        context = context or {}
        payload = json.dumps({"listen": listen, "script": script or "", "context": dict(context)},
                             default=_json_default)
        deadline = time.monotonic() + self.timeout_ms / 1000 if self.timeout_ms else None
        try:
            status = self._eval_json(f"__pmr_exec.run({payload})", deadline)
            while status.get("state") != "done":
                status = self._advance(status, deadline)
        except JSTimeoutException:
            return self._abort(self._timeout_error(), context)
        except JSOOMException:
            return self._after_oom(context)
        except JSEvalException as exc:
            if self._mr is not None and self._mr.was_hard_memory_limit_reached():
                return self._after_oom(context)
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return self._abort({"name": "Error", "message": f"sandbox failure: {message}", "stack": None, "line": None}, context)
        result = status.get("result")
        if status.get("restart"):
            # The script changed a shared built-in in a way that cannot be undone.
            self._restart()
        if not _well_formed(result):
            self._restart()
            return _bare_result({"name": "Error", "message": "sandbox failure: the script's result could not be read",
                                 "stack": None, "line": None}, context)
        _fill_untouched_scopes(result, context)
        error = result.get("error")
        if error and error.get("compile") and error.get("name") == "SyntaxError":
            prefix = "(async function () {" if re.search(r"\bawait\b", script or "") else "(function () {"
            error["line"] = _syntax_error_line(self._mr, prefix + (script or "") + "\n})")
        if error:
            error.pop("compile", None)
        return result

    def _remaining(self, deadline: float | None) -> float | None:
        if deadline is None:
            return None
        left = deadline - time.monotonic()
        if left <= 0:
            raise JSTimeoutException
        return left

    def _eval_json(self, code: str, deadline: float | None) -> dict:
        assert self._mr is not None
        out = self._mr.eval(code, timeout_sec=self._remaining(deadline))
        return json.loads(out)

    def _advance(self, status: dict, deadline: float | None) -> dict:
        """Move an asynchronous script one step: send requests, wait for timers, or step."""
        state = status.get("state")
        if state == "send":
            deliveries = [self._send(item) for item in status.get("requests", [])]
            self._remaining(deadline)
            assert self._mr is not None
            self._mr.eval(f"__pmr_exec.deliver({json.dumps(deliveries, default=_json_default)})",
                          timeout_sec=self._remaining(deadline))
        elif state == "wait":
            pause = max(0.0, float(status.get("ms", 0)) / 1000)
            left = self._remaining(deadline)
            if left is not None and pause >= left:
                time.sleep(left)
                raise JSTimeoutException
            time.sleep(pause)
        elif state == "stuck":
            # A promise nothing can settle any more: only the time limit can end it.
            if deadline is None:
                return self._abort_status({
                    "name": "Error",
                    "message": "script never finished: a promise is still pending and nothing is scheduled",
                    "stack": None, "line": None})
            left = self._remaining(deadline) or 0
            time.sleep(left)
            raise JSTimeoutException
        elif state == "idle":
            raise JSEvalException("sandbox lost its execution state")
        return self._eval_json("__pmr_exec.step()", deadline)

    def _send(self, item: dict) -> dict:
        """Serve one pm.sendRequest through the runner's callable; errors become messages."""
        request = _without_file_sources(item.get("request") or {})
        if self.send_request is None:
            return {"id": item.get("id"), "error": "pm.sendRequest is not available in this sandbox"}
        try:
            response = self.send_request(request)
        except Exception as exc:  # noqa: BLE001 - any failure is reported to the script
            return {"id": item.get("id"), "error": str(exc) or type(exc).__name__}
        return {"id": item.get("id"), "response": _response_dict(response)}

    def _timeout_error(self) -> dict:
        return {
            "name": "TimeoutError",
            "message": f"Script execution timed out (time limit {self.timeout_ms} ms).",
            "stack": None,
            "line": None,
        }

    def _abort_status(self, error: dict) -> dict:
        assert self._mr is not None
        return json.loads(self._mr.eval(f"__pmr_exec.abort({json.dumps(error)})", timeout_sec=5))

    def _abort(self, error: dict, context: Mapping[str, Any]) -> dict:
        """Collect what the script recorded before it was stopped; rebuild V8 if that fails."""
        try:
            status = self._abort_status(error)
            if status.get("state") == "done":
                return _fill_untouched_scopes(status["result"], context)
        except Exception:  # noqa: BLE001 - fall back to a fresh isolate below
            pass
        self._restart()
        return _bare_result(error, context)

    def _after_oom(self, context: Mapping[str, Any]) -> dict:
        error = {
            "name": "RangeError",
            "message": f"Script ran out of memory (memory limit {self.memory_mb} MB).",
            "stack": None,
            "line": None,
        }
        result = self._salvage_after_oom(error, context)
        if result is not None:
            return result
        self._restart()
        return _bare_result(error, context)

    def _salvage_after_oom(self, error: dict, context: Mapping[str, Any]) -> dict | None:
        """Collect what the script recorded before it hit the heap cap, if V8 can recover.

        Why: losing the whole script's output (console, earlier variable sets) makes a
        memory bomb hard to debug. The cap is lifted just long enough to collect; the
        isolate is kept only if garbage collection brings the heap back well under it.
        """
        mr = self._mr
        if mr is None or not self.memory_mb:
            return None
        limit = int(self.memory_mb * 1024 * 1024)
        try:
            mr.set_hard_memory_limit(0)
            status = json.loads(mr.eval(f"__pmr_exec.abort({json.dumps(error)})", timeout_sec=5))
            mr.low_memory_notification()
            used = mr.heap_stats().get("used_heap_size", limit)
            if status.get("state") != "done" or used > limit // 2:
                return None
            mr.set_hard_memory_limit(limit)
            return _fill_untouched_scopes(status["result"], context)
        except Exception:  # noqa: BLE001 - fall back to a fresh isolate
            return None


def _json_default(value: object) -> object:
    """Make context values JSON-able: bytes become text, anything else its str()."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", errors="replace")
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def _response_dict(response: Any) -> dict:
    """Accept the runner's ``ResponseData`` as well as a plain response dict.

    Why: the sandbox speaks the v2.1-like dict shape, while runner/sending.py returns a
    dataclass; converting here saves every caller the same few lines.
    """
    if isinstance(response, Mapping):
        out = dict(response)
    else:
        out = {
            "code": getattr(response, "code", 0),
            "status": getattr(response, "status", ""),
            "header": list(getattr(response, "header", []) or []),
            "body": getattr(response, "body", b""),
            "responseTime": getattr(response, "response_time_ms", 0),
            "responseSize": getattr(response, "response_size", 0),
            "cookies": list(getattr(response, "cookies", []) or []),
        }
    body = out.get("body")
    if isinstance(body, (bytes, bytearray)):
        out["body"] = bytes(body).decode("utf-8", errors="replace")
    elif body is None:
        out["body"] = ""
    return out


def _fill_untouched_scopes(result: dict, context: Mapping[str, Any]) -> dict:
    """Put the caller's own lists back for scopes the script never touched (sent as null)."""
    scopes = result.setdefault("scopes", {})
    given = (context or {}).get("scopes") or {}
    for name in ("globals", "environment", "collectionVariables", "_variables"):
        if scopes.get(name) is None:
            scopes[name] = list(given.get(name) or [])
    return result


def _without_file_sources(request: dict) -> dict:
    """Drop local file references from a script's pm.sendRequest body.

    Why: a body in ``file`` mode or a ``type: file`` form field makes the sender read that
    path from disk, so any script could post any file the runner can read to any server.
    Postman offers no file uploads from scripts; only the collection's own requests may
    name files.
    """
    body = request.get("body") if isinstance(request, dict) else None
    if not isinstance(body, dict):
        return request
    body = dict(body)
    if body.get("mode") == "file":
        body["file"] = {}
    if isinstance(body.get("formdata"), list):
        body["formdata"] = [{k: v for k, v in field.items() if k != "src"} if isinstance(field, dict)
                            and field.get("type") == "file" else field for field in body["formdata"]]
    return {**request, "body": body}


_RESULT_LISTS = ("tests", "console", "deprecations", "sendRequests")


def _well_formed(result: object) -> bool:
    """Check the shape the run loop relies on.

    Why: the result is built inside the isolate an untrusted script just ran in; the
    sandbox restores its built-ins first, but a malformed result must still end as one
    script failure, never as a KeyError in the runner.
    """
    if not isinstance(result, dict) or not isinstance(result.get("scopes", {}), dict):
        return False
    if any(not isinstance(result.get(name, []), list) for name in _RESULT_LISTS):
        return False
    if not all(isinstance(t, dict) and isinstance(t.get("name"), str) for t in result.get("tests", [])):
        return False
    error = result.get("error")
    return error is None or isinstance(error, dict)


def _bare_result(error: dict, context: Mapping[str, Any]) -> dict:
    """The result of a script whose isolate had to be discarded: nothing it did survives."""
    scopes = (context or {}).get("scopes") or {}
    return {
        "scopes": {name: list(scopes.get(name) or []) for name in
                   ("globals", "environment", "collectionVariables", "_variables")},
        "request": (context or {}).get("request"),
        "tests": [],
        "console": [],
        "nextRequest": {"set": False, "value": None},
        "skipRequest": False,
        "error": error,
        "visualizer": None,
        "deprecations": [],
        "sendRequests": [],
    }
