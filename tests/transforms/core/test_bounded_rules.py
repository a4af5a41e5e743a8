"""mend25b: every search of a custom rule is bounded in time (transforms/core/bounded_rules.py)."""
import time

import pytest

from transforms.core.bounded_rules import BoundedRule, RuleTimeout
from transforms.core.leak_finder import LeakFinder
from transforms.core.policy import parse_policy


def test_a_search_past_its_time_limit_raises_a_rule_timeout_naming_the_rule_not_the_text():
    rule = BoundedRule(r"(?:a|aa)+z", 0, "Slow", seconds=0.2)
    for search in (rule.search, rule.fullmatch, lambda t: list(rule.finditer(t))):
        with pytest.raises(RuleTimeout) as err:
            search("a" * 60)
        assert "Slow" in str(err.value) and "aaaa" not in str(err.value)
        assert not isinstance(err.value, TimeoutError)  # Presidio skips the rule on those


def test_a_timeout_is_not_a_timeout_error_so_presidio_does_not_skip_the_rule():
    from presidio_analyzer import Pattern, PatternRecognizer

    from transforms.core.bounded_rules import bound_recognizer
    recognizer = PatternRecognizer(supported_entity="SLOW", name="Slow",
                                   patterns=[Pattern("Slow", r"(?:a|aa)+z", 0.9)])
    bound_recognizer(recognizer, "Slow")
    recognizer.patterns[0].compiled_regex.seconds = 0.2
    with pytest.raises(RuleTimeout):
        recognizer.analyze("a" * 60, ["SLOW"])
    assert [r.entity_type for r in recognizer.analyze("x aaz y", ["SLOW"])] == ["SLOW"]


def test_the_leak_guard_searches_a_polynomial_rule_in_bounded_time():
    """Before: the guard's `re` took minutes on `[0-9]+[0-9]+[0-9]+z` over a long run of
    digits (cubic); the `regex` module the guard now uses sees the missing `z` at once."""
    policy = parse_policy({"extends": "default", "customRules": [
        {"name": "Cubic", "entity": "CUBIC", "pattern": r"[0-9]+[0-9]+[0-9]+z"}]})
    started = time.monotonic()
    assert "cubic" not in LeakFinder(policy).find(["7" * 6000], [], [])
    assert time.monotonic() - started < 5


def test_a_guard_rule_still_finds_what_it_found():
    policy = parse_policy({"extends": "default", "customRules": [
        {"name": "Member", "entity": "MEMBER_ID", "pattern": r"\bMEM-[0-9]{6}\b"}]})
    finder = LeakFinder(policy)
    assert finder.find(["id MEM-123456x"], [], []) == ["member_id"]
    assert finder.find(["id MEM-12345"], [], []) == []
