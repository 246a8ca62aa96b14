"""Every example in the README, the docs and the modules' docstrings runs."""

import doctest
import importlib
import pkgutil
import re
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
