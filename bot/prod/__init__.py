"""Production profile: several Rasa processes behind HAProxy on shared stores.

``python -m bot.prod serve --workers N`` (``make run-prod``) starts N Rasa
processes on consecutive internal ports, HAProxy in front of them on the public
Rasa port, the action server, the consultant console and the worker, all on
PostgreSQL (conversations, tickets) and Redis (conversation locks). See
docs/deploy.md.
"""
