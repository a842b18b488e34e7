"""Koffiepraat: everything that is not Rasa training data or SDK actions."""
