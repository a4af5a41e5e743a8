"""RememberingRegistry answers as Presidio's registry does, from memory the second time."""
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerRegistry

from transforms.core.recognizer_lists import RememberingRegistry


def _both():
    plain, remembering = RecognizerRegistry(), RememberingRegistry()
    plain.load_predefined_recognizers(languages=["en"])
    remembering.recognizers = list(plain.recognizers)  # the same objects, same order
    return plain, remembering


def _names(recognizers):
    return [r.name for r in recognizers]


def test_the_same_recognizers_in_the_same_order_as_presidios_registry():
    plain, remembering = _both()
    for entities in (["PHONE_NUMBER"], ["EMAIL_ADDRESS", "PERSON", "CREDIT_CARD"], None):
        expected = plain.get_recognizers("en", entities, all_fields=entities is None)
        for _ in range(2):  # computed, then remembered
            got = remembering.get_recognizers("en", entities, all_fields=entities is None)
            assert got == expected  # same objects, same order
    assert remembering.get_recognizers("en", ["PHONE_NUMBER"]) is not \
        remembering.get_recognizers("en", ["PHONE_NUMBER"])  # a caller may change its copy


def test_a_recognizer_added_later_is_served():
    _, remembering = _both()
    before = remembering.get_recognizers("en", ["PHONE_NUMBER"])
    extra = PatternRecognizer(supported_entity="PHONE_NUMBER", name="extra phone",
                              patterns=[Pattern("p", r"\d{3}-\d{4}", 0.5)])
    remembering.add_recognizer(extra)
    after = remembering.get_recognizers("en", ["PHONE_NUMBER"])
    assert "extra phone" in _names(after) and "extra phone" not in _names(before)
    remembering.remove_recognizer("extra phone")
    assert "extra phone" not in _names(remembering.get_recognizers("en", ["PHONE_NUMBER"]))


def test_ad_hoc_recognizers_are_served_and_not_remembered():
    _, remembering = _both()
    extra = PatternRecognizer(supported_entity="PHONE_NUMBER", name="ad hoc phone",
                              patterns=[Pattern("p", r"\d{3}-\d{4}", 0.5)])
    got = remembering.get_recognizers("en", ["PHONE_NUMBER"], ad_hoc_recognizers=[extra])
    assert "ad hoc phone" in _names(got)
    assert "ad hoc phone" not in _names(remembering.get_recognizers("en", ["PHONE_NUMBER"]))
