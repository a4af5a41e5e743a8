"""What the AWS formats share (Beam-free): ``Transcript`` items as turns (Contact Lens voice
and chat, the Connect chat transcript, Transcribe Call Analytics), and the analytics of
``ConversationCharacteristics`` and ``Categories``.

Read: ``Content`` (the turn's text), the role (``ParticipantRole``, or the role its
``ParticipantId`` has in ``Participants``), ``BeginOffsetMillis`` or ``AbsoluteTime``,
``DisplayName`` (names to find again), ``LanguageCode``. Never copied: account, instance,
contact, participant and item ids, S3 URIs, loudness, word items, redaction offsets, and
the ``IssuesDetected``/``OutcomesDetected``/``ActionItemsDetected`` quotes of the text.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from transforms.core.formats.base import Item
from transforms.core.formats.canonical import channel as canonical_channel
from transforms.core.formats.canonical import role, turn
from transforms.core.formats.vendor_fields import (display_names, epoch_ms, iso_from_epoch_ms,
                                                   stand_in_id, text_of, whole_ms)

_SENTIMENT_RANGE = 5.0  # AWS scores sentiment from -5 to 5; sentiment_score is -1 to 1
_REDACTION_OUTPUTS = ("Raw", "Redacted")


def _mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _items(value: Any) -> List[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def participant_roles(document: dict) -> Dict[str, str]:
    """ParticipantId -> canonical role, from ``Participants``."""
    return {p["ParticipantId"]: role(p.get("ParticipantRole"))
            for p in _items(document.get("Participants"))
            if isinstance(p.get("ParticipantId"), str) and p.get("ParticipantRole")}


def turns_of(document: dict) -> Tuple[List[dict], Optional[str]]:
    """(turns of ``Transcript``, start time: the first ``AbsoluteTime``). Events (joined,
    left) and items without text are not turns."""
    roles = participant_roles(document)
    items = _items(document.get("Transcript"))
    times = [epoch_ms(i.get("AbsoluteTime")) for i in items]
    known = [t for t in times if t is not None]
    base = known[0] if known else None
    turns = []
    for item, moment in zip(items, times):
        text = item.get("Content")
        if not isinstance(text, str) or str(item.get("Type", "MESSAGE")).upper() == "EVENT":
            continue
        who = item.get("ParticipantRole") or roles.get(item.get("ParticipantId")) or (
            item.get("ParticipantId"))
        begin = whole_ms(item.get("BeginOffsetMillis"))
        if begin is None and moment is not None and base is not None:
            begin = moment - base
        turns.append(turn(role(who), begin, text))
    return turns, iso_from_epoch_ms(base)


def display_names_of(document: dict) -> List[Any]:
    """Every ``DisplayName`` of ``Participants`` and ``Transcript`` items."""
    return [i.get("DisplayName") for key in ("Participants", "Transcript")
            for i in _items(document.get(key))]


def analytics_of(document: dict) -> Tuple[dict, Optional[float], Optional[str]]:
    """(the ``analytics`` field, the customer's sentiment from -1 to 1, the
    post-contact summary text) of ``ConversationCharacteristics`` and ``Categories``."""
    cc = _mapping(document.get("ConversationCharacteristics"))
    out: Dict[str, Any] = {}
    categories = _mapping(document.get("Categories")).get("MatchedCategories")
    if isinstance(categories, list):
        out["categories"] = [c for c in categories if isinstance(c, str)]
    talk = _mapping(cc.get("TalkTime"))
    by_role = {role(r): whole_ms(_mapping(d).get("TotalTimeMillis"))
               for r, d in _mapping(talk.get("DetailsByParticipant")).items()}
    if talk:
        out["talk_time_ms"] = dict(by_role, total=whole_ms(talk.get("TotalTimeMillis")))
    for key, value in (("duration_ms", cc.get("TotalConversationDurationMillis")),
                       ("non_talk_time_ms", _mapping(cc.get("NonTalkTime")).get(
                           "TotalTimeMillis")),
                       ("interruptions", _mapping(cc.get("Interruptions")).get("TotalCount"))):
        if whole_ms(value) is not None:
            out[key] = whole_ms(value)
    overall = _mapping(_mapping(cc.get("Sentiment")).get("OverallSentiment"))
    overall = _mapping(overall.get("DetailsByParticipantRole")) or overall  # chat, or voice
    sentiment = {role(r): round(float(s), 4) for r, s in overall.items()
                 if isinstance(s, (int, float)) and not isinstance(s, bool)}
    if sentiment:
        out["sentiment"] = sentiment
    output = _mapping(document.get("ContentMetadata")).get("Output")
    if output in _REDACTION_OUTPUTS:
        out["vendor_redaction"] = output.lower()
    score = sentiment.get("customer")
    score = None if score is None else round(max(-1.0, min(1.0, score / _SENTIMENT_RANGE)), 4)
    summary = text_of(_mapping(_mapping(cc.get("ContactSummary")).get(
        "PostContactSummary")).get("Content"))
    return out, score, summary


def language_of(document: dict) -> Optional[str]:
    return text_of(document.get("LanguageCode"))


def aws_record(document: dict, conversation_id: Any, channel: Any) -> Item:
    """The item of one AWS document whose id and channel its format found."""
    turns, start = turns_of(document)
    analytics, score, summary = analytics_of(document)
    record = {"conversation_id": text_of(conversation_id) or stand_in_id(document),
              "start_time": start,
              "channel": canonical_channel(channel),
              "turns": turns, "notes": summary, "analytics": analytics or None,
              "sentiment_score": score, "language": language_of(document)}
    return Item(0, record={k: v for k, v in record.items() if v is not None},
                names=display_names(display_names_of(document)),
                id_fields=("conversation_id",))
