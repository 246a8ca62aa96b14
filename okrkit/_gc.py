"""The cyclic garbage collector paused while okrkit builds many long-lived objects
that hold no reference cycles (a plan's validation, the model classes at import)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk build (a whole plan's validation).

    Validating a plan allocates millions of container objects and no reference
    cycles; the collector would scan the growing heap again and again (3-4x the
    validation itself at 100,000 key results). Reference counting still frees
    everything as usual. The collector is switched back on however the block
    ends (an error included), and left alone if it was already off (by the
    caller, or an outer bulk build).

    What was built goes straight to the collector's oldest generation
    (``gc.freeze()`` then ``gc.unfreeze()``, which moves objects without
    scanning them), where the long-lived plan would end up anyway; otherwise
    the first allocation after the block scans every new object once more.
    That step is skipped when the program froze objects itself
    (``gc.get_freeze_count()``), so its frozen objects stay frozen.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        gc.enable()
