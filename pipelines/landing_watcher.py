"""The landing watcher of a local streaming run, served to the pipeline on loopback.

Beam's in-process streaming runner (the BundleBasedDirectRunner) cannot run a
splittable DoFn that keeps polling (``fileio.MatchContinuously``, ``PeriodicImpulse``:
its SDF support neither resumes a deferred restriction nor releases the watermark
while one is pending, as of Beam 2.77). It does take an unbounded stream of
timestamped elements and watermarks from a TestStream *service* (the mechanism
Interactive Beam uses for live sources). :class:`LandingWatcher` is that service: the
driver polls the landing directory with a :class:`~pipelines.landing_poller.LandingPoller`
and streams ``(path, event time)`` elements and watermark advances to the pipeline's
``TestStream(endpoint=...)`` over a loopback gRPC port. When the poller stops, the
stream ends: the runner advances the watermark to the end of time, every open window
fires and is committed, and the pipeline finishes by itself.
"""
from __future__ import annotations

import logging
import threading
import time

from apache_beam import coders
from apache_beam.portability.api import beam_runner_api_pb2
from apache_beam.testing.test_stream_service import TestStreamServiceController

from pipelines.landing_poller import LandingPoller

_LOG = logging.getLogger(__name__)
_EVENT = beam_runner_api_pb2.TestStreamPayload.Event
_ELEMENT = beam_runner_api_pb2.TestStreamPayload.TimestampedElement
_CODER = coders.StrUtf8Coder()
HEARTBEAT_SECONDS = 0.1


def _micros(seconds: float) -> int:
    return int(round(seconds * 1_000_000))


class LandingWatcher:
    """Context manager: ``endpoint`` to pass to ``SourceSpec``; ``stop()`` ends the stream."""

    def __init__(self, poller: LandingPoller):
        self.poller = poller
        self._wake = threading.Event()
        self._controller = TestStreamServiceController(self, endpoint=None)
        self.endpoint = self._controller.endpoint  # localhost:<port>

    def __enter__(self) -> "LandingWatcher":
        self._controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
        self._controller.stop()

    def stop(self) -> None:
        """Take what has arrived, then end the stream (the pipeline drains and ends)."""
        self.poller.request_stop()
        self._wake.set()

    # TestStreamService reader protocol: an iterator of TestStreamPayload.Event.
    def read_multiple(self, unused_specs):
        interval = self.poller.spec.poll_interval
        while True:
            poll = self.poller.poll()
            if poll.files:
                _LOG.info("landing: %d new file(s)", len(poll.files))
                yield _EVENT(element_event=_EVENT.AddElements(elements=[
                    _ELEMENT(encoded_element=_CODER.encode(path), timestamp=_micros(ts))
                    for path, ts in poll.files]))
            watermark = _EVENT(watermark_event=_EVENT.AdvanceWatermark(
                new_watermark=_micros(poll.watermark)))
            yield watermark
            if poll.last:
                _LOG.info("landing: stopped watching after %d file(s)",
                          len(self.poller.taken))
                return
            # The runner has one executor thread, and the TestStream step holds it while it
            # waits for the next event: a short heartbeat keeps that wait short, so the rest
            # of the pipeline is not starved between two polls.
            next_poll = time.monotonic() + interval
            while not self._wake.is_set() and time.monotonic() < next_poll:
                self._wake.wait(HEARTBEAT_SECONDS)
                yield watermark
