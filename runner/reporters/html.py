"""The ``html`` reporter: one self-contained page a person can open from a CI artifact.

Why self-contained: reports are downloaded from CI and opened on laptops without network, or
attached to tickets. Everything (CSS, a few lines of JS, the response-time chart as inline
SVG) is inside the one file, and a Content-Security-Policy forbids any network fetch, so a
hostile response body or ``pm.visualizer`` template cannot phone home when the report opens.

Why it builds plain dictionaries first (``build_view``): the template stays dumb, every
string passes through the run's ``Masker`` in one place, and tests can check the data as
well as the HTML. Jinja2 autoescaping escapes everything the run produced.

Options (``--reporter-html-<option>``): ``export`` (file path), ``title``, ``max-body``
(characters of a body shown before it is cut, default 100000).
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from runner.errors import PmreplayError
from runner.masking import Masker
from runner.reporters import Reporter
from runner.reporters._files import check_export_option, export_target, write_atomic
from runner.reporters._visualizer import Unsupported, render_template
from runner.reporters.cli import human_ms, human_size
from runner.summary import Execution, RunSummary

TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_MAX_BODY = 100_000
CHART_WIDTH = 760
CHART_HEIGHT = 140


# ---------------------------------------------------------------------- bodies


def _header(headers: Iterable[dict], name: str) -> str:
    for header in headers:
        if str(header.get("key", "")).lower() == name:
            return str(header.get("value", ""))
    return ""


def pretty_text(text: str, content_type: str = "") -> tuple[str, bool]:
    """JSON re-indented when it parses (whatever the declared type says); ``(text, is_json)``."""
    stripped = text.strip()
    if stripped[:1] in ("{", "[") or "json" in content_type.lower():
        try:
            return json.dumps(json.loads(text), indent=2, ensure_ascii=False), True
        except ValueError:
            pass
    return text, False


def body_view(raw: bytes | str | None, content_type: str, masker: Masker, limit: int) -> dict:
    """A body ready to show: decoded, pretty when JSON, masked, cut at ``limit`` with a note."""
    if raw is None or raw == b"" or raw == "":
        return {"text": "", "json": False, "note": "", "empty": True}
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return {"text": "", "json": False, "empty": False,
                    "note": f"binary body, {human_size(len(raw))}{', ' + content_type if content_type else ''}"}
    else:
        text = raw
    text, is_json = pretty_text(text, content_type)
    text = masker.text(text)
    note = ""
    if limit and len(text) > limit:
        note = f"shown: first {limit:,} of {len(text):,} characters"
        text = text[:limit]
    return {"text": text, "json": is_json, "note": note, "empty": False}


def request_body_view(body: dict | None, masker: Masker, limit: int) -> dict | None:
    """The sent body in each of Postman's modes; key/value modes become rows, not text."""
    if not body:
        return None
    mode = body.get("mode")
    if mode == "raw":
        view = body_view(str(body.get("raw") or ""), "", masker, limit)
        return None if view["empty"] else {"mode": mode, **view}
    if mode in ("urlencoded", "formdata"):
        rows = []
        for entry in body.get(mode) or []:
            if not isinstance(entry, dict) or entry.get("disabled"):
                continue
            value = entry.get("src") if entry.get("type") == "file" else entry.get("value")
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            rows.append({"key": masker.text(str(entry.get("key", ""))),
                         "value": masker.text("" if value is None else str(value)),
                         "file": entry.get("type") == "file"})
        return {"mode": mode, "rows": rows} if rows else None
    if mode == "file":
        src = (body.get("file") or {}).get("src")
        return {"mode": mode, "text": masker.text(str(src or "")), "json": False, "note": "file body", "empty": False}
    if mode == "graphql":
        graphql = body.get("graphql") or {}
        text = str(graphql.get("query") or "")
        variables = graphql.get("variables")
        if variables:
            pretty, _ = pretty_text(variables if isinstance(variables, str) else json.dumps(variables))
            text += "\n\n# variables\n" + pretty
        return {"mode": mode, **body_view(text, "", masker, limit)}
    return None


# ---------------------------------------------------------------------- the view


def _message_text(messages: list) -> str:
    return " ".join(m if isinstance(m, str) else json.dumps(m, default=str) for m in messages)


def _execution_status(execution: Execution) -> str:
    if execution.request_error or any(s.get("error") for s in execution.prerequest_scripts + execution.test_scripts):
        return "error"
    if any(not a.passed and not a.skipped for a in execution.assertions):
        return "failed"
    if execution.skipped:
        return "skipped"
    return "passed"


