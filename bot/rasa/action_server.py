"""``python -m bot.rasa.action_server``: rasa_sdk's action server, for our Rasa only.

rasa_sdk's own entry point binds 0.0.0.0 and runs any action for whoever POSTs a
made-up tracker to ``/webhook``. This wraps its Sanic app
(``rasa_sdk.endpoint.create_app``, unchanged) with:

- loopback by default (``ACTIONS_HOST`` to bind elsewhere, bot.rasa.action_auth);
- the shared secret: every route but ``GET /health`` needs
  ``Authorization: Bearer $ACTION_SERVER_TOKEN`` (401 otherwise, constant-time
  compare); without a token in the environment the server does not start;
- size limits: a body over ``MAX_BODY_BYTES`` gets 413 from its Content-Length,
  before it is read; a ``Content-Encoding: deflate`` body (rasa_sdk inflates those
  with an unbounded ``zlib.decompress``) is inflated here, at most
  ``MAX_INFLATED_BYTES``, else 413;
- errors without echoes: rasa_sdk answers a failing action with the whole
  request body (the tracker, with personal data) in the 500; here it is a short
  JSON error.

Options: ``--actions`` (default ``actions``), ``--port`` (default ``ACTIONS_PORT``
or 5055) and rasa_sdk's ``-v``/``-vv``/``--quiet``. Sanic workers as in rasa_sdk
(``ACTION_SERVER_SANIC_WORKERS``, default 1).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import zlib
from collections.abc import Sequence

from rasa_sdk import utils as sdk_utils
from rasa_sdk.endpoint import create_app as create_sdk_app
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.privacy.sender_key import load_secret
from bot.rasa import log_pseudonyms
from bot.rasa.action_auth import TokenError, authorized, bind_host, configured_token

logger = logging.getLogger(__name__)

# Rasa sends the domain (tens of kB) and the tracker of the current session with every
# call: a few hundred kB in long conversations. Far above that, far below harm.
MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_INFLATED_BYTES = 16 * 1024 * 1024
OPEN_PATHS = frozenset({"/health"})
DEFAULT_PORT = 5055


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


def inflate(body: bytes, limit: int) -> bytes | None:
    """A zlib (``deflate``) body inflated to at most ``limit`` bytes; None when larger.

    Raises ``zlib.error`` for data that is not complete zlib data.
    """
    inflater = zlib.decompressobj()
    data = inflater.decompress(body, limit + 1)
    if len(data) > limit or inflater.unconsumed_tail:
        return None
    if not inflater.eof:
        raise zlib.error("incomplete deflate data")
    return data


def create_app(token: str, actions: str = "actions", max_body_bytes: int = MAX_BODY_BYTES,
               max_inflated_bytes: int = MAX_INFLATED_BYTES) -> Sanic:
    """rasa_sdk's app for ``actions``, answering only calls that carry ``token``."""
    # No CORS: no browser has any business here.
    app = create_sdk_app(actions, cors_origins="")
    app.config.REQUEST_MAX_SIZE = max_body_bytes

    @app.middleware("request")
    async def guard(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS and request.method == "GET":
            return None
        if not authorized(request.headers.get("authorization"), token):
            logger.warning("Action server: call without the shared secret refused")
            return _error(401, "unauthorized")
        # Sanic also runs this for its own refusals (e.g. 413 before the body is read):
        # then there is no body, and the refusal must stand.
        deflated = request.headers.get("content-encoding", "").strip().lower() == "deflate"
        if deflated and request.body:
            try:
                inflated = inflate(request.body, max_inflated_bytes)
            except zlib.error:
                return _error(400, "invalid deflate body")
            if inflated is None:
                return _error(413, "inflated body too large")
            # rasa_sdk would inflate again, without a limit: hand it plain JSON instead.
            request.body = inflated
            del request.headers["content-encoding"]
        return None

    @app.exception(SanicException)
    async def sanic_error(request: Request, error: SanicException) -> HTTPResponse:
        # Sanic's own refusals (413 for the body size, 404, 405, ...) keep their status.
        return _error(error.status_code, str(error))

    @app.exception(Exception)
    async def internal_error(request: Request, error: Exception) -> HTTPResponse:
        # Replaces rasa_sdk's handler, which echoes the request body (the tracker).
        logger.error("Action server error: %s", error.__class__.__name__, exc_info=error)
        return _error(500, "internal error")

    return app


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot.rasa.action_server", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actions", default="actions", help="package with the actions")
    parser.add_argument("--port", type=int,
                        default=int(os.environ.get("ACTIONS_PORT", "") or DEFAULT_PORT))
    sdk_utils.add_logging_level_option_arguments(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    log_pseudonyms.install(load_secret())  # no phone numbers in log lines
    args = _parser().parse_args(argv)
    try:
        token = configured_token(os.environ)
    except TokenError as error:
        print(f"bot.rasa.action_server: {error}", file=sys.stderr)
        return 2
    sdk_utils.configure_colored_logging(args.loglevel)
    sdk_utils.update_sanic_log_level()
    app = create_app(token, args.actions)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)  # as rasa_sdk's run()
    host = bind_host(os.environ)
    logger.info("Action server on http://%s:%d (calls need the shared secret)", host, args.port)
    app.run(host, args.port, workers=sdk_utils.number_of_sanic_workers())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
