"""Amazon Connect Contact Lens analysis output (post-call voice, post-chat): one document
per contact, ``Transcript`` items with ``Participants``, ``ConversationCharacteristics``,
``Categories`` and ``CustomerMetadata``; ``Raw`` or ``Redacted`` (``[PII]`` masks).

The record: ``CustomerMetadata.ContactId`` as the conversation id (pseudonymized; a digest
of the document when absent), ``Channel``, the first chat ``AbsoluteTime``, the turns, the
display names, the analytics (:mod:`amazon`). ``AccountId``, ``InstanceId``,
``InputS3Uri``, ``JobName`` are not read.
"""
from __future__ import annotations

from typing import Any, Iterator, List

from transforms.core.formats.amazon import aws_record
from transforms.core.formats.base import Item
from transforms.core.formats.documents import JsonDocumentFormat, Value


class ContactLens(JsonDocumentFormat):
    name = "contact-lens"

    def recognises(self, document: Any) -> bool:
        return (isinstance(document, dict) and isinstance(document.get("Transcript"), list)
                and "JobName" not in document and "AWSAccountId" not in document
                and ("Version" in document or "CustomerMetadata" in document))

    def convert(self, documents: List[Value]) -> Iterator[Item]:
        for document in documents:
            if document.reason or not self.recognises(document.value):
                yield self.foreign(document)
                continue
            doc = document.value
            metadata = doc.get("CustomerMetadata")
            contact = metadata.get("ContactId") if isinstance(metadata, dict) else None
            yield aws_record(doc, contact, doc.get("Channel"))
