"""More chai and Postman assertion messages under Newman and pmreplay, in one run."""

from __future__ import annotations

import pytest

from tests.support.conformance import assert_same, collection, item

pytestmark = pytest.mark.conformance

EXPECTATIONS = [
    "pm.expect([1, 2, 3]).to.include.members([4])",
    "pm.expect([1, 2]).to.have.ordered.members([2, 1])",
    "pm.expect({a: {b: 1}}).to.deep.equal({a: {b: '1'}})",
    "pm.expect('abc').to.have.string('d')",
    "pm.expect('abc').to.have.lengthOf.above(5)",
    "pm.expect(NaN).to.be.NaN.and.not.be.NaN",
    "pm.expect(Infinity).to.be.finite",
    "pm.expect({}).to.be.an('array')",
    "pm.expect(null).to.be.an('object')",
    "pm.expect([]).to.be.an('object')",
    "pm.expect(new Date(0)).to.be.a('string')",
    "pm.expect(/x/).to.be.a('function')",
    "pm.expect(Symbol('s')).to.be.a('string')",
    "pm.expect('1').to.equal(1)",
    "pm.expect({a: 1}).to.equal({a: 1})",
    "pm.expect([1, [2]]).to.eql([1, [3]])",
    "pm.expect('x'.repeat(200)).to.equal('y')",
    "pm.expect({a: 'x'.repeat(100), b: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}).to.eql({})",
    "pm.expect(undefined).to.equal(null)",
    "pm.expect(5).to.satisfy(n => n > 10)",
    "pm.expect(1.5).to.be.at.least(2)",
    "pm.expect(3).to.be.at.most(2)",
    "pm.expect({a: 1}).to.have.any.keys('b', 'c')",
    "pm.expect({a: 1, b: 2}).to.include({a: 2})",
    "pm.expect('text').to.be.empty",
    "pm.expect([1]).to.be.empty",
    "pm.expect({}).to.not.be.empty",
    "pm.expect(2).to.be.oneOf([1, [2]])",
    "pm.expect(() => { throw new TypeError('bad'); }).to.throw(RangeError)",
    "pm.expect(() => { throw new Error('bad'); }).to.throw('good')",
    "pm.expect(1).to.be.ok.and.to.be.false",
    "pm.expect({a: {b: {c: 1}}}).to.have.nested.property('a.b.d')",
    "pm.expect({a: 1}).to.have.own.property('toString')",
    "pm.expect([1, 2]).to.have.length(3)",
    "pm.expect(7).to.be.closeTo(1, 2)",
    "pm.expect('ABC').to.match(/abc/)",
    "pm.expect(4).to.be.instanceOf(Array)",
    "pm.expect({a: 1}).to.be.frozen",
    "pm.expect(0).to.exist.and.to.be.true",
    "pm.response.to.have.status(200).and.to.have.header('X-Nope')",
    "pm.response.to.be.withBody.and.be.json.and.have.jsonBody('query[0][1]', 'nope')",
    "pm.response.to.have.header('content-type')",
    "pm.response.to.not.have.header('Content-Type')",
    "pm.response.to.be.info",
    "pm.response.to.be.redirection",
    "pm.response.to.be.serverError",
    "pm.response.to.be.notFound",
    "pm.response.to.be.badRequest",
    "pm.response.to.be.unauthorized",
    "pm.response.to.be.forbidden",
    "pm.response.to.be.rateLimited",
    "pm.response.to.have.statusCode(201)",
    "pm.response.to.have.statusCodeClass(3)",
    "pm.response.to.not.be.error",
    "pm.response.to.have.jsonSchema({type: 'object', properties: {method: {enum: ['PUT']}}})",
    "pm.expect(pm.response.json().query).to.deep.include(['a', 'b'])",
    "pm.request.to.have.header('X-Missing')",
    "pm.request.to.have.url('nope')",
]


def test_more_assertion_messages(conformance):
    lines = [f"pm.test({f'#{i} {src}'!r}, () => {{ {src}; }});" for i, src in enumerate(EXPECTATIONS)]
    doc = collection([item("assert more", conformance.url + "/more?a=b", test=lines)])
    newman, ours = conformance.both(doc)
    assert_same(newman, ours)
    assert len(newman.assertions) == len(EXPECTATIONS)
