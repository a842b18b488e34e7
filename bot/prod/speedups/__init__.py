"""Measured fixes for Rasa hot spots, applied when this module is imported.

Profiling a Rasa process under load (py-spy, docs/benchmarks.md) showed about
30 % of its CPU in ``jsonschema.validate``: Rasa validates every action-server
response with it, and ``validate`` checks the *schema* against the 2020-12
meta-schema on every call before checking the response. The schema never
changes, so we check it once per distinct schema and keep the validator.
Results and errors are exactly those of ``jsonschema.validate``.

A second profile (``bot.profile_turns``, docs/benchmarks.md, 2026-11-23) showed
``Event.resolve_by_type`` walking all ~23 ``Event`` subclasses recursively (30
``all_subclasses`` calls) for every event it deserialises: every event of the
tracker read from the store each turn, every event an action returns. We keep
a name -> class table instead, built with the same walk in the same order and
dropped whenever a new ``Event`` subclass is defined; unknown names go to the
original (same fallbacks, same error).

A quiet-machine measurement (2026-11-23: the Rasa processes at about 27 ms CPU per
message) put Rasa's ``LogisticRegressionClassifier.process`` at 2-3 ms: it
stacks scipy matrices and runs scikit-learn's input validation for one row.
For the multinomial model we compute the same thing directly: the weights of the
row's non-zero features times their values plus the intercepts, then
scikit-learn's own softmax. Anything else (dense features, one-vs-rest models)
goes to the original.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import jsonschema
import numpy as np
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.core.events import Event
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.utils.common import all_subclasses
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from sklearn.utils.extmath import softmax

_original_validate = jsonschema.validate
_original_resolve_by_type = Event.resolve_by_type
_original_lr_process = LogisticRegressionClassifier.process
_event_classes: dict[str, type[Event]] = {}


@lru_cache(maxsize=64)
def _validator(schema_json: str, cls: type | None) -> Any:
    schema = json.loads(schema_json)
    validator_class = cls or validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def cached_validate(instance: Any, schema: Any, cls: type | None = None, *args: Any,
                    **kwargs: Any) -> None:
    """``jsonschema.validate`` that checks each distinct schema only once."""
    if args or kwargs:
        return _original_validate(instance, schema, cls, *args, **kwargs)
    try:
        key = json.dumps(schema, sort_keys=True)
    except (TypeError, ValueError):
        return _original_validate(instance, schema, cls)
    error = best_match(_validator(key, cls).iter_errors(instance))
    if error is not None:
        raise error
    return None


def cached_resolve_by_type(type_name: str, default: type[Event] | None = None
                           ) -> type[Event] | None:
    """``Event.resolve_by_type`` from a table instead of a class-tree walk per call."""
    if not _event_classes:
        for cls in all_subclasses(Event):  # first match wins, as in the original loop
            _event_classes.setdefault(cls.type_name, cls)
    found = _event_classes.get(type_name)
    return found if found is not None else _original_resolve_by_type(type_name, default)


def _forget_event_classes(cls: type[Event], **kwargs: Any) -> None:
    # A new Event subclass may resolve a name differently: rebuild on next use.
    _event_classes.clear()
    super(Event, cls).__init_subclass__(**kwargs)


def _is_multinomial(clf: Any) -> bool:
    # scikit-learn's own rule (LogisticRegression.predict_proba) for softmax vs one-vs-rest.
    if clf.multi_class == "multinomial":
        return True
    return clf.multi_class == "auto" and clf.classes_.size > 2 and clf.solver != "liblinear"


def _sparse_row(message: Message) -> Any | None:
    """The message's sentence features as one CSR row, or None when the fast path
    does not apply (dense sentence features present, or no sparse ones)."""
    sparse = message.get_sparse_features(attribute=TEXT)[1]
    dense = message.get_dense_features(attribute=TEXT)[1]
    if sparse is None or dense is not None:
        return None
    row = sparse.features.tocsr()  # sums duplicate entries, as scipy's hstack does
    return row if row.shape[0] == 1 else None


def fast_lr_process(self: LogisticRegressionClassifier, messages: list[Message]
                    ) -> list[Message]:
    """``LogisticRegressionClassifier.process`` without the per-row matrix stacking."""
    clf = self.clf
    rows = [_sparse_row(message) for message in messages]
    if not _is_multinomial(clf) or any(row is None for row in rows):
        return _original_lr_process(self, messages)
    for message, row in zip(messages, rows, strict=True):
        scores = clf.coef_[:, row.indices] @ row.data + clf.intercept_
        probas = softmax(scores.reshape(1, -1).astype(np.float64), copy=False)[0]
        pairs = zip(clf.classes_, probas, strict=True)
        ranking = sorted(
            ({"name": name, "confidence": value} for name, value in pairs),
            key=lambda entry: -entry["confidence"],
        )
        intent = ranking[0]
        if self.config[RANKING_LENGTH] > 0:
            ranking = ranking[: self.config[RANKING_LENGTH]]
        message.set("intent", intent, add_to_output=True)
        message.set("intent_ranking", ranking, add_to_output=True)
    return messages


def apply() -> None:
    jsonschema.validate = cached_validate
    Event.resolve_by_type = staticmethod(cached_resolve_by_type)  # type: ignore[method-assign]
    Event.__init_subclass__ = classmethod(_forget_event_classes)  # type: ignore[assignment,method-assign]
    LogisticRegressionClassifier.process = fast_lr_process  # type: ignore[method-assign]


def unapply() -> None:
    """Rasa's originals again (for before/after measurements, bot.profile_turns)."""
    jsonschema.validate = _original_validate
    Event.resolve_by_type = staticmethod(_original_resolve_by_type)  # type: ignore[method-assign]
    if "__init_subclass__" in Event.__dict__:
        delattr(Event, "__init_subclass__")
    _event_classes.clear()
    LogisticRegressionClassifier.process = _original_lr_process  # type: ignore[method-assign]


apply()
