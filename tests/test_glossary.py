"""Each locale's glossary (docs/glossary/<locale>.md) is followed by its .po file.

A glossary is a Markdown table ``| English | use | avoid | note |``. For every
row, wherever the English term occurs in a msgid (as a word, any case, plural
``-s`` included), the translation must contain none of the row's "avoid" terms.
The "English" and "avoid" cells may list several terms separated by ", ", " / "
or "; ". Latin- and Cyrillic-script avoid terms match as whole words, any case,
and a term ending in ``*`` matches any ending (``tilltro*`` catches "tilltron",
``ставк*`` catches "ставка"); others (Chinese) match as substrings. Every table
in the file with the glossary header counts. Placeholders (``{target}``,
``%(prog)s``) and command-line tokens (``--template``, ``TEMPLATE:PARAM=VALUE``)
are the same in every language and are left out of both sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY_DIR = ROOT / "docs" / "glossary"
LOCALE_DIR = ROOT / "okrkit" / "locale"
HEADER = ["english", "use", "avoid", "note"]
SPLIT = re.compile(r", | / |; ")
CODE = re.compile(r"\{[^{}]*\}|%\([^)]*\)[a-z]|%[sdr]|--[\w-]+|\b[A-Z][A-Z_]*(?:[:=_/][A-Z_]+)+\b")


@dataclass(frozen=True)
class Row:
    """One glossary decision: an English term, the terms to avoid for it."""

    line: int
    english: tuple[str, ...]
    avoid: tuple[str, ...]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _terms(cell: str) -> tuple[str, ...]:
    cell = cell.replace("`", "").strip()
    return tuple(t.strip() for t in SPLIT.split(cell) if t.strip() and t.strip() not in {"-", "—"})


def parse_glossary(text: str) -> list[Row]:
    """The rows of every table in ``text`` that has the glossary header."""
    rows: list[Row] = []
    in_table = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.lstrip().startswith("|"):
            in_table = False
            continue
        cells = _cells(line)
        if not in_table:
            if [c.lower() for c in cells] == HEADER:
                in_table = True
            continue
        if all(set(c) <= set("-: ") for c in cells):
            continue  # the separator row
        if len(cells) != len(HEADER):
            raise ValueError(f"line {number}: expected {len(HEADER)} cells, got {len(cells)}")
        rows.append(Row(number, _terms(cells[0]), _terms(cells[2])))
    return rows


def _word(term: str, plural: str = "") -> str:
    """A whole-word regex for ``term``; a trailing ``*`` allows any ending."""
    if term.endswith("*"):
        return rf"(?<!\w){re.escape(term[:-1])}\w*"
    return rf"(?<!\w){re.escape(term)}{plural}(?!\w)"


def _english_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(_word(t, r"(?:s|es)?") for t in terms), re.IGNORECASE)


def _avoid_found(term: str, text: str) -> bool:
    if term.isascii() or re.search(r"[A-Za-zÀ-ỹЀ-ӿ]", term):
        return re.search(_word(term), text, re.IGNORECASE) is not None
    return term in text


def violations(rows: list[Row], messages: list[tuple[str, list[str]]]) -> list[str]:
    """Each (glossary row, message) pair where a translation uses an avoided term."""
    found = []
    for row in rows:
        if not row.avoid:
            continue
        english = _english_pattern(row.english)
        for msgid, strings in messages:
            if not english.search(msgid):
                continue
            for text in strings:
                for term in row.avoid:
                    if _avoid_found(term, text):
                        found.append(
                            f"line {row.line}: {row.english[0]!r} -> avoid {term!r}: {text!r}"
                        )
    return found


def load_messages(locale: str) -> list[tuple[str, list[str]]]:
    path = LOCALE_DIR / locale / "LC_MESSAGES" / "okrkit.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    messages = []
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        messages.append((CODE.sub(" ", " ".join(ids)), [CODE.sub(" ", s) for s in strings if s]))
    return messages


GLOSSARIES = sorted(GLOSSARY_DIR.glob("*.md"))


@pytest.mark.parametrize("glossary", GLOSSARIES, ids=lambda p: p.stem)
def test_glossary_is_followed(glossary: Path) -> None:
    rows = parse_glossary(glossary.read_text(encoding="utf-8"))
    assert len(rows) >= 40, f"{glossary.name}: only {len(rows)} rows"
    assert sum(1 for r in rows if r.avoid) >= 20, f"{glossary.name}: too few decisions to check"
    problems = violations(rows, load_messages(glossary.stem))
    assert not problems, f"{glossary.name}:\n" + "\n".join(problems[:30])


def test_parser_and_matcher_catch_an_avoided_term() -> None:
    table = (
        "intro\n\n| English | use | avoid | note |\n|---|---|---|---|\n"
        "| pipeline | 商机 | 销售管道 / 管道金额 | calque |\n"
        "| sales team, sales | đội ngũ bán hàng | đội sales, team sales | |\n"
        "| lead | lead | - | stays |\n"
    )
    rows = parse_glossary(table)
    assert [r.english for r in rows] == [("pipeline",), ("sales team", "sales"), ("lead",)]
    assert rows[0].avoid == ("销售管道", "管道金额")
    assert rows[2].avoid == ()
    bad = [
        ("Grow the pipeline", ["扩大销售管道"]),
        ("Give Sales the leads", ["Trao lead cho Đội Sales"]),
    ]
    good = [
        ("Grow the pipeline", ["扩大商机"]),
        ("Give sales the leads", ["Trao lead cho đội ngũ bán hàng"]),
        ("Pipelines are not mentioned here", ["team salesforce"]),  # whole words only
        ("A salesman", ["đội sales"]),  # "sales" is not a word of this msgid
    ]
    assert len(violations(rows, bad)) == 2
    assert violations(rows, good) == []


def test_endings_placeholders_and_options() -> None:
    """``*`` catches inflected forms; placeholders and options never count as words."""
    table = (
        "| English | use | avoid | note |\n|---|---|---|---|\n"
        "| confidence | säkerhet | tilltro*; förtroende | |\n"
        "| template | mall | template | |\n\n"
        "A second table counts too.\n\n| English | use | avoid | note |\n|---|---|---|---|\n"
        "| rate* | ставка | ставк* | |\n"
    )
    rows = parse_glossary(table)
    assert [r.avoid for r in rows] == [("tilltro*", "förtroende"), ("template",), ("ставк*",)]
    bad = [
        ("Confidence", ["Tilltron"]),
        ("Raise the rates", ["Повысить ставками"]),
    ]
    good = [
        ("Confidence", ["Säkerhet"]),
        ("--set names template {id}", ["--set anger mallen {id} (--template)"]),
        ("Rated {template}", ["Оценка {template}"]),
    ]
    assert len(violations(rows, bad)) == 2
    assert (
        violations(rows, [(CODE.sub(" ", m), [CODE.sub(" ", t) for t in ts]) for m, ts in good])
        == []
    )


def test_every_translated_locale_has_a_glossary() -> None:
    translated = {p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/okrkit.po")}
    assert translated, "no .po files found"
    assert {p.stem for p in GLOSSARIES} == translated
