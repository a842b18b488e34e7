"""Rasa SDK actions of Koffiepraat.

- respond.py: the one action that answers every message (the decision itself is
  plain Python in bot/dialogue/engine.py)
- handover.py: ticket creation, and checking, correcting or withdrawing a request
- privacy.py: erasure on request
- handover_spool.py, ticket_store.py: the action server's ticket store and spool
"""
