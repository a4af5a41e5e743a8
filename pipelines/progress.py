"""The driver's progress display of a local run: records done, rate, time left.

On a terminal (stderr is a tty), a live line rewritten every second; otherwise a log line
every ``--progress-seconds``. The counts come from the workers' progress files
(transforms/core/progress.py, written by the CountProgress stage); the total from a quick
count of the input's items, made on this thread while the run starts (none for streaming,
or if counting is too slow: then no time left is shown). Counts only, never a value.
"""
from __future__ import annotations

import contextlib
import logging
import shutil
import sys
import tempfile
import threading
import time
from typing import Callable, Iterator, Optional

from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from transforms.core.progress import count_items, progress_line, total_done

_LOG = logging.getLogger("hushbeam")
TTY_REFRESH_SECONDS = 1.0


class _Display(threading.Thread):
    def __init__(self, directory: str, count_total: Optional[Callable[[], Optional[int]]],
                 interval: float, live: bool, stream):
        super().__init__(name="hushbeam-progress", daemon=True)
        self.directory, self.count_total = directory, count_total
        self.interval = TTY_REFRESH_SECONDS if live else interval
        self.live, self.stream = live, stream
        self.total: Optional[int] = None
        self.first = None  # (time, count) when a record was first seen done
        self._halt = threading.Event()

    def run(self):
        if self.count_total is not None:
            try:
                self.total = self.count_total()
            except Exception:  # pylint: disable=broad-except
                self.total = None  # best effort: no total, no time left
        while not self._halt.wait(self.interval):
            self.show(total_done(self.directory))

    def show(self, done: int, final: bool = False) -> None:
        now = time.monotonic()
        if done and self.first is None:  # the rate counts from the first record seen done,
            self.first = (now, done)      # leaving the start-up (model loading) out
        rate = None
        if self.first is not None and done > self.first[1] and now > self.first[0]:
            rate = (done - self.first[1]) / (now - self.first[0])
        line = progress_line(done, self.total, rate)
        if self.live:
            self.stream.write(f"\rhushbeam: {line}\x1b[K" + ("\n" if final else ""))
            self.stream.flush()
        else:
            _LOG.info("progress: %s", line)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=5)


def input_counter(pattern: str, input_format: str, settings) -> Callable[[], Optional[int]]:
    """A quick count of the items of the files matching ``pattern``."""
    def count():
        paths = sorted(m.path for m in FileSystems.match([pattern])[0].metadata_list)
        return count_items(
            [lambda p=p: FileSystems.open(p, compression_type=CompressionTypes.UNCOMPRESSED)
             for p in paths], input_format, settings)
    return count


@contextlib.contextmanager
def shown(interval: float, count_total: Optional[Callable[[], Optional[int]]],
          stream=None) -> Iterator[Optional["Progress"]]:
    """Yields a :class:`Progress` whose ``directory`` the workers count into, or None when
    ``interval`` is 0 (progress off)."""
    if not interval or interval <= 0:
        yield None
        return
    stream = stream or sys.stderr
    directory = tempfile.mkdtemp(prefix="hushbeam-progress-")
    display = _Display(directory, count_total, interval, _is_tty(stream), stream)
    progress = Progress(directory, display)
    display.start()
    try:
        yield progress
    finally:
        display.stop()
        if not progress.ended:  # failed or interrupted: end the live line
            if display.live:
                stream.write("\n")
        shutil.rmtree(directory, ignore_errors=True)


class Progress:
    def __init__(self, directory: str, display: _Display):
        self.directory, self._display, self.ended = directory, display, False

    def end(self, done: int, of_total: bool = True) -> None:
        """The last line, with the run's own count of items done (the summary's); as the
        total too unless ``of_total`` is False (streaming: the input has no total)."""
        self._display.stop()
        self._display.total = done if of_total else None  # the count at the start: an estimate
        self._display.show(done, final=True)
        self.ended = True


def _is_tty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
