"""The report as one self-contained HTML file: inline CSS and SVG, no script, no fetch
(a Content-Security-Policy forbids any), every text from the summary escaped."""
from __future__ import annotations

from html import escape
from typing import Iterable, List, Sequence

from transforms.core.report.model import Held, Report, pct
from transforms.core.report.svg_chart import bar_chart

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;
 margin:0;background:#f4f6f9}
main{max-width:980px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:24px;margin:0 0 2px}h2{font-size:18px;margin:28px 0 8px;
 border-bottom:1px solid #d5dbe5;padding-bottom:4px}
.sub{color:#5a6477;margin:0 0 18px}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{background:#fff;border:1px solid #d5dbe5;border-radius:8px;padding:10px 16px;
 min-width:150px}
.card b{display:block;font-size:26px}.card span{color:#5a6477}
table{border-collapse:collapse;background:#fff;margin:6px 0}
th,td{border:1px solid #d5dbe5;padding:4px 10px;text-align:left;vertical-align:top}
th{background:#eef1f6}td.n{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:#0b6b2b;font-weight:700}.fail{color:#b3261e;font-weight:700}
.chart text{font:13px system-ui,sans-serif;fill:#1d2330}
code,.ids{font:12.5px ui-monospace,Menlo,Consolas,monospace}
.ids{color:#394150}.more{color:#5a6477}
blockquote{background:#fff;border-left:4px solid #3b6ea8;margin:8px 0;padding:8px 12px;
 white-space:pre-wrap;font:13px ui-monospace,Menlo,Consolas,monospace}
.note{color:#5a6477;font-size:13px}
"""


def render(report: Report) -> str:
    verdict = "all checks passed" if report.passed else "a check failed"
    body: List[str] = [
        f"<h1>{escape(report.title)}</h1>",
        f'<p class="sub">{escape(report.subtitle)} · '
        f'<span class="{"pass" if report.passed else "fail"}">{verdict}</span></p>',
        '<section id="totals"><h2>Records</h2><div class="cards">']
    for label, count, share in report.totals:
        rate = "" if label == "read" else f" · {pct(share)}"
        body.append(f'<div class="card" id="total-{escape(label)}"><b>{count}</b>'
                    f'<span>{escape(label)}{rate}</span></div>')
    body.append("</div></section>")
    body.append('<section id="checks"><h2>Guarantees</h2>')
    body.append(_table(("Check", "Result", "Detail"), [
        (escape(c.name), f'<span class="{"pass" if c.passed else "fail"}">'
                         f'{"PASS" if c.passed else "FAIL"}</span>', escape(c.detail))
        for c in report.checks]))
    body.append("</section>")
    body.append('<section id="entities"><h2>Entities found in text, by type</h2>')
    if report.entities:
        body.append(bar_chart(report.entities, "Entities found per type"))
        header = ("Type",) + tuple(escape(f) for f in report.fields) + ("Total",)
        body.append(_table(header, [
            (escape(entity),) + tuple(_n(n) for n in per_field) + (_n(total),)
            for entity, per_field, total in report.type_field], numeric_from=1))
    else:
        body.append('<p class="note">No entity was found in the text fields.</p>')
    if report.structured:
        body.append("<h2>Structured columns pseudonymized</h2>")
        body.append(_table(("Type", "Values"), [(escape(k), _n(n))
                                                for k, n in report.structured], 1))
    body.append("</section>")
    for section, title, held in (("quarantine", "Quarantined (held back by the leak guard)",
                                  report.quarantine),
                                 ("dead-letters", "Dead-lettered", report.dead_letters)):
        body.append(f'<section id="{section}"><h2>{title}</h2>')
        body.append(_held(held) if held else '<p class="note">None.</p>')
        body.append("</section>")
    body.append('<section id="languages"><h2>Languages</h2>')
    body.append(_table(("Language", "Records", "Share"), [
        (escape(lang), _n(n), escape(pct(share))) for lang, n, share in report.languages], 1)
        if report.languages else '<p class="note">No record reached language detection.</p>')
    if report.input_formats:
        body.append("<h2>Input formats</h2>")
        body.append(_table(("Format", "Records written"), [
            (escape(k), _n(n)) for k, n in report.input_formats], 1))
    body.append("</section>")
    body.append('<section id="excerpts"><h2>Output excerpts</h2>')
    body.append(f'<p class="note">{escape(report.excerpts_note)}</p>')
    body.extend(f"<blockquote>{escape(text)}</blockquote>" for text in report.excerpts)
    body.append("</section>")
    body.append('<section id="run"><h2>Run</h2>')
    body.append(_table(("", ""), [(escape(k), f"<code>{escape(v)}</code>")
                                  for k, v in report.run], header=False))
    body.append("</section>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; img-src data:\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<link rel=\"icon\" href=\"data:,\">"
            f"<title>{escape(report.title)} – {escape(report.subtitle)}</title>"
            f"<style>{_CSS}</style></head><body><main>\n" + "\n".join(body)
            + "\n</main></body></html>\n")


def _n(n: int) -> str:
    return str(n) if n else ""


def _held(held: Sequence[Held]) -> str:
    rows = []
    for h in held:
        ids = ", ".join(f"{escape(i)} <span class=\"more\">({escape(at)})</span>"
                        if at else escape(i) for i, at in h.records)
        if h.more:
            ids += f' <span class="more">and {h.more} more</span>'
        rows.append((f"<code>{escape(h.reason)}</code>", str(h.count),
                     f'<span class="ids">{ids}</span>'))
    return _table(("Reason", "Records", "Conversation ids (file:position)"), rows)


def _table(columns: Sequence[str], rows: Iterable[Sequence[str]], numeric_from: int = 99,
           header: bool = True) -> str:
    """Cells are HTML already (escaped by the caller)."""
    out = ["<table>"]
    if header:
        out.append("<tr>" + "".join(f"<th>{h}</th>" for h in columns) + "</tr>")
    for row in rows:
        out.append("<tr>" + "".join(
            f'<td class="n">{cell}</td>' if i >= numeric_from else f"<td>{cell}</td>"
            for i, cell in enumerate(row)) + "</tr>")
    out.append("</table>")
    return "".join(out)
