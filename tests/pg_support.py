"""Throwaway PostgreSQL schemas and databases on the local server, for every test folder.

Importable by bare name (`from pg_support import ...`) because tests/conftest.py sits in
this folder: pytest's default "prepend" import mode puts tests/ on sys.path when it loads
that conftest, before any test module below it is collected.

A schema is cheap and enough for code that only needs its own tables (the ticket and
account stores). A whole database is for processes that open their own connections from a
plain URL (Rasa's tracker store, the production profile).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

# TICKETS_TEST_PG_URL is the older name of the same setting.
PG_ADMIN_URL = (os.environ.get("TEST_POSTGRES_URL") or os.environ.get("TICKETS_TEST_PG_URL")
                or "postgresql://postgres@127.0.0.1:5432/test")


def unique_name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


def _admin_engine() -> sa.engine.Engine:
    # CREATE/DROP DATABASE cannot run inside a transaction.
    return sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", future=True)


def _execute(statement: str) -> None:
    engine = _admin_engine()
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


@contextmanager
def throwaway_schema(prefix: str = "kp_test") -> Iterator[str]:
    """A URL whose every connection works in a fresh schema, dropped afterwards."""
    schema = unique_name(prefix)
    _execute(f'CREATE SCHEMA "{schema}"')
    try:
        # libpq "options" sets the search_path of every connection made from this URL.
        yield f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"
    finally:
        _execute(f'DROP SCHEMA "{schema}" CASCADE')


def create_database(name: str) -> str:
    """Create database `name`; returns its URL."""
    _execute(f'CREATE DATABASE "{name}"')
    return sa.engine.make_url(PG_ADMIN_URL).set(database=name).render_as_string(
        hide_password=False)


def drop_database(name: str) -> None:
    # FORCE: a process that was killed may still hold connections for a moment.
    _execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def throwaway_database(prefix: str = "kp_test") -> Iterator[str]:
    """A fresh database's URL, dropped afterwards."""
    name = unique_name(prefix)
    url = create_database(name)
    try:
        yield url
    finally:
        drop_database(name)
