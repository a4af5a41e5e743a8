"""The landing-directory poller, on a fake clock and a fake listing."""
from pipelines.landing_poller import LandingPoller, WatchSpec


class FakeDir:
    def __init__(self):
        self.files = {}  # path -> mtime
        self.sizes = {}  # path -> size (default 1)
        self.now = 1000.0

    def clock(self):
        return self.now

    def lister(self, pattern):
        return [(path, mtime, self.sizes.get(path, 1)) for path, mtime in self.files.items()]


def _poller(fake, **spec):
    return LandingPoller(WatchSpec("landing/*.jsonl", **spec), clock=fake.clock,
                         lister=fake.lister)


def test_each_settled_file_is_taken_once_stamped_with_its_arrival():
    fake = FakeDir()
    poller = _poller(fake, settle_seconds=1.0)
    fake.files["a"] = 999.5  # still being written: not settled yet
    assert poller.poll().files == []
    fake.now = 1001.0
    first = poller.poll()
    assert first.files == [("a", 999.5)] and first.watermark == 1000.0
    fake.files["b"] = 1000.5
    fake.now = 1002.0
    second = poller.poll()
    assert second.files == [("b", 1000.5)] and poller.taken == ["a", "b"]
    assert not second.last


def test_a_file_older_than_the_watermark_joins_the_open_window_instead_of_being_late():
    fake = FakeDir()
    poller = _poller(fake, settle_seconds=1.0)
    fake.now = 1010.0
    assert poller.poll().watermark == 1009.0
    fake.files["moved-in-old.jsonl"] = 500.0  # mv of a file written long ago
    fake.now = 1011.0
    poll = poller.poll()
    assert poll.files == [("moved-in-old.jsonl", 1009.0)]  # not behind the watermark
    assert poll.watermark == 1010.0


def test_watermark_never_goes_back_and_starts_at_the_committed_floor():
    fake = FakeDir()
    poller = _poller(fake, floor=2000.0)  # a restart: windows up to 2000 are committed
    fake.files["new"] = 900.0
    poll = poller.poll()
    assert poll.files == [("new", 2000.0)] and poll.watermark == 2000.0


def test_files_committed_by_an_earlier_run_are_skipped():
    fake = FakeDir()
    fake.files.update({"done.jsonl": 10.0, "new.jsonl": 20.0})
    poller = _poller(fake, skip=frozenset({"done.jsonl"}))
    assert [path for path, _ in poller.poll().files] == ["new.jsonl"]


def test_stops_when_idle_after_taking_what_arrived():
    fake = FakeDir()
    poller = _poller(fake, stop_when_idle=5.0, settle_seconds=0.0)
    fake.files["a"] = 1000.0
    assert not poller.poll().last
    fake.now = 1004.0
    assert not poller.poll().last
    fake.files["late-arrival"] = 1004.5
    fake.now = 1005.0  # idle since 1000: this poll is the last, and still takes the file
    poll = poller.poll()
    assert poll.last and poll.files == [("late-arrival", 1004.5)]


def test_stops_after_the_given_time_or_on_request():
    fake = FakeDir()
    timed = _poller(fake, stop_after=30.0)
    fake.now = 1029.0
    assert not timed.poll().last
    fake.now = 1030.0
    assert timed.poll().last
    asked = _poller(fake)
    assert not asked.poll().last
    asked.request_stop()
    assert asked.poll().last


def test_hidden_files_a_writer_has_not_renamed_yet_are_never_taken():
    fake = FakeDir()
    fake.files.update({"landing/.export-7.jsonl.part": 10.0, "landing/_SUCCESS": 10.0,
                       "landing/export-7.jsonl": 10.0})
    assert [p for p, _ in _poller(fake).poll().files] == ["landing/export-7.jsonl"]


def test_a_copy_in_progress_waits_and_a_future_timestamp_is_stamped_with_the_present():
    fake = FakeDir()
    poller = _poller(fake, settle_seconds=2.0)
    fake.files["copied"] = 1000.0  # cp -p in progress: modified now
    fake.files["skewed"] = 5000.0  # written on a machine whose clock is ahead
    assert poller.poll().files == []
    fake.now = 1001.0
    fake.files["copied"], fake.sizes["copied"] = 1001.0, 20  # still growing
    assert poller.poll().files == []
    fake.now = 1002.5
    fake.files["copied"] = 500.0  # done: cp -p sets the original time at the end
    assert poller.poll().files == [("copied", 999.0), ("skewed", 1002.5)]  # not late
