import csv
import datetime as dt
import io
import re
import threading
from pathlib import Path

import jinja2
import pytest
from babel.messages.extract import extract_from_file
from jinja2.sandbox import SecurityError
from sampleplan import ON, sample_plan

import okrkit
from okrkit import catalogue, environment, render
from okrkit.formatting import format_score
from okrkit.i18n import SUPPORTED, translations
from okrkit.rendering import FORMATS, TEMPLATES

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = ROOT / "okrkit" / "templates"
NON_EN = [loc for loc in SUPPORTED if loc != "en"]
CASES = [(name, fmt) for name, formats in TEMPLATES.items() for fmt in formats]


def ui_messages() -> list[str]:
    """English labels used by the bundled templates and the rendering package."""
    found = []
    options = {"newstyle_gettext": "true", "trimmed": "true"}
    for path in sorted(TEMPLATE_DIR.iterdir()):
        for _, message, _, _ in extract_from_file("jinja2", str(path), options=options):
            found.append(message if isinstance(message, str) else message[0])
    for module in sorted((ROOT / "okrkit" / "rendering").glob("*.py")):
        keywords = {"N_": None, "gettext": None}
        for _, message, _, _ in extract_from_file("python", str(module), keywords=keywords):
            found.append(message if isinstance(message, str) else message[0])
    return sorted(set(found))


def render_case(name: str, fmt: str, locale: str) -> str:
    if name == "book":
        return render(catalogue.templates(locale, area="seo"), fmt, locale=locale)
    return render(sample_plan(locale), fmt, locale=locale, template=name, on=ON)


@pytest.mark.parametrize("locale", SUPPORTED)
@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_every_template_every_locale(name: str, fmt: str, locale: str) -> None:
    out = render_case(name, fmt, locale)
    assert out.strip()
    assert "{" not in re.sub(r"<style>.*?</style>", "", out, flags=re.S)  # no placeholder
    if locale != "en":
        t = translations(locale)
        plain = re.sub(r"<[^>]+>", " ", out)
        for label in ui_messages():
            if t.gettext(label) == label or len(label) < 4 or "{" in label:
                continue
            assert not re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", plain), (label, locale)


@pytest.mark.parametrize("locale", SUPPORTED)
def test_numbers_follow_cldr(locale: str) -> None:
    plan = sample_plan(locale)
    out = render(plan, "markdown", locale=locale, on=ON)
    overall = okrkit.score(plan, on=ON).value
    assert format_score(overall, locale) in out
    assert (
        okrkit.environment(locale).from_string("{{ 1234567.5|number }}").render()
        in {
            "en": "1,234,567.5",
            "sv": "1\xa0234\xa0567,5",
            "ru": "1\xa0234\xa0567,5",
            "vi": "1.234.567,5",
            "zh_Hans": "1,234,567.5",
            "zh_Hant": "1,234,567.5",
        }[locale]
    )


def test_period_and_dates_read_naturally() -> None:
    q3 = okrkit.Period.parse("2026-Q3")
    env = {loc: environment(loc) for loc in SUPPORTED}
    rendered = {loc: e.from_string("{{ p|period }}").render(p=q3) for loc, e in env.items()}
    assert rendered["en"] == "Q3 2026"
    assert rendered["sv"] == "K3 2026"
    assert rendered["zh_Hans"] == "2026年第3季度"
    assert (
        environment("ru").from_string("{{ d|date('long') }}").render(d=dt.date(2026, 7, 1))
        == "1 июля 2026\u202fг."
    )


def test_html_escapes_user_text() -> None:
    plan = okrkit.Plan(
        objectives=[
            okrkit.Objective(
                id="x",
                title="<script>alert(1)</script>",
                key_results=[okrkit.KeyResult(id="k", title="A & B", baseline=0, target=1)],
            )
        ]
    )
    out = render(plan, "html", on=ON)
    assert "<script>alert(1)</script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "A &amp; B" in out
    assert "<script>" not in render(plan, "html", template="dashboard", on=ON)


