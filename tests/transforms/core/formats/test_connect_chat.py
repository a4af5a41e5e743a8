import copy

from tests.transforms.core.formats.test_contact_lens import CHAT
from tests.transforms.core.formats.vendor_support import only_record, strings

S3_EXPORT = {"Version": "2019-08-26", "AWSAccountId": "111122223333",
             "InstanceId": "inst-42", "InitialContactId": "initial-7", "ContactId": "contact-9",
             "Participants": [{"ParticipantId": "p-c"}],
             "Transcript": copy.deepcopy(CHAT["Transcript"])}


def test_the_s3_chat_transcript_is_read_with_the_contact_lens_items():
    item = only_record(S3_EXPORT)
    assert item.input_format == "connect-chat-transcript"
    assert [t["role"] for t in item.record["turns"]] == ["system", "customer"]
    assert (item.record["conversation_id"], item.record["channel"]) == ("contact-9", "chat")
    assert item.names == ("Marisol", "Marisol Quintero", "Quintero")


def test_its_envelope_ids_are_not_copied_and_the_initial_contact_stands_in_for_a_missing_one():
    assert not any(v in strings(only_record(S3_EXPORT).record)
                   for v in ("111122223333", "inst-42", "initial-7"))
    doc = dict(S3_EXPORT)
    del doc["ContactId"]
    assert only_record(doc).record["conversation_id"] == "initial-7"
