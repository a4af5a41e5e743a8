"""The Taskmaster-3 reader: user turns labelled from the API arguments the writer filled."""
import json

from tests.evaluation.public import taskmaster
from tests.evaluation.public.registry import CORPORA

SHORT = ("<U>Is Joker on at the AMC Mercado 20?<A>Which city?<U>San Jose at 7pm please"
         "<PN>find_showtimes<PAN>name.movie<PAV>Joker<PAN>name.theater<PAV>AMC Mercado 20"
         "<PAN>location<PAV>San Jose<PAN>time.preference<PAV>7pm")
LONG = SHORT + ("<PR>find_showtimes<PRAN>time.showing<PRAV>7:10pm<A>7:10pm is open."
                "<U>Anything with Tom Hanks? Joker is too dark"
                "<PN>find_movies<PAN>name.person<PAV>Tom Hanks"
                "<PN>get_movie_attribute<PAN>attribute<PAV>name.genre")


def spans(sentence):
    return [(sentence.text[e.start:e.end], e.type) for e in sentence.entities]


def _tsv(folder):
    folder.mkdir(parents=True, exist_ok=True)
    rows = [f"{SHORT}\t[A]ok\tdlg-1", f"{LONG}\t[A]ok\tdlg-1",
            "<U>two tickets<PN>book_tickets<PAN>num.tickets<PAV>two\t[A]done\tdlg-2"]
    (folder / taskmaster.TSV).write_text("\n".join(rows) + "\n")


def _reward(folder, name, conversations):
    (folder / "reward").mkdir(parents=True, exist_ok=True)
    (folder / "reward" / name).write_text(json.dumps(conversations))


def _example(doc, turns, generation):
    return {"conversation_id": doc, "context": json.dumps(turns),
            "generation": json.dumps(generation), "reward": 1.0}


def test_tsv_reads_the_longest_context_and_labels_user_turns_by_their_api_arguments(
        tmp_path):
    _tsv(tmp_path)
    found = taskmaster.sentences(taskmaster.tsv_dialogues(tmp_path / taskmaster.TSV), "tm")
    first, second, third, other = found
    assert [s.text for s in found] == ["Is Joker on at the AMC Mercado 20?",
                                       "San Jose at 7pm please",
                                       "Anything with Tom Hanks? Joker is too dark",
                                       "two tickets"]
    # A title and a venue said before the call that looks them up are labelled too.
    assert spans(first) == [("Joker", "VENUE_TITLE"), ("AMC Mercado 20", "VENUE_TITLE")]
    assert spans(second) == [("San Jose", "LOCATION"), ("7pm", "OTHER")]
    # An actor is a person; "attribute" names another argument, never a span.
    assert spans(third) == [("Tom Hanks", "PERSON"), ("Joker", "VENUE_TITLE")]
    assert spans(other) == [("two", "OTHER")]
    assert (first.doc, second.index, other.doc) == ("dlg-1", 1, "dlg-2")


def test_a_value_matches_on_word_bounds_only_and_the_longer_span_wins():
    # "Up in" is a run of "Up in the Air" but ends with a small word: not a span.
    found = taskmaster.label("Up in Upland, see Up or Up in the Air",
                             [("name.movie", "Up"), ("name.movie", "Up in the Air"),
                              ("location", "Upland")])
    assert [(a, b, kind) for a, b, kind in ((e.start, e.end, e.type) for e in found)] == [
        (0, 2, "VENUE_TITLE"), (6, 12, "LOCATION"), (18, 20, "VENUE_TITLE"),
        (24, 37, "VENUE_TITLE")]


def test_a_value_matches_across_punctuation_and_by_a_run_of_its_words():
    text = "I live in Creek's End Oregon. AMC Mercado please, Moonfall at 7 pm"
    found = taskmaster.label(text, [("location", "Creek’s End, Oregon"),
                                    ("name.theater", "AMC Mercado 24"),
                                    ("name.movie", "Moonfall (PG-13)"),
                                    ("time.preference", "7pm at night")])
    assert [(text[e.start:e.end], e.type) for e in found] == [
        ("Creek's End Oregon", "LOCATION"), ("AMC Mercado", "VENUE_TITLE"),
        ("Moonfall", "VENUE_TITLE")]


def test_reward_labels_the_last_turn_from_the_generation_and_drops_repeated_dialogues(
        tmp_path):
    turns = [{"role": "agent", "text": "Hi there."},
             {"role": "user", "text": "What's on in Salem, Oregon?"},
             {"role": "agent", "api": {"resolve_location": {"location": "Salem, Oregon"}}},
             {"role": "api", "response": {"resolve_location": {"location": ["Salem"]}}},
             {"role": "agent", "text": "Dune and Up."},
             {"role": "user", "text": "Dune for me"}]
    generation = {"role": "agent", "api": {"find_showtimes": {"name.movie": "Dune"}}}
    _reward(tmp_path, "reward_00.json", [
        _example("dlg-a", turns[:2], turns[2]), _example("dlg-a", turns, generation),
        # Another id scoring a continuation of the same conversation: dropped.
        _example("dlg-b", turns[:2], {"role": "agent", "text": "Which theatre?"})])
    dialogues = taskmaster.reward_dialogues(tmp_path / "reward" / "reward_00.json")
    assert set(dialogues) == {"dlg-a", "dlg-b"}
    found = taskmaster.sentences(taskmaster.distinct(dialogues), "tm")
    assert [spans(s) for s in found] == [[("Salem, Oregon", "LOCATION")],
                                         [("Dune", "VENUE_TITLE")]]
    assert {s.doc for s in found} == {"dlg-a"}


def test_taskmaster_is_registered_and_splits_whole_dialogues_by_hash(tmp_path):
    folder = tmp_path / "taskmaster"
    _tsv(folder)
    corpus = CORPORA["taskmaster"]
    assert "reward/reward_00.json" in corpus.missing(tmp_path)
    for name in taskmaster.REWARD:
        _reward(folder, name.split("/")[1], [
            _example(f"dlg-{name}-{i}", [{"role": "user", "text": f"ticket {name} {i}"}],
                     {"role": "agent", "text": "ok"}) for i in range(6)])
    assert corpus.missing(tmp_path) is None
    tune, heldout = corpus.load(tmp_path, "tune"), corpus.load(tmp_path, "heldout")
    assert tune and heldout
    assert len(tune) + len(heldout) == 4 + 6 * len(taskmaster.REWARD)
    assert not {s.doc for s in tune} & {s.doc for s in heldout}
    assert sorted(s.index for s in tune + heldout if s.doc == "dlg-1") == [0, 1, 2]
