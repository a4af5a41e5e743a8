"""Each corpus format, read from small inline samples that carry its quirks."""
import json
import os

from tests.evaluation.public import conll, mentions, slurp, uner, wikineural
from tests.evaluation.public.registry import CORPORA
from tests.evaluation.public.sentence import bio_spans, build


def spans(sentence):
    return [(sentence.text[e.start:e.end], e.type) for e in sentence.entities]


def test_a_tab_only_line_separates_sentences_like_an_empty_line(tmp_path):
    path = tmp_path / "wnut17train.conll"
    path.write_text("Hi\tO\nAnna\tB-person\nSmith\tI-person\n\t\nB-day\tO\nin\tO\n"
                    "Paris\tB-location\n\nthe\tO\nend\tO\n")
    first, second, third = conll.read(path, "wnut17")
    assert first.text == "Hi Anna Smith" and spans(first) == [("Anna Smith", "PERSON")]
    # "B-day" in the token column is a word, not a label.
    assert second.text == "B-day in Paris" and spans(second) == [("Paris", "LOCATION")]
    assert third.text == "the end" and third.entities == ()


def test_tag_first_crlf_file_reads_tags_from_the_first_column(tmp_path):
    path = tmp_path / "trivia10k13test.bio"
    path.write_bytes(b"O\tfilms\r\nO\twith\r\nB-Actor\ttom\r\nI-Actor\thanks\r\n"
                     b"B-Genre\tdrama\r\n\r\nB-Director\tnolan\r\n")
    first, second = conll.read_tag_first(path, "mit")
    assert first.text == "films with tom hanks drama"
    assert spans(first) == [("tom hanks", "PERSON"), ("drama", "OTHER")]
    assert spans(second) == [("nolan", "PERSON")]


def test_four_columns_and_docstart_line_are_read(tmp_path):
    path = tmp_path / "test.bio"
    path.write_text("-DOCSTART- -X- -X- O\n\nRT\t-\t-\tO\n@USER123\t-\t-\tO\n"
                    "Bengie\t-\t-\tB-PER\nMolina\t-\t-\tI-PER\nretires\t-\t-\tO\n.\t-\t-\tO\n")
    (only,) = conll.read(path, "tweebank_ner")
    assert only.text == "RT @USER123 Bengie Molina retires."
    assert spans(only) == [("Bengie Molina", "PERSON")]


def test_empty_tokens_are_dropped_and_tokens_with_spaces_kept(tmp_path):
    path = tmp_path / "f.conll"
    path.write_text("\tO\nke s\tO\nmet\tO\nJo\tB-PER\n\tI-PER\nAnn\tI-PER\n")
    (only,) = conll.read(path, "btc")
    assert only.text == "ke s met Jo Ann" and spans(only) == [("Jo Ann", "PERSON")]


def test_a_person_on_a_handle_or_hashtag_is_a_handle_and_the_at_sign_attaches(tmp_path):
    path = tmp_path / "a.conll"
    path.write_text("thanks\tO\n@\tB-PER\njsmith\tB-PER\nand\tO\n#Obama\tB-PER\n"
                    "and\tO\nJo\tB-PER\n")
    (only,) = conll.read(path, "btc")
    assert only.text == "thanks @jsmith and #Obama and Jo"
    assert spans(only) == [("@", "PERSON_HANDLE"), ("jsmith", "PERSON_HANDLE"),
                           ("#Obama", "PERSON_HANDLE"), ("Jo", "PERSON")]


def test_a_stray_inside_tag_starts_an_entity_and_a_new_type_ends_one():
    assert bio_spans(["O", "I-PER", "I-PER", "I-LOC", "B-PER", "B-PER"]) == [
        (1, 3, "PER"), (3, 4, "LOC"), (4, 5, "PER"), (5, 6, "PER")]


def test_punctuation_attaches_to_the_previous_word_and_offsets_follow():
    text, entities = build(["Hello", ",", "Mr", ".", "O'Neil", "(", "CEO", ")", "!"],
                           [(2, 5, "PERSON")])
    assert text == "Hello, Mr. O'Neil (CEO)!"
    assert [text[e.start:e.end] for e in entities] == ["Mr. O'Neil"]