def _execution_view(number: int, execution: Execution, masker: Masker, limit: int) -> dict:
    item = execution.item
    path = item.path() if hasattr(item, "path") else [getattr(item, "name", "")]
    view: dict[str, Any] = {
        "anchor": f"ex-{number}", "number": number, "name": masker.text(str(item.name)),
        "folder": masker.text(" / ".join(path[:-1])), "iteration": int(execution.cursor.get("iteration", 0)) + 1,
        "status": _execution_status(execution), "skipped": execution.skipped, "request": None, "response": None,
        "error": masker.text(execution.request_error) if execution.request_error else "",
    }
    if execution.exchange is not None:
        sent = execution.exchange.request or {}
        headers = masker.headers_list([h for h in sent.get("header") or [] if not h.get("disabled")])
        view["request"] = {
            "method": str(sent.get("method") or "GET"), "url": masker.text(str(sent.get("url") or "")),
            "headers": headers, "body": request_body_view(sent.get("body"), masker, limit),
            "warnings": [masker.text(w) for w in execution.exchange.warnings or []],
        }
    response = execution.response
    if response is not None:
        content_type = _header(response.header, "content-type")
        view["response"] = {
            "code": response.code, "status": response.status, "time": human_ms(response.response_time_ms),
            "time_ms": response.response_time_ms, "size": human_size(response.response_size),
            "headers": masker.headers_list(response.header), "content_type": content_type,
            "body": body_view(response.body, content_type, masker, limit),
        }
    view["assertions"] = [
        {"name": masker.text(a.name), "state": "skipped" if a.skipped else "passed" if a.passed else "failed",
         "message": masker.text(str((a.error or {}).get("message", ""))) if not a.passed and not a.skipped else ""}
        for a in execution.assertions
    ]
    view["script_errors"] = [
        {"event": event, "name": str(s["error"].get("name", "Error")), "message": masker.text(str(s["error"].get("message", "")))}
        for event, scripts in (("prerequest", execution.prerequest_scripts), ("test", execution.test_scripts))
        for s in scripts if isinstance(s.get("error"), dict)
    ]
    view["console"] = [{"level": str(c.get("level", "log")), "text": masker.text(_message_text(c.get("messages", [])))}
                       for c in execution.console]
    view["visualizer"] = _visualizer_view(execution.visualizer, masker)
    return view


def _visualizer_view(visualizer: dict | None, masker: Masker) -> dict | None:
    """``pm.visualizer.set`` output, filled like Postman's Handlebars would for the common subset.

    It is shown in a sandboxed frame (no scripts) under the page's CSP (no network). A template
    outside the subset is shown as written, with a note saying why, next to its data.
    """
    if not visualizer or not isinstance(visualizer.get("template"), str):
        return None
    data = masker.deep(visualizer.get("data"))
    template = visualizer["template"]
    try:
        page, note = render_template(template, data), ""
    except Unsupported as exc:
        page, note = template, f"shown unfilled: the template uses {exc}, which the report does not run"
    return {"page": masker.text(page), "note": note,
            "data": masker.text(json.dumps(data, indent=2, default=str)) if data is not None else ""}


def _groups(executions: list[dict]) -> list[dict]:
    """Consecutive executions of the same iteration and folder share a heading."""
    groups: list[dict] = []
    for view in executions:
        key = (view["iteration"], view["folder"])
        if not groups or groups[-1]["key"] != key:
            groups.append({"key": key, "iteration": view["iteration"], "folder": view["folder"], "executions": []})
        groups[-1]["executions"].append(view)
    return groups


def chart_view(executions: list[dict]) -> dict:
    """Bars of response time per request, scaled to the slowest; the SVG is drawn by the template."""
    timed = [e for e in executions if e["response"] is not None]
    top = max((e["response"]["time_ms"] for e in timed), default=0.0)
    if not timed:
        return {"bars": [], "width": CHART_WIDTH, "height": CHART_HEIGHT, "max": human_ms(0)}
    step = CHART_WIDTH / len(timed)
    bars = []
    for index, e in enumerate(timed):
        height = max(1.0, (e["response"]["time_ms"] / top) * CHART_HEIGHT) if top > 0 else 1.0
        bars.append({"x": round(index * step, 2), "width": round(max(step * 0.8, 0.5), 2),
                     "y": round(CHART_HEIGHT - height, 2), "height": round(height, 2),
                     "state": e["status"], "anchor": e["anchor"],
                     "label": f"{e['name']} (iteration {e['iteration']}): {e['response']['time']}"})
    return {"bars": bars, "width": CHART_WIDTH, "height": CHART_HEIGHT, "max": human_ms(top)}


