"""CuedIdentifierRecognizer: licence, passport, record, account, vehicle and device numbers."""
import pytest

from tests.transforms.core.recognizers.support import found_by


@pytest.mark.parametrize("text,entity,value", [
    ("My driver's license number is D3413656", "DRIVER_LICENSE", "D3413656"),
    ("passport no. X1234567 expires soon", "PASSPORT", "X1234567"),
    ("MRN: 00123456", "MEDICAL_RECORD_NUMBER", "00123456"),
    ("member id W123456789", "HEALTH_PLAN_ID", "W123456789"),
    ("account number 12345678 please", "ACCOUNT_NUMBER", "12345678"),
    ("certificate number CE-2231-77", "LICENSE_NUMBER", "CE-2231-77"),
    ("VIN 1HGCM82633A004352", "VEHICLE_ID", "1HGCM82633A004352"),
    ("licence plate AB12 CDE", "VEHICLE_ID", "AB12 CDE"),
    ("serial number SN-99812-XQ", "DEVICE_ID", "SN-99812-XQ"),
])
def test_a_number_after_its_cue_is_found(analyzer, policy, text, entity, value):
    assert found_by("CuedIdentifierRecognizer", analyzer, policy, text, entity) == [value]


@pytest.mark.parametrize("text,entity", [
    ("I need a passport photo for the trip", "PASSPORT"),
    ("the licence fee is high", "LICENSE_NUMBER"),
    ("my account has been locked since 2019", "ACCOUNT_NUMBER"),
])
def test_a_cue_without_a_number_finds_nothing(analyzer, policy, text, entity):
    assert found_by("CuedIdentifierRecognizer", analyzer, policy, text, entity) == []


@pytest.mark.parametrize("text,entity,value", [
    ("my driver's license number is d123 4567 8901 thanks", "DRIVER_LICENSE", "d123 4567 8901"),
    ("passport number x1234567 and it expires", "PASSPORT", "x1234567"),
])
def test_a_lowercase_number_after_its_cue_is_found_in_caseless_text(analyzer, policy, text,
                                                                     entity, value):
    assert found_by("CuedIdentifierRecognizer", analyzer, policy, text, entity) == [value]


def test_a_lowercase_word_after_a_cue_is_not_a_number_in_written_text(analyzer, policy):
    text = "Your Passport number is ab12cd34 Thanks"
    assert found_by("CuedIdentifierRecognizer", analyzer, policy, text, "PASSPORT") == []


@pytest.mark.parametrize("text,value", [
    ("My driver's license number is WDLABCD456DG.", "WDLABCD456DG"),
    ("my drivers licence MhMdSnJ8868* expired", "MhMdSnJ8868*"),
    ("DL: PWGCWVFY", "PWGCWVFY"),
])
def test_a_licence_of_letters_or_mixed_case_after_its_cue_is_found(analyzer, policy, text,
                                                                   value):
    assert found_by("CuedIdentifierRecognizer", analyzer, policy, text,
                    "DRIVER_LICENSE") == [value]


@pytest.mark.parametrize("text", ["my driver's license expired yesterday",
                                  "Driver's License Renewal is due", "my DL Expired"])
def test_words_after_a_licence_cue_are_not_a_licence(analyzer, policy, text):
    assert found_by("CuedIdentifierRecognizer", analyzer, policy, text, "DRIVER_LICENSE") == []
