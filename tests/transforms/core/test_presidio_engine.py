"""The analyzer built from the policy: custom rules and every recognizer together."""
import pytest

from tests.transforms.core.recognizers.support import redacted
from transforms.core.text_redactor import TextRedactor


def test_meeting_dates_and_domain_words_are_not_redacted(redactor):
    text = ("the renewal is due on march 3 2026; please confirm your SSN and IBAN by card "
            "or account statement")
    assert redacted(redactor, text) == text


def test_custom_rule_matches_next_to_non_latin_scripts(redactor):
    for text in ("保单POL-12345678已更新", "полис POL-12345678 обновлён", "policy POL-12345678"):
        assert "12345678" not in redacted(redactor, text)


@pytest.mark.parametrize("row", ["Sheffield Wednesday 17 8 4 5 27 25 28",
                                 "Toronto 63 61 .508 6 1/2"])
def test_a_league_table_row_keeps_its_numbers_a_phone_beside_it_does_not(redactor, row):
    out = redacted(redactor, f"{row}\nTickets: call +44 171 542 7658")
    assert out.splitlines()[0].endswith(row.split(" ", 2)[2])
    assert "542 7658" not in out


def test_redacting_redacted_text_changes_nothing(redactor):
    once = redacted(redactor, "Hi, I am John Smith, call 212-555-0147 or john@example.com")
    assert redacted(redactor, once) == once


def test_a_facility_name_raises_no_unmapped_entity_warning_and_is_not_returned(analyzer,
                                                                                caplog):
    with caplog.at_level("WARNING", logger="presidio-analyzer"):
        found = analyzer.analyze("I met John Smith at the Golden Gate Bridge", language="en")
    assert "not mapped" not in caplog.text
    assert {r.entity_type for r in found} == {"PERSON"}


def test_the_english_model_tags_no_sentence_without_latin_letters(analyzer):
    # en_core_web_sm calls each of these whole sentences a PERSON; names in them are found
    # by the script's own recognizers instead.
    for text in ("数学老师很好", "أريد أن أدفع الفاتورة", "私の名前はたなかです",
                 "我的邮箱是wang.li@example.cn谢谢"):
        found = analyzer.analyze(text, language="en", entities=["PERSON"])
        assert all(r.recognition_metadata["recognizer_name"] != "SpacyRecognizer"
                   for r in found), text
    found = analyzer.analyze("I spoke to John Smith", language="en", entities=["PERSON"])
    assert [r.recognition_metadata["recognizer_name"] for r in found] == ["SpacyRecognizer"]


def test_presidios_email_pattern_takes_no_chinese_words_along(analyzer):
    text = "我的邮箱是wang.li@example.cn谢谢"
    found = analyzer.analyze(text, language="en", entities=["EMAIL_ADDRESS"])
    assert {text[r.start:r.end] for r in found} == {"wang.li@example.cn"}


_MIXED = [("Hi, I am John Smith, call 212-555-0147 or john@example.com", "en"),
          ("Bonjour, je suis Marie Dupont, appelez le 06 12 34 56 78", "fr")]


def test_a_languages_analyzer_is_built_with_its_first_text_and_finds_the_same(
        policy, pseudonymizer, analyzer):
    from transforms.core.presidio_engine import LanguageAnalyzers

    lazy = LanguageAnalyzers(policy)
    assert lazy.built() == ()
    lazy_redactor = TextRedactor(policy, pseudonymizer, lazy)
    eager_redactor = TextRedactor(policy, pseudonymizer, analyzer)
    english, french = _MIXED
    assert redacted(lazy_redactor, english[0], language="en") == redacted(
        eager_redactor, english[0], language="en")
    assert lazy.built() == ("en",)
    texts, languages = [t for t, _ in _MIXED], [lang for _, lang in _MIXED]
    lazy_out = lazy_redactor.redact(texts, [[], []], languages=languages)
    eager_out = eager_redactor.redact(texts, [[], []], languages=languages)
    assert [r.detections for r in lazy_out] == [r.detections for r in eager_out]
    assert lazy_out[1].entity_counts["PERSON"] == 1
    assert lazy.built() == ("en", "fr")


def test_a_missing_model_of_any_language_fails_before_any_analyzer_is_built(policy):
    import dataclasses

    from transforms.core.presidio_engine import EngineError, LanguageAnalyzers

    broken = dataclasses.replace(policy, other_languages=(("fr", "fr_model_not_installed"),))
    with pytest.raises(EngineError, match="fr_model_not_installed"):
        LanguageAnalyzers(broken)


def test_the_default_policy_runs_en_core_web_md(policy, analyzer):
    assert policy.spacy_model == "en_core_web_md"
    assert analyzer.nlp_engine.nlp["en"].meta["name"] == "core_web_md"


