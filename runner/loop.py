"""The run loop: iterations x items, scripts, requests and flow control, announced as events.

Why it only emits: reporters, the run summary and the pytest plugin all listen to the same
events, so adding an output never touches the loop, and the loop never waits on output.
The semantics follow Newman 6 (see ``docs/architecture.md`` and the notes it cites).
"""

from __future__ import annotations

import copy
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Protocol

from runner.collection import Collection, Item, effective_auth, effective_protocol_profile
from runner.events import EventBus
from runner.iterdata import data_scope, iteration_count
from runner.sandbox.deprecations import deprecation_message
from runner.sending import Exchange, Sender, SendOptions
from runner.urls import apply_path_variables, as_text, ensure_scheme, url_to_string
from runner.variables import ScopeChain, VariableScope

DEFAULT_SCRIPT_TIMEOUT_MS = 60_000
"""Newman has no limit by default; an endless loop would hang CI forever, so we stop it after a minute."""


class ResponseHook(Protocol):
    """Runs after an item's test scripts, like one more test script written in Python.

    Declarative captures (``--capture``, ``--assert``) and regression baselines plug in here.
    It may set values in ``environment`` (visible to the next request, exported like a
    script's) and returns test results in the sandbox's shape:
    ``[{"name", "passed", "skipped", "error": {"name", "message"} | None}]``.
    """

    def __call__(self, item: Item, exchange: Exchange, cursor: dict, environment: VariableScope) -> list[dict]: ...


@dataclass
class RunOptions:
    """Everything that shapes a run besides the collection and the variable scopes."""

    iteration_count: int | None = None
    iteration_data: list[dict] | None = None
    folders: list[str] = field(default_factory=list)
    preserve_order: bool = False
    delay_request_ms: int = 0
    bail: str | None = None                 # None, "failure", "folder" or "failure,folder"
    timeout_ms: int = 0                     # the whole run; 0 = none
    timeout_script_ms: int | None = None    # None = DEFAULT_SCRIPT_TIMEOUT_MS, 0 = none
    script_memory_mb: int = 256
    file_map: dict[str, str] = field(default_factory=dict)  # body file src (path or base name) -> local path
    response_hooks: list[ResponseHook] = field(default_factory=list)
    send: SendOptions = field(default_factory=SendOptions)


@dataclass
class Cursor:
    """Where the run is, in Newman's cursor vocabulary (also shown in the JSON report)."""

    position: int
    iteration: int
    length: int
    cycles: int
    ref: str = field(default_factory=lambda: str(uuid.uuid4()))
    http_request_id: str | None = None

    def to_json(self) -> dict:
        return {"position": self.position, "iteration": self.iteration, "length": self.length,
                "cycles": self.cycles, "empty": self.length == 0, "eof": self.position == self.length - 1,
                "bof": self.position == 0, "cr": False, "ref": self.ref,
                **({"httpRequestId": self.http_request_id} if self.http_request_id else {})}


class RunAborted(Exception):
    """Stops the loop early (``--bail``, ``--timeout``); the summary records why."""


