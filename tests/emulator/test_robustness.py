"""Odd and hostile input gets a clear 4xx answer, never a 500 (and the emulator keeps serving)."""

from __future__ import annotations

import json

import requests

from tests.emulator.tutorial import SR, build

ODD_BODIES = [b"", b"null", b"[]", b"42", b'"text"', b"{", b"\xff\xfe", b"{}",
              b'{"title": 1, "type": [], "allOf": "x", "name": {}, "datasetId": [], "id": 5}',
              b'{"title": "t", "type": "object", "allOf": [{"$ref": 5}], "meta:intendedToExtend": "x",'
              b' "definitions": [], "properties": "p", "schemaRef": [], "inputFormat": "json",'
              b' "auth": {"params": []}, "@type": "xdm:descriptorIdentity", "xdm:sourceSchema": {}}',
              b'{"name": "n", "datasetId": ["x"], "schemaRef": {"id": {}}, "id": {}, "@type": "xdm:x",'
              b' "xdm:sourceSchema": ["s"], "auth": {"params": {"sourceId": []}}}']


def _is_object(body: bytes) -> bool:
    try:
        return isinstance(json.loads(body), dict)
    except ValueError:
        return False


def test_odd_bodies_never_cause_500(platform):
    s = build(platform)
    posts = [f"{SR}/tenant/mixins", f"{SR}/tenant/fieldgroups", f"{SR}/tenant/schemas", f"{SR}/tenant/datatypes",
             f"{SR}/tenant/classes", f"{SR}/tenant/descriptors", "/data/foundation/catalog/dataSets",
             "/data/foundation/import/batches", "/data/core/edge/inlet", "/data/foundation/flowservice/connections",
             "/data/core/ups/config/eventTypes", f"/data/core/edge/inlet/{s.inlet_id}"]
    for path in posts:
        for body in ODD_BODIES:
            method = "PUT" if path.endswith(s.inlet_id) else "POST"
            r = platform.session.request(method, platform.base + path, data=body, headers=platform.headers())
            # a JSON object may be acceptable to some endpoints; anything else must be refused
            ok = r.status_code < 500 if _is_object(body) else 400 <= r.status_code < 500
            assert ok, (path, body, r.status_code, r.text)
            assert r.headers["content-type"].startswith("application/json")
    odd_messages = [b"[]", b'{"header": [], "body": {}}', b'{"header": {"imsOrgId": "%s", "schemaRef": []},'
                    b' "body": {"xdmMeta": 1}}' % platform.org.encode(),
                    b'{"header": {"imsOrgId": "%s", "schemaRef": {"id": {}}, "datasetId": []}, "body": {}}'
                    % platform.org.encode(),
                    b'{"header": {"imsOrgId": "%s", "schemaRef": {"id": "%s"}, "datasetId": ["x"]},'
                    b' "body": {"xdmEntity": []}}' % (platform.org.encode(), s.profile_schema.encode())]
    for body in odd_messages + ODD_BODIES:
        for url in (s.inlet_url + "?syncValidation=true", f"{platform.base}/collection/batch/{s.inlet_id}"):
            r = requests.post(url, data=body)
            assert r.status_code in (207, 400), (url, body, r.status_code, r.text)
    odd_queries = ["schema.name=_xdm.context.profile", "schema.name=nope&entityId=a&entityIdNS=b",
                   "schema.name=_xdm.context.experienceevent&entityId=a&entityIdNS=email&limit=x",
                   "schema.name=_xdm.context.experienceevent&relatedSchema.name=other&entityId=a&entityIdNS=email"]
    for query in odd_queries:
        r = platform.call("GET", f"/data/core/ups/access/entities?{query}", accept=None)
        assert r.status_code == 422, (query, r.text)
    for path in (f"{SR}/tenant/schemas/%00", f"{SR}/tenant/nothing", "/data/foundation/catalog/dataSets?limit=x",
                 "/nowhere", f"{SR}/global/classes/%E2%98%83"):
        r = platform.call("GET", path)
        assert 400 <= r.status_code < 500, (path, r.text)
    assert platform.call("PATCH", f"{SR}/stats").status_code == 405
    assert platform.call("GET", f"{SR}/stats").status_code == 200
