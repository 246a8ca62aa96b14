"""Lint plan files and report the findings where tools read them.

:func:`lint_files` lints each file and places every :class:`~okrkit.linting.Finding`
at its line and column (:mod:`okrkit.positions`); a file that cannot be read or
validated becomes findings of the rule ``invalid-plan`` instead of stopping the
run, so one broken file in a commit does not hide the others' findings.

The located findings then print as

* :func:`as_text`: ``file:line:column: severity: message [rule]``, one per line,
  the form compilers use and editors jump to;
* :func:`as_json`: a versioned document (``"format": 1``) for scripts;
* :func:`as_github`: GitHub Actions workflow commands (``::warning file=...``),
  which show as annotations on the pull request's diff;
* :func:`as_sarif`: a SARIF 2.1.0 log for code-scanning tools.

>>> import datetime as dt
>>> report = lint_files(["examples/marketing-plan.yaml"], on=dt.date(2026, 11, 27))
>>> print(as_text(report).splitlines()[0])  # doctest: +ELLIPSIS
examples/marketing-plan.yaml:...: warning: ... [...]
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from okrkit._version import __version__
from okrkit.errors import Message, OKRError
from okrkit.errors import ValidationError as PlanValidationError
from okrkit.i18n import LocaleMatch, resolve_locale, translations
from okrkit.linting import RULES, Severity
from okrkit.positions import Position, positions

__all__ = [
    "FORMAT_VERSION",
    "INVALID_PLAN",
    "REPORT_FORMATS",
    "SARIF_SCHEMA",
    "LintReport",
    "LocatedFinding",
    "as_github",
    "as_json",
    "as_sarif",
    "as_text",
    "dumps",
    "lint_files",
]

#: The version of the ``--format json`` document; it changes only when a field does.
FORMAT_VERSION = 1

#: The rule id of a file that is not a plan okrkit can read.
INVALID_PLAN = "invalid-plan"

#: The report formats, by name.
REPORT_FORMATS = ("text", "json", "github", "sarif")

#: The ``$schema`` of the SARIF logs okrkit writes.
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_INFORMATION_URI = "https://github.com/okrkit/okrkit"
_RULES_URI = "https://github.com/okrkit/okrkit/blob/main/docs/lint.md"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


_INVALID_SUMMARY = N_("The file is a plan okrkit can read")
_SEVERITY_LABELS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


@dataclass(frozen=True, slots=True)
class LocatedFinding:
    """A finding in a file: ``file`` as given, ``line``/``column`` (1-based) when known."""

    file: str
    rule: str
    severity: Severity
    message: str
    path: str = ""
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class LintReport:
    """The findings of one lint run over ``files``, in ``locale``, judged ``on`` a date."""

    files: tuple[str, ...]
    findings: tuple[LocatedFinding, ...]
    on: dt.date
    locale: LocaleMatch = field(default_factory=lambda: resolve_locale("en"))

    def failed(self, *, strict: bool = False) -> bool:
        """Whether any finding is an error (with ``strict``, a warning too)."""
        failing = {"error", "warning"} if strict else {"error"}
        return any(f.severity in failing for f in self.findings)


def _read(path: str) -> tuple[str, str]:
    """The text and the name to report for ``path`` (``-`` is standard input)."""
    import sys

    from okrkit.files.reader import read_text

    if path == "-":
        return sys.stdin.read(), "<stdin>"
    return read_text(path), path


def _lint_one(
    path: str, match: LocaleMatch, on: dt.date, disable: Iterable[str]
) -> list[LocatedFinding]:
    from okrkit.io import Format, loads
    from okrkit.linting import lint

    name = "<stdin>" if path == "-" else path
    try:
        text, name = _read(path)
        fmt: Format = "json" if name.lower().endswith(".json") else "yaml"
        plan = loads(text, fmt, source=name)
    except PlanValidationError as exc:
        where = positions(text)
        out = []
        for field_path, message in exc.errors:
            at = where.find(field_path)
            if isinstance(message, Message):  # okrkit's and pydantic's, in the report's language
                message = message.localized(match)
            detail = f"{field_path}: {message}" if field_path else message
            out.append(_located(name, INVALID_PLAN, "error", detail, field_path, at))
        return out
    except OKRError as exc:
        # "plan.yaml:3: not valid YAML: ..." -> line 3, and the message without the name
        message = exc.localized(match)
        # (Chinese messages follow the name with a full-width colon: "plan.yaml：文件不存在")
        named = re.match(rf"{re.escape(name)}(?::(\d+))?(?:: |：)(.*)", message, re.S)
        if named is None:
            return [LocatedFinding(name, INVALID_PLAN, "error", message)]
        line = int(named[1]) if named[1] else None
        return [LocatedFinding(name, INVALID_PLAN, "error", named[2], line=line)]
    where = positions(text)
    return [
        _located(name, f.rule, f.severity, f.message, f.path, where.find(f.path))
        for f in lint(plan, locale=match, on=on, disable=disable)
    ]


def _located(
    file: str, rule: str, severity: Severity, message: str, path: str, at: Position | None
) -> LocatedFinding:
    line, column = (at.line, at.column) if at is not None else (None, None)
    return LocatedFinding(file, rule, severity, message, path, line, column)


def lint_files(
    paths: Sequence[str],
    *,
    locale: str | LocaleMatch = "en",
    on: dt.date | None = None,
    disable: Iterable[str] = (),
) -> LintReport:
    """Lint every plan file in ``paths`` (``-`` reads standard input) as of ``on``.

    Findings keep the order of the files, and within a file :func:`okrkit.lint`'s
    order. Unknown rule ids in ``disable`` raise :class:`~okrkit.OKRError` before
    any file is read.
    """
    from okrkit.linting import _check_ids

    match = resolve_locale(locale)
    disabled = _check_ids(disable, "disable")
    day = on or dt.date.today()
    findings = [f for p in paths for f in _lint_one(p, match, day, disabled)]
    names = tuple("<stdin>" if p == "-" else p for p in paths)
    return LintReport(names, tuple(findings), day, match)


# -- formats ------------------------------------------------------------------------------


def _where(f: LocatedFinding) -> str:
    if f.line is None:
        return f.file
    return f"{f.file}:{f.line}:{f.column}" if f.column is not None else f"{f.file}:{f.line}"


def as_text(report: LintReport, *, paint: Callable[[Severity, str], str] | None = None) -> str:
    """One line per finding, ``file:line:column: severity: message [rule]``, in the
    report's locale; the empty string when there are no findings. ``paint`` may
    decorate the severity label (a terminal's colours)."""
    gettext = translations(report.locale).gettext
    lines = []
    for f in report.findings:
        label = gettext(_SEVERITY_LABELS[f.severity])
        if paint is not None:
            label = paint(f.severity, label)
        lines.append(f"{_where(f)}: {label}: {f.message} [{f.rule}]\n")
    return "".join(lines)


def as_json(report: LintReport) -> dict[str, Any]:
    """The report as data for ``json.dumps``: ``format``, ``on``, ``files``, ``findings``
    (each with ``file``, ``line``, ``column``, ``rule``, ``severity``, ``path``, ``message``)."""
    return {
        "format": FORMAT_VERSION,
        "on": report.on.isoformat(),
        "files": list(report.files),
        "findings": [
            {
                "file": f.file,
                "line": f.line,
                "column": f.column,
                "rule": f.rule,
                "severity": f.severity,
                "path": f.path,
                "message": f.message,
            }
            for f in report.findings
        ],
    }


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(report: LintReport) -> str:
    """GitHub Actions workflow commands, one per finding: ``::warning file=...,line=...,
    col=...,title=...::message`` (``info`` findings are notices)."""
    lines = []
    for f in report.findings:
        props = [f"file={_escape_property(f.file)}"]
        if f.line is not None:
            props.append(f"line={f.line}")
        if f.column is not None:
            props.append(f"col={f.column}")
        props.append(f"title={_escape_property('okrkit ' + f.rule)}")
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_escape_data(f.message)}")
    return "".join(line + "\n" for line in lines)


