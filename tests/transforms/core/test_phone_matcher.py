"""Presidio's phone recognizer with remembered candidates finds what its full passes find."""
from __future__ import annotations

import random

import pytest
from phonenumbers import Leniency, PhoneNumberMatcher
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from tests.evaluation.corpus import make_eval_corpus
from tests.synthetic import make_corpus
from transforms.core.phone_matcher import (RememberingMatcher, remember_phone_candidates,
                                           valid_matches)

# The same numbers in the places where the matcher reads the text around a candidate: after
# and before a Latin letter, "%" or a currency sign, at the text's start and end, before a
# time-stamp suffix, inside dates, slashes, brackets and runs of several numbers.
EDGE_TEXTS = [
    "call 212-555-0199 now", "call212-555-0199 now", "call 212-555-0199now",
    "212-555-0199", "(212) 555-0199", "$212-555-0199", "212-555-0199%", "€ 212 555 0199 €",
    "+44 20 7946 0958", "+44 20 7946 0958x", "a+44 20 7946 0958", "020 7946 0958",
    "030 901820", "030 901820 ext. 12", "01 23 45 67 89", "+33 1 23 45 67 89",
    "2012-01-02 08:00 and 2012-01-02 08:00:15", "3/10/2011 or 31/10/96", "211-227 (2003)",
    "651-234-2345/332-445-1234", "(650) 223 3345 (754) 223 3321",
    "12345 - 332-445-1234 is my number.", "12345. 332-445-1234 is my number.",
    "3324451234 8002341234", "+972 2-123-4567 or 02-123-4567", "+91 98765 43210",
    "+55 11 91234-5678", "1-800-555-0199", "+1 416 555 0123", "my pin is 4821, card 4111",
    "٠٢١٢٥٥٥٠١٩٩ or ０２０ ７９４６ ０９５８", "tel: 0049 30 901820", "011 44 20 7946 0958",
]


def _found(recognizer, text):
    return sorted((r.start, r.end, r.score, r.entity_type,
                   r.analysis_explanation.textual_explanation)
                  for r in recognizer.analyze(text, ["PHONE_NUMBER"]))


def _texts():
    synthetic = make_corpus(n=60, n_customers=15).records
    evaluation = [c.record for c in make_eval_corpus(n=60)]
    texts = [str(v) for r in synthetic + evaluation for v in r.values() if isinstance(v, str)]
    rng = random.Random(12)
    mixed = [" ".join(rng.sample(EDGE_TEXTS, 3)) for _ in range(60)]
    return texts + EDGE_TEXTS + mixed


def test_remembered_candidates_give_the_full_passes_results_on_varied_texts():
    texts = _texts()
    full, remembering = PhoneRecognizer(), PhoneRecognizer()
    remember_phone_candidates(remembering)
    expected = [_found(full, t) for t in texts]
    assert sum(map(len, expected)) > 100  # the texts hold numbers in many regions
    for _ in range(2):  # the second round reads every candidate from the memory
        assert [_found(remembering, t) for t in texts] == expected


def test_a_candidate_met_in_another_context_is_not_taken_from_the_memory():
    remembering = PhoneRecognizer()
    remember_phone_candidates(remembering)
    assert _found(remembering, "call 212-555-0199 now")
    assert not _found(remembering, "call212-555-0199 now")
    assert not _found(remembering, "call 212-555-0199now")
    assert _found(remembering, "212-555-0199")


@pytest.mark.parametrize("max_tries", [0, 1, 2, 3, 4, 5, 8])
def test_the_retry_limit_ends_a_pass_where_phonenumbers_ends_it(max_tries):
    text = "12345 - 6789 - 212-555-0199, ref 12-34, 56-78, 99 99 then 020 7946 0958"
    memory = {}
    for tries in (65535, max_tries, max_tries):  # the memory filled without a limit first
        for region in ("US", "GB"):
            full = PhoneNumberMatcher(text, region, Leniency.VALID, tries)
            kept = RememberingMatcher(text, region, memory, Leniency.VALID, tries)
            assert [(m.start, m.end) for m in kept] == [(m.start, m.end) for m in full]


def test_the_guards_matcher_gives_phonenumbers_matches_region_by_region():
    texts = _texts() + ["我的手机13812345678谢谢", "携帯 090-1234-5678", "رقمي 0501234567"]
    regions = ("US", "GB", "CN", "JP", "KR", "TW", "HK", "SA", "AE", "EG", "MA", "JO")

    def found(matches, text):
        return [(m.start, m.end, m.raw_string, m.number) for m in matches(text)]

    expected = [[found(lambda t: PhoneNumberMatcher(t, r, Leniency.VALID), t)
                 for r in regions] for t in texts]
    assert sum(len(f) for per_text in expected for f in per_text) > 200
    memory = {}
    for _ in range(2):  # the second round reads every candidate from the memory
        got = []
        for t in texts:
            matches = valid_matches(memory)  # one per text, its search shared by the regions
            got.append([found(lambda text: matches(text, r), t) for r in regions])
        assert got == expected
