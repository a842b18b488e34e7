"""What /proc says about our processes: listening sockets, command lines, environments.

Importable by bare name for the reason given in pg_support.py.
"""

from __future__ import annotations

from pathlib import Path


def listening_addresses(port: int) -> set[str]:
    """Local addresses of the TCP sockets listening on ``port``, as /proc/net/tcp* writes
    them (hex; 127.0.0.1 is "0100007F", 0.0.0.0 is "00000000")."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if fields[3] == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def command_lines() -> dict[int, str]:
    """Every readable process's command line, arguments joined by spaces."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(
                    b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
    return found


def pids_running(*needles: str) -> list[int]:
    return [pid for pid, cmd in command_lines().items() if all(n in cmd for n in needles)]


def environment_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().decode(errors="replace")
    return dict(item.split("=", 1) for item in raw.split("\0") if "=" in item)
