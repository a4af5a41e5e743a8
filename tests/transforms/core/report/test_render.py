"""The report rendered from a summary: checks, sections, and every text escaped."""
import re
from html.parser import HTMLParser

from transforms.core import report
from transforms.core.report import model
from transforms.core.report.svg_chart import bar_chart

EVIL = '<script>alert("x")</script>'


def _summary(**changes):
    summary = {
        "run_id": "r1", "records_read": 10, "records_written": 7, "records_quarantined": 1,
        "records_dead_lettered": 2, "counts_conserved": True, "max_quarantine_rate": 0.2,
        "counts": {"entities": {"PERSON": 4, "EMAIL": 2},
                   "entities_by_type_field": {"PERSON in notes": 1,
                                              "PERSON in transcript_text": 3,
                                              "EMAIL in transcript_text": 2},
                   "languages": {"en": 6, "fr": 1}, "structured": {"PHONE": 7}},
        "quarantine_reasons": {"leak:email": 1},
        "dead_letter_reasons": {"invalid_json": 2},
        "samples": {"quarantine": {"leak:email": [{"id": "c-9", "at": "a.jsonl:4"}]},
                    "dead_letters": {"invalid_json": [{"id": None, "at": "a.jsonl:5"}]},
                    "excerpts": [{"key": 1, "text": "agent: hello <PERSON>"}]},
        "policy_source": "p.yaml", "policy_digest": "sha256:ab", "key_id": "k", "key_version": 2,
        "spacy_model": "en_core_web_sm", "started": "2026-01-01T00:00:00Z",
        "finished": "2026-01-01T00:00:05Z", "run_seconds": 5.0, "output": "out",
        "vault_output": "out.vault"}
    summary.update(changes)
    return summary


def test_the_checks_pass_or_fail_on_the_summary_s_numbers():
    assert [c.passed for c in model.build(_summary()).checks] == [True, True, True]
    # 1 of 8 guarded records quarantined: above a 10 % threshold, under 20 %
    failed = model.build(_summary(max_quarantine_rate=0.1))
    assert [c.name for c in failed.checks if not c.passed] == ["Quarantine rate"]
    assert not model.build(_summary(counts_conserved=False)).checks[0].passed
    guard = model.build(_summary(dead_letter_reasons={"guard_failed:ValueError": 2}))
    assert not guard.checks[1].passed and not guard.passed
    assert model.build(_summary(max_quarantine_rate=None)).checks[2].detail.endswith(
        "(--max-quarantine-rate 0.05)")  # an older summary: the default threshold


def test_the_model_holds_rates_the_type_by_field_table_languages_and_throughput():
    built = model.build(_summary())
    assert built.totals[1] == ("written", 7, 0.7)
    assert built.fields == ("notes", "transcript_text")
    assert built.type_field == (("PERSON", (1, 3), 4), ("EMAIL", (0, 2), 2))
    assert built.languages[0] == ("en", 6, 6 / 7)
    assert dict(built.run)["Throughput"] == "2.0 records/s"
    assert built.dead_letters[0].records == (("(no id)", "a.jsonl:5"),)


def test_the_held_lists_say_how_many_more_than_the_ids_kept():
    built = model.build(_summary(quarantine_reasons={"leak:email": 31}))
    assert built.quarantine[0].more == 30
    assert "and 30 more" in report.render(_summary(quarantine_reasons={"leak:email": 31}))[0]


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_text_from_the_summary_is_escaped_in_html_and_markdown():
    summary = _summary(
        quarantine_reasons={EVIL: 1},
        samples={"quarantine": {EVIL: [{"id": EVIL, "at": "a|b.jsonl:1"}]},
                 "dead_letters": {}, "excerpts": [{"key": 1, "text": "```" + EVIL}]},
        counts={"entities": {EVIL: 1}, "entities_by_type_field": {f"{EVIL} in notes": 1},
                "languages": {EVIL: 1}},
        policy_source=EVIL)
    html, md = report.render(summary)
    parsed = _Elements()
    parsed.feed(html)
    assert "script" not in {tag for tag, _ in parsed.tags}
    assert EVIL in "".join(parsed.text)  # shown as text, in the table, chart and excerpt
    fences = re.findall(r"^(`{3,})text\n.*?^\1$", md, flags=re.S | re.M)
    assert fences == ["```", "````"]  # the chart, and the excerpt with its own ```
    outside = re.sub(r"^(`{3,})text\n.*?^\1$", "", md, flags=re.S | re.M)
    assert "<script>" not in outside and r"\<script\>" in outside
    for line in md.splitlines():
        if line.startswith("|"):  # the reason's "|" cannot open a new column
            assert not re.search(r"(?<!\\)\|[^|]*a\|b", line)


def test_the_html_loads_nothing_from_elsewhere():
    html, _ = report.render(_summary())
    parsed = _Elements()
    parsed.feed(html)
    links = [value for _, attrs in parsed.tags for name, value in attrs.items()
             if name in ("src", "href") and value]
    assert links == ["data:,"]
    assert "url(" not in html and "@import" not in html
    assert "default-src 'none'" in html


def test_the_chart_draws_bars_proportional_to_the_counts_with_escaped_labels():
    svg = bar_chart([("PERSON", 10), ("A&B", 5)], "t")
    widths = [int(w) for w in re.findall(r'<rect [^>]*width="(\d+)"', svg)]
    assert widths == [380, 190]
    assert "A&amp;B" in svg and bar_chart([], "t") == ""


def test_an_empty_run_renders_with_no_rates():
    empty = {"records_read": 0, "records_written": 0, "records_quarantined": 0,
             "records_dead_lettered": 0, "counts_conserved": True}
    html, md = report.render(empty)
    assert "No entity was found" in html and "No entity was found" in md
    assert model.build(empty).totals[1][2] is None
