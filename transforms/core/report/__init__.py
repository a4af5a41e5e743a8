"""The run report: ``_report.html`` and ``_report.md`` rendered from a run summary alone
(Beam-free): model.py computes the content, html.py and markdown.py render it, svg_chart.py
draws the chart, samples.py is what the summary keeps for it (ids, excerpts), capped."""
from __future__ import annotations

from typing import Tuple

from transforms.core.report import html, markdown
from transforms.core.report.model import build


def render(summary: dict) -> Tuple[str, str]:
    """(HTML, Markdown) of the report of ``summary``."""
    report = build(summary)
    return html.render(report), markdown.render(report)
