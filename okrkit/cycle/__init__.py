"""The quarterly cycle: close a period, keep its history, roll over into the next.

>>> import okrkit
>>> from okrkit.cycle import rollover
>>> plan = okrkit.load("examples/marketing-plan.yaml")
>>> result = rollover(plan, "2027-Q1", decisions={"reviews": "drop"})
>>> str(result.plan.period), [o.id for o in result.plan.objectives]
('2027-Q1', ['company-growth', 'pipeline', 'seo'])
>>> [p.period for p in result.history.periods] == [plan.period]
True
"""

from okrkit.cycle.close import close_period
from okrkit.cycle.history import (
    dump_history,
    dumps_history,
    history_path,
    load_history,
    loads_history,
)
from okrkit.cycle.records import (
    History,
    KeyResultRecord,
    Moment,
    ObjectiveRecord,
    Outcome,
    PeriodRecord,
)
from okrkit.cycle.rollover import Rollover, Targets, rollover

__all__ = [
    "History",
    "KeyResultRecord",
    "Moment",
    "ObjectiveRecord",
    "Outcome",
    "PeriodRecord",
    "Rollover",
    "Targets",
    "close_period",
    "dump_history",
    "dumps_history",
    "history_path",
    "load_history",
    "loads_history",
    "rollover",
]
