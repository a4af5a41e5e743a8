"""WriteVault: dead letters, quarantine and TOKEN rows, each sealed to the vault recipient.

Under ``--vault-output`` (names in datasets/layout.py; one sealed JSON line per record, see
sealing.py): one folder of sealed parts per kind, dead letters, quarantine and tokens
(deduplicated pseudonym -> normalized value, type), then the manifest and the recipient
(see vault.py), then the head of the vault's audit log (see datasets/audit.py). The manifest
and the audit log's start are authenticated with MACs under subkeys of the data key, which
the manifest writer unwraps in ``setup()`` like every stage that needs the key; the sealing
workers hold only the public key.
"""

from typing import Optional

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems

from transforms.datasets import audit, layout
from transforms.datasets.vault import VaultKey, file_entry, manifest_bytes, sha256_hex
from transforms.keys.keyset import Keyset, unwrap_data_key
from transforms.keys.sealing import load_recipient, seal


class DropRepeatedTokens(beam.DoFn):
    """Drops a token row already seen in this bundle and window, before the rows are
    buffered for the vault's Distinct (a customer's tokens recur across conversations).
    Only an economy: the Distinct still makes every row unique. At most ``limit`` rows are
    remembered (then forgotten at once), so memory stays bounded; each as one string per
    window (:func:`row_key`, about 40 % of the row's tuple and strings)."""

    def __init__(self, limit: int = 20_000):
        self.limit = limit
        self._seen, self._count = {}, 0

    def start_bundle(self):
        self._seen, self._count = {}, 0

    def process(self, token, window=beam.DoFn.WindowParam):
        key = row_key(token)
        seen = self._seen.setdefault(window, set())
        if key in seen:
            return
        if self._count >= self.limit:
            self._seen, self._count = {window: set()}, 0
            seen = self._seen[window]
        seen.add(key)
        self._count += 1
        yield token

    def finish_bundle(self):
        self._seen, self._count = {}, 0


def row_key(token):
    """One string for a (pseudonym, type, value) row, equal only for equal rows: the
    pseudonym and type hold no NUL, so the first two NULs mark where each part ends. Any
    other shape is its own key."""
    if (isinstance(token, tuple) and len(token) == 3 and all(type(p) is str for p in token)
            and "\0" not in token[0] and "\0" not in token[1]):
        return "\0".join(token)
    return token


class SealFn(beam.DoFn):
    """Seals payloads of one kind to the vault recipient; workers hold the public key only."""

    def __init__(self, recipient_pem: bytes, kind: str, run_id: str):
        self.recipient_pem, self.kind, self.run_id = recipient_pem, kind, run_id
        self._recipient = None

    def setup(self):
        self._recipient = load_recipient(self.recipient_pem)

    def sealed(self, payload: dict, run_id: str) -> str:
        """One sealed line; token rows carry their pseudonym as the clear ``ref``."""
        ref = payload.get("pseudonym") if self.kind == layout.TOKEN else None
        return seal(payload, self._recipient, self.kind, run_id, ref=ref)

    def process(self, payload):
        yield self.sealed(payload, self.run_id)


class _WriteManifestFn(beam.DoFn):
    """Once all sealed files are final: their SHA-256 and line counts, and the recipient,
    in a manifest authenticated under the data key."""

    def __init__(self, vault_output: str, recipient_pem: bytes, run_id: str, keyset: Keyset,
                 commits_into: Optional[str] = None):
        self.vault_output, self.recipient_pem, self.run_id = vault_output, recipient_pem, run_id
        self.keyset, self.commits_into = keyset, commits_into
        self._key = self._audit_key = None

    def setup(self):  # the data key is unwrapped on the worker, never pickled in clear
        data_key = unwrap_data_key(self.keyset)  # one KMS call for both subkeys
        self._key = VaultKey(data_key, self.keyset.key_id, self.keyset.version)
        self._audit_key = audit.AuditKey.from_data_key(data_key, self.keyset.key_id,
                                                       self.keyset.version)

    def process(self, files):
        entries = []
        for path in sorted(files):
            with FileSystems.open(path) as fh:
                data = fh.read()
            rel = path[len(self.vault_output):].lstrip("/")
            entries.append(file_entry(rel, data))
        with FileSystems.create(FileSystems.join(self.vault_output, layout.RECIPIENT)) as fh:
            fh.write(self.recipient_pem)
        manifest = FileSystems.join(self.vault_output, layout.MANIFEST)
        with FileSystems.create(manifest) as fh:
            fh.write(manifest_bytes(self._key, self.run_id, entries,
                                    sha256_hex(self.recipient_pem)))
        # The keyed anchor of the audit log: a vault without one is refused.
        # Written into staging: the anchor names the log the commit will archive.
        audit.start(self.vault_output, self._audit_key, self.run_id,
                    replaces=self.commits_into)
        yield manifest


class WriteVault(beam.PTransform):
    """Input: dict with ``dead_letters``, ``quarantine`` and ``tokens`` PCollections.

    Returns the manifest path once every sealed file is final. The sealing workers hold
    only the public key; the manifest writer unwraps ``keyset`` to authenticate it.
    ``commits_into``: in a batch run ``vault_output`` is the run's staging directory and
    this the vault it is committed into (its audit log is archived by the commit).
    """

    def __init__(self, vault_output: str, recipient_pem: bytes, run_id: str, keyset: Keyset,
                 commits_into: Optional[str] = None):
        super().__init__()
        self.vault_output, self.recipient_pem, self.run_id = vault_output, recipient_pem, run_id
        self.keyset = keyset  # signs the manifest, starts the audit log (unwrapped on the worker)
        self.commits_into = commits_into  # the vault a commit switches vault_output into

    def expand(self, inputs):
        tokens = (inputs["tokens"]
                  | "DedupTokens" >> beam.Distinct()
                  | "TokenRows" >> beam.Map(
                      lambda t: {"pseudonym": t[0], "type": t[1], "value": t[2]}))
        written = []
        for label, kind, pcoll in (
                ("DeadLetters", layout.DEAD_LETTER, inputs["dead_letters"]),
                ("Quarantine", layout.QUARANTINE, inputs["quarantine"]),
                ("Tokens", layout.TOKEN, tokens)):
            written.append(
                pcoll
                | f"Seal{label}" >> beam.ParDo(SealFn(self.recipient_pem, kind, self.run_id))
                | f"Write{label}" >> beam.io.WriteToText(
                    FileSystems.join(self.vault_output, layout.VAULT_FOLDERS[kind],
                                     layout.PART_PREFIX),
                    file_name_suffix=layout.SEALED_SUFFIX))
        return (tuple(written)
                | "VaultFiles" >> beam.Flatten()
                | "AllVaultFiles" >> beam.combiners.ToList()
                | "WriteManifest" >> beam.ParDo(_WriteManifestFn(
                    self.vault_output, self.recipient_pem, self.run_id, self.keyset,
                    self.commits_into)))
