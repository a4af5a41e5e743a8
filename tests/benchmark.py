"""`make bench`: throughput of the batch pipeline on synthetic conversations (prints figures).

Timings are measured here and printed, never asserted by tests.
Usage: python -m tests.benchmark [--records N] [--workers 1 2]
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from pipelines.redact import run
from tests.synthetic import make_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hushbeam-bench-"))
    os.environ.setdefault("HUSHBEAM_HOME", str(work / "home"))
    corpus = make_corpus(n=args.records, n_customers=max(10, args.records // 5))
    path = corpus.write_jsonl(work / "conversations.jsonl")
    chars = sum(len(r["transcript_text"]) + len(r["notes"]) for r in corpus.records)
    print(f"corpus: {args.records} conversations, {chars / args.records:.0f} chars of "
          f"free text each, {os.cpu_count()} CPUs")
    print(f"{'workers':>8} {'mode':>17} {'seconds':>8} {'records/s':>10} {'written':>8} "
          f"{'quarantined':>12}")
    for workers in args.workers:
        mode = "in_memory" if workers == 1 else "multi_processing"
        out = work / f"out-{workers}"
        start = time.perf_counter()
        summary = run(["--input", str(path), "--output", str(out),
                       "--direct_num_workers", str(workers), "--direct_running_mode", mode])
        seconds = time.perf_counter() - start
        print(f"{workers:>8} {mode:>17} {seconds:>8.1f} {args.records / seconds:>10.1f} "
              f"{summary['records_written']:>8} {summary['records_quarantined']:>12}")
    print(json.dumps({"entities": summary["counts"].get("entities", {})}, sort_keys=True))


if __name__ == "__main__":
    main()
