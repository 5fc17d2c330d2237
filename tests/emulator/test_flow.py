"""The tutorial flow end to end against a real emulator, plus the documented error bodies."""

from __future__ import annotations

import json
from urllib.parse import quote

import requests

from tests.emulator import payloads
from tests.emulator.tutorial import SR, build

XED_FULL = "application/vnd.adobe.xed-full+json; version=1"


def test_stats_reports_tenant_and_counts(platform):
    body = platform.call("GET", f"{SR}/stats").json()
    assert body["tenantId"] == "exchangeinternal"
    assert body["imsOrg"] == platform.org
    assert body["counts"]["schemas"] == 0
    build(platform)
    counts = platform.call("GET", f"{SR}/stats").json()["counts"]
    assert counts == {"schemas": 2, "mixins": 2, "datatypes": 0, "classes": 0, "unions": 2}


def test_mixin_create_answers_ids_and_xdm_types(platform):
    r = platform.call("POST", f"{SR}/tenant/mixins/", json=payloads.profile_mixin())
    assert r.status_code == 201
    body = r.json()
    assert body["$id"].startswith("https://ns.adobe.com/exchangeinternal/mixins/")
    assert len(body["$id"].rsplit("/", 1)[1]) == 32
    assert body["meta:altId"] == "_exchangeinternal.mixins." + body["$id"].rsplit("/", 1)[1]
    fields = body["definitions"]["member"]["properties"]["_exchangeinternal"]["properties"]
    assert fields["totalLoyaltyPoints"]["meta:xdmType"] == "int"
    assert body["meta:resourceType"] == "mixins" and body["meta:containerId"] == "tenant"
    same = platform.call("POST", f"{SR}/tenant/mixins", json=payloads.profile_mixin())
    assert same.status_code == 400
    assert same.json()["detail"] == (f"Title must be unique. An object {body['$id']} already exists "
                                     "with the same title.")


def test_mixin_fields_outside_tenant_namespace_are_refused(platform):
    bad = payloads.profile_mixin()
    bad["definitions"]["member"]["properties"]["loyalty"] = {"type": "string"}
    r = platform.call("POST", f"{SR}/tenant/fieldgroups", json=bad)
    assert r.status_code == 400 and "_exchangeinternal" in r.json()["detail"]


def test_schema_lookup_by_id_alt_id_and_full_view(platform):
    s = build(platform)
    encoded = quote(s.profile_schema, safe="")
    raw = platform.call("GET", f"{SR}/tenant/schemas/{encoded}")
    assert raw.status_code == 200 and "allOf" in raw.json() and "properties" not in raw.json()
    alt = raw.json()["meta:altId"]
    full = platform.call("GET", f"{SR}/tenant/schemas/{alt}", accept=XED_FULL)
    props = full.json()["properties"]
    assert {"identityMap", "person", "personalEmail", "_exchangeinternal"} <= set(props)
    assert props["person"]["properties"]["name"]["properties"]["firstName"]["type"] == "string"
    assert full.json()["meta:class"] == payloads.PROFILE_CLASS
    assert platform.call("GET", f"{SR}/tenant/schemas/{encoded}", accept=None).status_code == 406


def test_global_lookups_of_builtins(platform):
    r = platform.call("GET", f"{SR}/global/classes/{quote(payloads.EVENT_CLASS, safe='')}", accept=XED_FULL)
    assert r.status_code == 200
    assert set(r.json()["required"]) == {"_id", "timestamp"}
    r = platform.call("GET", f"{SR}/global/mixins/_xdm.context.profile-person-details")
    assert r.status_code == 200 and r.json()["$id"].endswith("profile-person-details")
    listing = platform.call("GET", f"{SR}/global/classes", accept="application/vnd.adobe.xed-id+json").json()
    assert {i["$id"] for i in listing["results"]} >= {payloads.PROFILE_CLASS, payloads.EVENT_CLASS}
    assert platform.call("GET", f"{SR}/global/classes/_xdm.context.nothing").status_code == 404


