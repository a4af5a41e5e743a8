import pytest

from transforms.core.pseudonym import Pseudonymizer


@pytest.fixture(scope="module")
def pseudonymizer():
    """A fixed test key: operators need no keyset."""
    return Pseudonymizer(b"\x01" * 32, 1, "US")
