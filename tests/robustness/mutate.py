"""Hypothesis strategies that damage realistic Postman documents one structural spot at a time.

Why mutate real collections instead of generating JSON from scratch: random JSON is rejected
at the first key, so it never reaches the request builder, the sandbox or the reporters.
A real collection with one or a few bad spots walks the whole run with the damage riding
along, which is where unexpected types turn into tracebacks.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st


def _nested_lists(depth: int) -> list:
    out: list = []
    for _ in range(depth):
        out = [out]
    return out


WEIRD_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2 ** 70), max_value=2 ** 70),
    st.floats(allow_nan=False, allow_infinity=False), st.just(""), st.just("{{undefined_var}}"),
    st.just("\u0000\ud7ff\U0001f600 ünï"), st.just("x" * 70_000), st.just("://:@[::1"),
    st.just("http://[::1"), st.just("http://exa mple.com/a b"), st.just("ftp://127.0.0.1/x"),
    st.just("{{a}}{{b}}/{{c"), st.just("%zz%00"), st.just("GET"), st.text(max_size=20),
)
WEIRD_VALUES = st.one_of(
    WEIRD_SCALARS,
    st.lists(WEIRD_SCALARS, max_size=3),
    st.dictionaries(st.sampled_from(["key", "value", "type", "mode", "raw", "src", "disabled", "url", "exec",
                                     "listen", "script", "host", "path", "query", "name", "item", "request"]),
                    WEIRD_SCALARS, max_size=4),
    st.just(_nested_lists(40)),
    st.just({"a": {"b": {"c": {"d": {"e": {"f": {}}}}}}}),
)

Path = tuple[Any, ...]


def paths(doc: Any, prefix: Path = ()) -> list[Path]:
    """Every location in a JSON document (the root excluded)."""
    out: list[Path] = []
    if isinstance(doc, dict):
        for key, value in doc.items():
            out.append(prefix + (key,))
            out.extend(paths(value, prefix + (key,)))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out.append(prefix + (i,))
            out.extend(paths(value, prefix + (i,)))
    return out


def _parent(doc: Any, path: Path) -> Any:
    for step in path[:-1]:
        doc = doc[step]
    return doc


def apply(doc: Any, path: Path, action: str, value: Any) -> None:
    """One damage: drop the key, replace the value, wrap it in a list/object, or add a sibling key."""
    parent = _parent(doc, path)
    last = path[-1]
    if action == "drop":
        del parent[last]
    elif action == "replace":
        parent[last] = value
    elif action == "wrap_list":
        parent[last] = [parent[last]]
    elif action == "wrap_dict":
        parent[last] = {"value": parent[last]}
    elif action == "stringify":
        parent[last] = str(parent[last])
    elif action == "add" and isinstance(parent, dict):
        parent[f"extra{len(parent)}"] = value
    elif action == "add" and isinstance(parent, list):
        parent.append(value)


@st.composite
def mutated(draw: st.DrawFn, base: Any, max_mutations: int = 3) -> Any:
    """A deep copy of ``base`` with 1..max_mutations structural damages."""
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(min_value=1, max_value=max_mutations))):
        spots = paths(doc)
        if not spots:
            break
        path = draw(st.sampled_from(spots))
        action = draw(st.sampled_from(["drop", "replace", "replace", "replace", "wrap_list", "wrap_dict",
                                       "stringify", "add"]))
        apply(doc, path, action, copy.deepcopy(draw(WEIRD_VALUES)))  # st.just values are shared objects
    return doc
