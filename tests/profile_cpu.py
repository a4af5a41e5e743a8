"""Where the redaction's CPU time goes, without a profiler (robust on a shared machine).

On N synthetic conversations, in one process, after a warm-up, in CPU seconds
(``time.process_time``): spaCy's components alone, as the engine runs them (each over the
previous one's docs; the NER on truecased copies of speech-style docs), the NER floor
(tokenizer + NER) over the same texts, then one ``redact_records`` pass (batches of 64
records, as RedactText gets them) with every recognizer, the context enhancement and the
doc → NlpArtifacts step timed by wrappers, and the leak guard over what it wrote.
Figures only. Usage: python -m tests.profile_cpu [--records 200] [--nlp-batch-size 64]
"""
from __future__ import annotations

import argparse
import collections
import time

from tests.synthetic import make_corpus

_CPU = time.process_time


def _spacy_parts(nlp, texts, batch_size):
    from transforms.core.caseless_ner import speech_style
    from transforms.core.truecase import truecased_doc

    times = []
    start = _CPU()
    docs = [nlp.make_doc(t) for t in texts]
    times.append(("tokenizer", _CPU() - start))
    for name, proc in nlp.pipeline:
        start = _CPU()
        if name == "ner":
            targets = [truecased_doc(d) if speech_style(d) else d for d in docs]
            times.append((f"speech-style test + truecased copies "
                          f"({sum(t is not d for t, d in zip(targets, docs))} docs)",
                          _CPU() - start))
            start, docs = _CPU(), targets
        docs = list(proc.pipe(docs, batch_size=batch_size))
        times.append((name, _CPU() - start))
    return times


def _timed(obj, attr, label, spent):
    inner = getattr(obj, attr)

    def timed(*args, **kwargs):
        start = _CPU()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[label] += _CPU() - start

    setattr(obj, attr, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=200)
    parser.add_argument("--nlp-batch-size", type=int, default=64)
    args = parser.parse_args()

    from transforms.core.field_redaction import RecordTexts, redact_records
    from transforms.core.leak_finder import LeakFinder
    from transforms.core.nested_values import scanned_strings
    from transforms.core.policy import load_policy
    from transforms.core.presidio_engine import LanguageAnalyzers
    from transforms.core.pseudonym import Pseudonymizer
    from transforms.core.shadow_text import build_shadow
    from transforms.core.structured_fields import pseudonymize_structured, scanned_fields
    from transforms.core.text_redactor import TextRedactor

    policy = load_policy()
    pseudonymizer = Pseudonymizer(bytes(32), 1, policy.default_region)  # figures only
    corpus = make_corpus(n=args.records + 20, n_customers=max(10, args.records // 5))
    records = [pseudonymize_structured(r, policy, pseudonymizer)[:3] for r in corpus.records]
    analyzers = LanguageAnalyzers(policy)
    engine = analyzers.for_language(policy.language)
    nlp = engine.nlp_engine.nlp[policy.language]
    fields = scanned_fields(policy)
    texts = [build_shadow(s).text for f, _, _ in records[20:] for field in fields
             if field in f for s in scanned_strings(policy.field_kind(field), f[field])]
    print(f"{args.records} conversations, {len(texts)} texts of "
          f"{sum(map(len, texts)) / max(len(texts), 1):.0f} characters; CPU seconds")

    with nlp.memory_zone():
        _spacy_parts(nlp, texts[:50], args.nlp_batch_size)  # warm
        parts = _spacy_parts(nlp, texts, args.nlp_batch_size)
        with nlp.select_pipes(enable=["ner"]):
            start = _CPU()
            list(nlp.pipe(texts, batch_size=64))
            floor = _CPU() - start
    print("spaCy components alone:")
    for name, seconds in parts:
        print(f"  {name:<52} {seconds:7.2f}")
    print(f"  {'all of them':<52} {sum(s for _, s in parts):7.2f}")
    print(f"NER floor (tokenizer + NER, batches of 64){'':<12} {floor:7.2f}")

    spent = collections.Counter()
    for recognizer in engine.registry.recognizers:
        _timed(recognizer, "analyze", recognizer.name, spent)
    _timed(engine, "_enhance_using_context", "(context enhancement)", spent)
    _timed(engine.nlp_engine, "_doc_to_nlp_artifact", "(doc -> NlpArtifacts)", spent)
    redactor = TextRedactor(policy, pseudonymizer, analyzers, args.nlp_batch_size)
    finder = LeakFinder(policy)

    def run(batch):
        start, out = _CPU(), []
        for i in range(0, len(batch), 64):
            chunk = batch[i:i + 64]
            out.extend(zip(redact_records(redactor, [RecordTexts(f, k, None)
                                                     for f, k, _ in chunk]), chunk))
        redacted = _CPU() - start
        start = _CPU()
        for result, (_, known, raw) in out:
            finder.find_in_fields(result.fields, known, raw)
        return redacted, _CPU() - start

    run(records[:20])  # warm
    spent.clear()
    redacted, guarded = run(records[20:])
    print(f"redaction (redact_records){'':<28} {redacted:7.2f}")
    for label, seconds in spent.most_common():
        if seconds >= 0.005:
            print(f"  {label:<52} {seconds:7.2f}")
    recognizers = sum(s for label, s in spent.items() if not label.startswith("("))
    print(f"  {'all recognizers':<52} {recognizers:7.2f}")
    print(f"leak guard{'':<44} {guarded:7.2f}")


if __name__ == "__main__":
    main()
