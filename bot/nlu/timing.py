"""NLU time per message of two models, interleaved (A B, B A, ...) in one process.

    .venv/bin/python -m bot.nlu.timing results/eval/baseline-nlu.tar.gz models/koffiepraat-*.tar.gz

Parses the same messages with each model in alternating rounds and reports the
median CPU time of this thread per message (as ``tools.ab_turns``): drift on
shared cores hits both alike. The sentence encoder's cache is emptied before
each round, so every message is encoded as a new one would be. Short messages
come from the held-out set, stories (several sentences) from the real-language
set; a story costs the dense featurizer one encoding per sentence plus one for
the whole.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bot.nlu import evalsets
from bot.nlu.parse import load_agent, parse_all
from bot.nlu.sentences import sentence_spans


def messages(n: int = 60) -> dict[str, list[str]]:
    short = [e.text for e in evalsets.held_out()][::7][:n]
    stories = [e.text for e in evalsets.real() if len(sentence_spans(e.text)) > 1][:n]
    return {"short": short, "story": stories}


def cpu_ms_per_message(agent, texts: list[str]) -> float:
    from bot.nlu.use_featurizer import clear_cache

    clear_cache()  # every message new, as in production
    started = time.thread_time()
    parse_all(agent, texts)
    return 1000 * (time.thread_time() - started) / len(texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args(argv)
    agents = {"A": load_agent(args.a), "B": load_agent(args.b)}
    sets = messages()
    for texts in sets.values():  # warm up caches and lazy loading
        for agent in agents.values():
            parse_all(agent, texts[:5])
    results: dict[tuple[str, str], list[float]] = {}
    for r in range(args.rounds):
        order = ("A", "B") if r % 2 == 0 else ("B", "A")
        for kind, texts in sets.items():
            for label in order:
                results.setdefault((label, kind), []).append(
                    cpu_ms_per_message(agents[label], texts))
    print(f"A = {args.a.name}\nB = {args.b.name}")
    for kind, texts in sets.items():
        a = results[("A", kind)]
        b = results[("B", kind)]
        print(f"{kind} ({len(texts)} messages, {args.rounds} rounds): "
              f"A {statistics.median(a):.1f} ms, B {statistics.median(b):.1f} ms CPU per message "
              f"(spread A {min(a):.1f}-{max(a):.1f}, B {min(b):.1f}-{max(b):.1f}); "
              f"B - A = {statistics.median(b) - statistics.median(a):+.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
