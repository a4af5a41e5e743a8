"""`make bench-streaming`: latency from file arrival to Parquet commit, and streaming
throughput, of a local streaming run (prints figures; nothing is asserted).

It starts ``hushbeam redact --streaming`` on an empty landing directory, drops export
files (write, then rename) at a steady pace, then one burst, watches the window
summaries appear, and stops the run with SIGINT (a clean stop).

    arrival -> commit    rename of a file into the landing directory -> _summary.json of
                         the window holding its rows (includes waiting for the window to end)
    window end -> commit end of that window -> its _summary.json (settle + poll + processing)
    burst                records of one large file / seconds from its arrival to its commit

Usage: python -m tests.benchmark_streaming [--files 6] [--records 50] [--every 3]
       [--window 5] [--burst 1000]
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.synthetic import make_corpus

REPO = Path(__file__).resolve().parent.parent


def _drop(landing: Path, name: str, records) -> float:
    temp = landing / f".{name}.part"
    temp.write_text("".join(json.dumps(r) + "\n" for r in records))
    os.replace(temp, landing / name)
    return time.time()


def _commits(out: Path, seen: dict) -> None:
    for summary_path in out.glob("window=*/_summary.json"):
        if summary_path not in seen:
            try:
                summary = json.loads(summary_path.read_text())
            except ValueError:
                continue
            seen[summary_path] = (time.time(), summary)


def _wait(out: Path, seen: dict, sources, timeout: float) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        _commits(out, seen)
        committed = {s for _, summary in seen.values() for s in summary.get("sources", {})}
        if all(s in committed for s in sources):
            return
        time.sleep(0.05)
    raise SystemExit("timed out waiting for the windows to commit")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=6)
    parser.add_argument("--records", type=int, default=50, help="conversations per file")
    parser.add_argument("--every", type=float, default=3.0, help="seconds between files")
    parser.add_argument("--window", type=int, default=5)
    parser.add_argument("--burst", type=int, default=1000, help="records of the burst file")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hushbeam-bench-stream-"))
    landing, out = work / "landing", work / "anon"
    landing.mkdir()
    corpus = make_corpus(n=args.files * args.records + args.burst,
                         n_customers=max(10, (args.files * args.records + args.burst) // 5))
    env = dict(os.environ, HUSHBEAM_HOME=str(work / "home"), PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipelines.redact", "--streaming", "--input",
         str(landing / "*.jsonl"), "--output", str(out), "--window-seconds", str(args.window),
         "--poll-interval", "0.5", "--settle-seconds", "0.5"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    while not (out / "_job.json").exists():
        time.sleep(0.1)
    print(f"{os.cpu_count()} CPUs; windows of {args.window} s, poll 0.5 s, settle 0.5 s; "
          f"{args.files} files of {args.records} conversations every {args.every:g} s")
    seen, arrivals = {}, {}
    records = iter(corpus.records)
    for i in range(args.files):
        name = f"steady-{i:03d}.jsonl"
        arrivals[str(landing / name)] = _drop(landing, name,
                                              [next(records) for _ in range(args.records)])
        end = time.time() + args.every
        while time.time() < end:
            _commits(out, seen)
            time.sleep(0.05)
    _wait(out, seen, arrivals, 300)
    latencies, after_end = [], []
    for source, arrived in arrivals.items():
        for committed, summary in seen.values():
            if source in summary.get("sources", {}):
                latencies.append(committed - arrived)
                after_end.append(committed - summary["window"]["end_seconds"])
    print(f"arrival -> commit:    median {statistics.median(latencies):5.1f} s, "
          f"min {min(latencies):5.1f} s, max {max(latencies):5.1f} s")
    print(f"window end -> commit: median {statistics.median(after_end):5.1f} s, "
          f"min {min(after_end):5.1f} s, max {max(after_end):5.1f} s")
    if args.burst:
        name = "burst.jsonl"
        arrived = _drop(landing, name, [next(records) for _ in range(args.burst)])
        _wait(out, seen, [str(landing / name)], 900)
        committed = max(t for t, s in seen.values() if str(landing / name) in s["sources"])
        print(f"burst: {args.burst} conversations committed {committed - arrived:.1f} s after "
              f"arrival: {args.burst / (committed - arrived):.1f} conversations/s "
              "(one process: the local streaming runner)")
    proc.send_signal(signal.SIGINT)
    stdout, _ = proc.communicate(timeout=300)
    print(stdout.strip())


if __name__ == "__main__":
    main()
