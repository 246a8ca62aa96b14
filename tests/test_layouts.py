"""Round-trip editing: a check-in changes only the lines it adds, whatever the file's style.

Each plan in tests/layouts/ (block, flow, flow lists, anchors, CRLF, JSON with
2, 4 and tab indentation) gets check-ins through the real CLI and edits through
okrkit.edit; the diff against the original may only add lines (or, where the
check-ins live in a one-line flow list, change that one line).
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import okrkit

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ROOT / "tests" / "layouts"

# file, key result, where its check-ins live: "block" (lines are added) or "line"
# (a one-line flow list: that line changes, nothing else).
CASES = [
    ("block.yaml", "sqls", "block"),
    ("block.yaml", "mql-to-sql", "block"),
    ("flow.yaml", "reach", "line"),
    ("flow.yaml", "share", "line"),
    ("flow-lists.yaml", "visitors", "line"),
    ("flow-lists.yaml", "page-one", "block"),
    ("crlf.yaml", "meetings", "block"),
    ("crlf.yaml", "nps", "block"),
    ("anchors.yaml", "expansion", "line"),
    ("anchors.yaml", "churn", "rewrite"),  # an anchor others merge: see the test
    ("indent2.json", "cac", "json"),
    ("indent2.json", "roas", "json"),
    ("indent4.json", "cac", "json"),
    ("tabs.json", "roas", "json"),
]


def checkin(path: Path, kr: str, value: str, day: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("OKRKIT_LOCALE", None)
    return subprocess.run(
        [sys.executable, "-m", "okrkit", "checkin", str(path), kr, value, "--date", day,
         "--note", "Partner webinar", "--locale", "en"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def changes(before: list[str], after: list[str]) -> tuple[list[str], list[str]]:
    """Lines removed from ``before`` and lines added in ``after``; a line that only
    gained a trailing comma (JSON's separator before an appended item) is unchanged."""
    before = [line.removesuffix(",") for line in before]
    after = [line.removesuffix(",") for line in after]
    removed, added = [], []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            removed += before[a1:a2]
            added += after[b1:b2]
    return removed, added


@pytest.mark.parametrize(("name", "kr", "style"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_checkin_changes_only_what_it_adds(tmp_path: Path, name: str, kr: str, style: str) -> None:
    path = tmp_path / name
    shutil.copy(LAYOUTS / name, path)
    original = path.read_bytes()
    result = checkin(path, kr, "42", "2026-07-24")
    assert result.returncode == 0, result.stderr
    if style == "rewrite":
        # Adding check-ins to an anchored mapping would add them to every mapping that
        # merges it, so the text cannot be patched; the plan is written whole, and says so.
        assert "file rewritten" in result.stderr
        assert okrkit.load(path) == _with_check_in(okrkit.load(LAYOUTS / name), kr)
        return
    assert "rewritten" not in result.stderr, result.stderr
    after = path.read_bytes()
    crlf = b"\r\n" in original
    if crlf:
        assert after.count(b"\r\n") == after.count(b"\n")  # every line still ends in CRLF
    old = original.decode().splitlines()
    new = after.decode().splitlines()
    removed, added = changes(old, new)
    if style == "line":
        assert len(removed) == 1 and len(added) == 1, (removed, added)
        assert added[0].startswith(removed[0].rstrip("]}").rstrip("]"))
        assert "2026-07-24" in added[0] and "Partner webinar" in added[0]
    elif style == "json":
        assert removed == [], removed
        assert any('"2026-07-24"' in line for line in added)
        indent = next(line for line in old[1:] if line.strip())
        assert next(line for line in new[1:] if line.strip()).startswith(
            indent[: len(indent) - len(indent.lstrip())]
        )
    else:
        assert removed == [], removed
        assert any("2026-07-24" in line for line in added)
    plan = okrkit.load(path)
    latest = plan.key_result(kr)[1].latest_check_in()
    assert latest is not None and latest.value == 42 and latest.note == "Partner webinar"
    assert plan == _with_check_in(okrkit.load(LAYOUTS / name), kr)


def _with_check_in(plan: okrkit.Plan, kr: str) -> okrkit.Plan:
    plan.key_result(kr)[1].check_ins.append(
        okrkit.CheckIn(date="2026-07-24", value=42, note="Partner webinar")
    )
    return okrkit.loads(okrkit.dumps(plan))


def test_json_keeps_key_order_and_indentation(tmp_path: Path) -> None:
    for name in ("indent2.json", "indent4.json", "tabs.json"):
        path = tmp_path / name
        shutil.copy(LAYOUTS / name, path)
        assert checkin(path, "roas", "3.1", "2026-07-24").returncode == 0
        text = path.read_text(encoding="utf-8")
        assert text.index('"title": "ROAS"') < text.index('"id": "roas"')  # the file's order
        if name == "tabs.json":
            assert '\n\t"title"' in text and "Nordics ✓" in text and not text.endswith("\n")


@pytest.mark.parametrize("name", sorted(p.name for p in LAYOUTS.iterdir()))
def test_edit_in_code_keeps_the_layout(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copy(LAYOUTS / name, path)
    old = path.read_text(encoding="utf-8").splitlines()
    with okrkit.edit(path) as plan:
        objective = plan.objectives[0]
        objective.key_results[-1].check_ins.append(okrkit.CheckIn(date="2026-08-07", value=7))
        objective.title = "Renamed objective"
    new = path.read_text(encoding="utf-8").splitlines()
    removed, added = changes(old, new)
    title = okrkit.load(LAYOUTS / name).objectives[0].title
    others = [line for line in removed if title not in line]
    # Besides the title, at most the one-line flow mapping of the key result changed.
    assert len(others) <= 1 and all(line.lstrip().startswith("- {") for line in others), removed
    assert any("Renamed objective" in line for line in added)
    again = okrkit.load(path)
    assert again.objectives[0].title == "Renamed objective"
    assert again.objectives[0].key_results[-1].check_ins[-1].value == 7
    comments = [line for line in old if line.lstrip().startswith("#")]
    assert all(c in new for c in comments)
