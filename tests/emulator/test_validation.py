"""The validation layer alone: Adobe-shaped messages, formats, conversion, and the fast path
agreeing with jsonschema on every record."""

from __future__ import annotations

import copy
import random

from aep_emulator import xdm
from aep_emulator.validation import compile_schema, timestamp_ms
from tests.emulator import payloads


def _compiled(identity: str | None = "/_exchangeinternal/loyaltyID"):
    mixin = payloads.profile_mixin()
    mixin.update({"$id": "https://ns.adobe.com/exchangeinternal/mixins/m", "meta:resourceType": "mixins"})
    schema = payloads.profile_schema(mixin["$id"])

    def lookup(ref):
        return mixin if ref == mixin["$id"] else xdm.builtins().get(ref)

    return compile_schema(xdm.expand(schema, lookup), [identity] if identity else [])


def _messages(compiled, entity):
    return [v["message"] for v in compiled.validate(entity)[1]]


def test_messages_for_each_keyword():
    c = _compiled()
    entity = payloads.profile_entity("a@b.co")
    assert c.validate(entity) == (0, [])
    cases = [
        (("_exchangeinternal", "totalLoyaltyPoints"), "12", "expected type: Integer, found: String"),
        (("_exchangeinternal", "totalLoyaltyPoints"), 1.5, "expected type: Integer, found: Double"),
        (("_exchangeinternal", "loyaltyLevel"), True, "expected type: String, found: Boolean",
         "true is not a valid enum value"),
        (("person", "gender"), "other", "other is not a valid enum value"),
        (("person", "birthDate"), "10/05/1980", "[10/05/1980] is not a valid date. Expected [yyyy-MM-dd]"),
        (("personalEmail", "address"), "nope", "[nope] is not a valid email address"),
        (("person", "name"), [], "expected type: JSONObject, found: JSONArray"),
    ]
    for path, value, *messages in cases:
        broken = copy.deepcopy(entity)
        node = broken
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
        assert _messages(c, broken) == messages, (path, value)


def test_integral_float_is_an_integer_like_jsonschema():
    c = _compiled()
    entity = payloads.profile_entity("a@b.co", points=12.0)
    assert c.validate(entity) == (0, [])


def test_identity_field_required_only_with_descriptor():
    entity = payloads.profile_entity("a@b.co")
    del entity["_exchangeinternal"]
    assert _compiled(None).validate(entity) == (0, [])
    assert _messages(_compiled(), entity) == ["required key [_exchangeinternal] not found"]


def test_datetime_formats():
    events = compile_schema(xdm.expand(xdm.builtins()[xdm.EVENT_CLASS], xdm.builtins().get))
    for good in ("2020-03-03T06:34:55Z", "2020-03-03T06:34:55.123Z", "2020-03-03T06:34:55+01:00",
                 "2020-03-03T06:34:55-0530"):
        assert events.validate({"_id": "x", "timestamp": good}) == (0, []), good
    for bad in ("2020-03-03", "2020-03-03 06:34:55Z", "2020-02-30T06:34:55Z", "2020-03-03T06:34:55"):
        count, found = events.validate({"_id": "x", "timestamp": bad})
        assert count == 1 and "is not a valid date-time" in found[0]["message"], bad
    assert timestamp_ms("2020-03-01T09:00:00Z") == 1583053200000
    assert timestamp_ms("2020-03-01T10:00:00+0100") == 1583053200000


def test_batch_conversion():
    events = compile_schema(xdm.expand(xdm.builtins()[xdm.EVENT_CLASS], xdm.builtins().get))
    converted = events.convert({"_id": 15367038, "timestamp": 1583053200000})
    assert converted == {"_id": "15367038", "timestamp": "2020-03-01T09:00:00Z"}
    assert events.validate(converted) == (0, [])


def _mutate(rng: random.Random, value):
    """Random damage: wrong types, odd strings, removed or added keys, at any depth."""
    if isinstance(value, dict) and value and rng.random() < 0.7:
        out = dict(value)
        key = rng.choice(list(out))
        roll = rng.random()
        if roll < 0.2:
            del out[key]
        elif roll < 0.3:
            out["zz" + str(rng.randint(0, 9))] = 1
        else:
            out[key] = _mutate(rng, out[key])
        return out
    return rng.choice([None, True, 0, 7, 2.5, 3.0, -1, "", "x", "a@b.co", "1980-05-10", "1980-5-10",
                       "2020-03-03T06:34:55Z", "Silver", "female", [], [1], {}, {"id": "x"},
                       {"email": [{"id": "a", "primary": True}]}, {"email": [{"id": 1}]}])


def test_fast_path_agrees_with_jsonschema():
    c = _compiled()
    assert c.fast is not None
    rng = random.Random(20200306)
    base = payloads.profile_entity("a@b.co")
    base["identityMap"] = {"email": [{"id": "a@b.co", "primary": True}]}
    seen = {True: 0, False: 0}
    for _ in range(3000):
        entity = base
        for _ in range(rng.randint(1, 3)):
            entity = _mutate(rng, entity)
        expected = c.validator.is_valid(entity)
        assert c.fast(entity) == expected, entity
        seen[expected] += 1
    assert seen[True] > 100 and seen[False] > 100
