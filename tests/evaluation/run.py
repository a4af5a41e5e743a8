"""`make eval`: generate the labelled corpus, run the real pipeline on it, print the scores.

Usage: python -m tests.evaluation.run [--records N] [--seed S] [--json FILE]
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import tempfile
from pathlib import Path

import pyarrow.parquet as pq

from pipelines.redact import run
from tests.evaluation.corpus import make_eval_corpus, write
from tests.evaluation.presidio_templates import find_wheel, template_corpus

REPO = Path(__file__).resolve().parents[2]
from tests.evaluation.score import score


def evaluate(records: int, seed: int, work: Path, conversations=None) -> dict:
    conversations = conversations or make_eval_corpus(records, seed)
    work.mkdir(parents=True, exist_ok=True)
    path = write(conversations, work / "eval.jsonl")
    summary = run(["--input", str(path), "--output", str(work / "anon"), "--overwrite"])
    rows = {}
    for part in glob.glob(str(work / "anon" / "part-*.parquet")):
        for row in pq.read_table(part).to_pylist():
            rows[row["conversation_id"]] = row
    result = score(conversations, rows)
    result["summary"] = {k: summary[k] for k in ("records_read", "records_written",
                                                 "records_quarantined",
                                                 "records_dead_lettered")}
    result["quarantine_reasons"] = summary["quarantine_reasons"]
    return result


def _pct(x) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def print_report(result: dict) -> None:
    print(f"\nrecords: {result['summary']}; quarantine reasons: {result['quarantine_reasons']}")
    print(f"\n{'planted type':<22}{'planted':>8}{'leaked':>8}{'leak rate':>11}")
    for kind, rate in result["leak_rate"].items():
        print(f"{kind:<22}{result['planted'][kind]:>8}{result['leaks'].get(kind, 0):>8}"
              f"{_pct(rate):>11}")
    print(f"\n{'entity (tokens)':<22}{'precision':>10}{'recall':>9}{'F2':>9}")
    for kind, s in result["token_scores"].items():
        print(f"{kind:<22}{_pct(s['precision']):>10}{_pct(s['recall']):>9}{_pct(s['f2']):>9}")
    print(f"\nover-redaction (ordinary words removed): {_pct(result['over_redaction'])}")
    print(f"language chosen per record (corpus language -> output): "
          f"{result['language_choice']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hushbeam-eval-"))
    os.environ.setdefault("HUSHBEAM_HOME", str(work / "home"))
    result = evaluate(args.records, args.seed, work)
    print_report(result)
    wheel = find_wheel(REPO)
    if wheel is None:
        print("\npresidio-evaluator templates: wheel not found under .venv/eval-data "
              "(run `make setup`); skipped")
    else:
        print(f"\n=== presidio-evaluator templates and fake identities ({wheel.name}) ===")
        result["presidio_templates"] = evaluate(
            args.records, args.seed, work / "templates",
            template_corpus(wheel, args.records, args.seed))
        print_report(result["presidio_templates"])
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
