"""Pipeline options of the redact pipeline (its own module: Beam registers every
PipelineOptions subclass once, and ``python -m pipelines.redact`` must not define it twice)."""
from apache_beam.options.pipeline_options import PipelineOptions


class RedactOptions(PipelineOptions):
    @classmethod
    def _add_argparse_args(cls, parser):
        parser.add_argument("--input", help="glob of export files (.jsonl, .json, .gz)")
        parser.add_argument("--output", help="directory for the anonymized Parquet dataset")
        parser.add_argument("--policy", default=None, help="policy YAML/JSON (default: "
                            "rules/default_policy.yaml)")
        parser.add_argument("--vault-output", dest="vault_output", default=None,
                            help="directory for sealed vault, dead letters and quarantine "
                            "(default: <OUTPUT>.vault)")
        parser.add_argument("--keyset", default=None,
                            help="keyset file (default: the development keyring in "
                            "$HUSHBEAM_HOME, created on first run)")
        parser.add_argument("--vault-recipient", dest="vault_recipient", default=None,
                            help="PEM X25519 public key the vault is sealed to (default: the "
                            "development identity beside the dev keyring)")
        parser.add_argument("--spacy-model", dest="spacy_model", default=None,
                            help="spaCy model for NER (overrides the policy's nlp.spacyModel)")
        parser.add_argument("--nlp-batch-size", dest="nlp_batch_size", type=int, default=32,
                            help="texts per spaCy nlp.pipe batch")
        parser.add_argument("--overwrite", action="store_true",
                            help="replace the output of an earlier run in --output and "
                            "--vault-output")
