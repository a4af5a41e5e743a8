"""The KMS registry: dispatch by URI scheme, the help text and the unknown-scheme error."""
import pytest

from transforms.keys.keyset import create_keyset, load_keyset, rewrap_keyset, unwrap_data_key
from transforms.keys.kms import KMS_PROVIDERS, KeysetError, KmsClient, KmsRegistry, kms_client
from pipelines.cli_parser import build_parser


class _XorKms(KmsClient):
    """A toy provider registered by the tests: XOR with a byte, AAD appended."""

    scheme = "xor-kms"
    example = "xor-kms://BYTE"
    wrapped = []

    def __init__(self, byte: int):
        self.byte = byte

    @classmethod
    def from_location(cls, location):
        return cls(int(location))

    def wrap(self, plaintext, aad):
        _XorKms.wrapped.append(aad)
        return bytes(b ^ self.byte for b in plaintext) + aad

    def unwrap(self, ciphertext, aad):
        if not ciphertext.endswith(aad):
            raise KeysetError("xor-kms: wrong aad")
        return bytes(b ^ self.byte for b in ciphertext[:-len(aad)])


@pytest.fixture()
def xor_kms():
    KMS_PROVIDERS.register(_XorKms)
    yield _XorKms
    KMS_PROVIDERS.unregister("xor-kms")
    _XorKms.wrapped.clear()


def test_every_bundled_provider_is_registered_under_its_scheme():
    assert KMS_PROVIDERS.schemes == ("local", "aws-kms", "gcp-kms")


def test_unknown_kms_scheme_error_lists_registered_schemes(tmp_path, xor_kms):
    with pytest.raises(KeysetError) as caught:
        create_keyset("vault://x", tmp_path / "ks.json")
    message = str(caught.value)
    assert message.startswith("unknown KMS URI scheme 'vault': vault:// is not a known KMS URI")
    for scheme in ("local", "aws-kms", "gcp-kms", "xor-kms"):
        assert f"{scheme}://" in message.split("use one of: ")[1]
    assert not (tmp_path / "ks.json").exists()


def test_uri_without_a_scheme_is_refused_without_echoing_it():
    with pytest.raises(KeysetError,
                       match=r"not a KMS URI \(no scheme://\); use one of: local://") as caught:
        kms_client("00112233445566778899aabbccddeeff")
    assert "0011" not in str(caught.value)


@pytest.mark.parametrize("command", ["create", "rewrap"])
def test_kms_help_of_keys_commands_lists_every_provider(command, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "500")  # argparse would wrap inside an example URI
    with pytest.raises(SystemExit):
        build_parser().parse_args(["keys", command, "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert ("local:///abs/path/master.key, aws-kms://KEY_ID_OR_ARN, "
            "gcp-kms://projects/P/locations/L/keyRings/R/cryptoKeys/K") in help_text


def test_registered_provider_wraps_and_unwraps_a_keyset(tmp_path, xor_kms):
    keyset = create_keyset("xor-kms://7", tmp_path / "ks.json")
    key = unwrap_data_key(load_keyset(tmp_path / "ks.json"))
    assert len(key) == 32 and _XorKms.wrapped == [keyset.aad()]
    rewrap_keyset(tmp_path / "ks.json", f"local://{tmp_path / 'm.key'}")
    assert unwrap_data_key(load_keyset(tmp_path / "ks.json")) == key


def test_a_scheme_cannot_be_registered_twice():
    registry = KmsRegistry()
    registry.register(_XorKms)
    with pytest.raises(ValueError, match="xor-kms:// is already registered"):
        registry.register(_XorKms)
