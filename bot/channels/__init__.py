"""Koffiepraat's own Rasa input channels (Telegram and WhatsApp Cloud API).

Enable them in credentials.yml by module path:

    bot.channels.telegram.TelegramInput:
    bot.channels.whatsapp.WhatsAppInput:

Empty credentials are fine: each channel then reads its environment variables
(listed in the module's ``REQUIRED_ENV``).
"""
