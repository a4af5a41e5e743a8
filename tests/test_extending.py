"""The "Extending hushbeam" examples of docs/extending.md work as written: the recognizer and the
operator shown there, registered with one line each, are used by a real redaction."""
from __future__ import annotations

import dataclasses
import re

import pytest

from tests.conftest import REPO
from transforms.core.operators import registry as operator_registry
from transforms.core.policy import load_policy, parse_policy
from transforms.core.recognizers import registry as recognizer_registry
from transforms.core.text_redactor import TextRedactor


def _readme_example(class_name: str) -> dict:
    """Execute the python block of docs/extending.md that defines ``class_name``."""
    readme = (REPO / "docs" / "extending.md").read_text()
    section = readme[readme.index("## Extending hushbeam"):]
    for block in re.findall(r"```python\n(.*?)```", section, re.S):
        if f"class {class_name}(" in block:
            namespace: dict = {}
            exec(compile(block, f"docs/extending.md:{class_name}", "exec"), namespace)
            return namespace
    raise AssertionError(f"docs/extending.md shows no class {class_name}")


def test_readme_recognizer_registered_with_one_line_is_used(monkeypatch, pseudonymizer):
    from transforms.core.presidio_engine import build_analyzer

    recognizer = _readme_example("MemberNumberRecognizer")["MemberNumberRecognizer"]
    monkeypatch.setattr(recognizer_registry, "_REGISTERED",
                        list(recognizer_registry._REGISTERED))
    recognizer_registry.register(recognizer, languages=recognizer_registry.ANY)
    policy = load_policy()
    policy = dataclasses.replace(policy, entities=policy.entities + ("MEMBER_NUMBER",))
    redactor = TextRedactor(policy, pseudonymizer, build_analyzer(policy))
    [result] = redactor.redact(["my member number is MBR-123456, thanks"], [[]])
    assert result.text == "my member number is <MEMBER_NUMBER>, thanks"


def test_readme_operator_registered_with_one_line_is_valid_in_a_policy(monkeypatch,
                                                                      pseudonymizer,
                                                                      analyzer):
    upper = _readme_example("Upper")["Upper"]
    monkeypatch.setitem(operator_registry.OPERATORS, upper.name, upper)
    operator_registry.get_operator.cache_clear()
    try:
        policy = parse_policy({"extends": "default",
                               "entities": {"EMAIL_ADDRESS": {"operator": "UPPER"}},
                               "structuredFields": [], "customRules": []})
        redactor = TextRedactor(policy, pseudonymizer, analyzer)
        [result] = redactor.redact(["write to jane.doe@example.com today"], [[]])
        assert result.text == "write to JANE.DOE@EXAMPLE.COM today"
    finally:
        operator_registry.get_operator.cache_clear()


def test_an_unregistered_operator_is_refused_by_the_policy():
    with pytest.raises(ValueError, match="UPPER"):
        parse_policy({"extends": "default",
                      "entities": {"EMAIL_ADDRESS": {"operator": "UPPER"}}})
