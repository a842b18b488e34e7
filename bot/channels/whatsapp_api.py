"""Minimal WhatsApp Cloud API client: POST /{phone-number-id}/messages with retries."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp

from bot.channels.retry import RetryPolicy, call_with_retries

logger = logging.getLogger(__name__)

DEFAULT_API_BASE_URL = "https://graph.facebook.com/v21.0"


class GraphApiError(Exception):
    """The Graph API answered with an error status."""

    def __init__(self, status: int, error_code: Any = None, retry_after: float = 0.0) -> None:
        super().__init__(f"Graph API answered {status} (error code {error_code})")
        self.status = status
        self.error_code = error_code
        self.retry_after = retry_after


def _retry_hint(exc: BaseException) -> float | None:
    """Retry rate limits, server errors and connection problems; nothing else."""
    if isinstance(exc, GraphApiError):
        if exc.status == 429 or exc.status >= 500:
            return exc.retry_after
        return None
    if isinstance(exc, (aiohttp.ClientError, asyncio.TimeoutError)):
        return 0.0
    return None


def _retry_after_seconds(headers: Any) -> float:
    try:
        return max(0.0, float(headers.get("Retry-After", 0)))
    except (TypeError, ValueError):
        return 0.0


class GraphClient:
    """Sends message objects for one business phone number."""

    def __init__(
        self,
        access_token: str,
        phone_number_id: str,
        api_base_url: str = DEFAULT_API_BASE_URL,
        retry: RetryPolicy | None = None,
        timeout_seconds: float = 15.0,
    ) -> None:
        self.url = f"{api_base_url.rstrip('/')}/{phone_number_id}/messages"
        self._headers = {"Authorization": f"Bearer {access_token}"}
        self.retry = retry or RetryPolicy()
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        # Created lazily inside the server's event loop; aiohttp sessions are bound to it.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout, headers=self._headers)
        return self._session

    async def _post_once(self, message: dict[str, Any]) -> dict[str, Any]:
        async with self._client().post(self.url, json=message) as reply:
            if reply.status >= 400:
                error_code = None
                try:
                    error_code = (await reply.json(content_type=None))["error"]["code"]
                except Exception:  # noqa: BLE001 - the code is only for the log line
                    logger.debug("Graph API error without a JSON error code")
                raise GraphApiError(reply.status, error_code, _retry_after_seconds(reply.headers))
            try:
                return await reply.json(content_type=None)
            except Exception:  # noqa: BLE001 - a 2xx without JSON still means "sent"
                return {}

    async def send(self, message: dict[str, Any]) -> bool:
        """Send one message object; True when Meta accepted it. Never raises."""
        body = {"messaging_product": "whatsapp", "recipient_type": "individual", **message}
        try:
            await call_with_retries(lambda: self._post_once(body), _retry_hint, self.retry)
            return True
        except GraphApiError as exc:
            logger.warning(
                "WhatsApp send failed: HTTP %s, error code %s", exc.status, exc.error_code
            )
        except Exception as exc:  # noqa: BLE001 - a failed send must not crash the handler
            logger.warning("WhatsApp send failed: %s", type(exc).__name__)
        return False

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None
