import copy
import json

from tests.transforms.core.formats.vendor_support import only_record, read, strings

ACCOUNT, INSTANCE, CONTACT = "111122223333", "9a8b7c6d-5e4f-4a3b", "5f1d2c3b-0a9e-4c7d"
BUCKET = "s3://amazon-connect-111122223333/CallRecordings/x.wav"
VOICE = {
    "Version": "1.1.0", "AccountId": ACCOUNT, "Channel": "VOICE", "LanguageCode": "en-US",
    "ContentMetadata": {"Output": "Raw"},
    "Participants": [{"ParticipantId": "A-1", "ParticipantRole": "AGENT"},
                     {"ParticipantId": "C-1", "ParticipantRole": "CUSTOMER"}],
    "Categories": {"MatchedCategories": ["claim"], "MatchedDetails": {"claim": {}}},
    "ConversationCharacteristics": {
        "TotalConversationDurationMillis": 9000,
        "Sentiment": {"OverallSentiment": {"AGENT": 1, "CUSTOMER": -2.5}},
        "TalkTime": {"TotalTimeMillis": 8000,
                     "DetailsByParticipant": {"AGENT": {"TotalTimeMillis": 5000},
                                              "CUSTOMER": {"TotalTimeMillis": 3000}}}},
    "CustomerMetadata": {"ContactId": CONTACT, "InstanceId": INSTANCE, "InputS3Uri": BUCKET},
    "Transcript": [
        {"BeginOffsetMillis": 0, "EndOffsetMillis": 900, "Content": "Hello, Devon here.",
         "Id": "turn-1", "ParticipantId": "A-1", "LoudnessScore": [70.0],
         "IssuesDetected": [{"Text": "Devon here"}]},
        {"BeginOffsetMillis": 1200, "EndOffsetMillis": 3000, "Content": "Hi, Marisol speaking.",
         "Id": "turn-2", "ParticipantId": "C-1",
         "Redaction": {"RedactedTimestamps": [{"BeginOffsetMillis": 1500}]}}],
}
CHAT = {
    "Version": "CHAT-2022-11-30", "AccountId": ACCOUNT, "Channel": "CHAT",
    "ContentMetadata": {"Output": "Redacted", "RedactionTypes": ["PII"]},
    "CustomerMetadata": {"ContactId": CONTACT, "InstanceId": INSTANCE, "InputS3Uri": BUCKET},
    "ConversationCharacteristics": {"Sentiment": {"OverallSentiment": {
        "DetailsByParticipantRole": {"AGENT": 1.1538461538461537, "CUSTOMER": 5}}}},
    "Participants": [{"DisplayName": "Marisol Quintero", "ParticipantId": "p-c"},
                     {"DisplayName": "SYSTEM_MESSAGE", "ParticipantId": "p-s"}],
    "Transcript": [
        {"AbsoluteTime": "2022-10-27T03:31:50.735Z", "Type": "EVENT", "DisplayName": "Marisol",
         "ContentType": "application/vnd.amazonaws.connect.event.participant.joined",
         "ParticipantId": "p-c", "ParticipantRole": "CUSTOMER", "Id": "i-1"},
        {"AbsoluteTime": "2022-10-27T03:31:53.390Z", "Type": "MESSAGE", "Content": "Welcome.",
         "DisplayName": "SYSTEM_MESSAGE", "ParticipantRole": "SYSTEM", "ParticipantId": "p-s"},
        {"AbsoluteTime": "2022-10-27T03:32:00.000Z", "Type": "MESSAGE",
         "Content": "I'm [PII], my order is late.", "DisplayName": "Marisol Quintero",
         "ParticipantRole": "CUSTOMER", "ParticipantId": "p-c",
         "Redaction": {"CharacterOffsets": [{"BeginOffsetChar": 4, "EndOffsetChar": 9}]}}],
}


def test_voice_turns_take_their_role_from_participants_and_keep_their_offsets():
    item = only_record(VOICE)
    assert item.input_format == "contact-lens"
    assert item.record["turns"] == [
        {"role": "agent", "begin_ms": 0, "text": "Hello, Devon here."},
        {"role": "customer", "begin_ms": 1200, "text": "Hi, Marisol speaking."}]
    assert (item.record["channel"], item.record["language"]) == ("voice", "en-US")


def test_chat_turns_leave_out_events_and_count_their_offsets_from_the_first_item():
    item = only_record(CHAT)
    assert item.record["turns"] == [
        {"role": "system", "begin_ms": 2655, "text": "Welcome."},
        {"role": "customer", "begin_ms": 9265, "text": "I'm [PII], my order is late."}]
    assert item.record["start_time"] == "2022-10-27T03:31:50.735Z"
    assert item.names == ("Marisol Quintero", "Marisol", "Quintero")


def test_the_contact_id_is_the_conversation_id_marked_for_pseudonymization():
    item = only_record(VOICE)
    assert (item.record["conversation_id"], item.id_fields) == (CONTACT, ("conversation_id",))


def test_account_instance_participant_and_item_ids_and_s3_uris_are_never_copied():
    record = strings(only_record(VOICE).record) + strings(only_record(CHAT).record)
    for value in (ACCOUNT, INSTANCE, BUCKET, "A-1", "C-1", "turn-1", "p-c", "Devon here\""):
        assert value not in record


def test_analytics_keep_numbers_and_sentiment_is_the_customers_from_minus_one_to_one():
    voice = only_record(VOICE).record
    assert voice["analytics"] == {
        "categories": ["claim"], "talk_time_ms": {"agent": 5000, "customer": 3000,
                                                  "total": 8000},
        "duration_ms": 9000, "sentiment": {"agent": 1.0, "customer": -2.5},
        "vendor_redaction": "raw"}
    assert voice["sentiment_score"] == -0.5
    chat = only_record(CHAT).record
    assert (chat["analytics"]["sentiment"]["agent"], chat["sentiment_score"]) == (1.1538, 1.0)


def test_a_document_without_a_contact_id_gets_a_stand_in_id_from_its_content():
    doc = copy.deepcopy(VOICE)
    del doc["CustomerMetadata"]
    cid = only_record(doc).record["conversation_id"]
    assert cid.startswith("sha256:") and cid == only_record(doc).record["conversation_id"]


def test_several_documents_in_one_file_are_one_item_each_in_order():
    data = (json.dumps(VOICE) + "\n" + json.dumps(CHAT) + "\n").encode()
    assert [(i.position, i.record["channel"]) for i in read(data)] == [(1, "voice"),
                                                                      (2, "chat")]


def test_a_document_of_another_shape_in_a_contact_lens_file_is_a_dead_letter():
    data = (json.dumps(VOICE) + "\n" + json.dumps({"hello": 1}) + "\n").encode()
    assert [(i.position, i.reason) for i in read(data)] == [(1, None),
                                                            (2, "not_contact-lens")]
