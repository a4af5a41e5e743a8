"""`make profile`: where the time of a batch run goes (cProfile, one in-process worker).

Runs ``pipelines.redact.run`` (in_memory, 1 worker) on N synthetic conversations under
cProfile and prints the inclusive time of the parts of the pipeline (spaCy components,
Presidio's recognizers, hushbeam's recognizers, the leak guard, normalisation, HMAC,
Parquet, sealing) and the rest (Beam's per-element machinery). Figures only.
Usage: python -m tests.profile_batch [--records 1000] [--top 25]
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import tempfile
import time
from pathlib import Path

from tests.synthetic import make_corpus

# (label, file fragment, function names or None for every function of the file); the
# inclusive time of the outermost matching frames is summed, so nested matches count once.
PARTS = [
    ("model and engine start-up (build_analyzer)", "transforms/core/presidio_engine",
     ("build_analyzer",)),
    ("spaCy, all components (split below)", "transforms/core/caseless_ner",
     ("with_truecased_ner",)),  # pulls the docs through nlp.pipe, then runs the NER
    ("Presidio: spaCy doc -> NlpArtifacts", "spacy_nlp_engine.py", ("_doc_to_nlp_artifact",)),
    ("Presidio: phone recognizer", "phone_recognizer.py", ("analyze",)),
    ("Presidio: pattern recognizers (+ custom rules)", "presidio_analyzer/pattern_recognizer",
     ("analyze",)),
    ("Presidio: NER results (SpacyRecognizer)", "spacy_recognizer.py", ("analyze",)),
    ("Presidio: context enhancement", "lemma_context_aware_enhancer", None),
    ("hushbeam recognizers", "transforms/core/recognizers/", ("analyze",)),
    ("hushbeam: spans, names, operators", "transforms/core/text_redactor",
     ("_apply", "extend_name", "propagate_names")),
    ("URL and secret stripping", "transforms/core/urls", ("strip_secrets",)),
    ("language detection", "transforms/core/language", ("detect",)),
    ("leak guard", "transforms/core/leak_finder", ("find_leaks",)),
    ("normalisation", "transforms/core/normalize", None),
    ("HMAC pseudonyms", "transforms/core/pseudonym", ("pseudonym",)),
    ("reading + JSON parsing", "transforms/read_conversations", None),
    ("Parquet (pyarrow write)", "pyarrow/parquet/core.py", None),
    ("sealing (HPKE)", "transforms/keys/sealing", ("seal",)),
]
# The hushbeam stages' own methods: what is not inside them is Beam's machinery.
STAGES = ("transforms/", ("process", "finish_bundle", "start_bundle", "setup", "expand"))


def _inclusive(stats: pstats.Stats, fragment: str, names) -> float:
    """Inclusive seconds of the matching functions not called from another match."""
    raw = stats.stats  # (file, line, name) -> (cc, nc, tt, ct, callers)

    def hit(key) -> bool:
        return fragment in key[0] and (names is None or key[2] in names)

    total = 0.0
    for key, (_, _, _, ct, callers) in raw.items():
        if not hit(key):
            continue
        # the share of ct reached from callers that are not themselves matches
        outer = sum(c[3] for caller, c in callers.items() if not hit(caller))
        inner = sum(c[3] for caller, c in callers.items() if hit(caller))
        total += ct * (outer / (outer + inner)) if outer + inner else ct
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--top", type=int, default=0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hushbeam-profile-"))
    os.environ.setdefault("HUSHBEAM_HOME", str(work / "home"))
    corpus = make_corpus(n=args.records, n_customers=max(10, args.records // 5))
    path = corpus.write_jsonl(work / "conversations.jsonl")
    from pipelines.redact import run

    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    run(["--input", str(path), "--output", str(work / "out"), "--direct_num_workers", "1",
         "--direct_running_mode", "in_memory"])
    profile.disable()
    wall = time.perf_counter() - start
    stats = pstats.Stats(profile)
    profiled = stats.total_tt
    print(f"{args.records} conversations, {wall:.1f} s wall under cProfile "
          f"({profiled:.1f} s profiled)")
    print(f"{'part':<46} {'seconds':>8} {'share':>6}")
    for label, fragment, names in PARTS:
        seconds = _inclusive(stats, fragment, names)
        print(f"{label:<46} {seconds:>8.2f} {seconds / profiled:>6.1%}")
    stages = _inclusive(stats, *STAGES)
    print(f"{'inside hushbeam stages (all of the above)':<46} {stages:>8.2f} "
          f"{stages / profiled:>6.1%}")
    print(f"{'outside: Beam runner, coders, bundles, driver':<46} {profiled - stages:>8.2f} "
          f"{(profiled - stages) / profiled:>6.1%}")
    print()
    print("spaCy components alone, as the engine runs them (each over the previous "
          "one's docs, no profiler):")
    _spacy_components(args.records)
    if args.top:
        stats.sort_stats("tottime").print_stats(args.top)


def _spacy_components(records: int) -> None:
    """Seconds per component of the configured model as the engine runs it (parser never
    loaded, attribute rules looked up, the NER on truecased copies of speech-style docs)
    over the scanned texts."""
    from tests.benchmark import _texts
    from transforms.core.caseless_ner import speech_style
    from transforms.core.presidio_engine import LanguageAnalyzers
    from transforms.core.shadow_text import build_shadow
    from transforms.core.truecase import truecased_doc

    policy, texts = _texts(make_corpus(n=records, n_customers=max(10, records // 5)).records)
    texts = [build_shadow(t).text for t in texts]
    nlp = LanguageAnalyzers(policy).for_language(policy.language).nlp_engine.nlp[
        policy.language]

    def run(texts):
        docs, times = [], []
        start = time.process_time()
        docs = [nlp.make_doc(t) for t in texts]
        times.append(("tokenizer", time.process_time() - start))
        for name, proc in nlp.pipeline:
            start = time.process_time()
            if name == "ner":
                targets = [truecased_doc(d) if speech_style(d) else d for d in docs]
                times.append((f"truecased copies ({sum(t is not d for t, d in zip(targets, docs))}"
                              f" of {len(docs)} docs)", time.process_time() - start))
                start, docs = time.process_time(), targets
            docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [
                proc(d) for d in docs]
            times.append((name, time.process_time() - start))
        return times

    with nlp.memory_zone():
        run(texts[:20])  # warm
        times = run(texts)
    total = sum(t for _, t in times)
    for name, seconds in times:
        print(f"  {name:<44} {seconds:>8.2f} {seconds / total:>6.1%}")
    print(f"  {'(CPU seconds of this process)':<44} {total:>8.2f}")


if __name__ == "__main__":
    main()
