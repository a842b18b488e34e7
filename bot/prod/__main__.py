"""``python -m bot.prod serve --workers N``: the production profile in the foreground.

Prints one line per service, waits until every health endpoint answers, then
watches the processes (restarting one that dies) until Ctrl-C stops them all.
SIGHUP restarts the Rasa processes one by one on the newest model in models/
(a model roll-out without dropping conversations, see docs/deploy.md).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time

from bot.launch.supervisor import Service, Supervisor
from bot.nlu.train import latest_model, spacy_pipeline_of
from bot.prod import haproxy
from bot.prod.prod_settings import ConfigError, ProdConfig, require_sender_key_secret
from bot.prod.services import all_services, child_env, safe_url
from bot.rasa.action_auth import TOKEN_ENV
from bot.rasa.quiet_env import quiet_env
from bot.settings import apply_port_defaults, rasa_cors_origins

READY_TIMEOUT_S = 300.0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot.prod", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="start the production profile")
    serve.add_argument("--workers", type=int, default=int(os.environ.get("RASA_WORKERS", "2")),
                       help="number of Rasa processes (default RASA_WORKERS or 2)")
    return parser


def _on_sigterm(*_: object) -> None:
    raise KeyboardInterrupt


def _newest_model(service: Service) -> Service:
    """A Rasa service's command with the newest trained model (others unchanged)."""
    model = latest_model()
    if not service.name.startswith("rasa-") or model is None:
        return service
    cmd = list(service.cmd)
    cmd[cmd.index("--model") + 1] = str(model)
    return Service(service.name, cmd, service.health_url, service.describe)


def serve(workers: int) -> int:
    base = apply_port_defaults(quiet_env())
    generated_token = not base.get(TOKEN_ENV, "").strip()
    env = child_env(base)  # makes ACTION_SERVER_TOKEN for this run when it is unset
    try:
        config = ProdConfig.from_env(env, workers)
        require_sender_key_secret(env)
        rasa_cors_origins(env)  # WIDGET_ALLOWED_ORIGINS: origins only, never "*"
        haproxy.haproxy_binary()
    except ValueError as error:  # ConfigError or a bad WIDGET_ALLOWED_ORIGINS
        print(f"Cannot start the production profile: {error}", file=sys.stderr)
        return 2
    model = latest_model()
    if model is None:
        print("No trained model: run `make train` first.", file=sys.stderr)
        return 1
    services = all_services(config, model, env)
    try:
        haproxy.check_config(config.run_dir / "haproxy.cfg")
    except ConfigError as error:
        print(str(error), file=sys.stderr)
        return 2

    print(f"Model: {model.name} (spaCy pipeline: {spacy_pipeline_of(model)})")
    print(f"Conversations: {safe_url(env['TRACKER_STORE_URL'])}; "
          f"locks: {safe_url(env['LOCK_STORE_URL'])}; tickets: {safe_url(env['TICKETS_DB_URL'])}")
    channel_state = env.get("CHANNEL_STATE_URL", "").strip() or env["LOCK_STORE_URL"]
    print(f"Channel state (message ids, button keys, numbered lists): {safe_url(channel_state)}")
    if generated_token:
        print(f"{TOKEN_ENV} is not set: made one for this run (set it to run the action "
              "server on its own, see docs/deploy.md).")
    supervisor = Supervisor(services, env, refresh=_newest_model)
    roll_requested: list[bool] = []
    # Also SIGINT: a shell starting us in the background would have it ignored.
    signal.signal(signal.SIGTERM, _on_sigterm)
    signal.signal(signal.SIGINT, _on_sigterm)
    signal.signal(signal.SIGHUP, lambda *_: roll_requested.append(True))
    try:
        for service in services:
            supervisor.start(service.name)
            print(f"Starting {service.describe}", flush=True)
        pending = supervisor.wait_ready(READY_TIMEOUT_S)
        if pending:
            print("Not ready in time: " + ", ".join(pending), file=sys.stderr)
            return 1
        print(f"Koffiepraat (production profile, Rasa processes: {workers}) is ready. "
              f"Press Ctrl-C to stop; `kill -HUP {os.getpid()}` rolls out the newest model.",
              flush=True)
        while True:
            time.sleep(1)
            if roll_requested:
                roll_requested.clear()
                rasa = [s.name for s in supervisor.services if s.name.startswith("rasa-")]
                print(f"Rolling restart of {', '.join(rasa)} on {latest_model().name}...",
                      flush=True)
                supervisor.roll(rasa, READY_TIMEOUT_S)
                print("Rolling restart done.", flush=True)
            for name in supervisor.restart_exited():
                print(f"{name} stopped; started it again.", flush=True)
    except KeyboardInterrupt:
        print("\nStopping Koffiepraat...")
        return 0
    except RuntimeError as error:
        print(f"{error}; stopping the others.", file=sys.stderr)
        return 1
    finally:
        supervisor.stop_all()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return serve(args.workers)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
