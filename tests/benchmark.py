"""`make bench`: hushbeam's throughput against the limits of this machine, in one run.

Prints figures, asserts nothing (speed lives here and in docs/performance.md, tests check
behaviour). On N synthetic conversations (``tests/synthetic.py``) it measures:

  floor       the NER floor of the configured model: NER only, ``nlp.pipe`` over the
              texts hushbeam scans, one process
  presidio    Presidio as shipped: default AnalyzerEngine with the same spaCy model,
              ``analyze`` + ``anonymize`` per text, one process
  hushbeam    ``pipelines.redact.run`` with 1 worker (in_memory) and 2 workers
              (multi_processing); steady state = (N - W) / (t(N) - t(W)) for W workers,
              so start-up (imports, model loads, worker start) is taken out; start-up =
              t(W), the wall time of a run of one conversation per worker (to its records
              redacted and committed; with one conversation only one of two workers would
              load its models, and the other's load would count as steady-state work)
  streaming   a local streaming run (``--streaming``) given one file of N conversations:
              conversations / s from its arrival to the commit of its window, with
              ``--local-redaction-processes 1`` (redaction in the runner's one thread) and
              with a redaction process per CPU (the default, at most 4)
  memory      peak RSS (the run's process and its children) of 1-worker runs at each
              ``--memory-sizes`` and the ratio of the last to the first

Every hushbeam run is a fresh process, so imports and model loads are counted where
they happen and peak RSS is the run's own.
Usage: python -m tests.benchmark [--records 1000] [--memory-sizes 1000,10000]
       [--skip presidio,streaming,memory]
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.synthetic import make_corpus

REPO = Path(__file__).resolve().parent.parent

# One hushbeam batch run in a fresh interpreter; prints its wall time, summary counts and
# the peak RSS of the process and of its largest child (Beam's worker processes).
_CHILD = r"""
import json, resource, sys, time
start = time.perf_counter()
from pipelines.redact import run
summary = run(sys.argv[1:])
seconds = time.perf_counter() - start
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
print("BENCH " + json.dumps({"seconds": seconds, "written": summary["records_written"],
      "quarantined": summary["records_quarantined"], "cpu": cpu,
      "rss_mb": (me.ru_maxrss + kids.ru_maxrss) / 1024}))
"""


def _texts(records):
    """The strings RedactText scans, as the policy sees them (scanned fields)."""
    from transforms.core.nested_values import scanned_strings
    from transforms.core.policy import load_policy
    from transforms.core.structured_fields import scanned_fields

    policy = load_policy()
    fields = scanned_fields(policy)
    texts = [s for r in records for f in fields if f in r
             for s in scanned_strings(policy.field_kind(f), r[f])]
    return policy, texts


def ner_floor(model: str, texts, batch_size: int = 64):
    """(wall, CPU) seconds for NER only (``nlp.pipe``, one process) over the texts."""
    from transforms.core import spacy_models

    nlp = spacy_models.load(model)
    ner_only = [name for name in nlp.pipe_names if name != "ner"]
    with nlp.select_pipes(disable=ner_only):
        list(nlp.pipe(texts[:50], batch_size=batch_size))  # warm
        start, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
        return time.perf_counter() - start, time.process_time() - cpu


def presidio_as_shipped(model: str, texts) -> float:
    """Seconds for Presidio's defaults (same spaCy model), analyze + anonymize per text."""
    import logging

    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    from transforms.core import spacy_models
    from transforms.core.offline import ensure_offline

    ensure_offline()  # Presidio's email recognizer would fetch the public suffix list
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    nlp_engine = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": spacy_models.resolve(model)}]}
    ).create_engine()
    analyzer, anonymizer = AnalyzerEngine(nlp_engine=nlp_engine), AnonymizerEngine()
    for text in texts[:20]:  # warm
        anonymizer.anonymize(text, analyzer.analyze(text, language="en"))
    start = time.perf_counter()
    for text in texts:
        anonymizer.anonymize(text, analyzer.analyze(text, language="en"))
    return time.perf_counter() - start


