"""The report files beside a summary (``layout.REPORTS``), rendered from it alone."""
from __future__ import annotations

from typing import Dict

from transforms.core import report
from transforms.datasets import layout
from transforms.datasets.atomic import write_any


def report_documents(summary: dict) -> Dict[str, bytes]:
    """File name -> content of the report of ``summary``."""
    html, markdown = report.render(summary)
    return {layout.REPORT_HTML: html.encode("utf-8"),
            layout.REPORT_MD: markdown.encode("utf-8")}


def write_report(directory: str, summary: dict) -> None:
    """Write the report beside the summary in ``directory`` (local or object store),
    each file atomically."""
    from apache_beam.io.filesystems import FileSystems  # Beam only for object stores

    for name, data in report_documents(summary).items():
        write_any(FileSystems.join(directory, name), data)


def withdraw_excerpts(summary: dict, why: str) -> None:
    """Drop the output excerpts a summary keeps (after forget or rekey changed the rows)."""
    samples = summary.get("samples")
    if isinstance(samples, dict) and samples.get("excerpts"):
        summary["samples"] = dict(samples, excerpts=[])
        summary["excerpts_withdrawn"] = why
