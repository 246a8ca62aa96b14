"""MkDocs hooks: generate the catalogue browser and the CLI reference at build time.

Nothing here is copied by hand: every page comes from the bundled catalogue
data (:mod:`okrkit.catalogue`) and the real argument parser
(:func:`okrkit.cli.build_parser`), so the site cannot drift from the package.

Generated pages:

* ``catalogue/index.md``: links to one index per locale;
* ``catalogue/<locale>/index.md``: the locale's areas and roles;
* ``catalogue/<locale>/area/<id>.md`` and ``catalogue/<locale>/role/<id>.md``:
  the templates of one area or role, with why, key results and initiatives;
* ``cli-reference.md``: ``--help`` of every command and subcommand.

The module also holds :class:`DocstringMarkdown`, a Griffe extension that
mkdocstrings loads (``extensions:`` in ``mkdocs.yml``) to show the modules'
reStructuredText-ish docstrings as Markdown: doctest examples become
``pycon`` code blocks and roles such as ``:class:`~okrkit.Plan``` inline code.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Iterator
from typing import Any

from griffe import Extension, Object
from mkdocs.structure.files import File, Files

from okrkit import catalogue
from okrkit.catalogue import Label, Template
from okrkit.cli import build_parser
from okrkit.formatting import format_list, format_number, label, parenthesize
from okrkit.i18n import SUPPORTED, locales, resolve_locale, translations
from okrkit.rendering import template_goal, templates_money_style

CATALOGUE_DIR = "catalogue"
CLI_REFERENCE = "cli-reference.md"
HELP_COLUMNS = "88"

_ROLE = re.compile(r":(?:attr|class|data|exc|func|meth|mod|obj):`(~?)([^`]+)`")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def N_(message: str) -> str:
    """Mark a message for extraction (``babel.cfg`` reads this file); translated where shown."""
    return message


# The catalogue pages' own labels, in okrkit's message catalogue like the rest.
AREAS = N_("Areas")
ROLES = N_("Roles")
ALL_LANGUAGES = N_("All languages")
NO_TEMPLATES = N_("No templates.")


def _count(n: int, locale: str) -> str:
    text: str = translations(locale).ngettext("{n} template", "{n} templates", n)
    return text.replace("{n}", format_number(n, locale))


def _md(text: str) -> str:
    """``text`` with Markdown's inline specials escaped, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _role_to_code(match: re.Match[str]) -> str:
    short, target = match.groups()
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


def docstring_to_markdown(text: str) -> str:
    """A docstring's roles as inline code and its doctest examples fenced as ``pycon``.

    ``See :func:`~okrkit.lint`.`` becomes ``See `lint`.``; a run of lines from
    one starting with ``>>>`` up to the next blank line gets a ```` ```pycon ```` fence.
    """
    out: list[str] = []
    fence = ""  # indentation of the open pycon fence, or "" when none is open
    in_example = in_code = False
    for line in text.split("\n"):
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        if in_example and not stripped:
            out.append(f"{fence}```")
            in_example = False
        elif not in_example and stripped.startswith("```"):
            in_code = not in_code
        elif not in_example and not in_code and stripped.startswith(">>>"):
            fence, in_example = indent, True
            if out and out[-1].strip():
                out.append("")  # a fence must not continue a paragraph
            out.append(f"{fence}```pycon")
        if not in_example and not in_code:
            line = _ROLE.sub(_role_to_code, line)
        out.append(line)
    if in_example:
        out.append(f"{fence}```")
    return "\n".join(out)


