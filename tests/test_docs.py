"""Every example in the README, the docs and the modules' docstrings runs."""

import doctest
import importlib
import os
import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import okrkit

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
MODULES = sorted(
    m.name for m in pkgutil.walk_packages(okrkit.__path__, "okrkit.") if m.name != "okrkit.__main__"
)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


FENCE = re.compile(r"^```(?:python|pycon)\n(.*?)^```", re.S | re.M)


def run_page(page: Path) -> doctest.TestResults:
    """Run the ``>>>`` examples in a page's ```python blocks, sharing one namespace."""
    text = page.read_text(encoding="utf-8")
    source = "\n".join(block.rstrip() + "\n" for block in FENCE.findall(text))
    test = doctest.DocTestParser().get_doctest(source, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test)
    return runner.summarize(verbose=False)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_markdown_examples(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run_page(page)
    assert result.failed == 0


def test_readme_has_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert run_page(ROOT / "README.md").attempted >= 5


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=FLAGS, verbose=False)
    assert result.failed == 0


CONSOLE = re.compile(r"^```console\n(.*?)^```", re.S | re.M)


def console_sessions(page: Path) -> list[tuple[str, str]]:
    """``(command, expected output)`` pairs from a page's ```console blocks."""
    pairs: list[tuple[str, str]] = []
    for block in CONSOLE.findall(page.read_text(encoding="utf-8")):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            pairs.append((command, output))
    return pairs


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_console_examples(page: Path, tmp_path: Path) -> None:
    """Shell sessions in the docs run for real, in order, in a folder with plan.yaml
    (a copy of examples/marketing-plan.yaml) and a copy of examples/."""
    sessions = console_sessions(page)
    if not sessions:
        return
    shutil.copy(ROOT / "examples" / "marketing-plan.yaml", tmp_path / "plan.yaml")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANGUAGE", "LANG", "LC_ALL", "LC_MESSAGES", "OKRKIT_TODAY")
    }
    env.update(PYTHONPATH=str(ROOT), NO_COLOR="1", OKRKIT_LOCALE="en")
    for command, expected in sessions:
        shell = command.replace("okrkit ", f"{sys.executable} -m okrkit ")
        result = subprocess.run(
            shell + " 2>&1", shell=True, cwd=tmp_path, env=env, capture_output=True, text=True
        )
        got = "\n".join(line.rstrip() for line in result.stdout.splitlines())
        want = "\n".join(line.rstrip() for line in expected.rstrip("\n").splitlines())
        assert got == want, f"$ {command}\n--- expected\n{want}\n--- got\n{got}"


def test_every_cli_command_is_documented_with_help() -> None:
    from okrkit.cli import build_parser

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = build_parser("en")
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, sub in commands.items():
        assert f"okrkit {name}" in text, name
        assert sub.format_help().strip()
    for name in ("list", "show", "book"):
        assert f"okrkit templates {name}" in text


def test_every_policy_is_documented() -> None:
    text = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    for name in okrkit.POLICIES:
        assert f"`{name}`" in text
