import datetime as dt
import re
from collections import Counter

import pytest

import okrkit
from okrkit import CatalogueError, UnknownLocaleError, catalogue
from okrkit.catalogue import _spec
from okrkit.i18n import SUPPORTED

ALL = catalogue.templates("en")
IDS = [t.id for t in ALL]
NON_EN = [loc for loc in SUPPORTED if loc != "en"]
# Words that are the same in every language (acronyms, brands) may stay as they are.
SAME_EVERYWHERE = re.compile(r"^[A-Z0-9/&:() -]{2,}$|^(SEO|ABM|CRM|NPS|Ahrefs)$")


def test_size_and_coverage() -> None:
    assert len(ALL) >= 85
    areas = Counter(t.area.id for t in ALL)
    required = {
        "demand-gen", "sales-alignment", "abm", "seo", "content", "events", "nps-reviews",
        "brand-pr", "social", "email", "web-conversion", "onboarding", "product-marketing",
        "marketing-ops", "efficiency",
    }  # fmt: skip
    assert required <= set(areas)
    roles = Counter(r.id for t in ALL for r in t.roles)
    assert {r.id for r in catalogue.roles()} == set(roles)  # every role has templates
    assert len(roles) >= 10


def test_every_template_has_the_method_fields() -> None:
    directions: Counter[str] = Counter()
    for t in ALL:
        assert 2 <= len(t.key_results) <= 5 and 1 <= len(t.initiatives) <= 4
        assert t.why and t.title
        for kr in t.key_results:
            assert kr.source, (t.id, kr.id)
            assert kr.cadence, (t.id, kr.id)
            directions[kr.direction or "inferred"] += 1
    assert directions["at_most"] >= 3 and directions["at_least"] >= 3
    assert any(p.unit == "currency" for t in ALL for p in t.params.values())


def test_decreasing_key_results_exist() -> None:
    decreasing = [
        (t.id, kr.id)
        for t in ALL
        for kr in t.key_results
        if kr.kind == "metric"
        and kr.direction in (None, "decrease")
        and t.params[kr.params["target"]].default < t.params[kr.params["baseline"]].default
    ]
    assert len(decreasing) >= 5


def test_filters() -> None:
    seo = catalogue.templates(area="seo")
    assert seo and all(t.area.id == "seo" for t in seo)
    cmo = catalogue.templates(role="cmo")
    assert cmo and all(any(r.id == "cmo" for r in t.roles) for t in cmo)
    with pytest.raises(CatalogueError, match="unknown area 'nope'; expected one of: demand-gen"):
        catalogue.templates(area="nope")
    with pytest.raises(CatalogueError, match="unknown role"):
        catalogue.templates(role="wizard")


def test_query_matches_localized_text() -> None:
    assert {t.id for t in catalogue.templates("en", query="net promoter")} >= {
        "nps-reviews/most-recommended"
    }
    sv = catalogue.get("nps-reviews/most-recommended", "sv")
    word = sv.title.split()[-1]
    assert sv.id in {t.id for t in catalogue.templates("sv", query=word)}
    zh = catalogue.get("seo/on-page", "zh_Hans")
    assert zh.id in {t.id for t in catalogue.templates("zh_Hans", query=zh.title[:4])}


def test_get_unknown() -> None:
    with pytest.raises(CatalogueError, match="unknown template 'seo/nope'"):
        catalogue.get("seo/nope")
    with pytest.raises(UnknownLocaleError):
        catalogue.templates("de")


def test_labels_are_localized() -> None:
    en = {a.id: a.label for a in catalogue.areas("en")}
    for loc in NON_EN:
        localized = {a.id: a.label for a in catalogue.areas(loc)}
        assert localized.keys() == en.keys()
        # loanwords practitioners really use (SEO, "Content marketing" in Vietnamese) may stay
        assert sum(localized[k] != en[k] for k in en) >= len(en) - 4, loc


