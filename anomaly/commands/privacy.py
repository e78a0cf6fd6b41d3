"""``faultline anonymize``, ``faultline privacy-scan`` and ``faultline keys``.

Thin layers over :mod:`features.privacy`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
from collections import Counter
from pathlib import Path
from typing import IO, Any

import click

_MAX_LINE = 16 * 1024 * 1024
_FLUSH_EVERY = 2000


def _key_or_exit() -> Any:
    from features.privacy import KeyMissingError, load_key

    try:
        return load_key()
    except KeyMissingError as exc:
        raise click.ClickException(str(exc)) from None


def _policy_or_exit(path: Path | None) -> Any:
    from features.privacy import Policy, PolicyError

    try:
        return Policy.load(path)
    except PolicyError as exc:
        raise click.ClickException(str(exc)) from None


def _lines(stream: IO[bytes], limit: int) -> Any:
    """Yield ``(line_no, bytes or None)``; None for a line longer than ``limit``
    (which is read through and discarded, so memory stays bounded)."""
    n = 0
    while True:
        chunk = stream.readline(limit + 1)
        if not chunk:
            return
        n += 1
        if len(chunk) > limit and not chunk.endswith(b"\n"):
            while chunk and not chunk.endswith(b"\n"):
                chunk = stream.readline(limit)
            yield n, None
            continue
        yield n, chunk


def _quarantine(line_no: int, reason: str, detail: str, raw: bytes | None, secret: bytes) -> str:
    record: dict[str, Any] = {"line_no": line_no, "reason": reason, "detail": detail}
    if raw is not None:
        record["bytes"] = len(raw)
        # a keyed digest lets a re-delivered bad line be matched, without its content
        record["digest"] = hmac.new(secret, raw.strip(), hashlib.sha256).hexdigest()[:16]
    return json.dumps({"_quarantine": record})


@click.command("anonymize")
@click.option(
    "--policy",
    "policy_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Privacy policy YAML (default: the packaged policy).",
)
@click.option(
    "--max-line-bytes",
    type=click.IntRange(min=1024),
    default=_MAX_LINE,
    show_default=True,
    help="Longer lines are quarantined unread.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes once the input passes one block of 2,000 lines (default: the "
         "number of CPUs, at most 4). Output order is input order either way.",
)
def anonymize(policy_path: Path | None, max_line_bytes: int, jobs: int | None) -> None:
    """Anonymize contract JSONL from stdin to stdout, line for line.

    Every input line gives exactly one output line, in order: the anonymized
    event, or, for a line that is not a JSON object, a quarantine record
    {"_quarantine": {"line_no", "reason", "detail", "bytes", "digest"}} without
    its content. Counts by kind (never values), the policy version and hash and
    the key id go to stderr as one JSON line. Needs a tokenization key
    (`faultline keys init`).
    """
    import itertools
    import os

    from features.privacy import Anonymizer

    key = _key_or_exit()
    policy = _policy_or_exit(policy_path)
    anon = Anonymizer(policy, key)
    if jobs is None:
        jobs = max(1, min(4, os.cpu_count() or 1))
    out = sys.stdout
    reasons: Counter[str] = Counter()
    found: Counter[str] = Counter()
    lines = events = 0
    pool: Any = None

    def here(block: list[tuple[int, bytes | None]]) -> tuple[Any, ...]:
        return (*_block(anon, block, max_line_bytes), len(block))

    blocks = _blocks(_lines(sys.stdin.buffer, max_line_bytes), _FLUSH_EVERY)
    try:
        head = list(itertools.islice(blocks, 2))
        if jobs > 1 and len(head) == 2:
            # more than one block of input: the first is done here, the rest by workers
            from features.workers import in_order, process_pool

            pool = process_pool(jobs)
            results: Any = itertools.chain(
                [here(head[0])],
                in_order(pool, _work_block, itertools.chain(head[1:], blocks), policy, key,
                         max_line_bytes, ahead=jobs))
        else:
            results = map(here, itertools.chain(head, blocks))
        for text, why, kinds, n_events, n_lines in results:
            reasons.update(why)
            found.update(kinds)
            events += n_events
            lines += n_lines
            out.write("\n".join(text) + "\n")
        out.flush()
    except BrokenPipeError:
        sys.stderr.close()
        return
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    summary = {
        "lines": lines,
        "events": events,
        "quarantined": sum(reasons.values()),
        "quarantine_reasons": dict(sorted(reasons.items())),
        "found": dict(sorted(found.items())),
        **anon.describe(),
    }
    click.echo(json.dumps({"anonymize": summary}), err=True)


_BLOCK_BYTES = 8 * 1024 * 1024


def _blocks(items: Any, size: int, max_bytes: int = _BLOCK_BYTES) -> Any:
    """Blocks of at most ``size`` lines and about ``max_bytes`` of input (memory stays
    bounded by the blocks in flight, whatever the lines' length)."""
    block: list[tuple[int, bytes | None]] = []
    held = 0
    for item in items:
        block.append(item)
        held += len(item[1]) if item[1] is not None else 0
        if len(block) >= size or held >= max_bytes:
            yield block
            block, held = [], 0
    if block:
        yield block


def _block(anon: Any, block: list[tuple[int, bytes | None]],
           max_line_bytes: int) -> tuple[list[str], Counter[str], Counter[str], int]:
    """Output lines, quarantine reasons, findings and the number of events for ``block``."""
    reasons: Counter[str] = Counter()
    anon.counts = Counter()
    secret = anon.key.secret
    text: list[str] = []
    events = 0
    for line_no, raw in block:
        if raw is None:
            reasons["line_too_long"] += 1
            text.append(_quarantine(line_no, "line_too_long", f"longer than {max_line_bytes} bytes",
                                    None, secret))
        else:
            text.append(_one_line(anon, line_no, raw, reasons, secret))
            if not text[-1].startswith('{"_quarantine"'):
                events += 1
    return text, reasons, anon.counts, events


def _work_block(block: list[tuple[int, bytes | None]], policy: Any, key: Any,
                max_line_bytes: int) -> tuple[list[str], Counter[str], Counter[str], int, int]:
    """:func:`_block` in a worker process (one anonymizer per process), plus the number
    of lines in the block."""
    from features.privacy import Anonymizer
    from features.workers import per_process

    anon = per_process("anonymizer", (policy.hash, key.key_id), lambda: Anonymizer(policy, key))
    return (*_block(anon, block, max_line_bytes), len(block))


def _one_line(anon: Any, line_no: int, raw: bytes, reasons: Counter[str], secret: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        reasons["invalid_utf8"] += 1
        return _quarantine(line_no, "invalid_utf8", "the line is not UTF-8", raw, secret)
    if not text.strip():
        reasons["empty_line"] += 1
        return _quarantine(line_no, "empty_line", "no JSON on this line", raw, secret)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        reasons["invalid_json"] += 1
        # exc.msg names the rule ("Expecting ',' delimiter"), never the content
        return _quarantine(line_no, "invalid_json", f"{exc.msg} at column {exc.colno}", raw, secret)
    except RecursionError:
        reasons["invalid_json"] += 1
        return _quarantine(line_no, "invalid_json", "nested too deeply", raw, secret)
    if not isinstance(obj, dict):
        reasons["not_an_object"] += 1
        return _quarantine(line_no, "not_an_object", f"a JSON {type(obj).__name__}, not an object", raw, secret)
    try:
        return json.dumps(anon.anonymize_event(obj), ensure_ascii=False, default=str)
    except RecursionError:
        reasons["too_deep"] += 1
        return _quarantine(line_no, "too_deep", "nested too deeply to anonymize", raw, secret)


@click.command("privacy-scan")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print findings as JSON lines.")
def privacy_scan(paths: tuple[Path, ...], as_json: bool) -> None:
    """Scan written files for personal or secret data; exit 1 when anything is found.

    PATHS are files or directories: DuckDB, Parquet, JSON/JSONL (also .gz), CSV,
    HTML, Markdown and other text, SQLite (MLflow stores), MLflow run folders;
    other binary files are scanned for printable strings. Findings name file,
    location (table.column, JSON path, line) and kind, never the value. A file
    that cannot be read counts as a finding (kind "unreadable", exit 2).
    """
    from features.privacy.scan import scan_report

    report = scan_report(paths)
    for f in report.findings:
        if as_json:
            click.echo(json.dumps({"path": f.path, "location": f.location, "kind": f.kind, "count": f.count}))
        else:
            click.echo(f"{f.path}\t{f.location}\t{f.kind}\t{f.count}")
    total = sum(f.count for f in report.findings if f.kind != "unreadable")
    unreadable = sum(1 for f in report.findings if f.kind == "unreadable")
    click.echo(
        f"privacy-scan: {report.files_scanned} files, {report.values_scanned} values scanned; "
        f"{total} personal or secret values found"
        + (f"; {unreadable} paths unreadable" if unreadable else ""),
        err=True,
    )
    if unreadable:
        sys.exit(2)
    if total:
        sys.exit(1)


@click.group("keys")
def keys() -> None:
    """Manage the tokenization key (HMAC secret for typed tokens)."""


@keys.command("init")
@click.option(
    "--path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write it (default: $FAULTLINE_TOKEN_KEY_FILE or data/keys/token.key).",
)
def keys_init(path: Path | None) -> None:
    """Create a random key file (mode 0600) unless one exists; never overwrites."""
    import os

    from features.privacy import ensure_key_file, load_key
    from features.privacy.tokens import DEFAULT_KEY_PATH, ENV_KEY_FILE

    target = path or Path(os.environ.get(ENV_KEY_FILE) or DEFAULT_KEY_PATH)
    existed = target.exists()
    ensure_key_file(target)
    os.environ[ENV_KEY_FILE] = str(target)
    os.environ.pop("FAULTLINE_TOKEN_KEY", None)
    key = load_key()
    state = "exists, kept" if existed else "created"
    click.echo(f"{target}: {state} (key id {key.key_id}); keep it out of version control")


@keys.command("show")
def keys_show() -> None:
    """Print which key would be used and its id (never the secret)."""
    key = _key_or_exit()
    click.echo(f"key id {key.key_id} from {key.source}")
