"""Detect and treat personal data in free text (Beam-free core of RedactText).

For each string: strip secret URLs and tokens, find the record's own structured
identifiers (so they get exactly the column's pseudonym even when NER misses them),
run Presidio, merge overlapping detections, then apply the policy's operator per
entity (HASH/TOKEN keyed pseudonym, REPLACE, REDACT, MASK). Overlaps are resolved
deterministically: a cluster of overlapping spans is replaced as one, and its label
and hashed text come from the winner by (policy priority, score, length, position).
"""
from __future__ import annotations

import collections
import dataclasses
import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from presidio_anonymizer.operators import Mask, Operator, OperatorType, Redact, Replace

from transforms.core.normalize import NormalizationError, normalize, normalize_phone
from transforms.core.policy import EntityTreatment, Policy
from transforms.core.pseudonym import PSEUDONYM_RE, Pseudonymizer
from transforms.core.recognizers import CANONICAL
from transforms.core.urls import UrlRules, strip_secrets

_PHONE_CANDIDATE = re.compile(r"(?<![\w+])\+?\(?\d[\d \t().\-]{5,}\d(?!\w)")
_PHONE_SUFFIX = 8  # a written phone with the same last 8 digits is the same number


@dataclasses.dataclass(frozen=True)
class Span:
    start: int
    end: int
    entity: str
    score: float
    canonical: Optional[str] = None  # set for the record's own identifiers
    pseudonym_type: Optional[str] = None
    raw_canonical: Optional[str] = None  # what a recognizer read (spoken digits, email)


@dataclasses.dataclass(frozen=True)
class KnownIdentifier:
    """A structured identifier of the record, to be found again in its text."""

    entity: str  # pseudonym type, e.g. EMAIL
    normalizer: str
    canonical: str


@dataclasses.dataclass
class TextResult:
    text: str
    entity_counts: collections.Counter
    tokens: List[Tuple[str, str, str]]  # (pseudonym, type, canonical value) for the vault


class KeyedPseudonymOperator(Operator):
    """Presidio operator: replace a value with its keyed pseudonym (HASH and TOKEN)."""

    def operate(self, text: str = None, params: Dict = None) -> str:
        pseudonymizer: Pseudonymizer = params["pseudonymizer"]
        canonical = params.get("canonical") or normalize(
            params["normalizer"], text, pseudonymizer.default_region)
        return pseudonymizer.pseudonym(params["pseudonym_type"], canonical)

    def validate(self, params: Dict = None) -> None:
        if "pseudonymizer" not in params or "pseudonym_type" not in params:
            raise ValueError("keyed pseudonym needs a pseudonymizer and a pseudonym type")

    def operator_name(self) -> str:
        return "keyed_pseudonym"

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize


def same_phone(written: str, canonical: str, region: str) -> bool:
    """Whether a phone written in text is the identifier (E.164 equal, or same last digits
    when the text adds or drops a country or trunk prefix)."""
    try:
        if normalize_phone(written, region) == canonical:
            return True
    except NormalizationError:
        return False
    digits, known = re.sub(r"\D", "", written), re.sub(r"\D", "", canonical)
    return (len(digits) >= _PHONE_SUFFIX and len(known) >= _PHONE_SUFFIX
            and digits[-_PHONE_SUFFIX:] == known[-_PHONE_SUFFIX:])


def find_known(text: str, known: Sequence[KnownIdentifier], region: str) -> List[Span]:
    """Spans where the record's own identifiers occur, in any formatting for phones."""
    spans = []
    for ident in known:
        if ident.normalizer == "phone":
            for m in _PHONE_CANDIDATE.finditer(text):
                if same_phone(m.group(0), ident.canonical, region):
                    spans.append(Span(m.start(), m.end(), ident.entity, 1.0,
                                      ident.canonical, ident.entity))
        else:
            pattern = re.compile(r"(?<![\w.@])" + re.escape(ident.canonical) + r"(?![\w@])",
                                 re.IGNORECASE)
            spans.extend(Span(m.start(), m.end(), ident.entity, 1.0, ident.canonical,
                              ident.entity) for m in pattern.finditer(text))
    return spans


# Pseudonyms and placeholders we wrote are never personal data: redacting twice is a no-op.
_ALREADY_SAFE = re.compile(PSEUDONYM_RE.pattern + r"|<[A-Z][A-Z_]*>")