def hushbeam_run(path: Path, out: Path, workers: int, extra=()) -> dict:
    mode = "in_memory" if workers == 1 else "multi_processing"
    argv = ["--input", str(path), "--output", str(out), "--overwrite",
            "--direct_num_workers", str(workers), "--direct_running_mode", mode, *extra]
    proc = subprocess.run([sys.executable, "-c", _CHILD, *argv], cwd=REPO, env=_env(),
                          capture_output=True, text=True)
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH "):
            return json.loads(line[6:])
    raise SystemExit(f"hushbeam run failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")


def streaming_rate(work: Path, records, processes=None) -> float:
    """Conversations / s of a local streaming run from a file's arrival to the commit of
    its window (windows of 2 s; a warm-up file first, so models are loaded)."""
    tag = f"stream-{processes or 'default'}"
    landing, out = work / f"{tag}-landing", work / f"{tag}-out"
    landing.mkdir()
    extra = [] if processes is None else ["--local-redaction-processes", str(processes)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipelines.redact", "--streaming", "--input",
         str(landing / "*.jsonl"), "--output", str(out), "--window-seconds", "2",
         "--poll-interval", "0.2", "--settle-seconds", "0.2", *extra],
        cwd=REPO, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not (out / "_job.json").exists():
            time.sleep(0.1)
        _drop(landing, "warm.jsonl", records[:4])
        _committed(out, landing / "warm.jsonl", proc)
        arrived = _drop(landing, "burst.jsonl", records)
        rate = len(records) / (_committed(out, landing / "burst.jsonl", proc) - arrived)
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=600)
        return rate
    finally:
        if proc.poll() is None:
            proc.kill()


def _committed(out: Path, source: Path, proc) -> float:
    """When the window holding ``source`` was committed (its _summary.json appeared)."""
    while proc.poll() is None:
        for summary in out.glob("window=*/_summary.json"):
            try:
                if str(source) in json.loads(summary.read_text()).get("sources", {}):
                    return summary.stat().st_mtime
            except ValueError:
                continue
        time.sleep(0.05)
    raise SystemExit(f"streaming run ended (exit {proc.returncode}) before {source.name} "
                     "was committed")


def _drop(landing: Path, name: str, records) -> float:
    temp = landing / f".{name}.part"
    temp.write_text("".join(json.dumps(r) + "\n" for r in records))
    os.replace(temp, landing / name)
    return time.time()


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(REPO)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]))


