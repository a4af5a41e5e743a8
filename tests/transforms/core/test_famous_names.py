"""famous_names: short forms of very notable people, read from vicary's ``short`` list."""
from transforms.core.famous_names import famous


def _known(form):
    words = tuple(form.split())
    return words in famous().forms.get(words[0], ())


def test_short_forms_of_notable_people_are_known():
    for form in ("obama", "churchill", "herzl", "de gaulle", "von der leyen"):
        assert _known(form), form


def test_a_hyphenated_form_is_also_known_without_its_hyphen():
    assert _known("ki-moon") and _known("ki moon")


def test_regnal_numbers_short_words_dates_and_other_scripts_are_left_out():
    for form in ("xiv", "viii", "xi", "he", "1769-1859", "пушкин"):
        assert not _known(form), form
    assert _known("cixi")  # Roman letters only, but no numeral


def test_longer_forms_are_tried_first():
    forms = famous().forms["de"]
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)


def test_places_and_settlements_that_share_a_form_are_set_apart():
    data = famous()
    assert "victoria" in data.countries and "france" in data.countries
    assert "obama" in data.towns and "disney" in data.towns
    assert "churchill" not in data.towns and "churchill" not in data.countries
