"""Keep third-party libraries from reaching the network at run time.

tldextract (called by Presidio's email recognizer) fetches the public suffix list on
first use; we point it at its bundled snapshot. Call :func:`ensure_offline` before
building a Presidio engine (``DoFn.setup()`` does) and at CLI start.
"""
from __future__ import annotations

import os

_DONE = False


def ensure_offline() -> None:
    """Idempotent: tldextract uses its bundled suffix list and never downloads."""
    global _DONE
    if _DONE:
        return
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    import tldextract.tldextract as tld

    tld.TLD_EXTRACTOR = tld.TLDExtract(suffix_list_urls=(), cache_dir=None,
                                       fallback_to_snapshot=True)
    _DONE = True