def test_listings_and_deletes(platform):
    s = build(platform)
    ids = platform.call("GET", f"{SR}/tenant/schemas/", accept="application/vnd.adobe.xed-id+json").json()
    assert {r["$id"] for r in ids["results"]} == {s.profile_schema, s.event_schema}
    assert set(ids["results"][0]) == {"title", "$id", "meta:altId", "version"}
    full = platform.call("GET", f"{SR}/tenant/mixins/").json()
    assert all("definitions" in r for r in full["results"]) and full["_page"]["count"] == 2
    for kind, rid in (("schemas", s.event_schema), ("mixins", s.event_mixin)):
        path = f"{SR}/tenant/{kind}/{quote(rid, safe='')}"
        gone = platform.call("DELETE", path)
        assert gone.status_code == 204 and gone.content == b""
        missing = platform.call("GET", path)
        assert missing.status_code == 404
        assert missing.json() == {"type": "/placeholder/type/uri", "status": 404, "title": "NotFoundError",
                                  "detail": f"Object {rid} with version 1 not found"}
        assert platform.call("DELETE", path).status_code == 404


def test_descriptor_checks(platform):
    s = build(platform)
    again = platform.call("POST", f"{SR}/tenant/descriptors", json=payloads.identity_descriptor(s.profile_schema))
    assert again.status_code == 400 and "primary identity" in again.json()["detail"]
    wrong = payloads.identity_descriptor(s.profile_schema)
    wrong["xdm:sourceProperty"] = "/_exchangeinternal/nope"
    wrong["xdm:isPrimary"] = False
    assert platform.call("POST", f"{SR}/tenant/descriptors", json=wrong).status_code == 400


def test_datasets_create_list_get(platform):
    s = build(platform)
    r = platform.call("POST", "/data/foundation/catalog/dataSets", json=payloads.dataset("Third", s.profile_schema))
    assert r.status_code == 201
    created = r.json()
    assert len(created) == 1 and created[0].startswith("@/dataSets/") and len(created[0]) == 11 + 24
    dataset_id = created[0][11:]
    assert r.headers["Location"].endswith(f"/dataSets/{dataset_id}")
    listing = platform.call("GET", "/data/foundation/catalog/dataSets").json()
    assert set(listing) == {s.profile_dataset, s.event_dataset, dataset_id}
    assert listing[dataset_id]["schemaRef"]["id"] == s.profile_schema
    limited = platform.call("GET", "/data/foundation/catalog/dataSets?limit=1&start=1&properties=name").json()
    assert len(limited) == 1 and list(limited.values())[0] == {"name": "E"}
    named = platform.call("GET", "/data/foundation/catalog/dataSets?name=Third").json()
    assert list(named) == [dataset_id]
    one = platform.call("GET", f"/data/foundation/catalog/dataSets/{dataset_id}").json()
    assert one[dataset_id]["name"] == "Third"
    bad = platform.call("POST", "/data/foundation/catalog/datasets",
                        json=payloads.dataset("X", "https://ns.adobe.com/exchangeinternal/schemas/nope"))
    assert bad.status_code == 400