def test_slurp_entities_point_at_their_token_surfaces(tmp_path):
    tokens = ["put", "meeting", "with", "pawel", "at", "joe@aol", "dot", "com"]
    line = {"slurp_id": 1, "sentence": " ".join(tokens),
            "tokens": [{"surface": t, "id": i} for i, t in enumerate(tokens)],
            "entities": [{"span": [1], "type": "event_name"}, {"span": [3], "type": "person"},
                         {"span": [5, 6, 7], "type": "email_address"}]}
    path = tmp_path / "test.jsonl"
    path.write_text(json.dumps(line) + "\n\n")
    (only,) = slurp.read(path, "slurp")
    assert only.text == "put meeting with pawel at joe@aol dot com"
    assert spans(only) == [("meeting", "OTHER"), ("pawel", "PERSON"),
                           ("joe@aol dot com", "EMAIL")]


def test_a_corpus_with_a_missing_file_says_which(tmp_path):
    (tmp_path / "wnut17").mkdir()
    (tmp_path / "wnut17" / "emerging.dev.conll").write_text("a\tO\n")
    why = CORPORA["wnut17"].missing(tmp_path)
    assert "wnut17train.conll" in why and "emerging.test.annotated" in why
    assert "emerging.dev.conll" not in why


def test_own_test_file_is_the_heldout_half(tmp_path):
    folder = tmp_path / "tweebank_ner"
    folder.mkdir()
    for name, word in (("train.bio", "alpha"), ("dev.bio", "beta"), ("test.bio", "gamma")):
        (folder / name).write_text(f"{word}\t-\t-\tO\n")
    corpus = CORPORA["tweebank_ner"]
    assert [s.text for s in corpus.load(tmp_path, "tune")] == ["alpha", "beta"]
    assert [s.text for s in corpus.load(tmp_path, "heldout")] == ["gamma"]


def test_space_separated_columns_with_io_tags_are_read(tmp_path):
    # WikiGold: "token tag"; SEC filings: "token POS chunk tag" after a -DOCSTART- line.
    path = tmp_path / "wikigold.conll.txt"
    path.write_text("Tomo I-PER\nMilicevic I-PER\njoined O\nThe I-ORG\nBand I-ORG\n\nHe O\n")
    first, second = conll.read(path, "wikigold")
    assert spans(first) == [("Tomo Milicevic", "PERSON"), ("The Band", "ORGANIZATION")]
    assert second.text == "He"
    path = tmp_path / "FIN3.txt"
    path.write_text("-DOCSTART- -X- O O\n\nSigned VBN - O\nby IN - O\nFrank NNP - I-PER\n"
                    "Wouters NNP - I-PER\n")
    (only,) = conll.read(path, "sec_filings")
    assert only.text == "Signed by Frank Wouters"
    assert spans(only) == [("Frank Wouters", "PERSON")]


def test_a_person_mention_counts_as_a_name_only_when_it_is_one(tmp_path):
    path = tmp_path / "gum-test.conll"
    path.write_text("You\tB-person\nmet\tO\nForeign\tB-person\nSecretary\tI-person\n"
                    "Boris\tI-person\nJohnson\tI-person\nand\tO\nthe\tB-person\n"
                    "Borrower\tI-person\nin\tO\nthe\tB-organization\nbar\tI-organization\n")
    (only,) = mentions.read(path, "gum")
    assert spans(only) == [("You", "OTHER"), ("Foreign Secretary", "OTHER"),
                           ("Boris Johnson", "PERSON"), ("the Borrower", "OTHER"),
                           ("the bar", "ORGANIZATION")]


def test_a_lone_capitalised_first_word_labelled_person_is_not_a_name(tmp_path):
    path = tmp_path / "gum-test.conll"
    path.write_text("Writers\tB-person\nlove\tO\nMontalvo\tB-person\n")
    (only,) = mentions.read(path, "gum")
    assert spans(only) == [("Writers", "OTHER"), ("Montalvo", "PERSON")]


