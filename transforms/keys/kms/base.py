"""The interface every KMS provider implements, and the error key handling raises.

A KMS wraps and unwraps the data key under a master key that never leaves it. Each wrap is
bound to its keyset's key id and version (``Keyset.aad()``): AWS takes it as the encryption
context, Cloud KMS and the local keyring as additional authenticated data.
"""
from __future__ import annotations

import abc
from typing import ClassVar, Optional


class KeysetError(RuntimeError):
    """A key problem (missing keyset, wrong master key, unknown KMS); no secret in it."""


class KmsClient(abc.ABC):
    """Wraps and unwraps data keys under a master key that never leaves the KMS.

    A provider declares its URI ``scheme``, a one-line ``example`` URI (for help and errors)
    and the pip ``extra`` that brings its client library (``None``: none needed), and builds
    itself from what follows ``scheme://`` in :meth:`from_location`.
    """

    scheme: ClassVar[str]
    example: ClassVar[str]
    extra: ClassVar[Optional[str]] = None

    @classmethod
    @abc.abstractmethod
    def from_location(cls, location: str) -> "KmsClient":
        """The client for the master key at ``location`` (the URI after ``scheme://``)."""

    @abc.abstractmethod
    def wrap(self, plaintext: bytes, aad: bytes) -> bytes: ...

    @abc.abstractmethod
    def unwrap(self, ciphertext: bytes, aad: bytes) -> bytes: ...

    @classmethod
    def missing_extra(cls, library: str) -> KeysetError:
        """The error for a client library that is not installed, saying how to install it."""
        return KeysetError(f"{cls.scheme}:// needs {library}: "
                           f"pip install 'hushbeam[{cls.extra}]'")

    @classmethod
    def malformed(cls, problem: str) -> KeysetError:
        """The error for a URI of this scheme that names no usable key."""
        return KeysetError(f"{cls.scheme}:// URI {problem}; e.g. {cls.example}")
