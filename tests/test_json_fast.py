"""The JSON fast path gives the checked parse's data, or its very error, for every input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hostile_corpus import cases
from hypothesis import given, settings
from hypothesis import strategies as st

from okrkit.errors import PlanFileError
from okrkit.files import jsonfiles
from okrkit.files.limits import Limits

SMALL = Limits(
    max_nodes=40, max_depth=5, max_number_digits=6, max_magnitude=1e6, max_string_length=12
)


def _outcome(parse: Any, text: str, limits: Limits) -> tuple[str, Any]:
    try:
        return "data", parse(text, "plan.json", limits)
    except PlanFileError as exc:
        return type(exc).__name__, str(exc)


def _same(text: str, limits: Limits) -> tuple[str, Any]:
    fast = _outcome(jsonfiles.parse_json, text, limits)
    checked = _outcome(jsonfiles._parse_checked, text, limits)
    assert fast == checked
    if fast[0] == "data":  # equal and of the same types (1 stays an int, 1.0 a float)
        assert json.dumps(fast[1]) == json.dumps(checked[1])
    return fast


EDGES = [
    '{"a": 1}',
    '{"a": 1.0, "b": -0, "c": 1e3, "d": 1E-3, "e": -2.5e+2}',
    '{"a": 1234567}',  # 7 digits: over SMALL's 6
    '{"a": 1.23456789}',
    '{"a": 0.0000001}',
    '{"a": 1e400}',
    '{"a": -1e400}',
    '{"a": 1000001}',
    '{"a": 999999.5}',
    '{"a": NaN}',
    '{"a": [Infinity]}',
    '{"a": -Infinity}',
    '{"a": 1, "a": 2}',
    '{"a": {"b": 1, "b": 1}}',
    '{"title": "Q3: grow", "a": 1}',
    '{"t": "a:b", "t": 1}',
    '{"t": 1, "t": "a:b"}',
    "[[[[[1]]]]]",
    "[[[[[[1]]]]]]",
    "[[[[[[]]]]]]",
    '{"a": {"b": {"c": {"d": {"e": 1}}}}}',
    '{"title": "' + "x" * 13 + '"}',
    '{"' + "k" * 13 + '": 1}',
    '["' + "x" * 13 + '"]',
    '{"target": "2e9"}',
    '{"target": "18%"}',
    '{"value": "99999999999"}',
    '{"note": "phone 0123456789012"}',
    "[" + ",".join(["1"] * 39) + "]",
    "[" + ",".join(["1"] * 40) + "]",
    '"' + "x" * 13 + '"',
    "5",
    "12345678",
    "true",
    "null",
    "{",
    '{"a": 1,}',
    "[1, 2",
    "",
    # What the text says about the data at C speed, and where it cannot tell:
    '[["]]", [[[1]]], "[["]]',  # brackets in texts that would hide the nesting
    '[["[[", [[1]], "]]"]]',
    '["a", "[", [["]"]], "]]]]", [[[[1]]]]]',
    '[["]]", [[1]], "[["]]',
    '[["\\"]]\\"", [[[1]]], "\\"[[\\""]]',  # the same behind escaped quotes
    '[["\\\\", [[[1]]], "\\\\"]]',  # escaped backslashes before closing quotes
    '{"title": "\\"' + "x" * 11 + '\\""}',  # 13 characters, escapes included
    '{"title": "' + "\\\\" * 13 + '"}',  # 13 backslashes in 26 bytes
    '{"title": "' + "\\u00e9" * 13 + '"}',
    '{"title": "' + "\u00e9" * 13 + '"}',
    '{"target": "1_000_000"}',
    '{"target": "1,000,000"}',
    '{"value": "1\\u0030000000"}',  # an escape spells a digit: 1e7
    '{"value": "1\\u006520"}',  # an escape spells the e of 1e20
    '{"value": "\u0661' + "\u0660" * 16 + '"}',  # Arabic-Indic digits: 1e16
    '{"value": "\\t2000000 %"}',
    '{"value": 2000000e0}',
    '{"value": 0.5e1}',
    '{"title": "Q3e", "value": 3}',
    "[" + ",".join(["1"] * 20) + "," + ",".join(["[]"] * 20) + "]",
    "[" + ", ".join(["[1]"] * 13) + "]",
    '{"a": [{"b": [{"c": 1}]}]}',
    '{"a": [{"b": [{"c": []}]}]}',
    "[[[[[]]]]]",
    '{"a": "{", "b": "}"}',
]


@pytest.mark.parametrize("text", EDGES)
def test_edges_small_limits(text: str) -> None:
    _same(text, SMALL)


@pytest.mark.parametrize("text", EDGES)
def test_edges_default_limits(text: str) -> None:
    _same(text, Limits())


def test_text_bounds_at_their_limits() -> None:
    for magnitude in [0.5, 9.99, 10.0, 99.0, 1e15, 1.5e15, float("inf")]:
        limits = Limits(max_magnitude=magnitude, max_number_digits=30)
        for literal in ["9", "10", "99", "100", "999999999999999", "1000000000000000", "1e16"]:
            _same('{"value": ' + literal + "}", limits)
            _same('{"value": "' + literal + '"}', limits)
    for depth in range(1, 5):
        for text in ["[]", "[1]", "[[]]", "[[1]]", "[[[1]]]", '{"a": {"b": []}}', "7"]:
            _same(text, Limits(max_depth=depth))
    for nodes in range(1, 8):
        for text in ["[]", "[1]", "[1, 2]", "[[1], [2]]", '{"a": [1, {"b": 2}]}']:
            _same(text, Limits(max_nodes=nodes))
    for length in range(1, 6):
        for text in ['"abc"', '["abcd"]', '{"abcde": 1}', '"a\\"c"', '"\\u00e9\\u00e9"']:
            _same(text, Limits(max_string_length=length))


def test_ordinary_plan_is_proved_within_limits_by_its_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def walked(*args: object) -> object:
        raise AssertionError("walked the data")

    plan = {
        "period": "2026-Q3",
        "objectives": [
            {
                "id": f"o{o}",
                "title": f'Objective {o}: "grow" \\ in {o} weeks',
                "key_results": [
                    {
                        "id": "k",
                        "title": "K",
                        "baseline": 100.0,
                        "target": 250.5,
                        "check_ins": [{"date": "2026-07-08", "value": 120.0, "confidence": 0.7}],
                    }
                ],
            }
            for o in range(20)
        ],
    }
    text = json.dumps(plan)
    russian = json.dumps(plan, ensure_ascii=False).replace("grow", "расти")
    monkeypatch.setattr(jsonfiles, "_within", walked)
    monkeypatch.setattr(jsonfiles, "_parse_checked", walked)
    assert jsonfiles.parse_json(text, "plan.json", Limits()) == plan
    assert jsonfiles.parse_json(russian, "plan.json", Limits()) == json.loads(russian)
    for other in ["\\u0440\\u0430", "\u0663", "рост ١٠"]:  # an escape; Arabic-Indic digits
        with pytest.raises(AssertionError, match="walked"):
            jsonfiles.parse_json(russian.replace("расти", other), "plan.json", Limits())
    for brackets in ["[grow", "grow]]", "{[grow]}", "[" * 70, "[" * 70 + "]" * 70]:
        bracketed = text.replace("grow", brackets)
        assert jsonfiles.parse_json(bracketed, "plan.json", Limits()) == json.loads(bracketed)


def test_default_limits_long_numbers() -> None:
    for literal in ["1" * 30, "1" * 31, "1" * 15 + "." + "1" * 16, "1.0e" + "1" * 29, "9" * 16]:
        _same('{"objectives": [], "x": ' + literal + "}", Limits())


def test_very_deep_nesting() -> None:
    _same("[" * 100_000 + "]" * 100_000, Limits())
    _same('{"a":' * 70 + "1" + "}" * 70, Limits())


def test_hostile_corpus_json_cases() -> None:
    found = 0
    for case in cases():
        try:
            text = case.data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if case.filename.endswith(".json"):
            found += 1
            _same(text, Limits())
    assert found > 0


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**9), 10**9)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=15),
    lambda inner: (
        st.lists(inner, max_size=6)
        | st.dictionaries(
            st.sampled_from(["a", "b", "target", "value", "weight", "x" * 13]), inner, max_size=5
        )
    ),
    max_leaves=40,
)


@given(json_values)
@settings(max_examples=300, deadline=None)
def test_any_json_value_same_as_checked(value: Any) -> None:
    _same(json.dumps(value), SMALL)
    _same(json.dumps(value), Limits())


def test_ordinary_plan_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def checked(*args: object) -> object:
        raise AssertionError("parsed the checked way")

    text = json.dumps(
        {"objectives": [{"id": "o", "title": "O", "key_results": [{"id": "k", "target": 2.5}]}]}
    )
    monkeypatch.setattr(jsonfiles, "_parse_checked", checked)
    assert jsonfiles.parse_json(text, "plan.json", Limits()) == json.loads(text)
    with pytest.raises(AssertionError, match="checked way"):
        jsonfiles.parse_json(text.replace("2.5", "1" * 31), "plan.json", Limits())
