"""The vault on disk: its manifest refuses any change it did not record."""
import pytest

from transforms.datasets import layout
from transforms.datasets.vault import (VaultError, drop_lines, file_entry, line_ref,
                                       manifest_bytes, read_vault, token_map, verify_vault)
from transforms.keys.sealing import load_identity, load_recipient, seal

RUN = "run1"
TOKENS = [{"pseudonym": f"EMAIL#k1:{c * 26}", "type": "EMAIL", "value": f"{c}@example.com"}
          for c in "abc"]


@pytest.fixture
def identity(key_home):
    return load_identity(key_home / "identity.pem")


@pytest.fixture
def vault(tmp_path, key_home):
    """A vault of three token rows, one dead letter and an empty quarantine."""
    recipient = load_recipient((key_home / "recipient.pem").read_bytes())
    rows = {layout.TOKEN: [seal(t, recipient, layout.TOKEN, RUN, ref=t["pseudonym"])
                           for t in TOKENS],
            layout.DEAD_LETTER: [seal({"raw": "{not json"}, recipient, layout.DEAD_LETTER,
                                      RUN)],
            layout.QUARANTINE: []}
    root, entries = tmp_path / "data.vault", []
    for kind, lines in rows.items():
        rel = layout.sealed_name(kind)
        data = "".join(line + "\n" for line in lines).encode()
        (root / rel).parent.mkdir(parents=True)
        (root / rel).write_bytes(data)
        entries.append(file_entry(rel, data))
    (root / layout.MANIFEST).write_bytes(manifest_bytes(RUN, entries))
    return root


def _tokens_file(vault):
    return vault / layout.sealed_name(layout.TOKEN)


def test_an_intact_vault_verifies_and_opens(vault, identity):
    assert verify_vault(vault, RUN)["run_id"] == RUN
    assert token_map(vault, identity, RUN) == {
        t["pseudonym"]: {"type": t["type"], "value": t["value"]} for t in TOKENS}
    assert read_vault(vault, identity, layout.DEAD_LETTER) == [{"raw": "{not json"}]


def test_a_flipped_byte_is_refused(vault):
    data = bytearray(_tokens_file(vault).read_bytes())
    data[40] ^= 0x01
    _tokens_file(vault).write_bytes(bytes(data))
    with pytest.raises(VaultError, match="altered or truncated"):
        verify_vault(vault)


def test_a_dropped_line_is_refused(vault):
    lines = _tokens_file(vault).read_text().splitlines()
    _tokens_file(vault).write_text("\n".join(lines[1:]) + "\n")
    with pytest.raises(VaultError, match="altered or truncated"):
        verify_vault(vault)


def test_an_added_file_is_refused(vault):
    extra = vault / layout.sealed_name(layout.TOKEN, layout.late_suffix(1))
    extra.write_bytes(_tokens_file(vault).read_bytes())
    with pytest.raises(VaultError, match="not in the manifest"):
        verify_vault(vault)


def test_a_removed_file_is_refused(vault):
    (vault / layout.sealed_name(layout.QUARANTINE)).unlink()
    with pytest.raises(VaultError, match="is missing"):
        verify_vault(vault)


def test_a_vault_of_another_run_or_without_manifest_is_refused(vault):
    with pytest.raises(VaultError, match="belongs to run run1"):
        verify_vault(vault, "run2")
    (vault / layout.MANIFEST).unlink()
    with pytest.raises(VaultError, match="not a complete vault"):
        verify_vault(vault)


def test_dropping_lines_rewrites_file_and_manifest_so_the_vault_still_verifies(vault,
                                                                              identity):
    gone = TOKENS[1]["pseudonym"]
    assert drop_lines(vault, layout.TOKEN, lambda line: line_ref(line) == gone) == 1
    verify_vault(vault, RUN)
    assert set(token_map(vault, identity)) == {TOKENS[0]["pseudonym"], TOKENS[2]["pseudonym"]}
    assert drop_lines(vault, layout.TOKEN, lambda line: line_ref(line) == gone) == 0
    assert not [p for p in vault.rglob(".*")]  # no staged file left behind


def test_manifest_lists_every_file_with_its_hash_and_count_of_non_blank_lines():
    empty, two = file_entry("a", b""), file_entry("tokens/b", b"x\n\ny\n")
    assert (empty.lines, two.lines) == (0, 2)
    assert manifest_bytes("r", [two, empty]) == layout.json_document({
        "v": 1, "run_id": "r", "files": {"a": {"sha256": empty.sha256, "lines": 0},
                                         "tokens/b": {"sha256": two.sha256, "lines": 2}}})
    assert empty.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
