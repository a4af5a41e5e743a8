"""Amazon Transcribe Call Analytics output: ``JobName``, ``Transcript`` segments with
``ParticipantRole``, ``Content``, ``BeginOffsetMillis``, word ``Items`` and ``Sentiment``;
``ConversationCharacteristics``, ``Categories``, ``ContentMetadata``.

The record: ``JobName`` as the conversation id (pseudonymized: job names often carry a
file name or a number), channel, turns and analytics as for Contact Lens. ``AccountId``,
word items (they repeat ``Content``) and loudness are not read.
"""
from __future__ import annotations

from typing import Any, Iterator, List

from transforms.core.formats.base import Item
from transforms.core.formats.amazon import aws_record
from transforms.core.formats.documents import JsonDocumentFormat, Value


class TranscribeCallAnalytics(JsonDocumentFormat):
    name = "transcribe-call-analytics"

    def recognises(self, document: Any) -> bool:
        return (isinstance(document, dict) and isinstance(document.get("Transcript"), list)
                and "AWSAccountId" not in document
                and ("JobName" in document or ("Version" not in document
                                               and "CustomerMetadata" not in document
                                               and "ConversationCharacteristics" in document)))

    def convert(self, documents: List[Value]) -> Iterator[Item]:
        for document in documents:
            if document.reason or not self.recognises(document.value):
                yield self.foreign(document)
                continue
            doc = document.value
            yield aws_record(doc, doc.get("JobName"), doc.get("Channel") or "voice")
