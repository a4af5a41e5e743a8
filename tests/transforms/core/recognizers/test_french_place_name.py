"""Countries named in caseless French speech (hand-written lines, issue 9, branch fr25)."""
import pytest


def _places(analyzer, line):
    """What the analyzer's own FrenchPlaceNameRecognizer finds in ``line``."""
    recognizer, = [r for r in analyzer.registry.recognizers
                   if type(r).__name__ == "FrenchPlaceNameRecognizer"]
    artifacts = analyzer.nlp_engine.process_text(line, "fr")
    return [line[r.start:r.end] for r in recognizer.analyze(line, ["LOCATION"], artifacts)]


@pytest.mark.parametrize("line, places", [
    ("mon fils vit aux états unis depuis deux ans", ["états unis"]),
    ("le colis est bloqué en nouvelle zélande", ["nouvelle zélande"]),
    ("elle est rentrée de l'australie hier", ["australie"]),
    ("il a déménagé en suisse puis au chili", ["suisse", "chili"]),
    ("un virement vers la côte d'ivoire", ["côte d'ivoire"]),
    ("nous livrons la belgique et le luxembourg", ["belgique", "luxembourg"]),
])
def test_a_country_goes_in_french_speech(analyzer, line, places):
    assert _places(analyzer, line) == places


@pytest.mark.parametrize("line", [
    "j'ai un compte suisse",
    "une grenade et des oranges",
    "un jersey bleu marine",
    "Il vit aux États-Unis.",  # a written line: the model's own reading
])
def test_a_common_word_or_a_written_line_is_no_place_here(analyzer, line):
    assert _places(analyzer, line) == []


def test_the_written_out_french_country_names_are_those_phonenumbers_knows():
    import phonenumbers
    from phonenumbers.geocoder import country_name_for_number

    from transforms.core.recognizers.french_place_name import FRENCH_COUNTRY_NAMES

    names = {country_name_for_number(phonenumbers.example_number(region), "fr")
             for region in phonenumbers.SUPPORTED_REGIONS
             if phonenumbers.example_number(region) is not None}
    assert set(FRENCH_COUNTRY_NAMES) == names - {""}
