"""``make bench``: load benchmark against a RUNNING Koffiepraat stack (REST channel).

Simulated conversations (greeting, a career topic, a cost question, goodbye),
each from its own sender, through ``POST /webhooks/rest/webhook`` of the stack
at ``BENCH_URL`` (default http://localhost:5005; loopback only). Two modes:

- closed loop (default): ``--conversations N`` all at once, each sending its
  next message as soon as the previous reply arrives: maximum throughput;
- paced: ``--rate R`` messages a second for ``--duration S`` seconds, new
  conversations started as needed: latency at a realistic load.

Reports p50/p95/p99 latency per message (and per step), throughput, errors and
the peak resident memory of the Rasa processes (sampled from /proc while the
run lasts), and the CPU time per message of each kind of process on the machine
(Rasa, action server, PostgreSQL, ..., the load generator itself; tools.cpu_usage),
the steadier measure on shared cores. ``--write docs/benchmarks.md --label "..."``
records the result there. Runs are bounded in count and time; nothing personal is sent.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import re
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp

from bot.settings import ROOT
from tools import cpu_usage
from tools.cpu_usage import cmdline, rasa_server_port

MAX_CONVERSATIONS = 500
MAX_DURATION_S = 600.0
MAX_RATE = 200.0
REQUEST_TIMEOUT_S = 60.0
LOOPBACK = {"localhost", "127.0.0.1", "::1"}

TOPICS = [
    "ik ga over 3 jaar met pensioen",
    "mn contract word nie verlengd wat nu",
    "ik wil graag een opleiding gaan doen",
    "ik zit een beetje vast in mijn werk",
    "er komt een reorganisatie en ik ben bang mijn baan kwijt te raken",
]
STEPS = ("greeting", "topic", "cost", "goodbye")
RESULTS_START = "<!-- bench:results:start -->"
RESULTS_END = "<!-- bench:results:end -->"
TABLE_HEAD = (
    "| profile | mode | conversations | messages | errors | throughput (msg/s) "
    "| p50 (ms) | p95 (ms) | p99 (ms) | peak RSS Rasa (MB) | CPU per message: all / Rasa (ms) |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|"
)


def script(number: int) -> list[tuple[str, str]]:
    """The four messages of conversation ``number``, with their step names."""
    texts = ["hoi", TOPICS[number % len(TOPICS)], "wat kost dat eigenlijk", "doei, bedankt"]
    return list(zip(STEPS, texts, strict=True))


@dataclass
class Sample:
    step: str
    latency_s: float
    ok: bool


@dataclass
class Result:
    samples: list[Sample] = field(default_factory=list)
    wall_s: float = 0.0
    conversations: int = 0
    peak_rss_mb: float = 0.0
    rasa_pids: list[int] = field(default_factory=list)
    error_kinds: dict[str, int] = field(default_factory=dict)
    cpu_s_per_kind: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> list[float]:
        return [s.latency_s for s in self.samples if s.ok]

    @property
    def errors(self) -> int:
        return sum(1 for s in self.samples if not s.ok)

    def cpu_ms_per_message(self, kind: str | None = None) -> float:
        """CPU ms per message sent, in all processes or in one kind (tools.cpu_usage)."""
        spent = (sum(self.cpu_s_per_kind.values()) if kind is None
                 else self.cpu_s_per_kind.get(kind, 0.0))
        return spent / len(self.samples) * 1000 if self.samples else 0.0

    @property
    def throughput(self) -> float:
        return len(self.ok) / self.wall_s if self.wall_s else 0.0


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(pct / 100 * len(ordered))))
    return ordered[rank - 1]


# -- memory of the Rasa processes ------------------------------------------------
def rasa_pids(ports: set[int] | None = None) -> list[int]:
    """PIDs of the Rasa server processes (those on ``ports`` when given)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        port = rasa_server_port(cmdline(int(entry.name)))
        if port is not None and (ports is None or port in ports):
            found.append(int(entry.name))
    return sorted(found)


def rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else 0.0


async def _watch_memory(pids: list[int], result: Result, stop: asyncio.Event) -> None:
    while not stop.is_set():
        result.peak_rss_mb = max(result.peak_rss_mb, sum(rss_mb(pid) for pid in pids))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.5)


