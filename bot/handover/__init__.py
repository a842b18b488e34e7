"""Handover rules: contact details, dates, urgency, service hours and career topics.

Pure functions without I/O; the actions and the ticket store apply them.
"""
