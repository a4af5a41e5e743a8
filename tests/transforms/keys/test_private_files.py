"""Private key files: only their owner may read or write them."""
import pytest

from transforms.keys.private_files import require_private


class Refused(Exception):
    pass


@pytest.mark.parametrize("mode", [0o600, 0o400, 0o700])
def test_a_file_only_its_owner_can_use_is_accepted(tmp_path, mode):
    (tmp_path / "k").write_text("x")
    (tmp_path / "k").chmod(mode)
    require_private(tmp_path / "k", "key", Refused)


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660, 0o606, 0o610, 0o601])
def test_any_access_for_group_or_others_is_refused_with_the_fix(tmp_path, mode):
    (tmp_path / "k").write_text("x")
    (tmp_path / "k").chmod(mode)
    with pytest.raises(Refused, match=rf"^key {tmp_path / 'k'} can be read or written by group "
                       rf"or others \(mode 0{mode:o}\); .*run chmod 600 {tmp_path / 'k'}$"):
        require_private(tmp_path / "k", "key", Refused)