def _inside(start: int, end: int, protected: Sequence[Tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in protected)


_NAME_TOKEN = re.compile(r"[^\W\d_][^\W\d_'\-]+")
_NOT_A_NAME = {"the", "and", "mr", "mrs", "ms", "miss", "dr", "van", "von", "de", "del", "da",
               "customer", "agent", "person"}


_NEXT_CAPITALISED = re.compile(r"[ \t]+([A-Z\u00C0-\u00DE][^\W\d_]+(?:[-'][^\W\d_]+)*)")
_CAPITALISED_NOT_NAMES = {"The", "And", "Called", "Customer", "Agent", "Thanks", "Thank",
                          "Please", "Policy", "Account", "Card", "Email", "Phone", "Number"}


def extend_name(text: str, span: Span) -> Span:
    """'Urmi' followed by ' Nanda': NER often stops after a first name it doesn't know."""
    if span.entity != "PERSON":
        return span
    end = span.end
    for _ in range(2):
        m = _NEXT_CAPITALISED.match(text, end)
        if not m or m.group(1) in _CAPITALISED_NOT_NAMES:
            break
        end = m.end()
    return span if end == span.end else dataclasses.replace(span, end=end)


def propagate_names(texts: Sequence[str], spans: Sequence[List[Span]],
                    groups: Sequence[int]) -> List[List[Span]]:
    """Names found anywhere in a record, found again (any case) in all its texts.

    Agent notes often carry "Customer Jane Doe called" while the voice transcript says
    "this is jane": the notes' name then marks the transcript too.
    """
    names = {}
    for text, found, group in zip(texts, spans, groups):
        for span in found:
            if span.entity == "PERSON":
                for word in _NAME_TOKEN.findall(text[span.start:span.end]):
                    if len(word) >= 3 and word.lower() not in _NOT_A_NAME:
                        names.setdefault(group, set()).add(word.lower())
    extra = []
    for text, group in zip(texts, groups):
        words = names.get(group)
        found = []
        if words:
            pattern = re.compile(r"(?<![\w])(?:" + "|".join(
                re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w])",
                re.IGNORECASE)
            found = [Span(m.start(), m.end(), "PERSON", 0.55) for m in pattern.finditer(text)]
        extra.append(found)
    return extra


def resolve_overlaps(spans: Iterable[Span], priority: Sequence[str]) -> List[Tuple[int, int, Span]]:
    """Merge overlapping spans into clusters; returns (start, end, winner) sorted by start."""
    rank = {entity: i for i, entity in enumerate(priority)}
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    clusters: List[List[Span]] = []
    cluster_end = -1
    for span in ordered:
        if clusters and span.start < cluster_end:
            clusters[-1].append(span)
            cluster_end = max(cluster_end, span.end)
        else:
            clusters.append([span])
            cluster_end = span.end
    out = []
    for cluster in clusters:
        winner = min(cluster, key=lambda s: (s.canonical is None,
                                             rank.get(s.entity, len(rank)), -s.score,
                                             -(s.end - s.start), s.start, s.entity))
        out.append((min(s.start for s in cluster), max(s.end for s in cluster), winner))
    return out