def test_stream_profile_and_event_then_look_them_up(platform):
    s = build(platform)
    email = "jdoe@testprofile.com"
    r = requests.post(s.inlet_url + "?synchronousValidation=true", json=payloads.message(
        platform.org, s.profile_schema, s.profile_dataset, payloads.profile_entity(email)))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["inletId"] == s.inlet_id and body["synchronousValidation"] == {"status": "pass"}
    assert set(body) == {"inletId", "xactionId", "receivedTimeMs", "synchronousValidation"}
    # a second fragment for the same identity: newest wins on conflicts, the rest merges
    r = requests.post(s.inlet_url + "?syncValidation=true", json=payloads.message(
        platform.org, s.profile_schema, None, {"_exchangeinternal": {"loyaltyID": email, "loyaltyLevel": "Gold"}}))
    assert r.status_code == 200, r.text
    for number, stamp in ((3, "2020-03-03T09:00:00Z"), (1, "2020-03-01T09:00:00Z"), (2, "2020-03-02T09:00:00+00:00")):
        r = requests.post(s.inlet_url + "?synchronousValidation=true", json=payloads.message(
            platform.org, s.event_schema, s.event_dataset, payloads.event_entity(email, f"ev-{number}", stamp)))
        assert r.status_code == 200, r.text
    found = platform.call("GET", "/data/core/ups/access/entities?schema.name=_xdm.context.profile"
                                 f"&entityId={quote(email)}&entityIdNS=email", accept=None)
    assert found.status_code == 200, found.text
    (xid, profile), = found.json().items()
    assert profile["entityId"] == xid and profile["sources"] == [s.profile_dataset]
    entity = profile["entity"]
    assert entity["_exchangeinternal"] == {"loyaltyID": email, "loyaltyLevel": "Gold", "totalLoyaltyPoints": 12000}
    assert entity["person"]["name"]["firstName"] == "Jane"
    assert entity["identityMap"] == {"email": [{"id": email}]}
    events = platform.call("GET", "/data/core/ups/access/entities?schema.name=_xdm.context.experienceevent"
                                  f"&relatedSchema.name=_xdm.context.profile&entityId={quote(email)}"
                                  "&entityIdNS=email", accept=None).json()
    assert [c["entityId"] for c in events["children"]] == ["ev-1", "ev-2", "ev-3"]
    assert events["children"][0]["timestamp"] == 1583053200000 and events["children"][0]["relatedEntityId"] == xid
    paged = platform.call("GET", "/data/core/ups/access/entities?schema.name=_xdm.context.experienceevent"
                                 f"&relatedSchema.name=_xdm.context.profile&relatedEntityId={quote(email)}"
                                 "&relatedEntityIdNS=Email&limit=2", accept=None).json()
    assert [c["entityId"] for c in paged["children"]] == ["ev-1", "ev-2"] and paged["_page"]["next"]
    rest = platform.call("GET", "/data/core/ups/access/entities?schema.name=_xdm.context.experienceevent"
                                f"&relatedEntityId={quote(email)}&relatedEntityIdNS=email&limit=2"
                                f"&start={paged['_page']['next']}", accept=None).json()
    assert [c["entityId"] for c in rest["children"]] == ["ev-3"] and rest["_page"]["next"] == ""
    nobody = platform.call("GET", "/data/core/ups/access/entities?schema.name=_xdm.context.profile"
                                  "&entityId=nobody%40example.com&entityIdNS=email", accept=None)
    assert nobody.status_code == 404


def test_invalid_stream_gets_the_documented_400(platform):
    s = build(platform)
    entity = payloads.event_entity("jdoe@testprofile.com", 1584479347507, "2020-03-17T21:09:07Z")
    r = requests.post(s.inlet_url + "?synchronousValidation=true",
                      json=payloads.message(platform.org, s.event_schema, s.event_dataset, entity))
    assert r.status_code == 400
    assert r.json() == {
        "type": "http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet",
        "status": 400, "title": "Invalid XDM Message Format",
        "report": {"message": f"inletId: [{s.inlet_id}] imsOrgId: [{platform.org}] Message is invalid",
                   "cause": {"_streamingValidation": [{
                       "schemaLocation": "#", "pointerToViolation": "#",
                       "causingExceptions": [{"schemaLocation": "#/properties/_id", "pointerToViolation": "#/_id",
                                              "causingExceptions": [], "keyword": "type",
                                              "message": "expected type: String, found: Long"}],
                       "message": "1 schema violations found"}]}}}


