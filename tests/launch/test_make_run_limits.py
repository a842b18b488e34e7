"""Issue 13 (low): the checked-in credentials.yml names the hardened REST channel, and
``make run`` caps request bodies in Sanic (Rasa and the action server) like bot.prod."""

from __future__ import annotations

import yaml

from bot.channels.registry import ALWAYS_ON
from bot.launch import run
from bot.settings import ROOT


def test_credentials_yml_uses_the_hardened_rest_channel_not_rasas_own():
    channels = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    assert "rest" not in channels
    assert "bot.channels.rest.HardenedRestInput" in channels
    # The same always-on channels as the file make run and make run-prod generate.
    assert set(ALWAYS_ON) <= set(channels)


def test_make_run_sets_a_request_size_limit_for_sanic():
    env = run.run_env({})
    assert env["SANIC_REQUEST_MAX_SIZE"] == str(1024 * 1024)
    assert env["SANIC_KEEP_ALIVE_TIMEOUT"] == "75"
    # An operator's own value wins.
    assert run.run_env({"SANIC_REQUEST_MAX_SIZE": "2048"})["SANIC_REQUEST_MAX_SIZE"] == "2048"


def test_make_run_limit_matches_the_production_profile():
    from bot.prod.services import SANIC_SETTINGS

    assert run.run_env({})["SANIC_REQUEST_MAX_SIZE"] == SANIC_SETTINGS["SANIC_REQUEST_MAX_SIZE"]
