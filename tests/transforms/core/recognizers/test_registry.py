"""The recognizer registry: which languages each recognizer serves, and what is built."""
import pytest

from transforms.core.recognizers import (ANY, ContextNameRecognizer, Registration,
                                         SpokenNumberRecognizer, recognizers_for, register,
                                         registered)


def test_a_registration_serves_its_languages_or_any():
    assert Registration(SpokenNumberRecognizer, ANY).serves("de")
    named = Registration(ContextNameRecognizer, ("en", "fr"))
    assert named.serves("en") and named.serves("fr") and not named.serves("de")


def test_an_unknown_language_gets_only_the_language_neutral_recognizers():
    built = recognizers_for("de")
    assert [type(r) for r in built] == [r.factory for r in registered() if r.languages == ANY]
    assert {r.supported_language for r in built} == {"de"}


def test_every_registered_recognizer_is_built_for_each_policy_language_it_serves(
        analyzer, policy):
    for language, _ in policy.languages:
        built = {type(r) for r in analyzer.registry.get_recognizers(language, all_fields=True)}
        serving = {r.factory for r in registered() if r.serves(language)}
        assert serving and serving <= built, language


def test_languages_must_be_any_or_a_tuple_of_codes():
    with pytest.raises(ValueError, match="non-empty tuple of language codes"):
        register(SpokenNumberRecognizer, languages="en")  # "e" in "en" would be True
    with pytest.raises(ValueError, match="non-empty tuple of language codes"):
        register(SpokenNumberRecognizer, languages=())


def test_a_recognizer_is_registered_once():
    with pytest.raises(ValueError, match="SpokenNumberRecognizer is already registered"):
        register(SpokenNumberRecognizer, languages=ANY)