def test_news_corpora_use_the_authors_test_file_or_hash_halves(tmp_path):
    (tmp_path / "re3d").mkdir()
    (tmp_path / "re3d" / "re3d-train.conll").write_text("alpha\tO\n")
    (tmp_path / "re3d" / "re3d-test.conll").write_text("gamma\tO\n")
    assert [s.text for s in CORPORA["re3d"].load(tmp_path, "heldout")] == ["gamma"]
    (tmp_path / "wikigold").mkdir()
    (tmp_path / "wikigold" / "wikigold.conll.txt").write_text(
        "\n\n".join(f"w{i} O" for i in range(40)))
    tune = CORPORA["wikigold"].load(tmp_path, "tune")
    heldout = CORPORA["wikigold"].load(tmp_path, "heldout")
    assert tune and heldout and len(tune) + len(heldout) == 40
    assert not {s.text for s in tune} & {s.text for s in heldout}


def test_several_corpora_directories_are_searched_in_order(tmp_path):
    from tests.evaluation.public.evaluate import build_records

    first, second = tmp_path / "a", tmp_path / "b"
    for root, word in ((first, "first"), (second, "second")):
        (root / "re3d").mkdir(parents=True)
        for name in ("re3d-train.conll", "re3d-test.conll"):
            (root / "re3d" / name).write_text(f"{word}\tO\n")
    (second / "wikigold").mkdir()
    (second / "wikigold" / "wikigold.conll.txt").write_text("w O\n\nv O\n\nu O\n\nt O\n")
    records, skipped = build_records(f"{first}{os.pathsep}{second}", ["re3d", "wikigold"],
                                     ["tune", "heldout"], ["written"], None)
    assert {r.text for r in records if r.corpus == "re3d"} == {"first"}
    assert any(r.corpus == "wikigold" for r in records) and not skipped


def test_restaurant8k_joins_first_and_last_name_and_a_missing_start_is_zero(tmp_path):
    from tests.evaluation.public import restaurant8k

    path = tmp_path / "test.json"
    path.write_text(json.dumps([
        {"userInput": {"text": "Lucien Parlet"},
         "context": {"requestedSlots": ["first_name", "last_name"]},
         "labels": [{"slot": "first_name", "valueSpan": {"endIndex": 6}},
                    {"slot": "last_name", "valueSpan": {"startIndex": 7, "endIndex": 13}}]},
        {"userInput": {"text": "a table for 4 at 8pm under Boyle"}, "context": {},
         "labels": [{"slot": "last_name", "valueSpan": {"startIndex": 27, "endIndex": 32}},
                    {"slot": "people", "valueSpan": {"startIndex": 12, "endIndex": 13}},
                    {"slot": "time", "valueSpan": {"startIndex": 17, "endIndex": 20}}]},
        {"userInput": {"text": "Ann, and Lee is the surname"},
         "labels": [{"slot": "first_name", "valueSpan": {"endIndex": 3}},
                    {"slot": "last_name", "valueSpan": {"startIndex": 9, "endIndex": 12}}]}]))
    first, second, third = restaurant8k.read(path, "restaurant8k")
    assert first.text == "Lucien Parlet" and spans(first) == [("Lucien Parlet", "PERSON")]
    assert spans(second) == [("4", "OTHER"), ("8pm", "OTHER"), ("Boyle", "PERSON")]
    # Parted by more than spaces: two names.
    assert spans(third) == [("Ann", "PERSON"), ("Lee", "PERSON")]
    assert (first.doc, second.index) == ("test.json", 1)


def test_nlupp_person_name_is_a_person_and_other_slots_are_other(tmp_path):
    from tests.evaluation.public import nlupp

    path = tmp_path / "fold3.json"
    path.write_text(json.dumps([
        {"text": "can i transfer 700£ to guy kephart in 7 days", "intents": ["transfer"],
         "slots": {"date": {"text": "in 7 days", "span": [35, 44]},
                   "amount_of_money": {"text": "700£", "span": [15, 19]},
                   "person_name": {"text": "guy kephart", "span": [23, 34]}}},
        {"text": "How long does it take to get a new pin?", "intents": ["how_long"]}]))
    first, second = nlupp.read(path, "nlupp")
    assert spans(first) == [("700£", "OTHER"), ("guy kephart", "PERSON"),
                            ("in 7 days", "OTHER")]
    assert second.entities == () and second.doc == f"{tmp_path.name}/fold3.json"