def test_instantiate_with_own_numbers() -> None:
    t = catalogue.get("nps-reviews/most-recommended", "en")
    o = t.instantiate(period="2027-Q1", owner="Ana", nps_target=70, team="Brand")
    assert isinstance(o, okrkit.Objective)
    nps = o.key_result("nps")
    assert (nps.baseline, nps.target) == (50, 70)
    # titles carry no numbers that go stale; documents show the fields next to them
    assert not re.search(r"\d", nps.title)
    from okrkit.i18n import resolve_locale
    from okrkit.rendering import kr_goal

    assert kr_goal(nps, resolve_locale("en")) == "from 50 to 70"
    assert o.template == t.id and o.area == "nps-reviews" and o.owner == "Ana"
    assert o.period == okrkit.Period.parse("2027-Q1")
    assert okrkit.score(o, on=dt.date(2027, 2, 1)).value == 0.0


def test_instantiate_currency_and_percent_strings() -> None:
    t = catalogue.get("efficiency/romi", "sv")
    money = next(p for p in t.params.values() if p.unit == "currency")
    o = t.instantiate(currency="eur", **{money.name: 1234})
    kr = next(k for k in o.key_results if k.unit == "currency")
    assert kr.currency == "EUR"
    from okrkit.i18n import resolve_locale
    from okrkit.rendering import kr_goal

    assert "€" in kr_goal(kr, resolve_locale("sv"))


def test_instantiate_errors() -> None:
    t = catalogue.get("nps-reviews/most-recommended")
    with pytest.raises(CatalogueError, match="unknown parameter"):
        t.instantiate(npstarget=1)
    with pytest.raises(CatalogueError, match="must be a number"):
        t.instantiate(nps_target="lots")
    with pytest.raises(CatalogueError, match=r"nps-reviews/most-recommended: .*baseline"):
        t.instantiate(nps_target=50)  # equal to the baseline


def test_plural_forms_follow_the_number() -> None:
    # "30 A/B tests" over a quarter: a count in the nominative/accusative, three Russian forms
    template_spec = _spec.load_data().by_id["web-conversion/bounce-rate"]
    index, text = next(
        (i, initiative.title)
        for i, initiative in enumerate(template_spec.initiatives)
        if isinstance(initiative.title, _spec.Plural) and initiative.title.count == "ab_tests"
    )
    assert isinstance(text, _spec.Plural)
    count = text.count
    ru = catalogue.get(template_spec.id, "ru")
    titles = {n: ru.instantiate(**{count: n}).initiatives[index].title for n in (1, 3, 5, 21)}
    # Russian has three forms: 1 and 21 share one, 3 and 5 differ from it and each other.
    strip = {n: re.sub(r"\d", "", title) for n, title in titles.items()}
    assert strip[1] == strip[21]
    assert len({strip[1], strip[3], strip[5]}) == 3, titles


@pytest.mark.parametrize("locale", SUPPORTED)
@pytest.mark.parametrize("template_id", IDS)
def test_every_template_in_every_locale(template_id: str, locale: str) -> None:
    t = catalogue.get(template_id, locale)
    english = catalogue.get(template_id, "en")
    objective = t.instantiate(period="2027-Q1")
    okrkit.score(objective, on=dt.date(2027, 2, 15))
    texts = [objective.title, objective.description or ""]
    texts += [kr.title for kr in objective.key_results]
    texts += [kr.source or "" for kr in objective.key_results]
    texts += [i.title for i in objective.initiatives]
    texts += [t.area.label] + [r.label for r in t.roles]
    for text in texts:
        assert text.strip(), (template_id, locale)
        assert "{" not in text and "}" not in text, text  # no unresolved placeholder
        assert "XX" not in text
    if locale != "en":
        en_texts = [english.title, english.why]
        en_texts += [kr.title for kr in english.key_results]
        en_texts += [i.title for i in english.initiatives]
        ours = [t.title, t.why] + [kr.title for kr in t.key_results]
        ours += [i.title for i in t.initiatives]
        for mine, theirs in zip(ours, en_texts, strict=False):
            assert mine != theirs or SAME_EVERYWHERE.match(mine), (locale, mine)


def test_cache_can_be_cleared() -> None:
    first = catalogue.templates("en")
    catalogue.clear_cache()
    again = catalogue.templates("en")
    assert [t.id for t in first] == [t.id for t in again]
    assert first[0] is not again[0]