def _artifact(file: str) -> dict[str, str]:
    """A SARIF artifactLocation: a relative URI against %SRCROOT%, or an absolute file URI."""
    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(path.as_posix()), "uriBaseId": "%SRCROOT%"}


def _sarif_rules(report: LintReport) -> list[dict[str, Any]]:
    gettext = translations(report.locale).gettext
    descriptors = [(r.id, r.summary, r.severity) for r in RULES.values()]
    descriptors.append((INVALID_PLAN, _INVALID_SUMMARY, "error"))
    return [
        {
            "id": rule_id,
            "shortDescription": {"text": gettext(summary)},
            "helpUri": f"{_RULES_URI}#{rule_id}",
            "defaultConfiguration": {"level": _SARIF_LEVEL[severity]},
        }
        for rule_id, summary, severity in descriptors
    ]


def _sarif_result(f: LocatedFinding, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": f.message},
    }
    if f.file != "<stdin>":
        physical: dict[str, Any] = {"artifactLocation": _artifact(f.file)}
        if f.line is not None:
            region = {"startLine": f.line}
            if f.column is not None:
                region["startColumn"] = f.column
            physical["region"] = region
        location: dict[str, Any] = {"physicalLocation": physical}
        if f.path:
            location["logicalLocations"] = [{"fullyQualifiedName": f.path, "kind": "member"}]
        result["locations"] = [location]
    return result


def as_sarif(report: LintReport) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log (data for ``json.dumps``), one run of okrkit with
    every rule described in the report's locale."""
    rules = _sarif_rules(report)
    index = {r["id"]: i for i, r in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "okrkit",
                        "version": __version__,
                        "informationUri": _INFORMATION_URI,
                        "language": report.locale.locale.replace("_", "-"),
                        "rules": rules,
                    }
                },
                "invocations": [{"executionSuccessful": True}],
                "columnKind": "unicodeCodePoints",
                "results": [_sarif_result(f, index) for f in report.findings],
            }
        ],
    }


def dumps(data: dict[str, Any]) -> str:
    """JSON text for :func:`as_json` or :func:`as_sarif` data."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
