"""MuDoCo reader: capitalised person mentions are names, kin and pronouns are not; splits
come from each dialogue's split field."""
import json

from tests.evaluation.public import mudoco
from tests.evaluation.public.corpus_files import manifest
from tests.evaluation.public.registry import CORPORA


def _mention(turn, start, end, text):
    return {"turn_id": turn, "span": {"start": start, "end": end}, "text": text}


def _turn(number, utterance, **named):
    entities = {}
    for kind, words in named.items():
        entities[kind] = []
        for word in words:
            at = utterance.index(word)
            entities[kind].append(_mention(number, at, at + len(word), word))
    return {"number": number, "utterance": utterance, "named_entities": entities,
            "references": {}, "links": []}


def _file(path, domain, split_of):
    dialogs = {}
    for key, split in split_of.items():
        dialogs[key] = {"split": split, "turns": [
            _turn(1, "Remind Uncle Tobias and mom to call Kasia Wrobel 's office at 5 pm .",
                  person=["Uncle Tobias", "mom", "Kasia Wrobel"], time=["5 pm"],
                  entity=["office"]),
            _turn(2, "Your reminder for Dad is set in Leeds , Kasia .",
                  person=["Your", "Dad", "Kasia"], location=["Leeds"])]}
    path.write_text(json.dumps({"domain": domain, "dialogs": dialogs}), encoding="utf-8")


def test_mudoco_capitalised_person_mentions_are_names_kin_and_pronouns_other(tmp_path):
    path = tmp_path / "mudoco_reminders.json"
    _file(path, "reminders", {"d1": "train"})
    first, second = mudoco.read(path, "mudoco", "tune")
    spans = lambda s: sorted((s.text[e.start:e.end], e.type) for e in s.entities)
    assert first.text == "Remind Uncle Tobias and mom to call Kasia Wrobel's office at 5 pm."
    assert spans(first) == [("5 pm", "OTHER"), ("Kasia Wrobel", "PERSON"),
                            ("Tobias", "PERSON"), ("Uncle", "OTHER"), ("mom", "OTHER")]
    assert second.text == "Your reminder for Dad is set in Leeds, Kasia."
    assert spans(second) == [("Dad", "OTHER"), ("Kasia", "PERSON"), ("Leeds", "LOCATION"),
                             ("Your", "OTHER")]
    assert (first.doc, first.index, second.index) == ("reminders/d1", 0, 1)


def test_mudoco_roles_contractions_and_weekdays_marked_as_persons_are_other(tmp_path):
    path = tmp_path / "mudoco_reminders.json"
    utterance = "You'd see the GP on Tuesday with Sitter Rose ."
    turn = _turn(1, utterance, person=["You'd", "GP", "Tuesday", "Sitter Rose"])
    path.write_text(json.dumps({"domain": "reminders", "dialogs": {
        "d": {"split": "train", "turns": [turn]}}}), encoding="utf-8")
    (only,) = mudoco.read(path, "mudoco", "tune")
    assert sorted((only.text[e.start:e.end], e.type) for e in only.entities) == [
        ("GP", "OTHER"), ("Rose", "PERSON"), ("Sitter", "OTHER"), ("Tuesday", "OTHER"),
        ("You'd", "OTHER")]


def test_mudoco_tune_is_train_and_eval_dialogues_heldout_test(tmp_path):
    folder = tmp_path / "mudoco"
    folder.mkdir()
    for f, domain in zip(mudoco.FILES, mudoco.DOMAINS):
        _file(folder / f, domain, {"a": "train", "b": "eval", "c": "test"})
    corpus = CORPORA["mudoco"]
    assert corpus.missing(tmp_path) is None
    assert {s.doc.split("/")[1] for s in corpus.load(tmp_path, "tune")} == {"a", "b"}
    assert {s.doc.split("/")[1] for s in corpus.load(tmp_path, "heldout")} == {"c"}
    assert {s.doc.split("/")[0] for s in corpus.load(tmp_path, "heldout")} == set(
        mudoco.DOMAINS)
    (folder / mudoco.FILES[0]).unlink()
    assert mudoco.FILES[0] in corpus.missing(tmp_path)


def test_mudoco_files_are_in_the_manifest():
    listed = {row.dest for row in manifest()}
    assert {f"mudoco/{f}" for f in mudoco.FILES} <= listed
