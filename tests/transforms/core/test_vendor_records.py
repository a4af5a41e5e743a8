"""What the stages do with a vendor's record: its ids pseudonymized, its display names found
again in the text and checked by the guard, its turns and analytics in Parquet, its
columns mapped by the policy's ``csvColumns``."""
import pyarrow as pa
import pytest

from transforms.core.arrow_rows import arrow_schema, to_row
from transforms.core.elements import conversation
from transforms.core.leak_finder import LeakFinder
from transforms.core.nested_values import scanned_strings, with_scanned_strings
from transforms.core.policy import PolicyError, load_policy, parse_policy
from transforms.core.spans import NAME, KnownIdentifier, find_known
from transforms.core.structured_fields import pseudonymize_fields

POLICY = load_policy()
TURNS = [{"role": "agent", "begin_ms": 1234567, "text": "call 415 555 2671"},
         {"role": "customer", "begin_ms": None, "text": "ok"}]


def test_a_vendor_conversation_id_becomes_a_token_and_is_known_for_text_and_guard(
        pseudonymizer):
    fields, known, raw, counts, tokens = pseudonymize_fields(
        {"conversation_id": "5F1D-contact"}, POLICY, pseudonymizer, ["conversation_id"])
    assert fields["conversation_id"] == pseudonymizer.pseudonym("CONVERSATION_ID",
                                                                "5f1d-contact")
    assert (raw, dict(counts), len(tokens)) == (["5F1D-contact"], {"CONVERSATION_ID": 1}, 1)
    assert known[0].entity == "CONVERSATION_ID"


def test_a_canonical_conversation_id_stays_as_the_policy_says(pseudonymizer):
    fields, *_ = pseudonymize_fields({"conversation_id": "c1"}, POLICY, pseudonymizer)
    assert fields["conversation_id"] == "c1"


def test_a_records_display_names_are_known_and_its_format_counted():
    element = conversation("f.json", 1, {"conversation_id": "c"}, ("Jane Doe", "Jane"), (),
                           "contact-lens")
    assert element["known"] == [KnownIdentifier("PERSON", NAME, "Jane Doe"),
                                KnownIdentifier("PERSON", NAME, "Jane")]
    assert element["counts"] == {"input_formats": {"contact-lens": 1}}
    assert conversation("f.json", 1, {})["counts"] == {}


def test_a_display_name_is_found_as_a_word_in_any_case_but_not_inside_an_email():
    known = [KnownIdentifier("PERSON", NAME, "Jane")]
    spans = find_known("JANE wrote from jane.doe@example.com, thanks Jane.", known, "US")
    assert [(s.start, s.end, s.entity, s.canonical) for s in spans] == [
        (0, 4, "PERSON", None), (45, 49, "PERSON", None)]


def test_the_guard_holds_back_a_display_name_left_as_a_word_only():
    finder = LeakFinder(POLICY)
    known = [KnownIdentifier("PERSON", NAME, "Mark")]
    assert finder.find(["thanks, mark"], known, []) == ["own_name"]
    assert finder.find(["the market is marked <PERSON>"], known, []) == []
    person = [KnownIdentifier("PERSON", NAME, "Person")]
    assert finder.find(["<PERSON> called about [NAME]"], person, []) == []


def test_only_the_texts_of_turns_are_scanned_and_their_offsets_stay_integers():
    assert scanned_strings("turns", TURNS) == ["agent: call 415 555 2671\ncustomer: ok"]
    out = with_scanned_strings("turns", TURNS, ["agent: call <PHONE>\ncustomer: ok"])
    assert out == [dict(TURNS[0], text="call <PHONE>"), TURNS[1]]
    analytics = {"talk_time_ms": {"total": 168139}, "categories": ["refund"]}
    assert scanned_strings("analytics", analytics) == ["refund"]
    assert with_scanned_strings("analytics", analytics, ["<X>"]) == {
        "talk_time_ms": {"total": 168139}, "categories": ["<X>"]}


def test_turns_are_a_list_of_structs_in_parquet_and_analytics_a_json_string():
    schema = arrow_schema(POLICY, {})
    assert schema.field("turns").type == pa.list_(pa.struct(
        [("role", pa.string()), ("begin_ms", pa.int64()), ("text", pa.string())]))
    row = to_row({"turns": TURNS, "analytics": {"duration_ms": 9000}}, POLICY)
    table = pa.Table.from_pylist([row], schema=schema)
    assert table.column("turns").to_pylist() == [TURNS]
    assert table.column("analytics").to_pylist() == ['{"duration_ms": 9000}']


def test_csv_columns_map_headers_to_canonical_fields_and_typos_are_refused():
    policy = parse_policy({"extends": "default", "csvColumns": {
        "Contact ID": "conversation_id", "ANI": "phoneNumber"}})
    assert policy.csv_columns == (("Contact ID", "conversation_id"), ("ANI", "phoneNumber"))
    assert load_policy().csv_columns == ()
    with pytest.raises(PolicyError, match=r"csvColumns\.ANI: 'phone_number' is not a "
                                          r"canonical field.*did you mean 'phoneNumber'"):
        parse_policy({"extends": "default", "csvColumns": {"ANI": "phone_number"}})
    with pytest.raises(PolicyError, match="the same column as 'ani'"):
        parse_policy({"extends": "default",
                      "csvColumns": {"ani": "phoneNumber", "ANI ": "phoneNumber"}})
    with pytest.raises(PolicyError, match="csvColumns: must be a mapping"):
        parse_policy({"extends": "default", "csvColumns": ["ANI"]})


def test_a_complete_policy_without_extends_may_omit_csv_columns_only():
    import yaml

    from transforms.core.policy.defaults import default_policy_text

    complete = yaml.safe_load(default_policy_text())
    del complete["csvColumns"]
    assert parse_policy(complete, source="complete.yaml").csv_columns == ()
    del complete["urlStripping"]
    with pytest.raises(PolicyError, match="omits urlStripping"):
        parse_policy(complete, source="complete.yaml")