def test_nlupp_tune_is_folds_0_to_9_and_heldout_folds_10_to_19_of_both_domains(tmp_path):
    for domain in ("banking", "hotels"):
        (tmp_path / "nlupp" / domain).mkdir(parents=True)
        for i in range(20):
            (tmp_path / "nlupp" / domain / f"fold{i}.json").write_text(
                json.dumps([{"text": f"{domain} {i}"}]))
    corpus = CORPORA["nlupp"]
    assert corpus.missing(tmp_path) is None
    tune = {s.text for s in corpus.load(tmp_path, "tune")}
    heldout = {s.text for s in corpus.load(tmp_path, "heldout")}
    assert tune == {f"{d} {i}" for d in ("banking", "hotels") for i in range(10)}
    assert heldout == {f"{d} {i}" for d in ("banking", "hotels") for i in range(10, 20)}
    (tmp_path / "nlupp" / "hotels" / "fold19.json").unlink()
    assert "hotels/fold19.json" in corpus.missing(tmp_path)


def test_default_corpora_are_shared_corpora_then_corpora_extra_beside_the_repository(
        monkeypatch):
    from tests.evaluation.public.registry import REPO, default_root

    monkeypatch.delenv("HUSHBEAM_CORPORA", raising=False)
    assert default_root().split(os.pathsep) == [str(REPO.parent / "shared" / "corpora"),
                                                str(REPO.parent / "corpora-extra")]
    monkeypatch.setenv("HUSHBEAM_CORPORA", "/data/corpora")
    assert default_root() == "/data/corpora"


def test_gmb_csv_starts_a_sentence_at_each_number_and_sets_titles_aside(tmp_path):
    from tests.evaluation.public import gmb

    path = tmp_path / "ner_dataset.csv"
    path.write_bytes(b"Sentence #,Word,POS,Tag\r\nSentence: 1,President,NNP,B-per\r\n"
                     b",Bush,NNP,I-per\r\n,met,VBD,O\r\n,Mr.,NNP,B-per\r\n,Annan,NNP,I-per\r\n"
                     b",in,IN,O\r\n,Paris,NNP,B-geo\r\n,\",\",\",\",O\r\n,2006,CD,B-tim\r\n"
                     b"Sentence: 2,Hamid,NNP,B-per\r\n,Karzai,NNP,I-per\r\n,spoke,VBD,O\r\n"
                     b"Sentence: 3,Chavez,NNP,B-per\r\n,says,VBZ,O\r\n")
    first, second, third = gmb.read(path, "gmb")
    assert first.text == "President Bush met Mr. Annan in Paris, 2006"
    assert spans(first) == [("President", "OTHER"), ("Bush", "PERSON"), ("Mr.", "OTHER"),
                            ("Annan", "PERSON"), ("Paris", "OTHER"), ("2006", "OTHER")]
    assert spans(second) == [("Hamid Karzai", "PERSON")] and second.index == 2
    # GMB labels names, not mentions: a lone name opening a sentence is one.
    assert spans(third) == [("Chavez", "PERSON")]


def test_gmb_is_split_in_hash_halves_of_its_one_file(tmp_path):
    (tmp_path / "gmb").mkdir()
    (tmp_path / "gmb" / "ner_dataset.csv").write_text(
        "Sentence #,Word,POS,Tag\n" + "".join(f"Sentence: {i},w{i},NN,O\n" for i in range(40)))
    tune = CORPORA["gmb"].load(tmp_path, "tune")
    heldout = CORPORA["gmb"].load(tmp_path, "heldout")
    assert tune and heldout and len(tune) + len(heldout) == 40
    assert not {s.text for s in tune} & {s.text for s in heldout}


def test_gmb_reader_keeps_names_of_the_real_file_when_present():
    import pytest

    from tests.evaluation.public.registry import default_root

    root = next((r for r in default_root().split(os.pathsep)
                 if not CORPORA["gmb"].missing(r)), None)
    if root is None:
        pytest.skip("GMB file absent")
    sentences = CORPORA["gmb"].load(root, "tune") + CORPORA["gmb"].load(root, "heldout")
    names = [s.text[e.start:e.end] for s in sentences for e in s.entities if e.type == "PERSON"]
    assert len(sentences) == 10928 and len(names) > 3000
    assert not any(n.split()[0] in ("President", "Mr.", "Prime") for n in names)


