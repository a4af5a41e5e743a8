import pytest

from transforms.core.policy import load_policy
from transforms.core.urls import UrlRules, strip_secrets

RULES = UrlRules(load_policy().strip_url_params, load_policy().strip_url_markers)


@pytest.mark.parametrize("url", [
    "https://recordings.example.com/calls/abc.wav",
    "https://cdn.example.com/r/7781?sig=abcdef0123&expires=1735689600",
    "https://bucket.s3.amazonaws.com/x?X-Amz-Signature=deadbeef&X-Amz-Credential=k",
    "https://media.example.com/m/88231",
    "https://portal.example.com/sso/callback?code=Zx81Qk2&state=abc",
    "https://share.example.com/f/aB3dE5fG7hJ9kL1mN3pQ5rS7tU9",
    "www.example.com/voice/123",
])
def test_recording_media_and_signed_urls_are_removed(url):
    text, counts = strip_secrets(f"see {url}, thanks", RULES)
    assert text == "see <REMOVED_URL>, thanks"
    assert counts["REMOVED_URL"] == 1


def test_plain_url_keeps_only_its_origin():
    text, _ = strip_secrets("help at https://help.example.com/faq/jane-doe.", RULES)
    assert text == "help at https://help.example.com/<URL_PATH>."


def test_bare_jwt_and_bearer_tokens_are_removed():
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
    text, counts = strip_secrets(f"token {jwt} and Bearer abcdefghijklmnop1234", RULES)
    assert jwt not in text and "abcdefghijklmnop1234" not in text
    assert counts["SECRET_TOKEN"] == 2
