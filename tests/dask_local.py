"""`make dask` / `make bench-dask`: hushbeam on a dask.distributed cluster on loopback.

Starts a LocalCluster (a scheduler and N worker processes, one thread each, on
127.0.0.1), runs ``hushbeam redact --runner DaskRunner --dask_client_address ...`` on the
input and prints the result; with several ``--workers`` values and ``--records N`` it runs
N synthetic conversations on each cluster size and prints conversations/s (figures only).
Usage: python -m tests.dask_local [--input GLOB --output DIR] [--records N] [--workers 2]
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path


def main() -> None:
    from distributed import LocalCluster

    from pipelines.redact import redact_command
    from tests.synthetic import make_corpus

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--input", default="samples/*.json*")
    parser.add_argument("--output", default="out-dask")
    parser.add_argument("--records", type=int, default=0, help="synthetic conversations")
    parser.add_argument("--workers", type=int, nargs="+", default=[2])
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hushbeam-dask-"))
    source = args.input
    if args.records:
        source = str(make_corpus(n=args.records, n_customers=max(10, args.records // 5))
                     .write_jsonl(work / "in.jsonl"))
    rates = []
    for n in args.workers:
        output = args.output if len(args.workers) == 1 else str(work / f"out-{n}")
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None) as cluster:
            print(f"dask: scheduler {cluster.scheduler_address}, {n} worker process(es)")
            start = time.perf_counter()
            code = redact_command(["--input", source, "--output", output, "--overwrite",
                                   "--runner", "DaskRunner",
                                   "--dask_client_address", cluster.scheduler_address])
            seconds = time.perf_counter() - start
        if code:
            raise SystemExit(code)
        if args.records:
            rates.append((n, args.records / seconds, seconds))
    for n, rate, seconds in rates:
        print(f"{n} Dask worker(s): {seconds:.1f} s, {rate:.1f} conversations/s (with start-up)"
              + (f", {rate / rates[0][1]:.2f} x {rates[0][0]} worker(s)" if n != rates[0][0]
                 else ""))


if __name__ == "__main__":
    os.environ.setdefault("HUSHBEAM_HOME", str(Path.cwd() / ".hushbeam"))
    main()
