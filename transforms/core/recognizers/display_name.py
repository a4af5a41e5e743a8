"""The display name of an email address: ``"Les Spahnn" <spahnn@hnks.com>``,
``"McGilloway, Vangie" <...>``, ``Email: "Andre"<webmaster@...>``, or a header line
``Kay Mann <kay@example.com>``.

Mail programs write the sender's or recipient's name in quotes, or at the start of a line,
right before the address in angle brackets; forwarded and quoted emails keep those lines in
the body a customer sends. The address itself is found by the email recognizers; the name
before it is a person whatever its words ("Les", "Visit" are ordinary English words).
Quoted: one to six words without digits, "@" or quotes. At a line start without quotes:
one to four capitalised words. A name without the ``<address>`` after it is left to the
other recognizers, and so is a mailbox's title ("The Cat Album", "Acme Support", "Your
Order Has Shipped", "Customer Care"): a function word in it (not a name: "Will"), or no word in it that is a
listed name or a word English seldom writes, makes it a title (so a lone "Visit" is read as
one too; "Hollis, Visit" and "Les Visit" are people).
"""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer
from spacy.lang.en.stop_words import STOP_WORDS

from transforms.core.name_lexicon import name_or_rare
from transforms.core.recognizers.gazetteer_name import NEXT_TO_NAME, RARE_WORD
from transforms.core.recognizers.sign_off_name import ORG_WORDS

# An address in angle brackets; newsgroup archives cut its local part ("webmas...@").
_ADDRESS = r"<[^<>\s@]+@[^<>\s@]+\.[A-Za-z]{2,}>"
_QUOTED = (r"(?<=\")[^\W\d_][^\"\n<>@\d]{0,60}?(?<=[^\W\d_.])(?=\"[ \t]?" + _ADDRESS + r")")
_WORD = r"[A-Z][A-Za-z'’.\-]*[a-zA-Z]"
_LINE = r"(?<![^\n])" + _WORD + r"(?:[ \t]" + _WORD + r"){0,3}(?=[ \t]?" + _ADDRESS + r")"


# Words of a mailbox that is no person's: articles and joining words of a title, and the
# words of a team's or company's signature (:data:`.sign_off_name.ORG_WORDS`).
_NOT_PERSONAL = frozenset({"the", "a", "an", "of", "and", "for", "at", "in", "on", "to",
                           "no", "reply", "noreply", "info", "news", "newsletter"}) | ORG_WORDS


class DisplayNameRecognizer(PatternRecognizer):
    """The name written before an ``<address>``: quoted, or opening a line."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entity="PERSON", name="DisplayNameRecognizer",
                         supported_language=supported_language,
                         patterns=[Pattern("quoted display name", _QUOTED, 0.85),
                                   Pattern("header display name", _LINE, 0.85)],
                         global_regex_flags=re.MULTILINE)  # case-sensitive: capitals count

    def invalidate_result(self, pattern_text: str) -> bool:
        """A list's, a team's or a company's name ("The Cat Album", "Acme Support") is no
        person's, nor a title of ordinary words ("Order Confirmation", "Welcome Back")."""
        # An initial ("i.", "A.") is no function word: "engin i. erdem" is a name.
        words = [w.lower().rstrip(".") for w in re.findall(r"[^\W\d_]+\.?", pattern_text)
                 if not (len(w) == 2 and w.endswith("."))]
        named = [name_or_rare(w, NEXT_TO_NAME, RARE_WORD) for w in words]
        return (not any(named) or any(w in _NOT_PERSONAL or (w in STOP_WORDS and not n)
                                      for w, n in zip(words, named)))
