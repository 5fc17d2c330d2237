"""Atomic report files: a report is either whole or absent, never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from runner.errors import PmreplayError


def write_atomic(path: str | Path, text: str) -> None:
    """Write via a temporary file in the same folder, fsync, then rename over the target.

    A symlink is followed (the link survives, the file it names is replaced); a device or
    FIFO such as ``/dev/stdout`` is written through, since renaming over it would replace
    the device node itself.
    """
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file() and not target.is_dir():
        try:
            with open(target, "w", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(text)
        except OSError as exc:
            raise PmreplayError(f"{path}: cannot write: {exc.strerror or exc}") from None
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent))
    except OSError as exc:
        raise PmreplayError(f"{target}: cannot write: {exc.strerror}") from None
    try:
        # backslashreplace: lone surrogates from scripts become \udXXXX (a valid JSON escape) instead of an error
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))  # mkstemp makes 0600; keep the old file's mode, else the usual one
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise PmreplayError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def default_export_path(reporter: str, collection_name: str, extension: str, folder: str | Path = "pmreplay") -> Path:
    """Newman's default: ``newman/<collection>-<timestamp>.<ext>`` — we use ``pmreplay/``."""
    import time

    stamp = time.strftime("%Y-%m-%d-%H-%M-%S")
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in collection_name) or "collection"
    return Path(folder) / f"{safe}-{stamp}-{reporter}.{extension}"


def check_export_option(reporter: str, option: object) -> None:
    """``--reporter-<name>-export`` given without a path is a mistake to report before the run, not after."""
    if option is True or (option is not None and not isinstance(option, (str, Path))):
        raise PmreplayError(f"--reporter-{reporter}-export needs a file path")


def export_target(reporter: str, option: object, collection_name: str, extension: str) -> Path:
    """Where a report goes: the given path, a default-named file inside a given folder (as Newman does), or the default."""
    check_export_option(reporter, option)
    if not option:
        return default_export_path(reporter, collection_name, extension)
    path = Path(str(option))
    if path.is_dir():
        return default_export_path(reporter, collection_name, extension, folder=path)
    return path