def test_violation_kinds_and_the_five_limit(platform):
    s = build(platform)
    entity = payloads.profile_entity("not-an-email", level="Bronze", points="many", extra=1, other=2)
    del entity["person"]["name"]
    entity["person"]["birthDate"] = "1980-13-45"
    entity["personalEmail"]["status"] = "gone"
    r = requests.post(s.inlet_url + "?synchronousValidation=true",
                      json=payloads.message(platform.org, s.profile_schema, s.profile_dataset, entity))
    assert r.status_code == 400
    report = r.json()["report"]["cause"]["_streamingValidation"][0]
    assert report["message"] == "8 schema violations found"  # 2 emails, enum x2, type, 2 extras, date
    assert len(report["causingExceptions"]) == 5
    missing_id = payloads.profile_entity("x@example.com")
    del missing_id["_exchangeinternal"]["loyaltyID"]
    r = requests.post(s.inlet_url + "?synchronousValidation=true",
                      json=payloads.message(platform.org, s.profile_schema, s.profile_dataset, missing_id))
    cause = r.json()["report"]["cause"]["_streamingValidation"][0]["causingExceptions"]
    assert cause == [{"schemaLocation": "#/properties/_exchangeinternal", "pointerToViolation": "#/_exchangeinternal",
                      "causingExceptions": [], "keyword": "required", "message": "required key [loyaltyID] not found"}]
    extra = payloads.profile_entity("x@example.com", loyalty={"a": 1})
    r = requests.post(s.inlet_url + "?synchronousValidation=true",
                      json=payloads.message(platform.org, s.profile_schema, s.profile_dataset, extra))
    messages = [c["message"] for c in r.json()["report"]["cause"]["_streamingValidation"][0]["causingExceptions"]]
    assert messages == ["extraneous key [loyalty] is not permitted"]


def test_stream_without_sync_flag_skips_and_keeps_invalid_out_of_profile(platform):
    s = build(platform)
    bad = payloads.profile_entity("skip@example.com", points="lots")
    r = requests.post(s.inlet_url, json=payloads.message(platform.org, s.profile_schema, s.profile_dataset, bad))
    assert r.status_code == 200 and r.json()["synchronousValidation"] == {"skipped": True}
    lookup = platform.call("GET", "/data/core/ups/access/entities?schema.name=_xdm.context.profile"
                                  "&entityId=skip%40example.com&entityIdNS=email", accept=None)
    assert lookup.status_code == 404


def test_stream_header_errors(platform):
    s = build(platform)
    wrong_org = payloads.message("OTHER@AdobeOrg", s.profile_schema, s.profile_dataset,
                                 payloads.profile_entity("a@b.co"))
    r = requests.post(s.inlet_url + "?synchronousValidation=true", json=wrong_org)
    assert r.status_code == 400
    assert r.json()["report"]["message"].endswith("Message has an absent or wrong ims org in the header")
    r = requests.post(s.inlet_url, data=b"{not json")
    assert r.status_code == 400 and r.json()["report"]["message"].endswith("Message has unknown xdm format")
    r = requests.post(s.inlet_url.rsplit("/", 1)[0] + "/" + "0" * 64, json=wrong_org)
    assert r.status_code == 404


def test_stream_batch_endpoint_answers_207_per_message(platform):
    s = build(platform)
    good = payloads.message(platform.org, s.profile_schema, s.profile_dataset, payloads.profile_entity("b1@x.io"))
    bad = payloads.message(platform.org, s.profile_schema, s.profile_dataset,
                           payloads.profile_entity("b2@x.io", points="x"))
    r = requests.post(f"{platform.base}/collection/batch/{s.inlet_id}", json={"messages": [good, bad, good]})
    assert r.status_code == 207
    body = r.json()
    assert body["inletId"] == s.inlet_id and len(body["responses"]) == 3
    assert "xactionId" in body["responses"][0] and "xactionId" in body["responses"][2]
    assert body["responses"][1]["statusCode"] == 400
    assert "expected type: Integer, found: String" in body["responses"][1]["message"]


