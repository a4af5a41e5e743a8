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
