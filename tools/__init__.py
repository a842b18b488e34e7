"""Benchmark and profiling tools (make bench, A/B rounds, profiles, CPU per process).

Product code (bot/, actions/) never imports this package (tests/test_import_layers.py).
"""
