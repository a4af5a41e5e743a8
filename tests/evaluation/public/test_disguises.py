"""Disguised values are judged left on their normalized form, whatever the disguise."""
from tests.evaluation.public.disguises import DISGUISES, judge, left


def _named(name):
    return next(d for d in DISGUISES if d.name == name)


def test_a_disguise_written_back_unchanged_is_left_for_every_disguise():
    assert all(left(d, d.text) for d in DISGUISES)


def test_a_replaced_value_is_caught_and_a_pseudonym_does_not_count():
    ssn = _named("full-width SSN")
    assert not left(ssn, "my social security number is <US_SSN>")
    phone = _named("NUL inside a phone")
    assert not left(phone, "my number is PHONE#k1:" + "a2b3c4d5e6" * 2 + "abcdef")
    assert left(phone, "my number is 555 0147")  # the local number is enough to call
    email = _named("zero-width space inside an email")
    assert left(email, "write to JANE.DOE@example.com please")
    assert left(email, "write to jane.\u200b<EMAIL_ADDRESS> please")  # half an address
    assert not left(email, "write to <EMAIL_ADDRESS> please")


def test_judge_says_which_disguises_were_not_written():
    verdict = judge({"disguise-00": "call me back on <PHONE_NUMBER> after lunch"})
    assert verdict[DISGUISES[0].name] == "caught"
    assert verdict[DISGUISES[1].name] == "not written"
    assert len(verdict) == len(DISGUISES) >= 15
