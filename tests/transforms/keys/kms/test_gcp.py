"""Cloud KMS: the request it sends, its errors, and the hint when its library is missing."""
from types import SimpleNamespace

import pytest

from transforms.keys.keyset import create_keyset
from transforms.keys.kms import GcpKms, KeysetError, kms_client

KEY = "projects/p/locations/l/keyRings/r/cryptoKeys/k"


class _FakeCloudKms:
    """Records requests; "encrypts" by reversing, refuses a decrypt under another AAD."""

    def __init__(self):
        self.requests = []

    def encrypt(self, request):
        self.requests.append(("encrypt", request))
        return SimpleNamespace(ciphertext=request["plaintext"][::-1])

    def decrypt(self, request):
        self.requests.append(("decrypt", request))
        if request["additional_authenticated_data"] != b"aad":
            raise PermissionError("InvalidArgument")
        return SimpleNamespace(plaintext=request["ciphertext"][::-1])


@pytest.fixture()
def cloud(monkeypatch):
    fake = _FakeCloudKms()
    monkeypatch.setattr(GcpKms, "_client", lambda self: fake)
    return fake


def test_gcp_kms_sends_the_key_name_and_aad_with_each_wrap(cloud):
    client = kms_client(f"gcp-kms://{KEY}")
    assert client.unwrap(client.wrap(b"data key", b"aad"), b"aad") == b"data key"
    assert [(op, r["name"], r["additional_authenticated_data"]) for op, r in cloud.requests] \
        == [("encrypt", KEY, b"aad"), ("decrypt", KEY, b"aad")]


def test_gcp_kms_refusal_is_a_keyset_error_naming_only_the_error_type(cloud):
    client = kms_client(f"gcp-kms://{KEY}")
    with pytest.raises(KeysetError, match=r"^Cloud KMS refused to decrypt the data key "
                                          r"\(PermissionError\)$"):
        client.unwrap(client.wrap(b"data key", b"aad"), b"another key id")


def test_gcp_kms_uri_must_name_a_crypto_key():
    with pytest.raises(KeysetError, match=r"gcp-kms:// URI must name a key"):
        kms_client("gcp-kms://keyRings/r")


def test_gcp_kms_without_its_client_library_says_how_to_install_it(tmp_path):
    try:
        import google.cloud.kms  # noqa: F401
        pytest.skip("google-cloud-kms is installed here")
    except ImportError:
        pass
    with pytest.raises(KeysetError, match=r"pip install 'hushbeam\[gcp\]'"):
        create_keyset("gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k",
                      tmp_path / "ks.json")
