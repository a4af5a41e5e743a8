"""Chinese names after a cue ("我叫王小明", "我是李伟") or before a title ("王先生").

After a strong cue (我叫, 名字是...) any two to four Han characters are a name; after a
weak one (我是, 这是...) and before a title (先生, 女士...) the name must start with one of
the common surnames. Characters that are function words or common verbs end a name, and
words such as 谢谢 or 请问 are never part of one. Serves every language: Chinese records are
often labelled ``en``. The leak guard reuses :func:`find_chinese_names`.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from transforms.core.recognizers.common import SpanFinderRecognizer

SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
               "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷"
               "侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
COMPOUND_SURNAMES = ("欧阳", "上官", "司马", "诸葛", "东方", "皇甫", "慕容", "令狐", "司徒",
                     "夏侯", "尉迟", "长孙", "宇文")
# Never inside a given name: particles, pronouns, common verbs and the titles' first characters.
_NOT_GIVEN = set("的了是在我你他她它们吗呢吧啊呀哦嗯和与及或要想会能可以有没不很也就都还说打电话号码"
                 "手机邮箱地址请问您好谢先女经老这那个给跟找叫姓名字从到对把被让")
# Words never part of a name, many of them starting with a surname's character (高兴 "glad").
_NOT_NAME_WORDS = re.compile("谢谢|感谢|请问|您好|你好|麻烦|告诉|一下|没有|可以|高兴|方便|方法|马上|"
                             "余额|金额|周末|白天|许多|于是|任何|付款|付费|程序|范围|夏天|何时|曾经|"
                             "钱包|万一|石头|龙头|江湖|向您|向你|金卡|黄金|白金|叶子|田地|历史")
_HAN = "\u4e00-\u9fff"
_STRONG = re.compile(f"(?:我叫|我的名字是|名字是|名字叫|我姓名是|姓名[:：]?|本人是|叫我)\\s?(?=[{_HAN}])")
_WEAK = re.compile(f"(?:我是|这是|这里是|找|联系人[:：]?|客户|转给)\\s?(?=[{_HAN}])")
_TITLES = re.compile("先生|女士|小姐|太太|夫人|老师|经理|医生|同学")


def _surname_length(text: str, i: int) -> int:
    if text[i:i + 2] in COMPOUND_SURNAMES:
        return 2
    return 1 if i < len(text) and text[i] in SURNAMES else 0


def _given(text: str, i: int, most: int) -> int:
    """End of the given-name characters from ``i`` (at most ``most``)."""
    j = i
    while j < len(text) and j - i < most and "\u4e00" <= text[j] <= "\u9fff" \
            and text[j] not in _NOT_GIVEN:
        j += 1
    return j


def find_chinese_names(text: str) -> List[Tuple[int, int]]:
    """(start, end) of Chinese names by cue, weak cue with surname, or title."""
    if not re.search(f"[{_HAN}]", text):
        return []
    blocked = set()
    for m in _NOT_NAME_WORDS.finditer(text):
        blocked.update(range(m.start(), m.end()))
    spans = []
    for m in _STRONG.finditer(text):
        start = m.end()
        if start in blocked:
            continue
        end = _given(text, start, 4 if _surname_length(text, start) == 2 else 3)
        if end - start >= 2:
            spans.append((start, end))
    for m in _WEAK.finditer(text):
        start = m.end()
        surname = _surname_length(text, start)
        end = _given(text, start + surname, 2) if surname else start
        if surname and end > start + surname and start not in blocked:
            spans.append((start, end))
    for m in _TITLES.finditer(text):
        title = m.start()
        for length in (4, 3, 2, 1):
            start = title - length
            if start < 0 or any(p in blocked for p in range(start, title)):
                continue
            surname = _surname_length(text, start)
            if surname and surname <= length and _given(text, start + surname, 2) >= title:
                spans.append((start, title))
                break
    return spans


class ChineseNameRecognizer(SpanFinderRecognizer):
    """Chinese names by cue or title (0.7)."""

    find = staticmethod(find_chinese_names)