def test_catalogue_loads_lazily() -> None:
    import subprocess
    import sys

    code = (
        "import sys, okrkit; okrkit.Plan; "
        "assert 'okrkit.catalogue' not in sys.modules; "
        "assert 'babel' not in sys.modules and 'jinja2' not in sys.modules; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_every_key_result_names_who_reports_it_in_every_locale() -> None:
    reporters = {r.id for r in _spec.load_data().taxonomy.reporters}
    for t in ALL:
        for kr in t.key_results:
            assert kr.reporter.id in reporters, (t.id, kr.id)
    for loc in NON_EN:
        localized = catalogue.get("seo/on-page", loc).key_results[0].reporter
        assert localized.id == "seo" and localized.label != "SEO specialist", loc


def test_instantiate_sets_reporters_and_they_survive_a_save(tmp_path) -> None:  # type: ignore[no-untyped-def]
    t = catalogue.get("efficiency/romi", "sv")
    o = t.instantiate(period="2027-Q1")
    assert [kr.reporter for kr in o.key_results] == [kr.reporter.label for kr in t.key_results]
    assert o.key_results[0].reporter == "Analytiker inom revenue operations"
    one = t.instantiate(reporters="Ana")
    assert {kr.reporter for kr in one.key_results} == {"Ana"}
    first, *rest = t.key_results
    mixed = t.instantiate(reporters={first.id: "Jonas"})
    assert mixed.key_results[0].reporter == "Jonas"
    assert [kr.reporter for kr in mixed.key_results[1:]] == [kr.reporter.label for kr in rest]
    with pytest.raises(CatalogueError, match=r"reporters: unknown key result\(s\) nope; expected"):
        t.instantiate(reporters={"nope": "Ana"})
    plan = okrkit.Plan(objectives=[mixed])
    path = tmp_path / "plan.yaml"
    okrkit.dump(plan, path)
    assert "reporter: Jonas" in path.read_text(encoding="utf-8")
    assert okrkit.load(path).objectives[0].key_results[0].reporter == "Jonas"


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_book_and_dashboard_show_the_reporter(fmt: str) -> None:
    ru = catalogue.get("seo/on-page", "ru")
    label = ru.key_results[0].reporter.label
    assert label in okrkit.render(ru, fmt, locale="ru")
    plan = okrkit.Plan(period="2027-Q1", objectives=[ru.instantiate(reporters="Ирина")])
    dashboard = okrkit.render(plan, fmt, template="dashboard", locale="ru", on=dt.date(2027, 2, 1))
    assert "Данные вносит: Ирина" in dashboard


def test_key_result_titles_carry_no_numbers_and_initiatives_do() -> None:
    for spec in _spec.load_data().templates:
        for kr in spec.key_results:
            assert not _spec.placeholders(kr.title), (spec.id, kr.id)  # numbers live in fields
            assert not re.search(r"\d", str(kr.title)), (spec.id, kr.id)
    # the articles' counts are parameters of the initiatives, with the articles' defaults
    bounce = catalogue.get("web-conversion/bounce-rate", "sv")
    assert (bounce.params["worst_pages"].default, bounce.params["ab_tests"].default) == (20, 30)
    texts = [i.title for i in bounce.instantiate(worst_pages=25).initiatives]
    assert any("25" in text for text in texts) and any("30" in text for text in texts)


def test_quarterly_key_results_have_a_monthly_leading_proxy() -> None:
    quarterly = 0
    for t in ALL:
        by_id = {kr.id: kr for kr in t.key_results}
        for kr in t.key_results:
            if kr.cadence == "quarterly":
                quarterly += 1
                proxy = by_id[kr.proxy or ""]
                assert proxy.indicator == "leading" and proxy.cadence != "quarterly", (t.id, kr.id)
    assert quarterly >= 10
    bad = _spec.TemplateSpec.model_validate(
        {**_spec.load_data().by_id["efficiency/romi"].model_dump(), "id": "efficiency/x"}
    ).model_dump()
    bad["key_results"][1]["proxy"] = None
    with pytest.raises(ValueError, match="moves only quarterly"):
        _spec.TemplateSpec.model_validate(bad)


def test_every_template_serves_a_company_goal() -> None:
    goals = {g.id for g in catalogue.goals()}
    assert {"revenue", "efficiency", "brand", "retention"} <= goals
    assert {t.goal.id for t in ALL} == goals
    revenue = catalogue.templates("ru", goal="revenue")
    assert revenue and all(t.goal.id == "revenue" for t in revenue)
    assert revenue[0].goal.label != "Grow revenue"
    with pytest.raises(CatalogueError, match="unknown goal"):
        catalogue.templates(goal="fame")


def test_coverage_table_of_the_reference_articles() -> None:
    from pathlib import Path

    text = (Path(__file__).parent.parent / "docs" / "catalogue.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| [^|]+ \| `([^`]+)` \| (.*) \|$", text, flags=re.M)
    assert [int(n) for n, _, _ in rows] == list(range(1, 31))
    for _, template_id, numbers in rows:
        template = catalogue.get(template_id)  # raises if the template is missing
        for name, value in re.findall(r"`(\w+)=([\d.]+)`", numbers):
            assert name in template.params, (template_id, name)
            assert template.params[name].default == float(value), (template_id, name)


def test_vanity_metrics_sit_next_to_a_quality_or_pipeline_result() -> None:
    from okrkit.linting import is_vanity

    vanity_ids = {"audience", "engaged-audience", "organic-audience", "downloads", "badge-scans"}
    paired = 0
    for t in ALL:
        vain = [kr for kr in t.key_results if kr.id in vanity_ids or is_vanity(kr.title)]
        if not vain:
            continue
        paired += 1
        others = [kr for kr in t.key_results if kr not in vain]
        assert any(
            "quality" in kr.tags or kr.unit == "currency" or "lead" in kr.title for kr in others
        ), t.id
    assert paired >= 4


def test_catalogue_v2_breadth() -> None:
    assert len(ALL) >= 85
    roles = Counter(r.id for t in ALL for r in t.roles)
    assert min(roles.values()) >= 8, roles
    differentiating = [t for t in ALL if any("differentiation" in k.tags for k in t.key_results)]
    assert 2 * len(differentiating) >= len(ALL)
    topics = {
        "demand-gen/sourced-pipeline", "sales-alignment/pipeline-coverage",
        "growth/product-qualified-leads", "product-marketing/pricing-launch",
        "brand-pr/share-of-voice", "customer-marketing/churn-prevention",
        "seo/ai-search-visibility", "marketing-ops/budget-pacing",
        "web-conversion/site-performance", "marketing-ops/tracking-health",
        "brand-pr/employer-brand", "developer-marketing/developer-adoption",
        "field-marketing/regional-pipeline", "marketing-ops/team-capability",
        "product-marketing/competitive-intelligence", "growth/repeat-purchase",
    }  # fmt: skip
    assert topics <= set(IDS)


def test_new_builds_a_top_down_plan_from_a_company_goal(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    company = catalogue.company_objective("retention", "vi", owner="Linh")
    assert company.id == "company-retention" and company.title == catalogue.goals("vi")[3].label
    assert company.key_results[0].kind == "milestone"
    with pytest.raises(CatalogueError, match="unknown goal"):
        catalogue.company_objective("fame")
    out = tmp_path / "plan.yaml"
    cmd = [sys.executable, "-m", "okrkit", "new", "--goal", "revenue", "--role", "cmo"]
    cmd += ["--period", "2027-Q1", "--owner", "Ana", "--locale", "sv", "-o", str(out)]
    subprocess.run(cmd, check=True, capture_output=True)
    plan = okrkit.load(out)
    top, *aligned = plan.objectives
    assert top.id == "company-revenue" and len(aligned) == 3
    assert all(o.parent == top.id for o in aligned)
    assert {o.template for o in aligned} <= {t.id for t in catalogue.templates(goal="revenue")}
    assert all(catalogue.get(o.template or "").goal.id == "revenue" for o in aligned)
    done = subprocess.run(
        [sys.executable, "-m", "okrkit", "new", "--period", "2027-Q1"],
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0 and "--goal" in done.stderr
