"""Arabic names after a cue: "اسمي أحمد علي" (my name is), "السيد" (Mr.), "الدكتورة" (Dr.).

One or two Arabic words follow the cue (more after بن, أبو, عبد...); a function word, a
common verb or noun of a request (أريد, رقم...) or anything not in Arabic script ends the
name. Serves every language: Arabic records are often labelled ``en``. The leak guard
reuses :func:`find_arabic_names`.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from transforms.core.recognizers.common import SpanFinderRecognizer

_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3][\u0621-\u065f\u0670-\u06d3]*")
_CUE = re.compile("(?<![\u0621-\u064a])(?:أنا اسمي|انا اسمي|اسمي|إسمي|اسمه|اسمها|السيدة|السيد|"
                  "الأستاذة|الأستاذ|الاستاذ|الدكتورة|الدكتور|المهندس|معك|معاك)"
                  "(?![\u0621-\u064a])[\\s:،,]*")
_NOT_NAME = {"و", "في", "من", "على", "إلى", "الى", "عن", "مع", "هو", "هي", "أنا", "انا", "نعم",
             "لا", "شكرا", "شكراً", "أريد", "اريد", "عندي", "لدي", "رقم", "رقمي", "هاتفي", "هاتف",
             "بريدي", "هل", "ما", "كيف", "أن", "إن", "ان", "التي", "الذي", "هذا", "هذه", "كان",
             "يا", "خدمة", "العملاء", "قسم", "لو", "سمحت", "ممكن", "أود", "اود", "حسابي", "عنواني",
             "بخصوص", "لأن", "الآن", "اليوم", "من", "أتصل", "اتصل", "مرحبا", "مرحباً", "السلام",
             "عليكم", "الكريم", "العزيز", "المحترم", "المحترمة", "الرقم", "البريد", "كامل"}


_LINKS = {"بن", "بنت", "ابن", "أبو", "ابو", "عبد", "آل"}  # a third word only after these


def _stop(word: str) -> bool:
    return word in _NOT_NAME or (word[:1] == "و" and word[1:] in _NOT_NAME)


def find_arabic_names(text: str) -> List[Tuple[int, int]]:
    """(start, end) of Arabic names after a cue."""
    if not re.search("[\u0621-\u064a]", text):
        return []
    spans = []
    for m in _CUE.finditer(text):
        pos, end = m.end(), None
        for count in range(4):
            word = _WORD.match(text, pos)
            if not word or _stop(word.group(0)) or (
                    count >= 2 and text[m.end():end].split()[-1] not in _LINKS):
                break
            end = word.end()
            gap = re.match(r"[ \t]+", text[end:])
            if not gap:
                break
            pos = end + gap.end()
        if end is not None:
            spans.append((m.end(), end))
    return spans


class ArabicNameRecognizer(SpanFinderRecognizer):
    """Arabic names by cue (0.7)."""

    find = staticmethod(find_arabic_names)
