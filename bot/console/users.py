"""Manage consultant accounts from the command line.

    python -m bot.console.users add NAME --team TEAM [--password-stdin]
    python -m bot.console.users add NAME --role coordinator [--team TEAM] [--password-stdin]
    python -m bot.console.users passwd NAME [--password-stdin]
    python -m bot.console.users role NAME consultant|coordinator
    python -m bot.console.users team NAME TEAM
    python -m bot.console.users list
    python -m bot.console.users disable NAME
    python -m bot.console.users enable NAME      (also lifts a lockout)

The database is ``--db-url`` or else ``TICKETS_DB_URL`` (default SQLite
``var/tickets.db``). ``--team`` is a team id from bot/tickets/routing.yml. A consultant
(the default role) sees and changes only their own team's tickets, so needs a team; a
coordinator sees every team's and the service page. Changing a role or team ends the
account's sessions. Without
``--password-stdin`` the password is asked twice with getpass; with it, the first line
of standard input is the password.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from typing import TextIO

from bot.console.accounts import ROLES, AccountError, AccountStore
from bot.console.console_settings import ConsoleSettings
from bot.tickets.routing import default_routing
from bot.tickets.store import create_engine_for


def _read_password(from_stdin: bool, stdin: TextIO) -> str:
    if from_stdin:
        return stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Wachtwoord: ")
    second = getpass.getpass("Nog een keer: ")
    if first != second:
        raise AccountError("De wachtwoorden zijn niet gelijk.")
    return first


def _check_team(team: str | None) -> None:
    teams = default_routing().labels
    if team is not None and team not in teams:
        raise AccountError(f"Onbekend team {team!r}. Kies uit: {', '.join(sorted(teams))}.")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot.console.users", description="Consultant accounts for the console."
    )
    parser.add_argument("--db-url", help="database URL (default: TICKETS_DB_URL)")
    commands = parser.add_subparsers(dest="command", required=True)

    add = commands.add_parser("add", help="create an account")
    add.add_argument("name")
    add.add_argument("--team", default=None)
    add.add_argument("--role", choices=ROLES, default="consultant")
    add.add_argument("--password-stdin", action="store_true")

    role = commands.add_parser("role", help="make an account consultant or coordinator")
    role.add_argument("name")
    role.add_argument("role", choices=ROLES)

    team = commands.add_parser("team", help="move an account to another team")
    team.add_argument("name")
    team.add_argument("team")

    passwd = commands.add_parser("passwd", help="set a new password")
    passwd.add_argument("name")
    passwd.add_argument("--password-stdin", action="store_true")

    commands.add_parser("list", help="show all accounts")
    for name, text in (("disable", "block an account"), ("enable", "unblock an account")):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("name")
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    args = _parser().parse_args(argv)
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    url = args.db_url or ConsoleSettings.from_env().db_url
    store = AccountStore(create_engine_for(url))  # same SQLite settings as the ticket store
    store.migrate()
    try:
        if args.command == "add":
            _check_team(args.team)
            if args.role == "consultant" and not args.team:
                raise AccountError("Een consulent hoort bij een team: geef --team TEAM "
                                   "(of --role coordinator).")
            password = _read_password(args.password_stdin, stdin)
            consultant = store.add_consultant(args.name, password, team=args.team,
                                              role=args.role)
            print(f"Account {consultant.name} is aangemaakt.", file=stdout)
        elif args.command == "role":
            person = store.get_consultant(args.name)
            if person is not None and args.role == "consultant" and not person.team:
                raise AccountError("Geef dit account eerst een team (users team NAAM TEAM).")
            store.set_role(args.name, args.role)
            print(f"De rol is nu {args.role}; open sessies zijn beëindigd.", file=stdout)
        elif args.command == "team":
            _check_team(args.team)
            store.set_team(args.name, args.team)
            print("Het team is gewijzigd; open sessies zijn beëindigd.", file=stdout)
        elif args.command == "passwd":
            store.set_password(args.name, _read_password(args.password_stdin, stdin))
            print("Het wachtwoord is gewijzigd.", file=stdout)
        elif args.command == "list":
            for person in store.list_consultants():
                state = "actief" if person.active else "uitgeschakeld"
                if person.locked_until is not None and person.locked_until > store.clock():
                    state += ", tijdelijk geblokkeerd"
                print(f"{person.name}\t{person.team or '-'}\t{person.role}\t{state}",
                      file=stdout)
        elif args.command == "disable":
            store.disable(args.name)
            print("Het account is uitgeschakeld; open sessies zijn beëindigd.", file=stdout)
        elif args.command == "enable":
            store.enable(args.name)
            print("Het account is weer actief.", file=stdout)
    except AccountError as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
