import json

import pytest

from transforms.keys.sealing import (SealError, generate_identity, load_identity, load_recipient,
                                open_sealed, seal)


@pytest.fixture()
def pair(tmp_path):
    generate_identity(tmp_path / "id.pem", tmp_path / "rcpt.pem")
    return load_recipient((tmp_path / "rcpt.pem").read_bytes()), load_identity(tmp_path / "id.pem")


def test_sealed_record_opens_with_the_identity_and_hides_the_value(pair):
    recipient, identity = pair
    line = seal({"raw": "jane@example.com"}, recipient, "dead_letter", "run1")
    assert "jane" not in line
    assert open_sealed(line, identity, "dead_letter", "run1") == {"raw": "jane@example.com"}


def test_flipped_byte_other_identity_other_run_and_kind_are_refused(pair, tmp_path):
    recipient, identity = pair
    line = seal({"raw": "x"}, recipient, "dead_letter", "run1")
    envelope = json.loads(line)
    ct = bytearray(__import__("base64").b64decode(envelope["ct"]))
    ct[-1] ^= 1
    envelope["ct"] = __import__("base64").b64encode(bytes(ct)).decode()
    with pytest.raises(SealError, match="does not open"):
        open_sealed(json.dumps(envelope), identity, "dead_letter")
    generate_identity(tmp_path / "other.pem", tmp_path / "other.pub")
    with pytest.raises(SealError, match="does not open"):
        open_sealed(line, load_identity(tmp_path / "other.pem"), "dead_letter")
    with pytest.raises(SealError, match="another run"):
        open_sealed(line, identity, "dead_letter", "run2")
    with pytest.raises(SealError, match="kind"):
        open_sealed(line, identity, "token")
    with pytest.raises(SealError, match="malformed or truncated"):
        open_sealed(line[: len(line) // 2], identity, "dead_letter")


def test_a_vault_identity_group_or_others_can_read_is_refused(tmp_path):
    generate_identity(tmp_path / "id.pem", tmp_path / "rcpt.pem")
    (tmp_path / "id.pem").chmod(0o644)
    with pytest.raises(SealError, match=rf"vault identity {tmp_path / 'id.pem'} can be read "
                       r"or written by group or others \(mode 0644\).*chmod 600"):
        load_identity(tmp_path / "id.pem")
    (tmp_path / "id.pem").chmod(0o600)
    assert load_identity(tmp_path / "id.pem")
    with pytest.raises(SealError, match="does not exist"):
        load_identity(tmp_path / "missing.pem")
