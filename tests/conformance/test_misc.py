"""Assorted behaviours under Newman and pmreplay: pm.info, cookies, redirects, auth, v2.0 collections,
request data seen by test scripts."""

from __future__ import annotations

import pytest

from tests.support.conformance import assert_same, collection, item

pytestmark = pytest.mark.conformance


def test_info_cookies_redirects_and_sent_request(conformance):
    url = conformance.url
    info = ("pm.environment.set('info.' + pm.info.requestName + pm.info.iteration, JSON.stringify({e: pm.info.eventName,"
            " i: pm.info.iteration, n: pm.info.iterationCount, id: typeof pm.info.requestId}));")
    doc = collection([
        item("set cookie", url + "/cookies/set?flavour=choc&size=big", prerequest=info, test=[
            info, "pm.environment.set('jar.' + pm.info.iteration, JSON.stringify(pm.cookies.toObject()));",
            "pm.test('has cookie', () => pm.expect(pm.cookies.has('flavour')).to.be.true);",
            "pm.test('cookie value', () => pm.expect(pm.cookies.get('size')).to.equal('big'));"]),
        item("sends cookie", url + "/cookies", test=[
            "const sent = pm.response.json().headers.filter(h => h[0] === 'Cookie');",
            "pm.environment.set('cookie_header.' + pm.info.iteration, JSON.stringify(sent));"]),
        item("redirect", url + "/redirect/2", test=[
            "pm.environment.set('redirect.final', pm.response.json().path);",
            "pm.test('status after redirects', () => pm.response.to.have.status(200));"]),
        item("post redirect", url + "/redirect-to?url=/landed&status_code=302", method="POST",
             body={"mode": "raw", "raw": "x"}, test="pm.environment.set('redirect.method', pm.response.json().method);"),
        item("as sent", url + "/sent/{{id}}?q={{id}}&off=1", method="PATCH",
             header=[{"key": "X-Var", "value": "{{id}}"}, {"key": "X-Off", "value": "no", "disabled": True}],
             body={"mode": "urlencoded", "urlencoded": [{"key": "k", "value": "{{id}}"},
                                                         {"key": "gone", "value": "x", "disabled": True}]},
             test=["pm.environment.set('sent.url', pm.request.url.toString());",
                   "pm.environment.set('sent.method', pm.request.method);",
                   "pm.environment.set('sent.hdr', pm.request.headers.get('X-Var'));",
                   "pm.environment.set('sent.off', String(pm.request.headers.has('X-Off')));",
                   "pm.environment.set('sent.body', JSON.stringify(pm.request.body.urlencoded.toObject()));",
                   "pm.environment.set('sent.echo', pm.response.json().body);"]),
    ])
    newman, ours = conformance.both(doc, data=[{"id": "a1"}, {"id": "b2"}])
    assert_same(newman, ours)
    assert_same(newman, ours, "wire_bodies")


def test_v20_collection_auth_and_variables(conformance):
    url = conformance.url
    doc = {
        "info": {"name": "v2.0", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},
        "auth": {"type": "basic", "basic": {"username": "{{user}}", "password": "pw"}},
        "variable": [{"key": "user", "value": "alice"}, {"key": "token", "value": "t0k"}],
        "item": [
            {"name": "inherits basic", "request": {"method": "GET", "url": url + "/basic-auth/alice/pw"},
             "event": [{"listen": "test", "script": {"exec": [
                 "pm.test('authorised', () => pm.response.to.have.status(200));"]}}]},
            {"name": "bearer", "request": {"method": "GET", "url": url + "/bearer",
                                           "auth": {"type": "bearer", "bearer": {"token": "{{token}}"}}},
             "event": [{"listen": "test", "script": {"exec": [
                 "pm.environment.set('bearer', pm.response.json().headers.filter(h => h[0] === 'Authorization')[0][1]);"]}}]},
            {"name": "noauth", "request": {"method": "GET", "url": url + "/none", "auth": {"type": "noauth"}},
             "event": [{"listen": "test", "script": {"exec": [
                 "pm.environment.set('noauth', pm.response.json().headers.some(h => h[0] === 'Authorization'));"]}}]},
            {"name": "apikey", "request": {"method": "GET", "url": url + "/key",
                                           "auth": {"type": "apikey", "apikey": {"key": "X-Key", "value": "{{token}}"}}},
             "event": [{"listen": "test", "script": {"exec": [
                 "pm.environment.set('apikey', pm.response.json().headers.filter(h => h[0] === 'X-Key').length);"]}}]},
        ],
    }
    newman, ours = conformance.both(doc)
    assert_same(newman, ours)
    assert_same(newman, ours, "wire_headers")
