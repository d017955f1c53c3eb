"""Word lists and small parsers for the figures annotator: number words, scales, qualifiers.

Everything here is data or a pure function over strings, so the scanner and the casualty rules
share one vocabulary and the unit tests can check it without a pipeline.
"""

from __future__ import annotations

import re
from enum import Enum

__all__ = [
    "CURRENCY_SIGNS",
    "CURRENCY_WORDS",
    "NUMBER_WORDS",
    "PERSON_NOUNS",
    "PLURAL_SCALES",
    "QUALIFIERS",
    "SCALE_SUFFIXES",
    "SCALE_WORDS",
    "TIME_UNITS",
    "UNIT_WORDS",
    "Bound",
    "parse_digits",
    "parse_number_words",
    "words",
]


def words(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(text.split())


class Bound(Enum):
    """Which side of the true value a qualifier puts the stated number on."""

    LOWER = "lower"  # ``at least 800``: the true value is >= 800
    UPPER = "upper"  # ``up to 4,000``: the true value is <= 4,000
    APPROX = "approx"  # ``about 2,000``: near 2,000, either side


# Qualifier phrase → bound. Longest phrases are tried first (see ``_figure_scan``), so
# ``a little over`` wins over ``over`` and ``just under`` over ``under``.
QUALIFIERS: dict[str, Bound] = {
    "at least": Bound.LOWER,
    "more than": Bound.LOWER,
    "over": Bound.LOWER,
    "upwards of": Bound.LOWER,
    "upward of": Bound.LOWER,
    "in excess of": Bound.LOWER,
    "a little over": Bound.LOWER,
    "a little more than": Bound.LOWER,
    "just over": Bound.LOWER,
    "just more than": Bound.LOWER,
    "well over": Bound.LOWER,
    "slightly more than": Bound.LOWER,
    "no fewer than": Bound.LOWER,
    "no less than": Bound.LOWER,
    "not less than": Bound.LOWER,
    "above": Bound.LOWER,
    "greater than": Bound.LOWER,
    "a minimum of": Bound.LOWER,
    "up to": Bound.UPPER,
    "as many as": Bound.UPPER,
    "as much as": Bound.UPPER,
    "as high as": Bound.UPPER,
    "at most": Bound.UPPER,
    "fewer than": Bound.UPPER,
    "less than": Bound.UPPER,
    "no more than": Bound.UPPER,
    "not more than": Bound.UPPER,
    "under": Bound.UPPER,
    "just under": Bound.UPPER,
    "just shy of": Bound.UPPER,
    "below": Bound.UPPER,
    "nearly": Bound.UPPER,
    "almost": Bound.UPPER,
    "a maximum of": Bound.UPPER,
    # ``as few as 3`` bounds from below: at least that few.
    "as few as": Bound.LOWER,
    "as little as": Bound.LOWER,
    "about": Bound.APPROX,
    "around": Bound.APPROX,
    "approximately": Bound.APPROX,
    "approx.": Bound.APPROX,
    "roughly": Bound.APPROX,
    "some": Bound.APPROX,
    "an estimated": Bound.APPROX,
    "estimated": Bound.APPROX,
    "close to": Bound.APPROX,
    "nearly about": Bound.APPROX,
    "circa": Bound.APPROX,
    "an approximate": Bound.APPROX,
    "a reported": Bound.APPROX,
}

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# ``hundred`` multiplies the running group; the others close it.
SCALE_WORDS = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Plural scale nouns used as vague counts (``dozens of``, ``hundreds``): the smallest plural.
PLURAL_SCALES = {
    "dozens": 24.0,
    "scores": 40.0,
    "hundreds": 200.0,
    "thousands": 2_000.0,
    "millions": 2_000_000.0,
    "billions": 2_000_000_000.0,
}
# Abbreviated scales glued to an amount (``$75m``, ``10bn``, ``5k``); case-insensitive.
SCALE_SUFFIXES = {
    "k": 1_000.0,
    "m": 1_000_000.0,
    "mn": 1_000_000.0,
    "mln": 1_000_000.0,
    "bn": 1_000_000_000.0,
    "b": 1_000_000_000.0,
    "bln": 1_000_000_000.0,
    "tn": 1_000_000_000_000.0,
    "trn": 1_000_000_000_000.0,
}
_FRACTIONS = {
    "half": 0.5,
    "halves": 0.5,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 0.25,
    "quarters": 0.25,
    "fourth": 0.25,
    "fourths": 0.25,
    "fifth": 0.2,
    "fifths": 0.2,
    "tenth": 0.1,
    "tenths": 0.1,
}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(SCALE_WORDS)

CURRENCY_SIGNS = {
    "$": "USD",
    "US$": "USD",
    "USD": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "£": "GBP",
    "GBP": "GBP",
    "€": "EUR",
    "EUR": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "Rs": "INR",
    "Rs.": "INR",
}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "rupees": "INR",
    "pesos": "MXN",
    "cents": "cents",
}
# Counted nouns that are units of measure: they become ``Figure.unit``, not ``subject``.
UNIT_WORDS = words(
    """mile miles kilometer kilometers kilometre kilometres km kms meter meters metre metres
    foot feet ft inch inches yard yards acre acres hectare hectares pound pounds lb lbs ounce
    ounces oz ton tons tonne tonnes kilogram kilograms kg kgs gram grams gallon gallons liter
    liters litre litres barrel barrels bpd mph kph degree degrees point points votes vote
    calorie calories mm cm"""
)
# A number counting these is a duration (``three days``), a time expression, not a figure.
TIME_UNITS = words(
    """second seconds minute minutes hour hours day days night nights week weeks weekend
    weekends month months year years decade decades century centuries"""
)
# Nouns for people: ``a woman`` counts one, and casualty rules look for these as victims.
PERSON_NOUNS = words(
    """man men woman women boy boys girl girls person people persons child children kid kids
    teen teens teenager teenagers juvenile juveniles adult adults victim victims male males
    female females resident residents officer officers deputy deputies trooper troopers
    agent agents student students driver drivers passenger passengers customer customers
    employee employees worker workers clerk clerks bystander bystanders suspect suspects
    gunman gunmen shooter shooters robber robbers intruder intruders homeowner homeowners
    father fathers mother mothers son sons daughter daughters brother brothers sister sisters
    husband husbands wife wives friend friends relative relatives toddler toddlers baby babies
    infant infants youth youths individual individuals occupant occupants patron patrons
    neighbor neighbors neighbour neighbours guard guards pedestrian pedestrians soldier
    soldiers civilian civilians migrant migrants teenager teenagers guy guys cousin cousins
    uncle nephew niece grandmother grandfather girlfriend boyfriend fiance fiancee owner owners
    motorist motorists cyclist cyclists inmate inmates player players fan fans citizen citizens
    member members troops troop protester protesters demonstrator demonstrators burglar
    burglars thief thieves carjacker carjackers attacker attackers assailant assailants
    gunmen tenant tenants landlord cashier cashiers manager managers bouncer bouncers detective
    detectives sergeant sergeants marshal marshals sheriff deputies lieutenant corporal
    firefighter firefighters paramedic paramedics nurse nurses doctor doctors teacher teachers
    pastor priest dealer dealers gang gangster gangsters hostage hostages partner partners
    roommate roommates spouse grandson granddaughter stepfather stepson mom dad parent parents
    acquaintance acquaintances stranger strangers visitor visitors guest guests runner walker
    hunter hunters shooter trespasser trespassers offender offenders felon felons fugitive
    fugitives prisoner prisoners sibling siblings twin twins infant senior seniors"""
)

