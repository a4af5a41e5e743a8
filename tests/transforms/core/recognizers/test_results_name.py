"""ResultsNameRecognizer (people in results lists and capitals headlines of written news),
and Reuters-style lines of our own through the real redactor: the people go, teams,
countries and ordinary words are not read as people."""
import re

import pytest

from tests.transforms.core.recognizers.support import found_alone
from transforms.core.recognizers.results_name import ResultsNameRecognizer


def _found(analyzer, text):
    """What the recognizer finds on its own (spaCy may find the same name first)."""
    return found_alone(ResultsNameRecognizer, analyzer, text)


def test_items_of_a_figures_list_are_people(analyzer):
    found = _found(analyzer, "Scorers : Ravanelli 12 , Vialli 56 , Casiraghi 78 pen")
    assert found == ["Ravanelli", "Vialli", "Casiraghi"]


def test_a_bowling_list_counts_a_name_with_a_common_word_beside_rare_ones(analyzer):
    found = _found(analyzer, "Bowling : Wasim 10-2-33-2 , Waqar 9-1-45-1 , Mushtaq 10-0-52-3")
    assert found == ["Wasim", "Waqar", "Mushtaq"]


def test_every_item_after_a_scorers_label_is_a_person_even_a_common_surname(analyzer):
    found = _found(analyzer, "Scorers : Turling 23 , Land 67 , Obrian 88")
    assert found == ["Turling", "Land", "Obrian"]


def test_a_lone_goalscorer_after_its_label_is_a_person(analyzer):
    assert _found(analyzer, "Goalscorer : Pelanek 67") == ["Pelanek"]


def test_a_country_after_a_scorers_label_stays(analyzer):
    assert _found(analyzer, "Scorers : Japan 2 , Pelanek 67") == ["Pelanek"]


@pytest.mark.parametrize("text", [
    "Standings : Ajax 12 , PSV 10 , Feyenoord 9 , Vitesse 7",
    "Essex 312 , Kent 198 , Surrey 240",
    "Rugby union : Australia 25 , New Zealand 32",
    "Sales rose in March 12 , April 14 , May 9",
])
def test_a_list_of_teams_places_or_months_holds_no_person(analyzer, text):
    assert _found(analyzer, text) == []


def test_a_surname_in_a_capitals_headline_is_a_person(analyzer):
    assert _found(analyzer, "GOLF - MONTGOMERIE LEADS BY ONE SHOT") == ["MONTGOMERIE"]


@pytest.mark.parametrize("text", [
    "SOCCER - BARCELONA SIGN NEW STRIKER",
    "RUGBY LEAGUE - CANBERRA RAIDERS CRUSH BRISBANE",
    "GOLF - Montgomerie leads by one shot",
])
def test_teams_in_a_headline_and_mixed_case_lines_are_left(analyzer, text):
    assert _found(analyzer, text) == []


