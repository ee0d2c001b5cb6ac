"""The secret key and the document master key are created by whichever process needs them first, and every
process (web workers, Celery workers, parallel test workers) ends up with the same, complete secret."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

from bauantrag.secret_files import read_or_create


def test_the_file_is_created_once_with_mode_0600_and_then_only_read(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "secret"
    first = read_or_create(path, lambda: "erstes-geheimnis")
    assert first == "erstes-geheimnis" and (path.stat().st_mode & 0o777) == 0o600
    assert read_or_create(path, lambda: "zweites-geheimnis") == "erstes-geheimnis"
    assert [p.name for p in path.parent.iterdir()] == ["secret"]  # no temporary file left behind


def test_a_process_that_loses_the_race_uses_the_winners_secret(tmp_path: Path) -> None:
    path = tmp_path / "secret"
    slow_started, fast_done = threading.Event(), threading.Event()
    results: dict[str, str] = {}

    def slow_secret() -> str:
        slow_started.set()
        fast_done.wait(5)  # the other process creates and publishes its secret meanwhile
        return "langsam"

    slow = threading.Thread(target=lambda: results.update(slow=read_or_create(path, slow_secret)))
    slow.start()
    slow_started.wait(5)
    results["fast"] = read_or_create(path, lambda: "schnell")
    fast_done.set()
    slow.join(5)
    assert results == {"slow": "schnell", "fast": "schnell"}
    assert path.read_text() == "schnell\n"


def _create(path: str, barrier: multiprocessing.synchronize.Barrier, queue: multiprocessing.Queue[str]) -> None:
    import os

    barrier.wait()
    queue.put(read_or_create(Path(path), lambda: f"geheimnis-{os.getpid()}"))


def test_processes_starting_at_once_all_read_one_complete_secret(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    barrier, queue = context.Barrier(8), context.Queue()
    processes = [context.Process(target=_create, args=(str(tmp_path / "secret"), barrier, queue)) for _ in range(8)]
    for process in processes:
        process.start()
    secrets = [queue.get(timeout=20) for _ in processes]
    for process in processes:
        process.join(20)
    assert len(set(secrets)) == 1 and secrets[0].startswith("geheimnis-")
