"""Copied as ``sitecustomize.py`` onto the PYTHONPATH of a ``hushbeam`` subprocess by
test_kill_during_run.py: kill -9 at an exact step of a commit.

``HUSHBEAM_KILL_ROOTS`` (os.pathsep-separated directories) and ``HUSHBEAM_KILL_AT=N``: the
process sends itself SIGKILL right after the N-th rename, replace or removal of a visible
file under those roots (staging directories, locks and probes are not counted). Every
counted step is appended to ``HUSHBEAM_KILL_LOG``: ``N<TAB>operation<TAB>path``.
Nothing happens without those variables.
"""
import os
import signal

_ROOTS = [os.path.abspath(r) for r in os.environ.get("HUSHBEAM_KILL_ROOTS", "").split(
    os.pathsep) if r]
_AT = int(os.environ.get("HUSHBEAM_KILL_AT", "0") or 0)
_LOG = os.environ.get("HUSHBEAM_KILL_LOG")

if _ROOTS:
    _count = [0]
    _replace, _rename, _unlink, _remove = os.replace, os.rename, os.unlink, os.remove

    def _visible(path, dir_fd):
        if dir_fd is not None:
            return False  # shutil.rmtree of a staging directory
        path = os.path.abspath(os.fspath(path))
        return (any(path.startswith(root + os.sep) for root in _ROOTS)
                and "/.hushbeam-" not in path)

    def _step(operation, path, dir_fd=None):
        if not _visible(path, dir_fd):
            return
        _count[0] += 1
        if _LOG:
            with open(_LOG, "a") as fh:
                fh.write(f"{_count[0]}\t{operation}\t{os.path.abspath(os.fspath(path))}\n")
        if _count[0] == _AT:
            os.kill(os.getpid(), signal.SIGKILL)

    def replace(src, dst, *args, **kwargs):
        _replace(src, dst, *args, **kwargs)
        _step("replace", dst, kwargs.get("dst_dir_fd"))

    def rename(src, dst, *args, **kwargs):
        _rename(src, dst, *args, **kwargs)
        _step("rename", dst, kwargs.get("dst_dir_fd"))

    def unlink(path, *args, **kwargs):
        _unlink(path, *args, **kwargs)
        _step("unlink", path, kwargs.get("dir_fd"))

    def remove(path, *args, **kwargs):
        _remove(path, *args, **kwargs)
        _step("unlink", path, kwargs.get("dir_fd"))

    os.replace, os.rename, os.unlink, os.remove = replace, rename, unlink, remove
