import copy
import json

from tests.transforms.core.formats.vendor_support import only_record, read, strings


def _session(media, **extra):
    return dict({"mediaType": media, "sessionId": "sess-1", "peerId": "peer-1",
                 "segments": [{"segmentStart": "2025-01-15T15:00:01.000Z",
                               "queueId": "queue-1", "disconnectType": "peer",
                               "segmentType": "interact"}]}, **extra)


DETAIL = {
    "conversationId": "conv-1", "conversationStart": "2025-01-15T15:00:00.000Z",
    "originatingDirection": "inbound", "divisionIds": ["division-1"],
    "participants": [
        {"participantId": "part-1", "participantName": "Marisol Quintero", "purpose": "customer",
         "externalContactId": "ext-contact-1",
         "sessions": [_session("voice", direction="inbound", ani="tel:+14155553190",
                               dnis="tel:+18005550100", remote="Marisol Quintero",
                               edgeId="edge-1")]},
        {"participantId": "part-2", "participantName": "Billing Queue", "purpose": "acd",
         "sessions": [_session("voice", ani="tel:+14155553190")]},
        {"participantId": "part-3", "participantName": "Devon Achterberg", "purpose": "agent",
         "userId": "user-1",
         "sessions": [_session("voice", direction="inbound", ani="tel:+14155553190",
                               dnis="sip:+18005550100@10.0.0.1;user=phone",
                               metrics=[{"name": "tTalk", "value": 356000},
                                        {"name": "tTalk", "value": 4000},
                                        {"name": "Marisol", "value": 1}],
                               segments=[{"segmentType": "wrapup", "wrapUpCode": "code-1",
                                          "wrapUpNote": "Call Marisol back after 5pm."}])]}]}
TRANSCRIPT = {
    "organizationId": "org-1", "conversationId": "conv-1", "communicationId": "comm-1",
    "mediaType": "call", "conversationStartTime": 1736953200000,
    "uri": "s3://genesys-bucket/t/conv-1.json",
    "participants": [{"participantPurpose": "external", "ani": "tel:+14155553190",
                      "initialDirection": "inbound"},
                     {"participantPurpose": "internal", "userId": "user-1"}],
    "transcripts": [{"transcriptId": "tr-1", "language": "en-US", "phrases": [
        {"text": "Devon speaking.", "participantPurpose": "internal",
         "startTimeMs": 1736953202000, "words": [{"word": "Devon"}]},
        {"text": "Hi, Marisol here.", "participantPurpose": "external",
         "startTimeMs": 1736953204500, "decoratedText": "Hi, Marisol here."}],
        "analytics": {"topics": [{"topicName": "Callback", "topicId": "topic-1",
                                  "transcriptPhrase": "Marisol here"}],
                      "sentiment": [{"participant": "external", "sentiment": 0.5},
                                    {"participant": "external", "sentiment": 0.2}]}}]}
IDS = ("part-1", "part-2", "user-1", "sess-1", "peer-1", "queue-1", "division-1", "edge-1",
       "code-1", "org-1", "comm-1", "tr-1", "topic-1", "genesys-bucket", "10.0.0.1",
       "+18005550100")


def test_a_detail_record_gives_the_customers_phone_names_contact_and_wrap_up_note():
    item = only_record(DETAIL)
    record = item.record
    assert item.input_format == "genesys-cloud"
    assert (record["conversation_id"], record["start_time"], record["channel"]) == (
        "conv-1", "2025-01-15T15:00:00.000Z", "voice")
    assert (record["phoneNumber"], record["customerID"]) == ("+14155553190", "ext-contact-1")
    assert record["notes"] == "Call Marisol back after 5pm."
    assert item.names == ("Marisol Quintero", "Marisol", "Quintero", "Devon Achterberg",
                          "Devon", "Achterberg")
    assert record["analytics"] == {"direction": "inbound", "media_types": ["voice"],
                                   "metrics": {"tTalk": 360000}, "disconnect_types": ["peer"]}


def test_ids_of_users_queues_sessions_and_the_dialled_numbers_are_never_copied():
    record = strings(only_record(DETAIL).record) + strings(only_record(TRANSCRIPT).record)
    assert [v for v in IDS if v in record] == []
    assert "Billing Queue" not in record


def test_an_outbound_call_takes_the_customers_number_from_dnis():
    detail = copy.deepcopy(DETAIL)
    detail["participants"][0]["sessions"][0].update(direction="outbound",
                                                    ani="tel:+18005550100",
                                                    dnis="tel:+16175550142")
    detail["participants"][1]["sessions"][0]["direction"] = "outbound"
    assert only_record(detail).record["phoneNumber"] == "+16175550142"


def test_callback_numbers_and_an_email_session_give_phones_and_the_email():
    detail = copy.deepcopy(DETAIL)
    detail["participants"][0]["sessions"] = [
        _session("callback", callbackNumbers=["+13175202754", "+13175202755"],
                 callbackUserName="Chris Customer"),
        _session("email", direction="inbound", addressFrom="chris@example.org",
                 addressTo="support@example.com")]
    item = only_record(detail)
    assert item.record["phoneNumber"] == ["+13175202754", "+13175202755", "+14155553190"]
    assert item.record["emailAddress"] == "chris@example.org"
    assert item.record["channel"] == "callback"
    assert "Chris" in item.names and "Customer" not in item.names


def test_a_query_result_gives_one_record_per_conversation():
    other = dict(copy.deepcopy(DETAIL), conversationId="conv-2")
    items = read({"conversations": [DETAIL, other, 42], "totalHits": 3})
    assert [(i.position, i.reason, i.record and i.record["conversation_id"]) for i in items] == [
        (1, None, "conv-1"), (2, None, "conv-2"), (3, "not_genesys-cloud", None)]


def test_a_transcript_gives_turns_with_offsets_from_the_conversation_start():
    record = only_record(TRANSCRIPT).record
    assert record["turns"] == [{"role": "agent", "begin_ms": 2000, "text": "Devon speaking."},
                               {"role": "customer", "begin_ms": 4500,
                                "text": "Hi, Marisol here."}]
    assert (record["phoneNumber"], record["channel"], record["language"]) == (
        "+14155553190", "voice", "en-US")
    assert record["analytics"] == {"categories": ["Callback"], "sentiment": {"customer": 0.35}}
    assert record["sentiment_score"] == 0.35


def test_a_detail_record_and_its_transcript_in_one_file_are_one_joined_record():
    data = (json.dumps(TRANSCRIPT) + "\n" + json.dumps(DETAIL, indent=2) + "\n").encode()
    (item,) = read(data)
    assert item.record["turns"][1]["text"] == "Hi, Marisol here."
    assert item.record["notes"] == "Call Marisol back after 5pm."
    assert "Marisol Quintero" in item.names


def test_a_part_without_a_conversation_id_is_a_dead_letter():
    detail = dict(DETAIL)
    del detail["conversationId"]
    items = read({"conversations": [detail]})
    assert [(i.position, i.reason) for i in items] == [(1, "missing_conversation_id")]
