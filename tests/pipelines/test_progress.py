"""Progress of a real run: log lines when stderr is not a terminal, a live line on one;
counts that end at the total, and never a value from the data."""
from __future__ import annotations

import os
import pty
import re
import subprocess

import pytest

from tests.conftest import REPO
from tests.pipelines.hushbeam_cli import HUSHBEAM, hb
from tests.synthetic import make_corpus

LINE = re.compile(r"(\d[\d,]*) of (\d[\d,]*) records \(([\d.]+) %\)")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    work = tmp_path_factory.mktemp("progress")
    made = make_corpus(n=40, n_customers=8, seed=3)
    made.write_jsonl(work / "in.jsonl")
    with open(work / "in.jsonl", "a") as fh:
        fh.write("{broken\n")  # a dead letter is done too
    return work, made


def _numbers(line):
    done, total, _ = LINE.search(line).groups()
    return int(done.replace(",", "")), int(total.replace(",", ""))


def test_a_run_logs_progress_every_few_seconds_ending_at_the_total(corpus, tmp_path):
    work, made = corpus
    proc = hb("redact", "--input", work / "in.jsonl", "--output", tmp_path / "out",
              "--progress-seconds", "0.2")
    lines = [line for line in proc.stderr.splitlines() if "hushbeam: progress:" in line]
    assert len(lines) >= 3, proc.stderr[-2000:]
    counts = [_numbers(line) for line in lines]
    assert {total for _, total in counts} == {41}  # counted before the run: 40 + 1 broken
    assert [done for done, _ in counts] == sorted(done for done, _ in counts)
    assert counts[-1] == (41, 41) and "(100.0 %)" in lines[-1]
    assert any(0 < done < 41 for done, _ in counts)  # counted while the run went on
    assert any("records/s, about" in line for line in lines)  # a rate and the time left
    assert not [v for values in made.planted.values() for v in values if v in proc.stderr]


def test_on_a_terminal_a_live_line_is_rewritten_and_ends_at_the_total(corpus, tmp_path):
    work, _ = corpus
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [HUSHBEAM, "redact", "--input", str(work / "in.jsonl"), "--output",
         str(tmp_path / "out")], cwd=REPO, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=slave, env=dict(os.environ))
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed: the command has ended
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert proc.wait(timeout=600) == 0
    text = seen.decode("utf-8", "replace")
    live = [part for part in text.split("\r") if part.startswith("hushbeam: ") and LINE.search(
        part)]
    assert live, text[-2000:]
    assert "progress:" not in text  # no log lines on a terminal
    assert _numbers(live[-1]) == (41, 41)


def test_progress_seconds_0_turns_progress_off(corpus, tmp_path):
    work, _ = corpus
    proc = hb("redact", "--input", work / "in.jsonl", "--output", tmp_path / "out",
              "--progress-seconds", "0")
    assert not LINE.search(proc.stderr)