class DocstringMarkdown(Extension):
    """Griffe extension: rewrite each docstring with :func:`docstring_to_markdown`."""

    def on_instance(self, *, obj: Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = docstring_to_markdown(obj.docstring.value)


def _template_section(template: Template, locale: str, here: str, compact: bool) -> list[str]:
    """A template as Markdown: a heading, why, key results and initiatives.

    ``here`` is ``"area"`` or ``"role"``: the kind of page the section is on,
    so links to the other pages are relative to it. ``compact`` is the page's
    one money style.
    """
    template = template.with_money_style(compact)
    gettext = translations(locale).gettext
    match = resolve_locale(locale)
    lines = [f"## {_md(template.title)}", "", f"`{template.id}`", ""]
    if template.committed:
        lines += [f"**{_md(gettext('Committed'))}**", ""]
    lines += [_md(template.why), ""]
    area_link = f"[{_md(template.area.label)}](../area/{template.area.id}.md)"
    if here == "area":
        area_link = _md(template.area.label)
    role_links = format_list(
        [f"[{_md(r.label)}](../role/{r.id}.md)" for r in template.roles], locale
    )
    lines += [f"{label(_md(gettext('Area')), area_link, locale)} · {role_links}", ""]
    lines += [f"### {_md(gettext('Key results'))}", ""]
    for kr in template.key_results:
        goal = template_goal(template, kr, match, compact=compact)
        title = parenthesize(kr.title, goal, locale) if goal else kr.title
        lines.append(f"1. {_md(title)}")
    lines.append("")
    if template.initiatives:
        lines += [f"### {_md(gettext('Initiatives'))}", ""]
        lines += [f"- {_md(i.title)}" for i in template.initiatives]
        lines.append("")
    return lines


def _listing_page(heading: str, locale: str, name: str, found: list[Template], here: str) -> str:
    lines = [f"# {_md(heading)}", "", f"[{_md(name)}](../index.md) · `{locale}`", ""]
    if not found:
        lines += [_md(translations(locale).gettext(NO_TEMPLATES)), ""]
    compact = templates_money_style(found)  # one money style per page
    for template in found:
        lines += _template_section(template, locale, here, compact)
    return "\n".join(lines)


def _index_entries(
    labels: list[Label], kind: str, counts: dict[str, int], locale: str
) -> list[str]:
    links = [(f"[{_md(x.label)}]({kind}/{x.id}.md)", _count(counts[x.id], locale)) for x in labels]
    return [f"- {parenthesize(link, count, locale)}" for link, count in links]


def catalogue_pages() -> dict[str, str]:
    """Every catalogue browser page, as ``{docs-relative path: Markdown}``."""
    names = dict(locales())
    pages: dict[str, str] = {}
    top = [
        "# Catalogue browser",
        "",
        "Every template of the bundled catalogue, by area and by role, in each",
        "supported language. These pages are generated from the package's data",
        "when the site is built; see [The catalogue](../catalogue.md) for the API",
        "and the `okrkit templates` commands.",
        "",
    ]
    for locale in SUPPORTED:
        name = names[locale]
        count = len(catalogue.templates(locale))
        top.append(f"- [{_md(name)}]({locale}/index.md) (`{locale}`, {count} templates)")
        areas = catalogue.areas(locale)
        roles = catalogue.roles(locale)
        area_counts = {a.id: len(catalogue.templates(locale, area=a.id)) for a in areas}
        role_counts = {r.id: len(catalogue.templates(locale, role=r.id)) for r in roles}
        gettext = translations(locale).gettext
        index = [
            f"# {_md(name)}",
            "",
            f"`{locale}` · {_count(count, locale)} · [{_md(gettext(ALL_LANGUAGES))}](../index.md)",
            "",
            f"## {_md(gettext(AREAS))}",
            "",
            *_index_entries(areas, "area", area_counts, locale),
            "",
            f"## {_md(gettext(ROLES))}",
            "",
            *_index_entries(roles, "role", role_counts, locale),
            "",
        ]
        pages[f"{CATALOGUE_DIR}/{locale}/index.md"] = "\n".join(index)
        for area in areas:
            found = catalogue.templates(locale, area=area.id)
            pages[f"{CATALOGUE_DIR}/{locale}/area/{area.id}.md"] = _listing_page(
                area.label, locale, name, found, "area"
            )
        for role in roles:
            found = catalogue.templates(locale, role=role.id)
            pages[f"{CATALOGUE_DIR}/{locale}/role/{role.id}.md"] = _listing_page(
                role.label, locale, name, found, "role"
            )
    top.append("")
    pages[f"{CATALOGUE_DIR}/index.md"] = "\n".join(top)
    return pages


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """``parser`` and every subparser below it, depth first, with its command path."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def command_help() -> list[tuple[str, str]]:
    """``(command, --help text)`` for ``okrkit`` and each of its subcommands, in English."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = HELP_COLUMNS  # argparse wraps to the terminal: fix the width
    try:
        parser = build_parser("en")
        return [(" ".join(("okrkit", *path)), p.format_help()) for path, p in _commands(parser)]
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def cli_reference_page() -> str:
    lines = [
        "# CLI reference",
        "",
        "The `--help` of every `okrkit` command, generated from the real argument",
        "parser when the site is built. [The command line](cli.md) explains the",
        "commands with examples.",
        "",
    ]
    for command, text in command_help():
        lines += [f"## `{command}`", "", "```text", text.rstrip(), "```", ""]
    return "\n".join(lines)


def on_files(files: Files, *, config: Any) -> Files:
    """Add the generated pages to the site (MkDocs >= 1.6: ``File.generated``)."""
    generated = {**catalogue_pages(), CLI_REFERENCE: cli_reference_page()}
    for src_uri, content in generated.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=content))
    return files
