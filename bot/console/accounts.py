"""Consultant accounts and server-side sessions for the console.

Lives in the same database as the tickets (``TICKETS_DB_URL``) but in its own
tables, with its own migration table ``console_schema_version`` so the ticket
store's migrations and ours never step on each other.

Security choices:
- passwords are hashed with argon2id (argon2-cffi defaults), rehashed on login
  when the parameters change;
- after ``lockout_attempts`` failed logins for one name, from any address, the name is
  locked for ``lockout_duration``; a correct password does not open it, except in a
  browser its consultant logged in with before (``trusted_browsers.py``): knowing a
  name is not enough to lock its consultant out;
- every failed login costs one password verification and the same counting statements,
  whatever the reason (unknown name, wrong password, locked, disabled), so neither the
  answer nor its time tells them apart;
- a password change ends the consultant's sessions (but the one it came from);
- the session cookie holds a random token; the database only stores its
  SHA-256, so a leaked table does not hand out sessions;
- sessions end after ``session_idle`` without requests or ``session_max_age``
  in total, and when the consultant is disabled.

The store is synchronous (SQLAlchemy 1.4 Core); the web app calls it through
``asyncio.to_thread``.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from enum import Enum
from functools import cached_property

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from bot.console.trusted_browsers import TrustedBrowsers

SCHEMA_VERSION_TABLE = "console_schema_version"
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
MIN_PASSWORD_LENGTH = 12
# Sessions are touched at most this often, to keep writes down on busy pages.
TOUCH_INTERVAL = timedelta(seconds=60)

metadata = sa.MetaData()

schema_version = sa.Table(
    SCHEMA_VERSION_TABLE,
    metadata,
    sa.Column("version", sa.Integer, nullable=False),
)

consultants = sa.Table(
    "console_consultants",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(40), nullable=False, unique=True),
    sa.Column("team", sa.String(80), nullable=True),
    # "consultant": their own team's tickets only; "coordinator": every team's (issue 13,
    # finding 4). Schema version 2 added it; accounts that existed then became coordinators.
    sa.Column("role", sa.String(16), nullable=False, server_default="consultant"),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("failed_attempts", sa.Integer, nullable=False, default=0),
    sa.Column("locked_until", sa.DateTime, nullable=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

sessions = sa.Table(
    "console_sessions",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column(
        "consultant_id",
        sa.Integer,
        sa.ForeignKey("console_consultants.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("last_seen", sa.DateTime, nullable=False),
)


class AccountError(ValueError):
    """A request about accounts that cannot be honoured (message is safe to show)."""


class LoginOutcome(Enum):
    OK = "ok"
    BAD_CREDENTIALS = "bad_credentials"
    LOCKED = "locked"
    DISABLED = "disabled"


ROLES = ("consultant", "coordinator")


@dataclass(frozen=True)
class Consultant:
    id: int
    name: str
    team: str | None
    active: bool
    locked_until: datetime | None
    role: str = "consultant"

    @property
    def is_coordinator(self) -> bool:
        return self.role == "coordinator"

    def may_see_team(self, team: str | None) -> bool:
        """Teams are an access boundary: a consultant sees their own team's tickets only (none
        without a team); a coordinator sees every team's."""
        return self.is_coordinator or (self.team is not None and team == self.team)


@dataclass(frozen=True)
class LoginResult:
    outcome: LoginOutcome
    consultant: Consultant | None = None
    # After a successful login: the browser cookie to set (trusted_browsers.py).
    browser: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is LoginOutcome.OK


