"""A subject's pseudonym written only in a turn's text is found by erasure and subject
access, and re-keyed; ``turns`` keeps its type and its offsets."""
import pyarrow as pa

from transforms.core.arrow_rows import arrow_schema, to_row
from transforms.core.policy import load_policy
from transforms.datasets.dataset import text_columns, write_part
from transforms.datasets.rekey import swapped_table
from transforms.datasets.subjects import linked_rows, row_pseudonyms

PHONE = "PHONE#k1:" + "a" * 26
OTHER = "EMAIL#k1:" + "b" * 26
POLICY = load_policy()


def _table():
    rows = [{"conversation_id": "c1", "turns": [
                {"role": "customer", "begin_ms": 4500, "text": f"call me on {PHONE}"}]},
            {"conversation_id": "c2", "emailAddress": OTHER, "turns": None}]
    return pa.Table.from_pylist([to_row(r, POLICY) for r in rows],
                                schema=arrow_schema(POLICY, {}))


def test_pseudonyms_inside_turns_belong_to_their_row(tmp_path):
    table = _table()
    assert "turns" in text_columns(table)
    assert row_pseudonyms(table.to_pylist()[0], text_columns(table)) == {PHONE}
    write_part(table, tmp_path / "part-00000-of-00001.parquet")
    matches, _ = linked_rows(tmp_path, {PHONE}, ["phoneNumber", "emailAddress"])
    assert list(matches.values()) == [[0]]


def test_re_keying_swaps_pseudonyms_in_turns_and_keeps_their_type_and_offsets():
    table = _table()
    new = swapped_table(table, lambda m: "PHONE#k2:" + "c" * 26 if m.group(0) == PHONE
                        else m.group(0))
    assert new.schema == table.schema
    assert new.column("turns").to_pylist()[0] == [
        {"role": "customer", "begin_ms": 4500, "text": "call me on PHONE#k2:" + "c" * 26}]
    assert new.column("emailAddress").to_pylist() == [None, OTHER]
