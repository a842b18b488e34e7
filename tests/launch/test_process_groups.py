"""bot.launch.process_groups.stop_groups: asks first, kills what stays, reaches the whole group."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from bot.launch.process_groups import stop_groups

# Starts a grandchild in the same group, reports its pid, then waits.
PARENT = ("import subprocess, sys, time, signal\n"
          "{ignore}"
          "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\n"
          "print(child.pid, flush=True)\n"
          "time.sleep(600)\n")


def _start(ignore_term: bool) -> tuple[subprocess.Popen[bytes], int]:
    code = PARENT.format(ignore="signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                         if ignore_term else "")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                            start_new_session=True)
    grandchild = int(proc.stdout.readline())
    return proc, grandchild


def _gone(pid: int) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_a_polite_group_stops_on_sigterm_grandchildren_included():
    proc, grandchild = _start(ignore_term=False)
    stop_groups([proc], grace_s=10)
    assert proc.returncode == -signal.SIGTERM
    assert _gone(grandchild)


def test_a_group_that_ignores_sigterm_is_killed_after_the_grace_period():
    proc, grandchild = _start(ignore_term=True)
    already_done = subprocess.Popen([sys.executable, "-c", "pass"], start_new_session=True)
    already_done.wait()
    stop_groups([already_done, proc], grace_s=0.5)
    assert proc.returncode == -signal.SIGKILL
    assert _gone(grandchild)
