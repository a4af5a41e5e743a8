"""Score anonymized output against the gold spans: leaks, over-redaction, token P/R/F2."""
from __future__ import annotations

import collections
import difflib
import json
import re
from typing import Dict, List

from tests.evaluation.corpus import DIGITS, Conversation
from transforms.core.pseudonym import PSEUDONYM_RE

_TOKEN = re.compile(r"\S+")
_WORD_DIGIT = {w: str(i) for i, w in enumerate(DIGITS)} | {"oh": "0"}
PREDICTED_TYPE = {
    "EMAIL": "EMAIL", "EMAIL_ADDRESS": "EMAIL", "PHONE": "PHONE", "PHONE_NUMBER": "PHONE",
    "US_SSN": "SSN", "CREDIT_CARD": "CREDIT_CARD", "IBAN": "IBAN", "IBAN_CODE": "IBAN",
    "POLICY_ACCOUNT_ID": "POLICY_ID", "CUSTOMER_ID": "CUSTOMER_ID", "ADDRESS": "ADDRESS",
    "STREET_ADDRESS": "ADDRESS", "DATE_OF_BIRTH": "DOB", "PERSON": "PERSON",
    "SECRET_TOKEN": "SESSION_TOKEN", "SESSION_TOKEN": "SESSION_TOKEN", "SECRET": "SESSION_TOKEN",
    "REMOVED_URL": "URL_TOKEN", "LOCATION": "LOCATION", "ORGANIZATION": "ORGANIZATION",
}


def spoken_to_digits(text: str) -> str:
    """'seven double two oh' -> '7220'; other words kept."""
    out, words, i = [], text.split(), 0
    while i < len(words):
        w = words[i].strip(".,;:!?").lower()
        if w in ("double", "triple") and i + 1 < len(words) and \
                words[i + 1].strip(".,").lower() in _WORD_DIGIT:
            out.append(_WORD_DIGIT[words[i + 1].strip(".,").lower()] * (2 if w == "double" else 3))
            i += 2
            continue
        out.append(_WORD_DIGIT.get(w, words[i]))
        i += 1
    return " ".join(out)


def digit_runs(text: str) -> List[str]:
    """Digit sequences, joining digits split only by spaces, dashes, dots or parentheses."""
    collapsed = re.sub(r"(?<=\d)[\s().\-]+(?=[\d(])", "", spoken_to_digits(text))
    return re.findall(r"\d+", collapsed)


def needles(kind: str, value: str) -> Dict[str, List[str]]:
    v = value.strip()
    if kind == "PERSON":
        return {"words": [w for w in re.split(r"[\s\-]+", v.lower()) if len(w) >= 3]}
    if kind in ("PHONE", "SSN", "CREDIT_CARD"):
        digits = "".join(digit_runs(v))
        return {"digits": [digits[-7:] if kind == "PHONE" else digits]}
    if kind == "EMAIL":
        local = v.lower().replace(" dot ", ".").replace(" dash ", "-").split(" at ")[0]
        local = local.split("@")[0]
        return {"text": [v.lower()] + [p for p in re.split(r"[._\-]", local)
                                       if any(c.isdigit() for c in p)]}
    if kind == "ADDRESS":
        return {"text": [" ".join(v.lower().split()[:2])]}
    if kind == "DOB":
        return {"words": [y for y in re.findall(r"\b(?:19|20)\d\d\b", v)]}
    if kind == "SESSION_TOKEN":
        return {"text": [v.lower().split("_", 1)[-1]]}
    if kind == "URL_TOKEN":
        return {"text": [v.split("=", 1)[-1].lower()]}
    return {"text": [v.lower()]}


def leaked(kind: str, value: str, output: str) -> bool:
    out = PSEUDONYM_RE.sub(" ", output).lower()
    n = needles(kind, value)
    if any(t and t in out for t in n.get("text", [])):
        return True
    if any(re.search(r"\b" + re.escape(w) + r"\b", out) for w in n.get("words", [])):
        return True
    runs = digit_runs(out)
    return any(d and any(d in r for r in runs) for d in n.get("digits", []))


