"""Fill a ``pm.visualizer`` template the way Postman's Handlebars would, for the common subset.

Why: visualizer templates are mostly a table or list over the response (``{{#each rows}}``,
``{{name}}``, ``{{#if}}``); filling them makes the report show what Postman's Visualize tab shows.
Why a subset of our own: the report must not run foreign code, and these few constructs are
plain data lookups. Anything else (custom helpers, partials) raises ``Unsupported``, and the
report then shows the template as written with a note, never a half-right page.

Supported: ``{{path}}`` (HTML-escaped), ``{{{path}}}`` / ``{{& path}}`` (raw), comments, ``~``
whitespace control, paths with ``.`` or ``/``, ``this``, ``../``, ``[segment]``, ``@index``,
``@key``, ``@first``, ``@last``, ``@root``, blocks ``#each`` (lists and objects), ``#if``,
``#unless``, ``#with``, each with ``{{else}}``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

_TAG = re.compile(r"\{\{(\{)?(~)?(.*?)(~)?(\})?\}\}", re.S)
_SEGMENT = re.compile(r"\[([^\]]*)\]|([^./\[\]]+)")
_MISSING = object()
BLOCKS = ("each", "if", "unless", "with")


class Unsupported(ValueError):
    """The template uses something outside the subset; the caller shows it unfilled."""


@dataclass
class _Block:
    helper: str
    arg: str
    body: list = field(default_factory=list)
    inverse: list | None = None


@dataclass
class _Var:
    path: str
    raw: bool


def _parse(template: str) -> list:
    root: list = []
    stack: list[tuple[_Block | None, list]] = [(None, root)]
    position = 0
    strip_next = False
    for match in _TAG.finditer(template):
        text = template[position:match.start()]
        triple_open, strip_before, inner, strip_after, triple_close = match.groups()
        if strip_next:
            text = text.lstrip()
        if strip_before:
            text = text.rstrip()
        if text:
            stack[-1][1].append(text)
        position = match.end()
        strip_next = bool(strip_after)
        inner = inner.strip()
        if bool(triple_open) != bool(triple_close):
            raise Unsupported("unbalanced {{{ }}}")
        if inner.startswith("!"):
            continue
        if triple_open:
            stack[-1][1].append(_Var(inner, raw=True))
        elif inner.startswith("&"):
            stack[-1][1].append(_Var(inner[1:].strip(), raw=True))
        elif inner.startswith("#"):
            helper, _, arg = inner[1:].strip().partition(" ")
            if helper not in BLOCKS:
                raise Unsupported(f"block helper '#{helper}'")
            block = _Block(helper, arg.strip())
            stack[-1][1].append(block)
            stack.append((block, block.body))
        elif inner == "else" or inner == "^":
            block = stack[-1][0]
            if block is None or block.inverse is not None:
                raise Unsupported("{{else}} outside a block")
            block.inverse = []
            stack[-1] = (block, block.inverse)
        elif inner.startswith("/"):
            block = stack[-1][0]
            if block is None or block.helper != inner[1:].strip():
                raise Unsupported(f"unexpected {{{{{inner}}}}}")
            stack.pop()
        elif inner.startswith((">", "^", "*")) or " " in inner:
            raise Unsupported(f"'{{{{{inner}}}}}' (partials and helpers)")
        else:
            stack[-1][1].append(_Var(inner, raw=False))
    if len(stack) > 1:
        raise Unsupported(f"unclosed {{{{#{stack[-1][0].helper}}}}}")  # type: ignore[union-attr]
    tail = template[position:]
    if tail:
        root.append(tail.lstrip() if strip_next else tail)
    return root


@dataclass
class _Frame:
    context: Any
    data: dict
    parent: _Frame | None = None


def _lookup(path: str, frame: _Frame, root: Any) -> Any:
    if path.startswith("@"):
        name = path[1:]
        if name == "root":
            return root
        head, _, rest = name.partition(".")
        value = frame.data.get(head, _MISSING)
        return _walk(value, rest) if rest and value is not _MISSING else value
    while path.startswith("../"):
        frame = frame.parent or frame
        path = path[3:]
    if path in ("this", ".", ""):
        return frame.context
    for prefix in ("this.", "this/", "./"):
        if path.startswith(prefix):
            path = path[len(prefix):]
    return _walk(frame.context, path)


def _walk(value: Any, path: str) -> Any:
    for bracket, plain in _SEGMENT.findall(path):
        key = bracket or plain
        if isinstance(value, dict):
            value = value.get(key, _MISSING)
        elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        elif isinstance(value, list) and key == "length":
            value = len(value)
        else:
            return _MISSING
        if value is _MISSING:
            return value
    return value


def _truthy(value: Any) -> bool:
    """Handlebars' ``if``: empty lists are false as well as JavaScript's falsy values; ``{}`` is true."""
    if value is _MISSING or value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, (str, list)):
        return len(value) > 0
    return True


def _text(value: Any) -> str:
    """JavaScript's String(value), which is what Handlebars prints."""
    if value is _MISSING or value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    if isinstance(value, list):
        return ",".join("" if v is None else _text(v) for v in value)
    if isinstance(value, dict):
        return "[object Object]"
    return str(value)


def _escape(text: str) -> str:
    return html.escape(text, quote=True).replace("`", "&#x60;").replace("=", "&#x3D;")


def _render(nodes: list, frame: _Frame, root: Any, out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, _Var):
            text = _text(_lookup(node.path, frame, root))
            out.append(text if node.raw else _escape(text))
        else:
            _render_block(node, frame, root, out)


def _render_block(block: _Block, frame: _Frame, root: Any, out: list[str]) -> None:
    value = _lookup(block.arg, frame, root) if block.arg else _MISSING
    inverse = block.inverse or []
    if block.helper in ("if", "unless"):
        chosen = block.body if _truthy(value) == (block.helper == "if") else inverse
        _render(chosen, frame, root, out)
    elif block.helper == "with":
        if _truthy(value):
            _render(block.body, _Frame(value, frame.data, frame), root, out)
        else:
            _render(inverse, frame, root, out)
    else:  # each
        if isinstance(value, dict):
            entries = list(value.items())
        elif isinstance(value, list):
            entries = list(enumerate(value))
        else:
            entries = []
        if not entries:
            _render(inverse, frame, root, out)
        for index, (key, item) in enumerate(entries):
            data = {**frame.data, "index": index, "key": key, "first": index == 0, "last": index == len(entries) - 1}
            _render(block.body, _Frame(item, data, frame), root, out)


def render_template(template: str, data: Any) -> str:
    """The template filled with ``data``; raises ``Unsupported`` for constructs outside the subset."""
    nodes = _parse(template)
    out: list[str] = []
    _render(nodes, _Frame(data, {}), data, out)
    return "".join(out)

