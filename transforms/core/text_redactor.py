"""Detect and treat personal data in free text (Beam-free core of RedactText).

For each string: strip secret URLs and tokens, read its normalized shadow
(:mod:`transforms.core.shadow_text`: NFKC, invisible characters dropped, digit separators
made uniform), find the record's own structured identifiers in it (so they get exactly the
column's pseudonym even when NER misses them), run Presidio on it, merge overlapping
detections (:mod:`transforms.core.spans`), then apply the policy's operator per entity
(:mod:`transforms.core.operators`) to the original characters each span covers, with the
shadow's reading of them as the value. Overlaps are resolved deterministically: a cluster
of overlapping spans is replaced as one, and its label and hashed text come from the
winner by (policy priority, score, length, position).
When the policy uses an operator that reads its record (NUMBERED, SURROGATE), every
winner of a record is first shown to the record's :class:`RecordScope`, in field order.
"""
from __future__ import annotations

import collections
import dataclasses
import re
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

from transforms.core.nested_values import collect_strings, replace_strings
from transforms.core.nlp_zone import batch_zone
from transforms.core.operators import (PLACEHOLDER_RE, Detection, RecordScope, Treated, VaultRow,
                                       get_operator, per_record_names)
from transforms.core.name_gaps import fill_gaps
from transforms.core.french_neighbours import join_french_neighbours
from transforms.core.identifier_mentions import propagate_identifiers
from transforms.core.name_neighbours import join_neighbours
from transforms.core.name_particles import join_particles
from transforms.core.policy import Policy
from transforms.core.presidio_engine import LanguageAnalyzers
from transforms.core.pseudonym import PSEUDONYM_RE, Pseudonymizer
from transforms.core.recognizers import CANONICAL
from transforms.core.recognizers.account_handle import handles_of_names
from transforms.core.recognizers.french_paired_name import FrenchPairedNameRecognizer
from transforms.core.prescan import forget_last as forget_scanned
from transforms.core.recognizers.spelling import forget_last
from transforms.core.shadow_text import Shadow, build_shadow
from transforms.core.spans import (KnownIdentifier, Span, extend_name, find_known,
                                   propagate_names, resolve_overlaps, same_phone)
from transforms.core.urls import UrlRules, strip_secrets
from transforms.core.vendor_masks import count_masks

# Re-exported: the stages and the tests import them from here.
__all__ = ["KnownIdentifier", "Span", "TextRedactor", "TextResult", "collect_strings",
           "find_known", "replace_strings", "resolve_overlaps"]


class Detected(NamedTuple):
    """One replaced span, for ``hushbeam preview``: offsets into ``TextResult.scanned``."""

    start: int
    end: int
    entity: str
    score: float
    recognizer: str  # Presidio's recognizer name, or one of FOUND_BY
    replacement: str


# What found a span no Presidio recognizer reported.
FOUND_BY = {"known": "the record's own identifier", "propagated": "a name found elsewhere "
            "in the record", "handle": "a handle built of a name found in the record",
            "identifier": "an identifier found after its cue elsewhere in the record"}


@dataclasses.dataclass
class TextResult:
    """One redacted string, what was found in it, and the vault rows it leaves."""

    text: str
    entity_counts: collections.Counter
    tokens: List[VaultRow]  # (pseudonym, type, canonical value) for the vault
    vendor_masked: collections.Counter = dataclasses.field(
        default_factory=collections.Counter)  # masks a vendor left ([PII]), by type
    scanned: str = ""  # the text the detections were made in (secret links stripped)
    detections: List[Detected] = dataclasses.field(default_factory=list)


# Pseudonyms and placeholders we wrote are never personal data: redacting twice is a no-op;
# neither are a vendor's masks.
_ALREADY_SAFE = re.compile(PSEUDONYM_RE.pattern + "|" + PLACEHOLDER_RE.pattern)


