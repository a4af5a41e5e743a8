"""Helpers for the recognizer tests: redact one text, or ask what one recognizer found."""
from presidio_analyzer import RecognizerResult


def redacted(redactor, text, known=(), language=None):
    """The redacted text; ``language`` is the record's (default: the policy's)."""
    languages = None if language is None else [language]
    return redactor.redact([text], [list(known)], languages=languages)[0].text


def found_by(recognizer_name, analyzer, policy, text, entity, language="en"):
    """What the named recognizer found in the real analyzer, above the policy's threshold."""
    return [text[r.start:r.end] for r in analyzer.analyze(
        text, language=language, entities=[entity], score_threshold=policy.lowest_score)
        if r.recognition_metadata[RecognizerResult.RECOGNIZER_NAME_KEY] == recognizer_name]
