import json

import pytest

from transforms.keys.keyset import (KeysetError, create_keyset, dev_keyset, load_keyset,
                                   unwrap_data_key)


def test_keyset_holds_the_data_key_only_wrapped(tmp_path):
    keyset = create_keyset(f"local://{tmp_path / 'master.key'}", tmp_path / "ks.json")
    on_disk = json.loads((tmp_path / "ks.json").read_text())
    key = unwrap_data_key(load_keyset(tmp_path / "ks.json"))
    assert len(key) == 32 and key.hex() not in json.dumps(on_disk)
    assert on_disk["key_id"] == keyset.key_id and on_disk["version"] == 1


def test_wrong_master_key_is_a_clear_error(tmp_path):
    create_keyset(f"local://{tmp_path / 'master.key'}", tmp_path / "ks.json")
    (tmp_path / "master.key").write_text("00" * 32)
    with pytest.raises(KeysetError, match="does not unwrap"):
        unwrap_data_key(load_keyset(tmp_path / "ks.json"))


def test_unknown_kms_scheme_and_missing_keyset_are_refused(tmp_path):
    with pytest.raises(KeysetError, match="unknown KMS URI scheme 'vault'"):
        create_keyset("vault://x", tmp_path / "ks.json")
    with pytest.raises(KeysetError, match="does not exist"):
        load_keyset(tmp_path / "nope.json")


def test_existing_keyset_is_never_overwritten(tmp_path):
    create_keyset(f"local://{tmp_path / 'm.key'}", tmp_path / "ks.json")
    with pytest.raises(KeysetError, match="refusing to overwrite"):
        create_keyset(f"local://{tmp_path / 'm.key'}", tmp_path / "ks.json")


def test_dev_keyring_is_created_once_with_a_loud_warning(tmp_path, caplog):
    path = dev_keyset(tmp_path)
    assert "LOCAL DEVELOPMENT keyring" in caplog.text
    caplog.clear()
    assert dev_keyset(tmp_path) == path and caplog.text == ""
    assert (tmp_path / "dev-master.key").stat().st_mode & 0o077 == 0
