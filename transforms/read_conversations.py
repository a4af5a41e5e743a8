"""ReadConversations: export files matching a glob -> conversation elements + dead letters."""

import apache_beam as beam
from apache_beam.io import fileio
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.metrics import Metrics

from transforms.elements import DEAD_LETTER, METRICS_NAMESPACE, conversation, dead_letter
from transforms.export_format import iter_items

READ = "read"  # tag of the one-per-item accounting output


class _ParseExportFn(beam.DoFn):
    def __init__(self):
        self._records = Metrics.counter(METRICS_NAMESPACE, "records_parsed")
        self._dead = Metrics.counter(METRICS_NAMESPACE, "read_dead_letters")

    def process(self, readable: fileio.ReadableFile):
        source = readable.metadata.path
        with readable.open(compression_type=CompressionTypes.UNCOMPRESSED) as stream:
            for item in iter_items(stream):
                yield beam.pvalue.TaggedOutput(READ, 1)
                if item.record is not None:
                    self._records.inc()
                    yield conversation(source, item.position, item.record)
                else:
                    self._dead.inc()
                    yield beam.pvalue.TaggedOutput(DEAD_LETTER, dead_letter(
                        "read", source, item.position, item.reason, item.raw))


class ReadConversations(beam.PTransform):
    """Reads JSON lines / JSON arrays / gzip exports; every item is a record or a dead letter.

    Returns a dict: ``records`` (conversation elements, redistributed across workers),
    ``dead_letter``, and ``read`` (a 1 per item read, counted independently of the sinks
    for the summary).
    """

    def __init__(self, file_pattern: str):
        super().__init__()
        self.file_pattern = file_pattern

    def expand(self, pbegin):
        parsed = (pbegin
                  | "MatchFiles" >> fileio.MatchFiles(self.file_pattern)
                  | "ReadMatches" >> fileio.ReadMatches()
                  | "ParseExports" >> beam.ParDo(_ParseExportFn()).with_outputs(
                      DEAD_LETTER, READ, main="records"))
        # One file is parsed by one worker; spread its records before the NLP stages.
        records = parsed.records | "Redistribute" >> beam.Reshuffle()
        return {"records": records, DEAD_LETTER: parsed[DEAD_LETTER], READ: parsed[READ]}
