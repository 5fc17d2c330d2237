"""Set up the tutorial's platform objects (folders 0-2) for one org through the real API."""

from __future__ import annotations

from dataclasses import dataclass

from tests.emulator import payloads

SR = "/data/foundation/schemaregistry"


@dataclass
class Setup:
    profile_mixin: str
    event_mixin: str
    profile_schema: str
    event_schema: str
    profile_dataset: str
    event_dataset: str
    inlet_id: str
    inlet_url: str


def build(p, prefix: str = "") -> Setup:
    def created(response, status=201):
        assert response.status_code == status, response.text
        return response.json()

    tenant = created(p.call("GET", f"{SR}/stats"), 200)["tenantId"]
    inlet = created(p.call("POST", "/data/core/edge/inlet", accept=None, json={
        "name": prefix + "Streaming", "description": "d", "sourceId": prefix + "Ingest", "dataType": "xdm",
        "authenticationRequired": False}), 200)
    pm = created(p.call("POST", f"{SR}/tenant/mixins/", json=payloads.profile_mixin(tenant, prefix + "Member")))
    ps = created(p.call("POST", f"{SR}/tenant/schemas/", json=payloads.profile_schema(pm["$id"], prefix + "Members")))
    created(p.call("POST", f"{SR}/tenant/descriptors", json=payloads.identity_descriptor(ps["$id"], tenant)))
    em = created(p.call("POST", f"{SR}/tenant/mixins/", json=payloads.event_mixin(tenant, prefix + "Events")))
    es = created(p.call("POST", f"{SR}/tenant/schemas/", json=payloads.event_schema(em["$id"], prefix + "Activity")))
    created(p.call("POST", f"{SR}/tenant/descriptors", json=payloads.identity_descriptor(es["$id"], tenant)))
    pd = created(p.call("POST", "/data/foundation/catalog/datasets", json=payloads.dataset(prefix + "P", ps["$id"])))
    ed = created(p.call("POST", "/data/foundation/catalog/datasets", json=payloads.dataset(prefix + "E", es["$id"])))
    return Setup(pm["$id"], em["$id"], ps["$id"], es["$id"], pd[0].split("/")[-1], ed[0].split("/")[-1],
                 inlet["inletId"], inlet["inletUrl"])
