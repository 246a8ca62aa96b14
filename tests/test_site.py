"""The documentation site builds with ``mkdocs build --strict`` and has what it promises.

Needs the docs tools (MkDocs, Material, mkdocstrings); the whole module is
skipped when MkDocs is not installed. When ``chromium`` is on PATH the built
pages are also opened in a real headless browser.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote, urlsplit

import pytest

pytest.importorskip(
    "mkdocs", reason="MkDocs is not installed: install the docs tools to build the site"
)

from okrkit import catalogue
from okrkit.cli import build_parser
from okrkit.i18n import SUPPORTED

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def page_text(path: Path) -> str:
    """A built page's text: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def test_catalogue_pages_for_every_locale(site: Path) -> None:
    assert (site / "catalogue" / "index.html").is_file()
    for locale in SUPPORTED:
        base = site / "catalogue" / locale
        assert (base / "index.html").is_file()
        for area in catalogue.areas(locale):
            page = base / "area" / area.id / "index.html"
            assert page.is_file(), page
            text = page_text(page)
            for template in catalogue.templates(locale, area=area.id):
                assert template.id in text
        for role in catalogue.roles(locale):
            assert (base / "role" / role.id / "index.html").is_file()
    assert (site / "catalogue" / "sv" / "area" / "seo" / "index.html").is_file()


def test_catalogue_page_content(site: Path) -> None:
    template = catalogue.get("seo/on-page", "sv")
    text = page_text(site / "catalogue" / "sv" / "area" / "seo" / "index.html")
    assert template.title in text
    assert " ".join(template.why.split()) in " ".join(text.split())
    for kr in template.key_results:
        assert " ".join(kr.title.split()) in " ".join(text.split())
    for initiative in template.initiatives:
        assert " ".join(initiative.title.split()) in " ".join(text.split())


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[str]:
    found = [" ".join(("okrkit", *path))]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += commands(sub, (*path, name))
    return found


def test_cli_reference_has_every_command(site: Path) -> None:
    text = page_text(site / "cli-reference" / "index.html")
    names = commands(build_parser("en"))
    assert {"okrkit templates list", "okrkit render", "okrkit lint"} <= set(names)
    for command in names:
        assert f"usage: {command} " in text or f"usage: {command}\n" in text, command


def test_search_index_has_catalogue_text(site: Path) -> None:
    index_path = site / "search" / "search_index.json"
    assert index_path.is_file()
    index = json.loads(index_path.read_text(encoding="utf-8"))
    text = json.dumps(index, ensure_ascii=False)
    assert catalogue.get("seo/on-page", "sv").title in text
    assert any(doc["location"].startswith("catalogue/sv/area/seo/") for doc in index["docs"])


def test_api_reference_is_built(site: Path) -> None:
    text = page_text(site / "api" / "index.html")
    for name in ("okrkit.catalogue", "okrkit.scoring", "okrkit.i18n", "okrkit.errors"):
        assert name in text
    # doctest examples are shown as code, not as Markdown block quotes
    assert "<blockquote>" not in (site / "api" / "index.html").read_text(encoding="utf-8")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)


def test_no_broken_internal_links(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    broken: list[str] = []
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.urls:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path or url.startswith("/"):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {url}")
    assert not broken, broken[:20]


def load_hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("okrkit_docs_hooks", ROOT / "docs" / "_hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docstring_to_markdown() -> None:
    convert = load_hooks().docstring_to_markdown
    text = "See :func:`~okrkit.lint` and :class:`okrkit.Plan`:\n>>> 1 + 1\n2\n\nDone."
    assert convert(text) == (
        "See `lint` and `okrkit.Plan`:\n\n```pycon\n>>> 1 + 1\n2\n```\n\nDone."
    )
    fenced = "```python\n>>> x = 1\n```"
    assert convert(fenced) == fenced


BROWSER = shutil.which("chromium")


@pytest.mark.skipif(BROWSER is None, reason="chromium is not on PATH")
@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("index.html", "okrkit documentation"),
        ("catalogue/sv/area/seo/index.html", None),
    ],
)
def test_pages_open_in_a_browser(site: Path, tmp_path: Path, page: str, title: str | None) -> None:
    expected = title or catalogue.get("seo/on-page", "sv").title
    result = subprocess.run(
        [
            str(BROWSER),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            (site / page).as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dom = html.unescape(result.stdout)
    assert expected in dom
    assert "<title>" in dom and "okrkit" in dom


@pytest.mark.parametrize("locale", [loc for loc in SUPPORTED if loc != "en"])
def test_catalogue_pages_speak_their_language(locale: str) -> None:
    from okrkit.i18n import translations

    pages = load_hooks().catalogue_pages()
    t = translations(locale)
    index = pages[f"catalogue/{locale}/index.md"]
    for english in ("Areas", "Roles", "All languages", "templates"):
        assert english not in index, (english, locale)
    assert f"## {t.gettext('Areas')}" in index and f"## {t.gettext('Roles')}" in index
    area = pages[f"catalogue/{locale}/area/seo.md"]
    assert t.gettext("Key results") in area and t.gettext("Initiatives") in area
    assert (
        "Area:" not in area
        and t.gettext("{label}: {value}").split("{value}")[0].replace("{label}", t.gettext("Area"))
        in area
    )
    if locale.startswith("zh"):
        assert "Area" not in area and "：" in area
