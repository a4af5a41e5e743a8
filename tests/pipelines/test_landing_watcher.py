"""The local watcher's event stream: files as timestamped elements, watermarks, the end."""
from apache_beam import coders

from pipelines.landing_poller import LandingPoller, WatchSpec
from pipelines.landing_watcher import LandingWatcher


def test_the_stream_carries_new_files_and_watermarks_and_ends_when_the_poller_stops():
    files = {"landing/a.jsonl": 100.0}
    clock = iter([1000.0, 1001.0, 1002.0, 1003.0])
    poller = LandingPoller(WatchSpec("landing/*", poll_interval=0.01, settle_seconds=1.0),
                           clock=lambda: next(clock), lister=lambda _: list(files.items()))
    watcher = LandingWatcher(poller)
    events = watcher.read_multiple([])
    first = next(events)
    (element,) = first.element_event.elements
    assert coders.StrUtf8Coder().decode(element.encoded_element) == "landing/a.jsonl"
    assert element.timestamp == 100_000_000  # its modification time, in microseconds
    assert next(events).watermark_event.new_watermark == 1_000_000_000  # poll time - settle
    watcher.stop()  # Ctrl-C: one more poll, then the end of the stream
    rest = list(events)
    assert all(e.HasField("watermark_event") for e in rest)
    assert rest[-1].watermark_event.new_watermark == 1_001_000_000
    assert poller.taken == ["landing/a.jsonl"]
