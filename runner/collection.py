"""Postman collections: loading, normalising to v2.1, the item tree, folder selection.

Why normalise at load time: the run loop, the sandbox and the exporters should all see one
shape (v2.1: auth parameters as ``[{key, value, type}]`` arrays, scripts as line arrays,
requests as objects), whatever version the user handed us. Everything that is wrong with
the input is reported here, once, as a one-line error with the JSON path of the bad element.
"""

from __future__ import annotations

import copy
import difflib
import json
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from runner.envfiles import decode_text
from runner.errors import PmreplayError

SCHEMA_V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"


class CollectionError(PmreplayError):
    """A collection that cannot be loaded or run."""


# --------------------------------------------------------------------------- reading


def read_source(source: str, what: str = "collection", timeout: float = 30.0) -> tuple[bytes, str]:
    """Bytes of a path, ``-`` (stdin) or an http(s) URL, and a label for error messages."""
    if source == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    if source.startswith(("http://", "https://")):
        import requests

        try:
            response = requests.get(source, timeout=timeout)
        except requests.RequestException as exc:
            raise PmreplayError(f"{source}: could not fetch the {what}: {exc}") from None
        if response.status_code >= 400:
            raise PmreplayError(f"{source}: could not fetch the {what}: HTTP {response.status_code}")
        return response.content, source
    path = Path(source)
    try:
        return path.read_bytes(), source
    except FileNotFoundError:
        raise PmreplayError(f"{source}: {what} file not found") from None
    except IsADirectoryError:
        raise PmreplayError(f"{source}: is a directory, not a {what} file") from None
    except OSError as exc:
        raise PmreplayError(f"{source}: cannot read the {what}: {exc.strerror}") from None


