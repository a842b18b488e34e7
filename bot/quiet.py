"""Environment for child processes that hides TensorFlow and deprecation noise.

Errors and warnings of our own still show: only TensorFlow's C++ info lines,
Python deprecation warnings of third-party code and SQLAlchemy's 2.0 notice go.
"""

from __future__ import annotations

import os


def quiet_env(base: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ if base is None else base)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("PYTHONWARNINGS", "ignore::DeprecationWarning,ignore::FutureWarning")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    return env