def _row(what, value, unit, target=""):
    print(f"  {what:<52} {value:>10} {unit:<14} {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--memory-sizes", default="1000,10000",
                        help="conversations of the peak-memory runs (comma-separated)")
    parser.add_argument("--skip", default="", help="presidio,streaming,memory,workers")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    work = Path(tempfile.mkdtemp(prefix="hushbeam-bench-"))
    os.environ.setdefault("HUSHBEAM_HOME", str(work / "home"))
    n = args.records
    sizes = [int(s) for s in args.memory_sizes.split(",") if s] if "memory" not in skip else []
    corpus = make_corpus(n=max([n] + sizes), n_customers=max(10, max([n] + sizes) // 5))
    records = corpus.records[:n]
    policy, texts = _texts(records)
    model = policy.spacy_model
    print(f"corpus: {n} conversations, {len(texts)} texts, "
          f"{sum(map(len, texts)) / n:.0f} chars of scanned text each; {os.cpu_count()} CPUs; "
          f"model {model}")
    path = work / "in.jsonl"
    _write(path, records)
    # Start-up runs: one conversation per worker, so that every worker loads its models
    # there (with one conversation, a second worker would load them in the full run, and
    # that load would be counted as steady-state work).
    starts = {w: work / f"start-{w}.jsonl" for w in (1, 2)}
    for w, start_path in starts.items():
        _write(start_path, records[:w])
    results = {}
    wall, cpu = ner_floor(model, texts)
    results["floor"], results["floor_cpu"] = n / wall, n / cpu
    if "presidio" not in skip:
        results["presidio"] = n / presidio_as_shipped(model, texts)
    for workers in ((1,) if "workers" in skip else (1, 2)):
        small = hushbeam_run(starts[workers], work / f"start-{workers}", workers)
        full = hushbeam_run(path, work / f"out-{workers}", workers)
        results[f"startup{workers}"] = small["seconds"]
        done = n - workers  # conversations beyond the start-up run's
        results[f"steady{workers}"] = done / max(full["seconds"] - small["seconds"], 1e-9)
        results[f"steady_cpu{workers}"] = done / max(full["cpu"] - small["cpu"], 1e-9)
        results[f"startup_cpu{workers}"] = small["cpu"]
        results[f"run{workers}"] = full
        if workers == 1:
            results[f"rss{n}"] = full["rss_mb"]
    if "streaming" not in skip:
        results["stream1"] = streaming_rate(work, records, 1)
        results["stream"] = streaming_rate(work, records, os.cpu_count() or 1)
    for size in sizes:
        if f"rss{size}" not in results:
            big = work / f"in-{size}.jsonl"
            _write(big, corpus.records[:size])
            results[f"rss{size}"] = hushbeam_run(big, work / f"mem-{size}", 1)["rss_mb"]
    _report(results, n, sizes)


def _write(path: Path, records) -> None:
    with open(path, "w") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")


def _report(r: dict, n: int, sizes) -> None:
    floor = r["floor"]
    print()
    _row("NER floor (NER-only nlp.pipe, 1 process)", f"{floor:.1f}", "conv/s")
    if "presidio" in r:
        _row("Presidio as shipped (analyze+anonymize, 1 process)", f"{r['presidio']:.1f}",
             "conv/s", f"{r['presidio'] / floor:.2f} x floor")
    run1 = r["run1"]
    _row("hushbeam 1 worker, steady state", f"{r['steady1']:.1f}", "conv/s",
         f"{r['steady1'] / floor:.2f} x floor   (target >= 0.80)")
    if "presidio" in r:
        _row("hushbeam 1 worker / Presidio as shipped", f"{r['steady1'] / r['presidio']:.2f}",
             "x")
    _row("start-up to first record (1-conversation run)", f"{r['startup1']:.1f}", "s",
         "(target <= 5 s)")
    # CPU time: what the machine's other load changes least (read these on a shared machine)
    _row("  by CPU time: NER floor", f"{r['floor_cpu']:.1f}", "conv/CPU-s")
    _row("  by CPU time: hushbeam 1 worker, steady state", f"{r['steady_cpu1']:.1f}",
         "conv/CPU-s", f"{r['steady_cpu1'] / r['floor_cpu']:.2f} x floor")
    _row("  by CPU time: start-up (process and children)", f"{r['startup_cpu1']:.1f}", "CPU-s")
    _row(f"  (whole {n}-conversation run: written / quarantined)",
         f"{run1['written']}/{run1['quarantined']}", "")
    if "steady2" in r:
        _row("hushbeam 2 workers (multi_processing), steady state", f"{r['steady2']:.1f}",
             "conv/s", f"{r['steady2'] / r['steady1']:.2f} x 1 worker   (target >= 1.9)")
        _row("  start-up with 2 workers (2-conversation run)", f"{r['startup2']:.1f}", "s")
        # equal to 1 worker's: no work done twice, so a 2-worker rate under 2x is time
        # lost to waiting or to the workers slowing each other down, not extra work
        _row("  by CPU time: 2 workers, steady state (all processes)",
             f"{r['steady_cpu2']:.1f}", "conv/CPU-s",
             f"{r['steady_cpu2'] / r['steady_cpu1']:.2f} x 1 worker's")
    if "stream" in r:
        _row("local streaming, redaction in the runner's thread", f"{r['stream1']:.1f}",
             "conv/s")
        _row("local streaming, a redaction process per CPU", f"{r['stream']:.1f}", "conv/s",
             f"{r['stream'] / r['stream1']:.2f} x one thread   (target >= 1.6)")
    for size in sizes:
        _row(f"peak RSS, {size} conversations, 1 worker", f"{r[f'rss{size}']:.0f}", "MB")
    if len(sizes) >= 2:
        _row(f"peak RSS {sizes[-1]} / {sizes[0]}",
             f"{r[f'rss{sizes[-1]}'] / r[f'rss{sizes[0]}']:.2f}", "x", "(target <= 1.2)")


if __name__ == "__main__":
    main()
