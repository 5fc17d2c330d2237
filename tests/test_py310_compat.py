"""Behaviour that differs between Python 3.10 and 3.11 unless the code papers over it.

The project declares ``requires-python >= 3.10`` but is mostly developed on 3.11, whose
``datetime.fromisoformat`` accepts any ISO 8601 fraction length while 3.10's takes only 3 or 6
digits. These cases fail on 3.10 if the normalisation in the callers is lost.
"""

from __future__ import annotations

import pytest

from aep_emulator.validation import timestamp_ms
from runner.sending import _parse_expiry


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-01-01T00:00:00Z", 1577836800000),
        ("2020-01-01T00:00:00.1Z", 1577836800100),
        ("2020-01-01T00:00:00.12+0100", 1577833200120),
        ("2020-01-01T00:00:00.1234Z", 1577836800123),
        ("2020-01-01T00:00:00.123456789Z", 1577836800123),
        ("not a date", None),
    ],
)
def test_xdm_timestamps_with_any_fraction_length(text: str, expected: int | None) -> None:
    assert timestamp_ms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2030-01-01T00:00:00.5Z", 1893456000),
        ("2030-01-01T00:00:00.1234567+01:00", 1893452400),
        ("2030-01-01T00:00:00.000Z", 1893456000),
        ("Tue, 01 Jan 2030", None),
    ],
)
def test_cookie_file_expiry_with_any_fraction_length(text: str, expected: int | None) -> None:
    assert _parse_expiry(text) == expected
