"""Output that cannot attack its reader: Markdown, CSV, text and the template sandbox."""

from __future__ import annotations

import csv
import io

import markdown
import pytest
from jinja2.exceptions import SecurityError

import okrkit
from okrkit.rendering import environment
from okrkit.safe_output import csv_cell, md_escape

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click me](javascript:alert(1))",
    "![pixel](https://evil.example/p.png)",
    "Launch\n# Injected heading\n<iframe src=//evil>",
    "<https://evil.example>",
    "`code` **bold** | cell | _x_",
    "&lt;script&gt;",
]


def hostile_plan() -> okrkit.Plan:
    krs = [
        okrkit.KeyResult(
            id=f"k{i}", title=text, baseline=1, target=9, owner=text,
            check_ins=[okrkit.CheckIn(date="2026-07-01", value=3, note=text, author=text)],
        )
        for i, text in enumerate(HOSTILE)
    ]  # fmt: skip
    return okrkit.Plan(
        title="<b>Plan</b>\n# H",
        period="2026-Q3",
        objectives=[
            okrkit.Objective(
                id="o", title=HOSTILE[4], description=HOSTILE[0] + "\n## below", owner=HOSTILE[2],
                team=HOSTILE[1], key_results=krs,
                initiatives=[okrkit.Initiative(title=t) for t in HOSTILE],
            ),
            okrkit.Objective(id="p", title="[x](javascript:y)", parent="o", key_results=[]),
        ],
    )  # fmt: skip


@pytest.mark.parametrize("template", ["document", "checkin", "review"])
def test_markdown_output_opens_no_html_links_or_headings(template: str) -> None:
    text = okrkit.render(hostile_plan(), "markdown", template=template, on=okrkit.Period.parse(
        "2026-Q3").end)  # fmt: skip
    html = markdown.markdown(text, extensions=["tables"])
    for tag in ("<script", "<img", "<iframe", "<a ", "<b>", "<em", "<code>code", "<strong>bold"):
        assert tag not in html, (tag, template)
    for line in text.splitlines():  # a line break in user text starts nothing new
        assert not line.lstrip("#> ").startswith(("Injected", "below", "<iframe")), line
    assert "alert(1)" in html  # the text itself is shown, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "\\&lt;" not in html
    assert "&amp;lt;script&amp;gt;" in html  # an entity the user typed stays as typed


def test_markdown_escaping_keeps_table_rows_intact() -> None:
    text = okrkit.render(hostile_plan(), "markdown")
    rows = [line for line in text.splitlines() if line.startswith("| `code`") or "cell" in line]
    assert rows, text
    html = markdown.markdown(text, extensions=["tables"])
    assert "| cell |" in html  # the pipes in the title are text, not cell borders


def test_md_escape_round_trips_through_a_markdown_parser() -> None:
    for text in [*HOSTILE, "- a list?", "1. ordered?", "+ plus", "> quote", "AT&T 18% 1_200_000"]:
        html = markdown.markdown(md_escape(text))
        assert html.startswith("<p>") and html.count("<") == 2, (text, html)


def test_csv_cells_that_would_run_as_formulas_are_neutralised() -> None:
    attacks = ["=HYPERLINK(\"https://evil\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
               "a\tb=1"]  # fmt: skip
    plan = okrkit.Plan(
        objectives=[
            okrkit.Objective(
                id=f"o{i}", title=text, owner=text, team=text,
                key_results=[okrkit.KeyResult(id=f"k{i}", title=text, baseline=-5, target=5)],
            )
            for i, text in enumerate(attacks)
        ]
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(okrkit.render(plan, "csv", on=okrkit.Period.parse(
        "2026-Q3").end))))  # fmt: skip
    body = rows[1:]
    assert len(body) == len(attacks)
    for row, text in zip(body, attacks, strict=True):
        quote = "" if text.startswith("a") else "'"
        assert row[0] == quote + text and row[1] == quote + text
        assert row[3] == "-5"  # numbers stay numbers
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), row
    raw = list(csv.reader(io.StringIO(okrkit.render(plan, "csv", csv_formulas=True))))
    assert [r[0] for r in raw[1:]] == attacks  # the documented opt-out
    assert csv_cell("-12.5") == "-12.5" and csv_cell("+3") == "+3" and csv_cell(-1) == -1
    assert csv_cell("\tTab") == "'\tTab" and csv_cell("\r=1") == "'\r=1"  # the model strips these


