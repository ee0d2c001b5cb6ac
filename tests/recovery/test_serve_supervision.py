"""scripts/serve.sh brings the worker back after a kill -9, and a TERM ends web and worker alike."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.worker  # starts real processes; runs with the worker tests, one at a time

ROOT = Path(__file__).resolve().parents[2]


def _processes() -> list[tuple[int, int, int, str]]:
    """(pid, ppid, session id, command line) of every process, read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        found.append((int(entry.name), int(fields[1]), int(fields[3]), cmdline))
    return found


def _workers_of(session: int) -> list[int]:
    """The Celery worker main processes the supervisor of this serve.sh session started (each in its own session)."""
    processes = _processes()
    in_session = {pid for pid, _ppid, sid, _cmd in processes if sid == session}
    return [pid for pid, ppid, sid, cmd in processes
            if "celery -A bauantrag worker" in cmd and ppid in in_session and sid == pid]


def _wait(condition: Callable[[], object], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_restarts_a_killed_worker_and_stops_everything_on_term(tmp_path: Path) -> None:
    env = {**os.environ, "BAUANTRAG_DATA_DIR": str(tmp_path), "BAUANTRAG_DATABASE_URL": "sqlite://",
           "BAUANTRAG_BROKER_URL": "filesystem://localhost/", "BAUANTRAG_BIND": f"127.0.0.1:{_free_port()}"}
    log = tmp_path / "serve.log"
    serve = subprocess.Popen(["bash", "scripts/serve.sh"], cwd=ROOT, env=env, stdout=log.open("wb"),
                             stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait(lambda: _workers_of(serve.pid))
        first = _workers_of(serve.pid)[0]
        first_group = [pid for pid, _ppid, sid, _cmd in _processes() if sid == first]

        os.kill(first, signal.SIGKILL)
        _wait(lambda: _workers_of(serve.pid) and _workers_of(serve.pid)[0] != first)
        assert "Worker beendet (Status 137), Neustart" in log.read_text()
        alive = {pid for pid, *_rest in _processes()}
        assert not set(first_group) & alive, "the killed worker's pool children live on"

        second = _workers_of(serve.pid)[0]
        os.kill(serve.pid, signal.SIGTERM)
        serve.wait(timeout=60)
        _wait(lambda: not [p for p in _processes() if p[2] in (serve.pid, second)])
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
