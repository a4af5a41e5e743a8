"""What a written row still shows of a run's counts, subtracted when the row is erased."""
from transforms.datasets.held_counts import row_counts, subtract

EMAIL = "EMAIL#k1:" + "a" * 26
PHONE = "PHONE#k1:" + "b" * 26
ACCOUNT = "POLICY_ACCOUNT_ID#k1:" + "c" * 26
OTHER_EMAIL = "EMAIL#k1:" + "d" * 26


def test_a_row_shows_its_structured_ids_pseudonyms_and_placeholders(policy):
    row = {"emailAddress": EMAIL, "phoneNumber": PHONE, "customerID": None,
           "transcript_text": f"hi <PERSON>, {ACCOUNT} and {PHONE}; card <CREDIT_CARD>",
           "notes": "see <REMOVED_URL>", "custom_data_fields": None,
           "conversation_id": "c1 <PERSON>",  # a passthrough field is not scanned
           "language": "fr"}
    assert row_counts(row, policy) == {
        "structured": {"EMAIL": 1, "PHONE": 1},
        "entities": {"PERSON": 1, "POLICY_ACCOUNT_ID": 1, "PHONE": 1, "CREDIT_CARD": 1,
                     "REMOVED_URL": 1},
        "entities_by_field": {"transcript_text": 4, "notes": 1},
        "entities_by_type_field": {
            "PERSON in transcript_text": 1, "POLICY_ACCOUNT_ID in transcript_text": 1,
            "PHONE in transcript_text": 1, "CREDIT_CARD in transcript_text": 1,
            "REMOVED_URL in notes": 1},
        "languages": {"fr": 1}}


def test_a_pseudonym_in_text_counts_as_the_record_s_own_id_or_as_the_entity_found(policy):
    """As RedactText counts: its own email found again is EMAIL, another one EMAIL_ADDRESS."""
    counts = row_counts({"emailAddress": EMAIL,
                         "transcript_text": f"mail {EMAIL} or {OTHER_EMAIL}"}, policy)
    assert counts["entities"] == {"EMAIL": 1, "EMAIL_ADDRESS": 1}


def test_subtracting_erased_rows_never_goes_below_zero_and_drops_empty_names():
    counts = {"entities": {"PERSON": 3, "IBAN_CODE": 1}, "fields_dropped": {"excluded": 2}}
    left = subtract(counts, [{"entities": {"PERSON": 1, "IBAN_CODE": 1}},
                             {"entities": {"PERSON": 1, "US_SSN": 2}}])
    assert left == {"entities": {"PERSON": 1}, "fields_dropped": {"excluded": 2}}
    assert counts["entities"]["PERSON"] == 3  # the input is not changed


def test_a_row_shows_the_pseudonyms_inside_turns_and_a_vendor_id(policy):
    vendor_id = "CONVERSATION_ID#k1:" + "e" * 26
    row = {"conversation_id": vendor_id, "emailAddress": EMAIL,
           "turns": [{"role": "agent", "begin_ms": 0, "text": "hi <PERSON>"},
                     {"role": "customer", "begin_ms": 900, "text": f"it is {EMAIL}, [PII]"}]}
    assert row_counts(row, policy) == {
        "structured": {"CONVERSATION_ID": 1, "EMAIL": 1},
        "entities": {"PERSON": 1, "EMAIL": 1}, "entities_by_field": {"turns": 2},
        "entities_by_type_field": {"PERSON in turns": 1, "EMAIL in turns": 1},
        "vendor_masked": {"PII": 1}}
