"""The sealed vault on disk (Beam-free): its authenticated manifest, verification, reading
and rewriting.

A vault directory (names in layout.py) holds a manifest, the recipient (the public key the
vault is sealed to; it lets an erasure or a re-key re-seal without the private key), and
one folder of sealed files per kind: "token" (pseudonym -> {type, value}),
"dead_letter", "quarantine".

Each sealed line is authenticated by HPKE and bound to its kind and run, but anyone holding
the public key can seal a line. What only a holder of the data key can write is the
manifest: it records the run id, the data key (id and version), the SHA-256 of the
recipient, the dataset it belongs to (its run id, the SHA-256 of every Parquet part and
of the summary: recorded when the run commits and whenever a command rewrites the pair; a
batch vault written before that is read with a warning), a generation that grows with
every rewrite, the SHA-256 and line count of every sealed file, and for a streaming window
the input files it holds (the ledger a restarted job skips); ``mac`` is
HMAC-SHA256 over all of it under ``derive_subkey(data_key, "vault-manifest")``.

Every reader verifies the MAC, the recipient and every file before it opens a line, and
checks each token row against the data key (its pseudonym must be the HMAC of its type and
value): a removed, added, altered or swapped row, file, recipient or manifest is refused
with a :class:`VaultError`, never read around.
"""
from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import logging
from pathlib import Path
from typing import Callable, Dict, Iterable, Iterator, List, Optional

import pyarrow as pa
import pyarrow.parquet as pq

from transforms.core.pseudonym import Pseudonymizer
from transforms.datasets import layout
from transforms.datasets.atomic import write_local
from transforms.datasets.dataset import DatasetError, load_summary, parts
from transforms.keys.keyset import Keyset, unwrap_data_key
from transforms.keys.sealing import SealError, open_sealed
from transforms.keys.subkeys import derive_subkey

_LOG = logging.getLogger("hushbeam")
MANIFEST_FORMAT = 2
MAC_LABEL = "vault-manifest"


class VaultError(SealError):
    """A vault that is incomplete, altered, from another run, or not written by a key
    holder."""


class VaultKey:
    """What the vault needs of a data key: the manifest MAC key and the pseudonymizer that
    checks token rows. Made where the data key is unwrapped; never shows the key."""

    def __init__(self, data_key: bytes, key_id: str, key_version: int):
        self.key_id, self.key_version = key_id, int(key_version)
        self._mac_key = derive_subkey(data_key, MAC_LABEL)
        self._pseudonymizer = Pseudonymizer(data_key, key_version)

    @classmethod
    def of(cls, keyset: Keyset) -> "VaultKey":
        """Unwraps the keyset's data key (a KMS call)."""
        return cls(unwrap_data_key(keyset), keyset.key_id, keyset.version)

    def __repr__(self) -> str:
        return f"VaultKey({self.key_id} v{self.key_version})"

    def describes(self) -> str:
        return f"{self.key_id} v{self.key_version}"

    def mac(self, manifest: dict) -> str:
        return hmac.new(self._mac_key, _canonical(manifest), hashlib.sha256).hexdigest()

    def token_matches(self, row: dict) -> bool:
        """Whether a token row's pseudonym is the one its type and value have under this key."""
        try:
            return self._pseudonymizer.pseudonym(row["type"], row["value"], length=len(
                row["pseudonym"].rpartition(":")[2])) == row["pseudonym"]
        except (KeyError, TypeError, AttributeError):
            return False


def _canonical(manifest: dict) -> bytes:
    body = {k: v for k, v in manifest.items() if k != "mac"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=True).encode("ascii")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclasses.dataclass(frozen=True)
class FileEntry:
    path: str  # relative to the vault directory
    sha256: str
    lines: int


def file_entry(relpath: str, data: bytes) -> FileEntry:
    return FileEntry(relpath, sha256_hex(data),
                     sum(1 for line in data.splitlines() if line.strip()))


