"""Worker processes for the stages that share work among CPUs (privacy, ingest).

Workers are started with ``spawn`` (forking a process that runs DuckDB or polars
threads can deadlock) and watch their parent: a worker whose parent is gone (killed
with SIGKILL, say) exits within a second instead of waiting forever on its queue.
Workers also set glibc's malloc to hand freed memory back promptly (:func:`lean_malloc`).
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any

__all__ = ["in_order", "lean_malloc", "per_process", "process_pool"]


def _exit_with_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="faultline-parent-watch", daemon=True).start()


# mallopt(3) parameters (glibc's malloc.h)
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD, _M_ARENA_MAX = -1, -3, -8
_LEAN = {_M_TRIM_THRESHOLD: 64 << 10, _M_MMAP_THRESHOLD: 256 << 10, _M_ARENA_MAX: 2}


def lean_malloc() -> bool:
    """Set glibc's malloc, for this process, to give freed memory back to the system.

    By default glibc raises its mmap threshold (and with it the trim threshold) as large
    blocks are freed, so that later chunk-sized buffers come from the heap, where freed
    memory stays with the process; and it makes up to eight arenas per CPU for threads.
    Ingest frees megabytes per chunk (JSON texts, Arrow and pandas buffers): with the
    mmap threshold fixed at 256 KiB, a 64 KiB trim threshold and two arenas, the peak
    resident memory of a 1-million-line ingest with two workers fell from 2,668 to 2,337
    MiB, at 13,243 and 12,991 events/s (``benchmarks/README.md``, *Ingest*). Applies to memory allocated from
    now on; a no-op (False) where the C library is not glibc.

    Examples
    --------
    >>> applied = lean_malloc()  # True where the C library is glibc
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # not glibc (musl, say)
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return all(mallopt(param, value) == 1 for param, value in _LEAN.items())


def _init_worker(parent: int) -> None:
    lean_malloc()
    _exit_with_parent(parent)


def process_pool(workers: int) -> Any:
    """A ``ProcessPoolExecutor`` of ``workers`` spawned processes that exit with this one.

    Examples
    --------
    >>> pool = process_pool(1)
    >>> pool.submit(abs, -3).result()
    3
    >>> pool.shutdown()
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(os.getpid(),))


def in_order(pool: Any, fn: Callable[..., Any], items: Iterable[Any], *args: Any,
             ahead: int) -> Iterator[Any]:
    """``fn(item, *args)`` for each item, run by ``pool``, yielded in input order, with at
    most ``ahead + 1`` items submitted and not yet yielded (memory stays that of a few
    items; ``ahead`` = the pool's workers keeps them all busy).

    Examples
    --------
    >>> pool = process_pool(2)
    >>> list(in_order(pool, pow, [2, 3, 4], 2, ahead=2))
    [4, 9, 16]
    >>> pool.shutdown()
    """
    pending: deque[Any] = deque()
    try:
        for item in items:
            pending.append(pool.submit(fn, item, *args))
            if len(pending) > ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for f in pending:
            f.cancel()


_MADE: dict[str, tuple[Hashable, Any]] = {}


def per_process(slot: str, key: Hashable, make: Callable[[], Any]) -> Any:
    """The object ``make()`` built in this process for ``slot`` and ``key``, built once
    and kept until the same slot is asked for with another key (a worker's anonymizer
    for one policy and key, say).

    Examples
    --------
    >>> per_process("example", 1, list) is per_process("example", 1, list)
    True
    """
    hit = _MADE.get(slot)
    if hit is None or hit[0] != key:
        hit = _MADE[slot] = (key, make())
    return hit[1]
