"""Environment for child processes without TensorFlow and deprecation noise.

Errors stay visible (they are logged, not warned). ``keep_warnings=True`` is for
``bot.nlu.validate``, which reads Rasa's UserWarnings to judge the training data.
"""

from __future__ import annotations

import os


def quiet_env(base: dict[str, str] | None = None, keep_warnings: bool = False) -> dict[str, str]:
    env = dict(os.environ if base is None else base)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    if keep_warnings:
        env["PYTHONWARNINGS"] = "ignore::DeprecationWarning"
    else:
        env.setdefault("PYTHONWARNINGS", "ignore")
    return env
