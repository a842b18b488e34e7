"""Rasa SDK actions of Koffiepraat, split by concern:

- topics.py: career topics (empathy, deepening question, self-help, offer)
- handover.py: consent, contact form, ticket creation
- privacy.py: erasure on request
- safety.py: crisis
- fallback.py: not understood, out of scope, bad input
"""
