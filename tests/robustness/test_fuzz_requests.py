"""Property: requests whose parts have the wrong shape (headers that are not objects, keys and
values that are numbers or objects, unknown body modes, auth params in the wrong form, url
objects with odd fields) either load and run to a summary or are refused in one line.

Why besides the random mutations: these spots are where Postman users' hand-edited or
generated collections go wrong most, so they are drawn on purpose in every example.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness.bases import SCHEMA_V21
from tests.robustness.mutate import WEIRD_SCALARS, WEIRD_VALUES
from tests.robustness.support import run_everything

SCALE = float(os.environ.get("PMREPLAY_FUZZ_SCALE", "1"))
URL = "http://fuzz.invalid/path"

ODD = st.one_of(WEIRD_SCALARS, WEIRD_VALUES)
def mostly(good: st.SearchStrategy, bad: st.SearchStrategy = ODD) -> st.SearchStrategy:
    """Most draws keep the right container shape, so the damage travels past the loader."""
    return st.integers(min_value=0, max_value=9).flatmap(lambda n: bad if n == 0 else good)


ENTRY = mostly(st.fixed_dictionaries(
    {"key": mostly(st.text(max_size=8)), "value": ODD},
    optional={"disabled": ODD, "type": ODD, "src": ODD, "description": ODD, "contentType": ODD}))
ENTRIES = mostly(st.lists(ENTRY, max_size=4))
BODY = st.one_of(
    st.none(),
    st.fixed_dictionaries({"mode": st.sampled_from(["raw", "urlencoded", "formdata", "file", "graphql", "binary",
                                                    "nonsense", ""])},
                          optional={"raw": ODD, "urlencoded": ENTRIES, "formdata": ENTRIES, "file": ODD,
                                    "graphql": st.one_of(ODD, st.fixed_dictionaries({}, optional={
                                        "query": ODD, "variables": ODD})),
                                    "options": st.one_of(ODD, st.just({"raw": {"language": "json"}})),
                                    "disabled": ODD}),
)
AUTH_TYPES = ["basic", "bearer", "apikey", "digest", "oauth1", "oauth2", "hawk", "awsv4", "ntlm", "akamai",
              "edgegrid", "jwt", "asap", "noauth", "inherit", "unknown"]


@st.composite
def auth(draw: st.DrawFn):
    kind = draw(mostly(st.sampled_from(AUTH_TYPES)))
    out = {"type": kind}
    if isinstance(kind, str) and draw(st.booleans()):
        out[kind] = draw(st.one_of(ENTRIES, st.dictionaries(st.sampled_from(
            ["username", "password", "token", "key", "value", "in", "accessKey", "secretKey", "region",
             "service", "consumerKey", "consumerSecret", "algorithm", "authId", "authKey", "addTokenTo",
             "accessToken", "signatureMethod", "realm", "nonce"]), ODD, max_size=5)))
    return out


URL_VALUE = mostly(st.one_of(
    st.just(URL), st.just(URL + "/:id?q={{v}}#h"),
    st.fixed_dictionaries({"raw": st.one_of(st.just(URL), ODD)},
                          optional={"host": st.one_of(ODD, st.lists(ODD, max_size=3)),
                                    "path": st.one_of(ODD, st.lists(ODD, max_size=3)), "protocol": ODD,
                                    "port": ODD, "query": ENTRIES, "variable": ENTRIES, "hash": ODD}),
))
EVENTS = mostly(st.lists(mostly(st.fixed_dictionaries(
    {"listen": st.one_of(st.sampled_from(["prerequest", "test"]), ODD)},
    optional={"script": st.one_of(ODD, st.fixed_dictionaries({}, optional={
        "exec": st.one_of(ODD, st.lists(ODD, max_size=3)), "type": ODD, "src": ODD})), "disabled": ODD})),
    max_size=3))


@st.composite
def collection(draw: st.DrawFn) -> dict:
    request = draw(st.fixed_dictionaries({"url": URL_VALUE}, optional={
        "method": mostly(st.sampled_from(["GET", "post", "PROPFIND", "", "GET POST"])),
        "header": ENTRIES, "body": mostly(BODY), "auth": mostly(auth()), "description": ODD, "proxy": ODD,
        "certificate": ODD}))
    item = draw(st.fixed_dictionaries({"request": mostly(st.just(request), st.one_of(st.just(URL), ODD))}, optional={
        "name": ODD, "id": ODD, "event": EVENTS, "protocolProfileBehavior": mostly(
            st.dictionaries(st.sampled_from(["followRedirects", "disableBodyPruning", "strictSSL",
                                                  "maxRedirects", "disableCookies", "insecureHTTPParser",
                                                  "followOriginalHttpMethod", "disabledSystemHeaders"]),
                                 ODD, max_size=3)),
        "response": ODD, "variable": ENTRIES}))
    return draw(st.fixed_dictionaries(
        {"info": st.just({"name": "requests fuzz", "schema": SCHEMA_V21}), "item": st.just([item])},
        optional={"variable": mostly(st.lists(mostly(st.fixed_dictionaries(
            {"key": mostly(st.text(max_size=8)), "value": ODD}, optional={"type": ODD, "disabled": ODD})),
            max_size=3)), "auth": mostly(auth()), "event": EVENTS}))


@settings(max_examples=int(60 * SCALE), deadline=None, derandomize=SCALE == 1, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(doc=collection())
def test_oddly_shaped_requests_run_or_fail_in_one_line(proxied, doc):
    run_everything(doc, timeout_script_ms=1000)