def parse_json(data: bytes, label: str, what: str = "collection") -> Any:
    """JSON with a one-line error that says where the syntax breaks."""
    text = decode_text(data, label)
    if not text.strip():
        raise PmreplayError(f"{label}: the {what} file is empty")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise PmreplayError(f"{label}: the {what} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise PmreplayError(f"{label}: the {what} is not valid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer literal longer than Python's 4300-digit limit
        raise PmreplayError(f"{label}: the {what} is not valid JSON: {exc}") from None


# --------------------------------------------------------------------------- model


@dataclass
class Node:
    """Common to folders and requests: where they sit and what they carry for their children."""

    id: str
    name: str
    parent: Group | None
    events: list[dict]
    auth: dict | None
    protocol_profile: dict
    raw: dict = field(repr=False)

    def ancestors(self) -> list[Group]:
        """Outermost first, the collection root included."""
        chain: list[Group] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    def scripts(self, listen: str, include_blank: bool = False) -> list[str]:
        """Enabled scripts of this node for one event, as source text.

        ``include_blank``: also the empty ones, which Newman still runs and counts in its stats.
        """
        out = []
        for event in self.events:
            if event.get("listen") != listen or event.get("disabled"):
                continue
            script = event.get("script")
            if not isinstance(script, dict):
                continue
            exec_ = script.get("exec")
            source = "\n".join(exec_) if isinstance(exec_, list) else (exec_ or "")
            if source.strip() or include_blank:
                out.append(source)
        return out


@dataclass
class Group(Node):
    """A folder, or the collection root (``parent is None``)."""

    children: list[Node] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        for child in self.children:
            yield child
            if isinstance(child, Group):
                yield from child.walk()

    def requests(self) -> Iterator[Item]:
        for child in self.children:
            if isinstance(child, Group):
                yield from child.requests()
            else:
                yield child  # type: ignore[misc]


@dataclass
class Item(Node):
    """A request item."""

    request: dict = field(default_factory=dict)
    responses: list = field(default_factory=list)

    def path(self) -> list[str]:
        """Folder names then the item name; the collection root is not part of it."""
        return [g.name for g in self.ancestors()[1:]] + [self.name]


@dataclass
class Collection:
    """A loaded collection: its info, collection variables and the tree under ``root``."""

    info: dict
    variables: list[dict]
    root: Group
    source: str
    raw: dict = field(repr=False)
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.root.name

    @property
    def id(self) -> str:
        return self.root.id

    def all_items(self) -> list[Item]:
        return list(self.root.requests())

    def select(self, folders: list[str] | None, preserve_order: bool = False) -> list[Item]:
        """Items to run for ``--folder`` selections (Newman: collection order, each item once)."""
        if not folders:
            return self.all_items()
        chosen: list[Node] = []
        for name in folders:
            node = find_node(self.root, name)
            if node is None:
                names = sorted({n.name for n in self.root.walk()})
                close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
                hint = f" (did you mean: {', '.join(repr(c) for c in close)}?)" if close else ""
                raise CollectionError(f"{self.source}: no folder or request named '{name}' in the collection{hint}")
            chosen.append(node)
        selected_ids: set[str] = set()
        ordered: list[Item] = []
        for node in chosen:
            for item in ([node] if isinstance(node, Item) else list(node.requests())):  # type: ignore[list-item]
                if item.id not in selected_ids:
                    selected_ids.add(item.id)
                    ordered.append(item)
        if preserve_order:
            return ordered
        position = {item.id: i for i, item in enumerate(self.all_items())}
        return sorted(ordered, key=lambda it: position[it.id])

    def to_json(self) -> dict:
        """The collection as v2.1 JSON, with the current collection variables (for ``--export-collection``)."""
        data = copy.deepcopy(self.raw)
        data["variable"] = copy.deepcopy(self.variables)
        return data


def _breadth_first(root: Group) -> Iterator[Node]:
    queue: list[Group] = [root]
    while queue:
        group = queue.pop(0)
        yield from group.children
        queue.extend(c for c in group.children if isinstance(c, Group))


def find_node(root: Group, name: str) -> Node | None:
    """Newman's folder lookup: by id or name, direct children first, then deeper, in order.

    An extension over Newman: when nothing matches exactly, a name matches the label before
    a colon of exactly one node, so ``--folder 3a`` selects "3a: Real-time import for PROFILE
    data" (tutorial collections number their folders like that).
    """
    for node in _breadth_first(root):
        if node.id == name or node.name == name:
            return node
    labelled = [n for n in _breadth_first(root) if ":" in n.name and n.name.split(":", 1)[0].strip() == name.strip()]
    return labelled[0] if len(labelled) == 1 else None


# --------------------------------------------------------------------------- normalising


def _script_lines(script: Any) -> list[str]:
    if isinstance(script, list):
        return [str(line) for line in script]
    if isinstance(script, str):
        return script.split("\n")
    return []


def _auth_params_to_array(params: Any) -> list[dict]:
    if isinstance(params, list):
        return [p for p in params if isinstance(p, dict)]
    if isinstance(params, dict):
        return [{"key": k, "value": v, "type": "string"} for k, v in params.items()]
    return []


def normalise_auth(auth: Any, where: str, source: str) -> dict | None:
    """v2.0 object parameters become v2.1 arrays; anything else is kept as Postman has it."""
    if auth is None:
        return None
    if not isinstance(auth, dict) or not isinstance(auth.get("type"), str):
        raise CollectionError(f"{source}: {where}: auth must be an object with a 'type'")
    out = {"type": auth["type"]}
    for key, value in auth.items():
        if key == "type":
            continue
        out[key] = _auth_params_to_array(value) if key == auth["type"] else value
    return out


def _normalise_events(events: Any, where: str, source: str) -> list[dict]:
    if events is None:
        return []
    if not isinstance(events, list):
        raise CollectionError(f"{source}: {where}.event must be a list")
    out = []
    for i, event in enumerate(events):
        if not isinstance(event, dict):
            raise CollectionError(f"{source}: {where}.event[{i}] must be an object")
        event = dict(event)
        script = event.get("script")
        if isinstance(script, (str, list)):
            script = {"type": "text/javascript", "exec": _script_lines(script)}
        elif isinstance(script, dict):
            script = dict(script)
            script["exec"] = _script_lines(script.get("exec"))
        else:
            script = {"type": "text/javascript", "exec": []}
        event["script"] = script
        out.append(event)
    return out


def _normalise_request(request: Any, where: str, source: str) -> dict:
    if isinstance(request, str):
        request = {"method": "GET", "url": request}
    if not isinstance(request, dict):
        raise CollectionError(f"{source}: {where}.request must be an object or a URL string")
    request = copy.deepcopy(request)
    url = request.get("url")
    if url is not None and not isinstance(url, (str, dict)):
        raise CollectionError(f"{source}: {where}.request.url is not a URL (a {type(url).__name__})")
    if isinstance(url, dict):
        for key in ("host", "path"):
            value = url.get(key)
            if value is not None and not isinstance(value, (str, list)):
                raise CollectionError(f"{source}: {where}.request.url.{key} must be a string or a list")
        for key in ("query", "variable"):
            value = url.get(key)
            if value is not None and not isinstance(value, list):
                raise CollectionError(f"{source}: {where}.request.url.{key} must be a list")
    method = request.get("method") or "GET"
    if not isinstance(method, str):
        raise CollectionError(f"{source}: {where}.request.method must be a string")
    request["method"] = method.upper()
    header = request.get("header")
    if isinstance(header, str):
        request["header"] = _headers_from_text(header)
    elif header is None:
        request["header"] = []
    elif not isinstance(header, list):
        raise CollectionError(f"{source}: {where}.request.header must be a list")
    body = request.get("body")
    if body is not None and not isinstance(body, dict):
        raise CollectionError(f"{source}: {where}.request.body must be an object")
    if request.get("auth") is not None:
        request["auth"] = normalise_auth(request["auth"], f"{where}.request", source)
    return request


def _headers_from_text(text: str) -> list[dict]:
    headers = []
    for line in text.splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            headers.append({"key": key.strip(), "value": value.strip()})
    return headers


def _build(node: dict, parent: Group | None, where: str, source: str) -> Node:
    if not isinstance(node, dict):
        raise CollectionError(f"{source}: {where} must be an object")
    name = node.get("name")
    if name is None:
        name = ""
    name = str(name)
    node_id = str(node.get("id") or node.get("_postman_id") or uuid.uuid4())
    events = _normalise_events(node.get("event"), where, source)
    auth = normalise_auth(node.get("auth"), where, source) if node.get("auth") is not None else None
    profile = node.get("protocolProfileBehavior") or {}
    if not isinstance(profile, dict):
        raise CollectionError(f"{source}: {where}.protocolProfileBehavior must be an object")
    node["event"] = events
    if auth is not None:
        node["auth"] = auth
    if "item" in node:
        children = node.get("item")
        if not isinstance(children, list):
            raise CollectionError(f"{source}: {where}.item must be a list")
        group = Group(id=node_id, name=name, parent=parent, events=events, auth=auth,
                      protocol_profile=profile, raw=node)
        group.children = [_build(child, group, f"{where}.item[{i}]", source) for i, child in enumerate(children)]
        return group
    if "request" not in node:
        raise CollectionError(f"{source}: {where} ('{name}') has neither a request nor items")
    request = _normalise_request(node.get("request"), where, source)
    node["request"] = request
    return Item(id=node_id, name=name, parent=parent, events=events, auth=request.get("auth"),
                protocol_profile=profile, raw=node, request=request, responses=node.get("response") or [])


def is_v1(data: dict) -> bool:
    return "requests" in data and "info" not in data and isinstance(data.get("requests"), list)


def build_collection(data: Any, source: str) -> Collection:
    """A Collection from parsed JSON of any supported version."""
    warnings: list[str] = []
    if isinstance(data, dict) and "collection" in data and isinstance(data["collection"], dict) and "info" not in data:
        data = data["collection"]
    if not isinstance(data, dict):
        raise CollectionError(f"{source}: not a Postman collection (the top level is not an object)")
    if is_v1(data):
        from runner.collection_v1 import convert_v1

        data = convert_v1(data, source)
        warnings.append("converted a v1 collection to v2.1; re-export it from Postman to avoid this step")
    data = copy.deepcopy(data)
    info = data.get("info")
    if not isinstance(info, dict) or "item" not in data:
        raise CollectionError(f"{source}: not a Postman collection (expected 'info' and 'item' at the top level)")
    if not isinstance(data.get("item"), list):
        raise CollectionError(f"{source}: item must be a list")
    variables = data.get("variable") or []
    if not isinstance(variables, list):
        raise CollectionError(f"{source}: variable must be a list")
    for i, var in enumerate(variables):
        if not isinstance(var, dict):
            raise CollectionError(f"{source}: variable[{i}] must be an object")
    events = _normalise_events(data.get("event"), "collection", source)
    auth = normalise_auth(data.get("auth"), "collection", source) if data.get("auth") is not None else None
    data["event"] = events
    if auth is not None:
        data["auth"] = auth
    info = dict(info)
    info.setdefault("schema", SCHEMA_V21)
    data["info"] = info
    root = Group(id=str(info.get("_postman_id") or info.get("id") or uuid.uuid4()), name=str(info.get("name") or ""),
                 parent=None, events=events, auth=auth, protocol_profile=data.get("protocolProfileBehavior") or {},
                 raw=data)
    root.children = [_build(child, root, f"item[{i}]", source) for i, child in enumerate(data["item"])]
    return Collection(info=info, variables=copy.deepcopy(variables), root=root, source=source, raw=data,
                      warnings=warnings)


def load_collection(source: str) -> Collection:
    """Load a collection from a path, ``-`` or an http(s) URL."""
    data, label = read_source(source, "collection")
    return build_collection(parse_json(data, label), label)


def effective_auth(item: Item) -> dict | None:
    """Request auth, else the nearest ancestor's; ``noauth`` stops the inheritance."""
    for node in [item, *reversed(item.ancestors())]:
        auth = node.auth
        if auth is not None:
            return None if auth.get("type") == "noauth" else auth
    return None


def effective_protocol_profile(item: Item) -> dict:
    """protocolProfileBehavior merged from the collection down to the item (inner wins)."""
    merged: dict = {}
    for node in [*item.ancestors(), item]:
        merged.update(node.protocol_profile or {})
    return merged
