"""The normalized shadow of a text that detectors and the leak guard read, with a map back
to the original characters.

A value can be disguised so that a detector reading the text as written misses it: a
full-width email (``ｆｗ＠ｅｘａｍｐｌｅ．ｃｏｍ``), a zero-width space, soft hyphen, joiner,
BOM or NUL inside a phone number (``555\\u200b-0147``), digit groups joined by ``_ ~ * | ·``
or an unusual dash. The shadow reads each original character in NFKC form (per character
with its combining marks, so a ligature or ``㎏`` may become several characters), drops
format (Cf) and control characters (tab and line breaks aside), writes every decimal digit
as an ASCII digit, and makes the separators between digit groups uniform (``-``, or one
space for blanks) outside ASCII words holding a letter or ``@`` (an email's ``user1_2`` or
an id's ``CUST_12_34`` stay as written).

``Shadow.original_span`` maps a span found in the shadow to the original characters that
cover it, invisible ones in between included, so a replacement leaves none of them.
ASCII text with nothing to fold is its own shadow (no copy, no map).
"""
from __future__ import annotations

import re
import unicodedata
from typing import List, Optional, Tuple

# Characters that may stand between digit groups; dash-like ones first.
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\u30fc\u2043"
_MARKS = "_~*|\u00b7\u2022\u2027\u2219\u22c5\u30fb\u2981\u00a6\u223c\uff5e"
SEPARATORS = _DASHES + _MARKS
# Any of them, for a value known to be a phone number (normalize_phone).
SEPARATOR = re.compile(f"[{SEPARATORS}]")
_BLANKS = " \t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_SEP_RUN = re.compile(f"(?<=[0-9)])[{SEPARATORS}{_BLANKS}]{{1,3}}(?=[0-9(])")
_NON_UNIFORM = re.compile(f"(?<=[0-9)])(?:[{_MARKS}\t]|[{SEPARATORS}{_BLANKS}]{{2,3}})(?=[0-9(])")
# An ASCII word with a letter or an @ (an email, an id): its separators stay as written.
_WORDISH = r"[A-Za-z0-9_%+\-@~*|()]"
_PROTECTED = re.compile(f"{_WORDISH}*[A-Za-z@]{_WORDISH}*")
_ASCII_WORK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_KEPT_CONTROLS = "\t\n\r"


class Shadow:
    """A text's shadow and, unless it is the text itself, where each of its characters
    comes from: ``starts[i]``..``ends[i]`` in the original."""

    __slots__ = ("original", "text", "starts", "ends")

    def __init__(self, original: str, text: str, starts: Optional[List[int]] = None,
                 ends: Optional[List[int]] = None):
        self.original, self.text, self.starts, self.ends = original, text, starts, ends

    @property
    def identity(self) -> bool:
        return self.starts is None

    def original_span(self, start: int, end: int) -> Tuple[int, int]:
        """The original characters covering shadow[start:end] (every one between the
        first's start and the last's end, invisible ones included)."""
        if self.starts is None:
            return start, end
        if start >= end:
            at = self.starts[start] if start < len(self.starts) else len(self.original)
            return at, at
        return self.starts[start], self.ends[end - 1]


def _needs_work(text: str) -> bool:
    if text.isascii():
        return bool(_ASCII_WORK.search(text) or _NON_UNIFORM.search(text))
    return True


def _invisible(ch: str) -> bool:
    if ch.isascii():
        return (ch < " " and ch not in _KEPT_CONTROLS) or ch == "\x7f"
    return unicodedata.category(ch) in ("Cf", "Cc")


def _read(text: str) -> Tuple[List[str], List[int], List[int]]:
    """Per original character with its combining marks (invisible ones between them
    skipped): NFKC, invisible characters dropped, decimal digits as ASCII."""
    chars, starts, ends = [], [], []
    n, i = len(text), 0
    while i < n:
        if _invisible(text[i]):
            i += 1
            continue
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or _invisible(text[j])):
            j += 1
        piece = text[i] if j == i + 1 else "".join(c for c in text[i:j] if not _invisible(c))
        out = piece if piece.isascii() else unicodedata.normalize("NFKC", piece)
        for ch in out:
            if not ch.isascii():
                category = unicodedata.category(ch)
                if category in ("Cf", "Cc"):
                    continue
                if category == "Nd":
                    ch = str(unicodedata.decimal(ch))
            chars.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return chars, starts, ends


def build_shadow(text: str) -> Shadow:
    """The shadow of ``text`` (see the module's docstring)."""
    if not _needs_work(text):
        return Shadow(text, text)
    chars, starts, ends = _read(text)
    read = "".join(chars)
    protected = [m.span() for m in _PROTECTED.finditer(read)] if "@" in read or any(
        c.isascii() and c.isalpha() for c in read) else []
    out, out_starts, out_ends, last = [], [], [], 0
    k = 0  # index into protected
    for m in _SEP_RUN.finditer(read):
        s, e = m.span()
        while k < len(protected) and protected[k][1] <= s:
            k += 1
        if k < len(protected) and protected[k][0] < e:
            continue  # inside an email or an id
        run = m.group(0)
        uniform = " " if run.isspace() else "-"
        if run == uniform:
            continue
        out.append(read[last:s])
        out_starts.extend(starts[last:s])
        out_ends.extend(ends[last:s])
        out.append(uniform)
        out_starts.append(starts[s])
        out_ends.append(ends[e - 1])
        last = e
    if not out:
        return Shadow(text, text) if read == text else Shadow(text, read, starts, ends)
    out.append(read[last:])
    out_starts.extend(starts[last:])
    out_ends.extend(ends[last:])
    return Shadow(text, "".join(out), out_starts, out_ends)


def shadow_text(text: str) -> str:
    """Only the shadow's text (for a check that needs no offsets)."""
    return build_shadow(text).text


def read_visible(text: str) -> str:
    """The shadow's reading of each character without folding separators: what a
    structured value is hashed as (``user1_2@x.com`` stays, ``４１５`` is ``415``)."""
    if text.isascii() and not _ASCII_WORK.search(text):
        return text
    return "".join(_read(text)[0])
