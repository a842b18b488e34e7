"""Fake Telegram Bot API and WhatsApp Graph API on loopback, in a thread, so it
can run before the Rasa processes that are pointed at it."""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs


@dataclass
class Call:
    path: str
    params: dict[str, Any]
    headers: dict[str, str]


def _decode(content_type: str, raw: bytes) -> dict[str, Any]:
    if "json" in content_type:
        return json.loads(raw or b"{}")
    params: dict[str, Any] = {}
    for key, values in parse_qs(raw.decode()).items():
        try:
            params[key] = json.loads(values[0])
        except ValueError:
            params[key] = values[0]
    return params


class PlatformFake:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._ids = itertools.count(1)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                params = _decode(self.headers.get("Content-Type", ""), raw)
                fake.calls.append(Call(self.path, params, dict(self.headers)))
                body = json.dumps(fake.answer(self.path, params)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, path: str, params: dict[str, Any]) -> dict[str, Any]:
        if path.endswith("/messages"):  # Graph API
            message_id = f"wamid.{next(self._ids)}"
            return {"messaging_product": "whatsapp", "messages": [{"id": message_id}]}
        method = path.rsplit("/", 1)[-1]
        if method == "getMe":
            result: Any = {"id": 42, "is_bot": True, "first_name": "Koffiepraat", "username": "kp"}
        elif method == "sendMessage":
            result = {"message_id": next(self._ids), "date": int(time.time()),
                      "chat": {"id": int(params.get("chat_id", 0)), "type": "private"},
                      "text": str(params.get("text", ""))}
        else:
            result = True
        return {"ok": True, "result": result}

    def telegram_messages(self, chat_id: str | int) -> list[dict[str, Any]]:
        return [c.params for c in self.calls if c.path.endswith("/sendMessage")
                and str(c.params.get("chat_id")) == str(chat_id)]

    def whatsapp_messages(self, to: str) -> list[dict[str, Any]]:
        return [c.params for c in self.calls
                if c.path.endswith("/messages") and c.params.get("to") == to]

    def wait_for(self, probe, count: int = 1, timeout: float = 60.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = probe()
            if len(found) >= count:
                return found
            time.sleep(0.2)
        return probe()

    def start(self) -> PlatformFake:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
