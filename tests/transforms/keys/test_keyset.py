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


def _good(tmp_path) -> dict:
    create_keyset(f"local://{tmp_path / 'master.key'}", tmp_path / "ks.json")
    return json.loads((tmp_path / "ks.json").read_text())


@pytest.mark.parametrize("mutate, problem", [
    (lambda d: "{not json", "not a JSON document"),
    (lambda d: b"\xff\xfe", "not a JSON document"),
    (lambda d: [d], "a JSON object is expected, not list"),
    (lambda d: {k: v for k, v in d.items() if k != "wrapped_key"},
     "missing field(s) 'wrapped_key'"),
    (lambda d: dict(d, wraped_key="x"), "unknown field(s) 'wraped_key'"),
    (lambda d: dict(d, version="1"), "'version' must be a number, not str"),
    (lambda d: dict(d, version=True), "'version' must be a number, not bool"),
    (lambda d: dict(d, version=1.5), "'version' must be a number, not float"),
    (lambda d: dict(d, version=0), "'version' must be 1 or more"),
    (lambda d: dict(d, key_id=7), "'key_id' must be a string, not int"),
    (lambda d: dict(d, key_id=" "), "'key_id' is empty"),
    (lambda d: dict(d, kms_uri=None), "'kms_uri' must be a string, not NoneType"),
    (lambda d: dict(d, kms_uri="/abs/master.key"), "'kms_uri' is not a KMS URI"),
    (lambda d: dict(d, wrapped_key=["x"]), "'wrapped_key' must be a string, not list"),
    (lambda d: dict(d, wrapped_key="not base64!"), "'wrapped_key' is not base64"),
    (lambda d: dict(d, wrapped_key="AAAA"), "'wrapped_key' is 3 bytes, too short"),
])
def test_a_malformed_keyset_is_one_clear_line(tmp_path, mutate, problem):
    bad = mutate(_good(tmp_path))
    path = tmp_path / "bad.json"
    if isinstance(bad, bytes):
        path.write_bytes(bad)
    else:
        path.write_text(bad if isinstance(bad, str) else json.dumps(bad))
    with pytest.raises(KeysetError) as caught:
        load_keyset(path)
    message = str(caught.value)
    assert message.startswith(f"keyset {path} is not a valid keyset file: ") and \
        problem in message and "\n" not in message


def test_a_wrapped_key_of_the_wrong_length_does_not_unwrap_with_a_clear_error(tmp_path):
    data = _good(tmp_path)
    wrapped = __import__("base64").b64decode(data["wrapped_key"])
    for cut in (wrapped[:40], wrapped + b"\0"):
        data["wrapped_key"] = __import__("base64").b64encode(cut).decode()
        (tmp_path / "cut.json").write_text(json.dumps(data))
        with pytest.raises(KeysetError, match=f"wrapped data key is {len(cut)} bytes"):
            unwrap_data_key(load_keyset(tmp_path / "cut.json"))
