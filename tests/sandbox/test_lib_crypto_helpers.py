"""Shared helpers for the crypto-js / buffer / uuid library tests (no tests here).

Why: the library files are checked against independent references: Python's hashlib,
hmac and `cryptography`, small pure-Python references for what Python lacks (original
Keccak, OpenSSL's EVP_BytesToKey, RC4), and, when node and npm exist, the real npm
packages Postman ships (crypto-js 3.3.0, buffer 6.0.3) plus npm uuid 9.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from py_mini_racer import MiniRacer

from tests.support.jslib import js_with_libs

LIB_FILES = ["buffer.js", "crypto-js.js", "uuid.js"]

# A sub-folder of the team's npm cache so concurrent installs by others never collide.
NPM_DIR = Path("/root/.cache/pmreplay-npm/cryptojs")
NPM_PACKAGES = {"crypto-js": "3.3.0", "buffer": "6.0.3", "uuid": "9.0.1"}

# Lengths around the 64- and 128-byte block boundaries of MD5/SHA-1/SHA-2 padding.
BOUNDARY_LENGTHS = [0, 1, 3, 4, 5, 15, 16, 17, 55, 56, 57, 63, 64, 65, 71, 72, 73,
                    111, 112, 113, 127, 128, 129, 135, 136, 137, 200, 1000]


@contextmanager
def libs() -> Iterator[MiniRacer]:
    """A bare V8 with the three library files loaded."""
    mr = js_with_libs(LIB_FILES)
    try:
        yield mr
    finally:
        mr.close()


def js_json(mr: MiniRacer, expression: str) -> Any:
    """Evaluate a JavaScript expression and return its JSON-decoded value."""
    return json.loads(mr.eval("JSON.stringify((function () { return (" + expression + "); })())"))


# ----------------------------------------------------------------------------- Keccak
_MASK = (1 << 64) - 1


def _rc_bit(t: int) -> int:
    """Keccak's round-constant LFSR, bit by bit as the reference specification states it."""
    if t % 255 == 0:
        return 1
    r = [1, 0, 0, 0, 0, 0, 0, 0]
    for _ in range(t % 255):
        r = [0] + r
        r[0] ^= r[8]
        r[4] ^= r[8]
        r[5] ^= r[8]
        r[6] ^= r[8]
        r = r[:8]
    return r[0]


_ROUND_CONSTANTS = [
    sum(_rc_bit(j + 7 * ir) << ((1 << j) - 1) for j in range(7)) for ir in range(24)
]


