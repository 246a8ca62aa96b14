"""A small, realistic marketing database for the measurement tests.

Leads move through the demand funnel (inquiry -> MQL -> SQL -> won) on dates in
2026-Q4; campaigns spend money per day; customers answer an NPS survey (0-10).
The same rows are written to SQLite, PostgreSQL or DuckDB through SQLAlchemy
Core, and the tests compute what each query should return from these Python
rows, independently of okrkit.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

START = dt.date(2026, 10, 1)
DAYS = 92  # 2026-Q4


@dataclass(frozen=True)
class Lead:
    id: int
    email: str
    channel: str
    created_on: dt.date
    mql_on: dt.date | None
    sql_on: dt.date | None
    won_on: dt.date | None


@dataclass(frozen=True)
class Spend:
    campaign_id: int
    day: dt.date
    amount: float


@dataclass(frozen=True)
class Answer:
    id: int
    answered_on: dt.date
    score: int


CAMPAIGNS = [
    (1, "Q4 webinar series", "events"),
    (2, "Search - brand", "paid_search"),
    (3, "LinkedIn ABM", "paid_social"),
]


def _later(rng: random.Random, day: dt.date | None, chance: float) -> dt.date | None:
    if day is None or rng.random() > chance:
        return None
    later = day + dt.timedelta(days=rng.randint(1, 20))
    return later if later < START + dt.timedelta(days=DAYS) else None


def leads(seed: int = 7) -> list[Lead]:
    rng = random.Random(seed)
    out = []
    for i in range(1, 301):
        created = START + dt.timedelta(days=rng.randrange(DAYS))
        mql = _later(rng, created, 0.55)
        sql = _later(rng, mql, 0.45)
        won = _later(rng, sql, 0.35)
        channel = rng.choice(["organic", "paid_search", "paid_social", "events"])
        out.append(Lead(i, f"lead{i}@example.com", channel, created, mql, sql, won))
    return out


def spend(seed: int = 7) -> list[Spend]:
    rng = random.Random(seed + 1)
    return [
        Spend(cid, START + dt.timedelta(days=d), round(rng.uniform(50, 400), 2))
        for d in range(DAYS)
        for cid, _, _ in CAMPAIGNS
    ]


def answers(seed: int = 7) -> list[Answer]:
    rng = random.Random(seed + 2)
    weights = [1, 1, 1, 2, 2, 3, 4, 8, 12, 14, 10]
    return [
        Answer(
            i, START + dt.timedelta(days=rng.randrange(DAYS)), rng.choices(range(11), weights)[0]
        )
        for i in range(1, 241)
    ]


def build(engine: Any) -> None:
    """Create the schema and the rows in ``engine`` (any SQLAlchemy engine)."""
    import sqlalchemy as sa

    meta = sa.MetaData()
    t_leads = sa.Table(
        "leads", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("created_on", sa.Date, nullable=False),
        sa.Column("mql_on", sa.Date),
        sa.Column("sql_on", sa.Date),
        sa.Column("won_on", sa.Date),
    )  # fmt: skip
    t_campaigns = sa.Table(
        "campaigns", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
    )  # fmt: skip
    t_spend = sa.Table(
        "campaign_spend", meta,
        sa.Column("campaign_id", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("amount", sa.Numeric(12, 2), nullable=False),
    )  # fmt: skip
    t_answers = sa.Table(
        "survey_answers", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("answered_on", sa.Date, nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
    )  # fmt: skip
    meta.create_all(engine)
    with engine.begin() as con:
        con.execute(t_leads.insert(), [vars(x) for x in leads()])
        con.execute(
            t_campaigns.insert(), [{"id": i, "name": n, "channel": c} for i, n, c in CAMPAIGNS]
        )
        con.execute(t_spend.insert(), [vars(x) for x in spend()])
        con.execute(t_answers.insert(), [vars(x) for x in answers()])


def between(day: dt.date | None, start: dt.date, end: dt.date) -> bool:
    return day is not None and start <= day <= end


# The queries the tests measure with, the same on SQLite, PostgreSQL and DuckDB.
MQLS = "SELECT count(*) FROM leads WHERE mql_on BETWEEN :period_start AND :on"
SPEND = (
    "SELECT COALESCE(sum(amount), 0) FROM campaign_spend WHERE day BETWEEN :period_start AND :on"
)
WON = "SELECT count(*) FROM leads WHERE won_on BETWEEN :period_start AND :on"
_ANSWERED = "answered_on BETWEEN :period_start AND :on"
PROMOTERS = f"SELECT count(*) FROM survey_answers WHERE score >= 9 AND {_ANSWERED}"
PASSIVES = f"SELECT count(*) FROM survey_answers WHERE score BETWEEN 7 AND 8 AND {_ANSWERED}"
DETRACTORS = f"SELECT count(*) FROM survey_answers WHERE score <= 6 AND {_ANSWERED}"
# Cumulative MQLs per day: a history of (date, value) rows.
MQL_HISTORY = (
    "SELECT d, sum(n) OVER (ORDER BY d) FROM "
    "(SELECT mql_on AS d, count(*) AS n FROM leads WHERE mql_on IS NOT NULL GROUP BY mql_on) t "
    "ORDER BY d"
)


def plan_yaml(url: str) -> str:
    """A plan whose key results measure themselves from the database at ``url``."""
    return f"""\
title: Marketing Q4
period: 2026-Q4
connections:
  crm:
    url: "{url}"
objectives:
  - id: pipeline
    title: Build a pipeline sales can count on
    key_results:
      - id: mqls
        title: Marketing-qualified leads this quarter
        baseline: 0
        target: 200
        cadence: weekly
        measure:
          kind: sql
          connection: crm
          query: "{MQLS}"
      - id: cac
        title: Customer acquisition cost
        unit: currency
        currency: EUR
        metric: cac
        baseline: 900
        target: 600
        measure:
          kind: formula
          inputs:
            spend: {{kind: sql, connection: crm, query: "{SPEND}"}}
            new_customers: {{kind: sql, connection: crm, query: "{WON}"}}
  - id: loyalty
    title: Customers who recommend us
    key_results:
      - id: nps
        title: Net Promoter Score
        unit: score
        metric: nps
        baseline: 20
        target: 40
        measure:
          kind: formula
          inputs:
            promoters: {{kind: sql, connection: crm, query: "{PROMOTERS}"}}
            passives: {{kind: sql, connection: crm, query: "{PASSIVES}"}}
            detractors: {{kind: sql, connection: crm, query: "{DETRACTORS}"}}
"""


def expected(on: dt.date, start: dt.date = START) -> dict[str, float]:
    """What the plan's key results should measure on ``on``, from the Python rows."""
    ls = leads()
    mqls = sum(between(x.mql_on, start, on) for x in ls)
    won = sum(between(x.won_on, start, on) for x in ls)
    cost = sum(s.amount for s in spend() if between(s.day, start, on))
    an = [a for a in answers() if between(a.answered_on, start, on)]
    promoters = sum(a.score >= 9 for a in an)
    detractors = sum(a.score <= 6 for a in an)
    out = {"pipeline/mqls": float(mqls), "loyalty/nps": (promoters - detractors) / len(an) * 100}
    if won:  # CAC needs a customer; with none the source fails (tested)
        out["pipeline/cac"] = cost / won
    return out