def test_connections_hand_out_an_inlet_url_built_from_the_request(platform):
    r = platform.call("POST", "/data/foundation/flowservice/connections", accept=None, json={
        "name": "conn", "providerId": "521eee4d-8cbe-4906-bb48-fb6bd4450033", "description": "d",
        "connectionSpec": {"id": "bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb", "version": "1.0"},
        "auth": {"specName": "Streaming Connection", "params": {"sourceId": "src", "dataType": "xdm", "name": "c"}}})
    assert r.status_code == 201
    conn_id = r.json()["id"]
    assert set(r.json()) == {"id", "etag"}
    got = platform.call("GET", f"/data/foundation/flowservice/connections/{conn_id}", accept=None).json()
    params = got["items"][0]["auth"]["params"]
    assert params["inletUrl"] == f"{platform.base}/collection/{params['inletId']}"
    via_localhost = requests.get(platform.base.replace("127.0.0.1", "localhost")
                                 + f"/data/foundation/flowservice/connections/{conn_id}",
                                 headers=platform.headers(None)).json()
    assert via_localhost["items"][0]["auth"]["params"]["inletUrl"].startswith("http://localhost:")
    s = build(platform)
    r = requests.post(f"{platform.base}/collection/{conn_id}?syncValidation=true", json=payloads.message(
        platform.org, s.profile_schema, s.profile_dataset, payloads.profile_entity("c@x.io")))
    assert r.status_code == 200 and r.json()["inletId"] == params["inletId"]


def test_inlet_crud(platform):
    s = build(platform)
    listing = platform.call("GET", "/data/core/edge/inlet", accept=None).json()
    assert listing["total"] == 1 and listing["items"][0]["inletId"] == s.inlet_id
    path = f"/data/core/edge/inlet/{s.inlet_id}"
    assert platform.call("PUT", path, accept=None, json={"description": "new"}).json()["description"] == "new"
    assert platform.call("DELETE", path, accept=None).status_code == 204
    missing = platform.call("GET", path, accept=None)
    assert missing.status_code == 404 and missing.json()["detail"] == "Inlet with given inletId not found."
    assert requests.post(s.inlet_url, json={}).status_code == 404


def test_event_types_accept_a_body_without_content_type(platform):
    for name in ("loyaltyBalanceUpdate", "loyaltyLevelUpdate"):
        body = json.dumps({"id": name, "imsOrgId": platform.org, "title": name, "description": "", "global": True})
        r = platform.session.post(platform.base + "/data/core/ups/config/eventTypes", data=body.encode(),
                                  headers=platform.headers(None, **{"Content-Type": None}))
        assert "Content-Type" not in r.request.headers
        assert r.status_code == 200, r.text
        assert r.json()["id"] == name and "updateEpoch" in r.json()
    listing = platform.call("GET", "/data/core/ups/config/eventTypes", accept=None).json()
    assert listing["_page"]["count"] == 2
    assert [c["id"] for c in listing["children"]] == ["loyaltyBalanceUpdate", "loyaltyLevelUpdate"]


def test_library_host_serves_the_signer(emulator):
    r = requests.get(emulator.base_url + "/jsrsasign/jsrsasign-latest-all-min.js")
    assert r.status_code == 200 and "javascript" in r.headers["content-type"]
    assert "var KJUR" in r.text


def test_inlet_requiring_authentication(platform):
    s = build(platform)
    inlet = platform.call("POST", "/data/core/edge/inlet", accept=None, json={
        "name": "secured", "sourceId": "sec", "dataType": "xdm", "authenticationRequired": True}).json()
    message = payloads.message(platform.org, s.profile_schema, s.profile_dataset, payloads.profile_entity("s@x.io"))
    assert requests.post(inlet["inletUrl"], json=message).status_code == 401
    ok = requests.post(inlet["inletUrl"], json=message, headers={"Authorization": f"Bearer {platform.token}"})
    assert ok.status_code == 200