# -- driving conversations ------------------------------------------------------
async def _send(session: aiohttp.ClientSession, url: str, sender: str, step: str, text: str,
                result: Result) -> None:
    started = time.perf_counter()
    kind = ""
    try:
        async with session.post(url, json={"sender": sender, "message": text}) as response:
            raw = await response.read()
            if response.status != 200:
                kind = f"HTTP {response.status}"
            else:
                body = json.loads(raw)
                if not isinstance(body, list) or not body:
                    kind = "empty reply"
    except (aiohttp.ClientError, TimeoutError, ValueError) as error:
        kind = error.__class__.__name__
    result.samples.append(Sample(step, time.perf_counter() - started, not kind))
    if kind:
        result.error_kinds[kind] = result.error_kinds.get(kind, 0) + 1


async def _conversation(session: aiohttp.ClientSession, url: str, run_id: str, number: int,
                        result: Result) -> None:
    sender = f"bench-{run_id}-{number}"
    for step, text in script(number):
        await _send(session, url, sender, step, text, result)


async def closed_loop(session: aiohttp.ClientSession, url: str, conversations: int,
                      result: Result) -> None:
    run_id = uuid.uuid4().hex[:8]
    result.conversations = conversations
    await asyncio.gather(*(_conversation(session, url, run_id, n, result)
                           for n in range(conversations)))


async def paced(session: aiohttp.ClientSession, url: str, rate: float, duration: float,
                result: Result) -> None:
    """Send ``rate`` messages a second: each slot goes to an idle conversation."""
    run_id = uuid.uuid4().hex[:8]
    idle: list[tuple[int, int]] = []  # (conversation number, next step index)
    tasks: set[asyncio.Task[None]] = set()
    started = time.perf_counter()
    total = int(rate * duration)

    async def one(number: int, index: int) -> None:
        step, text = script(number)[index]
        await _send(session, url, f"bench-{run_id}-{number}", step, text, result)
        if index + 1 < len(STEPS):
            idle.append((number, index + 1))

    for slot in range(total):
        await asyncio.sleep(max(0.0, started + slot / rate - time.perf_counter()))
        if idle:
            number, index = idle.pop(0)
        else:
            number, index = result.conversations, 0
            result.conversations += 1
        task = asyncio.create_task(one(number, index))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.gather(*tasks)


async def run(url: str, conversations: int, rate: float | None, duration: float,
              warmup: int, ports: set[int] | None) -> Result:
    webhook = url.rstrip("/") + "/webhooks/rest/webhook"
    result = Result(rasa_pids=rasa_pids(ports))
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    connector = aiohttp.TCPConnector(limit=max(conversations, 100))
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        warm = Result()
        for number in range(warmup):  # first messages per process build TF graphs
            await _conversation(session, webhook, "warmup-" + uuid.uuid4().hex[:6], number, warm)
        stop = asyncio.Event()
        watcher = asyncio.create_task(_watch_memory(result.rasa_pids, result, stop))
        cpu_before = cpu_usage.snapshot()
        started = time.perf_counter()
        try:
            if rate:
                await asyncio.wait_for(paced(session, webhook, rate, duration, result),
                                       duration + REQUEST_TIMEOUT_S)
            else:
                await asyncio.wait_for(closed_loop(session, webhook, conversations, result),
                                       MAX_DURATION_S)
        finally:
            result.wall_s = time.perf_counter() - started
            result.cpu_s_per_kind = cpu_usage.per_kind(cpu_before, cpu_usage.snapshot())
            stop.set()
            await watcher
    return result


# -- reporting ------------------------------------------------------------------
def machine() -> str:
    meminfo = Path("/proc/meminfo").read_text()
    total_kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1))
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    return (f"{os.cpu_count()} CPUs available to the process (nproc {len(os.sched_getaffinity(0))})"
            f", {cpu.group(1).strip() if cpu else platform.machine()}, "
            f"{total_kb / 1024 / 1024:.1f} GiB memory, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}; {datetime.now(UTC):%Y-%m-%d}")


def mode_of(args: argparse.Namespace) -> str:
    if args.rate:
        return f"paced {args.rate:g} msg/s for {args.duration:g} s"
    return f"closed loop, {args.conversations} at once"


