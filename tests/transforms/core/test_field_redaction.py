"""redact_records: the field walk RedactText and ``hushbeam preview`` share."""
from transforms.core.field_redaction import RecordTexts, redact_records


def test_a_name_that_crosses_two_turns_is_redacted_turn_by_turn_keeping_the_turns(redactor):
    turns = [{"role": "customer", "text": "my name is Maria"}, {"role": "Garcia", "text": "ok"}]
    (record,) = redact_records(redactor, [RecordTexts({"turns": turns}, [])])
    assert [t["role"] for t in record.fields["turns"]] == ["customer", "Garcia"]
    assert "Maria" not in record.fields["turns"][0]["text"]
    assert [field for field, _ in record.results] == ["turns", "turns"]  # one per turn
    assert turns[0]["text"] == "my name is Maria"  # the input is not changed


def test_each_record_of_a_batch_gets_its_language_field_or_a_detected_language(redactor):
    english = {"notes": ["Hello, I would like to change my address please"]}
    records = [RecordTexts(english, [], "fr-CA"), RecordTexts(english, [], None),
               RecordTexts({"notes": ["Bonjour, je voudrais que vous changiez mon adresse "
                                      "et le nom sur mon compte"]}, [], None)]
    assert [r.language for r in redact_records(redactor, records)] == ["fr", "en", "fr"]


def test_results_come_in_field_order_and_fields_not_scanned_are_kept(redactor):
    fields = {"conversation_id": "c1", "notes": ["mail x@example.com"],
              "transcript_text": "I am Maria Garcia"}
    (record,) = redact_records(redactor, [RecordTexts(fields, [])])
    assert [field for field, _ in record.results] == ["transcript_text", "notes"]
    assert record.fields["conversation_id"] == "c1"
    assert "x@example.com" not in str(record.fields) and "Maria" not in str(record.fields)
