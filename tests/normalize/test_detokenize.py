# ruff: noqa: RUF001 - typographic quotes are what these tests are about
"""detokenize: examples from the datasets, and the two properties it promises."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.normalize import detokenize


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        # PTB brackets and quotes (Timeline17)
        ("HONG KONG -LRB- Reuters -RRB- - A leading", "HONG KONG (Reuters) - A leading"),
        ("-LSB- sic -RSB- and -LCB- x -RCB-", "[sic] and {x}"),
        ("as `` very unstable , '' meaning", "as “very unstable,” meaning"),
        ("` Top hat ' dome", "‘Top hat’ dome"),
        ("a mates ' night out", "a mates’ night out"),
        # clitics
        ("wo n't", "won't"),
        ("ca n't", "can't"),
        ("It 's here , they 're there , we 've been , I 'll go , he 'd , I 'm", None),
        ("DO N'T", "DON'T"),
        # the 2018 seed's curly split clitics
        ("It ’ s not unusual", "It’s not unusual"),
        ("Wait ’ ll you see", "Wait’ll you see"),
        ("You ’ re going", "You’re going"),
        ("at Trump ’ s direction", "at Trump’s direction"),
        ("don ’ t", "don’t"),
        # punctuation attaching left and right
        ("according to the U.N . Refugee Agency .", "according to the U.N. Refugee Agency."),
        ("“ pouring across the border , ” whom", "“pouring across the border,” whom"),
        ("a “ National Emergency . ”", "a “National Emergency.”"),
        ("up 5 % ; down ! really ? yes : no", "up 5%; down! really? yes: no"),
        ("( left ) [ right ] { x }", "(left) [right] {x}"),
        ("in New Orleans , La. .", "in New Orleans, La."),
        ("wait . . .", "wait..."),
        # currency
        ("$ 75m", "$75m"),
        ("US$ 40 billion", "US$40 billion"),
        ("HK$ 3 and € 5 and £ 2", "HK$3 and €5 and £2"),
        # the lost pound sign of Timeline17 BBC and MEANTIME
        ("raise # 500 for", "raise £500 for"),
        ("(GB # 20.1 billion)", "(GB£20.1 billion)"),
        ("$ 6.1 bn -LRB- # 3.8 bn -RRB-", "$6.1 bn (£3.8 bn)"),
        ("Re # 23 Beijing", "Re # 23 Beijing"),
        ("hashtag #500 stays", "hashtag #500 stays"),
        # escapes
        ("Reuters\\/Eliana Aponte", "Reuters/Eliana Aponte"),
        ("\\* Sees 70 percent", "* Sees 70 percent"),
        # straight quotes pair when standalone
        ('He said " hello , world " .', 'He said "hello, world".'),
        ('a " b', 'a "b'),
        # whitespace
        ("  many   spaces\there  ", "many spaces here"),
        ("line one . \n line two .", "line one.\nline two."),
        ("para\n\n\npara", "para\n\n\npara"),
        ("", ""),
    ],
)
def test_examples(tokens: str, expected: str | None) -> None:
    if expected is None:
        expected = "It's here, they're there, we've been, I'll go, he'd, I'm"
    assert detokenize(tokens) == expected


@pytest.mark.parametrize(
    "prose",
    [
        'She said DHS will ”use every tool and resource available" to do so',  # 2025 seed
        "Boeing's 787 \"Dreamliner\" flew; rock 'n' roll",
        "Use .NET and ,comma-led and 'quoted' and “curly” text.",
        "The U.S. had 331,700 asylum claims in 2017, more than any country.",
        "Prices rose 5% to $75m (about £50m) on Tuesday.",
        "#hashtag and C# and F# 3 stay put",
    ],
)
def test_ordinary_prose_is_untouched(prose: str) -> None:
    assert detokenize(prose) == prose


def test_curly_quote_not_standalone_is_kept() -> None:
    assert detokenize("DHS will ”use every tool") == "DHS will ”use every tool"


def test_newlines_are_kept_so_paragraphs_can_be_split_afterwards() -> None:
    assert detokenize("a , b\nc ( d )\n\ne") == "a, b\nc (d)\n\ne"


# --- properties ------------------------------------------------------------------------------

PUNCTUATION = [
    *["-LRB-", "-RRB-", "-LSB-", "-RSB-", "-LCB-", "-RCB-", "``", "''", "`", "'", '"'],
    *["“", "”", "‘", "’", ",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "(", "[", "{"],
    *["$", "US$", "GB", "#", "£", "€", "...", "--", "-", "—", "n't", "'s", "'re", "'ll"],
    *["'d", "'m", "s", "ll", "re", "t", "d", "\\/", "a\\/b", "\\*", "Re", "La.", "U.N"],
]
WORDS = ["word", "Word", "1", "20.1", "500", "x", "Obama"]
TOKEN = st.one_of(
    st.sampled_from(PUNCTUATION + WORDS),
    st.text(alphabet="ab1'\"`$#.,()’”“\\/-", min_size=1, max_size=4),
)
SEPARATOR = st.sampled_from([" ", " ", " ", "  ", "\n", " \n ", "\t", "\u00a0", ""])
BRACKET_CODE = re.compile(r"(?<!\S)-[LR][RSC]B-(?!\S)")


@st.composite
def tokenized(draw: st.DrawFn) -> str:
    tokens = draw(st.lists(TOKEN, max_size=20))
    return "".join(token + draw(SEPARATOR) for token in tokens)


def alphanumerics(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


@settings(max_examples=500)
@given(tokenized())
def test_idempotent(text: str) -> None:
    once = detokenize(text)
    assert detokenize(once) == once


@settings(max_examples=300)
@given(st.text())
def test_idempotent_on_any_text(text: str) -> None:
    once = detokenize(text)
    assert detokenize(once) == once


@settings(max_examples=500)
@given(tokenized())
def test_never_loses_a_word(text: str) -> None:
    out = detokenize(text)
    # Same letters and digits in the same order, bracket codes aside ...
    assert alphanumerics(out) == alphanumerics(BRACKET_CODE.sub(" ", text))
    # ... and every word survives whole: spaces are only removed next to punctuation.
    for word in re.findall(r"(?<!\S)[A-Za-z0-9]+(?!\S)", BRACKET_CODE.sub(" ", text)):
        assert word in out
