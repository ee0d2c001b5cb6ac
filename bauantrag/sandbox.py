"""Reading untrusted files in a limited child process: the plan and parcel imports (``formats.xplan.transfer``,
``formats.cadastre.transfer``) run here, so that a file that takes too much memory or time ends a child, never
the web or worker process, which only receives the parsed result.

No Django here. ``run(reader, data, params, limits)`` starts ``python -I`` with a minimal environment (no secrets,
no database), sets an address-space limit, a CPU-time limit and no core files, feeds ``data`` on stdin and reads
one JSON object per line: whatever ``reader(data, params)`` yields, then ``{"end": true}``. A child that runs out
of memory, time or output, or crashes, raises ``ChildFailed`` with a code the caller turns into German.
The result crosses the boundary as JSON only (never pickle): a child that a crafted file took over can send
wrong data, but cannot run code in the parent.

``documents.text.run_isolated`` is the same idea for reading the text of Bauvorlagen, with a time limit per page.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import selectors
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parents[1]  # the directory holding the bauantrag package
_READER = re.compile(r"^bauantrag(\.[a-z_]+)+:[a-z_]+$")
_BOOT = ("import sys; sys.path.insert(0, sys.argv[1]); from bauantrag.sandbox import child_main; "
         "from {module} import {function} as reader; sys.exit(child_main(reader, sys.argv[2]))")
Reader = Callable[[bytes, dict[str, Any]], Iterator[dict[str, Any]]]


@dataclass(frozen=True)
class ChildLimits:
    memory_mb: int = 1024  # address space of the child
    seconds: float = 120.0  # wall-clock time for the whole run (the CPU-time limit is the same, rounded up)
    max_output_bytes: int = 256 * 1024 * 1024  # what the child may send back


class ChildFailed(Exception):
    """The child did not finish: ``code`` is "memory", "timeout", "output" or "crashed"."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


_LAST = threading.local()


def last_child_peak_kib() -> int | None:
    """The peak resident memory (KiB) the last child of this thread reported, if it reported one."""
    return getattr(_LAST, "peak_kib", None)


def run(reader: str, data: bytes, params: dict[str, Any], limits: ChildLimits) -> Iterator[dict[str, Any]]:
    """The messages ``reader`` ("bauantrag.formats.x:function") yields for ``data``, read in a limited child."""
    if not _READER.match(reader):
        raise ValueError(f"not a reader of this package: {reader!r}")
    _LAST.peak_kib = None
    module, function = reader.split(":")
    boot = _BOOT.format(module=module, function=function)
    command = [sys.executable, "-I", "-c", boot, str(_ROOT), json.dumps({"params": params, "limits": asdict(limits)})]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module, no shell
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "OMP_THREAD_LIMIT": "1"}, start_new_session=True,
    )  # fmt: skip
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    feeder = threading.Thread(target=_feed, args=(process.stdin, data), daemon=True)
    feeder.start()
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ, "out")
    selector.register(process.stderr, selectors.EVENT_READ, "err")
    deadline = time.monotonic() + limits.seconds
    partial, tail, received, finished = b"", b"", 0, False
    try:
        while selector.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChildFailed("timeout", f"{limits.seconds:g} s")
            for key, _mask in selector.select(timeout=min(remaining, 1.0)):
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fileobj)
                elif key.data == "err":
                    tail = (tail + chunk)[-4000:]
                else:
                    received += len(chunk)
                    if received > limits.max_output_bytes:
                        raise ChildFailed("output", f"more than {limits.max_output_bytes} bytes")
                    partial += chunk
                    *lines, partial = partial.split(b"\n")
                    for line in lines:
                        message = _message(line)
                        if message is None:
                            continue
                        if "failed" in message:
                            _LAST.peak_kib = message.get("peak_kib")
                            raise ChildFailed(str(message["failed"]))
                        if message.get("end"):
                            finished = True
                            _LAST.peak_kib = message.get("peak_kib")
                            continue
                        yield message
        code = process.wait(timeout=max(1.0, deadline - time.monotonic()))
        if not finished:
            if b"MemoryError" in tail or code == -signal.SIGKILL:
                raise ChildFailed("memory")
            if code == -signal.SIGXCPU:
                raise ChildFailed("timeout", "CPU")
            raise ChildFailed("crashed", f"exit {code}: {tail.decode('utf-8', 'replace')[-300:]}")
    except subprocess.TimeoutExpired:
        raise ChildFailed("timeout", f"{limits.seconds:g} s") from None
    finally:
        selector.close()
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            stream.close()
        feeder.join(timeout=5)


def _message(line: bytes) -> dict[str, Any] | None:
    try:
        message = json.loads(line)
    except (ValueError, RecursionError):
        return None  # not ours (a library writing to stdout); the protocol lines are JSON objects
    return message if isinstance(message, dict) else None


def _feed(stream: Any, data: bytes) -> None:
    try:
        for start in range(0, len(data), 1024 * 1024):
            stream.write(data[start: start + 1024 * 1024])
        stream.close()
    except (BrokenPipeError, OSError, ValueError):
        pass  # the child ended early (error, limit); the reader reports why


def child_main(reader: Reader, raw: str) -> int:
    """The child: limits first, then the bytes from stdin, one JSON line per message of ``reader``."""
    import resource

    setup = json.loads(raw)
    limits = ChildLimits(**setup["limits"])
    memory = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(limits.seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    out = sys.stdout
    try:
        data = sys.stdin.buffer.read()
        for message in reader(data, setup["params"]):
            out.write(json.dumps(message, ensure_ascii=False) + "\n")
            out.flush()
    except MemoryError:
        out.write(json.dumps({"failed": "memory", "peak_kib": _peak_kib()}) + "\n")
        out.flush()
        return 0
    out.write(json.dumps({"end": True, "peak_kib": _peak_kib()}) + "\n")
    out.flush()
    return 0


def _peak_kib() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
