import pytest

import yaml

from transforms.core.leak_finder import LeakFinder
from transforms.core.policy import load_policy, parse_policy
from transforms.core.policy.defaults import default_policy_text
from transforms.core.recognizers import iban_ok, luhn_ok
from transforms.core.spans import KnownIdentifier

FINDER = LeakFinder(load_policy())


def _leaks(text, known=(), raw=()):
    return FINDER.find([text], list(known), list(raw))


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


@pytest.mark.parametrize("row", ["Arsenal 38 26 7 5 80 30 50 85",  # 14 digits, Luhn-valid
                                 "Arsenal 38 22 11 5 80 30 50 77"])  # 15 digits, Luhn-valid
def test_a_league_table_row_that_passes_luhn_is_not_a_card(row):
    assert luhn_ok("".join(c for c in row if c.isdigit()))
    assert _leaks(row) == []


@pytest.mark.parametrize("row", ["Sheffield Wednesday 17 8 4 5 27 25 28",
                                 "Toronto 63 61 .508 6 1/2"])
def test_a_row_of_scores_a_phone_library_reads_as_a_number_is_not_a_phone(row):
    assert _leaks(row) == []


@pytest.mark.parametrize("text", [
    "card 4111 1111 1111 1111", "card 4111-1111-1111-1111", "card 4111111111111111",
    "amex 3782 822463 10005", "card 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
    "maestro 6759 6498 2643 8453", "ref 12 4111 1111 1111 1111",  # after a short number
    "card 4111 1111 1111 1111 exp 12 28", "visa 4222 2222 22222",
    "card 41 11 11 11 11 11 11 11"])  # in pairs
def test_a_real_card_in_any_grouping_is_a_leak(text):
    assert "card_number" in _leaks(text)


def test_own_identifiers_leak_in_any_case_or_phone_format():
    known = [KnownIdentifier("PHONE", "phone", "+14155552671"),
             KnownIdentifier("CUSTOMER_ID", "id_casefold", "cust_998877")]
    assert "own_phone" in _leaks("call (415) 555 2671", known)
    assert "own_identifier" in _leaks("id CUST_998877", known, ["CUST_998877"])


def test_clean_redacted_text_with_pseudonyms_passes():
    text = ("customer: it's PHONE#k1:qqhoy47qcycv4rh7anwquwqb5a, order 55123 on "
            "2026-03-01T10:00:00Z, see https://help.example.com/<URL_PATH> <CREDIT_CARD>")
    assert _leaks(text, [KnownIdentifier("PHONE", "phone", "+14155552671")]) == []


# A complete policy (no extends): the default's keys with its own rules instead.
MEMBER_RULE = {**yaml.safe_load(default_policy_text()),
               "customRules": [{"name": "Member", "entity": "MEMBER_ID",
                                "pattern": r"\bMBR-[0-9]{6}\b"}]}


def test_a_custom_policys_own_rule_left_in_text_is_a_leak():
    finder = LeakFinder(parse_policy(MEMBER_RULE, source="members.yaml"))
    assert finder.find(["member mbr-123456 called"], [], []) == ["member_id"]
    assert finder.find(["会员MBR-123456已"], [], []) == ["member_id"]
    assert finder.find(["member MBR-1234567 and MBR-12345"], [], []) == []


def test_a_rule_the_policy_does_not_have_is_not_guarded():
    finder = LeakFinder(parse_policy(MEMBER_RULE, source="members.yaml"))
    assert finder.find(["policy POL-12345678"], [], []) == []
    assert "policy_account_id" in _leaks("policy POL-12345678")


def test_an_id_glued_to_a_word_is_still_a_leak():
    assert "policy_account_id" in _leaks("ref ACCT-12345678x")
    assert "policy_account_id" not in _leaks("ref XACCT-12345678")


def test_a_jwt_whose_last_segment_ends_in_a_dash_is_a_leak():
    assert "token" in _leaks("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.----- end")


SURROGATE_FINDER = LeakFinder(parse_policy({"extends": "default", "entities": {
    "EMAIL_ADDRESS": {"operator": "SURROGATE"}, "PHONE_NUMBER": {"operator": "SURROGATE"}}}))


def test_surrogate_emails_and_phones_are_not_leaks_under_a_surrogate_policy():
    text = "write to maria.silva@example.com or call (415) 555-0173"
    assert SURROGATE_FINDER.find([text], [], []) == []
    assert _leaks(text) == ["email", "phone_number"]  # the default policy writes none


def test_under_a_surrogate_policy_other_emails_and_phones_are_still_leaks():
    text = "write to support@example.com or jane@mail.org, call (415) 555-2671"
    assert SURROGATE_FINDER.find([text], [], []) == ["email", "phone_number"]


def test_numbered_placeholders_are_not_taken_for_a_display_name():
    known = [KnownIdentifier("PERSON", "name", "Person")]
    assert _leaks("<PERSON_1> called <PERSON_2>", known) == []


