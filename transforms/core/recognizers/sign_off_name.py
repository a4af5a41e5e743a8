"""The name that signs a message, on the line after its closing ("Kindest regards,\\nVisit",
"Thanks,\\nKay", "talk to you later\\nvince"), and the name a message opens with, alone on
its first line before a comma ("Deco,\\nsee you there.").

Emails and chat messages end with a closing formula on a line of its own, then the
writer's name; they open with the reader's name and a comma. That place makes the line a
name whatever its words ("Visit", "Hope", "Les" are English words too). The line holds one
to three words and nothing else but end punctuation, none of them a stop word, a chat or
courtesy word (:data:`~.common.NOT_A_NAME`), a word naming a team or company ("Support",
"Team", "Inc") or a family member ("Mom", "Grandma"), and the line is no closing itself
("thanks for everything\\nlove\\ndad"). In written text every word is capitalised. A
first line, and a signature in lower-case text (speech-style, or typed so), needs more:
each word a listed name or a word English text rarely uses (:func:`~transforms.core.name_lexicon.name_or_rare`), so
"Update,\\nthe order shipped" and "thanks\\nsure" stay. After a closing, two or three
letters without a vowel are the writer's initials ("Thx\\ndp"). The last line of a message
of three lines or more signs it too when it is one listed given name more often a name
than a word ("...take a look at it\\nvince"; "will" or "bye" stay).
"""
from __future__ import annotations

import re
from typing import List

from transforms.core.name_lexicon import lexicon, name_or_rare, name_word
from transforms.core.recognizers.common import NOT_A_NAME, PersonDocRecognizer, line_ranges
from transforms.core.recognizers.gazetteer_name import (CAPITALISED, CUES, NEXT_TO_NAME,
                                                        NOT_NAMES, RARE_WORD)

MAX_WORDS = 3
MIN_LINES = 3  # a message whose last line alone may be its signature
# A closing line, lower-cased, its punctuation dropped: "kind regards", "thanks again",
# "talk to you later", "all the best", "sincerely yours", "thx".
CLOSING = re.compile(
    r"^(?:(?:with )?(?:(?:very |many |much )?(?:best|kind|kindest|warm|warmest|warmly|"
    r"sincere|respectful|cordial|fond|affectionate|many|much|friendly|good|my) )?"
    r"(?:regards|wishes|thanks|rgds)(?: to all| again)?|"
    r"(?:thanks|thank you|thx|tks|ty|ta|cheers)(?: (?:again|so much|very much|a lot|"
    r"for everything|in advance|for your help|for your time))?(?: and (?:regards|"
    r"best wishes|take care|have a (?:nice|good|great) day))?|"
    r"all the best|best|sincerely(?: yours)?|yours(?: (?:truly|sincerely|faithfully))?|"
    r"respectfully(?: yours)?|cordially|love|take care|(?:talk|speak) (?:to you )?"
    r"(?:soon|later)|ttyl|see you(?: soon| later)?|later|ciao|bye|bye for now|"
    r"have a (?:nice|good|great) (?:day|weekend|evening))$")
_PUNCT = re.compile(r"[^\w\s']+")
# Words of a team's or a company's signature, never a person's.
ORG_WORDS = {"team", "support", "service", "services", "department", "dept", "office",
             "desk", "staff", "management", "inc", "corp", "corporation", "ltd", "llc", "co",
             "company", "group", "hr", "admin", "administrator", "sales", "billing",
             "everybody", "everyone", "all", "gentlemen", "ladies", "friends", "colleagues",
             "folks", "guys", "greetings", "dear", "hey", "hiya", "yo"}

# Words for a family member or another role the writer signs with ("Love,\nMom",
# "See you soon\nGrandma"): the gazetteer's cue words but its titles and "named".
KIN_WORDS = CUES - {"named", "called", "mr", "mrs", "ms", "miss", "dr", "mister"}


def _closing(tokens) -> bool:
    line = " ".join(_PUNCT.sub(" ", "".join(t.text_with_ws for t in tokens)).lower().split())
    return bool(line) and CLOSING.match(line) is not None


_INITIALS = re.compile(r"^[b-df-hj-np-tv-xz]{2,3}$", re.IGNORECASE)


def _initials(token) -> bool:
    """ "dp", "GT": two or three letters and no vowel, no word of any language."""
    return _INITIALS.match(token.text) is not None


def _given_name(tokens) -> bool:
    """One listed given name more often a name than a word ("vince", "mark")."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) != 1 or len(tokens) > 2 or not words[0].is_alpha:
        return False
    entry = name_word(words[0].lower_)
    return (entry is not None and entry.first and entry.wordness < CAPITALISED
            and words[0].lower_ not in NOT_A_NAME and not words[0].is_stop)


def _name_line(tokens, *, greeting: bool) -> bool:
    words = [t for t in tokens if not t.is_punct]
    tail = tokens[len(words):]
    if not 1 <= len(words) <= MAX_WORDS or list(tokens[:len(words)]) != words or len(tail) > 2:
        return False  # punctuation only at the end
    if greeting and not (len(tail) == 1 and tail[0].text == ","):
        return False  # "Visit," opens a message; "Visit." or "Visit" alone does not
    cased = any(not t.is_lower for t in words)
    for t in words:
        lower = t.lower_
        if (not t.is_alpha or len(t.text) < 2 or t.is_stop or lower in NOT_A_NAME
                or lower in NOT_NAMES or lower in ORG_WORDS or lower in KIN_WORDS):
            return False
        if cased and not t.text[:1].isupper():
            return False
        if not greeting and len(words) == 1 and _initials(t):
            continue  # "Thx\\ndp"
        if (greeting or not cased) and not name_or_rare(lower, NEXT_TO_NAME, RARE_WORD):
            return False  # "Update," "Note," open messages too; "thanks\nsure"
    return True


def _lines(doc):
    """Token lists of each non-empty line, in order."""
    for start, end in line_ranges(doc):
        line = [t for t in doc[start:end] if not t.is_space]
        if line:
            yield line


class SignOffNameRecognizer(PersonDocRecognizer):
    """The line after a closing formula, or a first line "Name,", is a person's name."""

    MIN_TOKENS = 2

    def load(self) -> None:
        lexicon()

    def spans(self, doc, text: str) -> List[tuple]:
        if "\n" not in text:
            return []
        lines = list(_lines(doc))
        found = []
        for i, line in enumerate(lines):
            signed = (i > 0 and _name_line(line, greeting=False) and _closing(lines[i - 1])
                      and not _closing(line))
            opened = (i == 0 and len(lines) > 1 and not _closing(line)
                      and _name_line(line, greeting=True))
            last = (i == len(lines) - 1 and len(lines) >= MIN_LINES
                    and _name_line(line, greeting=False) and _given_name(line))
            if signed or opened or last:
                words = [t for t in line if not t.is_punct]
                found.append((words[0].idx, words[-1].idx + len(words[-1].text)))
        return found
