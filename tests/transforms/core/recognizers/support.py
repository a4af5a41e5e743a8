"""Helpers for the recognizer tests: redact one text, or ask what one recognizer found."""
import re

from presidio_analyzer import RecognizerResult

_MARKED_NAME = re.compile(r"\{([^}]*)\}")
_WORD = re.compile(r"\w+")


def redacted(redactor, text, known=(), language=None):
    """The redacted text; ``language`` is the record's (default: the policy's)."""
    languages = None if language is None else [language]
    return redactor.redact([text], [list(known)], languages=languages)[0].text


def found_by(recognizer_name, analyzer, policy, text, entity, language="en"):
    """What the named recognizer found in the real analyzer, above the policy's threshold."""
    return [text[r.start:r.end] for r in analyzer.analyze(
        text, language=language, entities=[entity], score_threshold=policy.lowest_score)
        if r.recognition_metadata[RecognizerResult.RECOGNIZER_NAME_KEY] == recognizer_name]


def found_alone(recognizer_class, analyzer, text, entity="PERSON", language="en"):
    """What one recognizer finds on its own in the real nlp's reading of ``text`` (in the
    analyzer, spaCy or another recognizer may find the same span first)."""
    artifacts = analyzer.nlp_engine.process_text(text, language)
    return [text[r.start:r.end]
            for r in recognizer_class(language).analyze(text, [entity], artifacts)]


def assert_names_go_and_words_stay(redactor, line, language=None):
    """``line`` with its ``{marked}`` names unmarked, redacted (as ``language``, default the
    policy's): every name gone, every other word still there in order."""
    out = redacted(redactor, _MARKED_NAME.sub(lambda m: m.group(1), line), language=language)
    ordinary = _WORD.findall(_MARKED_NAME.sub(" ", line))
    assert _WORD.findall(re.sub(r"<[A-Z_]+>", " ", out)) == ordinary, out
    for name in _MARKED_NAME.findall(line):
        assert name not in out, out
