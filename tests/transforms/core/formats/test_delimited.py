import pytest

from tests.transforms.core.formats.vendor_support import read
from transforms.core.formats import registry
from transforms.core.formats.settings import FormatSettings

CSV = (b"Contact ID,Started,channel,ANI,Transcript,sentiment_score,Queue\r\n"
       b'c-1,2025-01-17T10:00:00Z,voice,(415) 555-3190,"agent: hi,\nhow can I help?",0.25,'
       b"billing\r\n"
       b"c-2,,chat,,,,\r\n"
       b"c-3,,chat,,,not a number,\r\n"
       b"c-4,,chat,,,,,extra\r\n"
       b",,,,,,\r\n")
COLUMNS = FormatSettings(columns=(("contact id", "conversation_id"), ("ANI", "phoneNumber"),
                                  ("Transcript", "transcript_text"), ("Started", "start_time")))


def test_columns_map_to_canonical_fields_through_the_policy_and_by_their_own_name():
    items = read(CSV, settings=COLUMNS)
    assert items[0].input_format == "csv-tsv"
    assert items[0].record == {"conversation_id": "c-1", "start_time": "2025-01-17T10:00:00Z",
                               "channel": "voice", "phoneNumber": "(415) 555-3190",
                               "transcript_text": "agent: hi,\nhow can I help?",
                               "sentiment_score": 0.25, "Queue": "billing"}
    assert items[1].record == {"conversation_id": "c-2", "channel": "chat"}


def test_a_bad_number_an_extra_cell_and_an_unmapped_id_are_dead_letters_per_row():
    items = read(CSV, settings=COLUMNS)
    assert [(i.position, i.reason) for i in items[2:]] == [
        (3, "ill_typed_field:sentiment_score"), (4, "extra_cells")]
    assert {i.reason for i in read(CSV)} == {"missing_conversation_id", "extra_cells"}


def test_a_tab_separated_file_is_read_the_same_way():
    tsv = b"conversation_id\tnotes\nt-1\tcall back, please\n"
    assert [i.record for i in read(tsv)] == [{"conversation_id": "t-1",
                                              "notes": "call back, please"}]


@pytest.mark.parametrize("head, expected", [(b"conversation_id,notes\n", True),
                                            (b"not json at all", False),
                                            (b'{"a": "b, c"}', False), (b"[1, 2]", False)])
def test_only_a_header_with_separators_looks_like_csv(head, expected):
    assert registry.get("csv-tsv").sniff(head) is expected


def test_a_first_line_that_is_no_header_leaves_the_file_to_json_lines():
    data = b'oops, "broken\n{"conversation_id": "c1"}\n'
    assert [(i.input_format, i.reason) for i in read(data)] == [("json-lines", "invalid_json"),
                                                                ("json-lines", None)]
