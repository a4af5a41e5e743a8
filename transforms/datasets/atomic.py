"""Atomic writes: readers see the old file or the new one, never half of one.

Both helpers stage the bytes beside the target under a hidden name
(:func:`layout.temp_name`), then rename it over the target; a failure removes the staged
file and leaves the target as it was. Every write-then-rename of hushbeam goes through them.
Beam-free at import (the local after-run commands do not load Beam).
"""
from __future__ import annotations

import os
from pathlib import Path

from transforms.datasets import layout


def write_local(path: Path, data: bytes, mode: int = 0o666) -> None:
    """Replace a local file: stage, fsync, rename (``os.replace`` is atomic on POSIX).

    ``mode`` (less the umask) is the new file's from its creation, so a private file
    (``0o600``: a keyset) is never readable by others, not even while staged.
    """
    path = Path(path)
    temp = path.with_name(layout.temp_name(path.name))
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_any(path: str, data: bytes) -> None:
    """The same for a Beam FileSystems path (``gs://...`` or local).

    A local path goes through :func:`write_local` (its parent is made, as Beam's local
    file system does). Object stores have no atomic replace: the old object is deleted
    just before the rename, and a reader in between finds no file, never a partial one.
    """
    if "://" not in path:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        write_local(Path(path), data)
        return
    # Imported here: Beam takes a second to import, and the commands that only touch
    # local files (forget, rekey, audit) must start at once.
    from apache_beam.io.filesystems import FileSystems

    directory, name = FileSystems.split(path)
    temp = FileSystems.join(directory, layout.temp_name(name))
    try:
        with FileSystems.create(temp) as fh:
            fh.write(data)
        if FileSystems.exists(path):
            FileSystems.delete([path])
        FileSystems.rename([temp], [path])
    except BaseException:
        if FileSystems.exists(temp):
            FileSystems.delete([temp])
        raise
