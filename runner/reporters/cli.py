"""The ``cli`` reporter: Newman's terminal output, as the run goes.

Why keep Newman's layout: people read these logs in CI and compare them with what they
knew from Newman; the item arrows, ``METHOD url [200 OK, 548B, 63ms]`` lines, ticks and
numbered failures, console blocks, the summary table and the failure list are laid out the
same (sizes count headers like Newman's, times and sizes use Newman's units). Colour only on
a TTY or with ``--color on``, never an escape code otherwise; ``--silent`` prints nothing.
Everything shown passes through the run's masker: a secret never reaches the terminal, even
where Newman would print it.

Where pmreplay knows more than Newman shows, it is shown in the same style: ``--verbose``
adds the request and response headers (masked) as boxes beside the bodies; a body file
that could not be read (``Exchange.warnings``) is a warning console block like Newman's
runtime warning. A script's ``pm.sendRequest`` calls are printed as request lines when the
script ends, before what the script logged (the sandbox reports them together). Known
differences: no timing-phase table in ``--verbose`` (no phase timings are measured) and a
request error's failure says ``inside "<item>"`` where Newman leaves the name empty.

Options (``--reporter-cli-<option>``): ``no-summary``, ``no-failures``, ``no-assertions``,
``no-success-assertions``, ``no-console``, ``no-banner``, ``show-timestamps``.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import shutil
import sys
import textwrap
from datetime import datetime
from typing import Any

from runner.reporters import Reporter, ReporterContext

BODY_CLIP_SIZE = 2048
"""Newman shows at most this many characters of a body with ``--verbose``."""
WRAP_WIDTH = 54
"""Console and body text is cut into lines of this many characters when the width is unknown
(Newman: 60 columns less the indentation)."""
INSPECT_BREAK = 44
"""Objects longer than this are spread over several lines (Node's inspect with Newman's breakLength)."""

_CODES = {"red": (31, 39), "green": (32, 39), "yellow": (33, 39), "blue": (34, 39), "cyan": (36, 39),
          "gray": (90, 39), "white": (37, 39), "bold": (1, 22), "underline": (4, 24)}
_LEVEL_COLOR = {"log": "gray", "info": "cyan", "warn": "yellow", "debug": "blue", "error": "red"}

UNICODE_SYMBOLS = {"top": "┌", "middle": "│", "bottom": "└", "dot": ".", "folder": "❏", "root": "→",
                   "sub": "↳", "ok": "✓", "error": "✖", "star": "★", "up": "↑", "down": "↓"}
PLAIN_SYMBOLS = {"top": "-", "middle": "|", "bottom": "-", "dot": ".", "folder": "Folder", "root": "Root",
                 "sub": "Sub-folder", "ok": "Pass", "error": "Fail", "star": "*", "up": "^", "down": "v"}

# box pieces: top, row separator, span separator, bottom; each (left, fill, joint, right); vertical bar
_UNICODE_BOX = {"top": "┌─┬┐", "mid": "├─┼┤", "span": "├─┴┤", "full": "├─├┤", "bottom": "└─┴┘", "bar": "│"}
_PLAIN_BOX = {"top": "----", "mid": "--+-", "span": "----", "full": "----", "bottom": "----", "bar": "|"}


# ---------------------------------------------------------------------- units


def human_size(size: float) -> str:
    """Bytes in SI units with up to two decimals and no space: ``548B``, ``1.02kB``, ``1MB``."""
    size = max(0.0, float(size or 0))
    units = ("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")
    exponent = 0 if size < 1 else min(int(math.floor(math.log10(size) / 3)), len(units) - 1)
    value = math.floor(size / 1000 ** exponent * 100 + 0.5) / 100  # half up, as JavaScript rounds
    if value == 1000 and exponent < len(units) - 1:
        value, exponent = 1, exponent + 1
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text}{units[exponent]}"


def human_ms(ms: float) -> str:
    """Newman's durations: ``500µs``, ``63ms`` below two seconds, then ``2.3s``, ``1m 5.4s``, ``1h 2m 5s``."""
    ms = max(0.0, float(ms or 0))
    if ms < 1:
        return f"{int(ms * 1000)}µs"
    if ms < 1998:
        return f"{int(ms)}ms"
    parts = []
    days, rest = divmod(int(ms // 1000), 86400)
    hours, rest = divmod(rest, 3600)
    minutes, _ = divmod(rest, 60)
    for value, unit in ((days, "d"), (hours, "h"), (minutes, "m")):
        if value:
            parts.append(f"{value}{unit}")
    seconds = math.floor((ms / 1000) % 60 * 10 + 1e-7) / 10
    if seconds:
        parts.append(f"{seconds:.1f}".removesuffix(".0") + "s")
    return " ".join(parts) or "0ms"


def clock_time(moment: datetime) -> str:
    """``3:05:09 PM``: the time as Node's ``toLocaleTimeString()`` shows it in the default locale."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d}:{moment.second:02d} {'AM' if moment.hour < 12 else 'PM'}"


# ---------------------------------------------------------------------- JavaScript-style values


_BARE_STRINGS = re.compile(r"^(undefined|NaN|-?Infinity|\[Circular\]|\[Function: [^\]]*\]|\[Object\])$")
"""The sandbox ships these JavaScript values as strings; shown bare, as Node shows the values."""
_KEY = re.compile(r"^[A-Za-z_][A-Za-z_0-9]*$")
"""Object keys Node writes without quotes."""
INSPECT_MAX_ITEMS = 100


def js_string(text: str) -> str:
    """A string literal as Node's ``util.inspect`` writes it: single quotes unless the text has them."""
    quote = "'"
    if "'" in text:
        quote = '"' if '"' not in text else ("`" if "`" not in text and "${" not in text else "'")
    out = []
    for char in text:
        if char == quote or char == "\\":
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char == "\r":
            out.append("\\r")
        elif char == "\b":
            out.append("\\b")
        elif char == "\f":
            out.append("\\f")
        elif char == "\v":
            out.append("\\v")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\x{ord(char):02X}")
        else:
            out.append(char)
    return quote + "".join(out) + quote


def _js_number(value: float) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if value == 0 and math.copysign(1, value) < 0:
        return "-0"
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    text = repr(value)
    if "e" in text:
        mantissa, _, exp = text.partition("e")
        power = int(exp)
        text = f"{mantissa.removesuffix('.0')}e{'+' if power >= 0 else '-'}{abs(power)}"
    return text


def js_inspect(value: Any, break_length: int = INSPECT_BREAK) -> str:
    """A console message as Node's ``util.inspect`` shows it (the layout Newman prints).

    Why: a Postman user reads ``{ a: 1, b: [ 1, 2 ] }`` and ``'text'`` in Newman's console
    blocks. Node's rules, as observed: an object stays on one line when it fits the break
    length and holds fewer than three levels of nesting; otherwise one entry per line, two
    spaces deeper; arrays of more than six short entries are laid out in aligned columns.
    """
    return _Inspector(break_length).show(value, 0)


class _Inspector:
    """One inspection; remembers how deep the last nested object was (Node's single-line rule)."""

    def __init__(self, break_length: int) -> None:
        self.last_depth = 0
        self.break_length = break_length

    def show(self, value: Any, depth: int) -> str:
        if value is None:
            return "null"
        if isinstance(value, (bool, int, float)):
            return _js_number(value)
        if isinstance(value, str):
            return value if _BARE_STRINGS.match(value) else js_string(value)
        if isinstance(value, list):
            return self._list(value, depth)
        if isinstance(value, dict):
            return self._dict(value, depth)
        return js_string(str(value))

    def _list(self, value: list, depth: int) -> str:
        if not value:
            return "[]"
        self.last_depth = depth
        entries = [self.show(v, depth + 1) for v in value[:INSPECT_MAX_ITEMS]]
        extra = len(value) - INSPECT_MAX_ITEMS
        if extra > 0:
            entries.append(f"... {extra} more item{'s' if extra > 1 else ''}")
        if len(entries) > 6:
            numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
            grouped = _columns(entries, extra > 0, depth * 2, numeric, self.break_length)
            if grouped is not None:
                return _spread("[", "]", grouped, depth * 2)
        return self._braces("[", "]", entries, depth)

    def _dict(self, value: dict, depth: int) -> str:
        if not value:
            return "{}"
        self.last_depth = depth
        entries = []
        for key, item in value.items():
            name = key if _KEY.match(str(key)) else js_string(str(key))
            entries.append(f"{name}: {self.show(item, depth + 1)}")
        return self._braces("{", "}", entries, depth)

    def _braces(self, open_: str, close: str, entries: list[str], depth: int) -> str:
        indent = depth * 2
        if self.last_depth - depth < 3 and not any("\n" in e for e in entries):
            start = len(entries) + indent + len(open_) + 10
            total = len(entries) + start
            limit = self.break_length
            if total + len(entries) <= limit and total + sum(len(e) for e in entries) <= limit:
                return f"{open_} {', '.join(entries)} {close}"
        return _spread(open_, close, entries, indent)


def _spread(open_: str, close: str, entries: list[str], indent: int) -> str:
    pad = "\n" + " " * indent
    return f"{open_}{pad}  " + f",{pad}  ".join(entries) + f"{pad}{close}"


def _columns(entries: list[str], has_more: bool, indent: int, numeric: bool, limit: int) -> list[str] | None:
    """Rows of aligned columns for a long array of short entries (numbers right-aligned), or None."""
    items = entries[:-1] if has_more else entries
    lengths = [len(e) for e in items]
    widest = max(lengths) + 2
    total = sum(length + 2 for length in lengths)
    if not (widest * 3 + indent < limit and (total / widest > 5 or max(lengths) <= 6)):
        return None
    bias = math.sqrt(widest - total / len(entries))
    cell = max(widest - 3 - bias, 1)
    count = min(int(math.floor(math.sqrt(2.5 * cell * len(items)) / cell + 0.5)),
                (limit - indent) // widest, 12, 15)
    if count <= 1:
        return None
    col_widths = [max(lengths[j] for j in range(i, len(items), count)) + 2 for i in range(count)]
    rows = []
    for first in range(0, len(items), count):
        row = items[first:first + count]
        parts = []
        for offset, text in enumerate(row):
            last = offset == len(row) - 1
            piece = text if last else text + ", "
            width = col_widths[offset] - (2 if last else 0)
            parts.append(piece.rjust(width) if numeric else (piece if last else piece.ljust(width)))
        rows.append("".join(parts))
    if has_more:
        rows.append(entries[-1])
    return rows


def cut_lines(text: str, width: int = WRAP_WIDTH) -> list[str]:
    """Text cut into lines of at most ``width`` characters; empty lines dropped (as Newman's wrap does)."""
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        lines.extend(line[i:i + width] for i in range(0, len(line), width))
    return lines


# ---------------------------------------------------------------------- HTTP facts


def _header(headers: list[dict], name: str) -> str | None:
    for header in headers or []:
        if str(header.get("key", "")).lower() == name:
            return str(header.get("value", ""))
    return None


def _headers_size(headers: list[dict]) -> int:
    return sum(len(f"{h.get('key', '')}: {h.get('value', '')}\r\n") for h in headers or [] if not h.get("disabled"))


def response_total_size(response: Any) -> int:
    """Newman's response size: body plus status line and header block."""
    encoding = (_header(response.header, "content-encoding") or "").lower()
    length = _header(response.header, "content-length")
    if ("gzip" in encoding or "deflate" in encoding) and length and length.isdigit():
        body = int(length)
    else:
        body = len(response.body)
    return body + len(f"HTTP/X.X {response.code} {response.status}\r\n\r\n") + _headers_size(response.header)


def request_body_text(sent: dict) -> tuple[str, str]:
    """The body as sent (its mode and text), for ``--verbose``."""
    body = sent.get("body") or {}
    mode = str(body.get("mode") or "")
    if mode == "raw":
        return mode, str(body.get("raw") or "")
    if mode == "urlencoded":
        pairs = [f"{p.get('key', '')}={p.get('value', '')}" for p in body.get("urlencoded") or []
                 if isinstance(p, dict) and not p.get("disabled")]
        return mode, "&".join(pairs)
    if mode == "formdata":
        parts = [f"{p.get('key', '')}={p.get('src') if p.get('type') == 'file' else p.get('value', '')}"
                 for p in body.get("formdata") or [] if isinstance(p, dict) and not p.get("disabled")]
        return mode, "\n".join(parts)
    if mode == "file":
        return mode, str((body.get("file") or {}).get("src") or "")
    if mode == "graphql":
        graphql = body.get("graphql") or {}
        return mode, str(graphql.get("query") or "")
    return mode, ""


def content_summary(headers: list[dict]) -> list[str]:
    """``content type, mime type, format, charset`` for the verbose response line."""
    raw = _header(headers, "content-type")
    if raw is None:
        return ["undefined"] * 4
    content_type, _, params = raw.partition(";")
    content_type = content_type.strip().lower()
    charset = "utf8"
    match = re.search(r"charset=\"?([\w-]+)", params, re.I)
    if match:
        charset = match.group(1).lower().replace("-", "")
    major, _, minor = content_type.partition("/")
    if "json" in minor:
        kind, fmt = "text", "json"
    elif "xml" in minor:
        kind, fmt = "text", "xml"
    elif "html" in minor:
        kind, fmt = "text", "html"
    elif "javascript" in minor or "ecmascript" in minor:
        kind, fmt = "text", "script"
    elif major == "text":
        kind, fmt = "text", minor or "plain"
    elif major in ("image", "audio", "video"):
        kind, fmt = major, major
    else:
        kind, fmt = "unknown", "raw"
    return [content_type, kind, fmt, charset]


def _ellipsis(part: Any, width: int) -> Any:
    text, color = part if isinstance(part, tuple) else (part, None)
    if len(text) > width:
        text = text[:max(0, width - 1)] + "…"
    return (text, color) if color else text


def _is_binary(body: bytes) -> bool:
    if b"\x00" in body[:BODY_CLIP_SIZE]:
        return True
    try:
        body[:BODY_CLIP_SIZE].decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start < BODY_CLIP_SIZE - 4  # a character cut at the clip edge is not binary
    return False


# ---------------------------------------------------------------------- the reporter


class CliReporter(Reporter):
    """Prints as events arrive; the summary table and failure list at the end."""

    name = "cli"

    def __init__(self, ctx: ReporterContext) -> None:
        super().__init__(ctx)
        self.out = ctx.stream or sys.stdout
        options = ctx.options
        self.show_summary = not options.get("no-summary")
        self.show_failures = not options.get("no-failures")
        self.show_assertions = not options.get("no-assertions")
        self.show_success = not options.get("no-success-assertions")
        self.show_console = not options.get("no-console")
        self.show_banner = not options.get("no-banner")
        self.timestamps = bool(options.get("show-timestamps"))
        self.symbols = UNICODE_SYMBOLS if ctx.unicode else PLAIN_SYMBOLS
        self._group: tuple[str, ...] = ()
        self._block: str | None = None        # the level colour of the open console block
        self._queue: list[tuple] | None = None  # output held while a script runs (see _on_script)
        self._request_time: datetime | None = None
        self._closed = False
        columns = self._terminal_width() or 60  # Newman sizes console text to the window, else 60 columns
        self.wrap_width, self.break_length = columns - 6, columns - 16
        if ctx.silent or options.get("silent"):
            self.ctx.silent = True
            return
        bus = ctx.bus
        for event in ("start", "beforeIteration", "beforeItem", "beforeRequest", "request", "beforeScript",
                      "script", "assertion", "console", "exception", "test"):
            bus.on(event, getattr(self, "_on_" + event))

    # ------------------------------------------------------------------ output

    def c(self, color: str, text: str) -> str:
        """``text`` in ``color`` (``"red bold"`` combines) when colour is on, else unchanged."""
        if not self.ctx.color or not text:
            return text
        for name in reversed(color.split()):
            start, end = _CODES[name]
            text = f"\x1b[{start}m{text}\x1b[{end}m"
        return text

    def _write(self, text: str) -> None:
        if self._closed:
            return
        try:
            self.out.write(text)
            self.out.flush()
        except BrokenPipeError:
            # the reader went away (``| head``): keep running quietly, as the exit code still matters
            self._closed = True
            if self.out is sys.stdout:
                with contextlib.suppress(OSError, ValueError):
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())

    def line(self, text: str = "") -> None:
        """One line of output (held while a script runs); closes an open console block first."""
        if self._queue is not None:
            self._queue.append(("line", text))
        else:
            self._render_line(text)

    def _render_line(self, text: str) -> None:
        self._close_block()
        self._write(text + "\n")

    def _render_console(self, level: str, lines: list[str], stamp: str | None) -> None:
        color = _LEVEL_COLOR.get(level, "gray")
        if stamp is not None:
            self._close_block()
            self._write("\n  " + self.c("gray", stamp) + "\n")
        if self._block is None:
            self._write(self.c(color, f"  {self.symbols['top']}") + "\n")
        self._block = color
        bar = self.c(color, self.symbols["middle"])
        for text in lines:
            self._write(f"  {bar} {self.c('gray', text)}\n")

    def _close_block(self) -> None:
        if self._block is not None:
            self._write(self.c(self._block, f"  {self.symbols['bottom']}") + "\n")
            self._block = None

    def _flush_queue(self, first: list[tuple]) -> None:
        queue, self._queue = self._queue or [], None
        for entry in [*first, *queue]:
            if entry[0] == "line":
                self._render_line(entry[1])
            else:
                self._render_console(*entry[1:])

    def console_block(self, level: str, lines: list[str]) -> None:
        stamp = f"[{clock_time(datetime.now())}]" if self.timestamps else None
        entry = ("console", level, lines, stamp)
        if self._queue is not None:
            self._queue.append(entry)
        else:
            self._render_console(*entry[1:])

    def mask(self, text: Any) -> str:
        return self.ctx.masker.text(str(text))

    # ------------------------------------------------------------------ listeners

    def _on_start(self, err, payload) -> None:
        if self.show_banner:
            self._write("pmreplay\n\n")
        collection = payload.get("collection")
        name = getattr(collection, "name", "") or getattr(collection, "id", "")
        if name:
            self.line(self.mask(name))

    def _on_beforeIteration(self, err, payload) -> None:
        cursor = payload.get("cursor") or {}
        if cursor.get("cycles", 1) > 1:
            self.line()
            self.line(self.c("gray underline", f"Iteration {cursor.get('iteration', 0) + 1}/{cursor['cycles']}"))

    def _on_beforeItem(self, err, payload) -> None:
        item = payload["item"]
        group = tuple(item.path()[:-1])
        self.line()
        if group != self._group:
            if group:
                self.line(f"{self.symbols['folder']} {self.mask(' / '.join(group))}")
            self._group = group
        self.line(f"{self.symbols['sub'] if group else self.symbols['root']} {self.mask(item.name or '')}")

    def _on_beforeRequest(self, err, payload) -> None:
        self._request_time = datetime.now()

    def _request_head(self, method: str, url: str) -> str:
        head = f"  {self.c('gray', method)} {self.c('gray', self.mask(url))}"
        if self.timestamps and self._request_time is not None:
            moment = self._request_time
            stamp = f"{moment.month}/{moment.day}/{moment.year}, {clock_time(moment)}"
            head = f"  {self.c('gray', f'[{stamp}]')}  {self.c('gray', method)} {self.c('gray', self.mask(url))}"
        return head

    def _on_request(self, err, payload) -> None:
        exchange = payload["exchange"]
        sent = exchange.request or {}
        for warning in exchange.warnings or []:
            self.console_block("warn", cut_lines(self.mask(js_string(str(warning))), self.wrap_width))
        head = self._request_head(str(sent.get("method", "")), str(sent.get("url", "")))
        if exchange.error or exchange.response is None:
            self.line(f"{head} {self.c('red', '[errored]')}")
            self.line(self.c("red", f"     {self.mask(exchange.error or 'Internal error! Could not read response data.')}"))
            return
        response = exchange.response
        if not self.ctx.verbose:
            self.line(head + " " + self.c("gray", f"[{response.code} {response.status}, "
                                                  f"{human_size(response_total_size(response))}, "
                                                  f"{human_ms(round(response.response_time_ms))}]"))
            return
        self._verbose(head, sent, response)

    def _verbose(self, head: str, sent: dict, response: Any) -> None:
        """Newman's verbose block: one summary line, request and response bodies (clipped);
        plus the headers both ways, masked, which Newman does not show."""
        s, gray = self.symbols, (lambda text: self.c("gray", text))
        star = f" {gray(s['star'])} "
        headers_sent = [h for h in sent.get("header") or [] if not h.get("disabled")]
        mode, req_text = request_body_text(sent)
        req_bytes = len(req_text.encode("utf-8"))
        target = re.sub(r"^[a-z][a-z0-9+.-]*://[^/?#]*", "", str(sent.get("url", "")), flags=re.I) or "/"
        req_total = req_bytes + len(f"{sent.get('method', '')} {target} HTTP/X.X\r\n\r\n") + _headers_size(headers_sent)
        self.line(head + "  ")
        self.line("  " + star.join([
            f"{response.code} {response.status}",
            f"{human_ms(round(response.response_time_ms))} {gray('time')}",
            f"{human_size(req_total)}{gray(s['up'])} {human_size(response_total_size(response))}{gray(s['down'])} "
            f"{gray('size')}",
            f"{len(headers_sent)}{gray(s['up'])} {len(response.header)}{gray(s['down'])} {gray('headers')}",
            f"{len(response.cookies or [])} {gray('cookies')}",
        ]))
        masker = self.ctx.masker
        self._box(f"{s['up']} headers", [f"{h.get('key')}: {h.get('value')}" for h in masker.headers_list(headers_sent)])
        if req_bytes:
            self._box(f"{s['up']} {mode}{star}{human_size(req_bytes)}", self._clipped(req_text, req_bytes))
        self._box(f"{s['down']} headers",
                  [f"{h.get('key')}: {h.get('value')}" for h in masker.headers_list(response.header)])
        summary = star.join(content_summary(response.header))
        body = response.body or b""
        if not body:
            self.line(f"  {s['down']} {summary}")
            return
        if _is_binary(body):
            lines = [f"(binary, {human_size(len(body))})"]
        else:
            lines = self._clipped(body.decode("utf-8", errors="replace"), len(body))
        self._box(f"{s['down']} {summary}{star}{human_size(len(body))}", lines)

    def _clipped(self, text: str, size: int) -> list[str]:
        clipped = size > BODY_CLIP_SIZE
        text = self.mask(text)  # before clipping, so no secret is cut in half and shown in part
        lines = cut_lines(text[:BODY_CLIP_SIZE] if clipped else text, self.wrap_width)
        if clipped:
            lines.append(f"(showing {human_size(BODY_CLIP_SIZE)}/{human_size(size)})")
        return lines

    def _box(self, title: str, lines: list[str]) -> None:
        s = self.symbols
        self.line(f"  {self.c('white', s['top'])} {title}")
        for text in lines:
            self.line(f"  {self.c('white', s['middle'])} {self.c('gray', text)}")
        self.line(f"  {self.c('white', s['bottom'])}")

    def _on_beforeScript(self, err, payload) -> None:
        self._queue = []

    def _on_script(self, err, payload) -> None:
        """Requests a script sent (``pm.sendRequest``) are shown before what the script printed,
        as Newman shows them when they happen."""
        result = payload.get("result") or {}
        first: list[tuple] = []
        for record in result.get("sendRequests") or []:
            first.append(("line", self._send_request_line(record)))
        self._flush_queue(first)

    def _send_request_line(self, record: dict) -> str:
        request = record.get("request") or {}
        url = request.get("url") if isinstance(request, dict) else request
        if isinstance(url, dict):
            url = url.get("raw") or ""
        method = str((request.get("method") if isinstance(request, dict) else None) or "GET").upper()
        head = self._request_head(method, str(url or ""))
        response = record.get("response")
        if not isinstance(response, dict):
            return f"{head} {self.c('red', '[errored]')}\n" + self.c("red", f"     {self.mask(record.get('error') or '')}")
        size = int(response.get("responseSize") or 0) + len(
            f"HTTP/X.X {response.get('code')} {response.get('status', '')}\r\n\r\n") + _headers_size(
            response.get("header") or [])
        return head + " " + self.c("gray", f"[{response.get('code')} {response.get('status', '')}, "
                                           f"{human_size(size)}, {human_ms(response.get('responseTime') or 0)}]")

    def _on_assertion(self, err, payload) -> None:
        if not self.show_assertions:
            return
        name = self.mask(payload.get("assertion", ""))
        stamp = self.c("gray", f"[{clock_time(datetime.now())}]") if self.timestamps else None
        if payload.get("skipped"):
            if self.show_success:
                self.line(f"{self.c('cyan', '  - ')} {self.c('cyan', '[skipped] ' + name)}")
            return
        if payload.get("error") is None:
            if self.show_success:
                tick = self.c("green", f"  {self.symbols['ok']} ")
                self.line(f"  {stamp}{tick} {self.c('gray', name)}" if stamp else f"{tick} {self.c('gray', name)}")
            return
        number = str(len(self.ctx.summary.failures))
        if stamp:
            self.line(f"  {stamp}{self.c('red bold', number.rjust(2) + '.')} {self.c('red bold', name)}")
        else:
            self.line(f"{self.c('red bold', number.rjust(3) + '.')} {self.c('red bold', name)}")

    def _on_console(self, err, payload) -> None:
        if not self.show_console:
            return
        # secrets are masked in the values first: escaping inside a string literal could hide them from the text pass
        messages = [self.ctx.masker.deep(message) for message in payload.get("messages") or []]
        text = ", ".join(js_inspect(message, self.break_length) for message in messages)
        self.console_block(str(payload.get("level", "log")), cut_lines(self.mask(text), self.wrap_width))

    def _on_exception(self, err, payload) -> None:
        error = payload.get("error") or {}
        number = str(len(self.ctx.summary.failures)).rjust(3)
        name = self.mask(error.get("name") or "Error")
        self.line(self.c("red bold", f"{number}⠄ {name} in {payload.get('at', 'script')}"))

    def _on_test(self, err, payload) -> None:
        target = None
        for result in reversed(payload.get("executions") or []):
            next_request = (result or {}).get("nextRequest") or {}
            if next_request.get("set") and next_request.get("value") is not None:
                target = next_request["value"]
                break
        if target is not None:
            self.line()
            self.line(self.c("gray", f"Attempting to set next request to {self.mask(target)}"))

    # ------------------------------------------------------------------ the end

    def finish(self) -> None:
        if self.ctx.silent:
            return
        if self._queue is not None:  # a script that never reported back (run aborted)
            self._flush_queue([])
        self._close_block()
        summary = self.ctx.summary
        if self.show_summary:
            self._write("\n" + "\n".join(self.summary_table(summary)) + "\n")
        if self.show_failures and summary.failures:
            self._write("\n" + "\n".join(self.failure_table(summary)) + "\n")
        if summary.error is not None:
            self._write(self.c("red", f"error: {self.mask(summary.error)}") + "\n")

    def summary_table(self, summary: Any) -> list[str]:
        """The statistics box; the spanning lines below widen the count columns evenly to fit."""
        rows = [("iterations", "iterations"), ("requests", "requests"), ("test-scripts", "testScripts"),
                ("prerequest-scripts", "prerequestScripts"), ("assertions", "assertions")]
        timings = summary.timings()
        spans = [f"total run duration: {human_ms(timings['completed'] - timings['started'])}",
                 f"total data received: {human_size(summary.transfers()['responseTotal'])} (approx)"]
        if summary.response_times():
            spans.append(f"average response time: {human_ms(timings['responseAverage'])} "
                         f"[min: {human_ms(timings['responseMin'])}, max: {human_ms(timings['responseMax'])}, "
                         f"s.d.: {human_ms(timings['responseSd'])}]")
        cells = [["", "executed", "  failed"]]
        stats = {key: dict(summary.stats[key]) for _, key in rows}
        extra = summary.stats.get("sendRequests") or {}
        for field in ("total", "failed"):  # Newman's requests row counts pm.sendRequest calls too
            stats["requests"][field] += int(extra.get(field) or 0)
        for label, key in rows:
            stat = stats[key]
            cells.append([label, str(stat["total"]), str(stat["failed"])])
        widths = [25, max(len(r[1]) for r in cells) + 2, max(len(r[2]) for r in cells) + 2]
        for text in spans:  # grow the two free columns, the first taking the rounded-up half
            missing = len(text) + 2 - (sum(widths) + 2)
            if missing > 0:
                first = math.floor(missing / 2 + 0.5)
                widths[1] += first
                widths[2] += missing - first
        box = _UNICODE_BOX if self.ctx.unicode else _PLAIN_BOX

        def border(text: str) -> str:
            return self.c("gray", text)

        bar = border(box["bar"])

        def rule(kind: str) -> str:
            left, fill, joint, right = box[kind]
            return border(left + joint.join(fill * w for w in widths) + right)

        out = [rule("top")]
        for index, row in enumerate(cells):
            if index:
                out.append(rule("mid"))
            stat = stats[rows[index - 1][1]] if index else None
            label, total, failed = row
            label_text = " " + label.rjust(widths[0] - 2) + " "
            failed_text = " " + failed.rjust(widths[2] - 2) + " "
            if stat is not None:
                if stat["failed"] or not stat["pending"]:
                    label_text = self.c("red" if stat["failed"] else "green", label_text)
                if stat["failed"]:
                    failed_text = self.c("red", failed_text)
            out.append(bar + label_text + bar + " " + total.rjust(widths[1] - 2) + " " + bar + failed_text + bar)
        inner = sum(widths) + 2
        for index, text in enumerate(spans):
            out.append(rule("span") if index == 0 else border(box["full"][0] + box["full"][1] * inner + box["full"][3]))
            out.append(bar + " " + text.ljust(inner - 2) + " " + bar)
        out.append(border(box["bottom"][0] + box["bottom"][1] * inner + box["bottom"][3]))
        return out

    def failure_table(self, summary: Any) -> list[str]:
        """``#  failure  detail``: one block per failure, separated by blank lines, columns as wide as their text
        (on a terminal, the detail column wraps to the window like Newman's)."""
        failures = summary.failures
        digits = len(str(len(failures)))
        rows = []
        for number, failure in enumerate(failures, start=1):
            error: dict[str, Any] = failure.error or {}
            name = [str(error.get("name") or "")]
            if (failure.cursor or {}).get("cycles", 1) > 1:
                name.append(("iteration: " + str(failure.cursor.get("iteration", 0) + 1), "gray"))
            detail: list = [self.mask(error.get("test") or "")]
            detail += [(self.mask(line), "gray") for line in str(error.get("message") or "").split("\n")]
            detail.append((f"at {failure.at}", "gray"))
            if failure.item is not None:
                detail.append((f'inside "{self.mask(" / ".join(failure.item.path()))}"', "gray"))
            rows.append([[str(number).rjust(digits, "0") + "."], name, detail])

        def text_of(part) -> str:
            return part[0] if isinstance(part, tuple) else part

        width = self._terminal_width()
        if width:
            col0 = digits + 3
            col1 = int((width - col0) * 0.2)
            widths = [col0, col1, width - (col0 + col1 + 5)]
            for row in rows:  # wrapped like Newman's table: empty detail lines go, long names end in "…"
                row[2] = [piece for part in row[2] for piece in self._wrap_part(part, widths[2] - 2)]
                row[1] = [_ellipsis(part, widths[1] - 2) for part in row[1]]
        else:
            widths = [max(1, digits + 1) + 2,
                      max(len("failure"), *(len(text_of(p)) for r in rows for p in r[1])) + 2,
                      max(len("detail"), *(len(text_of(p)) for r in rows for p in r[2])) + 2]

        def cell(part, col: int, right: bool = False) -> str:
            text = text_of(part)[: widths[col] - 2]
            padded = " " + (text.rjust(widths[col] - 2) if right else text.ljust(widths[col] - 2)) + " "
            return self.c(part[1], padded) if isinstance(part, tuple) else padded

        def head(label: str, col: int) -> str:
            pad = " " * max(0, widths[col] - 2 - len(label))
            text = self.c("underline", label)
            return self.c("red", f" {pad + text if col == 0 else text + pad} ")

        out = [head("#", 0) + head("failure", 1) + head("detail", 2)]
        for row in rows:
            out.append(" " * sum(widths))
            height = max(len(part) for part in row)
            for index in range(height):
                out.append("".join(cell(row[col][index], col, col == 0) if index < len(row[col]) else " " * widths[col]
                                   for col in range(3)))
        return out

    def _wrap_part(self, part, width: int) -> list:
        text, color = (part if isinstance(part, tuple) else (part, None))
        pieces = textwrap.wrap(text, max(1, width), break_long_words=True, break_on_hyphens=False)
        return [(piece, color) if color else piece for piece in pieces]

    def _terminal_width(self) -> int | None:
        """The window width when output goes to an interactive terminal (not in CI), as Newman sizes its table."""
        try:
            interactive = self.out.isatty() and sys.stderr.isatty()
        except (AttributeError, ValueError):
            return None
        if not interactive or os.environ.get("CI"):
            return None
        columns = shutil.get_terminal_size((0, 0)).columns
        return columns if columns > 20 else None