def table_row(label: str, mode: str, result: Result) -> str:
    ok = result.ok
    return (f"| {label} | {mode} | {result.conversations} | {len(result.samples)} "
            f"| {result.errors} | {result.throughput:.1f} | {percentile(ok, 50) * 1000:.0f} "
            f"| {percentile(ok, 95) * 1000:.0f} | {percentile(ok, 99) * 1000:.0f} "
            f"| {result.peak_rss_mb:.0f} ({len(result.rasa_pids)} proc) "
            f"| {result.cpu_ms_per_message():.1f} / {result.cpu_ms_per_message('rasa'):.1f} |")


def report(result: Result, mode: str) -> str:
    ok = result.ok
    lines = [
        f"Mode: {mode}; {result.conversations} conversations, {len(result.samples)} messages "
        f"in {result.wall_s:.1f} s",
        f"Errors: {result.errors}" + (f" ({result.error_kinds})" if result.error_kinds else ""),
        f"Throughput: {result.throughput:.1f} messages/s",
        f"Latency per message (ms): p50 {percentile(ok, 50) * 1000:.0f}, "
        f"p95 {percentile(ok, 95) * 1000:.0f}, p99 {percentile(ok, 99) * 1000:.0f}, "
        f"mean {statistics.fmean(ok) * 1000 if ok else 0:.0f}",
    ]
    for step in STEPS:
        values = [s.latency_s for s in result.samples if s.ok and s.step == step]
        lines.append(f"  {step:<9} p50 {percentile(values, 50) * 1000:.0f} ms, "
                     f"p95 {percentile(values, 95) * 1000:.0f} ms ({len(values)} ok)")
    lines.append(f"Peak RSS of the Rasa processes: {result.peak_rss_mb:.0f} MB "
                 f"(PIDs {', '.join(map(str, result.rasa_pids)) or 'none found'})")
    lines.append(cpu_usage.describe(result.cpu_s_per_kind, len(result.samples)))
    return "\n".join(lines)


def write_results(path: Path, row: str, label: str, mode: str) -> None:
    """Put ``row`` in the results table of ``path`` (replacing the same label and mode)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if RESULTS_START not in text:
        text = text.rstrip() + f"\n\n{RESULTS_START}\n{TABLE_HEAD}\n{RESULTS_END}\n"
    head, rest = text.split(RESULTS_START, 1)
    table, tail = rest.split(RESULTS_END, 1)
    rows = [line for line in table.strip().splitlines()[2:]
            if not line.startswith(f"| {label} | {mode} |")]
    body = "\n".join([TABLE_HEAD, *rows, row])
    path.write_text(f"{head}{RESULTS_START}\n{body}\n{RESULTS_END}{tail}", encoding="utf-8")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("BENCH_URL", "http://localhost:5005"))
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--rate", type=float, default=None, help="paced mode: messages/s")
    parser.add_argument("--duration", type=float, default=30.0, help="paced mode: seconds")
    parser.add_argument("--warmup", type=int, default=4, help="conversations before measuring")
    parser.add_argument("--rasa-ports", default="",
                        help="ports of the Rasa processes to measure (default: all `rasa run`)")
    parser.add_argument("--write", type=Path, default=None, help="record in this Markdown file")
    parser.add_argument("--label", default="", help="profile name for --write")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if urlsplit(args.url).hostname not in LOOPBACK:
        print("The benchmark only runs against a stack on this machine (loopback).")
        return 2
    if not 1 <= args.conversations <= MAX_CONVERSATIONS:
        print(f"--conversations must be between 1 and {MAX_CONVERSATIONS}")
        return 2
    if args.rate is not None and not (0 < args.rate <= MAX_RATE
                                      and 0 < args.duration <= MAX_DURATION_S):
        print(f"--rate must be in (0, {MAX_RATE:g}] and --duration in (0, {MAX_DURATION_S:g}]")
        return 2
    ports = {int(p) for p in args.rasa_ports.split(",") if p.strip()} or None
    mode = mode_of(args)
    try:
        result = asyncio.run(run(args.url, args.conversations, args.rate, args.duration,
                                 args.warmup, ports))
    except (aiohttp.ClientError, OSError) as error:
        print(f"Cannot reach {args.url}: {error.__class__.__name__}. Is the stack running "
              "(`make run` or `make run-prod`)?")
        return 1
    print(f"Machine: {machine()}")
    print(report(result, mode))
    if args.write:
        label = args.label or "unnamed"
        target = args.write if args.write.is_absolute() else ROOT / args.write
        write_results(target, table_row(label, mode, result), label, mode)
        print(f"Recorded in {target}")
    return 0 if result.errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