def test_components_nothing_reads_are_never_loaded(analyzer):
    from transforms.core.presidio_engine import UNUSED_SPACY_COMPONENTS

    for nlp in analyzer.nlp_engine.nlp.values():
        assert "ner" in nlp.pipe_names
        assert not set(UNUSED_SPACY_COMPONENTS) & set(nlp.component_names)  # not just disabled


_VOCABULARY_TEXTS = [
    "Hi, this is Jason Miller from Acme Corp in Springfield; my policy is POL-5767105785.",
    "hi this is jason miller calling from springfield about my claim on march third",
    "I ain't gonna pay that, y'all know it. Email me at j.miller@example.com or 212-555-0147!",
    "VERONICA BENITEZ LIVES AT 42 ELM STREET, PORTLAND, OREGON 97201",
    "Bonjour, je m'appelle Marie Dupont et j'habite au 12 rue de la Paix à Paris.",
    "zxqv Guðmundsdóttir's 1st appt @ St. Mary's w/ Dr. O'Neill-Smith (ref #A12-B34)", "",
]


def _annotated(nlp):
    return [([(t.text, t.lemma_, t.pos_, t.tag_, str(t.morph), t.norm_, t.shape_, t.is_stop,
               t.like_num, t.is_oov, t.ent_iob_, t.ent_type_) for t in doc],
             [(e.start_char, e.end_char, e.label_) for e in doc.ents])
            for doc in nlp.pipe(_VOCABULARY_TEXTS)]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_model_read_without_its_string_table_tags_and_finds_entities_as_with_it(
        policy, language):
    from transforms.core import spacy_models
    from transforms.core.attribute_rules import look_up_attribute_rules
    from transforms.core.presidio_engine import UNREAD_VOCAB_PARTS, UNUSED_SPACY_COMPONENTS

    model = dict(policy.languages)[language]
    full = spacy_models.load(model, exclude=list(UNUSED_SPACY_COMPONENTS))
    lean = spacy_models.load(model, exclude=list(UNUSED_SPACY_COMPONENTS + UNREAD_VOCAB_PARTS))
    assert len(lean.vocab.strings) < len(full.vocab.strings) // 10
    for nlp in (full, lean):
        look_up_attribute_rules(nlp)
    assert _annotated(lean) == _annotated(full)
    with lean.memory_zone():  # as the redactor reads it: what a batch adds is freed
        in_zone = _annotated(lean)
    assert in_zone == _annotated(full)
    assert any(entities for _, entities in in_zone)  # the NER did run


def test_the_analyzers_models_are_read_without_their_string_tables(analyzer):
    for nlp in analyzer.nlp_engine.nlp.values():
        assert len(nlp.vocab.strings) < 100_000  # en_core_web_md's table holds 684,830


def test_no_english_recognizer_returns_a_legal_word_or_title_as_a_person(analyzer):
    text = ("Coram:\nHon'Ble Mr. Justice Najmi Waziri\n\n                          Versus\n"
            "Writ Petition Nos.15304, 17384 of 2019")
    people = {text[r.start:r.end] for r in analyzer.analyze(text=text, language="en")
              if r.entity_type in ("PERSON", "NRP")}
    assert "Najmi Waziri" in people
    assert not people & {"Versus", "Coram", "Hon'Ble", "Justice", "Nos.15304"}
    assert not any(p.startswith(("Mr", "Justice")) for p in people)


@pytest.mark.parametrize("text", ["Cm Nos. 46122/2018, 15243/2019 were heard",
                                  "Dated: 07.08.2019"])
def test_a_span_of_digits_and_marks_is_no_location(analyzer, text):
    found = analyzer.analyze(text, language="en", entities=["LOCATION"])
    assert [text[r.start:r.end] for r in found if not any(c.isalpha() for c in
                                                           text[r.start:r.end])] == []


@pytest.mark.parametrize("text", [
    "Fao (Os) (Comm) 169/2017                Page 1 of 90",
    "Complainant respondent No.2, lodged FIR No.0254/2018 on 13.6.2018 against them.",
    "three shifts (0600-1400 hours, 1400-2200 hours, 2200-0600 hours) in various cycles",
])
def test_case_numbers_and_shift_hours_are_no_phone_of_any_recognizer(analyzer, text):
    assert analyzer.analyze(text, language="en", entities=["PHONE_NUMBER"]) == []


def test_a_cued_phone_written_like_a_case_number_is_still_a_phone(analyzer):
    text = "call me on my mobile no. 0254/2018 please"
    assert analyzer.analyze(text, language="en", entities=["PHONE_NUMBER"]) != []


@pytest.mark.parametrize("text,zip_code", [
    ("850 amanda keys apt. 260\nwest april\n, md\n 78721. please call me", "78721"),
    ("3148 laura wall suite 063\nport edward\n, md\n 26005", "26005"),
])
def test_a_zip_code_alone_on_its_line_after_a_state_goes(redactor, text, zip_code):
    assert zip_code not in redactor.redact([text], [[]])[0].text
