"""Japanese names after a cue ("私の名前は山田太郎です"), before "と申します", or before an
honorific ("田中さん", "たなか様").

The name is the run of kanji (up to four), katakana or hiragana (up to four, a leading
particle dropped) next to the cue. Words such as お客様, 皆さん, お疲れ様 are not names:
a run after an honorific prefix (お, ご) or in :data:`_NOT_NAMES` is skipped. Serves every
language: Japanese records are often labelled ``en``. The leak guard reuses
:func:`find_japanese_names`.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from transforms.core.recognizers.common import SpanFinderRecognizer

_KANJI, _KATAKANA, _HIRAGANA = "\u4e00-\u9fff\u3005", "\u30a1-\u30fa\u30fc\u30fb", "\u3041-\u3096"
_RUN = re.compile(f"[{_KANJI}]+|[{_KATAKANA}]+|[{_HIRAGANA}]+")
_CUE_BEFORE = re.compile("(?:私の名前は|わたしの名前は|僕の名前は|名前は|氏名は|氏名[:：])\\s?")
_CUE_AFTER = re.compile("と申します|と申しま|といいます|と言います|と申す|でございます")
_HONORIFIC = re.compile("さん|様|さま|サマ|氏(?!名)|くん|君|ちゃん|殿")
# Words ending in an honorific's character that are no name (同様 "likewise", 彼氏...).
_COMPOUNDS = {"同様", "仕様", "模様", "多様", "異様", "一様", "文様", "貴様", "殿様", "人様", "各様",
              "左様", "有様", "皆様", "神様", "王様", "奥様", "客様", "陰様", "諸君", "貴君", "主君",
              "暴君", "彼氏", "同氏", "両氏", "宮殿", "神殿", "御殿", "たくさん", "みなさん"}
_ENDINGS = re.compile("です|でござ|と申|といい|と言|だ|で|と|、|。")
_PARTICLES = set("はがをにでともへのや")
_NOT_NAMES = {"たく", "赤", "あか", "客", "皆", "奥", "神", "王", "母", "父", "兄", "姉", "弟", "妹",
              "子", "娘", "息子",
              "主人", "旦那", "先生", "社長", "部長", "課長", "店長", "担当", "担当者", "彼", "彼女",
              "みな", "みんな", "あなた", "どちら", "こちら", "そちら", "だれ", "誰", "何",
              "お客", "王子", "姫", "仏", "殿"}


def _trim(run: str, start: int, after_cue: bool) -> Optional[Tuple[int, int]]:
    """The name in a run next to a cue (``after_cue``: the run follows the cue)."""
    end = start + len(run)
    first = run[0]
    if "\u3041" <= first <= "\u3096":  # hiragana
        if after_cue:
            cut = _ENDINGS.search(run)
            end = start + (cut.start() if cut else len(run))
        elif len(run) > 4:
            start = end - 4
        if not after_cue and len(run) > 3 and run[0] in _PARTICLES:
            start += 1
    elif "\u4e00" <= first <= "\u9fff" or first == "\u3005":
        if after_cue:
            end = min(end, start + 5)
        else:
            start = max(start, end - 4)
    if end - start < 1:
        return None
    return start, end


def _run_start(text: str, end: int) -> int:
    """Start of the run of one script (kanji, katakana or hiragana) ending at ``end``."""
    script = _script(text[end - 1]) if end else ""
    if not script:
        return end
    start = end - 1
    while start > 0 and _script(text[start - 1]) == script:
        start -= 1
    return start


def _script(ch: str) -> str:
    if "\u3041" <= ch <= "\u3096":
        return "hiragana"
    if ch in "\u30fc\u30fb" or "\u30a1" <= ch <= "\u30fa":
        return "katakana"
    return "kanji" if "\u4e00" <= ch <= "\u9fff" or ch == "\u3005" else ""


def find_japanese_names(text: str) -> List[Tuple[int, int]]:
    """(start, end) of Japanese names by cue or honorific."""
    if not re.search(f"[{_HIRAGANA}{_KATAKANA}]", text):
        return []
    spans = []
    for m in _CUE_BEFORE.finditer(text):
        run = _RUN.match(text, m.end())
        if run:
            span = _trim(run.group(0), run.start(), after_cue=True)
            if span and span[1] - span[0] >= 2:
                spans.append(span)
    for m in list(_CUE_AFTER.finditer(text)) + list(_HONORIFIC.finditer(text)):
        start = _run_start(text, m.start())
        if start == m.start() or text[m.start() - 1] + m.group(0) in _COMPOUNDS or \
                text[max(0, m.start() - 2):m.end()] in _COMPOUNDS:
            continue
        span = _trim(text[start:m.start()], start, after_cue=False)
        if not span:
            continue
        name = text[span[0]:span[1]]
        prefixed = span[0] > 0 and text[span[0] - 1] in "おご御" or name[0] in "おご御"
        short_kana = len(name) < 2 and not ("\u4e00" <= name[0] <= "\u9fff")
        if not prefixed and not short_kana and name not in _NOT_NAMES:
            spans.append(span)
    return spans


class JapaneseNameRecognizer(SpanFinderRecognizer):
    """Japanese names by cue or honorific (0.7)."""

    find = staticmethod(find_japanese_names)
