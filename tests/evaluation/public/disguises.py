"""A fixed list of Unicode disguises of personal data (issue 9), each with what must not
be left in the output.

"Left" is judged on a normalized view of the output (NFKC, format and control characters
removed, pseudonyms and placeholders removed): a number is left when its digits are there
in a row (a phone's last seven), an email when any piece of its local part is, a name
when it is. A disguise counts once, left or not.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Dict, List, Tuple

from transforms.core.pseudonym import PSEUDONYM_RE

_PLACEHOLDER = re.compile(r"<[A-Z][A-Z0-9_]*>")


@dataclasses.dataclass(frozen=True)
class Disguise:
    name: str  # what the disguise is (printed; never the value)
    text: str
    needles: Tuple[str, ...]  # none of these may be left
    digits: bool  # compare digits only


DISGUISES: List[Disguise] = [
    *[Disguise(f"phone with '{sep}' between groups", f"sure, call me back on 415{sep}555{sep}0147 "
               "after lunch", ("5550147",), True) for sep in "_~*|·"],
    Disguise("full-width email", "my email is ｆｗ．ｔｅｘｔ＠ｅｘａｍｐｌｅ．ｃｏｍ thanks",
             ("fw", "text"), False),
    Disguise("full-width SSN", "my social security number is ２１９－０９－９９３３",
             ("219099933",), True),
    Disguise("zero-width space inside an email", "write to jane.\u200bdoe@example.com please",
             ("jane", "doe"), False),
    Disguise("soft hyphen inside an email", "write to jane.do\u00ade@example.com please",
             ("jane", "doe"), False),
    Disguise("NUL inside an email", "write to jane.doe\u0000@example.com please",
             ("jane", "doe"), False),
    Disguise("zero-width space inside a phone", "my number is 415 555\u200b-0147",
             ("5550147",), True),
    Disguise("NUL inside a phone", "my number is 415 555\u00000147", ("5550147",), True),
    Disguise("BOM inside a phone", "my number is 415\ufeff555 0147", ("5550147",), True),
    Disguise("Chinese mobile number against Chinese text", "我的手机号是13812345678请尽快回电",
             ("13812345678",), True),
    Disguise("email touching Japanese text", "メールはtaro.yamada@example.jpです",
             ("taro", "yamada"), False),
    Disguise("Chinese name after a cue", "客户说：我叫李伟，请帮我查一下订单", ("李伟",), False),
    Disguise("Arabic name after a cue", "مرحبا، اسمي أحمد علي وأريد تغيير عنواني",
             ("أحمد",), False),
]


def normalized(text: str) -> str:
    text = unicodedata.normalize("NFKC", PSEUDONYM_RE.sub(" ", text))
    text = _PLACEHOLDER.sub(" ", text)
    return "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc") or c in "\n\t")


def left(disguise: Disguise, output: str) -> bool:
    out = normalized(output)
    if disguise.digits:
        digits = re.sub(r"\D", "", out)
        return any(n in digits for n in disguise.needles)
    return any(n.casefold() in out.casefold() for n in disguise.needles)


def exports() -> List[dict]:
    return [{"conversation_id": f"disguise-{i:02d}", "channel": "chat", "transcript_text": d.text,
             "notes": "", "custom_data_fields": {}} for i, d in enumerate(DISGUISES)]


def judge(outputs: Dict[str, str]) -> Dict[str, str]:
    """{disguise: "left" | "caught" | "not written"} from {record id: output text}."""
    result = {}
    for i, d in enumerate(DISGUISES):
        out = outputs.get(f"disguise-{i:02d}")
        result[d.name] = "not written" if out is None else ("left" if left(d, out) else "caught")
    return result
