"""Which notifiers are on: those whose environment variables are set.

Telegram: TELEGRAM_BOT_TOKEN and CONSULTANT_TELEGRAM_CHAT_ID (TELEGRAM_API_BASE_URL optional).
E-mail:   SMTP_HOST, SMTP_FROM and CONSULTANT_EMAIL (SMTP_PORT default 25; optional
          SMTP_STARTTLS=1 (verified TLS), SMTP_USERNAME, SMTP_PASSWORD; credentials only
          with SMTP_STARTTLS=1, else a configuration error: no login without TLS).
Console link in messages: CONSOLE_PUBLIC_URL, else http://localhost:$CONSOLE_PORT (8080).

Per team and for the coordinator (issue 15): bot/tickets/routing.yml names each team's own
Telegram chat and/or mailbox and the coordinator's, literally or by environment variable;
whatever is not set there goes to the defaults above, which stay required to turn a
notifier on.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.notify.base import Destinations, Notifier
from bot.notify.email_notifier import EmailNotifier
from bot.notify.telegram_notifier import DEFAULT_TELEGRAM_API_BASE_URL, TelegramNotifier
from bot.tickets.routing import Routing, default_routing

_TRUE = {"1", "true", "yes", "on"}


def _get(env: Mapping[str, str], name: str) -> str:
    return (env.get(name) or "").strip()


def telegram_configured(env: Mapping[str, str]) -> bool:
    return bool(_get(env, "TELEGRAM_BOT_TOKEN") and _get(env, "CONSULTANT_TELEGRAM_CHAT_ID"))


def email_configured(env: Mapping[str, str]) -> bool:
    return bool(_get(env, "SMTP_HOST") and _get(env, "SMTP_FROM")
                and _get(env, "CONSULTANT_EMAIL"))


def configured_notifier_names(env: Mapping[str, str]) -> list[str]:
    """Names for TicketStore(notifiers=...), without building any client."""
    names = []
    if telegram_configured(env):
        names.append(TelegramNotifier.name)
    if email_configured(env):
        names.append(EmailNotifier.name)
    return names


def destinations(channel: str, default: str, env: Mapping[str, str],
                 routing: Routing | None = None) -> Destinations:
    """A notifier's destinations: routing.yml's per team and coordinator ones, resolved in
    `env`, over `default`."""
    routing = routing or default_routing()
    teams = {team: value for team in routing.notify
             if (value := routing.destination(channel, team, env))}
    return Destinations(default=default, teams=teams,
                        coordinator=routing.coordinator_destination(channel, env))


def configured_notifiers(env: Mapping[str, str],
                         routing: Routing | None = None) -> list[Notifier]:
    notifiers: list[Notifier] = []
    if telegram_configured(env):
        notifiers.append(TelegramNotifier(
            token=_get(env, "TELEGRAM_BOT_TOKEN"),
            chat_id=_get(env, "CONSULTANT_TELEGRAM_CHAT_ID"),
            base_url=_get(env, "TELEGRAM_API_BASE_URL") or DEFAULT_TELEGRAM_API_BASE_URL,
            destinations=destinations(
                "telegram", _get(env, "CONSULTANT_TELEGRAM_CHAT_ID"), env, routing),
        ))
    if email_configured(env):
        notifiers.append(EmailNotifier(
            host=_get(env, "SMTP_HOST"),
            port=int(_get(env, "SMTP_PORT") or 25),
            sender=_get(env, "SMTP_FROM"),
            recipient=_get(env, "CONSULTANT_EMAIL"),
            starttls=_get(env, "SMTP_STARTTLS").lower() in _TRUE,
            username=_get(env, "SMTP_USERNAME") or None,
            password=_get(env, "SMTP_PASSWORD") or None,
            destinations=destinations("email", _get(env, "CONSULTANT_EMAIL"), env, routing),
        ))
    return notifiers


def console_url(env: Mapping[str, str]) -> str:
    return _get(env, "CONSOLE_PUBLIC_URL") or (
        f"http://localhost:{_get(env, 'CONSOLE_PORT') or 8080}"
    )
