"""Progress counted by workers into files, summed by the driver; the total and the line."""
import gzip
import io
import json
import multiprocessing

from transforms.core import progress


def _count_in_process(directory, n):
    counter = progress.ProgressCounter(directory)
    for _ in range(n):
        counter.add()
    counter.flush()


def test_counts_of_every_instance_and_process_add_up(tmp_path):
    here = progress.ProgressCounter(str(tmp_path))
    here.add(5)
    here.flush()
    worker = multiprocessing.get_context("spawn").Process(
        target=_count_in_process, args=(str(tmp_path), 7))
    worker.start()
    worker.join(60)
    assert progress.total_done(str(tmp_path)) == 12
    here.add(3)  # a later flush replaces this instance's count, never adds it twice
    here.flush()
    assert progress.total_done(str(tmp_path)) == 15


def test_a_count_is_written_at_most_every_half_second_until_flushed(tmp_path):
    counter = progress.ProgressCounter(str(tmp_path))
    counter.add()  # the first add writes
    for _ in range(99):
        counter.add()
    assert progress.total_done(str(tmp_path)) == 1
    counter.flush()
    assert progress.total_done(str(tmp_path)) == 100
    assert progress.total_done(str(tmp_path / "gone")) == 0


def test_the_input_is_counted_in_items_and_given_up_when_too_slow(tmp_path):
    lines = "".join(json.dumps({"conversation_id": f"c{i}"}) + "\n" for i in range(300))
    plain = lambda: io.BytesIO(lines.encode())  # noqa: E731
    packed = lambda: io.BytesIO(gzip.compress(lines.encode()))  # noqa: E731
    array = lambda: io.BytesIO(json.dumps([{"conversation_id": "a"}] * 4).encode())  # noqa
    assert progress.count_items([plain, packed, array], "auto") == 604
    assert progress.count_items([plain], "auto", budget_seconds=0) is None
    assert progress.count_items([plain, array], "auto", budget_seconds=None) == 304  # no limit


def test_the_line_shows_done_total_rate_and_time_left():
    assert progress.progress_line(0, 100, None) == "0 of 100 records (0.0 %), starting"
    assert progress.progress_line(250, 100_000, 20.0) == (
        "250 of 100,000 records (0.2 %), 20.0 records/s, about 1 h 23 min left")
    assert progress.progress_line(90, 100, 2.0) == (
        "90 of 100 records (90.0 %), 2.0 records/s, about 5 s left")
    assert progress.progress_line(40, None, 4.0) == "40 records, 4.0 records/s"
    assert progress.progress_line(100, 100, 5.0) == "100 of 100 records (100.0 %), 5.0 records/s"
