"""features.workers: glibc malloc settings for worker processes (lean_malloc)."""

from __future__ import annotations

import platform
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from features.workers import lean_malloc

GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"

# Megabyte buffers freed between small ones that stay: with glibc's default (its mmap
# threshold rises once a 4 MiB block is freed), they come from the heap and their pages
# stay with the process; with lean_malloc each is mapped on its own and given back.
SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    def rss():
        return int(open('/proc/self/statm').read().split()[1]) * 4096 >> 20
    if {lean}:
        from features.workers import lean_malloc
        assert lean_malloc()
    x = bytearray(4 << 20); del x
    big, small = [], []
    for i in range(200):
        big.append(bytearray(1 << 20))
        small.append(bytearray(200))
    held = rss()
    del big
    print(held - rss())
""")


def _freed_mib(lean: bool) -> int:
    code = SCRIPT.format(root=str(Path(__file__).resolve().parents[1]), lean=lean)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1])


def test_lean_malloc_reports_whether_it_applied() -> None:
    assert lean_malloc() is GLIBC


@pytest.mark.skipif(not GLIBC, reason="mallopt settings are glibc's")
def test_lean_malloc_gives_freed_buffers_back() -> None:
    assert _freed_mib(lean=False) < 50  # the default keeps them
    assert _freed_mib(lean=True) > 150  # 200 MiB freed, at least 150 given back
