# Koffiepraat: `make run` starts everything, `make test` tests everything.
# Both do all set-up themselves on a fresh clone (see README).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PY := .venv/bin/python
VENV_STAMP := .venv/.installed

export RASA_PORT ?= 5005
export ACTIONS_PORT ?= 5055
export CONSOLE_PORT ?= 8080
export TF_CPP_MIN_LOG_LEVEL ?= 3
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
export RASA_TELEMETRY_ENABLED ?= false

.PHONY: help setup spacy train run test eval bench lint lock clean consultant

help:
	@echo "make run    start Rasa, the action server and the consultant console"
	@echo "make test   run the whole test suite"
	@echo "make train  train the model (no-op when nothing changed)"
	@echo "make eval   NLU report with confusion matrix and baseline comparison"
	@echo "make bench  load benchmark against a running stack"

$(VENV_STAMP): requirements/lock.txt requirements/nodeps.txt scripts/setup_env.sh
	@bash scripts/setup_env.sh

setup: $(VENV_STAMP)

spacy: setup
	@$(PY) -m bot.nlu.spacy_pipeline

train: setup
	@$(PY) -m bot.nlu.train

run: train
	@$(PY) -m bot.launch.run

test: setup
	@bash scripts/setup_system.sh
	@bash scripts/test.sh

# Production profile: WORKERS Rasa processes behind HAProxy on PostgreSQL + Redis
# (TRACKER_STORE_URL, LOCK_STORE_URL, TICKETS_DB_URL must be set; docs/deploy.md).
.PHONY: run-prod
WORKERS ?= 2
run-prod: train
	@$(PY) -m bot.prod serve --workers $(WORKERS)

eval: train
	@$(PY) -m bot.nlu.evaluate report

bench: setup
	@$(PY) -m tools.bench

lint: setup
	@$(PY) -m ruff check bot actions tools tests

# Re-resolve the pinned set from requirements/*.in (maintainers only).
lock: setup
	@bash scripts/lock.sh

# Add a consultant account for the console: make consultant NAME=anna [TEAM=twente]
consultant: setup
	@test -n "$(NAME)" || { echo "usage: make consultant NAME=anna [TEAM=team]"; exit 2; }
	@$(PY) -m bot.console.users add "$(NAME)" $(if $(TEAM),--team "$(TEAM)")

clean:
	rm -rf var models/*.tar.gz .pytest_cache results
