"""Shared test helpers: a localized sample plan built from the catalogue."""

from __future__ import annotations

import datetime as dt

from okrkit import CheckIn, Plan, catalogue

ON = dt.date(2027, 2, 14)
SAMPLE_TEMPLATES = (
    "demand-gen/beat-revenue-target",
    "nps-reviews/most-recommended",
    "seo/on-page",
    "efficiency/romi",
    "content/brand-voice",
)


def sample_plan(locale: str) -> Plan:
    """A quarter's plan in ``locale`` with check-ins, from catalogue templates."""
    objectives = []
    for i, template_id in enumerate(SAMPLE_TEMPLATES):
        template = catalogue.get(template_id, locale)
        objective = template.instantiate(
            period="2027-Q1",
            owner=("Ana Lind", "Minh Tran", "Olga Ivanova", "Li Wei", "Jonas Berg")[i],
            team="Marketing" if i else "Leadership",
            parent=None if i == 0 else objectives[0].id,
            currency="EUR",
        )
        for n, kr in enumerate(objective.key_results):
            if kr.kind == "milestone":
                kr.check_ins.append(CheckIn(date=dt.date(2027, 2, 1), done=n % 2 == 0))
                continue
            start = kr.baseline if kr.baseline is not None else kr.target
            end = kr.target if kr.target is not None else kr.target_max
            assert start is not None and end is not None
            for week, share in ((1, 0.15), (3, 0.35), (6, 0.45 + 0.1 * (n % 3))):
                value = start + (end - start) * share
                kr.check_ins.append(
                    CheckIn(
                        date=dt.date(2027, 1, 1) + dt.timedelta(weeks=week),
                        value=round(value, 2),
                        confidence=0.8 - 0.1 * (week == 6) * (n % 2),
                        note="<b>" if n == 0 and week == 6 else None,
                    )
                )
        objectives.append(objective)
    return Plan(title=None, period="2027-Q1", objectives=objectives)