@dataclass(frozen=True)
class Session:
    consultant: Consultant
    csrf_token: str
    created_at: datetime
    last_seen: datetime
    # The raw cookie value; only known right after start_session.
    token: str | None = None


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _to_db(moment: datetime) -> datetime:
    """Store naive UTC: portable between SQLite and PostgreSQL."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def _from_db(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=timezone.utc)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def normalise_name(name: str) -> str:
    cleaned = name.strip().lower()
    if not NAME_PATTERN.match(cleaned):
        raise AccountError(
            "Een naam heeft 2 tot 40 tekens: kleine letters, cijfers, punt, streepje of _."
        )
    return cleaned


def check_role(role: str) -> None:
    if role not in ROLES:
        raise AccountError(f"Een rol is {' of '.join(ROLES)}.")


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Een wachtwoord heeft minstens {MIN_PASSWORD_LENGTH} tekens.")


class AccountStore:
    """Consultants, login attempts and sessions in SQL tables."""

    def __init__(
        self,
        engine: sa.engine.Engine,
        *,
        lockout_attempts: int = 5,
        lockout_duration: timedelta = timedelta(minutes=15),
        session_idle: timedelta = timedelta(minutes=30),
        session_max_age: timedelta = timedelta(hours=12),
        clock: Callable[[], datetime] = utc_now,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.engine = engine
        self.lockout_attempts = lockout_attempts
        self.lockout_duration = lockout_duration
        self.session_idle = session_idle
        self.session_max_age = session_max_age
        self.clock = clock
        self.hasher = hasher or PasswordHasher()  # argon2id with the library's defaults
        # Browsers a consultant logged in with are not held by their name's lock.
        self.browsers = TrustedBrowsers(lockout_attempts, lockout_duration,
                                        clock=lambda: self.clock().timestamp())

    @cached_property
    def _dummy_hash(self) -> str:
        """Verified against for unknown names, so both paths cost the same time."""
        return self.hasher.hash(secrets.token_urlsafe(16))

    # ------------------------------------------------------------------ schema
    def migrate(self) -> int:
        """Create or upgrade our tables; returns the schema version now in place."""
        with self.engine.begin() as conn:
            schema_version.create(conn, checkfirst=True)
            current = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
            current = current or 0
            if current < 1:
                consultants.create(conn, checkfirst=True)
                sessions.create(conn, checkfirst=True)
                conn.execute(schema_version.insert().values(version=1))
                current = 1
            if current < 2:
                # Roles (issue 13, finding 4). Accounts from before roles saw every team's
                # tickets; they become coordinators, so an upgrade locks nobody out (deploy.md
                # says how to make them consultants of their team).
                columns = {c["name"] for c in sa.inspect(conn).get_columns(consultants.name)}
                if "role" not in columns:
                    conn.execute(sa.text(
                        "ALTER TABLE console_consultants "
                        "ADD COLUMN role VARCHAR(16) NOT NULL DEFAULT 'consultant'"))
                conn.execute(consultants.update().values(role="coordinator"))
                conn.execute(schema_version.insert().values(version=2))
                current = 2
        return current

    # --------------------------------------------------------------- accounts
    def add_consultant(self, name: str, password: str, team: str | None = None,
                       role: str = "consultant") -> Consultant:
        login = normalise_name(name)
        check_password_strength(password)
        team = (team or "").strip() or None
        check_role(role)
        with self.engine.begin() as conn:
            exists = conn.execute(
                sa.select(consultants.c.id).where(consultants.c.name == login)
            ).first()
            if exists:
                raise AccountError(f"Er is al een account met de naam {login}.")
            conn.execute(
                consultants.insert().values(
                    name=login,
                    team=team,
                    role=role,
                    password_hash=self.hasher.hash(password),
                    active=True,
                    failed_attempts=0,
                    created_at=_to_db(self.clock()),
                )
            )
        found = self.get_consultant(login)
        assert found is not None
        return found

    def get_consultant(self, name: str) -> Consultant | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(consultants).where(consultants.c.name == name.strip().lower())
            ).first()
        return None if row is None else self._consultant(row)

    def list_consultants(self) -> list[Consultant]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(consultants).order_by(consultants.c.name)).all()
        return [self._consultant(row) for row in rows]

    def set_password(self, name: str, password: str, keep_session: str | None = None) -> None:
        """New password; every session of the consultant ends, but ``keep_session`` (the
        cookie value of the session the change was made from, if any)."""
        check_password_strength(password)
        consultant = self._update_by_name(
            name, password_hash=self.hasher.hash(password), failed_attempts=0, locked_until=None
        )
        ending = sessions.delete().where(sessions.c.consultant_id == consultant.id)
        if keep_session:
            ending = ending.where(sessions.c.token_hash != _token_hash(keep_session))
        with self.engine.begin() as conn:
            conn.execute(ending)

    def set_role(self, name: str, role: str) -> None:
        """A new role; the consultant's sessions end, so that no page stays open with the
        old reach."""
        check_role(role)
        consultant = self._update_by_name(name, role=role)
        self.end_sessions_for(consultant.id)

    def set_team(self, name: str, team: str | None) -> None:
        consultant = self._update_by_name(name, team=(team or "").strip() or None)
        self.end_sessions_for(consultant.id)

    def disable(self, name: str) -> None:
        consultant = self._update_by_name(name, active=False)
        self.end_sessions_for(consultant.id)

    def enable(self, name: str) -> None:
        self._update_by_name(name, active=True, failed_attempts=0, locked_until=None)

    def _update_by_name(self, name: str, **values: object) -> Consultant:
        consultant = self.get_consultant(name)
        if consultant is None:
            raise AccountError(f"Geen account met de naam {name.strip().lower()}.")
        with self.engine.begin() as conn:
            conn.execute(
                consultants.update().where(consultants.c.id == consultant.id).values(**values)
            )
        return consultant

    # ------------------------------------------------------------------ login
    def authenticate(self, name: str, password: str, browser: str | None = None) -> LoginResult:
        """Check a login attempt and keep the failure counter and lockout up to date.

        ``browser`` is the browser cookie the attempt came with (trusted_browsers.py):
        one that this name's consultant logged in with before is not held by the
        name's lock. A successful login returns a fresh one in ``LoginResult.browser``.
        """
        now = self.clock()
        login = name.strip().lower()
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(consultants).where(consultants.c.name == login)).first()
        trusted = row is not None and self.browsers.vouches(browser, row.name, row.password_hash)
        locked_until = None if row is None else _from_db(row.locked_until)
        locked = locked_until is not None and now < locked_until
        if row is None or (locked and not trusted) or not row.active:
            # Same work as a wrong password: one hash, the same counting statements
            # (which change nothing here); the result opens nothing.
            self._verify(self._dummy_hash if row is None or not row.active
                         else row.password_hash, password)
            self._count_failure(login, now)
            if row is None:
                return LoginResult(LoginOutcome.BAD_CREDENTIALS)
            return LoginResult(LoginOutcome.LOCKED if locked else LoginOutcome.DISABLED)
        if not self._verify(row.password_hash, password):
            if trusted:
                assert browser is not None
                locked_out = self.browsers.failed(browser)
            else:
                locked_out = self._count_failure(login, now)
            return LoginResult(LoginOutcome.LOCKED if locked_out
                               else LoginOutcome.BAD_CREDENTIALS)

        # A trusted browser got in while the name is locked: the lock stays for the others.
        values: dict[str, object] = {} if locked else {"failed_attempts": 0,
                                                       "locked_until": None}
        password_hash = row.password_hash
        if self.hasher.check_needs_rehash(password_hash):
            password_hash = values["password_hash"] = self.hasher.hash(password)
        if values:
            with self.engine.begin() as conn:
                conn.execute(
                    consultants.update().where(consultants.c.id == row.id).values(**values))
        self.browsers.succeeded(browser)
        consultant = self._consultant(row)
        if not locked:
            consultant = replace(consultant, locked_until=None)
        return LoginResult(LoginOutcome.OK, consultant,
                           browser=self.browsers.issue(row.name, str(password_hash)))

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self.hasher.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def _count_failure(self, login: str, now: datetime) -> bool:
        """Count a failed login for the name typed; True when this one locked the name.

        The same statements for every name, known or not, locked or not: they only
        change an active account that is not locked now.
        """
        countable = sa.and_(
            consultants.c.name == login,
            consultants.c.active.is_(True),
            sa.or_(consultants.c.locked_until.is_(None),
                   consultants.c.locked_until <= _to_db(now)),
        )
        with self.engine.begin() as conn:
            conn.execute(consultants.update().where(countable)
                         .values(failed_attempts=consultants.c.failed_attempts + 1))
            attempts = conn.execute(
                sa.select(consultants.c.failed_attempts).where(countable)).scalar()
            if attempts is None or attempts < self.lockout_attempts:
                return False
            conn.execute(consultants.update().where(countable).values(
                failed_attempts=0, locked_until=_to_db(now + self.lockout_duration)))
        return True

    # --------------------------------------------------------------- sessions
    def start_session(self, consultant_id: int) -> Session:
        """A brand-new session (new token on every login: no session fixation)."""
        token = secrets.token_urlsafe(32)
        csrf_token = secrets.token_urlsafe(32)
        now = self.clock()
        with self.engine.begin() as conn:
            conn.execute(
                sessions.insert().values(
                    token_hash=_token_hash(token),
                    consultant_id=consultant_id,
                    csrf_token=csrf_token,
                    created_at=_to_db(now),
                    last_seen=_to_db(now),
                )
            )
            row = conn.execute(
                sa.select(consultants).where(consultants.c.id == consultant_id)
            ).one()
        return Session(self._consultant(row), csrf_token, now, now, token=token)

    def load_session(self, token: str) -> Session | None:
        """The live session for a cookie value, or None (expired ones are removed)."""
        if not token or len(token) > 128:
            return None
        key = _token_hash(token)
        now = self.clock()
        query = (
            sa.select(sessions, consultants)
            .join(consultants, consultants.c.id == sessions.c.consultant_id)
            .where(sessions.c.token_hash == key)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            return None
        created_at = _from_db(row.created_at)
        last_seen = _from_db(row.last_seen)
        assert created_at is not None and last_seen is not None
        expired = (
            now - last_seen > self.session_idle
            or now - created_at > self.session_max_age
            or not row.active
        )
        if expired:
            self.end_session(token)
            return None
        if now - last_seen >= TOUCH_INTERVAL:
            with self.engine.begin() as conn:
                conn.execute(
                    sessions.update()
                    .where(sessions.c.token_hash == key)
                    .values(last_seen=_to_db(now))
                )
            last_seen = now
        consultant = Consultant(
            id=row.consultant_id,
            name=row.name,
            team=row.team,
            active=row.active,
            locked_until=_from_db(row.locked_until),
            role=row.role,
        )
        return Session(consultant, row.csrf_token, created_at, last_seen)

    def end_session(self, token: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(sessions.delete().where(sessions.c.token_hash == _token_hash(token)))

    def end_sessions_for(self, consultant_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(sessions.delete().where(sessions.c.consultant_id == consultant_id))

    def purge_expired_sessions(self) -> int:
        now = self.clock()
        idle_cutoff = _to_db(now - self.session_idle)
        age_cutoff = _to_db(now - self.session_max_age)
        with self.engine.begin() as conn:
            result = conn.execute(
                sessions.delete().where(
                    sa.or_(sessions.c.last_seen < idle_cutoff, sessions.c.created_at < age_cutoff)
                )
            )
        return result.rowcount or 0

    # ---------------------------------------------------------------- helpers
    @staticmethod
    def _consultant(row: sa.engine.Row) -> Consultant:
        return Consultant(
            id=row.id,
            name=row.name,
            team=row.team,
            active=row.active,
            locked_until=_from_db(row.locked_until),
            role=row.role,
        )

