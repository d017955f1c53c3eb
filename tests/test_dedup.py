"""MinHash signatures and LSH band keys."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.dedup import DUPLICATE_THRESHOLD, MinHasher

TEXT = (
    "The Department of Homeland Security has asked for 20,000 National Guard troops to assist"
    " with immigration roundups across the country, and the Pentagon is reviewing the unusual"
    " request, a U.S. official confirmed to The Associated Press. DHS asked for the troops to"
    " help carry out President Donald Trump's mandate, department spokeswoman Tricia McLaughlin"
    " said. Unlike the troops deployed at the southern border, these National Guard units would"
    " come from the states and be used to assist in deportation operations in the interior."
)
OTHER = (
    "Stock markets in Asia fell sharply on Monday as investors worried about the slowing"
    " economy in China and the prospect of higher interest rates in the United States, with the"
    " Nikkei losing three percent and the Hang Seng index closing at its lowest level in a year."
)

hasher = MinHasher()


def test_signature_is_deterministic_and_case_space_insensitive() -> None:
    a = hasher.signature(TEXT)
    assert a.shape == (128,)
    assert np.array_equal(a, MinHasher().signature(TEXT))
    assert np.array_equal(a, hasher.signature("  " + TEXT.upper().replace(" ", "   ")))
    assert hasher.band_keys(a) == MinHasher().band_keys(a)
    assert len(hasher.band_keys(a)) == MinHasher.bands


def test_small_edits_stay_above_threshold_and_other_stories_below() -> None:
    edited = TEXT.replace("20,000", "21,000").replace("unusual", "rare")
    trimmed = TEXT[: int(len(TEXT) * 0.8)]
    base = hasher.signature(TEXT)
    assert hasher.similarity(base, hasher.signature(edited)) >= DUPLICATE_THRESHOLD
    assert hasher.similarity(base, hasher.signature(trimmed)) >= DUPLICATE_THRESHOLD
    assert hasher.similarity(base, hasher.signature(OTHER)) < 0.2


def test_copies_share_a_band_key() -> None:
    keys = set(hasher.band_keys(hasher.signature(TEXT)))
    edited = TEXT.replace("20,000", "21,000")
    assert keys & set(hasher.band_keys(hasher.signature(edited)))


def test_bytes_round_trip() -> None:
    sig = hasher.signature(TEXT)
    assert np.array_equal(MinHasher.from_bytes(MinHasher.to_bytes(sig)), sig)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_a_full_signature(text: str) -> None:
    sig = hasher.signature(text)
    assert sig.shape == (128,)
    assert hasher.similarity(sig, hasher.signature(text)) == 1.0


LOGIN_WALL = (
    "Just One More Thing...\n\nWe have sent you a verification email. Please check your email"
    " and click on the link to activate your profile.\n\nIf you do not receive the verification"
    " message within a few minutes of signing up, please check your Spam or Junk folder.\n\nClose"
)


def test_pages_that_are_only_a_login_wall_are_not_copies_of_each_other() -> None:
    # Same body text word for word, different reports: the headline and story text decide.
    a = hasher.article_signature("Atlanta News: 4 shot in northwest", LOGIN_WALL)
    b = hasher.article_signature("Bartow gunman shot at a dozen people", LOGIN_WALL)
    assert hasher.similarity(hasher.signature(LOGIN_WALL), hasher.signature(LOGIN_WALL)) == 1.0
    assert hasher.similarity(a, b) < DUPLICATE_THRESHOLD


def test_a_wire_copy_under_another_headline_with_site_chrome_is_still_a_copy() -> None:
    a = hasher.article_signature("DHS asks for 20,000 Guard troops", TEXT)
    b = hasher.article_signature(
        "Pentagon weighs request for Guard troops in deportations",
        "Please enable Javascript to watch this video\n\n"
        + TEXT
        + "\n\nCopyright 2025 The Associated Press. All rights reserved.",
    )
    assert hasher.similarity(a, b) >= DUPLICATE_THRESHOLD