def signed_manifest(key: VaultKey, run_id: str, files: Dict[str, dict],
                    recipient_sha256: str, dataset: Optional[dict] = None,
                    generation: int = 0, sources: Optional[Dict[str, int]] = None,
                    added_sources: Optional[Dict[str, int]] = None) -> dict:
    """The manifest as a dict, with its MAC. ``dataset`` defaults to ``{"run_id": run_id}``.

    A streaming window's manifest also records ``sources`` (input file -> items read, the
    ledger a restarted job skips) and ``added_sources`` (those of its latest commit, which a
    recovery takes back when it rolls that commit back); a batch manifest has neither."""
    body = {"v": MANIFEST_FORMAT, "run_id": run_id,
            "key": {"id": key.key_id, "version": key.key_version},
            "recipient_sha256": recipient_sha256,
            "dataset": dict(dataset) if dataset else {"run_id": run_id},
            "generation": int(generation),
            "files": {path: {"sha256": f["sha256"], "lines": f["lines"]}
                      for path, f in sorted(files.items())}}
    if sources is not None:
        body["sources"] = {str(k): int(n) for k, n in sorted(sources.items())}
        body["added_sources"] = {str(k): int(n) for k, n in sorted(
            (added_sources or {}).items())}
    body["mac"] = key.mac(body)
    return body


def manifest_bytes(key: VaultKey, run_id: str, entries: List[FileEntry],
                   recipient_sha256: str, dataset: Optional[dict] = None,
                   generation: int = 0) -> bytes:
    """A manifest file's content (see :func:`signed_manifest`)."""
    files = {e.path: {"sha256": e.sha256, "lines": e.lines} for e in entries}
    return layout.json_document(signed_manifest(key, run_id, files, recipient_sha256,
                                                dataset, generation))


def load_manifest(vault: Path) -> dict:
    """The manifest as written, NOT verified (use :func:`verify_vault` before trusting it)."""
    path = Path(vault) / layout.MANIFEST
    try:
        return parse_manifest(path.read_bytes(), str(path))
    except FileNotFoundError:
        raise VaultError(f"{vault} is not a complete vault: {layout.MANIFEST} is "
                         "missing") from None


def parse_manifest(data: bytes, where: str) -> dict:
    try:
        manifest = json.loads(data)
        manifest["run_id"], manifest["files"]  # noqa: B018 - shape check
    except (ValueError, KeyError, TypeError):
        raise VaultError(f"{where} is not a valid vault manifest") from None
    return manifest


def check_manifest(manifest: dict, key: VaultKey, where: str) -> dict:
    """Refuses a manifest that is unauthenticated, for another key, or whose MAC fails."""
    if manifest.get("v") != MANIFEST_FORMAT or "mac" not in manifest:
        raise VaultError(f"vault manifest {where} is not authenticated (format "
                         f"v{manifest.get('v')}, written before manifests carried a MAC, "
                         "or stripped); refusing the vault")
    written = manifest.get("key") or {}
    if (written.get("id"), written.get("version")) != (key.key_id, key.key_version):
        raise VaultError(f"vault manifest {where} says it was written under key "
                         f"{written.get('id')} v{written.get('version')}; the keyset given "
                         f"holds {key.describes()} (pass the keyset the vault was made with, "
                         "--keyset)")
    try:
        valid = hmac.compare_digest(str(manifest["mac"]), key.mac(manifest))
        shape = (str(manifest["recipient_sha256"]), manifest["dataset"]["run_id"],
                 int(manifest["generation"]))
    except (KeyError, TypeError, ValueError):
        valid, shape = False, None
    if not valid or shape is None:
        raise VaultError(f"vault manifest {where} does not verify under key "
                         f"{key.describes()}: it was altered or written without the data "
                         "key; refusing the vault")
    return manifest


def verify_vault(vault: Path, key: VaultKey, run_id: Optional[str] = None,
                 dataset: Optional[Path] = None) -> dict:
    """Check the manifest's MAC, the recipient and every sealed file, and (given
    ``dataset``) that the vault belongs to that dataset as it is now; returns the manifest."""
    vault = Path(vault)
    manifest = check_manifest(load_manifest(vault), key, str(vault / layout.MANIFEST))
    if run_id is not None and manifest["run_id"] != run_id:
        raise VaultError(f"vault {vault} belongs to run {manifest['run_id']}, not to the "
                         f"dataset's run {run_id}")
    verified_recipient(vault, manifest)
    listed = set(manifest["files"])
    present = {str(p.relative_to(vault)) for p in vault.glob(layout.ALL_SEALED_GLOB)}
    for extra in sorted(present - listed):
        raise VaultError(f"vault file {extra} is not in the manifest (added or from "
                         "another run)")
    for rel, expected in sorted(manifest["files"].items()):
        path = vault / rel
        if not path.exists():
            raise VaultError(f"vault file {rel} is missing")
        entry = file_entry(rel, path.read_bytes())
        if entry.sha256 != expected["sha256"] or entry.lines != expected["lines"]:
            raise VaultError(f"vault file {rel} was altered or truncated (its SHA-256 or "
                             "line count does not match the manifest)")
    if dataset is not None:
        check_belongs(manifest, vault, Path(dataset))
    return manifest