def _inside(start: int, end: int, protected: Sequence[Tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in protected)


class TextRedactor:
    """Applies one policy with one analyzer and one pseudonymizer to many strings."""

    def __init__(self, policy: Policy, pseudonymizer: Pseudonymizer, analyzer,
                 nlp_batch_size: int = 64):
        """``analyzer``: one AnalyzerEngine for the policy's languages, or
        :class:`LanguageAnalyzers` (a language's engine is then built with its first text)."""
        self.policy = policy
        self.pseudonymizer = pseudonymizer
        self.analyzer = analyzer
        self.nlp_batch_size = nlp_batch_size
        self.url_rules = UrlRules(policy.strip_url_params, policy.strip_url_markers)
        self.per_record = bool(policy.operators_used & set(per_record_names()))
        self._engines = {}  # language -> (BatchAnalyzerEngine, the entities to ask it for)
        self._normalizers = {}  # pseudonym type -> the policy's normalizer of it
        self._french = {}  # "fr" -> the recognizer that reads French names' neighbours

    def _engine(self, lang: str):
        """The batch engine of a language and the policy's entities it detects (types with
        no recognizer, SECRET and the column types, are found by find_known)."""
        if lang not in self._engines:
            from presidio_analyzer import BatchAnalyzerEngine

            engine = (self.analyzer.for_language(lang)
                      if isinstance(self.analyzer, LanguageAnalyzers) else self.analyzer)
            supported = set(engine.get_supported_entities(lang))
            self._engines[lang] = (BatchAnalyzerEngine(analyzer_engine=engine),
                                   [e for e in self.policy.entities if e in supported])
        return self._engines[lang]

    def _french_words(self):
        """The French paired-name recognizer of the fr analyzer (it has read the configured
        French model's words), or None when there is none."""
        if "fr" not in self._french:
            engine = self._engine("fr")[0].analyzer_engine
            self._french["fr"] = next(
                (r for r in engine.registry.recognizers
                 if isinstance(r, FrenchPairedNameRecognizer) and r.supported_language == "fr"),
                None)
        return self._french["fr"]

    def redact(self, texts: Sequence[str], known: Sequence[Sequence[KnownIdentifier]],
               groups: Optional[Sequence[int]] = None,
               languages: Optional[Sequence[str]] = None,
               scopes: Optional[Dict[int, RecordScope]] = None) -> List[TextResult]:
        """Redact a batch of strings; ``known[i]`` are the identifiers of text i's record,
        ``groups[i]`` its record number (names found in one field of a record are then
        looked for in all its fields, and numbered alike; default: each text its own
        record) and ``languages[i]`` its language (default: the policy's). ``scopes``, by
        record number, is filled in and reused: a second call for texts of the same
        record keeps its numbers and surrogates."""
        try:
            return self._redact(texts, known, groups, languages, scopes)
        finally:
            same_phone.cache_clear()  # the raw values kept for the batch leave with it
            forget_last()
            forget_scanned()
            for batch, _ in self._engines.values():
                enhancer = batch.analyzer_engine.context_aware_enhancer
                if hasattr(enhancer, "forget_last"):
                    enhancer.forget_last()

    def _redact(self, texts, known, groups, languages, scopes) -> List[TextResult]:
        groups = list(range(len(texts))) if groups is None else list(groups)
        languages = ([self.policy.language] * len(texts) if languages is None
                     else list(languages))
        stripped, counts = [], []
        for text in texts:
            clean, secret_counts = strip_secrets(text, self.url_rules)
            stripped.append(clean)
            counts.append(collections.Counter({k: v for k, v in secret_counts.items() if v}))
        shadows = [build_shadow(text) for text in stripped]
        stripped = [shadow.text for shadow in shadows]  # what every detector reads
        analyzed = [None] * len(texts)
        for lang in sorted(set(languages)):  # one nlp.pipe stream per language
            # A string met twice in the batch ("claims", "yes") is analyzed once: the
            # analysis reads the string alone; what differs per record comes after.
            first = {}
            for i, l in enumerate(languages):
                if l == lang:
                    first.setdefault(stripped[i], i)
            batch, entities = self._engine(lang)
            with batch_zone(batch.analyzer_engine, lang):  # what spaCy adds, freed after
                found = batch.analyze_iterator(
                    list(first), language=lang,
                    batch_size=self.nlp_batch_size, entities=entities,
                    score_threshold=self.policy.lowest_score)
                for i, results in zip(first.values(), found):
                    analyzed[i] = results
            for i, l in enumerate(languages):
                if l == lang and analyzed[i] is None:
                    analyzed[i] = analyzed[first[stripped[i]]]
        region = self.pseudonymizer.default_region
        all_spans = []
        for text, found, ids in zip(stripped, analyzed, known):
            protected = [m.span() for m in _ALREADY_SAFE.finditer(text)]
            spans = [self._span(r, ids, region) for r in found
                     if r.score >= self.policy.min_score(r.entity_type)
                     and not _inside(r.start, r.end, protected)]
            all_spans.append(spans + [dataclasses.replace(s, recognizer=FOUND_BY["known"])
                                       for s in find_known(text, ids, region)])
        for _ in range(2):  # a name completed in one field completes it in the others
            for text, spans in zip(stripped, all_spans):
                spans[:] = [extend_name(text, span) for span in spans]
            for i, extra in enumerate(propagate_names(stripped, all_spans, groups)):
                all_spans[i].extend(dataclasses.replace(s, recognizer=FOUND_BY["propagated"])
                                    for s in extra)
        # "booking XKQZPW" in the notes once "booking reference is XKQZPW" is found
        for i, extra in enumerate(propagate_identifiers(stripped, all_spans, groups)):
            all_spans[i].extend(dataclasses.replace(s, recognizer=FOUND_BY["identifier"])
                                for s in extra)
        if "USERNAME" in self.policy.entities:  # "cminh730" once "Crystal Minh" is found
            for spans, handles in zip(all_spans, handles_of_names(stripped, all_spans, groups)):
                spans.extend(Span(s, e, "USERNAME", 0.7, raw_canonical=value,
                                  recognizer=FOUND_BY["handle"]) for s, e, value in handles)
        for text, spans, lang in zip(stripped, all_spans, languages):
            if lang == "en":  # "alan <turing>", "Edward <VII>": the rest of a name
                spans.extend(join_neighbours(text, spans))
            if lang == "fr" and self._french_words() is not None:  # "<valtteri> bottas"
                spans.extend(join_french_neighbours(text, spans, self._french_words()))
            spans.extend(join_particles(text, spans))  # "bill <de> blasio": one name
            if lang == "en":  # rare in English text: a French verb would be too
                spans.extend(fill_gaps(text, spans))  # "<apte> girish <kulkarni>": a name
        resolved = [resolve_overlaps(spans, self.policy.entity_priority) for spans in all_spans]
        record_scopes = [None] * len(texts)
        if self.per_record:
            scopes = {} if scopes is None else scopes
            for i, (text, winners) in enumerate(zip(stripped, resolved)):
                scope = scopes.setdefault(groups[i], RecordScope(languages[i], region))
                for _, _, winner in winners:  # in field order: numbers by first appearance
                    scope.see(self._detection(text[winner.start:winner.end], winner))
                record_scopes[i] = scope
        return [dataclasses.replace(self._apply(shadow, winners, counter, scope),
                                    vendor_masked=count_masks(shadow.original))
                for shadow, winners, counter, scope in zip(shadows, resolved, counts,
                                                           record_scopes)]

    @staticmethod
    def _span(result, known: Sequence[KnownIdentifier], region: str) -> Span:
        """A Presidio result; a spoken phone equal to the record's phone gets its canonical."""
        metadata = result.recognition_metadata or {}
        canonical, by = metadata.get(CANONICAL), metadata.get("recognizer_name")
        if canonical and result.entity_type == "PHONE_NUMBER":
            for ident in known:
                if ident.normalizer == "phone" and same_phone(canonical, ident.canonical,
                                                              region):
                    return Span(result.start, result.end, result.entity_type, result.score,
                                ident.canonical, ident.entity, recognizer=by)
        if canonical:
            return Span(result.start, result.end, result.entity_type, result.score,
                        raw_canonical=canonical, recognizer=by)
        return Span(result.start, result.end, result.entity_type, result.score,
                    recognizer=by)

    def _apply(self, shadow: Shadow, winners: List[Tuple[int, int, Span]],
               counter: collections.Counter, scope: Optional[RecordScope]) -> TextResult:
        """Winners are in the shadow; each cluster replaces the original characters under it."""
        text, pieces, tokens, last, detected = shadow.original, [], [], 0, []
        for start, end, winner in winners:
            treated = self._treat(shadow.text[winner.start:winner.end], winner, scope)
            start, end = shadow.original_span(start, end)
            start = max(start, last)  # two clusters may share a ligature
            pieces.append(text[last:start])
            pieces.append(treated.text)
            last = max(end, start)
            counter[winner.entity] += 1
            if treated.vault_row:
                tokens.append(treated.vault_row)
            detected.append(Detected(start, end, winner.entity, winner.score,
                                     winner.recognizer or "", treated.text))
        pieces.append(text[last:])
        return TextResult("".join(pieces), counter, tokens, scanned=text, detections=detected)

    def _detection(self, value: str, span: Span,
                   scope: Optional[RecordScope] = None) -> Detection:
        pseudonym_type = span.pseudonym_type or self.policy.pseudonym_type(span.entity)
        normalizer = self._normalizers.get(pseudonym_type)
        if normalizer is None:  # the policy's answer, looked up once per type
            normalizer = self._normalizers[pseudonym_type] = self.policy.normalizer(
                pseudonym_type)
        return Detection(value, span.entity, pseudonym_type, normalizer, span.canonical,
                         span.raw_canonical, scope)

    def _treat(self, value: str, span: Span, scope: Optional[RecordScope] = None) -> Treated:
        """The policy's operator for the span's entity, applied to its text."""
        treatment = self.policy.treatment(span.entity)
        return get_operator(treatment.operator).treat(self._detection(value, span, scope),
                                                      treatment.parameters,
                                                      self.pseudonymizer)
