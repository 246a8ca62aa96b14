"""The pre-commit hook, run for real with ``pre-commit try-repo`` on a temporary repository.

pre-commit installs the hook (``language: python``) from this checkout into a
fresh virtual environment, so the test checks what a team gets: the ``files``
pattern, several files in one call, and a commit stopped by a broken plan.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing-plan.yaml"

MATCHED = ("okrs.yaml", "team.okr.yaml", "marketing/2027.okrs.yml", "plans/q1.yaml",
           "sub/plans/q2.yml")  # fmt: skip
IGNORED = ("plans/q1.history.yaml", "notes.yaml", "plans/drafts/old.yaml", "okrs.yaml.bak")


def hook() -> dict[str, str]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["okrkit-lint"]
    return dict(hooks[0])


def matches(path: str) -> bool:
    h = hook()
    return bool(re.search(h["files"], path)) and not re.search(h["exclude"], path)


@pytest.mark.parametrize("path", MATCHED)
def test_files_pattern_matches_plan_names(path: str) -> None:
    assert matches(path)


@pytest.mark.parametrize("path", IGNORED)
def test_files_pattern_leaves_other_yaml_alone(path: str) -> None:
    assert not matches(path)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


def try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OKRKIT_", "LANG", "LC_"))}
    env.update(PRE_COMMIT_HOME=str(home), OKRKIT_TODAY="2026-11-27", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "okrkit-lint",
         "--all-files", "--verbose", "--color", "never"],
        cwd=repo, capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip


def test_pre_commit_try_repo_lints_every_matched_file(tmp_path: Path) -> None:
    repo, home = tmp_path / "team", tmp_path / "pre-commit-home"
    repo.mkdir()
    git(repo, "init", "-q")
    for name in MATCHED:
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(EXAMPLE, repo / name)
    for name in IGNORED:  # none of these is a plan: linting them would fail
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("just: [notes\n", encoding="utf-8")
    git(repo, "add", "-A")

    passed = try_repo(repo, home)
    out = passed.stdout + passed.stderr
    assert passed.returncode == 0, out
    for name in MATCHED:
        assert f"{name}:" in out, (name, out)
    for name in IGNORED:
        assert f"{name}:" not in out, (name, out)

    (repo / "plans" / "broken.yaml").write_text(
        "objectives:\n  - id: a\n    title: A\n    weight: heavy\n", encoding="utf-8"
    )
    git(repo, "add", "-A")
    failed = try_repo(repo, home)
    out = failed.stdout + failed.stderr
    assert failed.returncode == 1, out
    assert "plans/broken.yaml:4:5: error: objectives[0].weight" in out
    assert "okrs.yaml:" in out  # the other files are still linted in the same run
