"""Word lists for quote attribution: cue verbs and nouns, anonymous-source nouns, pronouns.

Cue verbs are matched on the lower-cased *surface form* (``said``, ``says``, ``saying``), not on
the lemma, so that the rules work on hand-built Docs without a lemmatizer and are immune to
lemmatizer slips (en_core_web_sm lemmatizes ``hoped`` as ``hop``). The forms are generated from
the base verbs below with regular English inflection plus a table of irregular verbs.

Which verbs are cues, and in which frame, was decided on PolNeAR *train* (never dev): for every
verb with a subject we measured how often it heads a gold cue. Verbs of saying and of public
stance that head a cue in more than about half of their uses count in any frame
(``ANY_FRAME``); verbs that are cues mostly when they take a clause (``added that``, ``declined
to``, ``agreed that``) count only then (``CLAUSE_FRAME``). Verbs of mere preference or mental
state (``want``, ``think``, ``support``) are cues in PolNeAR well under half of the time and
would flood a timeline with non-quotes, so they are left out.
"""

from __future__ import annotations

__all__ = [
    "ANON_HEADS",
    "ANY_FRAME",
    "CLAUSE_FRAME",
    "FEMALE_NAMES",
    "LIGHT_CUE_VERBS",
    "MALE_NAMES",
    "NOT_SPEAKER_LABELS",
    "NOUN_CUES",
    "POLL_NOUNS",
    "PRONOUN_GENDER",
    "ROLE_WORDS",
    "SPEECH_NOUNS",
    "STATE_ADJECTIVES",
    "XCOMP_OK",
    "verb_forms",
]

ANY_FRAME = frozenset(
    """
    say tell write report note suggest argue announce tweet describe claim accuse criticize
    acknowledge explain declare express insist cite warn promise reveal mention vow urge propose
    praise state indicate question defend reject recall blame discuss predict blast reply deny
    admit denounce complain echo compare order reiterate estimate mock slam tout thank
    decry concede voice condemn stress lament allege rail remark caution assert boast emphasize
    respond ask call show endorse comment chant shout joke quote recommend portray applaud plead
    dismiss signal assure confirm testify speculate contend proclaim observe disclose inform
    retort quip exclaim scoff brag muse recount pledge dispute attack label characterize
    lambaste chide scold berate accuse taunt ridicule urge highlight acclaim hail tease
    underscore announce post email text instruct demand complain vent support back oppose
    favor refer push share issue lay prefer talk offer release point list repeat promote
    publish charge remind apologize advocate
    """.split()
)

# Cues only with a finite clausal complement (``added that ...``, ``thinks that ...``) or as a
# parenthetical after the content (``..., he added.``): ``continues to`` and ``made a`` are not.
CLAUSE_FRAME = frozenset(
    """
    add find agree decline refuse hope fear worry seek threaten wonder maintain conclude
    think believe know learn read see continue realize understand doubt suspect guess
    recognize want wish intend aim
    """.split()
)

# Among the clause-frame verbs, those whose infinitive complement is also what they report
# (``declined to comment``, ``vowed to fight``).
XCOMP_OK = frozenset(
    """
    decline refuse threaten seek hope agree vow promise pledge urge warn ask tell order
    want wish intend aim
    """.split()
)

# Adjectives of stance after a copula (``were optimistic that``, ``is skeptical of``).
STATE_ADJECTIVES = frozenset(
    """
    optimistic pessimistic hopeful confident worried concerned skeptical sceptical eager
    angry aware afraid wary critical happy pleased upset frustrated determined reluctant
    committed opposed sure certain convinced adamant unhappy furious supportive loyal proud
    doubtful unsure uncertain nervous anxious fearful keen willing unwilling enthusiastic
    dismissive open sensitive
    """.split()
)

# Heads of ``in <poll>, ...`` phrases that name a source (``In the latest poll, X leads``).
POLL_NOUNS = frozenset(
    """
    poll polls survey surveys study studies report analysis rankings ranking
    """.split()
)

# Line-initial labels that are page furniture, not speakers (``UPDATE: ...``).
NOT_SPEAKER_LABELS = frozenset(
    """
    update updated updates watch read related photo photos video note correction source
    credit click editor editor's warning breaking exclusive listen see also more caption
    """.split()
)

# Reporting nouns that open an attribution when a possessor names the source
# (``his warnings that ...``, ``Trump's claim that ...``).
NOUN_CUES = frozenset(
    """
    claim claims warning warnings statement statements assertion assertions suggestion
    argument arguments accusation accusations promise promises pledge pledges comment comments
    remark remarks insistence criticism charge charges allegation allegations prediction
    predictions vow vows call calls denial denials admission contention message tweet tweets
    view views belief beliefs assessment concern concerns fear fears hope hopes position
    answer point idea opinion theory conclusion estimate complaint complaints explanation
    announcement response reply proposal demand demands insinuation implication notion
    """.split()
)