_DIGITS_RX = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+")
_WORD_SPLIT_RX = re.compile(r"[\s-]+")


def parse_digits(text: str) -> float | None:
    """``1,674,200.5`` → 1674200.5; ``None`` unless ``text`` is a plain digit string."""
    if _DIGITS_RX.fullmatch(text) is None:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def parse_number_words(text: str) -> float | None:
    """Value of a spelled-out number: ``twenty-five`` → 25, ``one hundred and six`` → 106,
    ``2.5 million`` → 2500000, ``three-quarters`` → 0.75, ``a dozen`` → 12, ``half a million``
    → 500000; ``None`` when a word is not part of a number.
    """
    words = [w for w in _WORD_SPLIT_RX.split(text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    words = ["one" if w in {"a", "an"} else w for w in words]
    if words[:2] == ["half", "one"]:  # ``half a million`` after the article became ``one``
        words = ["0.5", *words[2:]]
    total = 0.0
    group = 0.0
    seen = False
    for index, word in enumerate(words):
        digits = parse_digits(word)
        if digits is not None:
            group += digits
        elif word in _UNITS:
            group += _UNITS[word]
        elif word in _TENS:
            group += _TENS[word]
        elif word in {"dozen", "dozens"}:
            group = (group or 1) * 12
        elif word == "hundred":
            group = (group or 1) * 100
        elif word in SCALE_WORDS:
            total += (group or 1) * SCALE_WORDS[word]
            group = 0
        elif word in _FRACTIONS and index == len(words) - 1:
            group = (group or 1) * _FRACTIONS[word]
        else:
            return None
        seen = True
    return total + group if seen else None
