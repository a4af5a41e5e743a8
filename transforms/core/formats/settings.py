"""What a policy tells the input formats (Beam-free): how CSV/TSV columns map to canonical
fields, and which canonical fields are numbers."""
from __future__ import annotations

import dataclasses
from typing import Tuple


@dataclasses.dataclass(frozen=True)
class FormatSettings:
    columns: Tuple[Tuple[str, str], ...] = ()  # (column header, canonical field)
    float_fields: Tuple[str, ...] = ("sentiment_score",)
