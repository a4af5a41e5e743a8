"""Private key files must be private: refuse one that group or others can read or write.

The vault identity and the ``local://`` master key are secrets kept in files. Like OpenSSH
("UNPROTECTED PRIVATE KEY FILE"), hushbeam refuses to use such a file when its mode grants
any access to group or others, and says how to fix it. Files hushbeam creates are 0600.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Type


def require_private(path: Path, what: str, error: Type[Exception]) -> None:
    """Raise ``error`` (one line: the file, its mode, the fix) unless only its owner can
    use ``path``. A no-op where POSIX modes do not exist."""
    if os.name != "posix":
        return
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077:
        raise error(f"{what} {path} can be read or written by group or others (mode "
                    f"{mode:04o}); a private key must be private: run chmod 600 {path}")
