"""The Porter stemmer as ROUGE-1.5.5 implements it (Perl, 2004 revision), ported rule by rule.

One stemmer for the project: the timeline's sentence similarity and the ROUGE scorer of
``dateline eval tls`` both use it, so "explodes", "exploded" and "explosion" meet the same way in
selection and in scoring. It differs from nltk's default Porter mode (NLTK extensions) and, in
step 4, from Porter's paper: a word in "-ement" loses the whole suffix or nothing. Checked against
the Perl original on the 40,392 distinct words longer than three letters of the Timeline17
articles (tests/test_stem.py keeps a sample).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["porter_stem"]


_c = "[^aeiou]"
_v = "[aeiouy]"
_C = f"{_c}[^aeiouy]*"
_V = f"{_v}[aeiou]*"
_MGR0 = re.compile(f"^({_C})?{_V}{_C}")
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")
_VOWEL_IN = re.compile(f"^({_C})?{_v}")
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")
_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize",
    "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful",
    "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
}  # fmt: skip
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
          "ness": ""}  # fmt: skip
_STEP2_RE = re.compile(f"({'|'.join(_STEP2)})$")
_STEP3_RE = re.compile(f"({'|'.join(_STEP3)})$")
_STEP4_RE = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")


# News vocabulary repeats: the cache makes stemming a dictionary lookup for most words.
@lru_cache(maxsize=1 << 17)
def porter_stem(word: str) -> str:
    """The Porter stem of a lowercase word, exactly as ROUGE-1.5.5's ``stem`` computes it."""
    if len(word) < 3:
        return word
    initial_y = word[0] == "y"
    if initial_y:
        word = "Y" + word[1:]
    # Step 1a
    if (m := re.search("(ss|i)es$", word)) or (m := re.search("([^s])s$", word)):
        word = word[: m.start()] + m.group(1)
    # Step 1b
    if word.endswith("eed"):
        if _MGR0.search(word[:-3]):
            word = word[:-1]
    elif m := re.search("(ed|ing)$", word):
        stem = word[: m.start()]
        if _VOWEL_IN.search(stem):
            word = stem
            if re.search("(at|bl|iz)$", word):
                word += "e"
            elif re.search(r"([^aeiouylsz])\1$", word):
                word = word[:-1]
            elif _CVC.search(word):
                word += "e"
    # Step 1c
    if word.endswith("y") and _VOWEL_IN.search(word[:-1]):
        word = word[:-1] + "i"
    # Step 2
    if m := _STEP2_RE.search(word):
        stem = word[: m.start()]
        if _MGR0.search(stem):
            word = stem + _STEP2[m.group(1)]
    # Step 3
    if m := _STEP3_RE.search(word):
        stem = word[: m.start()]
        if _MGR0.search(stem):
            word = stem + _STEP3[m.group(1)]
    # Step 4 (the 2004 "-ement" change: each test sees the word as the previous one left it)
    if m := _STEP4_RE.search(word):
        stem = word[: m.start()]
        if _MGR1.search(stem):
            word = stem
    if word.endswith("ment"):
        stem = word[:-4]
        if _MGR1.search(stem):
            word = stem
    if word.endswith("ent"):
        stem = word[:-3]
        if _MGR1.search(stem):
            word = stem
    elif m := re.search("(s|t)(ion)$", word):
        stem = word[: m.start()] + m.group(1)
        if _MGR1.search(stem):
            word = stem
    # Step 5
    if word.endswith("e"):
        stem = word[:-1]
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            word = stem
    if word.endswith("ll") and _MGR1.search(word):
        word = word[:-1]
    if initial_y:
        word = "y" + word[1:]
    return word
