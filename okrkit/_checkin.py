"""Kept for code written against the old module: see :mod:`okrkit.files.checkin`."""

from __future__ import annotations

from okrkit.files.checkin import CheckInResult, append_check_in, parse_confidence

__all__ = ["CheckInResult", "append_check_in", "parse_confidence"]
