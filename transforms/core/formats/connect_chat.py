"""The Amazon Connect chat transcript as Connect exports it to S3: ``Version``,
``AWSAccountId``, ``InstanceId``, ``InitialContactId``, ``ContactId``, ``Participants``
and the same ``Transcript`` items as Contact Lens chat analysis.

The record: ``ContactId`` (else ``InitialContactId``) as the conversation id,
pseudonymized; channel ``chat``; the turns and display names. The account and instance
ids and the initial contact id are not read.
"""
from __future__ import annotations

from typing import Any, Iterator, List

from transforms.core.formats.base import Item
from transforms.core.formats.amazon import aws_record
from transforms.core.formats.documents import JsonDocumentFormat, Value
from transforms.core.formats.vendor_fields import text_of


class ConnectChatTranscript(JsonDocumentFormat):
    name = "connect-chat-transcript"

    def recognises(self, document: Any) -> bool:
        return (isinstance(document, dict) and isinstance(document.get("Transcript"), list)
                and any(k in document for k in ("AWSAccountId", "InitialContactId")))

    def convert(self, documents: List[Value]) -> Iterator[Item]:
        for document in documents:
            if document.reason or not self.recognises(document.value):
                yield self.foreign(document)
                continue
            doc = document.value
            contact = text_of(doc.get("ContactId")) or doc.get("InitialContactId")
            yield aws_record(doc, contact, "chat")
