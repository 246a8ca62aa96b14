"""The catalogue's data files, as pydantic models, and their loading.

The format is documented in ``docs/catalogue-format.md``. Data is read once,
lazily, with a lock, and validated here; ``okrkit.catalogue.clear_cache()``
forgets it (for tests).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from importlib import resources
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic import ValidationError as PydanticValidationError

from okrkit.errors import CatalogueError
from okrkit.model import Cadence, Direction, DurationUnit, Indicator, Tag, Unit, format_loc

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Plural(_Spec):
    """A text whose noun agrees with a count: ``one`` / ``other`` English forms."""

    one: str
    other: str
    count: str


Text = str | Plural


def placeholders(text: Text) -> set[str]:
    """Names of the ``{placeholders}`` in a text."""
    if isinstance(text, Plural):
        return set(PLACEHOLDER.findall(text.one)) | set(PLACEHOLDER.findall(text.other))
    return set(PLACEHOLDER.findall(text))


class ParamSpec(_Spec):
    default: float
    unit: Unit
    duration_unit: DurationUnit | None = None


class KeyResultSpec(_Spec):
    id: Annotated[str, Field(pattern=_SLUG)]
    title: Text
    kind: Literal["metric", "milestone"] = "metric"
    unit: Unit | None = None
    direction: Direction | None = None
    baseline: str | None = None
    target: str | None = None
    target_min: str | None = None
    target_max: str | None = None
    weight: float = 1.0
    indicator: Indicator = "lagging"
    tags: list[Tag] = Field(default_factory=list)
    source: str | None = None
    reporter: Annotated[str, Field(pattern=_SLUG)]
    cadence: Cadence | None = None
    #: For a key result that moves only once a quarter: the id of a leading key
    #: result of the same template, checked at least monthly, that shows it coming.
    proxy: Annotated[str, Field(pattern=_SLUG)] | None = None

    def param_refs(self) -> dict[str, str]:
        """Model field -> param name for the numbers this key result takes."""
        refs = {
            "baseline": self.baseline,
            "target": self.target,
            "target_min": self.target_min,
            "target_max": self.target_max,
        }
        return {k: v for k, v in refs.items() if v is not None}


class InitiativeSpec(_Spec):
    title: Text
    key_results: list[str] = Field(default_factory=list)


class TemplateSpec(_Spec):
    id: Annotated[str, Field(pattern=r"^[a-z0-9-]+/[a-z0-9]+(-[a-z0-9]+)*$")]
    area: str
    roles: Annotated[list[str], Field(min_length=1, max_length=4)]
    committed: bool = False
    goal: Annotated[str, Field(pattern=_SLUG)]
    title: str
    why: str
    notes: str | None = None
    params: dict[str, ParamSpec] = Field(default_factory=dict)
    key_results: Annotated[list[KeyResultSpec], Field(min_length=2, max_length=5)]
    initiatives: Annotated[list[InitiativeSpec], Field(min_length=1, max_length=4)]

    @property
    def slug(self) -> str:
        return self.id.split("/", 1)[1]

    def texts(self) -> Iterator[tuple[str, Text]]:
        """Every translatable text with a label saying where it stands."""
        yield "title", self.title
        yield "why", self.why
        if self.notes:
            yield "notes", self.notes
        for kr in self.key_results:
            yield f"key result {kr.id}", kr.title
            if kr.source:
                yield f"key result {kr.id} source", kr.source
        for i, initiative in enumerate(self.initiatives):
            yield f"initiative {i + 1}", initiative.title

    @model_validator(mode="after")
    def _check(self) -> TemplateSpec:
        if not self.id.startswith(f"{self.area}/"):
            raise ValueError(f"id: {self.id!r} must start with its area {self.area!r}/")
        used: set[str] = set()
        for where, text in self.texts():
            names = placeholders(text)
            unknown = names - set(self.params)
            if unknown:
                raise ValueError(f"{where}: unknown placeholders {sorted(unknown)}")
            if isinstance(text, Plural) and (
                text.count not in self.params or text.count not in names
            ):
                raise ValueError(f"{where}: plural count {text.count!r} must be a used param")
            used |= names
        kr_ids = [kr.id for kr in self.key_results]
        if len(set(kr_ids)) != len(kr_ids):
            raise ValueError("key_results: duplicate ids")
        for kr in self.key_results:
            for field, name in kr.param_refs().items():
                if name not in self.params:
                    raise ValueError(f"key result {kr.id}: {field} {name!r} is not a param")
                used.add(name)
                if kr.unit is not None and self.params[name].unit != kr.unit:
                    raise ValueError(
                        f"key result {kr.id}: param {name!r} is {self.params[name].unit}, "
                        f"the key result is {kr.unit}"
                    )
            if kr.kind == "metric" and kr.unit is None:
                raise ValueError(f"key result {kr.id}: a metric needs a unit")
            self._check_proxy(kr)
        for initiative in self.initiatives:
            for ref in initiative.key_results:
                if ref not in kr_ids:
                    raise ValueError(f"initiative {initiative.title!r}: unknown key result {ref}")
        unused = set(self.params) - used
        if unused:
            raise ValueError(f"params: never used: {sorted(unused)}")
        return self

    def _check_proxy(self, kr: KeyResultSpec) -> None:
        """A quarterly key result names a leading one, checked monthly or more often."""
        if kr.cadence == "quarterly" and kr.proxy is None:
            raise ValueError(
                f"key result {kr.id}: moves only quarterly; name a leading monthly key "
                "result of this template as its proxy"
            )
        if kr.proxy is None:
            return
        proxy = next((k for k in self.key_results if k.id == kr.proxy), None)
        if proxy is None or proxy.id == kr.id:
            raise ValueError(f"key result {kr.id}: proxy {kr.proxy!r} is not another key result")
        if proxy.indicator != "leading" or proxy.cadence in (None, "quarterly"):
            raise ValueError(
                f"key result {kr.id}: proxy {proxy.id!r} must be leading and checked "
                "at least monthly"
            )


class LabelSpec(_Spec):
    id: Annotated[str, Field(pattern=_SLUG)]
    label: str


class Taxonomy(_Spec):
    areas: list[LabelSpec]
    roles: list[LabelSpec]
    reporters: list[LabelSpec]
    goals: list[LabelSpec]


class CatalogueData:
    """Everything in ``okrkit/catalogue/data``, validated."""

    def __init__(self, taxonomy: Taxonomy, templates: list[TemplateSpec]) -> None:
        self.taxonomy = taxonomy
        self.templates = templates
        self.by_id = {t.id: t for t in templates}
        areas = {a.id for a in taxonomy.areas}
        roles = {r.id for r in taxonomy.roles}
        reporters = {r.id for r in taxonomy.reporters}
        goals = {g.id for g in taxonomy.goals}
        if len(self.by_id) != len(templates):
            raise CatalogueError("catalogue: duplicate template ids")
        for t in templates:
            if t.area not in areas:
                raise CatalogueError(f"catalogue template {t.id}: unknown area {t.area!r}")
            for role in t.roles:
                if role not in roles:
                    raise CatalogueError(f"catalogue template {t.id}: unknown role {role!r}")
            if t.goal not in goals:
                raise CatalogueError(f"catalogue template {t.id}: unknown goal {t.goal!r}")
            for kr in t.key_results:
                if kr.reporter not in reporters:
                    raise CatalogueError(
                        f"catalogue template {t.id}: key result {kr.id}: "
                        f"unknown reporter {kr.reporter!r}"
                    )


def _read_yaml(name: str) -> Any:
    path = resources.files("okrkit.catalogue") / "data"
    for part in name.split("/"):
        path = path / part
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _validate(model: type[_Spec], data: Any, source: str) -> Any:
    try:
        return model.model_validate(data)
    except PydanticValidationError as exc:
        first = exc.errors(include_url=False)[0]
        raise CatalogueError(
            f"{source}: {format_loc(tuple(first['loc']))}: {first['msg']}"
        ) from None


def template_files() -> list[str]:
    """Names of the template data files, relative to ``data/``."""
    folder = resources.files("okrkit.catalogue") / "data" / "templates"
    return sorted(
        f"templates/{entry.name}" for entry in folder.iterdir() if entry.name.endswith(".yaml")
    )


_LOCK = threading.Lock()
_DATA: CatalogueData | None = None


def load_data() -> CatalogueData:
    """The validated catalogue data (read once, on first use)."""
    global _DATA
    data = _DATA
    if data is None:
        with _LOCK:
            data = _DATA
            if data is None:
                taxonomy = _validate(Taxonomy, _read_yaml("taxonomy.yaml"), "taxonomy.yaml")
                templates: list[TemplateSpec] = []
                for name in template_files():
                    raw = _read_yaml(name) or {}
                    for i, item in enumerate(raw.get("templates", [])):
                        templates.append(_validate(TemplateSpec, item, f"{name}[{i}]"))
                data = _DATA = CatalogueData(taxonomy, templates)
    return data


def clear_data() -> None:
    global _DATA
    with _LOCK:
        _DATA = None
