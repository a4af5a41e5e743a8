"""Unicode ranges of the non-Latin scripts hushbeam reads apart (regex class contents)."""
from __future__ import annotations

import re

ARABIC = r"\u0600-\u06ff"
KANA = r"\u3040-\u30ff"  # hiragana and katakana
HAN = r"\u3400-\u4dbf\u4e00-\u9fff"  # CJK unified ideographs and extension A
HANGUL = r"\uac00-\ud7af"

EAST_ASIAN_LETTER = re.compile(f"[{KANA}{HAN}{HANGUL}]")
ARABIC_LETTER = re.compile(f"[{ARABIC}]")
CJK_OR_ARABIC_LETTER = re.compile(f"[{ARABIC}{KANA}{HAN}{HANGUL}]")
