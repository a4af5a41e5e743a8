"""The names a run leaves on storage: pinned, so datasets written before still load."""
import fnmatch
import json

import pytest

from transforms.datasets import layout


@pytest.mark.parametrize("name, on_disk", [
    (layout.SUMMARY, "_summary.json"),
    (layout.JOB, "_job.json"),
    (layout.RECEIPTS, "_erasures"),
    (layout.MANIFEST, "_manifest.json"),
    (layout.RECIPIENT, "_recipient.pem"),
    (layout.AUDIT_LOG, "_audit.jsonl"),
    (layout.audit_head_name(layout.AUDIT_LOG), "_audit.jsonl.head"),
    (layout.part_name(1, 4), "part-00001-of-00004.parquet"),
    (layout.part_name(0, 1, layout.late_suffix(2)), "part-00000-of-00001.late-2.parquet"),
    (layout.sealed_name(layout.TOKEN), "tokens/part-00000-of-00001.sealed.jsonl"),
    (layout.sealed_name(layout.DEAD_LETTER, layout.late_suffix(1)),
     "dead_letters/part-00000-of-00001.late-1.sealed.jsonl"),
    (layout.sealed_name(layout.QUARANTINE), "quarantine/part-00000-of-00001.sealed.jsonl"),
    (layout.window_dirname("20260301T100000Z"), "window=20260301T100000Z"),
    (layout.receipt_name("abc"), "erasure-abc.json"),
])
def test_names_on_disk_are_the_ones_existing_datasets_use(name, on_disk):
    assert name == on_disk


def test_every_part_name_matches_the_part_glob_and_sorts_in_shard_order():
    names = [layout.part_name(shard, 12) for shard in (10, 2, 0, 11)]
    assert all(fnmatch.fnmatch(n, layout.PART_GLOB) for n in names)
    assert sorted(names) == [layout.part_name(s, 12) for s in (0, 2, 10, 11)]


def test_every_sealed_name_is_in_its_kinds_folder_and_matched_by_the_vault_globs():
    for kind, folder in layout.VAULT_FOLDERS.items():
        name = layout.sealed_name(kind, layout.late_suffix(3))
        assert name.startswith(folder + "/")
        assert fnmatch.fnmatch(name, layout.ALL_SEALED_GLOB)
        assert fnmatch.fnmatch(name, layout.VAULT_OUTPUTS[0])


def test_temporary_names_are_hidden_and_never_taken_for_a_part_or_the_summary():
    for temp in (layout.temp_name(layout.part_name(0, 1)), layout.temp_name(layout.SUMMARY),
                 layout.pending_name(layout.PARQUET_SUFFIX),
                 layout.pending_name(layout.SEALED_SUFFIX)):
        assert temp.startswith(".")
        assert not fnmatch.fnmatch(temp, layout.PART_GLOB)
        assert temp != layout.SUMMARY
    assert layout.pending_name(".x") != layout.pending_name(".x")


def test_window_ids_round_trip_through_the_directory_name_and_other_names_are_not_windows():
    assert layout.window_id_of(layout.window_dirname("20260301T100000Z")) == "20260301T100000Z"
    assert layout.window_id_of("_erasures") is None
    assert fnmatch.fnmatch(layout.window_dirname("x") + "/" + layout.SUMMARY,
                           layout.in_every_window(layout.SUMMARY))


def test_json_documents_are_sorted_indented_and_end_with_a_newline():
    data = layout.json_document({"b": 1, "a": {"d": 2, "c": 3}})
    assert data.endswith(b"}\n")
    assert data.decode().splitlines()[1] == '  "a": {'
    assert json.loads(data) == {"a": {"c": 3, "d": 2}, "b": 1}


def test_parquet_metadata_takes_the_run_id_given_not_the_header_one():
    header = {"policy_digest": "sha256:p", "key_id": "k", "key_version": 2,
              "run_id": "job", "pseudonym_format": "v1", "records_read": 9}
    meta = layout.parquet_metadata(header, "job:20260301T100000Z")
    assert meta == {"hushbeam.policy_digest": "sha256:p", "hushbeam.key_id": "k",
                    "hushbeam.key_version": 2, "hushbeam.run_id": "job:20260301T100000Z",
                    "hushbeam.pseudonym_format": "v1"}
    rekeyed = layout.rekeyed_metadata("k2", 3, "new", "old")
    assert set(rekeyed) <= set(meta) | {"hushbeam.rekeyed_from_run_id"}
    assert rekeyed["hushbeam.key_version"] == "3"
