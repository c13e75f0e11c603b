"""What one item's trip through the stages gives: its value, or why a stage refused it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

from mtalign.errors import UserError

# A document that cannot be read or aligned is a finding about that document, not a failed run.
REFUSALS = (UserError, OSError, UnicodeError)


class StageFailure(RuntimeError):
    """An unexpected error (a bug) in a stage on a worker, re-raised on the driver."""


@dataclass
class Outcome:
    index: int
    value: Any = None
    error: Optional[str] = None  # the one-line reason the item was refused
    bug: Optional[str] = None  # an unexpected exception, re-raised on the driver

    def checked(self) -> "Outcome":
        if self.bug is not None:
            raise StageFailure(self.bug)
        return self


def apply_stages(
    index: int, item: Any, stages: Sequence[Any], models: Sequence[Any], catch_bugs: bool = True
) -> Outcome:
    """The item through each stage with that stage's loaded model (None for stateless ones)."""
    outcome = Outcome(index, item)
    for stage, model in zip(stages, models):
        outcome = apply_stage(outcome, stage.work, model, catch_bugs)
    return outcome


def apply_stage(
    outcome: Outcome, work: Callable[..., Any], model: Any, catch_bugs: bool = True
) -> Outcome:
    """One stage; a refusal becomes the outcome's error, a bug its `bug` (or is raised, locally)."""
    if outcome.error is not None or outcome.bug is not None:
        return outcome
    args = (outcome.value,) if model is None else (model, outcome.value)
    try:
        return Outcome(outcome.index, work(*args))
    except REFUSALS as err:
        return Outcome(outcome.index, error=str(err) or type(err).__name__)
    except Exception as err:
        if not catch_bugs:
            raise
        return Outcome(outcome.index, bug=f"{type(err).__name__}: {err}")
