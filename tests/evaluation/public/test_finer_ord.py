"""FiNER-ORD reader: numbered tags, one sentence per (doc, sentence), text rebuilt."""
import csv

from tests.evaluation.public import finer_ord
from tests.evaluation.public.corpus_files import manifest
from tests.evaluation.public.registry import CORPORA

_ROWS = [  # (label, token, doc, sentence), as the corpus lays them out
    (0, "By", 7, 0), (1, "Dana", 7, 0), (2, "Whitcombe", 7, 0), (0, "Orbex", 7, 0),
    (0, "’s", 7, 0), (0, "chief", 7, 0), (0, "said", 7, 0), (0, '"', 7, 0), (0, "rates", 7, 0),
    (0, "wo", 7, 0), (0, "n’t", 7, 0), (0, "move", 7, 0), (0, '"', 7, 0), (0, ".", 7, 0),
    (0, "President", 7, 1), (1, "Kowalczyk", 7, 1), (0, "met", 7, 1), (5, "Harbin", 7, 1),
    (6, "Grain", 7, 1), (0, "in", 7, 1), (3, "Santa", 7, 1), (4, "Ana", 7, 1), (0, ".", 7, 1),
    (0, "Shares", 8, 0), (0, "rose", 8, 0), (0, "“", 8, 0), (0, "sharply", 8, 0),
    (0, "”", 8, 0), (0, ".", 8, 0), (0, "Follow", 8, 1), (0, "@", 8, 1),
    (1, "DanaWhitcombe", 8, 1), (0, "for", 8, 1), (0, "news", 8, 1)]


def _csv(path, rows=_ROWS):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["gold_label", "gold_token", "doc_idx", "sent_idx"])
        out.writerows(rows)


def _read(tmp_path):
    path = tmp_path / "test.csv"
    _csv(path)
    return finer_ord.read(path, "finer_ord")


def test_finer_ord_sentences_are_rebuilt_with_clitics_and_quotes_attached(tmp_path):
    first, second, third, _ = _read(tmp_path)
    assert first.text == 'By Dana Whitcombe Orbex’s chief said "rates won’t move".'
    assert second.text == "President Kowalczyk met Harbin Grain in Santa Ana."
    assert third.text == "Shares rose “sharply”."


def test_finer_ord_numbered_tags_give_person_location_organization_and_handle(tmp_path):
    first, second, _, fourth = _read(tmp_path)
    spans = lambda s: [(s.text[e.start:e.end], e.type) for e in s.entities]
    assert spans(first) == [("Dana Whitcombe", "PERSON")]
    assert spans(second) == [("Kowalczyk", "PERSON"), ("Harbin Grain", "ORGANIZATION"),
                             ("Santa Ana", "LOCATION")]
    assert fourth.text == "Follow @DanaWhitcombe for news"
    assert spans(fourth) == [("DanaWhitcombe", "PERSON_HANDLE")]


def test_finer_ord_a_record_never_joins_two_articles(tmp_path):
    first, second, third, _ = _read(tmp_path)
    assert first.doc == second.doc == "test.csv/7" and third.doc == "test.csv/8"
    assert (first.index, second.index, third.index) == (0, 1, 0)


def test_finer_ord_tune_is_train_and_val_heldout_test_all_in_the_manifest(tmp_path):
    corpus = CORPORA["finer_ord"]
    assert corpus.tune == ("train.csv", "val.csv") and corpus.heldout == ("test.csv",)
    listed = {row.dest for row in manifest()}
    for f in corpus.tune + corpus.heldout:
        assert f"{corpus.directory}/{f}" in listed
    for f in corpus.tune + corpus.heldout:
        (tmp_path / "finer_ord").mkdir(exist_ok=True)
        _csv(tmp_path / "finer_ord" / f,
             [(g, f if t == "Dana" else t, d, i) for g, t, d, i in _ROWS])
    assert corpus.missing(tmp_path) is None
    assert {s.text.split()[1] for s in corpus.load(tmp_path, "heldout")} >= {"test.csv"}
    assert "val.csv" in {s.text.split()[1] for s in corpus.load(tmp_path, "tune")}
