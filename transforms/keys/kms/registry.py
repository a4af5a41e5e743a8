"""KMS URI scheme -> provider class: builds the client for a key URI and lists the URIs."""
from __future__ import annotations

from typing import Dict, Tuple, Type

from transforms.keys.kms.base import KeysetError, KmsClient


class KmsRegistry:
    """The KMS providers by URI scheme, in registration order."""

    def __init__(self) -> None:
        self._providers: Dict[str, Type[KmsClient]] = {}

    def register(self, provider: Type[KmsClient]) -> Type[KmsClient]:
        """Serve ``provider.scheme`` URIs with ``provider``; a scheme has one provider."""
        if provider.scheme in self._providers:
            raise ValueError(f"KMS scheme {provider.scheme}:// is already registered")
        self._providers[provider.scheme] = provider
        return provider

    def unregister(self, scheme: str) -> None:
        del self._providers[scheme]

    @property
    def schemes(self) -> Tuple[str, ...]:
        return tuple(self._providers)

    def examples(self) -> str:
        """One example URI per provider, e.g. for the ``--kms`` help."""
        return ", ".join(provider.example for provider in self._providers.values())

    def client(self, uri: str) -> KmsClient:
        """The KMS client for a key URI; a scheme nobody registered is refused."""
        scheme, sep, location = uri.partition("://")
        provider = self._providers.get(scheme) if sep else None
        if provider is None:
            # Only the scheme is echoed: a mistyped --kms could be a key itself.
            problem = (f"unknown KMS URI scheme {scheme!r}: {scheme}:// is not a known KMS URI"
                       if sep else "not a KMS URI (no scheme://)")
            raise KeysetError(f"{problem}; use one of: {self.examples()}")
        return provider.from_location(location)
