"""Our `buffer` module against the real npm buffer 6.0.3 that Newman's sandbox bundles.

Why: Newman (the behaviour reference) uses that package, not Node's own Buffer, so its
lenient parsing, replacement characters and error messages are what scripts meet.
Needs node + npm; skipped with the reason otherwise.
"""

from __future__ import annotations

import json

from tests.sandbox.test_lib_crypto_helpers import libs, run_node, run_ours

PRELUDE = "var RealBuffer = require('buffer').Buffer;"

SAMPLES = ["", "a", "héllo €", "😀 x", "\u0000\u00ff", "YWJj", "not base64!", "0aFf", "zz"]
ENCODINGS = ["utf8", "hex", "base64", "latin1", "binary", "ascii", "utf16le", "ucs2"]

CASES: list[str] = []
for _s in SAMPLES:
    for _enc in ENCODINGS:
        CASES.append(f"Array.from(RealBuffer.from({json.dumps(_s)}, '{_enc}'))")
        CASES.append(f"RealBuffer.from({json.dumps(_s)}).toString('{_enc}')")
        CASES.append(f"RealBuffer.byteLength({json.dumps(_s)}, '{_enc}')")
for _hex in ["e28241f09f98c080", "eda080", "f4908080", "e080af", "f09f98", "fffe", "6f6bc3", "c3a9e282ac"]:
    CASES.append(f"RealBuffer.from('{_hex}', 'hex').toString()")
    CASES.append(f"RealBuffer.from('{_hex}', 'hex').toString('utf8', 1)")
CASES += [
    "RealBuffer.from('abzz12', 'hex').toString('hex')",
    "RealBuffer.from('YW Jj-_==x', 'base64').toString('hex')",
    "RealBuffer.from('YWJjZ', 'base64').toString()",
    "RealBuffer.from([1, 2, 3, 300, -1]).toJSON()",
    "RealBuffer.concat([RealBuffer.from('ab'), RealBuffer.from('cd')], 3).toString()",
    "RealBuffer.alloc(5, 'ab').toString()",
    "RealBuffer.from('hello').slice(-3, -1).toString()",
    "RealBuffer.from('hello').indexOf('l', 3)",
    "RealBuffer.from('abc').compare(RealBuffer.from('abcd'))",
    "RealBuffer.from('0102030405', 'hex').readUInt32LE(1)",
    "RealBuffer.from('0102030405', 'hex').readInt16BE(3)",
    "(function () { var b = RealBuffer.alloc(4); b.writeInt32LE(-5, 0); return b.toString('hex'); })()",
    "(function () { var b = RealBuffer.alloc(4); return [b.write('\\u20ac\\u20ac'), b.toString('hex')]; })()",
    "RealBuffer.from(5)",
    "RealBuffer.from('a', 'nope')",
    "RealBuffer.alloc(2).readUInt32BE(0)",
    "RealBuffer.alloc(2).writeUInt8(256, 0)",
    "RealBuffer.isBuffer(RealBuffer.from('a'))",
    "RealBuffer.isEncoding('latin1')",
]


def test_same_results_as_npm_buffer():
    theirs = run_node(CASES)
    with libs() as mr:
        ours = run_ours(mr, CASES, PRELUDE)
    mismatches = [(c, o, t) for c, o, t in zip(CASES, ours, theirs, strict=True) if o != t]
    assert not mismatches, mismatches[:5]
