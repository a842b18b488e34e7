"""Environment shared by the end-to-end tests: every channel and the consultant
notifier on, pointed at one fake platform server (tests/e2e/platform_fake.py)."""

from __future__ import annotations

TELEGRAM_TOKEN = "123456:E2E-token"
TELEGRAM_SECRET = "e2e-webhook-secret"
CONSULTANT_CHAT_ID = "-100200300"
WA_VERIFY_TOKEN = "e2e-verify"
WA_APP_SECRET = "e2e-app-secret"
WA_PHONE_NUMBER_ID = "1098765"
LIVE_CHAT_KEY = "e2e-live-chat-key"
LIVE_TEMPLATE = "e2e_consultent_bericht"


def platform_env(fake_url: str) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": TELEGRAM_SECRET,
        "TELEGRAM_API_BASE_URL": f"{fake_url}/bot",
        "CONSULTANT_TELEGRAM_CHAT_ID": CONSULTANT_CHAT_ID,
        "WHATSAPP_VERIFY_TOKEN": WA_VERIFY_TOKEN,
        "WHATSAPP_APP_SECRET": WA_APP_SECRET,
        "WHATSAPP_ACCESS_TOKEN": "e2e-access-token",
        "WHATSAPP_PHONE_NUMBER_ID": WA_PHONE_NUMBER_ID,
        "WHATSAPP_API_BASE_URL": f"{fake_url}/v21.0",
        # Live chat (issue 12): the way back is sealed with this key; the template outside
        # WhatsApp's 24-hour window.
        "LIVE_CHAT_KEY": LIVE_CHAT_KEY,
        "WHATSAPP_LIVE_TEMPLATE": LIVE_TEMPLATE,
    }
