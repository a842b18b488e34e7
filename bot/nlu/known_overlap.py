"""Known overlaps between evaluation sets and data/nlu (normalised text).

Empty since 2026-12-03: the rows of the held-out and crisis sets that coincided with
training examples (greetings, yes/no, a few crisis sentences) were removed from the
evaluation sets, so tests/quality/test_nlu_real_and_crisis.py proves there is none."""

KNOWN_OVERLAP: dict[str, frozenset[str]] = {
    "held_out": frozenset(),
    "real": frozenset(),
    "crisis": frozenset(),
    "dev": frozenset(),
}
