"""The count algebra of a run summary, without a pipeline."""
import functools

import pytest

from transforms.core import summary_counts as sc

ITEMS = [("read", "a.jsonl"), ("read", "a.jsonl"), ("read", "b.jsonl"), ("read", None),
         ("written", {"entities": {"PERSON": 2, "EMAIL": 1}}),
         ("excerpt", {"key": 7, "text": "hi <PERSON>"}),
         ("written", {"entities": {"PERSON": 1}, "fields": {"email": 1}}),
         ("quarantined", ("leak:EMAIL", {"id": "c-9", "at": "a.jsonl:2"})),
         ("dead_lettered", "invalid_json"),  # a reason alone: counted, no id kept
         ("joined", "b.jsonl")]  # a part of b.jsonl merged into another's record


def _accumulate(items, track_sources=False):
    return functools.reduce(sc.add, items, sc.empty(track_sources))


def test_items_add_up_to_totals_counts_by_type_and_reasons():
    out = sc.finished(_accumulate(ITEMS))
    assert out == {"records_read": 4, "records_written": 2, "records_quarantined": 1,
                   "records_dead_lettered": 1, "parts_joined": 1,
                   "counts": {"entities": {"PERSON": 3, "EMAIL": 1}, "fields": {"email": 1}},
                   "quarantine_reasons": {"leak:EMAIL": 1},
                   "dead_letter_reasons": {"invalid_json": 1}, "counts_conserved": True,
                   "samples": {"quarantine": {"leak:EMAIL": [{"id": "c-9", "at": "a.jsonl:2"}]},
                               "dead_letters": {},
                               "excerpts": [{"key": 7, "text": "hi <PERSON>"}]}}


def test_sources_are_counted_only_when_tracked_and_only_when_known():
    assert "sources" not in _accumulate(ITEMS)
    assert _accumulate(ITEMS, track_sources=True)["sources"] == {"a.jsonl": 2, "b.jsonl": 2}


@pytest.mark.parametrize("split", [1, 3, 5, 7])
def test_merging_partial_accumulators_equals_accumulating_everything(split):
    whole = _accumulate(ITEMS, True)
    parts = [_accumulate(ITEMS[:split], True), _accumulate(ITEMS[split:], True)]
    assert sc.merge(parts, track_sources=True) == whole
    assert sc.merge(reversed(parts), track_sources=True) == whole
    assert sc.merge([], track_sources=True) == sc.empty(track_sources=True)


def test_a_read_item_without_a_fate_is_not_conserved():
    assert not sc.counts_conserved(_accumulate(ITEMS + [("read", "c.jsonl")]))
    assert not sc.finished(_accumulate([("written", {})]))["counts_conserved"]
    assert sc.counts_conserved(sc.empty())


def test_an_earlier_summary_counts_as_an_accumulator_even_without_sources():
    summary = dict(sc.finished(_accumulate(ITEMS)), run_id="r", files=["part"])
    earlier = sc.counted(summary)
    assert set(earlier) == set(sc.COUNTED) and earlier["sources"] == {}
    merged = sc.finished(sc.merge([earlier, _accumulate(ITEMS, True)], track_sources=True))
    assert merged["records_read"] == 8 and merged["counts"]["entities"]["PERSON"] == 6
    assert merged["parts_joined"] == 2
    older = {k: v for k, v in summary.items() if k != "parts_joined"}  # before joins
    assert sc.merge([sc.counted(older)], track_sources=True)["parts_joined"] == 0
    assert merged["counts_conserved"]


def test_merging_many_accumulators_keeps_the_samples_of_accumulating_everything():
    from transforms.core.report.samples import MAX_EXCERPTS, MAX_IDS

    many = [("quarantined", ("leak:EMAIL", {"id": f"c-{n % 7}{n}", "at": f"a.jsonl:{n}"}))
            for n in range(3 * MAX_IDS)]
    many += [("excerpt", {"key": (n * 37) % 11, "text": f"t{n}"}) for n in range(3 * MAX_EXCERPTS)]
    one_each = [_accumulate([item], True) for item in many]
    assert sc.merge(one_each, track_sources=True) == _accumulate(many, True)
    assert sc.merge(iter(one_each), track_sources=True) == _accumulate(many, True)  # one pass


@pytest.mark.parametrize("track_sources", [False, True])
def test_a_partial_summary_item_adds_what_its_items_would_have_added(track_sources):
    written = [i for i in ITEMS if i[0] in ("written", "excerpt")]
    others = [i for i in ITEMS if i[0] not in ("written", "excerpt")]
    partial = sc.finished(_accumulate(written))  # as SumWritten's CombineGlobally yields it
    summed = _accumulate(others[:2] + [("summary", partial)] + others[2:], track_sources)
    assert summed == _accumulate(ITEMS, track_sources)
    assert sc.finished(summed)["counts_conserved"]
