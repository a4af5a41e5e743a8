"""Atomic writes: a failure mid-write leaves the old file, and no temporary file behind."""
import os
from pathlib import Path

import pyarrow as pa
import pytest
from apache_beam.io.localfilesystem import LocalFileSystem

from transforms.datasets import atomic, dataset, layout

_SCHEME = "hbtest"


class _RemoteFileSystem(LocalFileSystem):
    """A local directory behind a ``hbtest://`` scheme: the object-store branch, offline."""

    @classmethod
    def scheme(cls):
        return _SCHEME

    @staticmethod
    def _local(path):
        prefix = _SCHEME + "://"
        return path[len(prefix):] if path.startswith(prefix) else path

    def split(self, path):
        directory, _, name = path.rpartition("/")
        return directory, name

    def create(self, path, *args, **kwargs):
        return super().create(self._local(path), *args, **kwargs)

    def open(self, path, *args, **kwargs):
        return super().open(self._local(path), *args, **kwargs)

    def exists(self, path):
        return super().exists(self._local(path))

    def delete(self, paths):
        return super().delete([self._local(p) for p in paths])

    def rename(self, sources, destinations):
        return super().rename([self._local(p) for p in sources],
                              [self._local(p) for p in destinations])


def _fail(*args, **kwargs):
    raise OSError("disk full")


def test_write_local_replaces_the_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / layout.SUMMARY
    target.write_bytes(b"old")
    atomic.write_local(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == [layout.SUMMARY]


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failure_mid_write_keeps_the_old_file_and_removes_the_temporary(tmp_path,
                                                                          monkeypatch, step):
    target = tmp_path / layout.SUMMARY
    target.write_bytes(b"old")
    monkeypatch.setattr(atomic.os, step, _fail)
    with pytest.raises(OSError, match="disk full"):
        atomic.write_local(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [layout.SUMMARY]


def test_an_interrupted_part_rewrite_leaves_the_old_part_the_only_visible_one(tmp_path,
                                                                              monkeypatch):
    part = tmp_path / layout.part_name(0, 1)
    dataset.write_part(pa.table({"id": ["a", "b"]}), part)
    monkeypatch.setattr(atomic.os, "replace", _fail)
    with pytest.raises(OSError):
        dataset.write_part(pa.table({"id": ["a"]}), part)
    assert dataset.parts(tmp_path) == [part]
    assert dataset.read_part(part).column("id").to_pylist() == ["a", "b"]
    assert os.listdir(tmp_path) == [part.name]


def test_write_any_on_a_local_path_makes_its_directory(tmp_path):
    target = tmp_path / "out" / "window=x" / layout.SUMMARY
    atomic.write_any(str(target), b"{}\n")
    assert target.read_bytes() == b"{}\n"
    assert os.listdir(target.parent) == [layout.SUMMARY]


def test_write_any_on_an_object_store_replaces_the_object_and_leaves_no_temporary(tmp_path):
    (tmp_path / layout.JOB).write_bytes(b"old")
    atomic.write_any(f"{_SCHEME}://{tmp_path / layout.JOB}", b"new")
    assert (tmp_path / layout.JOB).read_bytes() == b"new"
    assert os.listdir(tmp_path) == [layout.JOB]


def test_a_failure_mid_write_on_an_object_store_keeps_the_old_object_and_no_temporary(
        tmp_path, monkeypatch):
    (tmp_path / layout.JOB).write_bytes(b"old")
    real_create = _RemoteFileSystem.create

    def create_then_fail(self, path, *args, **kwargs):
        with real_create(self, path, *args, **kwargs) as fh:
            fh.write(b"ne")
        raise OSError("connection reset")

    monkeypatch.setattr(_RemoteFileSystem, "create", create_then_fail)
    with pytest.raises(OSError, match="connection reset"):
        atomic.write_any(f"{_SCHEME}://{tmp_path / layout.JOB}", b"new")
    assert (tmp_path / layout.JOB).read_bytes() == b"old"
    assert os.listdir(tmp_path) == [layout.JOB]


def test_staged_file_is_written_beside_the_target(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def replace(src, dst):
        seen.append((Path(src).parent, Path(src).name))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    atomic.write_local(tmp_path / layout.MANIFEST, b"{}")
    assert seen == [(tmp_path, layout.temp_name(layout.MANIFEST))]


def test_a_private_file_is_never_readable_by_others_even_while_staged(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append(os.stat(src).st_mode & 0o777)
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", spy)
    target = tmp_path / "keyset.json"
    atomic.write_local(target, b"{}", mode=0o600)
    assert seen == [0o600] and target.stat().st_mode & 0o777 == 0o600
