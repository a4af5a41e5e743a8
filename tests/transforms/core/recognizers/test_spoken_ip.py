"""SpokenIpRecognizer: IPv4 addresses said as four numbers after an IP cue."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted


def _found(analyzer, policy, text):
    return found_by("SpokenIpRecognizer", analyzer, policy, text, "IP_ADDRESS")


@pytest.mark.parametrize("text,ip", [
    ("my ip address is 192 168 0 1 thanks", "192 168 0 1"),
    ("the server address is 10 dot 0 dot 0 dot 1", "10 dot 0 dot 0 dot 1"),
    ("select from users where client ip 20130 224 217 15320", "20130 224 217 15320"),
    ("i keep getting address 23 83 95 71 blocked", "23 83 95 71"),
])
def test_an_ip_said_after_its_cue_is_found(analyzer, policy, text, ip):
    assert _found(analyzer, policy, text) == [ip]


@pytest.mark.parametrize("text", [
    "final score 192 168 0 1", "the address is 1234 north main street",
    "server address 300 1 2 3", "my ip is 10 0 0 1 5 6", "address 20130 224 217 15320",
])
def test_number_rows_without_a_cue_or_out_of_range_are_not_ips(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


def test_a_spoken_ip_is_removed(redactor):
    assert "168 0" not in redacted(redactor, "my ip address is 192 168 0 1 thanks")


@pytest.mark.parametrize("text,ip", [
    ("my ipv6 address is 2001 db8 85a3 0 0 8a2e 370 7334 ok", "2001 db8 85a3 0 0 8a2e 370 7334"),
    ("select from users where client ip 206e9 e9da 77d8 2f74 2267 7f8a f905 bb0c20",
     "206e9 e9da 77d8 2f74 2267 7f8a f905 bb0c20"),
])
def test_an_ipv6_said_after_its_cue_is_found(analyzer, policy, text, ip):
    assert _found(analyzer, policy, text) == [ip]


@pytest.mark.parametrize("text", [
    "the address is 1234 a bad face dead beef cafe", "the address is 12 34 56 78 90 12",
    "address 206e9 e9da 77d8 2f74 2267 7f8a f905 bb0c20",
])
def test_hex_like_words_or_digits_alone_or_glued_without_ip_are_not_ipv6(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []
