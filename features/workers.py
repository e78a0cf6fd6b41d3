"""Worker processes for the stages that share work among CPUs (privacy, ingest).

Workers are started with ``spawn`` (forking a process that runs DuckDB or polars
threads can deadlock) and watch their parent: a worker whose parent is gone (killed
with SIGKILL, say) exits within a second instead of waiting forever on its queue.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

__all__ = ["process_pool"]


def _exit_with_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="faultline-parent-watch", daemon=True).start()


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
                               initializer=_exit_with_parent, initargs=(os.getpid(),))
