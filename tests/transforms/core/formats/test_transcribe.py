import json

from tests.transforms.core.formats.vendor_support import only_record, strings

JOB = {"JobStatus": "COMPLETED", "LanguageCode": "en-US", "AccountId": "145109938727",
       "JobName": "call-4155553190.wav", "Channel": "VOICE",
       "Participants": [{"ParticipantRole": "AGENT"}, {"ParticipantRole": "CUSTOMER"}],
       "ConversationCharacteristics": {"Sentiment": {"OverallSentiment": {"CUSTOMER": 5}}},
       "ContentMetadata": {"Output": "Redacted", "RedactionTypes": ["PII"]},
       "Transcript": [{"Content": "Hi [PII], born August 19, 2020.", "ParticipantRole": "CUSTOMER",
                       "BeginOffsetMillis": 6310, "EndOffsetMillis": 9000, "Id": "seg-1",
                       "Items": [{"Content": "Hi", "Type": "pronunciation"}],
                       "LoudnessScores": [88.0], "Sentiment": "NEUTRAL"}]}


def test_call_analytics_segments_become_turns_and_the_job_name_the_conversation_id():
    item = only_record(json.dumps(JOB, separators=(",", ":")).encode())
    assert item.input_format == "transcribe-call-analytics"
    assert item.record["turns"] == [{"role": "customer", "begin_ms": 6310,
                                     "text": "Hi [PII], born August 19, 2020."}]
    assert (item.record["conversation_id"], item.id_fields) == ("call-4155553190.wav",
                                                                ("conversation_id",))
    assert (item.record["sentiment_score"], item.record["analytics"]["vendor_redaction"]) == (
        1.0, "redacted")


def test_the_account_id_segment_ids_and_word_items_are_not_copied():
    record = strings(only_record(JOB).record)
    assert "145109938727" not in record and "seg-1" not in record
    assert "pronunciation" not in record