def test_crossner_people_types_are_person_titles_other_and_party_an_organization(tmp_path):
    from tests.evaluation.public import crossner

    (tmp_path / "politics").mkdir()
    path = tmp_path / "politics" / "dev.txt"
    path.write_text("Sir\tB-politician\nJohn\tI-politician\nKerr\tI-politician\n"
                    "dismissed\tO\nGough\tB-politician\nWhitlam\tI-politician\nof\tO\n"
                    "the\tO\nLabor\tB-politicalparty\nParty\tI-politicalparty\nin\tO\n"
                    "Australia\tB-country\n.\tO\n\nTim\tB-writer\nO\tI-writer\n"
                    "'Brien\tI-writer\nwrote\tO\nDispatches\tB-book\nfor\tO\n"
                    "Kate\tB-person\n\nLord\tB-person\nHopewell\tI-person\nand\tO\n"
                    "I-writer\tB-writer\nI-writer\tI-writer\n")
    first, second, third = crossner.read(path, "crossner")
    assert first.text == "Sir John Kerr dismissed Gough Whitlam of the Labor Party in Australia."
    assert spans(first) == [("Sir", "OTHER"), ("John Kerr", "PERSON"),
                            ("Gough Whitlam", "PERSON"), ("Labor Party", "ORGANIZATION"),
                            ("Australia", "LOCATION")]
    # A writer's name is a name as the authors tokenised it; a book is OTHER.
    assert spans(second) == [("Tim O 'Brien", "PERSON"), ("Dispatches", "OTHER"),
                             ("Kate", "PERSON")]
    assert (first.doc, second.index) == ("politics/dev.txt", 1)
    # A title of nobility is set aside; tag-like tokens labelled a writer are a slip.
    assert spans(third) == [("Lord", "OTHER"), ("Hopewell", "PERSON"),
                            ("I-writer I-writer", "OTHER")]


def test_crossner_tune_is_train_and_dev_and_heldout_test_of_politics_and_literature(
        tmp_path):
    for domain in ("politics", "literature"):
        (tmp_path / "crossner" / domain).mkdir(parents=True)
        for part in ("train", "dev", "test"):
            (tmp_path / "crossner" / domain / f"{part}.txt").write_text(
                f"{domain}\tO\n{part}\tO\n")
    corpus = CORPORA["crossner"]
    assert corpus.missing(tmp_path) is None
    assert {s.text for s in corpus.load(tmp_path, "tune")} == {
        "politics train", "politics dev", "literature train", "literature dev"}
    assert {s.text for s in corpus.load(tmp_path, "heldout")} == {
        "politics test", "literature test"}
    # Two files of the same name in two domains are two docs.
    assert len({s.doc for s in corpus.load(tmp_path, "tune")}) == 4
    (tmp_path / "crossner" / "literature" / "test.txt").unlink()
    assert "literature/test.txt" in corpus.missing(tmp_path)


def _multiwoz_file(tmp_path):
    utterance = "Book the Golden Curry, phone 01223329432, and a taxi to Kings College."
    name, phone, taxi = (utterance.index(v) for v in ("Golden Curry", "0122", "Kings"))
    dialogue = {"dialogue_id": "PMUL0001.json", "turns": [
        {"speaker": "USER", "utterance": utterance, "frames": [
            {"service": "restaurant", "slots": [
                {"slot": "restaurant-name", "start": name, "exclusive_end": name + 12},
                {"slot": "restaurant-phone", "start": phone, "exclusive_end": phone + 11}]},
            {"service": "taxi", "slots": [
                {"slot": "taxi-destination", "start": taxi, "exclusive_end": taxi + 13},
                {"slot": "taxi-departure", "copy_from": "restaurant-name",
                 "value": ["golden curry"]}]}]},
        {"speaker": "SYSTEM", "utterance": "Done.", "frames": []}]}
    path = tmp_path / "dialogues_001.json"
    path.write_text(json.dumps([dialogue]))
    return path


