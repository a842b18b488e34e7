"""Where a benchmark's CPU goes: CPU seconds per kind of process, from /proc.

Throughput on two shared cores is bounded by the CPU that *all* of the stack
spends per message (Rasa, the action server, PostgreSQL, Redis, HAProxy and the
load generator itself), and wall-clock figures on this machine drift by ±30 %.
CPU time per message, per kind of process, is the steadier measure and says
which part to work on. Reads ``utime + stime`` of every process before and
after a run: a process started during the run counts in full, one that ended
during it is missing (the stack's services run throughout, so this only leaves
out short-lived helpers).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Reading:
    kind: str
    cpu_s: float


def cmdline(pid: int) -> list[str]:
    try:
        raw = (PROC / str(pid) / "cmdline").read_bytes()
    except OSError:
        return []
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part]


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process so far; None when it is gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # Field 2 (comm) may hold spaces and parentheses: split after its last ')'.
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime


def rasa_server_port(cmd: list[str]) -> int | None:
    """The port of a Rasa server command line (``rasa run`` or ``bot.rasa.server run``,
    which `make run` and the production profile start), else None."""
    as_module = "-m" in cmd and bool({"rasa", "bot.rasa.server"} & set(cmd))
    as_script = any(part.endswith("/rasa") for part in cmd[:2])
    if "run" not in cmd or not (as_module or as_script):
        return None
    return int(cmd[cmd.index("--port") + 1]) if "--port" in cmd else 5005


def kind_of(cmd: list[str], pid: int, own_pid: int) -> str:
    """A short name for what a process is, from its command line."""
    if pid == own_pid:
        return "load generator"
    text = " ".join(cmd)
    if not text:
        return "other"
    if rasa_server_port(cmd) is not None:
        return "rasa"
    if "rasa_sdk" in text or "bot.rasa.action_server" in text:
        return "action server"
    for needle, kind in (("bot.console", "console"),
                         ("bot.launch.background_jobs", "outbox worker"),
                         ("postgres", "postgresql"), ("redis-server", "redis"),
                         ("haproxy", "haproxy"), ("bot.prod", "supervisor"),
                         ("bot.launch.run", "supervisor")):
        if needle in text:
            return kind
    return "other"


def snapshot(own_pid: int | None = None) -> dict[int, Reading]:
    """CPU seconds so far of every process we may read, with its kind."""
    own = os.getpid() if own_pid is None else own_pid
    readings: dict[int, Reading] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        pid = int(entry.name)
        cpu = cpu_seconds(pid)
        if cpu is not None:
            readings[pid] = Reading(kind_of(cmdline(pid), pid, own), cpu)
    return readings


def per_kind(before: dict[int, Reading], after: dict[int, Reading]) -> dict[str, float]:
    """CPU seconds spent between two snapshots, summed per kind of process."""
    spent: dict[str, float] = {}
    for pid, end in after.items():
        start = before.get(pid)
        used = end.cpu_s - (start.cpu_s if start and start.kind == end.kind else 0.0)
        if used > 0:
            spent[end.kind] = spent.get(end.kind, 0.0) + used
    return dict(sorted(spent.items(), key=lambda item: -item[1]))


def describe(spent: dict[str, float], messages: int) -> str:
    """One line per kind: ms of CPU per message and share of the total."""
    total = sum(spent.values())
    if not messages or not total:
        return "CPU per message: nothing measured"
    lines = [f"CPU per message: {total / messages * 1000:.1f} ms in all processes"]
    lines += [f"  {kind:<15} {cpu / messages * 1000:6.1f} ms ({cpu / total:4.0%})"
              for kind, cpu in spent.items()]
    return "\n".join(lines)
