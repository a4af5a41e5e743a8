"""Progress of a local run, counted where the workers are and read by the driver (Beam-free).

Beam's metrics cannot be queried while a local runner runs, so every counting DoFn instance
(in any worker process) keeps its count in a small file of its own in a progress directory,
rewritten atomically at most every :data:`FLUSH_SECONDS` and at the end of each bundle; the
driver sums the files. Counts only, never a value from the data.

The total comes from a quick count of the input's items (:func:`count_items`), given up
after a time budget: then there is no estimate of the time left.
"""
from __future__ import annotations

import os
import time
import uuid
from typing import Iterable, Optional

from transforms.core.report.model import duration

FLUSH_SECONDS = 0.5
SUFFIX = ".count"


class ProgressCounter:
    """One counting instance's count, kept in ``<directory>/<pid>-<id>.count``."""

    def __init__(self, directory: str):
        self.directory, self.count = directory, 0
        self._name = f"{os.getpid()}-{uuid.uuid4().hex}{SUFFIX}"
        self._flushed_at, self._flushed = 0.0, 0

    def add(self, n: int = 1) -> None:
        self.count += n
        if time.monotonic() - self._flushed_at >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self.count == self._flushed:
            return
        path = os.path.join(self.directory, self._name)
        temp = os.path.join(self.directory, f".{self._name}.tmp")
        try:
            with open(temp, "w") as fh:
                fh.write(str(self.count))
            os.replace(temp, path)
        except OSError:  # progress is best effort: the run never fails for it
            return
        self._flushed_at, self._flushed = time.monotonic(), self.count


def total_done(directory: str) -> int:
    """The sum of every counting instance's last flushed count."""
    done = 0
    try:
        names = os.listdir(directory)
    except OSError:
        return 0
    for name in names:
        if name.endswith(SUFFIX) and not name.startswith("."):
            try:
                with open(os.path.join(directory, name)) as fh:
                    done += int(fh.read().strip() or 0)
            except (OSError, ValueError):
                continue
    return done


def count_items(streams: Iterable, input_format: str, settings=None,
                budget_seconds: Optional[float] = 5.0) -> Optional[int]:
    """How many items the input holds (``streams``: callables opening each file), or None
    if counting takes longer than ``budget_seconds`` (None: no limit)."""
    from transforms.core.formats.reader import iter_items
    from transforms.core.formats.settings import FormatSettings

    limit = float("inf") if budget_seconds is None else budget_seconds
    deadline, total = time.monotonic() + limit, 0
    for open_stream in streams:
        with open_stream() as fh:
            for _ in iter_items(fh, input_format, settings or FormatSettings()):
                total += 1
                if not total % 256 and time.monotonic() > deadline:
                    return None
        if time.monotonic() > deadline:
            return None
    return total


def progress_line(done: int, total: Optional[int], rate: Optional[float]) -> str:
    """``1,234 of 100,000 records (1.2 %), 19.8 records/s, about 1 h 22 min left``
    (``rate``: records per second, None while unknown)."""
    if total:
        shown = min(done, total)
        line = f"{shown:,} of {total:,} records ({100 * shown / total:.1f} %)"
    else:
        line = f"{done:,} records"
    if not done:
        return line + ", starting"
    if rate:
        line += f", {rate:.1f} records/s"
        if total and done < total:
            line += f", about {duration((total - done) / rate, coarse=True)} left"
    return line
