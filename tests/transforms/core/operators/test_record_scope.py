"""RecordScope: a detection's keys are worked out once per record, however often asked."""
from transforms.core.operators import Detection, RecordScope
from transforms.core.operators import record_scope
from transforms.core.operators.numbered import Numbered
from transforms.core.operators.surrogate import Surrogate


def test_a_phone_seen_then_treated_is_normalized_once_per_record(monkeypatch, pseudonymizer):
    calls = []
    real = record_scope.value_key
    monkeypatch.setattr(record_scope, "value_key",
                        lambda d, region: calls.append(d.value) or real(d, region))
    scope = RecordScope()
    seen = Detection("(415) 555-2671", "PHONE_NUMBER", "PHONE", "phone")
    scope.see(seen)
    treated = Detection("(415) 555-2671", "PHONE_NUMBER", "PHONE", "phone", scope=scope)
    assert Numbered().treat(treated, {}, pseudonymizer).text == "<PHONE_NUMBER_1>"
    assert not Surrogate().treat(treated, {}, pseudonymizer).text.endswith("2671")
    assert calls == ["(415) 555-2671"]
    assert scope.keys(treated) == {"+14155552671"}


def test_a_name_keeps_its_words_as_keys_and_its_last_word_as_a_family_name():
    scope = RecordScope()
    scope.see(Detection("Mr John Smith", "PERSON", "PERSON", "id_casefold"))
    assert scope.keys(Detection("Mr John Smith", "PERSON", "PERSON", "id_casefold")) == {
        "john", "smith"}
    assert scope.family == {"smith"} and scope.real >= {"john", "smith"}
