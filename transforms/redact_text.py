"""RedactText: Presidio on every scanned free-text field, batched through spaCy."""

import logging

import apache_beam as beam
from apache_beam.utils.shared import Shared

from transforms.core.elements import (DEAD_LETTER, ENTITIES_BY_TYPE_FIELD, TOKENS,
                                      add_counts, dead_letter, type_in_field)
from transforms.core.field_redaction import RecordTexts, redact_records
from transforms.keys.keyset import Keyset, unwrap_data_key
from transforms.core.policy import Policy
from transforms.core.pseudonym import Pseudonymizer
from transforms.core.text_redactor import TextRedactor

_LOG = logging.getLogger(__name__)


class BatchSizes:
    """The one place that owns batch sizes: records per bundle batch, texts per nlp.pipe,
    and the processes a batch is split over (>1 only for local streaming, whose runner
    has one thread)."""

    def __init__(self, min_records: int = 8, max_records: int = 64, nlp_texts: int = 64,
                 processes: int = 1):
        self.min_records, self.max_records, self.nlp_texts = min_records, max_records, nlp_texts
        self.processes = processes


_WORKER = None  # the _RedactBatchFn of a redaction process
_POOLS = {}  # (policy, key, processes) -> the driver's pool, kept across bundles (the local
# streaming runner sets a DoFn up and tears it down for every bundle)


def _pool(fn):
    import concurrent.futures
    import multiprocessing

    key = (fn.policy.digest, fn.policy.spacy_model, fn.keyset.key_id, fn.keyset.version,
           fn.nlp_texts, fn.processes)
    if key not in _POOLS:
        _POOLS[key] = concurrent.futures.ProcessPoolExecutor(
            fn.processes, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker, initargs=(fn,))
    return _POOLS[key]


def _start_worker(fn) -> None:
    """Initializer of a redaction process: its own engines; Ctrl-C is the driver's."""
    import signal

    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    fn.processes = 1
    fn.setup()
    _WORKER = fn


def _redact_in_worker(batch) -> list:
    return list(_WORKER.process(batch))


class _AnalyzerHandle:
    """Weak-referenceable holder so one set of analyzers (one spaCy model per language)
    serves a process."""

    def __init__(self, analyzer):
        self.analyzer = analyzer


class _RedactBatchFn(beam.DoFn):
    def __init__(self, policy: Policy, keyset: Keyset, shared: Shared, nlp_texts: int,
                 processes: int = 1):
        self.policy, self.keyset, self.shared, self.nlp_texts = policy, keyset, shared, nlp_texts
        self.processes = processes
        self._redactor = None
        self._pool = None

    def __getstate__(self):
        return dict(self.__dict__, _redactor=None, _pool=None)

    def setup(self):
        if self.processes > 1:  # the batch is split over processes with their own engines
            self._pool = _pool(self)
        else:
            self._setup_engines()

    def _setup_engines(self):
        from transforms.core.logs import quiet_data_loggers
        from transforms.core.presidio_engine import LanguageAnalyzers

        quiet_data_loggers()

        def analyzers():  # the default language's now, another's with its first record
            built = LanguageAnalyzers(self.policy)
            built.for_language(self.policy.language)
            return _AnalyzerHandle(built)

        handle = self.shared.acquire(analyzers,
                                     tag=f"{self.policy.digest}:{self.policy.spacy_model}")
        pseudonymizer = Pseudonymizer.for_policy(unwrap_data_key(self.keyset), self.keyset.version,
                                                 self.policy)
        self._redactor = TextRedactor(self.policy, pseudonymizer, handle.analyzer,
                                      self.nlp_texts)

    def process(self, batch):
        if self._pool is not None:
            size = -(-len(batch) // self.processes)
            chunks = [batch[i:i + size] for i in range(0, len(batch), size)]
            try:
                results = list(self._pool.map(_redact_in_worker, chunks))
            except Exception as exc:  # a record that cannot be shipped (too deep to pickle)
                _LOG.warning("RedactText: batch of %d not redacted in the pool (%s); "
                             "redacting it here", len(batch), type(exc).__name__)
                results = None
            if results is not None:
                for outputs in results:
                    yield from outputs
                return
            if self._redactor is None:
                self._setup_engines()
        try:
            yield from self._redact(batch)
        except Exception as exc:  # isolate the failing record(s); never log values
            _LOG.warning("RedactText: batch of %d failed (%s); retrying one by one",
                         len(batch), type(exc).__name__)
            for element in batch:
                try:
                    yield from self._redact([element])
                except Exception as one:
                    yield beam.pvalue.TaggedOutput(DEAD_LETTER, dead_letter(
                        "redact", element["source"], element["position"],
                        f"redaction_failed:{type(one).__name__}", element["fields"]))

    def _redact(self, batch):
        outputs = []
        redacted = redact_records(self._redactor, [
            RecordTexts(e["fields"], e["known"], e.get("language_hint")) for e in batch])
        for element, record in zip(batch, redacted):
            out = dict(element, fields=dict(record.fields, language=record.language))
            add_counts(out, "languages", {record.language: 1})
            for field, result in record.results:
                add_counts(out, "entities", result.entity_counts)
                if result.vendor_masked:
                    add_counts(out, "vendor_masked", result.vendor_masked)
                add_counts(out, "entities_by_field", {field: sum(result.entity_counts.values())})
                add_counts(out, ENTITIES_BY_TYPE_FIELD, {
                    type_in_field(entity, field): n for entity, n in result.entity_counts.items()})
                outputs.extend(beam.pvalue.TaggedOutput(TOKENS, t) for t in result.tokens)
            outputs.append(out)
        yield from outputs


class RedactText(beam.PTransform):
    """Detects PII in free text (spaCy NER + built-in + custom rules) and applies operators.

    Engines are built once per worker in ``setup()`` and shared per process. Outputs:
    main, ``dead_letter`` (records whose redaction raised), ``tokens``.
    """

    def __init__(self, policy: Policy, keyset: Keyset, batch_sizes: BatchSizes = BatchSizes()):
        super().__init__()
        self.policy, self.keyset, self.batch_sizes = policy, keyset, batch_sizes

    def expand(self, records):
        sizes = self.batch_sizes
        return (records
                | "BatchForNlp" >> beam.BatchElements(min_batch_size=sizes.min_records,
                                                      max_batch_size=sizes.max_records)
                | "Presidio" >> beam.ParDo(_RedactBatchFn(
                    self.policy, self.keyset, Shared(), sizes.nlp_texts,
                    sizes.processes)).with_outputs(
                        DEAD_LETTER, TOKENS, main="records"))
