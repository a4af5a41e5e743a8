"""ResultsEntrantRecognizer: the competitor before a nationality in brackets on a written
results row is a person, whatever spaCy read there; clubs in a match score, places,
prose and capitals lines are left. Names below are invented."""
import pytest

from tests.transforms.core.recognizers.support import found_alone, redacted
from transforms.core.recognizers.results_entrant import ResultsEntrantRecognizer


def _found(analyzer, text):
    return found_alone(ResultsEntrantRecognizer, analyzer, text)


def test_a_lone_rare_surname_ranked_before_its_country_and_a_time_is_a_person(analyzer):
    assert _found(analyzer, "2. Heikkonen ( Finland ) Subaru 3:06:40") == ["Heikkonen"]


def test_both_players_of_a_tennis_result_with_country_codes_are_people(analyzer):
    found = _found(analyzer, "Dolvenko ( RUS ) beat Kaspari ( UKR ) 6-3 6-2")
    assert found == ["Dolvenko", "Kaspari"]


def test_a_given_name_and_surname_before_the_country_go_together(analyzer):
    assert _found(analyzer, "1. Marcus Tavelin ( Finland ) Toyota 3:05:12") == \
        ["Marcus Tavelin"]


def test_a_row_opening_with_a_score_counts_its_last_entrant_too(analyzer):
    found = _found(analyzer, "66 Telmo Vandraud ( France ) , 67 Kirsu Matai ( Japan )")
    assert found == ["Telmo Vandraud", "Kirsu Matai"]


@pytest.mark.parametrize("text", [
    "Feyenoord ( Netherlands ) 2 Galatasaray ( Turkey ) 1",  # clubs in a match score
    "Barcelona ( Spain ) 3 Sturm Graz ( Austria ) 1",
    "Results from the Hamburg Open ( Germany ) on Wednesday",  # no figure: prose
    "Heikkonen ( Finland ) was second .",
    "HEIKKONEN ( FINLAND ) 3:06:40",  # a line in capitals: the headline rules read it
    "Results ( Finland ) 3:06:40",  # a common word
    "Heikkonen ( Subaru ) 3:06:40",  # a team, not a nationality, in the brackets
])
def test_clubs_places_prose_and_capitals_lines_are_left(analyzer, text):
    assert _found(analyzer, text) == []


@pytest.mark.parametrize("line, name, kept", [
    ("2. Heikkonen ( Finland ) Subaru 3:06:40", "Heikkonen", ["Subaru", "3:06:40"]),
    ("3. Ostervik ( Sweden ) 68 70 71 , 209", "Ostervik", ["68 70 71 , 209"]),
])
def test_entrants_go_and_the_team_and_figures_stay(redactor, line, name, kept):
    out = redacted(redactor, line)
    assert name not in out and all(k in out for k in kept), out


def test_a_company_branch_with_its_country_in_brackets_is_no_entrant(analyzer):
    text = "In GKN ( 83 of 113 ) Driveshafts ( India ) Ltd. Vs. the Commissioner , 259 ITR 19"
    assert _found(analyzer, text) == []
