"""JSONPath for captures, checks and baseline ignores, on top of jsonpath-ng's extended parser.

Why a wrapper: users type these expressions on the command line and in YAML, so a typo must
become one clear line naming the expression (jsonpath-ng raises its own lexer/parser
exceptions with multi-line text), and the same expression is evaluated once per response,
so parsing is cached. The extended parser is used so filters (``[?(@.a == 1)]``),
arithmetic and ``len`` work as jsonpath-ng documents them.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from jsonpath_ng.ext import parse as _parse

from runner.errors import PmreplayError


class JsonPathError(PmreplayError):
    """A JSONPath expression that does not parse, or cannot be used the way it was asked."""


@lru_cache(maxsize=256)
def compile_path(expression: str) -> Any:
    """The parsed expression; ``JsonPathError`` (one line) when it does not parse."""
    text = expression.strip()
    if not text.startswith("$"):
        raise JsonPathError(f"'{expression}' is not a JSONPath expression (it should start with '$')")
    try:
        return _parse(text)
    except Exception as exc:  # jsonpath-ng raises several unrelated types, with newlines
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise JsonPathError(f"bad JSONPath '{expression}': {reason}") from None


def find(expression: str, document: Any) -> list[Any]:
    """Every value the expression matches, in document order (empty when nothing matches)."""
    try:
        return [match.value for match in compile_path(expression).find(document)]
    except JsonPathError:
        raise
    except Exception:  # e.g. a filter comparing incompatible types: treat as no match
        return []


def without(document: Any, expressions: list[str]) -> Any:
    """A copy of ``document`` with every value matched by ``expressions`` removed.

    Used to drop volatile fields (ids, timestamps) before comparing with a baseline; the
    original is left untouched because it may also be written out or shown.
    """
    result = copy.deepcopy(document)
    for expression in expressions:
        if not isinstance(result, (dict, list)):
            break
        try:
            result = compile_path(expression).filter(lambda _value: True, result)
        except JsonPathError:
            raise
        except Exception:
            raise JsonPathError(f"ignore path '{expression}' selects something that cannot be removed") from None
    return result


def format_path(parts: list[str | int]) -> str:
    """A readable JSONPath for a location found while walking a document (``$.items[0].id``)."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}"
        else:
            escaped = part.replace("\\", "\\\\").replace("'", "\\'")
            out += f"['{escaped}']"
    return out
