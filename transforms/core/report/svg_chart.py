"""A horizontal bar chart as inline SVG text: no library, no script, every label escaped."""
from __future__ import annotations

from html import escape
from typing import Sequence, Tuple

BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_AREA, VALUE_WIDTH = 20, 6, 190, 380, 70
COLOR = "#3b6ea8"


def bar_chart(bars: Sequence[Tuple[str, int]], title: str) -> str:
    """An SVG of one bar per (label, value), widths proportional to the largest value."""
    if not bars:
        return ""
    top = max(value for _, value in bars) or 1
    width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
           f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'aria-label="{escape(title)}">', f"<title>{escape(title)}</title>"]
    for i, (label, value) in enumerate(bars):
        y = GAP + i * (BAR_HEIGHT + GAP)
        length = max(1, round(BAR_AREA * value / top)) if value else 0
        middle = y + BAR_HEIGHT / 2
        out.append(
            f'<g><title>{escape(label)}: {value}</title>'
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" '
            f'dominant-baseline="central">{escape(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
            f'fill="{COLOR}" rx="2"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{middle}" '
            f'dominant-baseline="central">{value}</text></g>')
    out.append("</svg>")
    return "".join(out)