# Light verbs that report speech with a speech-act noun as object (``made the case that``,
# ``gave a speech on``), and those nouns.
LIGHT_CUE_VERBS = frozenset("make give deliver raise lodge level".split())
SPEECH_NOUNS = frozenset(
    """
    case argument arguments point points claim claims statement statements remark remarks
    comment comments observation suggestion reference references announcement promise
    promises pledge pledges vow accusation accusations speech speeches plea appeal appeals
    pitch call calls mention secret clear concerns concern questions objection objections
    criticism complaint complaints charge charges allegation allegations prediction
    predictions threat threats assurance assurances declaration recommendation proposal
    proposals address
    """.split()
)

# Head nouns of sources that are unnamed by convention when no name is attached.
ANON_HEADS = frozenset(
    """
    official officials source sources person people aide aides adviser advisers advisor
    advisors insider insiders diplomat diplomats officer officers staffer staffers employee
    employees member members strategist strategists operative operatives someone individual
    individuals lawmaker lawmakers investigator investigators executive executives
    """.split()
)

# Role nouns that may refer back to a named person (``the president``, ``the spokeswoman``).
ROLE_WORDS = frozenset(
    """
    president spokeswoman spokesman spokesperson senator sen. governor gov. secretary
    minister chairman chairwoman chair director nominee candidate mayor leader judge
    congressman congresswoman representative rep. manager chief attorney lawyer ambassador
    commissioner prosecutor sheriff speaker founder ceo general gen. adviser advisor
    """.split()
)

PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "they": "p",
    "them": "p",
    "their": "p",
    "it": "n",
    "its": "n",
}

# Frequent first names in English-language news, to keep ``she`` from resolving to the last
# man mentioned. Deliberately short: an unknown name is compatible with any pronoun.
FEMALE_NAMES = frozenset(
    """
    hillary chelsea melania ivanka nancy elizabeth sarah kellyanne donna huma hope michelle
    jill loretta susan mary patricia jennifer linda barbara margaret karen lisa betty helen
    sandra ashley kimberly emily carol amanda melissa deborah stephanie rebecca laura sharon
    cynthia kathleen amy angela anna ruth brenda nicole katherine christine samantha debra
    rachel catherine carolyn janet maria heather diane julie joyce victoria kelly christina
    joan evelyn lauren judith olivia megyn martha andrea frances kathryn jean alice julia
    theresa hannah diana gloria kamala marsha candy tricia heidi kirsten dianne elena sonia
    condoleezza madeleine debbie claire tammy lisa kate jane theresa angela nikki carly
    """.split()
)

MALE_NAMES = frozenset(
    """
    donald bill barack joe mike jeb ted marco ben chris john bernie paul rand newt rudy jim
    james robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark steven andrew kenneth george kevin brian edward ronald timothy jason
    jeffrey ryan jacob gary nicholas eric stephen jonathan larry justin scott brandon frank
    benjamin gregory samuel raymond patrick alexander jack dennis jerry tyler aaron henry
    adam douglas nathan peter zachary kyle walter harold jeremy ethan carl keith roger
    gerald christian terry sean arthur austin noah lawrence jesse joe bryan billy bruce
    albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell
    louis bobby philip johnny reince corey sean steve jared eric lindsey mitch harry
    reid tim rick dick al lyndon ronald herbert vladimir xi emmanuel boris justin
    """.split()
)

_IRREGULAR = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "find": ("found",),
    "show": ("showed", "shown"),
    "speak": ("spoke", "spoken"),
    "seek": ("sought",),
    "learn": ("learnt",),
    "think": ("thought",),
    "know": ("knew", "known"),
    "read": (),
    "see": ("saw", "seen", "seeing"),
    "make": ("made",),
    "understand": ("understood",),
    "figure": (),
    "tweet": (),
    "quip": ("quipped", "quipping"),
    "plan": ("planned", "planning"),
    "text": ("texted", "texting", "texts"),
    "rail": ("railed", "railing"),
    "signal": ("signaled", "signalled", "signaling", "signalling"),
    "label": ("labeled", "labelled", "labeling", "labelling"),
    "scoff": ("scoffed", "scoffing"),
    "admit": ("admitted", "admitting"),
    "regret": ("regretted",),
    "slam": ("slammed", "slamming"),
    "dispute": (),
    "refer": ("referred", "referring"),
    "prefer": ("preferred", "preferring"),
    "lay": ("laid",),
    "brag": ("bragged", "bragging"),
    "agree": ("agreeing",),
    "plead": ("pled",),
    "give": ("gave", "given"),
    "level": ("leveled", "levelled", "leveling", "levelling"),
}

_VOWELS = "aeiou"


def _regular(base: str) -> tuple[str, ...]:
    """Third person, past and gerund forms by the regular spelling rules."""
    if base.endswith("e"):
        past, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2] not in _VOWELS:
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in _VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    return third, past, ing


def verb_forms(bases: frozenset[str]) -> dict[str, str]:
    """Map every surface form of ``bases`` (lower case) to its base verb."""
    forms: dict[str, str] = {}
    for base in sorted(bases):
        for form in (base, *_regular(base), *_IRREGULAR.get(base, ())):
            forms.setdefault(form, base)
    return forms
