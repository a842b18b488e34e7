"""Check each JSON schema once, not on every ``jsonschema.validate`` call.

Profiling a Rasa process under load (py-spy, docs/benchmarks.md) showed about
30 % of its CPU in ``jsonschema.validate``: Rasa validates every action-server
response with it, and ``validate`` checks the *schema* against the 2020-12
meta-schema on every call before checking the response. The schema never
changes, so we check it once per distinct schema and keep the validator.
Results and errors are exactly those of ``jsonschema.validate``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import jsonschema
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for

_original_validate = jsonschema.validate


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


def apply() -> None:
    jsonschema.validate = cached_validate


def unapply() -> None:
    jsonschema.validate = _original_validate
