"""Entry point of the Dataflow Flex Template (``dataflow/Dockerfile``): the streaming job.

The template launcher runs ``python pipelines/flex_template.py --name=value ...`` with the
template's parameters; this adds ``--streaming`` (and ``--source=pubsub`` when a
subscription is given without a source) and hands over to ``hushbeam redact``,
which validates the flags and files, submits the job and returns.
"""
import sys
from typing import List, Optional

from pipelines.cli import main


def run(argv: Optional[List[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--streaming" not in argv:
        argv.insert(0, "--streaming")
    flags = {a.split("=", 1)[0].replace("_", "-") for a in argv}
    if "--source" not in flags and "--pubsub-subscription" in flags:
        argv.append("--source=pubsub")
    return main(["redact"] + argv)


if __name__ == "__main__":
    sys.exit(run())
