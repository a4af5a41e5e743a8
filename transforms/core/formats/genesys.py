"""Genesys Cloud: analytics conversation detail records (one record, or a query result
``{"conversations": [...]}``) and speech & text analytics transcripts
(``transcripts[].phrases[]``); one canonical record per conversation id, joined when a
file (or message) holds both parts of a conversation.

Detail record, read: ``conversationId`` (pseudonymized), ``conversationStart``,
``originatingDirection``, per participant ``purpose``, ``participantName``,
``externalContactId`` (the customer's, as ``customerID``), per session ``mediaType``,
``direction``, ``ani``/``dnis``/``addressFrom``/``addressTo``/``addressSelf`` (the
customer's phone or email), ``callbackNumbers``, ``callbackUserName``, ``remote``,
``metrics``, and per segment ``wrapUpNote`` (as ``notes``) and ``disconnectType``.
Transcript, read:
``conversationId``, ``conversationStartTime``, ``mediaType``, ``participants[]`` (purpose,
``ani``/``dnis``/``from``/``to``), per phrase ``text``, ``participantPurpose`` and
``startTimeMs``, and topic names and sentiment. Every other field (user, queue, division,
edge, session, script, campaign and recording ids, ``sip:`` hosts, ``uri``, words,
alternatives) is not read.
"""
from __future__ import annotations

import collections
import re
from typing import Any, Dict, Iterator, List, Optional

from transforms.core.formats.base import Item
from transforms.core.formats.canonical import channel, role, turn
from transforms.core.formats.documents import JsonDocumentFormat, Value
from transforms.core.formats.vendor_fields import (display_names, distinct, email_of, epoch_ms,
                                                   iso_from_epoch_ms, one_or_many, phone_of,
                                                   text_of, whole_ms)

_CUSTOMER_SIDE = ("customer", "external")
_CALLER_SEEN_BY = ("ivr", "acd")  # their sessions' ani is the caller's
# whose participantName may be a person's (an ivr's is the caller's name from the network);
# an acd's is a queue's, a workflow's a flow's
_NAMED = ("customer", "external", "agent", "user", "ivr")
_METRIC = re.compile(r"[nt][A-Z][A-Za-z]{1,40}")
_DIRECTIONS = ("inbound", "outbound")
_DISCONNECTS = ("endpoint", "client", "system", "transfer", "error", "peer", "other",
                "spam", "timeout", "transportFailure", "conferenceTransfer",
                "consultTransfer", "forwardTransfer", "noAnswerTransfer",
                "notAvailableTransfer", "uncallable")


