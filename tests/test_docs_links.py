"""Every relative link in the README and docs/ points at a file that exists and, with an
anchor, at a heading of that file (GitHub's anchor rules), so moving a section is seen."""
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)


def anchors(md: Path) -> set:
    """GitHub's heading anchors: lowercased, punctuation but '-' and '_' dropped, spaces to
    '-', a repeated heading gets -1, -2 ..."""
    seen, out = {}, set()
    for line in FENCE.sub("", md.read_text(encoding="utf-8")).splitlines():
        m = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not m:
            continue
        text = re.sub(r"[`*]|\[([^\]]*)\]\([^)]*\)", r"\1", m.group(1)).lower()
        slug = re.sub(r"[^\w\- ]", "", text).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def links(md: Path):
    for target in LINK.findall(FENCE.sub("", md.read_text(encoding="utf-8"))):
        if not re.match(r"[a-z]+:", target):
            yield target


def test_anchor_rules_follow_github():
    md = REPO / "docs" / "evaluation.md"
    assert "figures-heldout-default-policy" in anchors(md)


@pytest.mark.parametrize("md", DOCS, ids=lambda p: p.name)
def test_every_relative_link_resolves_to_a_file_and_heading(md):
    broken = []
    for target in links(md):
        path, _, anchor = target.partition("#")
        dest = (md.parent / path).resolve() if path else md
        if not dest.exists():
            broken.append(target)
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            broken.append(target)
    assert not broken, f"{md.name}: {broken}"
