"""Convert a Postman v1 collection (``order`` / ``folders`` / ``requests``) to v2.1 JSON.

Why: old exports still circulate in wikis and repositories, and Newman converts them on
the fly. We do the same so that the rest of the runner only ever sees v2.1.
"""

from __future__ import annotations

from typing import Any

from runner.errors import PmreplayError

_BODY_MODES = {"params": "formdata", "urlencoded": "urlencoded", "raw": "raw", "binary": "file", "graphql": "graphql"}


def _events(node: dict) -> list[dict]:
    events = list(node.get("events") or [])
    if node.get("preRequestScript"):
        events.append({"listen": "prerequest",
                       "script": {"type": "text/javascript", "exec": str(node["preRequestScript"]).split("\n")}})
    if node.get("tests"):
        events.append({"listen": "test", "script": {"type": "text/javascript", "exec": str(node["tests"]).split("\n")}})
    return events


def _headers(req: dict) -> list[dict]:
    if isinstance(req.get("headerData"), list):
        return [{"key": h.get("key"), "value": h.get("value"), **({"disabled": True} if h.get("enabled") is False else {})}
                for h in req["headerData"] if isinstance(h, dict)]
    out = []
    for line in str(req.get("headers") or "").splitlines():
        disabled = line.startswith("//")
        line = line[2:] if disabled else line
        if ":" in line:
            key, value = line.split(":", 1)
            out.append({"key": key.strip(), "value": value.strip(), **({"disabled": True} if disabled else {})})
    return out


def _body(req: dict) -> dict | None:
    mode = _BODY_MODES.get(req.get("dataMode") or "")
    if mode is None:
        return None
    if mode == "raw":
        return {"mode": "raw", "raw": req.get("rawModeData") or ""}
    if mode == "file":
        return {"mode": "file", "file": {"src": req.get("rawModeData") or ""}}
    if mode == "graphql":
        return {"mode": "graphql", "graphql": req.get("graphqlModeData") or {}}
    fields = []
    for entry in req.get("data") or []:
        if not isinstance(entry, dict):
            continue
        field = {"key": entry.get("key"), "value": entry.get("value"), "type": entry.get("type") or "text"}
        if entry.get("enabled") is False:
            field["disabled"] = True
        if field["type"] == "file":
            field["src"] = entry.get("value")
        fields.append(field)
    return {"mode": mode, mode: fields}


def _auth(node: dict) -> dict | None:
    auth = node.get("auth")
    if isinstance(auth, dict) and auth.get("type"):
        return auth
    helper = node.get("currentHelper")
    attrs = node.get("helperAttributes") or {}
    if helper in (None, "normal", ""):
        return None
    kind = {"basicAuth": "basic", "digestAuth": "digest", "oAuth1": "oauth1", "hawkAuth": "hawk",
            "awsSigV4": "awsv4", "bearerAuth": "bearer"}.get(helper, helper)
    params = [{"key": k, "value": v, "type": "string"} for k, v in attrs.items() if k not in ("id", "saveHelper")]
    if kind == "basic":
        params = [{"key": "username", "value": attrs.get("username", ""), "type": "string"},
                  {"key": "password", "value": attrs.get("password", ""), "type": "string"}]
    return {"type": kind, kind: params}


def _request_item(req: dict) -> dict:
    url: Any = req.get("url") or ""
    variables = req.get("pathVariableData")
    if variables is None and isinstance(req.get("pathVariables"), dict):
        variables = [{"key": k, "value": v} for k, v in req["pathVariables"].items()]
    request: dict[str, Any] = {"method": (req.get("method") or "GET").upper(), "header": _headers(req),
                               "url": {"raw": url, "variable": variables} if variables else url}
    if isinstance(request["url"], dict):
        from runner.urls import parse_url

        parsed = parse_url(url)
        parsed["variable"] = variables
        request["url"] = parsed
    body = _body(req)
    if body is not None:
        request["body"] = body
    auth = _auth(req)
    if auth is not None:
        request["auth"] = auth
    item = {"id": req.get("id"), "name": req.get("name") or url, "request": request, "event": _events(req),
            "response": req.get("responses") or []}
    if req.get("description"):
        item["request"]["description"] = req["description"]
    return item


def convert_v1(data: dict, source: str) -> dict:
    """The same collection as v2.1 JSON; folder and request order as the v1 ``order`` lists say.

    v1 exports carry loosely typed fields (ids, ``order`` entries, helper attributes); a value
    of a type the converter cannot use is a malformed file, reported in one line.
    """
    try:
        return _convert(data, source)
    except (TypeError, AttributeError, ValueError, KeyError) as exc:
        raise PmreplayError(f"{source}: malformed v1 collection ({type(exc).__name__}: {exc})"
                            .replace("\n", " ")) from None


def _convert(data: dict, source: str) -> dict:
    requests = {}
    for i, req in enumerate(data.get("requests") or []):
        if not isinstance(req, dict) or not req.get("id"):
            raise PmreplayError(f"{source}: requests[{i}] must be an object with an 'id' (v1 collection)")
        requests[req["id"]] = req
    folders = {f.get("id"): f for f in data.get("folders") or [] if isinstance(f, dict)}
    used: set[str] = set()

    def folder_item(folder: dict, seen: set[str]) -> dict:
        if folder.get("id") in seen:
            raise PmreplayError(f"{source}: folder '{folder.get('name')}' contains itself (v1 collection)")
        seen = seen | {folder.get("id")}
        children = [folder_item(folders[fid], seen) for fid in folder.get("folders_order") or [] if fid in folders]
        for rid in folder.get("order") or []:
            if rid in requests:
                used.add(rid)
                children.append(_request_item(requests[rid]))
        out = {"id": folder.get("id"), "name": folder.get("name") or "", "item": children, "event": _events(folder)}
        if _auth(folder):
            out["auth"] = _auth(folder)
        return out

    nested = {fid for f in folders.values() for fid in f.get("folders_order") or []}
    root_folders = data.get("folders_order") or [fid for fid in folders if fid not in nested]
    items = [folder_item(folders[fid], set()) for fid in root_folders if fid in folders]
    for rid in data.get("order") or []:
        if rid in requests:
            used.add(rid)
            items.append(_request_item(requests[rid]))
    items.extend(_request_item(req) for rid, req in requests.items() if rid not in used)
    out = {"info": {"_postman_id": data.get("id"), "name": data.get("name") or "",
                    "description": data.get("description") or "",
                    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
           "item": items, "event": _events(data), "variable": data.get("variables") or []}
    if _auth(data):
        out["auth"] = _auth(data)
    return out