def _rho_offsets() -> list[int]:
    offsets = [0] * 25
    x, y = 1, 0
    for t in range(24):
        offsets[x + 5 * y] = ((t + 1) * (t + 2) // 2) % 64
        x, y = y, (2 * x + 3 * y) % 5
    return offsets


_RHO = _rho_offsets()


def _rol(value: int, n: int) -> int:
    n %= 64
    return ((value << n) | (value >> (64 - n))) & _MASK if n else value


def _keccak_f(a: list[int]) -> list[int]:
    for rc in _ROUND_CONSTANTS:
        c = [a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] for x in range(5)]
        d = [c[(x - 1) % 5] ^ _rol(c[(x + 1) % 5], 1) for x in range(5)]
        a = [a[i] ^ d[i % 5] for i in range(25)]
        b = [0] * 25
        for x in range(5):
            for y in range(5):
                b[y + 5 * ((2 * x + 3 * y) % 5)] = _rol(a[x + 5 * y], _RHO[x + 5 * y])
        a = [
            b[i] ^ ((~b[(i % 5 + 1) % 5 + 5 * (i // 5)]) & b[(i % 5 + 2) % 5 + 5 * (i // 5)])
            for i in range(25)
        ]
        a[0] ^= rc
    return a


def keccak(data: bytes, output_bits: int, pad: int = 0x01) -> bytes:
    """Keccak[c = 2 * output_bits]; pad=0x01 is original Keccak (crypto-js), 0x06 is FIPS SHA-3."""
    rate = (1600 - 2 * output_bits) // 8
    padded = bytearray(data) + bytes([pad])
    while len(padded) % rate:
        padded.append(0)
    padded[-1] |= 0x80
    state = [0] * 25
    for off in range(0, len(padded), rate):
        block = padded[off:off + rate]
        for i in range(rate // 8):
            state[i] ^= int.from_bytes(block[8 * i:8 * i + 8], "little")
        state = _keccak_f(state)
    out = b"".join(lane.to_bytes(8, "little") for lane in state[: rate // 8])
    return out[: output_bits // 8]


def keccak_hmac(key: bytes, message: bytes, output_bits: int = 512) -> bytes:
    """HMAC over original Keccak with its rate as the block size (what crypto-js does)."""
    block = (1600 - 2 * output_bits) // 8
    if len(key) > block:
        key = keccak(key, output_bits)
    key = key.ljust(block, b"\0")
    inner = keccak(bytes(k ^ 0x36 for k in key) + message, output_bits)
    return keccak(bytes(k ^ 0x5C for k in key) + inner, output_bits)


# ------------------------------------------------------------------ other references
def evp_bytes_to_key(password: bytes, salt: bytes, key_len: int = 32, iv_len: int = 16) -> tuple[bytes, bytes]:
    """OpenSSL's EVP_BytesToKey with MD5 and one iteration."""
    derived = b""
    block = b""
    while len(derived) < key_len + iv_len:
        block = hashlib.md5(block + password + salt).digest()
        derived += block
    return derived[:key_len], derived[key_len:key_len + iv_len]


def rc4(key: bytes, data: bytes, drop: int = 0) -> bytes:
    """Plain RC4; `drop` keystream bytes are discarded first (RC4-drop)."""
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for n in range(drop + len(data)):
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        k = s[(s[i] + s[j]) % 256]
        if n >= drop:
            out.append(data[n - drop] ^ k)
    return bytes(out)


# ----------------------------------------------------------------------- real npm
def ensure_npm() -> Path:
    """Install crypto-js 3.3.0, buffer 6.0.3 and uuid 9 into NPM_DIR, or skip the test."""
    if not shutil.which("node"):
        pytest.skip("node is needed to compare with the real npm packages")
    missing = [
        name for name, version in NPM_PACKAGES.items()
        if not _installed_version(name) == version
    ]
    if missing:
        if not shutil.which("npm"):
            pytest.skip("npm is needed to install the real packages for comparison")
        NPM_DIR.mkdir(parents=True, exist_ok=True)
        specs = [f"{name}@{NPM_PACKAGES[name]}" for name in missing]
        proc = subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(NPM_DIR), *specs],
            capture_output=True, text=True, timeout=300, check=False,
        )
        if proc.returncode != 0 or any(_installed_version(n) != NPM_PACKAGES[n] for n in missing):
            pytest.skip("could not install " + " ".join(specs) + ": " + proc.stderr.strip()[-200:])
    return NPM_DIR


def _installed_version(name: str) -> str | None:
    manifest = NPM_DIR / "node_modules" / name / "package.json"
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


_NODE_RUNNER = r"""
const path = require('path');
const base = process.argv[1];
global.CryptoJS = require(path.join(base, 'node_modules', 'crypto-js'));
global.RealBuffer = require(path.join(base, 'node_modules', 'buffer')).Buffer;
global.uuid = require(path.join(base, 'node_modules', 'uuid'));
let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  const cases = JSON.parse(input);
  const out = cases.map((src) => {
    try { return {value: (0, eval)('(function () { return (' + src + '); })')()}; }
    catch (e) { return {throws: String(e && e.message)}; }
  });
  process.stdout.write(JSON.stringify(out));
});
"""


def run_node(cases: list[str]) -> list[dict]:
    """Evaluate each expression in node with the real packages as globals.

    Globals: `CryptoJS` (crypto-js 3.3.0), `RealBuffer` (buffer 6.0.3), `uuid` (npm 9).
    Each result is {"value": ...} or {"throws": message}.
    """
    base = ensure_npm()
    proc = subprocess.run(
        ["node", "-e", _NODE_RUNNER, str(base)],
        input=json.dumps(cases), capture_output=True, text=True, timeout=120, check=True,
    )
    return json.loads(proc.stdout)


_OURS_RUNNER = r"""
(function (cases) {
  return JSON.stringify(cases.map(function (src) {
    try { return {value: (0, eval)('(function () { return (' + src + '); })')()}; }
    catch (e) { return {throws: String(e && e.message)}; }
  }));
})
"""


def run_ours(mr: MiniRacer, cases: list[str], prelude: str) -> list[dict]:
    """Evaluate each expression in our V8 after `prelude` defined the same globals."""
    mr.eval(prelude)
    return json.loads(mr.eval(_OURS_RUNNER + "(" + json.dumps(cases) + ")"))
