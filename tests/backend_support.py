"""A tiny HTTP server as a stand-in service for the supervisor's and HAProxy's tests.

Importable by bare name for the reason given in pg_support.py.
"""

from __future__ import annotations

import socket
import sys

from bot.launch.supervisor import Service

# A tiny HTTP server that says which backend it is: GET / -> "backend <name>".
FAKE_BACKEND = """
import socket
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
name, port = sys.argv[1], int(sys.argv[2])
class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"backend {name}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_POST = do_GET
    def log_message(self, *args):
        pass
HTTPServer(("127.0.0.1", port), Handler).serve_forever()
"""


def backend(name: str, port: int) -> Service:
    return Service(name, [sys.executable, "-c", FAKE_BACKEND, name, str(port)],
                   f"http://127.0.0.1:{port}/", name)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
