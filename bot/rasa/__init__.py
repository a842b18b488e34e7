"""Rasa glue: the tracker and lock stores, tracker SQL, the Rasa and action server
entry points, the environment for Rasa child processes, and the measured speed-ups.
"""
