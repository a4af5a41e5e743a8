"""A surname alone after a French title or a function noun, with or without a particle
(hand-written contact-centre and news lines, issue 9, branch fr25)."""
import pytest

from tests.transforms.core.recognizers.support import assert_names_go_and_words_stay


@pytest.mark.parametrize("line", [
    "j'ai eu madame {le pen} au téléphone ce matin",
    "la lettre de madame {de montespan} est arrivée",
    "monsieur {de la rochefoucauld} rappellera demain",
    "le président {rajapakse} a été réélu",
    "votre conseiller {kowalczyk} vous rappellera",
    "le ministre {choiseul} montre son hostilité",
    "son coéquipier {vettel} a abandonné",
    "fondé par l'impératrice {jingū} en 210",
    "l'entraîneur {prandelli} arrive",
    "Le président {Rajapakse} a été réélu.",
])
def test_a_surname_after_a_title_or_a_function_goes_in_french(redactor, line):
    assert_names_go_and_words_stay(redactor, line, language="fr")


@pytest.mark.parametrize("line", [
    "monsieur le maire a signé le bon",
    "madame la directrice vous attend",
    "le président américain est arrivé",
    "le directeur général a validé la facture",
    "le maire de lyon inaugure la ligne",
    "le directeur marketing a rappelé",
    "le directeur rh a rappelé",
    "le ministre de l'intérieur parle",
])
def test_a_french_word_after_a_title_or_a_function_stays(policy, analyzer, line):
    recognizer, = [r for r in analyzer.registry.recognizers
                   if type(r).__name__ == "FrenchTitledNameRecognizer"]
    artifacts = analyzer.nlp_engine.process_text(line, "fr")
    assert recognizer.analyze(line, ["PERSON"], artifacts) == []
