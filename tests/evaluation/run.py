"""`make eval`: score hushbeam on labelled text, through the real pipeline.

Parts (all by default; ``--corpus`` alone means ``--part public``):
  synthetic  the project's own generated conversations (tests/evaluation/corpus.py)
  templates  presidio-evaluator's templates and fake identities, read from its wheel
  public     public labelled corpora read from --corpora DIR (docs/evaluation.md) and
             presidio-evaluator's templates split by template, written and speech-style,
             with Presidio as shipped beside hushbeam
  disguises  a fixed list of Unicode disguises of emails, phones, SSNs and names

Usage: python -m tests.evaluation.run [--part P]... [--corpus NAME]... [--split S]
         [--variant V] [--limit N] [--corpora DIR] [--policy FILE] [--no-presidio]
         [--records N] [--seed S] [--json FILE]
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional

import pyarrow.parquet as pq

from tests.evaluation.corpus import make_eval_corpus, write
from tests.evaluation.presidio_templates import find_wheel, template_corpus
from tests.evaluation.public import disguises
from tests.evaluation.public.evaluate import VARIANTS, build_records, run_hushbeam, tally
from tests.evaluation.public.registry import CORPORA, default_root
from tests.evaluation.public.split import SPLITS
from tests.evaluation.public.survival import Tally
from tests.evaluation.score import score

REPO = Path(__file__).resolve().parents[2]
PARTS = ("synthetic", "templates", "public", "disguises")
DEFAULT_LIMIT = 0  # every sentence of the split (docs/evaluation.md: about 5 CPU minutes)
REPORTED_TYPES = ("PERSON", "ADDRESS", "ZIP", "LOCATION", "PHONE", "EMAIL", "CREDIT_CARD",
                  "IBAN", "SSN", "IP_ADDRESS", "USERNAME", "DATE_OF_BIRTH", "AGE",
                  "DRIVER_LICENSE", "PERSON_HANDLE", "PERSON_SPELLED", "ORGANIZATION",
                  "VENUE_TITLE")


def evaluate(records: int, seed: int, work: Path, conversations=None,
             policy: Optional[Path] = None) -> dict:
    conversations = conversations or make_eval_corpus(records, seed)
    work.mkdir(parents=True, exist_ok=True)
    path = write(conversations, work / "eval.jsonl")
    argv = ["--input", str(path), "--output", str(work / "anon"), "--overwrite"]
    summary = run(argv + (["--policy", str(policy)] if policy else []))
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


def run(argv: List[str]) -> dict:
    from pipelines.redact import run as redact

    return redact(argv)


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


def evaluate_public(args, work: Path) -> Dict[str, Dict[str, dict]]:
    """{"corpus/split/variant": {"hushbeam": figures, "presidio": figures}}."""
    splits = SPLITS if args.split == "both" else (args.split,)
    variants = VARIANTS if args.variant == "both" else (args.variant,)
    records, skipped = build_records(args.corpora, args.corpus or list(CORPORA), splits,
                                     variants, args.limit)
    for line in skipped:
        print(line)
    if not records:
        print("public corpora: none found; skipped")
        return {}
    started = time.time()
    outputs, summary = run_hushbeam(records, work / "public", args.policy)
    print(f"hushbeam: {len(records)} records in {time.time() - started:.0f} s; "
          f"written {summary['records_written']}, quarantined "
          f"{summary['records_quarantined']}, dead-lettered {summary['records_dead_lettered']}")
    systems = {"hushbeam": tally(records, outputs)}
    if not args.no_presidio:
        from tests.evaluation.public.presidio_shipped import PresidioShipped

        started = time.time()
        shipped = PresidioShipped(policy=args.policy).outputs((r.id, r.text) for r in records)
        print(f"Presidio as shipped: {len(records)} records in {time.time() - started:.0f} s")
        systems["presidio"] = tally(records, shipped)
    per_corpus = list(systems["hushbeam"])
    keys = list(per_corpus)
    for split in splits:
        for variant in variants:
            pooled = {s: Tally() for s in systems}
            for key in per_corpus:
                if key.split("/")[1:] == [split, variant]:
                    for s in systems:
                        pooled[s].merge(systems[s][key])
            for s in systems:
                systems[s][f"all/{split}/{variant}"] = pooled[s]
            keys.append(f"all/{split}/{variant}")
    return {key: {s: systems[s][key].figures() for s in systems} for key in keys}


def evaluate_disguises(args, work: Path) -> Dict[str, Dict[str, str]]:
    """{system: {disguise: left | caught | not written}}."""
    from tests.evaluation.public.evaluate import run_exports

    result = {"hushbeam": disguises.judge(run_exports(disguises.exports(), work / "disguises",
                                                      args.policy)[0])}
    if not args.no_presidio:
        from tests.evaluation.public.presidio_shipped import PresidioShipped

        result["presidio"] = disguises.judge(PresidioShipped(policy=args.policy).outputs(
            (e["conversation_id"], e["transcript_text"]) for e in disguises.exports()))
    return result


def print_disguises(result: Dict[str, Dict[str, str]]) -> None:
    print("\n=== Unicode disguises (issue 9): left in the output ===")
    systems = list(result)
    print(f"{'disguise':<48}" + "".join(f"{s:>14}" for s in systems))
    for name in result["hushbeam"]:
        print(f"{name:<48}" + "".join(f"{result[s][name]:>14}" for s in systems))
    print(f"{'left in output':<48}" + "".join(
        f"{sum(v == 'left' for v in result[s].values()):>9} of {len(result[s]):<2}"
        for s in systems))


def print_public(results: Dict[str, Dict[str, dict]], policy) -> None:
    systems = sorted({s for r in results.values() for s in r}, key=lambda s: s != "hushbeam")
    print(f"\n=== labelled corpora (policy: {policy or 'default'}) ===")
    print("left: some word of 2+ characters of the labelled span is still in the output "
          "(= whole + partly);\nhalf+: half or more of its words kept (the measure for "
          "addresses); words kept: ordinary words\n(outside every labelled span) still "
          "there; written: records written. PERSON_HANDLE: a person\nlabelled on an "
          "@handle or #hashtag. ORGANIZATION is kept by design (utility), for "
          "information;\nso is VENUE_TITLE (film, theatre, venue names: not personal "
          "data, higher is better).")
    head = "".join(f"{s:>10}{'whole':>8}{'partly':>8}{'half+':>8}" for s in systems)
    print(f"\n{'corpus/split/variant':<40}{'type':<15}{'n':>6}{head}")
    for key, by_system in results.items():
        types = by_system["hushbeam"]["types"]
        for kind in REPORTED_TYPES:
            if kind not in types:
                continue
            cells = "".join(
                f"{_pct(t.get('left')):>10}{_pct(t.get('left_whole')):>8}"
                f"{_pct(t.get('left_partly')):>8}{_pct(t.get('half_kept')):>8}"
                for t in (by_system[s]["types"].get(kind, {}) for s in systems))
            print(f"{key:<40}{kind:<15}{types[kind]['entities']:>6}{cells}")
        cells = "".join(f"{'words kept':>12}{_pct(by_system[s]['ordinary_kept']):>6}"
                        f"{'written':>10}{_pct(by_system[s]['records_written']):>7}"
                        for s in systems)
        print(f"{key:<40}{'':<21}{cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", action="append", choices=PARTS,
                        help="what to score (repeatable; default all)")
    parser.add_argument("--records", type=int, default=300,
                        help="synthetic and template records (default 300)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--corpora", type=Path, default=default_root(),
                        help="public corpora directory, or several joined by ':' "
                             "(default $HUSHBEAM_CORPORA, or ../shared/corpora and "
                             "../corpora-extra beside the repository)")
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA),
                        help="public corpus to score (repeatable; default every one found)")
    parser.add_argument("--split", choices=SPLITS + ("both",), default="heldout")
    parser.add_argument("--variant", choices=VARIANTS + ("both",), default="both")
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT,
                        help="sentences per corpus and split (default 0 = all)")
    parser.add_argument("--policy", type=Path, help="policy file (default: the default policy)")
    parser.add_argument("--no-presidio", action="store_true",
                        help="do not run Presidio as shipped beside hushbeam")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--work", type=Path,
                        help="keep the inputs and outputs here to read the leaks "
                             "(default: a temporary directory, removed at the end)")
    args = parser.parse_args()
    args.limit = args.limit or None
    parts = args.part or (["public"] if args.corpus else list(PARTS))
    started = time.time()
    work = args.work or Path(tempfile.mkdtemp(prefix="hushbeam-eval-"))
    os.environ.setdefault("HUSHBEAM_HOME", str(work / "home"))
    try:
        evaluate_parts(args, parts, work, started)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


def evaluate_parts(args, parts: List[str], work: Path, started: float) -> None:
    result: dict = {}
    if "synthetic" in parts:
        print("=== hushbeam's own synthetic conversations ===")
        result["synthetic"] = evaluate(args.records, args.seed, work / "synthetic",
                                       policy=args.policy)
        print_report(result["synthetic"])
    if "templates" in parts:
        wheel = find_wheel(REPO)
        if wheel is None:
            print("\npresidio-evaluator templates: wheel not found under .venv/eval-data "
                  "(run `make setup`); skipped")
        else:
            print(f"\n=== presidio-evaluator templates and fake identities ({wheel.name}) ===")
            result["presidio_templates"] = evaluate(
                args.records, args.seed, work / "templates",
                template_corpus(wheel, args.records, args.seed), policy=args.policy)
            print_report(result["presidio_templates"])
    if "public" in parts:
        print(f"\n=== public corpora from {args.corpora}: split {args.split}, variant "
              f"{args.variant}, limit {args.limit or 'all'} sentences per corpus and split ===")
        result["public"] = evaluate_public(args, work)
        if result["public"]:
            print_public(result["public"], args.policy)
    if "disguises" in parts:
        result["disguises"] = evaluate_disguises(args, work)
        print_disguises(result["disguises"])
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, sort_keys=True))
    print(f"\nmake eval: {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
