"""The detectors compiled to C by mypyc, from the same source, used only when current.

The detectors (:mod:`~features.privacy.checks`, :mod:`~features.privacy.keys` and
:mod:`~features.privacy.detectors`) are plain Python. ``make install`` also compiles those
three files with mypyc (``python -m features.privacy.compile``) into *twins*
(``features.privacy._c_checks``...): the same source turned into C extensions, which run
it with less interpreter overhead per call (one process, simulator data: 1.16x the
batch API's events per second; see ``benchmarks/README.md``). Nothing else changes: the
regular expressions and every rule are the ones in the ``.py`` files, so what is found is
the same (a test compares the two on the fixtures and the simulator's texts).

A build lives in ``features/privacy/_compiled/<tag>/``, where the tag is a hash of the
three sources and of the interpreter's version and extension suffix. When the package is
imported, :func:`activate` loads a build only if its tag matches the sources as they are
now: after an edit, the pure Python runs until the next build, never a stale one. At the
end of each of the three modules, :func:`adopt` puts the twin's functions and classes in
the place of the module's own; public functions keep their Python docstrings and
signatures (a thin wrapper), so ``help()`` and the doctests read as before.
``FAULTLINE_NATIVE=0`` turns compiled code off; with no build (no compiler, or a plain
``pip install``) everything runs as pure Python, with the same results.

Examples
--------
>>> sorted(native_info())
['active', 'path', 'tag']
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import warnings
from pathlib import Path
from typing import Any

__all__ = ["MODULES", "activate", "adopt", "build", "native_info", "source_tag"]

#: The modules compiled, in import order (each imports only the ones before it).
MODULES = ("checks", "keys", "detectors")
#: Modules of the package the compiled ones import, left as Python (the build copies them
#: beside the twins so that mypy reads their types).
PLAIN_IMPORTS = ("gazetteer",)
#: Where each module's own code ends: the build compiles the text before this line.
TWIN_MARK = "# --- compiled twin (features.privacy._native) ---"

_HERE = Path(__file__).resolve().parent
_COMPILED = _HERE / "_compiled"
_state: dict[str, Any] = {"path": None, "tag": None}  # of the build in use
_twins: dict[str, Any] = {}


def source_tag(root: Path = _HERE) -> str:
    """The build tag for the sources in ``root``: a hash of the compiled modules' text and
    of this interpreter's version and extension-module suffix.

    Examples
    --------
    >>> len(source_tag())
    16
    """
    h = hashlib.sha256()
    h.update(sys.version.encode())
    h.update(str(sysconfig.get_config_var("EXT_SUFFIX")).encode())
    for name in MODULES:
        h.update(name.encode() + b"\0")
        h.update((root / f"{name}.py").read_bytes())
    return h.hexdigest()[:16]


def native_info() -> dict[str, Any]:
    """Whether compiled detectors are in use in this process, with the build's tag and folder.

    Benchmarks record it with their figures.
    """
    return {"active": bool(_twins), **_state}


def activate(package_path: list[str]) -> bool:
    """Load the compiled detectors for the current sources, if built (see the module
    docstring). Called by ``features.privacy`` before it imports anything else, with its
    ``__path__``; returns whether compiled code is in use."""
    if os.environ.get("FAULTLINE_NATIVE", "1").strip().lower() in ("0", "false", "no", "off"):
        return False
    try:
        tag = source_tag()
    except OSError:
        return False
    folder = _COMPILED / tag
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        return False
    pkg = str(folder / "pkg")
    try:
        info = json.loads(manifest.read_text())
        group = info["group"]
        spec = importlib.util.spec_from_file_location(group, folder / info["group_file"])
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load {info['group_file']}")
        lib = importlib.util.module_from_spec(spec)
        sys.modules[group] = lib
        spec.loader.exec_module(lib)
        package_path.insert(0, pkg)
        twins = {name: importlib.import_module(f"features.privacy._c_{name}") for name in MODULES}
    except Exception as exc:  # noqa: BLE001 - a broken build must never stop the package
        if pkg in package_path:
            package_path.remove(pkg)
        for name in MODULES:
            sys.modules.pop(f"features.privacy._c_{name}", None)
        warnings.warn(f"faultline: compiled detectors in {folder} could not be loaded ({exc}); "
                      "using the pure-Python ones (rebuild: python -m features.privacy.compile)",
                      RuntimeWarning, stacklevel=2)
        return False
    _twins.update(twins)
    _state.update(path=str(folder), tag=tag)
    return True


def _delegate(pure: Any, fast: Any) -> Any:
    @functools.wraps(pure)
    def call(*args: Any, **kwargs: Any) -> Any:
        return fast(*args, **kwargs)

    return call


def adopt(namespace: dict[str, Any]) -> None:
    """Put the compiled twin's functions and classes in the place of those defined in the
    module whose ``globals()`` is ``namespace`` (nothing when no build is loaded).

    Private functions are replaced by the twin's; public ones by a wrapper that calls the
    twin's and keeps the Python function's name, docstring and signature. Classes are the
    twin's, named after this module (``Span`` objects compare equal and pickle as before).
    Constants stay: both modules computed them from the same text.
    """
    module = namespace["__name__"]
    twin = _twins.get(module.rsplit(".", 1)[-1])
    if twin is None:
        return
    for attr, pure in list(namespace.items()):
        fast = getattr(twin, attr, None)
        if fast is None or fast is pure or getattr(pure, "__module__", None) != module:
            continue
        if isinstance(pure, type):
            with contextlib.suppress(AttributeError, TypeError):
                fast.__module__ = module
                fast.__doc__ = pure.__doc__
            namespace[attr] = fast
        elif callable(pure):
            namespace[attr] = fast if attr.startswith("_") else _delegate(pure, fast)


def twin_source(name: str, root: Path = _HERE) -> str:
    """The text compiled for module ``name``: its source up to :data:`TWIN_MARK`, importing
    the other twins instead of the Python modules.

    Examples
    --------
    >>> "features.privacy._c_checks import" in twin_source("keys")
    True
    """
    text = (root / f"{name}.py").read_text(encoding="utf-8")
    if TWIN_MARK not in text:
        raise RuntimeError(f"{name}.py has no line {TWIN_MARK!r}")
    text = text.split(TWIN_MARK)[0]
    for other in MODULES:
        text = text.replace(f"from features.privacy.{other} import",
                            f"from features.privacy._c_{other} import")
    return text


def _move_into_place(staging: Path, dest: Path, force: bool) -> None:
    """Rename a finished build to its tag's folder; when another build of the same sources
    got there first (two ``make`` runs at once), keep that one and drop this one."""
    if force and dest.exists():
        shutil.rmtree(dest)
    try:
        os.replace(staging, dest)
    except OSError:
        if not (dest / "manifest.json").is_file():
            raise
        shutil.rmtree(staging, ignore_errors=True)


def build(*, force: bool = False, quiet: bool = False) -> Path:
    """Compile the detectors with mypyc into ``_compiled/<tag>/`` (nothing to do when that
    build exists, unless ``force``); older builds are removed.

    Raises
    ------
    RuntimeError
        mypy (mypyc) is not installed, or the compilation failed (its output's end is in
        the message).
    """
    tag = source_tag()
    dest = _COMPILED / tag
    if (dest / "manifest.json").is_file() and not force:
        if not quiet:
            print(f"compiled detectors are up to date ({dest})")
        return dest
    try:
        from importlib.metadata import version

        mypy_version = version("mypy")
    except Exception as exc:  # noqa: BLE001
        raise RuntimeError("mypy is not installed: pip install -e '.[dev]' brings mypyc") from exc
    _COMPILED.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="build-", dir=_COMPILED) as tmp:
        work = Path(tmp)
        src = work / "features" / "privacy"
        src.mkdir(parents=True)
        (work / "features" / "__init__.py").write_text("")
        (src / "__init__.py").write_text("")
        for name in MODULES:
            (src / f"_c_{name}.py").write_text(twin_source(name), encoding="utf-8")
        for name in PLAIN_IMPORTS:  # imported as they are (mypy reads their types)
            shutil.copyfile(_HERE / f"{name}.py", src / f"{name}.py")
        env = {**os.environ, "MYPY_CACHE_DIR": str(work / ".mypy_cache")}
        cmd = [sys.executable, "-m", "mypyc", *(f"features/privacy/_c_{n}.py" for n in MODULES)]
        if not quiet:
            print(f"compiling {', '.join(MODULES)} with mypyc {mypy_version} (about 30 s)...", flush=True)
        done = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            raise RuntimeError(f"mypyc failed (exit {done.returncode}):\n{tail}")
        suffix = str(sysconfig.get_config_var("EXT_SUFFIX"))
        groups = [p for p in work.glob(f"*__mypyc{suffix}")]
        shims = {n: src / f"_c_{n}{suffix}" for n in MODULES}
        if len(groups) != 1 or not all(p.is_file() for p in shims.values()):
            raise RuntimeError(f"mypyc wrote no usable build in {work}")
        staging = _COMPILED / f".staging-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        (staging / "pkg").mkdir(parents=True)
        shutil.copyfile(groups[0], staging / groups[0].name)
        for path in shims.values():
            shutil.copyfile(path, staging / "pkg" / path.name)
        manifest = {"tag": tag, "group": groups[0].name[: -len(suffix)], "group_file": groups[0].name,
                    "modules": list(MODULES), "mypy": mypy_version, "python": sys.version}
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
        _move_into_place(staging, dest, force)
    for old in _COMPILED.iterdir():
        if old.is_dir() and old.name != tag and not old.name.startswith("build-"):
            shutil.rmtree(old, ignore_errors=True)
    if not quiet:
        print(f"compiled detectors written to {dest}")
    return dest