# --- the dataset a vault belongs to ----------------------------------------------------

def dataset_binding(dataset: Path, run_id: str) -> dict:
    """What a rewritten manifest records of its dataset: run id, every part's and the
    summary's SHA-256."""
    dataset = Path(dataset)
    return {"run_id": run_id,
            "parts": {p.name: sha256_hex(p.read_bytes()) for p in parts(dataset)},
            "summary_sha256": sha256_hex((dataset / layout.SUMMARY).read_bytes())}


def required_generation(dataset: Path, run_id: str) -> int:
    """The lowest manifest generation the dataset's summary and erasure receipts allow."""
    dataset = Path(dataset)
    try:
        needed = int(load_summary(dataset).get("vault_generation", 0))
    except (TypeError, ValueError):
        raise DatasetError(f"{dataset / layout.SUMMARY}: vault_generation is not a "
                           "number") from None
    for path in sorted((dataset / layout.RECEIPTS).glob("*.json")):
        try:
            receipt = json.loads(path.read_text())
            if receipt.get("dataset_run_id") == run_id:
                needed = max(needed, int(receipt.get("vault_generation", 0)))
        except (ValueError, TypeError, AttributeError):
            raise DatasetError(f"erasure receipt {path} is not valid JSON") from None
    return needed


def check_belongs(manifest: dict, vault: Path, dataset: Path) -> None:
    """Refuse a vault that is not the one of ``dataset`` as it is now. Each part is read
    once: its run id and its SHA-256 come from the same bytes (see :func:`check_digests`;
    a reader then reads each part again through :func:`dataset.read_part` with the
    recorded digests, so a part swapped after this check is refused, not read)."""
    summary_bytes = _summary_bytes(dataset)  # read once: its run id and its digest
    try:
        summary = json.loads(summary_bytes)
        summary.get("run_id")
    except (ValueError, AttributeError):
        raise DatasetError(f"{Path(dataset) / layout.SUMMARY} is not valid JSON") from None
    binding = manifest["dataset"]
    if summary.get("run_id") != binding["run_id"]:
        raise VaultError(f"vault {vault} belongs to run {binding['run_id']}, not to the "
                         f"dataset's run {summary.get('run_id')} (another run's vault, or "
                         "another dataset)")
    digests = {}
    for part in parts(dataset):
        data = part.read_bytes()
        digests[part.name] = sha256_hex(data)
        try:
            meta = pq.read_schema(pa.BufferReader(data)).metadata or {}
        except (OSError, ValueError):  # pyarrow's ArrowInvalid is a ValueError
            raise DatasetError(f"part {part.name} of {dataset} is not a readable Parquet "
                               "file") from None
        part_run = meta.get(b"hushbeam.run_id")
        if part_run is not None and part_run.decode() != binding["run_id"]:
            raise VaultError(f"part {part.name} of {dataset} belongs to run "
                             f"{part_run.decode()}, the vault {vault} to run "
                             f"{binding['run_id']}")
    needed = required_generation(dataset, binding["run_id"])
    if int(manifest["generation"]) < needed:
        raise VaultError(f"vault {vault} is older than its dataset (manifest generation "
                         f"{manifest['generation']}, the dataset records {needed}): an "
                         "earlier copy of the vault was put back; refusing it")
    if is_bound(binding):
        check_digests(binding, vault, dataset, digests, sha256_hex(summary_bytes))
    else:  # committed before parts were bound (batch, or a streaming window)
        _LOG.warning("%s", unbound_warning(vault, dataset))


