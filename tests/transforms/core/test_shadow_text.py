"""The normalized shadow detectors read, and its map back to the original characters."""
import random
import unicodedata

import pytest

from transforms.core.shadow_text import build_shadow, read_visible, shadow_text


@pytest.mark.parametrize("original,shadow", [
    ("call 212_555_0147", "call 212-555-0147"),
    ("call 212~555~0147", "call 212-555-0147"),
    ("call 212*555*0147", "call 212-555-0147"),
    ("call 212|555|0147", "call 212-555-0147"),
    ("call 212\u00b7555\u00b70147", "call 212-555-0147"),
    ("call 212 \u2013 555 \u2014 0147", "call 212-555-0147"),
    ("call 212\u00a0\u00a0555\t0147", "call 212 555 0147"),
    ("call (212)_555_0147", "call (212)-555-0147"),
    ("ｆｗ．ｔｅｘｔ＠ｅｘａｍｐｌｅ．ｃｏｍ", "fw.text@example.com"),
    ("２１９－０９－９９３３", "219-09-9933"),
    ("555\u200b-0147", "555-0147"),
    ("jane\u200b.doe@exam\u00adple.com\ufeff", "jane.doe@example.com"),
    ("a\x00b\u200d\u200cc", "abc"),
    ("\u0665\u0665\u0665-\u0660\u0661\u0664\u0667", "555-0147"),  # Arabic-Indic digits
    ("\ufb01ne \u338f", "fine kg"),  # a ligature and a unit: one character, two out
    ("e\u0301t\u00e9", "\u00e9t\u00e9"),  # a combining accent composes
    ("我的手机13812345678谢谢", "我的手机13812345678谢谢"),
])
def test_each_disguise_reads_plainly_in_the_shadow(original, shadow):
    assert build_shadow(original).text == shadow


@pytest.mark.parametrize("kept", ["user1_2@x.com", "CUST_12_34", "ACCT-0099887766",
                                  "score 3.5 of 10", "192.168.1.1", "10:30 on 2026-03-01",
                                  "agent: 5\ncustomer: 6"])
def test_separators_inside_emails_ids_decimals_and_between_lines_stay(kept):
    assert shadow_text(kept) == kept


def test_plain_ascii_text_is_its_own_shadow_without_a_map():
    text = "customer: my number is 212-555-0147, call me at 3 pm"
    shadow = build_shadow(text)
    assert shadow.identity and shadow.text is text
    assert shadow.original_span(3, 9) == (3, 9)
    assert not build_shadow("call 212_555_0147").identity


def test_a_span_in_the_shadow_covers_the_invisible_characters_inside_it():
    original = "mail j\u200ba\u00adn\x00e@x.com now"
    shadow = build_shadow(original)
    start = shadow.text.index("jane@x.com")
    a, b = shadow.original_span(start, start + len("jane@x.com"))
    assert original[a:b] == "j\u200ba\u00adn\x00e@x.com"
    assert original[:a] + "<E>" + original[b:] == "mail <E> now"


def test_a_folded_separator_run_maps_to_all_its_characters():
    original = "call 212 \u2013 555_0147 ok"
    shadow = build_shadow(original)
    start = shadow.text.index("212")
    a, b = shadow.original_span(start, start + len("212-555-0147"))
    assert original[a:b] == "212 \u2013 555_0147"


def test_structured_values_are_read_without_folding():
    assert read_visible("user1_2@x.com") == "user1_2@x.com"
    assert read_visible("ＣＵＳＴ＿９９\u200b８８７７") == "CUST_998877"


# Property: on random text made of the characters that disguise values, the map is
# monotone, each shadow character comes from a non-empty original range, and every
# original character is covered by the shadow unless it is invisible.
_ALPHABET = (list("ab Z09_~*|.-@()\t\n") + ["\u00b7", "\u2013", "\u200b", "\u00ad", "\x00",
             "\ufeff", "\u200d", "\uff11", "\uff41", "\uff0d", "\ufb01", "\u338f", "\u0301",
             "\u0665", "\u4e2d", "\u3000", "\u00a0", "\x07", "\u2212", "\u30fc"])


def _random_texts(n=3000, seed=9):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 24)))


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cf", "Cc") and ch not in "\t\n\r"


def test_the_shadow_map_is_monotone_and_covering():
    for text in _random_texts():
        shadow = build_shadow(text)
        if shadow.identity:
            assert shadow.text == text
            continue
        starts, ends = shadow.starts, shadow.ends
        assert len(starts) == len(ends) == len(shadow.text)
        covered = set()
        for i, (s, e) in enumerate(zip(starts, ends)):
            assert 0 <= s < e <= len(text)
            if i:
                assert starts[i - 1] <= s and ends[i - 1] <= e  # monotone
            covered.update(range(s, e))
        assert all(_invisible(ch) for j, ch in enumerate(text) if j not in covered), text


def test_any_shadow_span_maps_to_an_original_range_holding_all_its_characters():
    for text in _random_texts(n=600, seed=4):
        shadow = build_shadow(text)
        n = len(shadow.text)
        for start in range(n):
            for end in range(start + 1, n + 1):
                a, b = shadow.original_span(start, end)
                if not shadow.identity:
                    assert a == shadow.starts[start] and b == shadow.ends[end - 1]
                    assert all(a <= shadow.starts[i] and shadow.ends[i] <= b
                               for i in range(start, end))


def test_the_shadow_of_an_already_normalized_text_is_itself():
    for text in _random_texts(n=1000, seed=5):
        once = shadow_text(text)
        assert shadow_text(once) == once, (text, once)