def test_text_output_drops_terminal_escapes() -> None:
    plan = okrkit.Plan(
        objectives=[
            okrkit.Objective(
                id="o",
                title="\x1b[2J\x1b[31mRed\u202eevil",
                key_results=[
                    okrkit.KeyResult(id="k", title="\x1b]0;Red\x07", baseline=0, target=1)
                ],
            )
        ]
    )
    for fmt in ("text", "markdown", "csv"):
        out = okrkit.render(plan, fmt)
        assert "\x1b" not in out and "\u202e" not in out and "Red" in out


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'a' * 10**9 }}",
        "{{ 10**9 * 'a' }}",
        "{{ [1] * 10**9 }}",
        "{{ 'x'.center(10**9) }}",
        "{{ 'x'.ljust(10**9) }}",
        "{{ '{:>1000000000}'.format(1) }}",
        "{{ '%*d' % (10**9, 1) }}",
        "{{ 'x'|center(10**9) }}",
        "{{ '%*s'|format(10**9, 'x') }}",
        "{{ 'x'|indent(10**9) }}",
        "{{ 2 ** 1000000000 }}",  # Jinja reads 2 ** 10**9 as (2**10)**9
        "{{ range(10**9)|list }}",
    ],
)
def test_sandbox_refuses_huge_values_at_once(source: str) -> None:
    env = environment("en", sandboxed=True)
    with pytest.raises((SecurityError, OverflowError)):
        env.from_string(source).render()


def test_sandbox_still_renders_ordinary_templates() -> None:
    env = environment("sv", sandboxed=True)
    text = env.from_string(
        "{{ 'ab' * 3 }} {{ 'x'.center(5) }}|{{ 2 ** 10 }} {{ '%05d' % 42 }} "
        "{{ range(3)|list }} {{ 1234.5|number }}"
    ).render()
    assert text == "ababab   x  |1024 00042 [0, 1, 2] 1\xa0234,5"
    with pytest.raises(SecurityError):
        env.from_string("{{ ''.__class__.__mro__ }}").render()  # Jinja's own sandbox rules hold


def test_safe_copy_cleans_every_text_field_at_every_depth_and_shares_the_rest() -> None:
    from okrkit.safe_output import safe_copy, text_clean

    bad = "\x1b[31mx\x07"
    clean_kr = okrkit.KeyResult(
        id="clean", title="Clean", baseline=1, target=9,
        check_ins=[okrkit.CheckIn(date="2026-07-01", value=3, note="ok")],
    )  # fmt: skip
    plan = okrkit.Plan(
        title=bad,
        company=bad,
        period="2026-Q3",
        objectives=[
            okrkit.Objective(
                id="o", title=bad, description=bad, owner=bad, team=bad, area=bad, roles=[bad],
                key_results=[
                    okrkit.KeyResult(
                        id="k", title=bad, baseline=1, target=9, owner=bad, reporter=bad,
                        check_ins=[okrkit.CheckIn(date="2026-07-01", value=3, note=bad,
                                                  author=bad)],
                    ),
                    clean_kr,
                ],
                initiatives=[okrkit.Initiative(title=bad, owner=bad)],
                retro=okrkit.model.Retro(worked=[bad], did_not_work=[bad], change=[bad]),
            ),
        ],
    )  # fmt: skip
    copy = safe_copy(plan, text_clean)
    dumped = copy.model_dump_json()
    assert "\\u001b" not in dumped and "\\u0007" not in dumped
    assert dumped.count('"[31mx"') == plan.model_dump_json().count("\\u001b[31mx")
    assert "\\u001b" in plan.model_dump_json()  # the plan itself is left as it was
    assert copy.objectives[0].key_results[1] is clean_kr  # nothing to clean: shared
    assert copy.key_result("o/k")[1].title == "[31mx"  # the copy's index points at the copies
    assert safe_copy(copy, text_clean) is copy