@pytest.mark.parametrize(
    "attack",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{% set x = [] %}{{ x.append(1) }}",
    ],
)
def test_sandbox_blocks_escapes(attack: str) -> None:
    env = environment("en", sandboxed=True)
    with pytest.raises(SecurityError):
        env.from_string(attack).render()


def test_sandbox_still_renders_bundled_templates() -> None:
    env = environment("sv", sandboxed=True)
    out = env.from_string("{{ 0.5|score }} {{ _('On track') }}").render()
    assert out == f"50\xa0% {translations('sv').gettext('On track')}"


def test_user_templates_extend_bundled_ones() -> None:
    loader = jinja2.DictLoader(
        {
            "mine.html": '{% extends "dashboard.html" %}{% block title %}Mine{% endblock %}',
            "dashboard.md": "OVERRIDDEN {{ rows|length }}",
        }
    )
    env = environment("sv", loader=loader)
    out = env.get_template("mine.html").render(
        **{"plan": okrkit.Plan(), "rows": [], "periods": [], "on": ON, "teams": {}, "title": None}
    )
    assert "<title>Mine</title>" in out
    assert env.get_template("dashboard.md").render(rows=[1]) == "OVERRIDDEN 1"
    assert "okrkit" in env.get_template("okrkit/dashboard.md").render(
        plan=okrkit.Plan(), rows=[], periods=[], on=ON, teams={}, title="okrkit"
    )


def test_threads_never_mix_languages() -> None:
    plans = {loc: sample_plan(loc) for loc in SUPPORTED}
    expected = {loc: translations(loc).gettext("Key result") for loc in SUPPORTED}
    errors: list[str] = []

    def work(loc: str) -> None:
        for _ in range(5):
            out = render(plans[loc], "markdown", locale=loc, template="dashboard", on=ON)
            others = [v for k, v in expected.items() if k != loc and v != expected[loc]]
            header = out.splitlines()[4]
            if expected[loc] not in header or any(f"| {o} |" in header for o in others):
                errors.append(f"{loc}: {header}")

    threads = [threading.Thread(target=work, args=(loc,)) for loc in SUPPORTED for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_csv_dashboard() -> None:
    plan = sample_plan("ru")
    out = render(plan, "csv", locale="ru", on=ON, bom=True)
    assert out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert len(rows) == 1 + sum(len(o.key_results) for o in plan.objectives)
    header = rows[0]
    assert header[1] == translations("ru").gettext("Key result")
    first = rows[1]
    assert float(first[6]) == pytest.approx(
        okrkit.score(plan, on=ON).children[0].children[0].value, abs=1e-4
    )
    assert "\ufeff" not in render(plan, "csv", locale="ru", on=ON)


def test_render_errors() -> None:
    plan = sample_plan("en")
    with pytest.raises(okrkit.OKRError, match="unknown format 'pdf'"):
        render(plan, "pdf")
    with pytest.raises(okrkit.OKRError, match="template 'document' comes in"):
        render(plan, "csv", template="document")
    with pytest.raises(okrkit.UnknownLocaleError):
        render(plan, "html", locale="de")


def test_render_objective_key_result_and_template() -> None:
    plan = sample_plan("vi")
    objective = plan.objectives[1]
    assert objective.title in render(objective, "text", locale="vi", on=ON)
    kr = objective.key_results[0]
    assert kr.title in render(kr, "markdown", locale="vi", on=ON)
    t = catalogue.get("seo/on-page", "en")
    out = render(t, "markdown", locale="zh_Hant")  # re-localized to the requested locale
    assert catalogue.get("seo/on-page", "zh_Hant").title in out


def test_html_has_charts_and_bars() -> None:
    out = render(sample_plan("en"), "html", on=ON)
    assert out.count("<svg") >= 8
    assert out.count('class="bar ') >= 10
    assert 'role="img"' in out
    assert set(FORMATS) == {"markdown", "html", "text", "csv"}
