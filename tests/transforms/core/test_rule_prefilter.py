"""A custom rule's prefilter (its \\b dropped) never refuses a text the guard's rule matches."""
from __future__ import annotations

import random
import re

import pytest

from tests.evaluation.corpus import make_eval_corpus
from tests.synthetic import make_corpus
from transforms.core.leak_finder import GuardRule, rule_pattern
from transforms.core.policy import CustomRule, load_policy
from transforms.core.rule_prefilter import prefilter, without_boundaries


def test_every_boundary_is_dropped_and_an_escaped_backslash_kept():
    assert (without_boundaries(r"\b(?:POL|ACCT)-[0-9]{8,12}\b")
            == r"(?:)(?:POL|ACCT)-[0-9]{8,12}(?:)")
    assert without_boundaries(r"a\\b\b") == r"a\\b(?:)"
    assert without_boundaries(r"[\]\\]\bx") == r"[\]\\](?:)x"


@pytest.mark.parametrize("pattern", [
    r"(?<!\bfoo)bar\b", r"\bbar(?!\bx)", r"(?>a\b|ab)c", r"\ba++b", r"\ba{2}+b",
    r"(a)?(?(1)\bx|y)", r"[\b]x\b"])
def test_no_prefilter_where_dropping_a_boundary_could_refuse_a_match(pattern):
    assert without_boundaries(pattern) is None
    assert prefilter(pattern, 0) is None


def test_a_verbose_pattern_or_one_without_a_boundary_gets_no_prefilter():
    assert prefilter(r"(?x) \b POL - \d+ # [ note", 0) is None
    assert prefilter(r"POL-\d+", 0) is None
    assert prefilter(r"\bPOL-\d+\b", re.VERBOSE) is None


def test_an_atomic_group_is_refused_because_dropping_a_boundary_there_narrows_it():
    assert re.search(r"(?>a\b|ab)c", "abc")  # the first branch fails, the second matches
    assert re.search(r"(?>a|ab)c", "abc") is None  # dropped: the first branch commits


RULES = [(r"\b(?:POL|ACCT)-[0-9]{8,12}\b", False), (r"\bCUST_[0-9]{4,12}\b", False),
         (r"\b(?:sess|sid|session|tok|token|auth)_[A-Za-z0-9]{12,}\b", False),
         (r"\bAB\d{6}\b", True), (r"(?<=id:)\s*\b\w{6,}\b", False), (r"\b[A-Z]{2}\d{4}\b", True),
         (r"\bref(?:erence)?\s*#?\s*\d{5,}\b", False), (r"\b\d{3}\b-\b\d{3}\b", False)]
GLUED = ["保单POL-12345678已", "ACCT-12345678x", "xACCT-12345678", "id:abcdefgh",
         "id: abc_defgh",
         "cust_12345", "CUST_1234x", "tok_ABCDEFGHIJKL", "session_abcdefghijkl9", "AB123456",
         "ab123456", "zz AB1234 ZZ9999", "ref # 123456", "reference12345", "123-456", "1234-567",
         "POL-1234567", "POL-1234567890123", "token_short"]


def _texts():
    records = make_corpus(n=40, n_customers=10).records + [
        c.record for c in make_eval_corpus(n=40)]
    texts = [str(v) for r in records for v in r.values() if isinstance(v, str)]
    rng = random.Random(3)
    glued = [" ".join(rng.sample(GLUED, 3)) for _ in range(100)]
    return texts + GLUED + [t + g for t, g in zip(texts, GLUED * 20)] + glued


@pytest.mark.parametrize("pattern,case_sensitive", RULES)
def test_the_guard_finds_a_rule_where_it_did_without_the_prefilter(pattern, case_sensitive):
    rule = rule_pattern(CustomRule(name="x", entity="X", pattern=pattern, score=0.9,
                                   case_sensitive=case_sensitive))
    assert rule.prefilter is not None
    without = GuardRule(rule.loose, None)
    texts = _texts()
    found = [(m.span() if m else None) for m in map(without.search, texts)]
    assert any(found) and not all(found)
    assert [(m.span() if m else None) for m in map(rule.search, texts)] == found


def test_the_default_policys_rules_all_have_a_prefilter():
    policy = load_policy()
    assert policy.custom_rules
    assert all(rule_pattern(r).prefilter is not None for r in policy.custom_rules)
