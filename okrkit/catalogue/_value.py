"""A frozen value class that costs nothing to import.

The catalogue's records (``Label``, ``Param``, ``Template``...) behave like frozen
dataclasses: compared, hashed and shown field by field, immutable. They are not
dataclasses because ``dataclasses`` imports ``inspect``, which alone costs more than
reading the compiled catalogue does (``okrkit templates list``, the first
``catalogue.templates()``).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import ClassVar, Self

__all__ = ["FrozenValue"]


class FrozenValue:
    """Base of a record whose fields are ``_fields``; ``_shown`` are those compared,
    hashed and shown (all of them unless a class says otherwise)."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _shown: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        if not cls._shown:
            cls._shown = cls._fields
        setattr(cls, "__match_args__", cls._fields)  # noqa: B010 (a class attribute)

    @classmethod
    def _of(cls, fields: dict[str, object]) -> Self:
        """An instance whose fields are ``fields`` (every one of ``_fields``, checked by
        the tests of the compiled catalogue), without the call of ``__init__``."""
        new = cls.__new__(cls)
        new.__dict__.update(fields)
        return new

    def _set(self, *values: object) -> None:
        self.__dict__.update(zip(self._fields, values, strict=True))

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._shown)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, FrozenValue)
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")
