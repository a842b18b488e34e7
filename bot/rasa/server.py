"""``python -m bot.rasa.server run ...``: Rasa's command line, with the HTTP API token
taken from the environment instead of the command line.

Rasa's HTTP API (trackers, events, model swaps) is opened only when
``RASA_API_TOKEN`` is set: this entry point then adds ``--enable-api --auth-token``
inside the process. Rasa itself only takes the token as a command-line option,
and a command line is not secret: every local user can read it (``ps``,
``/proc/<pid>/cmdline``) and service managers log it. Adding the option to
``sys.argv`` here keeps it out of the process's visible command line.

``--enable-api`` or ``--auth-token`` on the command line itself are refused: the
first without a token would open the API to anyone, the second would put the
token where this module keeps it out.

Log lines carry WhatsApp and Telegram conversations by pseudonym
(``bot.rasa.log_pseudonyms``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from bot.privacy.sender_key import load_secret
from bot.rasa import log_pseudonyms

API_FLAGS = ("--enable-api", "--auth-token")
TOKEN_ENV = "RASA_API_TOKEN"  # noqa: S105 - the variable's name, not a token


class UnsafeArguments(ValueError):
    """The command line would open Rasa's HTTP API or reveal its token."""


def api_token(env: Mapping[str, str]) -> str | None:
    return env.get(TOKEN_ENV, "").strip() or None


def rasa_arguments(argv: Sequence[str], env: Mapping[str, str]) -> list[str]:
    """Rasa's arguments: ``argv`` plus the API flags when the environment holds a token."""
    given = [arg for arg in argv if arg.split("=", 1)[0] in API_FLAGS]
    if given:
        raise UnsafeArguments(
            f"{', '.join(given)} may not be given on the command line: set {TOKEN_ENV} "
            "in the environment to open Rasa's HTTP API (with that token)."
        )
    token = api_token(env)
    return [*argv, "--enable-api", "--auth-token", token] if token else list(argv)


def main() -> None:
    try:
        arguments = rasa_arguments(sys.argv[1:], os.environ)
    except UnsafeArguments as error:
        print(f"bot.rasa.server: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    sys.argv = [sys.argv[0], *arguments]
    # Rasa's log lines name conversations; WhatsApp's ids are phone numbers.
    log_pseudonyms.install(load_secret())
    from rasa.__main__ import main as rasa_main  # late: Rasa's import takes seconds

    rasa_main()


if __name__ == "__main__":
    main()
