"""Our own tutorial-shaped payloads (loyalty field groups, schemas, stream messages).

Why not read them from the published collection: these tests must run without the
shared folder; the collection-driven test (test_collection.py) covers the real texts.
"""

from __future__ import annotations

PROFILE_CLASS = "https://ns.adobe.com/xdm/context/profile"
EVENT_CLASS = "https://ns.adobe.com/xdm/context/experienceevent"
LEVELS = ["Silver", "Gold", "Platinum", "Diamond"]


def _string(title: str, **more) -> dict:
    return {"title": title, "type": "string", **more}


def profile_mixin(tenant: str = "exchangeinternal", title: str = "Member details") -> dict:
    return {
        "type": "object", "title": title, "description": "Members of a rewards programme.",
        "meta:intendedToExtend": [PROFILE_CLASS],
        "definitions": {"member": {"properties": {f"_{tenant}": {
            "type": "object",
            "properties": {
                "totalLoyaltyPoints": {"title": "Points", "type": "integer"},
                "loyaltyLevel": _string("Level", enum=LEVELS),
                "loyaltyID": _string("Member id", format="email"),
            },
            "required": ["loyaltyID"],
        }}}},
        "allOf": [{"$ref": "#/definitions/member"}],
    }


def event_mixin(tenant: str = "exchangeinternal", title: str = "Member events") -> dict:
    return {
        "type": "object", "title": title, "description": "Rewards programme events.",
        "meta:intendedToExtend": [EVENT_CLASS],
        "definitions": {"member": {"properties": {f"_{tenant}": {
            "type": "object",
            "properties": {
                "loyaltyLevel": _string("Level", enum=LEVELS),
                "totalPoints": {"title": "Points", "type": "integer"},
                "pointsEarned": {"title": "Earned", "type": "integer"},
                "transactionID": _string("Transaction"),
                "loyaltyID": _string("Member id", format="email"),
            },
            "required": ["loyaltyID"],
        }}}},
        "allOf": [{"$ref": "#/definitions/member"}],
    }


def profile_schema(mixin_id: str, title: str = "Members") -> dict:
    return {"type": "object", "title": title, "description": "Profiles plus membership",
            "allOf": [{"$ref": PROFILE_CLASS}, {"$ref": "https://ns.adobe.com/xdm/context/profile-person-details"},
                      {"$ref": "https://ns.adobe.com/xdm/context/profile-personal-details"},
                      {"$ref": mixin_id}],
            "meta:immutableTags": ["union"]}


def event_schema(mixin_id: str, title: str = "Member activity") -> dict:
    return {"type": "object", "title": title, "description": "Membership events",
            "allOf": [{"$ref": EVENT_CLASS}, {"$ref": mixin_id}], "meta:immutableTags": ["union"]}


def identity_descriptor(schema_id: str, tenant: str = "exchangeinternal") -> dict:
    return {"@type": "xdm:descriptorIdentity", "xdm:sourceProperty": f"/_{tenant}/loyaltyID",
            "xdm:property": "xdm:code", "xdm:isPrimary": True, "xdm:namespace": "Email",
            "xdm:sourceSchema": schema_id, "xdm:sourceVersion": 1}


def dataset(name: str, schema_id: str) -> dict:
    return {"name": name, "description": "test data", "schemaRef": {
        "id": schema_id, "contentType": "application/vnd.adobe.xed-full+json;version=1"},
        "fileDescription": {"persisted": True, "containerFormat": "parquet", "format": "parquet"},
        "tags": {"unifiedIdentity": ["enabled:true"], "unifiedProfile": ["enabled:true"]}}


def profile_entity(email: str, level: str = "Silver", points: int = 12000, **more) -> dict:
    entity = {"_exchangeinternal": {"loyaltyID": email, "loyaltyLevel": level, "totalLoyaltyPoints": points},
              "person": {"name": {"firstName": "Jane", "middleName": "B", "lastName": "Doe"},
                         "birthDate": "1980-05-10", "gender": "female"},
              "personalEmail": {"primary": False, "address": email, "type": "personal", "status": "active"}}
    entity.update(more)
    return entity


def event_entity(email: str, event_id: object, timestamp: str, earned: int = 2000) -> dict:
    return {"_exchangeinternal": {"loyaltyID": email, "pointsEarned": earned, "totalPoints": 16500,
                                  "loyaltyLevel": "Silver", "transactionID": "purchase_12345"},
            "_id": event_id, "eventType": "loyaltyBalanceUpdate", "timestamp": timestamp}


def message(org: str, schema_id: str, dataset_id: str | None, entity: dict, source: str = "tests") -> dict:
    ref = {"id": schema_id, "contentType": "application/vnd.adobe.xed-full+json;version=1"}
    header = {"schemaRef": ref, "imsOrgId": org, "source": {"name": source}}
    if dataset_id:
        header["datasetId"] = dataset_id
    return {"header": header, "body": {"xdmMeta": {"schemaRef": ref}, "xdmEntity": entity}}
