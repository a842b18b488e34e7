"""Erasure on request and retention of conversations (tickets: bot.tickets)."""