def _summary_bytes(dataset: Path) -> bytes:
    try:
        return (Path(dataset) / layout.SUMMARY).read_bytes()
    except FileNotFoundError:
        raise DatasetError(f"{dataset} is not a complete hushbeam dataset ({layout.SUMMARY} "
                           "is missing)") from None


def is_bound(binding: dict) -> bool:
    """Whether a manifest's ``dataset`` records the parts' and the summary's SHA-256 (every
    manifest written since session 24 (batch) or 25 (streaming windows) does)."""
    return "parts" in binding or "summary_sha256" in binding


def part_pins(manifest: dict) -> Optional[Dict[str, str]]:
    """Part name -> SHA-256 a verified ``manifest`` records for its dataset (None if it
    records none: a dataset written before parts were bound)."""
    binding = manifest["dataset"]
    return dict(binding.get("parts") or {}) if is_bound(binding) else None


def unbound_warning(vault: Path, dataset: Path) -> str:
    return (f"vault {vault} was written before manifests recorded the SHA-256 of the "
            f"dataset's parts and summary: the parts of {dataset} are checked by run id "
            "only, which is no secret (a forged part is not detected). Re-run the pipeline, "
            "or `hushbeam rekey` the dataset, to bind them")


def check_digests(binding: dict, vault, dataset, digests: Dict[str, str],
                  summary_sha256: Optional[str], new: Iterable[str] = (),
                  summaries: Optional[Iterable[Optional[str]]] = None) -> None:
    """Refuse a dataset whose parts or summary are not those ``binding`` records: each
    error names the file (never a value).

    ``digests``: part name -> SHA-256 of the parts present (each hashed from the bytes read
    once); ``summary_sha256``: the summary's (None if there is none). A window commit
    passes ``new``, the parts it adds or rewrites (not checked, accepted), and
    ``summaries``, the summary digests it accepts (the recorded one, or the one before an
    interrupted commit)."""
    recorded, new = binding.get("parts") or {}, set(new)
    for name in sorted(set(recorded) - set(digests) - new):
        raise VaultError(f"part {name} of {dataset} is missing (the manifest of vault {vault} "
                         "records it: deleted or moved); refusing the dataset")
    for name in sorted(set(digests) - set(recorded) - new):
        raise VaultError(f"part {name} of {dataset} is not in the vault's manifest ({vault}: "
                         "added, or from another dataset); refusing the dataset")
    for name, expected in sorted(recorded.items()):
        if name not in new and digests[name] != expected:
            raise VaultError(f"part {name} of {dataset} does not match the SHA-256 the "
                             f"manifest of vault {vault} records (replaced, edited, or an "
                             "earlier copy); refusing the dataset")
    accepted = [binding.get("summary_sha256")] if summaries is None else list(summaries)
    if summary_sha256 not in accepted:
        raise VaultError(f"the summary of {dataset} ({layout.SUMMARY}) is not the one vault "
                         f"{vault} was last written with (edited, or one of them is an "
                         "earlier copy); refusing the dataset")


# --- reading ------------------------------------------------------------------------------

def _sealed_files(vault: Path, kind: str) -> List[Path]:
    return sorted((vault / layout.VAULT_FOLDERS[kind]).glob(layout.SEALED_GLOB))


def verified_lines(vault: Path, kind: str, manifest: dict) -> Iterator[tuple]:
    """(relative path, line) of every sealed line of a kind, each file read once and
    checked against the verified ``manifest`` (a file swapped since it was verified is
    refused, not read)."""
    vault = Path(vault)
    for path in _sealed_files(vault, kind):
        rel = str(path.relative_to(vault))
        data = path.read_bytes()
        expected = manifest["files"].get(rel)
        if expected is None or sha256_hex(data) != expected["sha256"]:
            raise VaultError(f"vault file {rel} changed while it was read (not the file its "
                             "manifest records)")
        for line in data.decode("utf-8").splitlines():
            if line.strip():
                yield rel, line