class TextRedactor:
    """Applies one policy with one analyzer and one pseudonymizer to many strings."""

    def __init__(self, policy: Policy, pseudonymizer: Pseudonymizer, analyzer,
                 nlp_batch_size: int = 32):
        from presidio_analyzer import BatchAnalyzerEngine

        self.policy = policy
        self.pseudonymizer = pseudonymizer
        self.batch = BatchAnalyzerEngine(analyzer_engine=analyzer)
        self.nlp_batch_size = nlp_batch_size
        self.url_rules = UrlRules(policy.strip_url_params, policy.strip_url_markers)
        # Per language; types with no recognizer (SECRET, the column types) are found by
        # find_known.
        self.detect = {}
        for lang, _ in policy.languages:
            supported = set(analyzer.get_supported_entities(lang))
            self.detect[lang] = [e for e in policy.entities if e in supported]
        self._keyed = KeyedPseudonymOperator()
        self._replace, self._redact, self._mask = Replace(), Redact(), Mask()

    def redact(self, texts: Sequence[str], known: Sequence[Sequence[KnownIdentifier]],
               groups: Optional[Sequence[int]] = None,
               languages: Optional[Sequence[str]] = None) -> List[TextResult]:
        """Redact a batch of strings; ``known[i]`` are the identifiers of text i's record,
        ``groups[i]`` its record number (names found in one field of a record are then
        looked for in all its fields; default: each text its own record) and
        ``languages[i]`` its language (default: the policy's)."""
        groups = list(range(len(texts))) if groups is None else list(groups)
        languages = ([self.policy.language] * len(texts) if languages is None
                     else list(languages))
        stripped, counts = [], []
        for text in texts:
            clean, secret_counts = strip_secrets(text, self.url_rules)
            stripped.append(clean)
            counts.append(collections.Counter({k: v for k, v in secret_counts.items() if v}))
        analyzed = [None] * len(texts)
        for lang in sorted(set(languages)):  # one nlp.pipe stream per language
            idx = [i for i, l in enumerate(languages) if l == lang]
            found = self.batch.analyze_iterator(
                [stripped[i] for i in idx], language=lang, batch_size=self.nlp_batch_size,
                entities=self.detect[lang], score_threshold=self.policy.lowest_score)
            for i, results in zip(idx, found):
                analyzed[i] = results
        region = self.pseudonymizer.default_region
        all_spans = []
        for text, found, ids in zip(stripped, analyzed, known):
            protected = [m.span() for m in _ALREADY_SAFE.finditer(text)]
            spans = [self._span(r, ids, region) for r in found
                     if r.score >= self.policy.min_score(r.entity_type)
                     and not _inside(r.start, r.end, protected)]
            all_spans.append(spans + find_known(text, ids, region))
        for _ in range(2):  # a name completed in one field completes it in the others
            for text, spans in zip(stripped, all_spans):
                spans[:] = [extend_name(text, span) for span in spans]
            for i, extra in enumerate(propagate_names(stripped, all_spans, groups)):
                all_spans[i].extend(extra)
        return [self._apply(text, spans, counter)
                for text, spans, counter in zip(stripped, all_spans, counts)]

    @staticmethod
    def _span(result, known: Sequence[KnownIdentifier], region: str) -> Span:
        """A Presidio result; a spoken phone equal to the record's phone gets its canonical."""
        canonical = (result.recognition_metadata or {}).get(CANONICAL)
        if canonical and result.entity_type == "PHONE_NUMBER":
            for ident in known:
                if ident.normalizer == "phone" and same_phone(canonical, ident.canonical,
                                                              region):
                    return Span(result.start, result.end, result.entity_type, result.score,
                                ident.canonical, ident.entity)
        if canonical:
            return Span(result.start, result.end, result.entity_type, result.score,
                        raw_canonical=canonical)
        return Span(result.start, result.end, result.entity_type, result.score)

    def _apply(self, text: str, spans: List[Span], counter: collections.Counter) -> TextResult:
        pieces, tokens, last = [], [], 0
        for start, end, winner in resolve_overlaps(spans, self.policy.entity_priority):
            treatment = self.policy.treatment(winner.entity)
            value = text[winner.start:winner.end]
            replacement, token = self._treat(value, winner, treatment)
            pieces.append(text[last:start])
            pieces.append(replacement)
            last = end
            counter[winner.entity] += 1
            if token:
                tokens.append(token)
        pieces.append(text[last:])
        return TextResult("".join(pieces), counter, tokens)

    def _treat(self, value: str, span: Span,
               treatment: EntityTreatment) -> Tuple[str, Optional[Tuple[str, str, str]]]:
        op = treatment.operator
        if op in ("HASH", "TOKEN"):
            ptype = span.pseudonym_type or treatment.pseudonym_type or span.entity
            try:
                canonical = span.canonical or normalize(
                    treatment.normalizer or "id_casefold", span.raw_canonical or value,
                    self.pseudonymizer.default_region)
            except NormalizationError:  # not usable as an identifier: still never kept
                return self._replace.operate(value, {"new_value": f"<{span.entity}>"}), None
            pseudonym = self._keyed.operate(value, {
                "pseudonymizer": self.pseudonymizer, "pseudonym_type": ptype,
                "canonical": canonical})
            return pseudonym, ((pseudonym, ptype, canonical) if op == "TOKEN" else None)
        if op == "REDACT":
            return self._redact.operate(value, {}), None
        if op == "MASK":
            return self._mask.operate(value, {
                "masking_char": treatment.masking_char,
                "chars_to_mask": treatment.chars_to_mask, "from_end": treatment.from_end}), None
        return self._replace.operate(value, {
            "new_value": treatment.new_value or f"<{span.entity}>"}), None


def collect_strings(value: Any, path: str = "") -> List[Tuple[str, str]]:
    """(path, string) for every string or number inside a nested value, in order."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, (int, float)):
        return [(path, str(value))]
    if isinstance(value, dict):
        out = []
        for key in value:
            out.extend(collect_strings(value[key], f"{path}.{key}" if path else str(key)))
        return out
    if isinstance(value, list):
        out = []
        for i, item in enumerate(value):
            out.extend(collect_strings(item, f"{path}[{i}]"))
        return out
    return []


def replace_strings(value: Any, new: Iterable[str]) -> Any:
    """Inverse of :func:`collect_strings`: put redacted strings back, same order and shape."""
    it = iter(new)

    def walk(v: Any) -> Any:
        if isinstance(v, str):
            return next(it)
        if isinstance(v, bool) or v is None:
            return v
        if isinstance(v, (int, float)):
            text = next(it)
            return v if text == str(v) else text
        if isinstance(v, dict):
            return {k: walk(item) for k, item in v.items()}
        if isinstance(v, list):
            return [walk(item) for item in v]
        return v

    return walk(value)