def test_multiwoz_slot_spans_are_other_and_a_copied_slot_has_no_span(tmp_path):
    from tests.evaluation.public import multiwoz
    first, second = multiwoz.read(_multiwoz_file(tmp_path), "multiwoz")
    assert spans(first) == [("Golden Curry", "OTHER"), ("01223329432", "OTHER"),
                            ("Kings College", "OTHER")]
    assert (first.doc, first.index, second.doc, second.index) == \
        ("PMUL0001.json", 0, "PMUL0001.json", 1)
    assert second.text == "Done." and second.entities == ()


def test_multiwoz_words_counts_venue_and_taxi_names_as_words_but_not_phones(tmp_path):
    from tests.evaluation.public import multiwoz
    first, _ = multiwoz.read_words(_multiwoz_file(tmp_path), "multiwoz_words")
    assert spans(first) == [("01223329432", "OTHER")]


def test_multiwoz_tune_is_train_and_heldout_is_test_in_both_readings(tmp_path):
    for part in ("train", "test"):
        (tmp_path / "multiwoz" / part).mkdir(parents=True)
        _multiwoz_file(tmp_path / "multiwoz" / part)
    (tmp_path / "multiwoz" / "test" / "dialogues_001.json").write_text("[]")
    for name in ("multiwoz", "multiwoz_words"):
        assert CORPORA[name].missing(tmp_path) is None
        assert len(CORPORA[name].load(tmp_path, "tune")) == 2
        assert CORPORA[name].load(tmp_path, "heldout") == []


def test_wikineural_drops_the_index_column_sets_a_title_aside_and_reads_the_first_sentences(
        tmp_path):
    path = tmp_path / "val.conllu"
    path.write_text("0\tSir\tB-PER\n1\tAlan\tI-PER\n2\tWren\tI-PER\n3\tvisited\tO\n"
                    "4\tParis\tB-LOC\n5\t.\tO\n\n0\tThe\tO\n1\tTimes\tB-ORG\n\n"
                    "0\tthird\tO\n\n", encoding="utf-8")
    first, second = wikineural.read(path, "wikineural", limit=2)
    assert first.text == "Sir Alan Wren visited Paris."
    assert [(first.text[e.start:e.end], e.type) for e in first.entities] == [
        ("Sir", "OTHER"), ("Alan Wren", "PERSON"), ("Paris", "LOCATION")]
    assert [(second.text[e.start:e.end], e.type) for e in second.entities] == [
        ("Times", "ORGANIZATION")]
    assert len(wikineural.read(path, "wikineural")) == 3


def test_wikineural_tune_is_val_and_heldout_is_test(tmp_path):
    (tmp_path / "wikineural").mkdir()
    (tmp_path / "wikineural" / "val.conllu").write_text("0\talpha\tO\n")
    (tmp_path / "wikineural" / "test.conllu").write_text("0\tgamma\tO\n")
    corpus = CORPORA["wikineural"]
    assert [s.text for s in corpus.load(tmp_path, "tune")] == ["alpha"]
    assert [s.text for s in corpus.load(tmp_path, "heldout")] == ["gamma"]


def test_uner_keeps_the_written_text_points_entities_at_it_and_sets_a_title_aside(tmp_path):
    path = tmp_path / "en_pud-ud-test.iob2"
    path.write_text(
        "# newdoc id = n01\n# sent_id = n01-0001\n# text = “Yes,” said Dr Ada Lark in Oslo.\n"
        "1\t“\tO\t-\t-\n2\tYes\tO\t-\t-\n3\t,\tO\t-\t-\n4\t”\tO\t-\t-\n5\tsaid\tO\t-\t-\n"
        "6\tDr\tB-PER\t-\tx\n7\tAda\tI-PER\t-\tx\n8\tLark\tI-PER\t-\tx\n9\tin\tO\t-\t-\n"
        "10\tOslo\tB-LOC\t-\tx\n11\t.\tO\t-\t-\n\n"
        "# sent_id = n01-0002\n# text = She left.\n1\tShe\tO\t-\t-\n2\tleft\tO\t-\t-\n"
        "3\t.\tO\t-\t-\n\n"
        "# newdoc id = w02\n# sent_id = w02-0001\n# text = Mismatch here\n"
        "1\tAcme\tB-ORG\t-\tx\n2\tsells\tO\t-\t-\n\n", encoding="utf-8")
    first, second, third = uner.read(path, "uner_pud")
    assert first.text == "“Yes,” said Dr Ada Lark in Oslo."
    assert spans(first) == [("Dr", "OTHER"), ("Ada Lark", "PERSON"), ("Oslo", "LOCATION")]
    assert (first.doc, first.index, second.doc, second.index) == ("n01", 0, "n01", 1)
    # A text line that does not hold the tokens: the sentence is rebuilt from them.
    assert third.doc == "w02" and third.text == "Acme sells"
    assert spans(third) == [("Acme", "ORGANIZATION")]