def _list(value: Any) -> List[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def is_detail(document: Any) -> bool:
    return (isinstance(document, dict) and "conversationId" in document
            and isinstance(document.get("participants"), list)
            and "transcripts" not in document)


def is_transcript(document: Any) -> bool:
    return (isinstance(document, dict) and isinstance(document.get("transcripts"), list)
            and ("conversationId" in document or "communicationId" in document))


def is_query_result(document: Any) -> bool:
    return isinstance(document, dict) and isinstance(document.get("conversations"), list)


class _Conversation:
    """The parts of one conversation found in a file."""

    def __init__(self, cid: str):
        self.cid = cid
        self.details: List[dict] = []
        self.transcripts: List[dict] = []


class GenesysCloud(JsonDocumentFormat):
    name = "genesys-cloud"
    joins_documents = True  # a conversation's details and transcripts, joined per file

    def recognises(self, document: Any) -> bool:
        return is_query_result(document) or is_detail(document) or is_transcript(document)

    def convert(self, documents: List[Value]) -> Iterator[Item]:
        slots: List[Any] = []  # a _Conversation, or the Item of a dead letter, in order
        by_id: Dict[str, _Conversation] = {}

        def part(document: dict, kind: str) -> None:
            cid = text_of(document.get("conversationId")) or text_of(
                document.get("communicationId"))
            if cid is None:
                slots.append(Item(0, reason="missing_conversation_id",
                                  raw=self.foreign(Value(document)).raw))
                return
            if cid not in by_id:
                by_id[cid] = _Conversation(cid)
                slots.append(by_id[cid])
            getattr(by_id[cid], kind).append(document)

        for document in documents:
            value = document.value
            if document.reason or not self.recognises(value):
                slots.append(self.foreign(document))
            elif is_query_result(value):
                for conversation in value["conversations"]:
                    if isinstance(conversation, dict):
                        part(conversation, "details")
                    else:
                        slots.append(self.foreign(Value(conversation)))
            else:
                part(value, "transcripts" if is_transcript(value) else "details")
        for slot in slots:
            yield slot if isinstance(slot, Item) else _record(slot)


def _record(conversation: _Conversation) -> Item:
    found = _Found()
    for detail in conversation.details:
        found.detail(detail)
    for transcript in conversation.transcripts:
        found.transcript(transcript)
    record = {"conversation_id": conversation.cid, "start_time": found.start,
              "channel": found.channel, "phoneNumber": one_or_many(found.phones),
              "emailAddress": one_or_many(found.emails),
              "customerID": one_or_many(found.customer_ids),
              "turns": sorted(found.turns, key=lambda t: (t["begin_ms"] is None,
                                                          t["begin_ms"] or 0))
              if conversation.transcripts else None,
              "notes": "\n".join(found.notes) or None,
              "analytics": found.analytics() or None,
              "sentiment_score": found.sentiment_score(), "language": found.language}
    return Item(0, record={k: v for k, v in record.items() if v is not None},
                names=display_names(found.names), id_fields=("conversation_id",))


class _Found:
    """What the parts of one conversation say, gathered."""

    def __init__(self):
        self.start: Optional[str] = None
        self.channel: Optional[str] = None
        self._customer_channel = False  # the channel is that of a customer's session
        self.language: Optional[str] = None
        self.direction: Optional[str] = None
        self.phones: List[str] = []
        self.emails: List[str] = []
        self.customer_ids: List[str] = []
        self.names: List[Any] = []
        self.notes: List[str] = []
        self.turns: List[dict] = []
        self.media: List[str] = []
        self.metrics: Dict[str, float] = collections.Counter()
        self.disconnects: List[str] = []
        self.topics: List[str] = []
        self.sentiments: Dict[str, List[float]] = collections.defaultdict(list)

    def _address(self, value: Any) -> None:
        phone, email = phone_of(value), email_of(value)
        if phone:
            self.phones.append(phone)
        elif email:
            self.emails.append(email)

    def detail(self, detail: dict) -> None:
        self.start = self.start or iso_from_epoch_ms(epoch_ms(detail.get("conversationStart")))
        if detail.get("originatingDirection") in _DIRECTIONS:
            self.direction = detail["originatingDirection"]
        participants = _list(detail.get("participants"))
        has_customer = any(str(p.get("purpose")).lower() in _CUSTOMER_SIDE
                           for p in participants)
        for p in participants:
            purpose = str(p.get("purpose", "")).lower()
            if purpose in _NAMED:
                self.names.append(p.get("participantName"))
            if purpose in _CUSTOMER_SIDE and text_of(p.get("externalContactId")):
                self.customer_ids.append(p["externalContactId"])
            for session in _list(p.get("sessions")):
                self._session(session, purpose, has_customer)

    def _session(self, session: dict, purpose: str, has_customer: bool) -> None:
        media = channel(session.get("mediaType"))
        if media:
            self.media.append(media)
            if purpose in _CUSTOMER_SIDE or not (self.channel or has_customer):
                self.channel = self.channel if self._customer_channel else media
                self._customer_channel = purpose in _CUSTOMER_SIDE
        # the customer's name as the organisation's side sees it (a customer's own session
        # names the queue or agent it reached)
        self.names += [session.get(k) for k in ("callbackUserName", "aniName")]
        if purpose not in _CUSTOMER_SIDE:
            self.names += [session.get(k) for k in ("remote", "remoteNameDisplayable")]
        numbers = session.get("callbackNumbers")
        for number in numbers if isinstance(numbers, list) else []:
            self._address(number)
        outbound = session.get("direction") == "outbound"
        if purpose in _CUSTOMER_SIDE:
            for key in (("dnis", "addressTo") if outbound else ("ani", "addressFrom")):
                self._address(session.get(key))
            self._address(session.get("addressSelf"))
        elif purpose in _CALLER_SEEN_BY and not outbound:
            self._address(session.get("ani"))
        for segment in _list(session.get("segments")):
            note = text_of(segment.get("wrapUpNote"))
            if note:
                self.notes.append(note)
            if segment.get("disconnectType") in _DISCONNECTS:
                self.disconnects.append(segment["disconnectType"])
        for metric in _list(session.get("metrics")):
            name, value = metric.get("name"), metric.get("value")
            if (isinstance(name, str) and _METRIC.fullmatch(name)
                    and isinstance(value, (int, float)) and not isinstance(value, bool)):
                self.metrics[name] += value

    def transcript(self, transcript: dict) -> None:
        base = whole_ms(transcript.get("conversationStartTime")) or whole_ms(
            transcript.get("startTime"))
        self.start = self.start or iso_from_epoch_ms(base)
        self.channel = self.channel or channel(transcript.get("mediaType"))
        for p in _list(transcript.get("participants")):
            if str(p.get("participantPurpose", "")).lower() in _CUSTOMER_SIDE:
                outbound = p.get("initialDirection") == "outbound"
                for key in (("dnis", "to") if outbound else ("ani", "from")):
                    self._address(p.get(key))
        phrases = [(t, ph) for t in _list(transcript.get("transcripts"))
                   for ph in _list(t.get("phrases"))]
        starts = [whole_ms(ph.get("startTimeMs")) for _, ph in phrases]
        base = base if base is not None else min((s for s in starts if s is not None),
                                                 default=None)
        for (_, phrase), start in zip(phrases, starts):
            text = phrase.get("text")
            if isinstance(text, str):
                begin = start - base if start is not None and base is not None else None
                self.turns.append(turn(role(phrase.get("participantPurpose")), begin, text))
        for t in _list(transcript.get("transcripts")):
            self.language = self.language or text_of(t.get("language"))
            analytics = _mapping(t.get("analytics"))
            self.topics += [x.get("topicName") for x in _list(analytics.get("topics"))
                            if isinstance(x.get("topicName"), str)]
            for s in _list(analytics.get("sentiment")):
                score = s.get("sentiment")
                if isinstance(score, (int, float)) and not isinstance(score, bool):
                    self.sentiments[role(s.get("participant"))].append(float(score))

    def analytics(self) -> dict:
        out: Dict[str, Any] = {}
        if self.direction:
            out["direction"] = self.direction
        if self.media:
            out["media_types"] = list(distinct(self.media))
        if self.metrics:
            out["metrics"] = dict(sorted(self.metrics.items()))
        if self.disconnects:
            out["disconnect_types"] = list(distinct(self.disconnects))
        if self.topics:
            out["categories"] = list(distinct(self.topics))
        if self.sentiments:
            out["sentiment"] = {r: round(sum(v) / len(v), 4)
                                for r, v in sorted(self.sentiments.items())}
        return out

    def sentiment_score(self) -> Optional[float]:
        scores = self.sentiments.get("customer")
        return round(max(-1.0, min(1.0, sum(scores) / len(scores))), 4) if scores else None