def _failure_views(summary: RunSummary, executions: list[Execution], masker: Masker) -> list[dict]:
    where: dict[tuple, int] = {}
    for number, execution in enumerate(executions, start=1):
        where.setdefault((getattr(execution.item, "id", None), execution.cursor.get("iteration")), number)
    out = []
    for number, failure in enumerate(summary.failures, start=1):
        error = failure.error or {}
        item = failure.item
        key = (getattr(item, "id", None), (failure.cursor or {}).get("iteration"))
        out.append({
            "number": number, "name": str(error.get("name", "Error")),
            "title": masker.text(str(error.get("test") or error.get("name") or "Error")),
            "message": masker.text(str(error.get("message", ""))), "at": str(failure.at),
            "item": masker.text(" / ".join(item.path())) if item is not None else "",
            "iteration": int((failure.cursor or {}).get("iteration", 0)) + 1,
            "anchor": f"ex-{where[key]}" if key in where else "",
        })
    return out


def build_view(summary: RunSummary, masker: Masker, *, title: str = "", max_body: int = DEFAULT_MAX_BODY) -> dict:
    """Everything the template shows, already masked and formatted."""
    executions = list(summary.executions)
    views = [_execution_view(n, e, masker, max_body) for n, e in enumerate(executions, start=1)]
    stats = summary.stats
    timings = summary.timings()
    assertions = stats["assertions"]
    collection = masker.text(summary.collection.name) if summary.collection is not None else ""
    environment = masker.text(getattr(summary.environment, "name", "") or "")
    return {
        "title": masker.text(title) or f"{collection or 'pmreplay'} — pmreplay report",
        "collection": collection, "environment": environment,
        "started_iso": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timings["started"] / 1000)),
        "started_text": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(timings["started"] / 1000)),
        "stats": {
            "iterations": stats["iterations"]["total"],
            "requests": stats["requests"]["total"], "requests_failed": stats["requests"]["failed"],
            "assertions": assertions["total"], "assertions_failed": assertions["failed"],
            "assertions_skipped": assertions["pending"],
            "assertions_passed": assertions["total"] - assertions["failed"] - assertions["pending"],
            "test_scripts_failed": stats["testScripts"]["failed"],
            "prerequest_scripts_failed": stats["prerequestScripts"]["failed"],
        },
        "duration": human_ms(max(0, timings["completed"] - timings["started"])),
        "received": human_size(summary.transfers()["responseTotal"]),
        "average": human_ms(timings["responseAverage"]), "min": human_ms(timings["responseMin"]),
        "max": human_ms(timings["responseMax"]),
        "failed": summary.failed,
        "run_error": masker.text(str(summary.error)) if summary.error is not None else "",
        "warnings": [masker.text(w) for w in summary.warnings],
        "failures": _failure_views(summary, executions, masker),
        "groups": _groups(views), "executions": views, "chart": chart_view(views),
    }


# ---------------------------------------------------------------------- rendering


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render(view: dict) -> str:
    """The page; the inline script is allowed by its hash in the CSP, nothing else may run or load."""
    env = _environment()
    script = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    style = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return env.get_template("report.html.j2").render(view=view, script=script, style=style,
                                                     script_hash=f"sha256-{digest}")


def _max_body(value: Any) -> int:
    if value in (None, True):
        return DEFAULT_MAX_BODY
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise PmreplayError(f"--reporter-html-max-body: expected a number of characters, got '{value}'") from None
    if number < 0:
        raise PmreplayError(f"--reporter-html-max-body: must not be negative, got {number}")
    return number


class HtmlReporter(Reporter):
    name = "html"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        # bad options fail before the run, not after minutes of requests
        self.max_body = _max_body(ctx.options.get("max-body"))
        check_export_option(self.name, ctx.options.get("export"))
        self.export = ctx.options.get("export")

    def finish(self) -> None:
        summary = self.ctx.summary
        title = self.ctx.options.get("title")
        view = build_view(summary, self.ctx.masker, title=title if isinstance(title, str) else "",
                          max_body=self.max_body)
        path = export_target(self.name, self.export, summary.collection.name if summary.collection else "", "html")
        write_atomic(path, render(view))
