"""Every error the CLI prints reads in the user's language.

Two checks: a corpus of bad input (tests/hostile_corpus.py, missing files, bad
dates, unknown ids, bad periods, bad check-ins) runs through the CLI in English,
Swedish and Simplified Chinese, and no run of three English words of the English
message survives in the translated one; and an AST walk of okrkit/ finds no
``raise SomeError(f"...")`` with English text outside an allowlist of internal
errors (programming errors, messages from other libraries).
"""

from __future__ import annotations

import ast
import io
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_corpus import cases

from okrkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
KR = (
    "period: 2026-Q3\n"
    "objectives:\n"
    "  - id: o\n"
    "    title: Grow\n"
    "    key_results:\n"
    "      - id: k\n"
    "        title: SQLs\n"
    "        baseline: 1\n"
    "        target: 9\n"
)
MILESTONE = KR.replace("        baseline: 1\n        target: 9\n", "        kind: milestone\n")

#: (name, file text or None for no file, command line with {plan} for the file's path)
EXTRA: list[tuple[str, str | None, list[str]]] = [
    ("missing file", None, ["score", "{plan}"]),
    ("bad period", KR.replace("2026-Q3", "2026-Q5"), ["score", "{plan}"]),
    ("bad month", KR.replace("2026-Q3", "2026-13"), ["score", "{plan}"]),
    (
        "end before start",
        KR.replace("2026-Q3", "{start: 2026-05-01, end: 2026-04-01}"),
        ["score", "{plan}"],
    ),
    ("bad locale in plan", "locale: klingon\n" + KR, ["score", "{plan}"]),
    ("unknown field", KR + "        colour: red\n", ["score", "{plan}"]),
    ("missing title", KR.replace("    title: Grow\n", ""), ["score", "{plan}"]),
    ("bad unit", KR + "        unit: parsecs\n", ["score", "{plan}"]),
    ("bad currency", KR + "        unit: currency\n        currency: XYZ\n", ["score", "{plan}"]),
    ("target equals baseline", KR.replace("target: 9", "target: 1"), ["score", "{plan}"]),
    (
        "increase below",
        KR.replace("target: 9", "target: 0") + "        direction: increase\n",
        ["score", "{plan}"],
    ),
    ("percent on count", KR.replace("target: 9", "target: '9%'"), ["score", "{plan}"]),
    (
        "duplicate kr",
        KR + "      - {id: k, title: Again, baseline: 1, target: 3}\n",
        ["score", "{plan}"],
    ),
    (
        "dangling parent",
        KR.replace("    title: Grow\n", "    title: Grow\n    parent: nope\n"),
        ["score", "{plan}"],
    ),
    ("milestone with numbers", MILESTONE + "        target: 3\n", ["score", "{plan}"]),
    ("unknown key result", KR, ["checkin", "{plan}", "nope", "5", "--date", "2026-08-01"]),
    ("milestone given a value", MILESTONE, ["checkin", "{plan}", "k", "5", "--date", "2026-08-01"]),
    ("unknown lint rule", KR, ["lint", "{plan}", "--disable", "no-such-rule"]),
    ("unknown lint rule in plan", KR + "lint:\n  disable: [no-such-rule]\n", ["lint", "{plan}"]),
    (
        "bad confidence",
        KR,
        ["checkin", "{plan}", "k", "5", "--confidence", "lots", "--date", "2026-08-01"],
    ),
]

LOCALES = ["sv", "zh_Hans"]


def _inputs() -> Iterator[tuple[str, str, bytes | None, list[str]]]:
    for case in cases():
        if len(case.data) <= 200_000:  # the megabyte cases say the same as small ones
            yield case.name, case.filename, case.data, [case.command, "{plan}"]
    for name, text, argv in EXTRA:
        yield name, "plan.yaml", None if text is None else text.encode(), argv


INPUTS = list(_inputs())


