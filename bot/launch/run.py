"""``make run``: the one-process profile of the supervisor that ``make run-prod`` uses
(``bot.launch.supervisor``): the Rasa server, the action server, the consultant
console and the background worker in the foreground. A service that dies is
started again (the conversation continues from the tracker store); one that keeps
dying stops them all. Ctrl-C stops all of them.

Prints one line per service with its URL, which channels are on (and why the
others are off), which spaCy pipeline the model was trained with, and the
notification outbox backlog.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from bot.channels.registry import channel_statuses, write_credentials
from bot.launch.supervisor import Service, Supervisor
from bot.nlu.train import latest_model, spacy_pipeline_of
from bot.rasa.action_auth import TOKEN_ENV, bind_host, ensure_token
from bot.rasa.quiet_env import quiet_env
from bot.settings import VAR_DIR, Settings, apply_port_defaults, rasa_cors_origins

READY_TIMEOUT_S = 240.0
# Sanic (Rasa and the action server) refuses a larger body with 413 before any channel
# reads it; the same 1 MiB as bot.prod (there HAProxy refuses it first).
REQUEST_MAX_SIZE = 1024 * 1024


def run_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The services' environment: ``base`` (default os.environ) with make run's defaults."""
    env = apply_port_defaults(quiet_env(base))
    env.setdefault("SANIC_REQUEST_MAX_SIZE", str(REQUEST_MAX_SIZE))
    # Rasa's action-server client reuses connections; Sanic's default 5 s
    # keep-alive closed them under load ("Cannot write to closing transport").
    env.setdefault("SANIC_KEEP_ALIVE_TIMEOUT", "75")
    return env


def services(settings: Settings, model: Path, credentials: Path) -> list[Service]:
    py = sys.executable
    rasa = f"http://localhost:{settings.rasa_port}"
    console = f"http://localhost:{settings.console_port}"
    # bot.rasa.server opens the HTTP API (trackers, model swaps) only when
    # RASA_API_TOKEN is set, and keeps the token out of the command line.
    rasa_cmd = [
        py, "-m", "bot.rasa.server", "run", "--quiet", "--model", str(model),
        "--endpoints", "endpoints.yml", "--credentials", str(credentials),
        "--port", str(settings.rasa_port),
    ]
    # Only the listed sites get CORS (the widget's polling fallback), never "*";
    # make run lists the console's demo page unless WIDGET_ALLOWED_ORIGINS is set.
    origins = rasa_cors_origins(os.environ) or [
        f"http://{host}:{settings.console_port}" for host in ("localhost", "127.0.0.1")]
    rasa_cmd += ["--cors", *origins]
    actions = f"http://localhost:{settings.actions_port}"
    return [
        # Loopback unless ACTIONS_HOST; calls need ACTION_SERVER_TOKEN
        # (bot/rasa/action_auth.py).
        Service("actions", [py, "-m", "bot.rasa.action_server", "--actions", "actions",
                            "--port", str(settings.actions_port)],
                f"{actions}/health", f"action server: {actions}/webhook"),
        Service("rasa", rasa_cmd, f"{rasa}/", f"Rasa server: {rasa}/webhooks/rest/webhook"),
        Service("console", [py, "-m", "bot.console"], f"{console}/healthz",
                f"console: {console}/"),
        Service("worker", [py, "-m", "bot.launch.background_jobs"], "",
                "worker: outbox, retention, erasure"),
    ]


def _outbox_backlog(settings: Settings) -> str:
    try:
        from bot.tickets.store import TicketStore

        store = TicketStore.from_url(settings.tickets_db_url)
        store.migrate()
        return str(store.outbox_backlog())
    except Exception as error:  # noqa: BLE001 (a status line must not stop start-up)
        return f"unknown ({error.__class__.__name__})"


def _sigterm_as_interrupt(signum: int, frame: object) -> None:
    # A service manager (or `timeout`) sends SIGTERM: stop the services as on Ctrl-C.
    raise KeyboardInterrupt


def main() -> int:
    signal.signal(signal.SIGTERM, _sigterm_as_interrupt)
    # Ctrl-C must work even when a shell started us in the background, which leaves
    # SIGINT ignored (and Python then installs no KeyboardInterrupt handler).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    env = run_env()
    # Rasa and the action server share it through their environment, never argv.
    generated_token = ensure_token(env)
    os.environ.update(env)
    settings = Settings.from_env(env)
    VAR_DIR.mkdir(exist_ok=True)
    model = latest_model()
    if model is None:
        print("No trained model: run `make train` (or `make run`, which trains first).")
        return 1
    credentials = write_credentials(env, VAR_DIR / "credentials.yml")

    print(f"Model: {model.name} (spaCy pipeline: {spacy_pipeline_of(model)})")
    stores = "production (env)" if settings.production_stores else "embedded (SQLite under var/)"
    print(f"Stores: {stores}; lock store: {'Redis' if settings.lock_store_url else 'in memory'}")
    for status in channel_statuses(env):
        print(f"Channel {status.describe()}")
    print(f"Notification outbox backlog: {_outbox_backlog(settings)}")
    print(f"Action server: listens on {bind_host(env)}; calls need {TOKEN_ENV} "
          + ("(made for this run)" if generated_token else "(from the environment)"))

    supervisor = Supervisor(services(settings, model, credentials), env)
    try:
        for service in supervisor.services:
            supervisor.start(service.name)
            print(f"Starting {service.describe}", flush=True)
        try:
            pending = supervisor.wait_ready(READY_TIMEOUT_S)
        except RuntimeError as error:
            print(f"{error}.")
            return 1
        if pending:
            print("Not ready in time: " + ", ".join(pending))
            return 1
        print(f"Koffiepraat is ready. Widget demo: http://localhost:{settings.console_port}/widget/")
        print("Press Ctrl-C to stop.", flush=True)
        while True:
            time.sleep(1)
            for name in supervisor.restart_exited():
                print(f"{name} stopped; started it again.", flush=True)
    except KeyboardInterrupt:
        print("\nStopping Koffiepraat...")
        return 0
    except RuntimeError as error:  # a service keeps stopping
        print(f"{error}; stopping the others.")
        return 1
    finally:
        supervisor.stop_all()


if __name__ == "__main__":
    raise SystemExit(main())
