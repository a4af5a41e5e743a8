"""The local:// development keyring."""
import pytest

from transforms.keys.kms import KeysetError, LocalKms, kms_client


def test_local_master_key_is_made_0600_on_first_wrap_and_reused(tmp_path):
    client = kms_client(f"local://{tmp_path / 'keys' / 'master.key'}")
    wrapped = client.wrap(b"d" * 32, b"aad")
    master = (tmp_path / "keys" / "master.key").read_text()
    assert (tmp_path / "keys" / "master.key").stat().st_mode & 0o077 == 0
    assert client.unwrap(client.wrap(b"e" * 32, b"aad"), b"aad") == b"e" * 32
    assert client.unwrap(wrapped, b"aad") == b"d" * 32
    assert (tmp_path / "keys" / "master.key").read_text() == master


def test_local_wrap_is_bound_to_its_aad(tmp_path):
    client = LocalKms(tmp_path / "master.key")
    wrapped = client.wrap(b"d" * 32, b"hushbeam-data-key:hb-1:v1")
    with pytest.raises(KeysetError, match="does not unwrap under this master key"):
        client.unwrap(wrapped, b"hushbeam-data-key:hb-1:v2")


def test_local_unwrap_never_creates_a_missing_master_key(tmp_path):
    with pytest.raises(KeysetError, match="does not exist"):
        LocalKms(tmp_path / "master.key").unwrap(b"\0" * 60, b"aad")
    assert not (tmp_path / "master.key").exists()


@pytest.mark.parametrize("content, problem", [("not hex", "is not a hex key"),
                                              ("00" * 16, "is not 256 bits")])
def test_local_master_key_that_is_not_a_256_bit_hex_key_is_refused(tmp_path, content, problem):
    (tmp_path / "master.key").write_text(content)
    with pytest.raises(KeysetError, match=problem):
        LocalKms(tmp_path / "master.key").wrap(b"d" * 32, b"aad")


def test_local_kms_uri_must_hold_an_absolute_path():
    with pytest.raises(KeysetError, match="must hold an absolute path"):
        kms_client("local://relative/master.key")


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620])
def test_a_master_key_file_group_or_others_can_use_is_refused(tmp_path, mode):
    client = LocalKms(tmp_path / "master.key")
    wrapped = client.wrap(b"d" * 32, b"aad")
    (tmp_path / "master.key").chmod(mode)
    with pytest.raises(KeysetError, match=rf"local master key {tmp_path / 'master.key'} can be "
                       rf"read or written by group or others \(mode 0{mode:o}\).*run chmod "
                       "600"):
        client.unwrap(wrapped, b"aad")
    (tmp_path / "master.key").chmod(0o600)
    assert client.unwrap(wrapped, b"aad") == b"d" * 32