class Runner:
    """One run of a collection. Create, subscribe to ``bus``, call ``run()``."""

    def __init__(self, collection: Collection, *, environment: VariableScope, globals_: VariableScope,
                 options: RunOptions, bus: EventBus | None = None) -> None:
        self.collection = collection
        self.environment = environment
        self.globals = globals_
        self.collection_variables = VariableScope(copy.deepcopy(collection.variables), name=collection.name,
                                                  kind="collection")
        self.local = VariableScope([], kind="local")
        self.options = options
        self.bus = bus or EventBus()
        self.items = collection.select(options.folders, options.preserve_order)
        rows = options.iteration_data or []
        self.iteration_count = iteration_count(rows, options.iteration_count)
        self._deadline = time.monotonic() + options.timeout_ms / 1000.0 if options.timeout_ms else None
        self._failed = False
        self._errored = False
        self._sandbox = None
        self._sender: Sender | None = None
        self._deprecations_seen: set[str] = set()
        self.cookies: list[dict] = []

    # ------------------------------------------------------------------ plumbing

    def _emit(self, name: str, err: Exception | None = None, **payload: Any) -> None:
        self.bus.emit(name, err, payload)

    def _script_timeout(self) -> int:
        limit = self.options.timeout_script_ms
        limit = DEFAULT_SCRIPT_TIMEOUT_MS if limit is None else limit
        if self._deadline is not None:
            remaining = max(1, int((self._deadline - time.monotonic()) * 1000))
            limit = remaining if limit == 0 else min(limit, remaining)
        return limit

    def _sandbox_instance(self):
        if self._sandbox is None:
            from runner.sandbox import Sandbox

            self._sandbox = Sandbox(timeout_ms=self._script_timeout(), memory_mb=self.options.script_memory_mb,
                                    send_request=self._send_from_script)
        return self._sandbox

    def _check_deadline(self) -> None:
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise RunAborted(f"callback timed out: the run exceeded --timeout {self.options.timeout_ms} ms")

    def _chain(self, data: VariableScope) -> ScopeChain:
        return ScopeChain(local=self.local, iteration_data=data, environment=self.environment,
                          collection=self.collection_variables, globals_=self.globals)

    # ------------------------------------------------------------------ the loop

    def run(self) -> None:
        """Run every iteration; events carry the results (see ``runner.summary``)."""
        self._sender = Sender(self.options.send)
        start_cursor = Cursor(0, 0, len(self.items), self.iteration_count)
        self._emit("start", cursor=start_cursor.to_json(), collection=self.collection,
                   iteration_count=self.iteration_count, items=self.items)
        error: Exception | None = None
        try:
            for iteration in range(self.iteration_count):
                self._run_iteration(iteration)
        except RunAborted as exc:
            error = exc
        finally:
            self._emit("beforeDone", error, cursor=start_cursor.to_json())
            if self._sandbox is not None:
                self._sandbox.close()
                self._sandbox = None
            self._emit("done", error, environment=self.environment, globals=self.globals,
                       collection_variables=self.collection_variables, sender=self._sender)

    def export_cookie_jar(self, path: str) -> None:
        if self._sender is not None:
            self._sender.export_cookie_jar(path)

    def close(self) -> None:
        """Release the HTTP session; call after exports that read from it (the cookie jar)."""
        if self._sender is not None:
            self._sender.close()
            self._sender = None

    def _run_iteration(self, iteration: int) -> None:
        data = data_scope(self.options.iteration_data or [], iteration)
        cursor = Cursor(0, iteration, len(self.items), self.iteration_count)
        self._emit("beforeIteration", cursor=cursor.to_json())
        by_id = {item.id: i for i, item in enumerate(self.items)}
        by_name: dict[str, int] = {}
        for i, item in enumerate(self.items):
            by_name[item.name] = i  # the last duplicate name wins, as in Newman
        self._index = 0
        try:
            self._walk_items(iteration, data, by_id, by_name)
        finally:
            # emitted even when --bail stops the loop: Newman counts the interrupted iteration
            self._emit("iteration", cursor=Cursor(max(self._index - 1, 0), iteration, len(self.items),
                                                  self.iteration_count).to_json())

    def _walk_items(self, iteration: int, data: VariableScope, by_id: dict[str, int],
                    by_name: dict[str, int]) -> None:
        """The items of one iteration, following setNextRequest; ``self._index`` tracks the position."""
        index = self._index = 0
        first = True
        while 0 <= index < len(self.items):
            self._check_deadline()
            if not first and self.options.delay_request_ms:
                time.sleep(self.options.delay_request_ms / 1000.0)
            first = False
            item = self.items[index]
            cursor = Cursor(index, iteration, len(self.items), self.iteration_count)
            next_request = self._run_item(item, cursor, data)
            if self._failed and "failure" in (self.options.bail or ""):
                raise RunAborted("stopped by --bail after a failure")
            if next_request is None:
                index += 1
            elif next_request["value"] is None:
                break
            else:
                target = str(next_request["value"])
                index = by_id.get(target, by_name.get(target, -1))
            self._index = index

    def _run_item(self, item: Item, cursor: Cursor, data: VariableScope) -> dict | None:
        """One item: pre-request scripts, the request, test scripts. Returns setNextRequest's target."""
        self._emit("beforeItem", cursor=cursor.to_json(), item=item)
        request = copy.deepcopy(item.request)
        next_request: dict | None = None
        skipped = False

        self._emit("beforePrerequest", cursor=cursor.to_json(), item=item)
        pre_results = []
        for node, source in self._scripts(item, "prerequest"):
            result = self._run_script("prerequest", node, source, item, cursor, data, request, None)
            pre_results.append(result)
            self._abort_on_error()
            if result.get("request"):
                request = result["request"]
            if (result.get("nextRequest") or {}).get("set"):
                next_request = result["nextRequest"]
            if result.get("skipRequest"):
                skipped = True
                break
        self._emit("prerequest", cursor=cursor.to_json(), item=item, executions=pre_results)

        exchange: Exchange | None = None
        if not skipped:
            spec = self.build_spec(item, request, self._chain(data))
            if self.options.file_map:
                spec["body"] = map_body_files(spec["body"], self.options.file_map)
            cursor.http_request_id = str(uuid.uuid4())
            self._emit("beforeRequest", cursor=cursor.to_json(), item=item, request=spec)
            self._check_deadline()
            exchange = self._sender.send(spec, effective_protocol_profile(item))  # type: ignore[union-attr]
            if exchange.error:
                self._failed = self._errored = True
            self._emit("request", cursor=cursor.to_json(), item=item, exchange=exchange, spec=spec)
            self._abort_on_error()

            self._emit("beforeTest", cursor=cursor.to_json(), item=item)
            test_results = []
            as_sent = self._request_for_tests(exchange.request, request, data)
            for node, source in self._scripts(item, "test"):
                result = self._run_script("test", node, source, item, cursor, data, as_sent, exchange)
                test_results.append(result)
                self._abort_on_error()
                if (result.get("nextRequest") or {}).get("set"):
                    next_request = result["nextRequest"]
            for hook in self.options.response_hooks:
                for index, test in enumerate(hook(item, exchange, cursor.to_json(), self.environment) or []):
                    self._emit_assertion(item, cursor, test, index, "test")
            self._emit("test", cursor=cursor.to_json(), item=item, executions=test_results)
        self._emit("item", cursor=cursor.to_json(), item=item, skipped=skipped)
        return next_request

    def _request_for_tests(self, sent: dict, request: dict, data: VariableScope) -> dict:
        """The request as sent, plus the item's disabled headers: Newman's test scripts still see
        them in pm.request.headers (marked disabled), since it keeps the item's header list."""
        disabled = [h for h in request.get("header") or [] if isinstance(h, dict) and h.get("disabled")]
        if not disabled:
            return sent
        chain = self._chain(data)
        return {**sent, "header": [*(sent.get("header") or []),
                                   *({**h, "key": chain.substitute(str(h.get("key", ""))),
                                      "value": chain.substitute(str(h.get("value", "")))} for h in disabled)]}

    def _abort_on_error(self) -> None:
        """``--bail folder`` (Newman's abortOnError): a script or request error ends the run on the spot,
        before the item's request or remaining scripts; assertion failures do not."""
        if self._errored and "folder" in (self.options.bail or ""):
            raise RunAborted("stopped by --bail folder after an error")

    def _scripts(self, item: Item, listen: str):
        for node in [*item.ancestors(), item]:
            for source in node.scripts(listen, include_blank=True):
                yield node, source

    # ------------------------------------------------------------------ scripts

    def _run_script(self, listen: str, node, source: str, item: Item, cursor: Cursor, data: VariableScope,
                    request: dict, exchange: Exchange | None) -> dict:
        self._emit("beforeScript", cursor=cursor.to_json(), item=item, event=listen, node=node)
        context = {
            "scopes": {
                "globals": self.globals.values, "environment": self.environment.values,
                "collectionVariables": self.collection_variables.values,
                "iterationData": data.values, "_variables": self.local.values,
            },
            "environmentName": self.environment.name,
            "request": request,
            "response": self._response_context(exchange),
            "cookies": (exchange.response.cookies if exchange and exchange.response else []),
            "info": {"eventName": listen, "iteration": cursor.iteration, "iterationCount": self.iteration_count,
                     "requestName": item.name, "requestId": item.id},
            "location": [self.collection.name, *item.path()],
            "data": data.to_dict(),
        }
        if not source.strip():
            # Newman runs and counts an empty script; there is nothing to execute
            self._emit("script", cursor=cursor.to_json(), item=item, event=listen, node=node, result={})
            return {}
        sandbox = self._sandbox_instance()
        sandbox.timeout_ms = self._script_timeout()
        result = sandbox.execute(listen, source, context)
        scopes = result.get("scopes") or {}
        for key, scope in (("globals", self.globals), ("environment", self.environment),
                           ("collectionVariables", self.collection_variables), ("_variables", self.local)):
            if isinstance(scopes.get(key), list):
                scope.replace_values(scopes[key])
        for entry in result.get("console") or []:
            self._emit("console", cursor=cursor.to_json(), item=item, level=entry.get("level", "log"),
                       messages=entry.get("messages", []))
        for name in result.get("deprecations") or []:
            if name not in self._deprecations_seen:
                self._deprecations_seen.add(name)
                self._emit("console", cursor=cursor.to_json(), item=item, level="warn",
                           messages=[deprecation_message(name).strip()])
        for index, test in enumerate(result.get("tests") or []):
            # tests arrive in completion order; Newman numbers them in the order pm.test was called,
            # which the sandbox may pass as "index" (used in a failure's "assertion:N")
            self._emit_assertion(item, cursor, test, test.get("index", index), listen)
        if result.get("error"):
            self._failed = self._errored = True
            self._emit("exception", cursor=cursor.to_json(), item=item, error=result["error"],
                       at=f"{listen}-script" if listen == "test" else "prerequest-script")
        self._emit("script", cursor=cursor.to_json(), item=item, event=listen, node=node, result=result)
        return result

    def _emit_assertion(self, item: Item, cursor: Cursor, test: dict, index: int, listen: str) -> None:
        error = test.get("error")
        if not test.get("passed") and not test.get("skipped"):
            self._failed = True
            error = error or {"name": "AssertionError", "message": "failed"}
        self._emit("assertion", cursor=cursor.to_json(), item=item, assertion=test.get("name", ""),
                   skipped=bool(test.get("skipped")), error=None if test.get("passed") else error, index=index,
                   event=listen)

    @staticmethod
    def _response_context(exchange: Exchange | None) -> dict | None:
        if exchange is None or exchange.response is None:
            return None
        response = exchange.response
        return {"code": response.code, "status": response.status, "header": response.header,
                "body": response.body.decode("utf-8", errors="replace"),
                # whole milliseconds, as Newman measures them (scripts print and compare this value)
                "responseTime": round(response.response_time_ms), "responseSize": response.response_size}

    def _send_from_script(self, request: dict) -> dict:
        """``pm.sendRequest``: through the run's session (cookies, proxies, --connect-to, TLS, timeouts)."""
        if isinstance(request, str):
            request = {"method": "GET", "url": request}
        spec = {
            "method": (request.get("method") or "GET").upper(),
            "url": ensure_scheme(url_to_string(request.get("url"))),
            "header": request.get("header") or [],
            "body": request.get("body"),
            "auth": request.get("auth"),
        }
        exchange = self._sender.send(spec, {})  # type: ignore[union-attr]
        if exchange.error or exchange.response is None:
            raise RuntimeError(exchange.error or "no response")
        response = exchange.response
        return {"code": response.code, "status": response.status, "header": response.header,
                "body": response.body.decode("utf-8", errors="replace"),
                # whole milliseconds, as Newman measures them (scripts print and compare this value)
                "responseTime": round(response.response_time_ms), "responseSize": response.response_size}

    # ------------------------------------------------------------------ requests

    @staticmethod
    def build_spec(item: Item, request: dict, chain: ScopeChain) -> dict:
        """The request to send: variables substituted everywhere, auth inherited, URL re-parsed."""
        url_obj = request.get("url")
        url = chain.substitute(url_to_string(url_obj))
        if isinstance(url_obj, dict) and url_obj.get("variable"):
            url = apply_path_variables(url, chain.substitute_deep(url_obj["variable"]))
        headers = [
            {"key": chain.substitute(str(h.get("key", ""))), "value": chain.substitute(as_text(h.get("value")))}
            for h in request.get("header") or []
            if isinstance(h, dict) and not h.get("disabled")
        ]
        body = request.get("body")
        if isinstance(body, dict) and not body.get("disabled"):
            body = chain.substitute_deep(body)
        else:
            body = None
        auth = request.get("auth") if request.get("auth") is not None else effective_auth(item)
        if auth is not None and auth.get("type") == "noauth":
            auth = None
        if auth is not None:
            auth = chain.substitute_deep(auth)
        return {"method": str(request.get("method") or "GET").upper(), "url": ensure_scheme(url),
                "header": headers, "body": body, "auth": auth}


def _mapped(src: Any, file_map: dict[str, str]) -> Any:
    if isinstance(src, list):
        return [_mapped(s, file_map) for s in src]
    if not isinstance(src, str) or not src:
        return src
    if src in file_map:
        return file_map[src]
    base = src.replace("\\", "/").rsplit("/", 1)[-1]
    return file_map.get(base, src)


def map_body_files(body: dict | None, file_map: dict[str, str]) -> dict | None:
    """``--map-file``: exported collections carry their author's absolute file paths; point them at local files."""
    if not isinstance(body, dict):
        return body
    body = dict(body)
    if isinstance(body.get("file"), dict):
        body["file"] = {**body["file"], "src": _mapped(body["file"].get("src"), file_map)}
    if isinstance(body.get("formdata"), list):
        body["formdata"] = [{**f, "src": _mapped(f.get("src"), file_map)} if isinstance(f, dict) and "src" in f else f
                            for f in body["formdata"]]
    return body
