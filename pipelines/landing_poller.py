"""Watching a landing directory for new export files (Beam-free).

A :class:`LandingPoller` lists a glob, hands out every *settled* file once (a file is
settled when its modification time and size have not changed for ``settle_seconds``, or
it was already that old when first seen; writers should write then rename, and the
settle time covers those that do not), stamps it with an event time and keeps a
watermark:

* event time = the file's modification time (its arrival in the landing zone; never
  later than the present), so a
  restarted job puts an unchanged file in the same window; a file that turns up with
  a modification time already behind the watermark (``mv`` or ``cp -p`` of an old
  file) is stamped with the watermark instead, so it is never late: it lands in the
  window that is still open;
* watermark = poll time - settle time (a file not yet settled at a poll has a newer
  modification time than that), never below ``floor`` (the end of the last window a
  restarted job had already committed, so nothing is added to a committed window).

It stops after ``stop_after`` seconds, after ``stop_when_idle`` seconds without a new
file, or when :meth:`request_stop` is called; the poll that notices the stop still
hands out what it finds, so every settled file that arrived before the stop is taken.
Files listed in ``skip`` (already committed by an earlier run) and hidden files (names
starting with ``.`` or ``_``: a writer's temporary file, a marker) are never handed out.
"""
from __future__ import annotations

import dataclasses
import threading
import time
from typing import Callable, FrozenSet, Iterable, List, Optional, Sequence, Tuple

MAX_POLL_INTERVAL = 10.0  # the local runner gives up on a source silent for 30 s


@dataclasses.dataclass(frozen=True)
class WatchSpec:
    pattern: str
    poll_interval: float = 1.0
    settle_seconds: float = 1.0
    stop_after: Optional[float] = None
    stop_when_idle: Optional[float] = None
    skip: FrozenSet[str] = frozenset()
    floor: float = 0.0  # seconds since the epoch


@dataclasses.dataclass(frozen=True)
class Poll:
    files: List[Tuple[str, float]]  # (path, event time in seconds), oldest first
    watermark: float
    last: bool  # no poll follows: the source is finished


def hidden(path: str) -> bool:
    """Files being written (``.name.part``) and markers (``_SUCCESS``) are never taken."""
    return path.rstrip("/").rsplit("/", 1)[-1].startswith((".", "_"))


def match_files(pattern: str) -> List[Tuple[str, float, int]]:
    """(path, modification time, size) of every file matching the glob (any Beam filesystem)."""
    from apache_beam.io.filesystems import FileSystems

    result = FileSystems.match([pattern])[0]
    return [(m.path, m.last_updated_in_seconds, m.size_in_bytes) for m in result.metadata_list]


class LandingPoller:
    def __init__(self, spec: WatchSpec,
                 clock: Callable[[], float] = time.time,
                 lister: Callable[[str], Iterable[Sequence]] = match_files):
        self.spec, self._clock, self._list = spec, clock, lister
        self._seen = set(spec.skip)
        self._pending = {}  # path -> ((mtime, size), first seen in that state), not yet settled
        self._started = clock()
        self._last_new = self._started
        self._watermark = spec.floor
        self._stop = threading.Event()
        self.taken: List[str] = []  # every path handed out, in order

    @property
    def watermark(self) -> float:
        return self._watermark

    def request_stop(self) -> None:
        self._stop.set()

    def _stopping(self, now: float) -> bool:
        spec = self.spec
        return (self._stop.is_set()
                or (spec.stop_after is not None and now - self._started >= spec.stop_after)
                or (spec.stop_when_idle is not None
                    and now - self._last_new >= spec.stop_when_idle))

    def poll(self) -> Poll:
        now = self._clock()
        last = self._stopping(now)
        settle = self.spec.settle_seconds
        new = []
        for entry in sorted(self._list(self.spec.pattern)):
            path, mtime = entry[0], entry[1]
            if path in self._seen or hidden(path):
                continue
            state = (mtime, entry[2] if len(entry) > 2 else None)
            seen_state, since = self._pending.get(path, (None, now))
            if seen_state != state:  # new, or changed since the last poll
                self._pending[path] = (state, now)
                since = now
            # Settled: unchanged for the settle time by our clock, or already older than
            # that when first seen. (A modification time in the future, from a skewed clock,
            # waits for the first rule and is stamped with the present.)
            if now - since < settle and mtime > now - settle:
                continue
            del self._pending[path]
            self._seen.add(path)
            new.append((path, max(min(mtime, now), self._watermark)))
        new.sort(key=lambda f: (f[1], f[0]))
        if new:
            self._last_new = now
            self.taken.extend(path for path, _ in new)
        self._watermark = max(self._watermark, now - settle)
        return Poll(new, self._watermark, last)