def test_uner_pud_is_split_into_hash_halves_of_its_one_file(tmp_path):
    (tmp_path / "uner_pud").mkdir()
    lines = []
    for i in range(40):
        lines += [f"# newdoc id = n{i}", f"# sent_id = n{i}-1", f"# text = word{i}",
                  f"1\tword{i}\tO\t-\t-", ""]
    (tmp_path / "uner_pud" / "en_pud-ud-test.iob2").write_text("\n".join(lines))
    corpus = CORPORA["uner_pud"]
    tune = {s.text for s in corpus.load(tmp_path, "tune")}
    heldout = {s.text for s in corpus.load(tmp_path, "heldout")}
    assert tune and heldout and not tune & heldout and len(tune | heldout) == 40


def test_uner_ewt_tunes_on_the_dev_file_and_holds_out_the_test_file(tmp_path):
    (tmp_path / "uner_ewt").mkdir()
    for name, word in (("en_ewt-ud-dev.iob2", "alpha"), ("en_ewt-ud-test.iob2", "gamma")):
        (tmp_path / "uner_ewt" / name).write_text(
            f"# newdoc id = email-1\n# sent_id = email-1-0001\n# text = {word}\n"
            f"1\t{word}\tO\t-\t-\n\n", encoding="utf-8")
    corpus = CORPORA["uner_ewt"]
    assert corpus.missing(tmp_path) is None
    assert [s.text for s in corpus.load(tmp_path, "tune")] == ["alpha"]
    assert [s.text for s in corpus.load(tmp_path, "heldout")] == ["gamma"]


def test_wikineural_fr_joins_elided_articles_and_keeps_the_entity_on_the_name(tmp_path):
    path = tmp_path / "val.conllu"
    path.write_text("0\tL'\tO\n1\téquipe\tO\n2\td'\tO\n3\tArnaud\tB-PER\n4\tDupré\tI-PER\n"
                    "5\tjusqu'\tO\n6\tà\tO\n7\tLyon\tB-LOC\n8\t.\tO\n", encoding="utf-8")
    (first,) = wikineural.read_fr(path, "wikineural_fr")
    assert first.text == "L'équipe d'Arnaud Dupré jusqu'à Lyon."
    assert spans(first) == [("Arnaud Dupré", "PERSON"), ("Lyon", "LOCATION")]


def test_english_text_is_joined_as_before_without_elision():
    assert build(["rock", "'n'", "roll", "o'"], [])[0] == "rock 'n' roll o'"
    assert build(["rock", "'n'", "roll"], [], elision=True)[0] == "rock 'n' roll"


def test_wikineural_fr_records_say_french_in_the_language_field(tmp_path):
    from tests.evaluation.public.evaluate import build_records
    (tmp_path / "wikineural_fr").mkdir()
    (tmp_path / "wikineural_fr" / "val.conllu").write_text("0\tbonjour\tO\n",
                                                             encoding="utf-8")
    (tmp_path / "wikineural_fr" / "test.conllu").write_text("0\tsalut\tO\n", encoding="utf-8")
    records, _ = build_records(tmp_path, ["wikineural_fr"], ["tune"], ["written", "speech"],
                               None)
    assert [r.as_export()["language"] for r in records] == ["fr", "fr"]
    (tmp_path / "wikineural").mkdir()
    (tmp_path / "wikineural" / "val.conllu").write_text("0\thello\tO\n", encoding="utf-8")
    (tmp_path / "wikineural" / "test.conllu").write_text("0\thi\tO\n", encoding="utf-8")
    english, _ = build_records(tmp_path, ["wikineural"], ["tune"], ["written"], None)
    assert "language" not in english[0].as_export()  # left to the stop-word vote
