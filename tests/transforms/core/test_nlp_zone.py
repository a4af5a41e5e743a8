"""A batch's new words leave spaCy's string store when the batch is done."""
from transforms.core.text_redactor import TextRedactor


def test_redacting_new_words_leaves_the_models_string_store_as_it_was(policy, pseudonymizer,
                                                                     analyzer):
    redactor = TextRedactor(policy, pseudonymizer, analyzer)
    strings = analyzer.nlp_engine.nlp["en"].vocab.strings
    redactor.redact(["warm up: Alice Smith, alice@example.com"], [[]])
    before = len(strings)
    texts = [f"ticket zqx{n}vbw for Jane Doe, mail jdoe{n}@example.org, call 212-555-{n:04d}"
             for n in range(40)]
    results = redactor.redact(texts, [[] for _ in texts])
    assert len(strings) == before
    assert all("Jane Doe" not in r.text and "@example.org" not in r.text for r in results)
    assert "zqx7vbw" not in strings
