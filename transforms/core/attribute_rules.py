"""A spaCy model's attribute_ruler, its rules looked up by word and tag instead of run
through spaCy's Matcher: the same rules, applied in the same order with spaCy's own
``set_token_attrs``, so POS tags, morphology and lemmas are identical
(tests/transforms/core/test_attribute_rules.py compares every token).

The attribute_ruler sets the coarse part of speech from the tagger's fine tag and fixes
a few words ("'s", "ai n't"); with its Matcher it took about a seventh of spaCy's time.
A model whose rules use what this does not read (quantifiers, other attributes or
operators) keeps its ruler as it is.
"""
from __future__ import annotations

import re
from typing import Callable, Dict, List, Optional, Tuple

# Matcher token keys read here -> the Token attribute holding the value they compare.
_ATTRS = {"ORTH": "orth_", "TEXT": "orth_", "LOWER": "lower_", "NORM": "norm_",
          "TAG": "tag_", "POS": "pos_", "DEP": "dep_", "LEMMA": "lemma_",
          "IS_SPACE": "is_space", "IS_PUNCT": "is_punct", "IS_DIGIT": "is_digit"}
# A rule's first token is found by the first of these it compares with "==" or "IN".
_INDEXED = ("LOWER", "ORTH", "TEXT", "TAG", "DEP", "IS_SPACE", "POS", "NORM", "LEMMA",
            "IS_PUNCT", "IS_DIGIT")

Test = Callable[[object], bool]
_MAX_PLANS = 50_000  # words planned before the plans are dropped (memory stays bounded)


def _value_test(spec) -> Optional[Test]:
    """A Matcher value (a string or bool, or {"IN"|"NOT_IN"|"REGEX": ...}) as a test."""
    if isinstance(spec, (str, bool)):
        return lambda value: value == spec
    if isinstance(spec, dict) and len(spec) == 1:
        op, arg = next(iter(spec.items()))
        if op == "IN" and isinstance(arg, list):
            members = frozenset(arg)
            return lambda value: value in members
        if op == "NOT_IN" and isinstance(arg, list):
            members = frozenset(arg)
            return lambda value: value not in members
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)
            return lambda value: isinstance(value, str) and bool(regex.search(value))
    return None


def _token_tests(token_spec: dict) -> Optional[List[Tuple[str, Test]]]:
    tests = []
    for key, spec in token_spec.items():
        key, test = key.upper(), _value_test(spec)
        if key not in _ATTRS or test is None:
            return None
        tests.append((_ATTRS[key], test))
    return tests


def _index_values(token_spec: dict) -> Optional[Tuple[str, Tuple[str, ...]]]:
    upper = {key.upper(): spec for key, spec in token_spec.items()}
    for key in _INDEXED:
        spec = upper.get(key)
        if isinstance(spec, (str, bool)):
            return _ATTRS[key], (spec,)
        if isinstance(spec, dict) and list(spec) == ["IN"]:
            return _ATTRS[key], tuple(spec["IN"])
    return None


class LookupRules:
    """The rules of one AttributeRuler, ready to be looked up (None if one cannot be)."""

    def __init__(self, rules: List[Tuple[int, List[List[Tuple[str, Test]]]]],
                 index: Dict[Tuple[str, object], List[int]], always: List[int]):
        self.rules = rules  # rule number -> (target index, alternatives: token tests)
        self.index = index  # (Token attribute, value) -> rule numbers
        self.always = always  # rules with no indexed first token
        self.attrs = sorted({attr for _, alternatives in rules for tests in alternatives
                             for token_tests in tests for attr, _ in token_tests})
        self.indexed = sorted({attr for attr, _ in index})
        self._plans: Dict[tuple, tuple] = {}  # the attributes read of a token -> _plan

    @classmethod
    def of(cls, ruler) -> Optional["LookupRules"]:
        rules, index, always = [], {}, []
        for number, (alternatives, target) in enumerate(zip(_patterns_by_rule(ruler),
                                                            ruler.indices)):
            compiled = []
            for pattern in alternatives:
                tests = [_token_tests(token) for token in pattern]
                if not pattern or any(t is None for t in tests):
                    return None
                compiled.append(tests)
                anchor = _index_values(pattern[0])
                if anchor is None:
                    always.append(number)
                else:
                    for value in anchor[1]:
                        index.setdefault((anchor[0], value), []).append(number)
            rules.append((target, compiled))
        return cls(rules, index, sorted(set(always)))

    def matches(self, doc) -> List[Tuple[int, int, int]]:
        """(rule number, start, end) of every rule match, as the Matcher finds them."""
        columns = {attr: [] for attr in self.attrs}
        for token in doc:
            for attr, column in columns.items():
                column.append(getattr(token, attr))
        found, n = set(), len(doc)
        keys = zip(*columns.values()) if columns else [()] * n  # () if no rule reads a token
        for i, key in enumerate(keys):
            plan = self._plans.get(key)
            if plan is None:
                plan = self._plan(key)
            for number in plan[0]:
                found.add((number, i, i + 1))
            for number, tests in plan[1]:
                end = i + len(tests)
                if end <= n and all(test(columns[attr][j])
                                    for j, token_tests in zip(range(i, end), tests)
                                    for attr, test in token_tests):
                    found.add((number, i, end))
        return sorted(found)

    def _plan(self, key: tuple):
        """For a token whose read attributes are ``key``: the rules of one token it matches,
        and the longer alternatives that may start at it. Both depend on ``key`` alone
        (every test reads one of :attr:`attrs`), so a word is planned once."""
        values = dict(zip(self.attrs, key))
        candidates = set(self.always)
        for attr in self.indexed:
            candidates.update(self.index.get((attr, values[attr]), ()))
        single, longer = set(), []
        for number in sorted(candidates):
            for tests in self.rules[number][1]:
                if len(tests) > 1:
                    longer.append((number, tests))
                elif all(test(values[attr]) for attr, test in tests[0]):
                    single.add(number)
        plan = (tuple(sorted(single)), tuple(longer))
        if len(self._plans) >= _MAX_PLANS:
            self._plans.clear()
        self._plans[key] = plan
        return plan


def _patterns_by_rule(ruler) -> List[List[list]]:
    """Each rule's Matcher patterns, in the order the rules were added."""
    return [ruler.matcher.get(ruler.vocab.strings[str(number)])[1]
            for number in range(len(ruler.attrs))]


def look_up_attribute_rules(nlp) -> List[str]:
    """Make each AttributeRuler of ``nlp`` look its rules up; the names of those changed."""
    from spacy.pipeline import AttributeRuler
    from spacy.tokens._retokenize import set_token_attrs

    changed = []
    for name, pipe in nlp.pipeline:
        if not isinstance(pipe, AttributeRuler):
            continue
        rules = LookupRules.of(pipe)
        if rules is None:
            continue

        def match(doc, rules=rules):
            return rules.matches(doc)

        def set_annotations(doc, matches, pipe=pipe):
            for number, start, end in matches:
                target = pipe.indices[number]
                set_token_attrs(doc[(start if target >= 0 else end) + target],
                                pipe.attrs[number])

        pipe.match, pipe.set_annotations = match, set_annotations
        changed.append(name)
    return changed
