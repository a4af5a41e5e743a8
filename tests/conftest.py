"""Shared fixtures: the real policy, a real Presidio analyzer (once per session), keys."""
from __future__ import annotations

from pathlib import Path

import pytest

from transforms.keys.keyset import Keyset, create_keyset, load_keyset, unwrap_data_key
from transforms.core.offline import ensure_offline
from transforms.core.policy import Policy, load_policy
from transforms.core.pseudonym import Pseudonymizer
from transforms.keys.sealing import generate_identity

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy()


@pytest.fixture(scope="session")
def analyzer(policy):
    from transforms.core.presidio_engine import build_analyzer

    ensure_offline()
    return build_analyzer(policy)


@pytest.fixture(scope="session")
def key_home(tmp_path_factory) -> Path:
    """A keyring and vault identity of the test session (never the user's)."""
    home = tmp_path_factory.mktemp("hushbeam-home")
    create_keyset(f"local://{home / 'master.key'}", home / "keyset.json")
    generate_identity(home / "identity.pem", home / "recipient.pem")
    return home


@pytest.fixture(scope="session")
def keyset(key_home) -> Keyset:
    return load_keyset(key_home / "keyset.json")


@pytest.fixture(scope="session")
def pseudonymizer(keyset, policy) -> Pseudonymizer:
    return Pseudonymizer(unwrap_data_key(keyset), keyset.version, policy.default_region)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """No test may create or read a keyring in the user's home."""
    monkeypatch.setenv("HUSHBEAM_HOME", str(tmp_path / "hushbeam-home"))
    yield


@pytest.fixture(scope="module")
def redactor(policy, pseudonymizer, analyzer):
    """The real redactor, new in each test module (it remembers the names of a run)."""
    from transforms.core.text_redactor import TextRedactor

    return TextRedactor(policy, pseudonymizer, analyzer)


@pytest.fixture(scope="module")
def nlp(analyzer):
    """The policy's English spaCy pipeline, as the analyzer loaded it."""
    return analyzer.nlp_engine.nlp["en"]
