"""Halves and samples are deterministic and the halves never share a sentence."""
from tests.evaluation.public.registry import CORPORA
from tests.evaluation.public.sentence import Sentence
from tests.evaluation.public.split import hash_half, sample


def test_hash_halves_are_stable_disjoint_and_roughly_even(tmp_path):
    folder = tmp_path / "wnut16"
    folder.mkdir()
    (folder / "test").write_text("".join(f"w{i}\tO\n\n" for i in range(400)))
    corpus = CORPORA["wnut16"]
    tune, heldout = corpus.load(tmp_path, "tune"), corpus.load(tmp_path, "heldout")
    assert {s.text for s in tune}.isdisjoint({s.text for s in heldout})
    assert len(tune) + len(heldout) == 400 and 150 < len(tune) < 250
    assert [s.text for s in corpus.load(tmp_path, "tune")] == [s.text for s in tune]
    assert hash_half("wnut16", "test", 7) == hash_half("wnut16", "test", 7)


def test_a_sample_is_deterministic_in_reading_order_and_grows_by_inclusion():
    sentences = [Sentence("c", f"d{i % 3}", i, f"s{i}", ()) for i in range(100)]
    small, large = sample(sentences, 10), sample(sentences, 30)
    assert small == sample(list(sentences), 10) and len(small) == 10
    assert [s.index for s in small] == sorted(s.index for s in small)
    assert set(small) <= set(large)
    assert {s.doc for s in small} == {"d0", "d1", "d2"}
    assert sample(sentences, None) == sentences
