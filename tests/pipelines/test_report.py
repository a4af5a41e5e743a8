"""The report of a real run: beside the summary, true to it, no raw value, and rendered by a
real browser (headless Chromium, Debian's ``chromium``) with no console error."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.pipelines.hushbeam_cli import hb, keyed_workdir
from tests.synthetic import make_corpus

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium package is not installed (apt-get install -y "
    "chromium; .ci/run installs it)")
HOSTILE_ID = '<img src=x onerror="console.error(1)">q-2'


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """A run with written, quarantined and dead-lettered records: 12 conversations, two
    quarantined (an account id glued to a letter; one with an id made of markup), a line
    of broken JSON and a record without an id."""
    work = tmp_path_factory.mktemp("report")
    env = keyed_workdir(work)
    corpus = make_corpus(n=12, n_customers=4, seed=5)
    corpus.write_jsonl(work / "in.jsonl")
    jane = corpus.customers[0]
    with open(work / "in.jsonl", "a") as fh:
        for conversation_id in ("q-1", HOSTILE_ID):
            fh.write(json.dumps({
                "conversation_id": conversation_id, "start_time": "2026-03-01T10:00:00Z",
                "channel": "chat", "emailAddress": jane.email,
                "transcript_text": "my account is ACCT-12345678x"}) + "\n")
        fh.write('{"conversation_id": "broken", "notes": "' + jane.email + '"\n')
        fh.write(json.dumps({"channel": "chat", "emailAddress": jane.email}) + "\n")
    hb("redact", "--input", work / "in.jsonl", "--output", work / "data", "--keyset",
       work / "keyset.json", "--vault-recipient", work / "id.pem.pub",
       "--max-quarantine-rate", "0.5", env=env)
    return {"work": work, "data": work / "data", "corpus": corpus, "jane": jane,
            "summary": json.loads((work / "data" / "_summary.json").read_text())}


def test_a_run_writes_its_report_in_html_and_markdown_beside_the_summary(run):
    summary, md = run["summary"], (run["data"] / "_report.md").read_text()
    assert (summary["records_read"], summary["records_written"],
            summary["records_quarantined"], summary["records_dead_lettered"]) == (16, 12, 2, 2)
    assert "| written | 12 | 75.0 % |" in md and "| quarantined | 2 | 12.5 % |" in md
    assert "| Quarantine rate | PASS | 2 of 14 records" in md
    assert re.search(r"\| leak:policy\\_account\\_id \| 2 \| .*q-1 \(in\.jsonl:13\)", md)
    assert "(no id) (in.jsonl:15)" in md and "(no id) (in.jsonl:16)" in md
    assert summary["policy_digest"] in md and summary["key_id"] in md
    html = (run["data"] / "_report.html").read_text()
    assert "&lt;img src=x onerror=" in html and "<img" not in html


def test_the_report_holds_no_raw_value_from_the_input(run):
    reports = "".join((run["data"] / name).read_text()
                      for name in ("_report.html", "_report.md", "_summary.json"))
    planted = [v for values in run["corpus"].planted.values() for v in values]
    planted += [run["jane"].email, "ACCT-12345678x"]
    assert planted and not [v for v in planted if v in reports]
    assert "<PERSON>" in (run["data"] / "_report.md").read_text()  # excerpts, redacted


def _chromium(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr",
         "--v=0", *extra, url], capture_output=True, text=True, timeout=120)


def _console_errors(stderr: str) -> list:
    """Lines where the page logged to its console or failed to load something."""
    return [line for line in stderr.splitlines()
            if "CONSOLE" in line or "Refused to" in line or "net::ERR" in line]


@needs_chromium
def test_chromium_renders_the_report_with_the_counts_and_no_console_error(run, tmp_path):
    url = (run["data"] / "_report.html").as_uri()
    dom = _chromium(tmp_path, url, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert _console_errors(dom.stderr) == []
    cards = dict(re.findall(r'id="total-([a-z-]+)"><b>(\d+)</b>', dom.stdout))
    assert cards == {"read": "16", "written": "12", "quarantined": "2", "dead-lettered": "2"}
    assert dom.stdout.count(">PASS<") == 3 and "<svg" in dom.stdout
    shot = tmp_path / "report.png"
    taken = _chromium(tmp_path, url, "--window-size=1100,2400", "--hide-scrollbars",
                      f"--screenshot={shot}")
    assert taken.returncode == 0 and _console_errors(taken.stderr) == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


@needs_chromium
def test_the_console_check_catches_a_page_that_logs_an_error(tmp_path):
    """The check above can fail: a page whose script logs an error is caught."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><body><script>console.error('boom')</script>"
                    "</body></html>")
    out = _chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert any("boom" in line for line in _console_errors(out.stderr))