@pytest.mark.parametrize("text,reason", [
    ("call 212_555_0147", "phone_number"), ("call 212~555~0147", "phone_number"),
    ("call 212*555*0147", "phone_number"), ("call 212|555|0147", "phone_number"),
    ("call 212\u00b7555\u00b70147", "phone_number"), ("call 212-555\u200b-0147", "phone_number"),
    ("call 212-555\x00-0147", "phone_number"),
    ("mail ｆｗ．ｔｅｘｔ＠ｅｘａｍｐｌｅ．ｃｏｍ", "email"), ("ssn ２１９－０９－９９３３", "ssn"),
    ("mail jane\u200b.doe@exam\u00adple.com", "email"),
    ("我的手机13812345678谢谢", "phone_number"), ("メールはtaro@example.jpです", "email"),
    ("我叫王小明，谢谢", "name"), ("私の名前は山田太郎です", "name"), ("اسمي أحمد علي", "name"),
    ("hi, my name is Urmi Nanda", "name"),
])
def test_each_unicode_disguise_is_a_leak(text, reason):
    assert reason in _leaks(text)


def test_a_raw_column_value_with_an_invisible_character_is_still_found():
    assert "own_identifier" in _leaks("id CUST_99\u200b8877", [], ["CUST_998877"])


def test_redacted_unicode_text_passes():
    for text in ("我叫<PERSON>，谢谢", "我的手机PHONE#k1:qqhoy47qcycv4rh7anwquwqb5a谢谢",
                 "メールはEMAIL#k1:qqhoy47qcycv4rh7anwquwqb5aです", "my name is <PERSON>"):
        assert _leaks(text) == [], text


def test_names_are_not_checked_when_the_policy_does_not_detect_persons():
    spec = {**yaml.safe_load(default_policy_text())}
    spec["detectEntities"] = [e for e in spec["entities"] if e != "PERSON"]
    finder = LeakFinder(parse_policy(spec, source="no-names.yaml"))
    assert finder.find(["hi, my name is Urmi Nanda"], [], []) == []


def test_a_surrogate_name_after_a_cue_is_no_leak_when_person_gets_surrogate():
    finder = LeakFinder(parse_policy({"extends": "default",
                                      "entities": {"PERSON": {"operator": "SURROGATE"}}}))
    assert finder.find(["hi, my name is Urmi Nanda"], [], []) == []
    assert "name" in _leaks("hi, my name is Urmi Nanda")  # the default policy checks it


def _verdict_texts():
    """Synthetic and evaluation texts, raw and as redaction leaves them, the phone matcher
    test's edge texts, and numbers in Chinese, Japanese, Korean and Arabic text."""
    from tests.evaluation.corpus import make_eval_corpus
    from tests.synthetic import make_corpus
    from tests.transforms.core.test_phone_matcher import EDGE_TEXTS

    records = make_corpus(n=40, n_customers=10).records + [
        c.record for c in make_eval_corpus(n=40)]
    texts = [str(v) for r in records for v in r.values() if isinstance(v, str)]
    regional = ["我的手机13812345678谢谢", "电话 010-6552 9988 或 13812345678",
                "携帯 090-1234-5678 です", "전화 010-1234-5678 입니다", "رقمي 0501234567 شكرا",
                "هاتف +966 50 123 4567",
                "香港 2123 4567 台灣 0912 345 678", "mixed 我 212-555-0147 and 0049 30 901820"]
    return texts + EDGE_TEXTS + regional + [a + " " + b for a, b in zip(EDGE_TEXTS, regional * 5)]


@pytest.mark.parametrize("surrogates", [False, True])
@pytest.mark.parametrize("region", ["US", "GB"])
def test_the_guard_remembering_phone_parses_gives_phonenumbers_own_verdicts(
        monkeypatch, region, surrogates):
    import phonenumbers

    from transforms.core import leak_finder
    from transforms.core.urls import UrlRules

    texts = _verdict_texts()
    rules = UrlRules((), ())

    def verdicts():
        return [leak_finder.find_leaks([t], [], [], region, rules, surrogates=surrogates)
                for t in texts]

    remembered = [verdicts(), verdicts()]  # the second round reads parses from the memory
    with monkeypatch.context() as patched:  # phonenumbers' own matcher, nothing kept
        patched.setattr(leak_finder, "valid_matches", lambda memory: lambda text, r: (
            phonenumbers.PhoneNumberMatcher(text, r, leniency=phonenumbers.Leniency.VALID)))
        plain = verdicts()
    assert sum("phone_number" in v for v in plain) > 30  # the texts do hold numbers
    assert remembered == [plain, plain]


@pytest.mark.parametrize("text", [
    "the petitioner cited 1993 crl lj 3684 4 1994 5 scc 188 and the respondent nothing",
    "Complainant respondent No.2, lodged FIR No.0254/2018 on 13.6.2018 against them.",
])
def test_a_case_number_or_citation_the_redactor_keeps_is_no_phone_leak(text):
    assert _leaks(text) == []
