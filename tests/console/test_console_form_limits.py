"""Issue 13, finding 3: the console's forms cannot exhaust memory or disk before login.

Browser forms are application/x-www-form-urlencoded only: multipart is refused (415)
before aiohttp parses any of it (the pinned aiohttp < 3.10 reads a whole multipart field
into memory before it checks the size), the total size is capped before parsing (413),
and a compressed body is refused rather than inflated. The memory checks run against a
real `python -m bot.console` and read its peak resident size from /proc."""

from __future__ import annotations

import gzip
import os
import select
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp import web
from console_support import csrf_from, csrf_of

REPO = Path(__file__).resolve().parents[2]
FORM = "application/x-www-form-urlencoded"
MiB = 1024 * 1024
BIG = 150 * MiB
# Peak resident memory may grow this much over the whole module (buffers, caches); a
# 150 MB field read into memory does not fit in it.
RSS_GROWTH_LIMIT = 48 * MiB


# -- in process: what is refused, and that multipart is never parsed --------------------------

@pytest.fixture
def no_multipart_parsing(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the console parsed a multipart body")

    monkeypatch.setattr(web.BaseRequest, "multipart", refuse)


def multipart(fields: int, csrf: str = "x") -> bytes:
    parts = [b'--b\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
             + csrf.encode() + b"\r\n"]
    parts += [f'--b\r\nContent-Disposition: form-data; name="f{n}"\r\n\r\n{n}\r\n'.encode()
              for n in range(fields - 1)]
    return b"".join(parts) + b"--b--\r\n"


async def test_a_multipart_login_is_refused_unparsed(client, no_multipart_parsing):
    csrf = csrf_from(await (await client.get("/login")).text())
    response = await client.post(
        "/login", data=multipart(80, csrf),
        headers={"Content-Type": "multipart/form-data; boundary=b"})
    assert response.status == 415


async def test_a_multipart_note_is_refused_unparsed(logged_in, make_ticket, ticket_store,
                                                    no_multipart_parsing):
    ticket = make_ticket()
    csrf = await csrf_of(logged_in, f"/tickets/{ticket.id}")
    response = await logged_in.post(
        f"/tickets/{ticket.id}/notes", data=multipart(3, csrf),
        headers={"Content-Type": "multipart/form-data; boundary=b"}, allow_redirects=False)
    assert response.status == 415
    assert ticket_store.notes(ticket.id) == []


async def test_a_compressed_form_is_refused(client):
    csrf = csrf_from(await (await client.get("/login")).text())
    body = gzip.compress(f"name=anna&password=x&csrf_token={csrf}".encode() + b"&x=" * 10_000)
    response = await client.post("/login", data=body, headers={
        "Content-Type": FORM, "Content-Encoding": "gzip"})
    assert response.status == 415


async def test_a_form_of_other_type_is_refused(client):
    csrf = csrf_from(await (await client.get("/login")).text())
    response = await client.post("/login", data=f'{{"csrf_token": "{csrf}"}}',
                                 headers={"Content-Type": "application/json"})
    assert response.status == 415


async def test_an_oversized_declared_form_is_refused_before_reading(client, monkeypatch):
    async def refuse(*_args, **_kwargs):
        raise AssertionError("the console read a body it should have refused by its length")

    monkeypatch.setattr(web.BaseRequest, "read", refuse)
    monkeypatch.setattr(web.BaseRequest, "post", refuse)
    # The declared length alone decides: the aiohttp client sends it from the bytes given.
    response = await client.post("/login", data=b"a" * (65 * 1024),
                                 headers={"Content-Type": FORM})
    assert response.status == 413


async def test_an_ordinary_login_form_still_works(client):
    csrf = csrf_from(await (await client.get("/login")).text())
    response = await client.post("/login", data={"name": "anna", "password": "fout",
                                                 "csrf_token": csrf}, allow_redirects=False)
    assert response.status == 401


# -- a real console process: its memory does not grow -----------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise AssertionError(f"{field} not in /proc/{pid}/status")


def peak_rss(pid: int) -> int:
    return _status_kib(pid, "VmHWM") * 1024


@pytest.fixture(scope="module")
def console(tmp_path_factory) -> Iterator[tuple[int, int]]:
    port = _free_port()
    env = {**os.environ, "TICKETS_DB_URL": f"sqlite:///{tmp_path_factory.mktemp('c') / 'c.db'}",
           "CONSOLE_PORT": str(port), "CONSOLE_INSECURE_DEV": "1"}
    process = subprocess.Popen([sys.executable, "-m", "bot.console"], cwd=REPO, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60  # start-up allowance, not a speed check
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):  # noqa: S310
                    break
            except OSError:
                assert process.poll() is None, "console exited"
                assert time.monotonic() < deadline, "console did not start"
                time.sleep(0.2)
        yield process.pid, port
    finally:
        process.terminate()
        process.wait(timeout=30)


def stream_post(port: int, path: str, content_type: str, chunks: Iterator[bytes],
                length: int | None) -> int:
    """POST a body produced chunk by chunk (never whole in this process); stops sending as
    soon as the console answers. Returns the status code."""
    framing = f"Content-Length: {length}" if length is not None else "Transfer-Encoding: chunked"
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"
            f"Content-Type: {content_type}\r\n{framing}\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(head)
        try:
            for chunk in chunks:
                if select.select([sock], [], [], 0)[0]:
                    break  # answered already
                sock.sendall(chunk if length is not None
                             else f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            else:
                if length is None:
                    sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = b""
        while b"\r\n" not in answer:
            data = sock.recv(4096)
            if not data:
                break
            answer += data
    status_line = answer.split(b"\r\n", 1)[0].decode()
    assert status_line.startswith("HTTP/1.1 "), status_line
    return int(status_line.split()[1])


def big_field(prefix: bytes, size: int = BIG, suffix: bytes = b"") -> Iterator[bytes]:
    block = b"a" * MiB  # the only big allocation here: one megabyte, sent again and again
    yield prefix
    for _ in range(size // MiB):
        yield block
    yield suffix


def test_huge_and_many_field_forms_are_refused_without_the_console_growing(console):
    pid, port = console
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=10) as page:  # noqa: S310
        assert page.status == 200
    before = peak_rss(pid)
    boundary = "b"
    part = f'--{boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n'.encode()
    end = f"\r\n--{boundary}--\r\n".encode()
    multipart_type = f"multipart/form-data; boundary={boundary}"

    many = multipart(80)
    statuses = {
        # 150 MB in one urlencoded field: declared length, then chunked (no length at all).
        "urlencoded, declared": stream_post(port, "/login", FORM, big_field(b"name="),
                                            len(b"name=") + BIG),
        "urlencoded, chunked": stream_post(port, "/login", FORM, big_field(b"name="), None),
        # 150 MB in one multipart field, declared and chunked.
        "multipart, declared": stream_post(port, "/login", multipart_type,
                                           big_field(part, suffix=end),
                                           len(part) + BIG + len(end)),
        "multipart, chunked": stream_post(port, "/login", multipart_type,
                                          big_field(part, suffix=end), None),
        "80 multipart fields": stream_post(port, "/login", multipart_type, iter([many]),
                                           len(many)),
    }
    growth = peak_rss(pid) - before
    assert growth < RSS_GROWTH_LIMIT, f"peak RSS grew by {growth // MiB} MiB"
    assert statuses == {"urlencoded, declared": 413, "urlencoded, chunked": 413,
                        "multipart, declared": 415, "multipart, chunked": 415,
                        "80 multipart fields": 415}
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as health:  # noqa: S310
        assert health.status == 200