# (text, the people that must go, words that must not be read as people)
REUTERS = [
    ("Pakistan's Wasim Akram took four wickets as England collapsed. Akram finished with 4-50.",
     ['Wasim', 'Akram'], ['Pakistan', 'England', 'wickets']),
    ('England 326 ( Hick 45 , Thorpe 12 , Stewart 89 )',
     ['Hick', 'Thorpe', 'Stewart'], ['England']),
    ('Mullally and Cork bowled unchanged through the morning session.',
     ['Mullally', 'Cork'], ['morning']),
    ('SOCCER - BARCELONA SIGN RONALDO',
     ['RONALDO'], ['SOCCER', 'BARCELONA', 'SIGN']),
    ('LONDON 1996-08-30',
     [], ['LONDON']),
    ('Striker Hristo Stoichkov scored twice for Barcelona. Stoichkov later left the field injured.',
     ['Hristo', 'Stoichkov'], ['Barcelona', 'field']),
    ('Steffi Graf beat Anke Huber 6-3 6-2 on Tuesday.',
     ['Steffi', 'Graf', 'Anke', 'Huber'], ['Tuesday']),
    ('Graf, the top seed, needed only 54 minutes.',
     ['Graf'], ['seed', 'minutes']),
    ("Results of the men's 100 metres: 1. Donovan Bailey (Canada) 9.84 2. Frankie Fredericks (Namibia) 9.89",
     ['Donovan', 'Bailey', 'Frankie', 'Fredericks'], ['Canada', 'Namibia', 'metres']),
    ('TENNIS - SAMPRAS BEATS IVANISEVIC IN FINAL',
     ['SAMPRAS', 'IVANISEVIC'], ['TENNIS', 'FINAL']),
    ('Manchester United beat Arsenal 2-1 with goals from Cantona and Giggs.',
     ['Cantona', 'Giggs'], ['Manchester', 'United', 'Arsenal']),
    ('Russian President Boris Yeltsin met Chernomyrdin in the Kremlin on Friday.',
     ['Boris', 'Yeltsin', 'Chernomyrdin'], ['Russian', 'Kremlin', 'Friday']),
    ('Yeltsin, 65, is recovering from heart surgery, aides said.',
     ['Yeltsin'], ['heart', 'surgery', 'aides']),
    ('Netanyahu told reporters in Jerusalem that talks would resume.',
     ['Netanyahu'], ['Jerusalem', 'talks']),
    ("Arafat's spokesman Nabil Abu Rdainah said the meeting was useful.",
     ['Arafat', 'Nabil', 'Rdainah'], ['spokesman', 'meeting']),
    ('Ajax Amsterdam 3 Feyenoord 1',
     [], ['Ajax', 'Amsterdam', 'Feyenoord']),
    ('Leading scores after the first round: 67 Colin Montgomerie, Ernie Els',
     ['Colin', 'Montgomerie', 'Ernie', 'Els'], ['Leading', 'scores', 'round']),
    ('GOLF - MONTGOMERIE LEADS BY ONE SHOT',
     ['MONTGOMERIE'], ['GOLF', 'LEADS', 'SHOT']),
    ('Bayern Munich coach Giovanni Trapattoni said Klinsmann would play.',
     ['Giovanni', 'Trapattoni', 'Klinsmann'], ['Bayern', 'Munich', 'coach']),
    ('The Bundesbank left rates unchanged, Tietmeyer said.',
     ['Tietmeyer'], ['Bundesbank', 'rates']),
    ('Shares in British Airways rose 5 pence, dealers said.',
     [], ['British', 'Airways', 'Shares', 'dealers']),
    ('Lara made 102 before he was caught by Healy off McGrath.',
     ['Lara', 'Healy', 'McGrath'], ['caught']),
    ('Second-seeded Michael Chang of the United States advanced.',
     ['Michael', 'Chang'], ['United', 'States', 'advanced']),
    ('Chang will meet Kafelnikov in the semifinals.',
     ['Chang', 'Kafelnikov'], ['semifinals']),
    ('Rugby union: Australia 25 New Zealand 32 ( Lomu 2 tries , Mehrtens 3 penalties )',
     ['Lomu', 'Mehrtens'], ['Australia', 'New', 'Zealand', 'tries']),
    ('Police in Jakarta detained Muchtar Pakpahan, a labour leader, on Saturday.',
     ['Muchtar', 'Pakpahan'], ['Police', 'Jakarta', 'labour', 'Saturday']),
    ('Pakpahan denied the charges, his lawyer said.',
     ['Pakpahan'], ['charges', 'lawyer']),
    ('Toshiba Corp said profits fell 12 percent.',
     [], ['Toshiba', 'profits']),
    ("Kenya's Daniel Komen won the 5,000 metres ahead of Haile Gebrselassie of Ethiopia.",
     ['Daniel', 'Komen', 'Haile', 'Gebrselassie'], ['Kenya', 'Ethiopia', 'metres']),
    ('CRICKET - WAUGH HITS CENTURY AS AUSTRALIA ROLL ON',
     ['WAUGH'], ['CRICKET', 'CENTURY', 'AUSTRALIA']),
    ('Inter Milan signed midfielder Paul Ince from Manchester United.',
     ['Paul', 'Ince'], ['Inter', 'Milan', 'Manchester', 'United']),
    ('Ince joined the club in July.',
     ['Ince'], ['club', 'July']),
    ('Vialli and Zola were both on the bench.',
     ['Vialli', 'Zola'], ['bench']),
    ('BONN 1996-08-29',
     [], ['BONN']),
    ('SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN',
     ['SHEARER'], ['SOCCER', 'ENGLAND', 'CAPTAIN']),
    ('TENNIS - GRAF CRUISES INTO QUARTER-FINALS',
     ['GRAF'], ['TENNIS']),
    ('ATHLETICS - JOHNSON WINS 200 METRES IN WORLD RECORD',
     ['JOHNSON'], ['ATHLETICS', 'WORLD', 'RECORD']),
    ('CYCLING - INDURAIN PULLS OUT OF WORLD CHAMPIONSHIPS',
     ['INDURAIN'], ['CYCLING', 'WORLD']),
    ('Somerset 83 and 174 ( P. Simmons 4-38 ) , Leicestershire 296 .',
     ['Simmons'], ['Somerset', 'Leicestershire']),
    ('Bowling : Wasim 10-2-33-2 , Waqar 9-1-45-1 , Mushtaq 10-0-52-3',
     ['Wasim', 'Waqar', 'Mushtaq'], ['Bowling']),
    ('Scorers : Ravanelli 12 , Vialli 56 , Casiraghi 78 pen',
     ['Ravanelli', 'Vialli', 'Casiraghi'], ['Scorers']),
    ('Leading money winners : 1. Tom Lehman 1,780,159 2. Phil Mickelson 1,697,799',
     ['Tom', 'Lehman', 'Phil', 'Mickelson'], []),
    ('Dole told supporters in Ohio that Clinton had failed.',
     ['Dole', 'Clinton'], ['supporters']),
    ('Fischler said the ban would stay until the commission decided.',
     ['Fischler'], ['ban', 'commission']),
    ('RUGBY LEAGUE - CANBERRA RAIDERS CRUSH BRISBANE',
     [], ['CANBERRA', 'RAIDERS', 'BRISBANE']),
    ('Standings : Ajax 12 , PSV 10 , Feyenoord 9 , Vitesse 7',
     [], ['Ajax', 'PSV', 'Feyenoord', 'Vitesse']),
]


