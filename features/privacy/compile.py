"""Compile the privacy detectors with mypyc: ``python -m features.privacy.compile [build|info]``.

``make install`` runs it (``--optional``: without a C compiler the pure-Python detectors
stay in use, with the same results). See :mod:`features.privacy._native`.
"""

from __future__ import annotations

import json
import sys

from features.privacy._native import build, native_info, source_tag

__all__: list[str] = []


def _main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m features.privacy.compile",
                                     description="Compile the privacy detectors with mypyc.")
    parser.add_argument("command", nargs="?", default="build", choices=["build", "info"])
    parser.add_argument("--force", action="store_true", help="rebuild even when up to date")
    parser.add_argument("--optional", action="store_true",
                        help="on failure, warn and exit 0 (the pure-Python detectors stay in use)")
    args = parser.parse_args(argv)
    if args.command == "info":
        print(json.dumps({**native_info(), "current_tag": source_tag()}, indent=2))
        return 0
    try:
        build(force=args.force)
    except (RuntimeError, OSError) as exc:
        print(f"faultline: could not compile the detectors: {exc}", file=sys.stderr)
        if args.optional:
            print("faultline: continuing with the pure-Python detectors (same results, slower)",
                  file=sys.stderr)
            return 0
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
