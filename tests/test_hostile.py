"""Hostile and careless input: every case a clear one-line error, never a traceback.

Each case of tests/hostile_corpus.py runs through the real CLI in a subprocess:
exit status 1, one line on stderr naming the file, the line and the field, no
traceback, and the same case through the library raises an OKRError subclass.
Speed and memory bounds are measured in benchmarks/bench_hostile.py.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import Case, cases, many_invalid_objectives
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import okrkit
from okrkit.files import LimitError, Limits

ROOT = Path(__file__).resolve().parent.parent
CASES = cases()


def okrkit_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("OKRKIT_LOCALE", "OKRKIT_DEBUG")}
    base.update({"PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "okrkit", *args],
        capture_output=True, text=True, env=base, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_cli_gives_one_clear_line(tmp_path: Path, case: Case) -> None:
    path = tmp_path / case.filename
    path.write_bytes(case.data)
    result = okrkit_cli(case.command, str(path))
    err = result.stderr
    assert result.returncode == 1, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"okrkit: error: {path}"), err
    if case.line is not None:
        assert err.startswith(f"okrkit: error: {path}:{case.line}: "), err
    if case.field is not None:
        assert case.field in err, err
    assert case.says in err, err
    assert result.stdout == ""


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_library_raises_only_okr_errors(tmp_path: Path, case: Case) -> None:
    path = tmp_path / case.filename
    path.write_bytes(case.data)
    with pytest.raises(okrkit.OKRError) as info:
        plan = okrkit.load(path)
        okrkit.render(plan)  # the render cases fail on load already; nothing reaches Babel
    assert case.says in str(info.value)


def test_error_output_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_bytes(many_invalid_objectives(20_000))
    result = okrkit_cli("score", str(path))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(lines) == 21, lines[:3]
    assert lines[0].startswith(
        f"okrkit: error: {path}:2: objectives[0].title: required field is missing"
    )
    assert lines[-1] == "  ... and 39,980 more problems"  # 2 per objective, 20 shown
    with pytest.raises(okrkit.ValidationError) as info:
        okrkit.load(path, limits=Limits(max_errors=3))
    assert len(info.value.errors) == 40_000 and len(str(info.value).splitlines()) == 4


def test_limits_are_configurable(tmp_path: Path) -> None:
    text = "title: " + "x" * 200 + "\nobjectives: []\n"
    with pytest.raises(LimitError, match=r"<text>:1: title: text of 200 characters.*max_string"):
        okrkit.loads(text, limits=Limits(max_string_length=100))
    assert okrkit.loads(text, limits=Limits(max_string_length=200)).title == "x" * 200
    big = (
        "objectives:\n  - {id: o, title: O, key_results:"
        " [{id: k, title: K, baseline: 0, target: 2e+15}]}\n"
    )
    with pytest.raises(LimitError, match="max_magnitude"):
        okrkit.loads(big)
    assert okrkit.loads(big, limits=Limits(max_magnitude=1e16)).key_result("k")[1].target == 2e15
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LimitError, match=r"p\.yaml: 223 bytes; plans are limited to 100 bytes"):
        okrkit.load(path, limits=Limits(max_bytes=100))
    with pytest.raises(LimitError, match="max_depth"):
        okrkit.loads('{"objectives": [[[]]]}', "json", limits=Limits(max_depth=3))
    with pytest.raises(ValueError, match=r"Limits\.max_nodes must be a positive number"):
        Limits(max_nodes=-1)


def test_aliases_and_merge_keys_within_the_budget_still_work() -> None:
    text = (
        "objectives:\n"
        "  - id: o\n"
        "    title: O\n"
        "    key_results:\n"
        "      - &kr {id: a, title: Grow SQLs, baseline: 100, target: 200}\n"
        "      - {<<: *kr, id: b, target: 300}\n"
    )
    plan = okrkit.loads(text)
    assert [(k.id, k.title, k.target) for k in plan.objectives[0].key_results] == [
        ("a", "Grow SQLs", 200),
        ("b", "Grow SQLs", 300),
    ]


def test_non_utf8_terminal_degrades_characters(tmp_path: Path) -> None:
    path = tmp_path / "plän.yaml"
    path.write_text(
        "title: Växa — 増長\nobjectives:\n  - id: o\n    title: Tiếp cận khách hàng\n"
        "    key_results:\n      - {id: k, title: Đơn hàng, baseline: 1, target: 9}\n",
        encoding="utf-8",
    )
    env = {"PYTHONIOENCODING": "ascii", "LANG": "C"}
    missing = str(tmp_path / "nöpe.yaml")
    commands = [
        ["score", str(path)],
        ["render", str(path), "--locale", "ru"],
        ["render", str(path), "--locale", "zh_Hant", "--format", "text"],
        ["lint", str(path)],
        ["score", missing, "--locale", "vi"],
    ]
    for args in commands:
        result = okrkit_cli(*args, env=env)
        assert "Traceback" not in result.stderr and "UnicodeEncodeError" not in result.stderr
        assert result.returncode in (0, 1), result.stderr
    score = okrkit_cli("score", str(path), env=env)
    assert "Tiep can khach hang" in score.stdout  # accents dropped, letters kept
    missing = okrkit_cli("score", str(tmp_path / "nöpe.yaml"), env=env)
    assert "nope.yaml" in missing.stderr and missing.returncode == 1


def test_an_unexpected_bug_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("objectives: []\n", encoding="utf-8")
    code = (
        "import sys, okrkit.cli.score as s\n"
        "def boom(ctx): raise ZeroDivisionError('surprise')\n"
        "s.run = boom\n"
        "from okrkit.cli import main\n"
        "sys.exit(main(['score', sys.argv[1]]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 70, result.stderr
    assert result.stderr.startswith("okrkit: error: unexpected ZeroDivisionError: surprise;")
    assert len(result.stderr.splitlines()) == 1


# Fuzzing: any text, YAML or JSON, gives a plan or an OKRError, nothing else.
_PIECES = [
    *"ab:-[]{},&*!|>'\"#\n 0123456789.e%~",
    *["id", "title", "objectives", "key_results", "check_ins", "2026-02-30", "!!binary"],
    *["<<", "1_200_000", "\t", "\x00", "é", "  - ", "{id: k, title: K, target: 9}"],
]
_yamlish = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_yamlish, fmt=st.sampled_from(["yaml", "json"]))
def test_fuzzed_text_gives_a_plan_or_an_okr_error(text: str, fmt: str) -> None:
    with contextlib.suppress(okrkit.OKRError):
        okrkit.loads(text, fmt, source="fuzz")  # type: ignore[arg-type]
