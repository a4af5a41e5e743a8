"""InLegalNER reader: people and person-like parties are PERSON, titles set aside."""
from pathlib import Path

import pytest

from tests.evaluation.public import inlegalner
from tests.evaluation.public.registry import CORPORA, default_root

_TEXT = ("Through: Mr.Sanjay Singhavi, Advocate. Oriental Insurance Co Ltd. Versus Manga Singh "
         "and State Of Gujarat; witness Ram Lal; Section 302 IPC.")


def _docbin(path, text, labelled):
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    doc = nlp.make_doc(text)
    spans = []
    for surface, label in labelled:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    DocBin(docs=[doc]).to_disk(path)


def test_people_and_person_like_parties_are_persons_and_the_rest_other(tmp_path):
    path = tmp_path / "dev.spacy"
    _docbin(path, _TEXT, [("Mr.Sanjay Singhavi", "LAWYER"),
                          ("Oriental Insurance Co Ltd.", "PETITIONER"),
                          ("Manga Singh", "RESPONDENT"), ("State Of Gujarat", "RESPONDENT"),
                          ("Ram Lal", "WITNESS"), ("Section 302", "PROVISION")])
    (only,) = inlegalner.read(path, "inlegalner")
    assert [(only.text[e.start:e.end], e.type) for e in only.entities] == [
        ("Sanjay Singhavi", "PERSON"), ("Oriental Insurance Co Ltd.", "OTHER"),
        ("Manga Singh", "PERSON"), ("State Of Gujarat", "OTHER"), ("Ram Lal", "PERSON"),
        ("Section 302", "OTHER")]
    assert only.text == _TEXT and only.doc == "dev.spacy"


@pytest.mark.parametrize("party, person", [
    ("Harsh Kumar Agarwal", True), ("Killu @ Kailash", True), ("Union Of India", False),
    ("District Collector,\nThiruvallur District.", False), ("Tata Motors Limited", False),
    ("Friends Arts Club, Regd No E.R.30/73", False),
])
def test_a_party_is_a_person_only_when_named_like_one(party, person):
    assert inlegalner.is_person_party(party) is person


def test_the_corpus_is_split_in_hash_halves_of_its_one_file(tmp_path):
    folder = tmp_path / "inlegalner"
    folder.mkdir()
    _docbin(folder / "dev.spacy", "Ram Lal deposed.", [("Ram Lal", "WITNESS")])
    corpus = CORPORA["inlegalner"]
    assert corpus.missing(tmp_path) is None
    halves = corpus.load(tmp_path, "tune") + corpus.load(tmp_path, "heldout")
    assert [s.text for s in halves] == ["Ram Lal deposed."]


def _real_file():
    for root in default_root().split(":"):
        path = Path(root) / "inlegalner" / "dev.spacy"
        if path.is_file():
            return path
    pytest.skip("InLegalNER's dev.spacy is not in the corpora directories")


def test_the_real_file_reads_into_1074_docs_with_names_in_both_halves():
    sentences = inlegalner.read(_real_file(), "inlegalner")
    assert len(sentences) == 1074
    persons = [s.text[e.start:e.end] for s in sentences for e in s.entities
               if e.type == "PERSON"]
    assert len(persons) > 1000 and not any(p.startswith(("Mr.", "Mr ")) for p in persons)


def test_the_prose_view_keeps_the_judgment_sentences_of_the_same_half(tmp_path):
    import spacy
    from spacy.tokens import DocBin

    folder = tmp_path / "inlegalner"
    folder.mkdir()
    nlp = spacy.blank("en")
    texts = [f"Witness {i} deposed." for i in range(30)] + ["Preamble\nVersus"] * 10
    DocBin(docs=[nlp.make_doc(t) for t in texts]).to_disk(folder / "dev.spacy")
    whole, prose = CORPORA["inlegalner"], CORPORA["inlegalner_prose"]
    for half in ("tune", "heldout"):
        expected = [s.text for s in whole.load(tmp_path, half) if "\n" not in s.text]
        got = prose.load(tmp_path, half)
        assert [s.text for s in got] == expected and expected
        assert {s.corpus for s in got} == {"inlegalner_prose"}
