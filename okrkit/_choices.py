"""The command line's choice lists, as plain tuples that cost nothing to import.

``okrkit --help`` and ``okrkit COMMAND --help`` build the whole argument parser,
and the parser needs the names of output formats, templates, scoring policies,
lint report formats and output schemas. The modules that define them import
pydantic, Jinja and Babel, which would make every start of the command line pay
for a plan it may never read. The lists are therefore repeated here, and
``tests/test_choices.py`` checks that each one equals the real list computed from
its module (in the same order), so they cannot drift apart.

>>> RENDER_FORMATS
('markdown', 'html', 'text', 'csv')
>>> "book" in RENDER_TEMPLATES
True
"""

from __future__ import annotations

__all__ = [
    "LINT_REPORT_FORMATS",
    "LOCALES",
    "OUTPUT_SCHEMAS",
    "PLAN_FORMATS",
    "POLICY_NAMES",
    "RENDER_FORMATS",
    "RENDER_TEMPLATES",
]

#: ``okrkit.rendering.FORMATS``: the document formats, in the order ``--help`` lists them.
RENDER_FORMATS: tuple[str, ...] = ("markdown", "html", "text", "csv")

#: ``okrkit.rendering.TEMPLATES``: the bundled document templates.
RENDER_TEMPLATES: tuple[str, ...] = (
    "document",
    "dashboard",
    "checkin",
    "book",
    "review",
    "company",
)

#: ``okrkit.scoring.POLICIES``: the names of the built-in scoring policies.
POLICY_NAMES: tuple[str, ...] = (
    "default", "stretch", "aligned", "weakest-link", "okr-tracker", "burningokr", "quantive",
    "perdoo", "viva", "puzzle", "google",
)  # fmt: skip

#: ``okrkit.lint_report.REPORT_FORMATS``: the output formats of ``okrkit lint``.
LINT_REPORT_FORMATS: tuple[str, ...] = ("text", "json", "github", "sarif")

#: ``okrkit.schemas.SCHEMAS``: the JSON Schemas of command outputs, by name.
OUTPUT_SCHEMAS: tuple[str, ...] = ("lint", "score")

#: ``okrkit.files.formats.FORMATS``: the plan file formats.
PLAN_FORMATS: tuple[str, ...] = ("yaml", "json")

#: ``okrkit.i18n.SUPPORTED``: okrkit's locales, source language first.
LOCALES: tuple[str, ...] = ("en", "sv", "ru", "vi", "zh_Hans", "zh_Hant")