def _people(result, text):
    spans = [(d.start, d.end) for d in result.detections if d.entity == "PERSON"]

    def inside(word):
        return any(s < m.end() and m.start() < e
                   for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text)
                   for s, e in spans)
    return inside


def test_reuters_style_lines_lose_their_people_and_keep_teams_and_countries(redactor):
    texts = [text for text, _, _ in REUTERS]
    results = redactor.redact(texts, [[] for _ in texts])
    left, taken = [], []
    for (text, people, keep), result in zip(REUTERS, results):
        assert result.scanned == text
        person = _people(result, text)
        left += [(text, p) for p in people if not person(p)]
        taken += [(text, k) for k in keep if person(k)]
    assert len(REUTERS) >= 30
    assert left == [] and taken == []


def test_a_long_capitals_line_is_read_in_time_linear_in_its_words(analyzer):
    import time

    words = "THANK YOU FOR CALLING HOW CAN I HELP YOU WITH YOUR ACCOUNT TODAY".split()
    text = " ".join(words * 500) + " MONTGOMERIE SAID"  # 6,500 words, one line (ASR capitals)
    artifacts = analyzer.nlp_engine.process_text(text, "en")
    start = time.process_time()
    found = [text[r.start:r.end]
             for r in ResultsNameRecognizer("en").analyze(text, ["PERSON"], artifacts)]
    assert "MONTGOMERIE" in found
    assert time.process_time() - start < 2.0  # every word against every other: ~10 s
