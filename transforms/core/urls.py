"""Strip links to recordings and media, secret-bearing URLs and bare tokens from text.

Runs before Presidio. A URL whose host or path names a recording or media item, or whose
query carries a token, signature or credential, becomes ``<REMOVED_URL>``. Any
other URL keeps only its scheme and host (paths can hold names and ids). JSON web
tokens and ``Bearer`` tokens outside URLs become ``<SECRET_TOKEN>``.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Tuple
from urllib.parse import parse_qsl, urlsplit

URL_RE = re.compile(r"""(?i)\b(?:https?://|www\.)[^\s<>"'`]+""")
_TRAILING = ".,;:!?)]}'\""
# A JSON web token: three base64url segments, the first a JSON object ("eyJ"). Two forms
# on purpose: stripping stops at a word boundary, so a '-' right after a token stays in
# the text as it always has; the leak guard searches without it, so a token whose last
# segment ends in '-' is still caught.
JWT = r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}"
JWT_RE = re.compile(JWT + r"\b")  # what strip_tokens replaces
JWT_ANYWHERE_RE = re.compile(JWT)  # what the leak guard looks for
_BEARER_RE = re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]{16,}")
_OPAQUE_SEGMENT = re.compile(r"^(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9_\-=.~%]{24,}$")
REMOVED_URL = "<REMOVED_URL>"
SECRET_TOKEN = "<SECRET_TOKEN>"


@dataclasses.dataclass(frozen=True)
class UrlRules:
    secret_params: Tuple[str, ...]
    media_markers: Tuple[str, ...]


def is_secret_url(url: str, rules: UrlRules) -> bool:
    parts = urlsplit(url if "://" in url else "http://" + url)
    params = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    params |= {k.lower() for k, _ in parse_qsl(parts.fragment, keep_blank_values=True)}
    if params & {p.lower() for p in rules.secret_params}:
        return True
    words = re.split(r"[/._-]+", parts.path.lower()) + re.split(r"[.-]+", parts.hostname or "")
    if set(words) & {m.lower() for m in rules.media_markers}:
        return True
    if re.search(r"\.(?:wav|mp3|m4a|ogg|opus|flac|mp4|webm|aac)$", parts.path.lower()):
        return True
    return any(_OPAQUE_SEGMENT.match(s) for s in parts.path.split("/"))


def strip_urls(text: str, rules: UrlRules) -> Tuple[str, int, int]:
    """Returns (text, secret URLs removed, other URLs cut to their origin)."""
    removed = trimmed = 0
    out, last = [], 0
    for match in URL_RE.finditer(text):
        url = match.group(0)
        stripped = url.rstrip(_TRAILING)
        end = match.start() + len(stripped)
        out.append(text[last:match.start()])
        if is_secret_url(stripped, rules):
            out.append(REMOVED_URL)
            removed += 1
        else:
            parts = urlsplit(stripped if "://" in stripped else "http://" + stripped)
            origin = (f"{parts.scheme}://{parts.hostname}" if "://" in stripped
                      else (parts.hostname or ""))
            has_more = bool(parts.path.strip("/") or parts.query or parts.fragment)
            out.append(origin + ("/<URL_PATH>" if has_more else ""))
            trimmed += 1 if has_more else 0
        last = end
    out.append(text[last:])
    return "".join(out), removed, trimmed


def strip_tokens(text: str) -> Tuple[str, int]:
    """Replace JSON web tokens and bearer tokens; returns (text, count)."""
    text, n_jwt = JWT_RE.subn(SECRET_TOKEN, text)
    text, n_bearer = _BEARER_RE.subn(lambda m: f"{m.group(1)} {SECRET_TOKEN}", text)
    return text, n_jwt + n_bearer


def strip_secrets(text: str, rules: UrlRules) -> Tuple[str, dict]:
    """URLs then tokens; returns the text and counts by kind."""
    text, removed, trimmed = strip_urls(text, rules)
    text, tokens = strip_tokens(text)
    return text, {"REMOVED_URL": removed, "URL_PATH": trimmed, "SECRET_TOKEN": tokens}


