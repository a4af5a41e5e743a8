"""The leak guard's own name check: a name after a cue that no detector replaced.

Independent of spaCy's model and of the policy's thresholds: Chinese, Japanese and Arabic
names by cue or title (the recognizers' rules, :mod:`transforms.core.recognizers`), and
Latin-script names after "my name is", "je m'appelle", "this is X speaking" or a title
(Mr, Mrs, "Mr Justice", "Dr. Justice"; Ms and Dr before a capitalised word). What follows
the cue must be a word that is no function word, no common reply ("my name is on the
account") and no placeholder: a redacted name reads "my name is <PERSON>" and passes. Kept
precise, so quarantine stays rare: a cue with no name after it is no leak.
"""
from __future__ import annotations

import re

from transforms.core.language import spacy_stop_words
from transforms.core.recognizers.arabic_name import find_arabic_names
from transforms.core.recognizers.chinese_name import find_chinese_names
from transforms.core.recognizers.common import NOT_A_NAME
from transforms.core.recognizers.japanese_name import find_japanese_names

_WORD = r"([^\W\d_][^\W\d_'\-]*)"
# A title may follow a title ("Mr. Justice", "Dr. Justice", "mr mr" in a transcript): the
# name is after the last one.
_MORE_TITLES = r"(?:(?i:justice|mr|mrs|ms|dr)\.?[ \t]+)*(?!(?i:justice|mr|mrs|ms|dr)\b)"
_LATIN_CUES = (
    re.compile(r"(?i)(?<!\w)(?:my name is|my name's|je m'appelle|je m’appelle|mon nom est)"
               r"[ \t]+" + _WORD),
    re.compile(r"(?i)(?<!\w)this is[ \t]+" + _WORD + r"(?:[ \t]+[^\W\d_]+)?,?[ \t]+speaking\b"),
    re.compile(r"(?i)(?<!\w)(?:mr|mrs)\.?[ \t]+" + _MORE_TITLES + _WORD),
    re.compile(r"(?<!\w)(?:Ms|MS|Dr|DR)\.?[ \t]+" + _MORE_TITLES + r"([A-Z][^\W\d_]+)"),
)
# Words that follow these cues in ordinary talk.
_NOT_NAMES = (set(spacy_stop_words("en")) | set(spacy_stop_words("fr")) | NOT_A_NAME | {
    "spelled", "spelt", "misspelled", "wrong", "correct", "incorrect", "listed", "changed",
    "different", "right", "still", "also", "actually", "really", "missing", "there",
    "written", "shown", "printed", "updated", "same", "under", "not", "on", "in", "as",
    "spelling", "legally", "officially", "currently", "now", "being", "speaking", "calling",
    "appelle", "nom", "est", "unknown", "redacted", "person", "name"})


def _latin_names(text: str) -> bool:
    for cue in _LATIN_CUES:
        for m in cue.finditer(text):
            word = m.group(1)
            if len(word) >= 2 and word.lower() not in _NOT_NAMES:
                return True
    return False


def names_left(text: str) -> bool:
    """Whether an outgoing text (placeholders and pseudonyms in it) still holds a name
    after a cue."""
    return bool(_latin_names(text) or find_chinese_names(text)
                or find_japanese_names(text) or find_arabic_names(text))