def open_line(line: str, identity, kind: str, manifest: dict, key: VaultKey):
    """Open one sealed line of a verified vault; a token row must match the data key."""
    row = open_sealed(line, identity, kind, manifest["run_id"])
    if kind == layout.TOKEN:
        if not isinstance(row, dict) or row.get("pseudonym") != line_ref(line) or \
                not key.token_matches(row):
            ref = line_ref(line)
            raise VaultError(f"a token row{' for ' + ref if isinstance(ref, str) else ''} "
                             f"does not match its value under key {key.describes()} (a "
                             "forged row); refusing the vault")
    return row


def read_vault(vault: Path, identity, kind: str, key: VaultKey, run_id: Optional[str] = None,
               dataset: Optional[Path] = None) -> List[dict]:
    """Verify the vault, then open every line of one kind (refuses any bad line)."""
    manifest = verify_vault(vault, key, run_id, dataset)
    return [open_line(line, identity, kind, manifest, key)
            for _, line in verified_lines(vault, kind, manifest)]


def token_map(vault: Path, identity, key: VaultKey, run_id: Optional[str] = None,
              dataset: Optional[Path] = None) -> Dict[str, dict]:
    """pseudonym -> {"type", "value"} from the token vault."""
    return {row["pseudonym"]: {"type": row["type"], "value": row["value"]}
            for row in read_vault(vault, identity, layout.TOKEN, key, run_id, dataset)}


def verified_recipient(vault: Path, manifest: dict) -> bytes:
    """The vault's recipient PEM, read once and checked against the verified manifest."""
    try:
        pem = (Path(vault) / layout.RECIPIENT).read_bytes()
    except FileNotFoundError:
        raise VaultError(f"vault {vault} has no {layout.RECIPIENT}") from None
    if sha256_hex(pem) != manifest["recipient_sha256"]:
        raise VaultError(f"{layout.RECIPIENT} of vault {vault} is not the recipient its "
                         "manifest records (replaced); refusing the vault")
    return pem


# --- rewriting ----------------------------------------------------------------------------

def drop_lines(vault: Path, kind: str, drop: Callable[[str], bool], key: VaultKey,
               manifest: Optional[dict] = None) -> int:
    """Remove the sealed lines ``drop`` selects and rewrite their files atomically;
    returns how many lines went.

    Alone (no ``manifest``): verifies the vault first and commits a new manifest. Given the
    verified ``manifest`` of an edit in progress, updates its ``files`` in place and
    leaves the commit (:func:`commit_manifest`) to the caller.
    """
    vault = Path(vault)
    alone = manifest is None
    if alone:
        manifest = verify_vault(vault, key)
    by_file: Dict[str, List[str]] = {}
    for rel, line in verified_lines(vault, kind, manifest):  # never edit an unverified file
        by_file.setdefault(rel, []).append(line)
    removed = 0
    for rel, lines in sorted(by_file.items()):
        kept = [line for line in lines if not drop(line)]
        if len(kept) == len(lines):
            continue
        removed += len(lines) - len(kept)
        data = ("\n".join(kept) + "\n" if kept else "").encode()
        write_local(vault / rel, data)
        entry = file_entry(rel, data)
        manifest["files"][entry.path] = {"sha256": entry.sha256, "lines": entry.lines}
    if alone and removed:
        commit_manifest(vault, key, manifest)
    return removed


def commit_manifest(vault: Path, key: VaultKey, manifest: dict,
                    dataset: Optional[Path] = None, generation: Optional[int] = None,
                    binding: Optional[dict] = None) -> dict:
    """Write the manifest of an edited vault: its files as in ``manifest``, the next
    generation (or ``generation``), and, given ``dataset``, bound to that dataset as it is
    now (or the ``binding`` given: an edit staged for a commit binds the dataset as the
    commit will leave it). Returns the new manifest."""
    if binding is None:
        binding = (dataset_binding(dataset, manifest["dataset"]["run_id"])
                   if dataset is not None else manifest["dataset"])
    new = signed_manifest(key, manifest["run_id"], manifest["files"],
                          manifest["recipient_sha256"], binding,
                          int(manifest["generation"]) + 1 if generation is None else generation,
                          manifest.get("sources"))  # an edit reads no new source
    write_local(Path(vault) / layout.MANIFEST, layout.json_document(new))
    return new


def line_ref(line: str) -> Optional[str]:
    try:
        return json.loads(line).get("ref")
    except (ValueError, AttributeError):
        return None