def output_fields(row: dict) -> Dict[str, str]:
    fields = {"transcript_text": row.get("transcript_text") or "",
              "notes": row.get("notes") or ""}
    custom = json.loads(row.get("custom_data_fields") or "{}")
    for key, value in custom.items():
        fields[f"custom_data_fields.{key}"] = json.dumps(value) if not isinstance(
            value, str) else value
    return fields


def _predicted(chunk: List[str]) -> str:
    for tok in chunk:
        m = PSEUDONYM_RE.search(tok)
        if m:
            return PREDICTED_TYPE.get(m.group(0).split("#")[0], "OTHER")
        m = re.search(r"<([A-Z_]+)>", tok)
        if m:
            return PREDICTED_TYPE.get(m.group(1), "OTHER")
    return "OTHER"


def score(conversations: List[Conversation], rows: Dict[str, dict]) -> dict:
    leaks, totals = collections.Counter(), collections.Counter()
    tp, fp, gold_tokens, caught_tokens = (collections.Counter() for _ in range(4))
    ordinary_total = ordinary_lost = 0
    missing = 0
    for conv in conversations:
        row = rows.get(conv.record["conversation_id"])
        if row is None:  # quarantined or dead-lettered: nothing leaked to the dataset
            missing += 1
            continue
        outputs = output_fields(row)
        inputs = {"transcript_text": conv.record["transcript_text"],
                  "notes": conv.record["notes"]}
        inputs.update({f"custom_data_fields.{k}": v for k, v in
                       conv.record["custom_data_fields"].items() if isinstance(v, str)})
        for gold in conv.gold:
            key = gold.type + ("/speech" if conv.style == "voice" and
                               gold.field == "transcript_text" else
                               "/french" if conv.style == "french" else "")
            totals[key] += 1
            leaks[key] += leaked(gold.type, gold.value, outputs.get(gold.field, ""))
        text_out = " ".join(outputs.values()).lower()
        for word in conv.ordinary:
            ordinary_total += 1
            ordinary_lost += not re.search(r"\b" + word + r"\b", text_out)
        for field, text in inputs.items():
            labels = []
            spans = [g for g in conv.gold if g.field == field]
            for m in _TOKEN.finditer(text):
                label = next((g.type for g in spans if g.start < m.end() and m.start() < g.end),
                             None)
                labels.append(label)
            src = [m.group(0) for m in _TOKEN.finditer(text)]
            dst = _TOKEN.findall(outputs.get(field, ""))
            matcher = difflib.SequenceMatcher(a=src, b=dst, autojunk=False)
            for op, i1, i2, j1, j2 in matcher.get_opcodes():
                if op == "equal":
                    for label in labels[i1:i2]:
                        if label:
                            gold_tokens[label] += 1
                    continue
                predicted = _predicted(dst[j1:j2])
                for label in labels[i1:i2]:
                    if label:
                        gold_tokens[label] += 1
                        caught_tokens[label] += 1
                    if label == predicted:
                        tp[predicted] += 1
                    else:
                        fp[predicted] += 1
    per_type = {}
    for kind in sorted(set(gold_tokens) | set(tp) | set(fp)):
        precision = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else None
        recall = caught_tokens[kind] / gold_tokens[kind] if gold_tokens[kind] else None
        f2 = (5 * precision * recall / (4 * precision + recall)
              if precision and recall else None)
        per_type[kind] = {"precision": precision, "recall": recall, "f2": f2}
    languages = collections.Counter(
        (conv.style == "french", rows[c].get("language")) for conv in conversations
        if (c := conv.record["conversation_id"]) in rows)
    return {"leak_rate": {k: leaks[k] / totals[k] for k in sorted(totals)},
            "language_choice": {f"{'french' if fr else 'other'} -> {lang}": n
                                for (fr, lang), n in sorted(languages.items())},
            "leaks": dict(leaks), "planted": dict(totals), "token_scores": per_type,
            "over_redaction": ordinary_lost / ordinary_total if ordinary_total else 0.0,
            "conversations_not_in_dataset": missing}
