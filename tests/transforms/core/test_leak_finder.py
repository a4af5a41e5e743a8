import pytest

from transforms.core.leak_finder import find_leaks
from transforms.core.recognizers import iban_ok, luhn_ok
from transforms.core.policy import load_policy
from transforms.core.text_redactor import KnownIdentifier
from transforms.core.urls import UrlRules

POLICY = load_policy()
RULES = UrlRules(POLICY.strip_url_params, POLICY.strip_url_markers)


def _leaks(text, known=(), raw=()):
    return find_leaks([text], list(known), list(raw), "US", RULES)


def test_checksums():
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert iban_ok("GB82 WEST 1234 5698 7654 32") and not iban_ok("GB82 WEST 1234 5698 7654 33")


@pytest.mark.parametrize("text,reason", [
    ("mail jane@example.com", "email"),
    ("card 4111-1111-1111-1111", "card_number"),
    ("ssn 219-09-9999", "ssn"),
    ("iban GB82WEST12345698765432", "iban"),
    ("ACCT-0099887766", "policy_account_id"),
    ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghij", "token"),
    ("https://x.example.com/a?signature=abc", "secret_url"),
    ("call 212-555-0147", "phone_number"),
    ("it's four one five five five five two six seven one", "spoken_number"),
    ("jane dot doe at example dot com", "spoken_email"),
    ("保单POL-12345678已", "policy_account_id"),
])
def test_each_detector_flags_its_leak(text, reason):
    assert reason in _leaks(text)


def test_own_identifiers_leak_in_any_case_or_phone_format():
    known = [KnownIdentifier("PHONE", "phone", "+14155552671"),
             KnownIdentifier("CUSTOMER_ID", "id_casefold", "cust_998877")]
    assert "own_phone" in _leaks("call (415) 555 2671", known)
    assert "own_identifier" in _leaks("id CUST_998877", known, ["CUST_998877"])


def test_clean_redacted_text_with_pseudonyms_passes():
    text = ("customer: it's PHONE#k1:qqhoy47qcycv4rh7anwquwqb5a, order 55123 on "
            "2026-03-01T10:00:00Z, see https://help.example.com/<URL_PATH> <CREDIT_CARD>")
    assert _leaks(text, [KnownIdentifier("PHONE", "phone", "+14155552671")]) == []
