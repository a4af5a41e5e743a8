"""The report as Markdown, the same sections as the HTML, for terminals and code review.
Text from the summary is escaped (table cells) or fenced (excerpts)."""
from __future__ import annotations

import re
import textwrap
from typing import Iterable, List, Sequence

from transforms.core.report.model import Held, Report, pct

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")


def esc(text: str) -> str:
    """Markdown punctuation and HTML brackets backslash-escaped; one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _fence(text: str, wrap: bool = True) -> str:
    """A fenced block (not interpreted), its fence longer than any backtick run inside."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    wrapped = "\n".join(textwrap.fill(line, 96) if wrap else line
                        for line in text.splitlines())
    return f"{fence}text\n{wrapped}\n{fence}"


def _table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> List[str]:
    out = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    out.extend("| " + " | ".join(row) + " |" for row in rows)
    return out + [""]


def render(report: Report) -> str:
    verdict = "all checks passed" if report.passed else "**a check failed**"
    out = [f"# {esc(report.title)}", "", f"{esc(report.subtitle)} · {verdict}", "",
           "## Records", ""]
    out += _table(("", "Records", "Share of read"), [
        (label, str(count), "" if label == "read" else pct(share))
        for label, count, share in report.totals])
    out += ["## Guarantees", ""]
    out += _table(("Check", "Result", "Detail"), [
        (esc(c.name), "PASS" if c.passed else "**FAIL**", esc(c.detail))
        for c in report.checks])
    out += ["## Entities found in text, by type", ""]
    if report.entities:
        top = max(n for _, n in report.entities)
        out += [_fence("\n".join(f"{entity[:24]:<24} {'█' * max(1, round(30 * n / top))} {n}"
                                  for entity, n in report.entities), wrap=False), ""]
        out += _table(("Type",) + tuple(esc(f) for f in report.fields) + ("Total",), [
            (esc(entity),) + tuple(str(n) if n else "" for n in per) + (str(total),)
            for entity, per, total in report.type_field])
    else:
        out += ["No entity was found in the text fields.", ""]
    if report.structured:
        out += ["### Structured columns pseudonymized", ""]
        out += _table(("Type", "Values"), [(esc(k), str(n)) for k, n in report.structured])
    for title, held in (("Quarantined (held back by the leak guard)", report.quarantine),
                        ("Dead-lettered", report.dead_letters)):
        out += [f"## {title}", ""]
        out += _held(held) if held else ["None.", ""]
    out += ["## Languages", ""]
    out += (_table(("Language", "Records", "Share"), [
        (esc(lang), str(n), pct(share)) for lang, n, share in report.languages])
        if report.languages else ["No record reached language detection.", ""])
    if report.input_formats:
        out += ["### Input formats", ""]
        out += _table(("Format", "Records written"),
                      [(esc(k), str(n)) for k, n in report.input_formats])
    out += ["## Output excerpts", "", esc(report.excerpts_note), ""]
    for text in report.excerpts:
        out += [_fence(text), ""]
    out += ["## Run", ""]
    out += _table(("", ""), [(esc(k), esc(v)) for k, v in report.run])
    return "\n".join(out)


def _held(held: Sequence[Held]) -> List[str]:
    rows = []
    for h in held:
        ids = ", ".join(f"{esc(i)} ({esc(at)})" if at else esc(i) for i, at in h.records)
        if h.more:
            ids += f" and {h.more} more"
        rows.append((esc(h.reason), str(h.count), ids))
    return _table(("Reason", "Records", "Conversation ids (file:position)"), rows)
