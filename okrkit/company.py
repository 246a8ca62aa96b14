"""The company view: several teams' plan files as one alignment tree.

Teams keep their plans as separate files in one folder (``company.yaml``,
``demand-gen.yaml``, ``content.yaml``...). :func:`load_company` reads them and
merges them into one :class:`~okrkit.model.Plan`:

* an objective aligns to another file's objective with ``parent: FILE:ID``
  (``parent: company:growth`` names objective ``growth`` of ``company.yaml``);
* ids that appear in more than one file are qualified by file (``content.seo``);
* a ``FILE:ID`` that names no objective, and an alignment cycle across files, are
  clear errors naming the file and objective.

>>> company = merge_plans([
...     ("company", Plan(objectives=[Objective(id="growth", title="Grow")])),
...     ("content", Plan(objectives=[Objective(id="seo", title="SEO", parent="company:growth")])),
... ])
>>> [(o.id, o.parent) for o in company.plan.objectives]
[('growth', None), ('seo', 'growth')]
>>> company.team_of("seo").name
'content'
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okrkit._serialize import model_to_data
from okrkit.errors import N_, OKRError
from okrkit.model import Objective, Plan, is_external

if TYPE_CHECKING:
    from okrkit.i18n import LocaleMatch
    from okrkit.scoring import ScoringPolicy

__all__ = ["Company", "Team", "company_context", "load_company", "merge_plans", "plan_files"]


@dataclass(frozen=True)
class Team:
    """One plan file of a company view: its name (the file's stem) and plan."""

    name: str
    plan: Plan
    source: str | None = None
    #: The name as a document shows it (escaped for its format; see :meth:`Company.cleaned`).
    shown_name: str | None = None

    @property
    def file(self) -> str | None:
        """The plan file's name (without its folder), when the team was loaded from one."""
        return Path(self.source).name if self.source else None

    @property
    def label(self) -> str:
        """How the team is shown: the plan's title, else the file's name."""
        return self.plan.title or (self.shown_name if self.shown_name is not None else self.name)


@dataclass(frozen=True)
class Company:
    """The merged plan, its teams, and which team each merged objective came from."""

    plan: Plan
    teams: list[Team]
    origin: dict[str, str] = field(default_factory=dict)

    def team_of(self, objective_id: str) -> Team:
        """The team whose file holds the merged objective ``objective_id``."""
        name = self.origin[objective_id]
        return next(t for t in self.teams if t.name == name)

    def cleaned(self, clean: Callable[[str], str]) -> Company:
        """This view with its user text passed through ``clean`` (such as
        :func:`~okrkit.safe_output.md_escape`): the merged plan, each team's plan and
        each team's file name as shown; names used as keys stay as they are."""
        from okrkit.safe_output import safe_copy

        teams = [
            replace(t, plan=safe_copy(t.plan, clean), shown_name=clean(t.name)) for t in self.teams
        ]
        return replace(self, plan=safe_copy(self.plan, clean), teams=teams)

    def objectives_of(self, team: Team) -> list[Objective]:
        """The merged objectives that came from ``team``'s file."""
        return [o for o in self.plan.objectives if self.origin[o.id] == team.name]


def plan_files(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The plan files named by ``paths``: files as given, folders expanded to their
    ``*.yaml``, ``*.yml`` and ``*.json`` files (history files left out), sorted."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = [
                p
                for p in sorted(path.iterdir())
                if p.suffix in (".yaml", ".yml", ".json") and ".history." not in p.name
            ]
            if not inside:
                raise OKRError.translatable(
                    N_("{path}: no plan files (*.yaml, *.yml, *.json) in this folder"),
                    path=str(path),
                )
            found.extend(inside)
        else:
            found.append(path)
    return found


def load_company(paths: Sequence[str | os.PathLike[str]]) -> Company:
    """Load plan files and folders of them (see :func:`plan_files`) as one company."""
    from okrkit.io import load

    members = []
    for path in plan_files(paths):
        stem = path.name.split(".")[0]
        members.append((stem, load(path), str(path)))
    return _merge(members)


def merge_plans(members: Sequence[tuple[str, Plan]]) -> Company:
    """Merge ``(name, plan)`` pairs (name: the file's stem) into one company view."""
    return _merge([(name, plan, None) for name, plan in members])


def _merge(members: Sequence[tuple[str, Plan, str | None]]) -> Company:
    names = Counter(name for name, _, _ in members)
    if clash := sorted(n for n, count in names.items() if count > 1):
        raise OKRError.translatable(
            N_("two plan files are both named {name}; rename one of them"), name=repr(clash[0])
        )
    counts = Counter(o.id for _, plan, _ in members for o in plan.objectives)

    def qualified(team: str, objective_id: str) -> str:
        return f"{team}.{objective_id}" if counts[objective_id] > 1 else objective_id

    known = {(name, o.id) for name, plan, _ in members for o in plan.objectives}
    objectives: list[dict[str, Any]] = []
    origin: dict[str, str] = {}
    periods = {str(plan.period) for _, plan, _ in members}
    for name, plan, source in members:
        where = source or name
        for i, objective in enumerate(plan.objectives):
            data = model_to_data(objective, json_safe=False)  # edits made in code included
            data["id"] = qualified(name, objective.id)
            if len(periods) > 1 and plan.period is not None and objective.period is None:
                data["period"] = plan.period
            if objective.parent is not None:
                data["parent"] = _resolve(objective.parent, name, known, qualified, where, i)
            objectives.append(data)
            origin[data["id"]] = name
    first = members[0][1] if members else Plan()
    try:
        merged = Plan(
            company=first.company,
            period=first.period if len(periods) == 1 else None,
            objectives=objectives,
        )
    except OKRError as exc:
        raise OKRError.translatable(
            N_("the company view of {files}: {reason}"),
            files=", ".join(n for n, _, _ in members),
            reason=exc,
        ) from None
    teams = [Team(name, plan, source) for name, plan, source in members]
    return Company(merged, teams, origin)


def _resolve(
    parent: str,
    team: str,
    known: set[tuple[str, str]],
    qualified: Any,
    where: str,
    index: int,
) -> str:
    if not is_external(parent):
        return str(qualified(team, parent))
    other, _, objective_id = parent.partition(":")
    if (other, objective_id) not in known:
        files = sorted({name for name, _ in known})
        raise OKRError.translatable(
            N_(
                "{where}: {field}: {parent} names no objective; expected FILE:ID with FILE "
                "one of {files} and ID an objective of that file"
            ),
            where=str(where),
            field=f"objectives[{index}].parent",
            parent=repr(parent),
            files=", ".join(files),
        )
    return str(qualified(other, objective_id))


def company_context(
    company: Company | Plan, on: dt.date, policy: ScoringPolicy | str | None, match: LocaleMatch
) -> dict[str, Any]:
    """What the company templates need: the merged plan's rows, teams, orphans, tree."""
    from okrkit._tree_svg import alignment_svg
    from okrkit.formatting import format_score
    from okrkit.i18n import translations
    from okrkit.rendering import Row, _markup, _plan_context

    if isinstance(company, Plan):
        company = merge_plans([(company.title or "plan", company)])
    context = _plan_context(company.plan, on, policy, match)
    orphans = {o.id for o in company.plan.orphans()} if len(company.plan.objectives) > 1 else set()
    tree_rows = [r for r in context["rows"] if r.objective.id not in orphans]
    t = translations(match)

    def describe(row: Row) -> str:
        team = company.team_of(row.objective.id).label
        return f"{format_score(row.score.value, match)} · {team}"

    teams = []
    for team in company.teams:
        rows = [r for r in context["rows"] if company.origin[r.objective.id] == team.name]
        mean = sum(r.score.value for r in rows) / len(rows) if rows else None
        teams.append((team, rows, mean))
    context.update(
        company=company,
        company_teams=teams,
        orphans=[r for r in context["rows"] if r.objective.id in orphans],
        tree=_markup(alignment_svg(tree_rows, t.gettext("Alignment tree"), describe)),
    )
    return context