def _run(argv: list[str], locale: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main([*argv, "--locale", locale], out=out, err=err)
    return status, err.getvalue()


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|«[^»]*»|“[^”]*”|「[^」]*」")
_WORD = re.compile(r"[A-Za-z]+")
_NAME = re.compile(r"\S*[/_.\\\[\]=:]\S*")  # paths, field paths, option names, Limits.x


#: Text another program wrote, shown as it wrote it inside okrkit's translated
#: message: the YAML, JSON and UTF-8 decoders' descriptions of a syntax error.
_THIRD_PARTY = re.compile(r"(not valid (YAML|JSON): |not UTF-8 text \().*", re.S)


def _english_trigrams(message: str, path: str) -> set[tuple[str, ...]]:
    """Runs of three plain English words in ``message`` (quoted values, paths and
    field names taken out: they stay as the user wrote them; numbers are skipped)."""
    text = _THIRD_PARTY.sub(r"\1", message.replace(path, " "))
    text = _QUOTED.sub(" | ", text)
    text = _NAME.sub(" | ", text)
    found: set[tuple[str, ...]] = set()
    for chunk in re.split(r"[^A-Za-z0-9 ]+", text):
        words = [w.lower() for w in _WORD.findall(chunk)]
        found.update(zip(words, words[1:], words[2:], strict=False))
    if not found:  # a short message ("not valid YAML: ..."): look for pairs of words
        for chunk in re.split(r"[^A-Za-z0-9 ]+", text):
            words = [w.lower() for w in _WORD.findall(chunk)]
            found.update(itertools.pairwise(words))
    return found


@pytest.mark.parametrize("name,filename,data,argv", INPUTS, ids=[i[0] for i in INPUTS])
def test_bad_input_errors_are_translated(
    tmp_path: Path, name: str, filename: str, data: bytes | None, argv: list[str]
) -> None:
    path = tmp_path / filename
    if data is not None:
        path.write_bytes(data)
    args = [a.replace("{plan}", str(path)) for a in argv]
    status, english = _run(args, "en")
    assert status == 1 and english.startswith("okrkit: error: "), english
    message = english.removeprefix("okrkit: error: ")
    trigrams = _english_trigrams(message, str(path))
    assert trigrams, f"the check needs English words to look for: {english}"
    for locale in LOCALES:
        status, translated = _run(args, locale)
        assert status == 1, translated
        words = " ".join(_WORD.findall(_NAME.sub(" ", _QUOTED.sub(" ", translated)))).lower()
        left = sorted(" ".join(t) for t in trigrams if " ".join(t) in words)
        assert not left, f"{locale}: English left in {translated!r}: {left}"


def _okrkit_errors(files: list[Path]) -> set[str]:
    """Names of every class in okrkit that derives from OKRError (by the AST)."""
    bases: dict[str, set[str]] = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names = {
                    b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases
                }
                bases.setdefault(node.name, set()).update(names)
    found = {"OKRError"}
    while True:
        more = {c for c, b in bases.items() if b & found} - found
        if not more:
            return found
        found |= more


#: Raise sites whose English text is meant: errors of a caller's programming (a
#: wrong argument to the Python API), internal signals that are caught and
#: turned into a translated message, and messages that are another program's.
#: (file, function) -> why.
ALLOWED: dict[tuple[str, str], str] = {
    ("okrkit/files/limits.py", "__post_init__"): "Limits() built wrongly by a program",
    ("okrkit/cli/_parser.py", "add_parser"): "a command module adding a command not in COMMANDS",
    ("okrkit/files/roundtrip.py", "*"): "RoundTripError: caught, the edit falls back",
    ("okrkit/catalogue/_spec.py", "*"): "checks of the bundled catalogue data: okrkit's build",
    ("okrkit/i18n.py", "_load"): "a broken installation (catalogue missing): no language to use",
    ("okrkit/scoring/policies.py", "__post_init__"): "a ScoringPolicy built wrongly by a program",
    # The metric functions' own checks of Python values a program passes (answers,
    # ratings, funnel stages); plan files reach metrics only through compute().
    ("okrkit/metrics.py", "nps"): "Python API: a program's list of answers",
    ("okrkit/metrics.py", "review_summary"): "Python API: a program's list of ratings",
    ("okrkit/metrics.py", "_stage"): "Python API: a program's funnel stages",
    ("okrkit/metrics.py", "__post_init__"): "Python API: Funnel built by a program",
    ("okrkit/metrics.py", "funnel"): "Python API: a program's funnel stages",
}


def _literal(node: ast.expr | None) -> bool:
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and _WORD.search(str(v.value)) for v in node.values)
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(_WORD.search(node.value))
    if isinstance(node, ast.BinOp):
        return _literal(node.left) or _literal(node.right)
    return False


def test_no_english_only_raise_remains() -> None:
    files = sorted((ROOT / "okrkit").rglob("*.py"))
    user_facing = _okrkit_errors(files) | {"ValueError", "UsageError"}
    found = []
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in [
            n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
        ]:
            if (rel, func.name) in ALLOWED or (rel, "*") in ALLOWED:
                continue
            for node in ast.walk(func):
                if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                    continue
                called = node.exc.func
                name = called.id if isinstance(called, ast.Name) else getattr(called, "attr", "")
                if name in user_facing and node.exc.args and _literal(node.exc.args[0]):
                    found.append(f"{rel}:{node.lineno} in {func.name}: raise {name}(...)")
    assert not found, "English-only messages (use OKRError.translatable with N_):\n" + "\n".join(
        sorted(set(found))
    )
