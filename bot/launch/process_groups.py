"""Stopping child processes that were started in their own process group.

`make run`, the production supervisor and the tests start each service with
``start_new_session=True``, so a signal to the group also reaches whatever the
service started itself (Rasa's workers, HAProxy's children). Stopping asks
first, waits a grace period shared by all of them, then kills what is left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterable


def stop_groups(procs: Iterable[subprocess.Popen[bytes]], grace_s: float,
                sig: signal.Signals = signal.SIGTERM) -> None:
    """Send ``sig`` to each running process's group; SIGKILL those still there after
    ``grace_s`` seconds (counted once for all of them)."""
    procs = list(procs)
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, sig)
    deadline = time.monotonic() + grace_s
    for proc in procs:
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
