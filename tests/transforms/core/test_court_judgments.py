"""ECHR-style judgments through the real engine: legal words, headings and articles stay,
the people named go. Hand-written lines (no TAB text): {name} must go, [place] may go,
every other word must stay; each line also as speech-style text (lowercase, no marks)."""
import re

import pytest

from tests.transforms.core.recognizers.support import redacted

LINES = [
    "PROCEDURE",
    "THE FACTS",
    "I. THE CIRCUMSTANCES OF THE CASE",
    "II. RELEVANT DOMESTIC LAW AND PRACTICE",
    "I. ALLEGED VIOLATION OF ARTICLE 6 § 1 OF THE CONVENTION",
    "III. ALLEGED VIOLATION OF ARTICLE 8 OF THE CONVENTION",
    "FOR THESE REASONS, THE COURT UNANIMOUSLY",
    "A. Admissibility",
    "B. Merits",
    "C. Just satisfaction",
    "The case originated in an application (no. 28471/02) against the [Republic of Turkey] "
    "lodged with the Court under Article 34 of the Convention by a Turkish national, "
    "Mr {Hüseyin Yıldırım} (\"the applicant\"), on 3 May 2002.",
    "The applicant, Mr {Hüseyin Yıldırım}, is a Turkish national who was born in 1960 and "
    "lives in [Istanbul].",
    "He was represented by Mr {M. Gündoğdu}, a lawyer practising in [Izmir].",
    "The Turkish Government (\"the Government\") were represented by their Agent.",
    "The Polish Government were represented by their Agent, Mr {J. Wołąsiewicz}, of the "
    "Ministry of Foreign Affairs.",
    "Mr {Wojciech Nowak}, a Polish national, was represented by Ms {Anna Kowalska}, a lawyer "
    "practising in [Warsaw].",
    "The applicant's wife, Mrs {Ayşe Yıldırım}, lodged a complaint with the [Ankara] public "
    "prosecutor.",
    "In a letter of 2 March 2001 the applicant's lawyer, Mr {T. Müller}, asked the Regional "
    "Court to expedite the proceedings.",
    "{Nicolas Bratza}, President, {Josep Casadevall}, judges, and {Lawrence Early}, Section "
    "Registrar",
    "{Santiago Quesada}, Registrar, {Josep Casadevall}, President",
    "Judge {Zagrebelsky} expressed a partly dissenting opinion, annexed to this judgment.",
    "On 12 March 2004 the President of the Second Section decided to give notice of the "
    "application to the Government.",
    "Under the provisions of Article 29 § 3 of the Convention, it decided to examine the "
    "merits of the application at the same time as its admissibility.",
    "The applicant complained that the length of the civil proceedings had been "
    "incompatible with the \"reasonable time\" requirement of Article 6 § 1 of the Convention.",
    "The Government contested that argument.",
    "The Court notes that the complaint is not manifestly ill-founded within the meaning of "
    "Article 35 § 3 of the Convention.",
    "There has accordingly been a violation of Article 6 § 1.",
    "Done in English, and notified in writing on 14 June 2007, pursuant to Rule 77 §§ 2 and 3 "
    "of the Rules of Court.",
    "Having deliberated in private on 22 May 2007, the Court delivers the following judgment.",
    "On 5 June 1998 the [Istanbul] Assize Court convicted the applicant and sentenced him to "
    "twelve years' imprisonment.",
    "The Government submitted that the applicant had failed to exhaust domestic remedies.",
    "Holds that the respondent State is to pay the applicant, within three months, "
    "EUR 3,000 in respect of non-pecuniary damage;",
    "Dismisses the remainder of the applicant's claim for just satisfaction.",
    "Article 41 of the Convention provides:",
    "The Commission and the Committee of Ministers were informed.",
]

_MARK = re.compile(r"\{([^}]*)\}|\[([^\]]*)\]")
_WORD = re.compile(r"\w+")


def _parts(line):
    """(text, names, places, ordinary words) of a marked line."""
    text, names, places, pos, plain = "", [], [], 0, []
    for m in _MARK.finditer(line):
        plain.append(line[pos:m.start()])
        text += line[pos:m.start()] + (m.group(1) or m.group(2))
        (names if m.group(1) else places).append(m.group(1) or m.group(2))
        pos = m.end()
    plain.append(line[pos:])
    text += line[pos:]
    return text, names, places, _WORD.findall(" ".join(plain))


def _speech(text):
    return " ".join(re.sub(r"[^\w\s']", " ", text).lower().split())


def _kept_in_order(words, out):
    left = _WORD.findall(re.sub(r"<[A-Z_]+>", " ", out).lower())
    i = 0
    for w in left:
        if i < len(words) and w == words[i].lower():
            i += 1
    return i == len(words)


@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize("style", ["written", "speech"])
def test_court_words_stay_and_names_go(redactor, line, style):
    text, names, _, ordinary = _parts(line)
    if style == "speech":
        text, names, ordinary = _speech(text), [_speech(n) for n in names], \
            _WORD.findall(_speech(" ".join(ordinary)))
    out = redacted(redactor, text)
    assert _kept_in_order(ordinary, out), out
    for name in names:
        for word in _WORD.findall(name):
            if len(word) > 1:
                assert not re.search(rf"(?i)\b{re.escape(word)}\b", out), out


def test_the_lines_are_enough():
    assert len(LINES) >= 30
