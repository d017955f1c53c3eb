"""Which sentences may stand in a timeline: the filter on its own, without a store."""

from __future__ import annotations

from dateline._candidates import after_credit, candidate_words, is_candidate, photo_credits


def test_teasers_slideshow_captions_and_photo_captions_are_no_candidates() -> None:
    assert not is_candidate("The Obama administration said Friday it is tightening all envir ...")
    assert not is_candidate("Apr. 21: An oil slick is seen as the Deepwater Horizon rig burns.")
    assert not is_candidate("Debris floats in the Gulf of Mexico, in this handout photograph.")
    assert is_candidate("The photographer said the rig was still burning when the boats arrived.")


def test_a_photo_credit_run_into_a_sentence_is_left_out() -> None:
    def cited(text: str) -> str | None:
        start = after_credit(text, 0, len(text), photo_credits(text))
        return None if start is None else text[start:]

    lead = "BP has smashed City forecasts with a 135% jump in profits."
    for credit in [
        "Photograph: Gerald Herbert/AP",
        "Photograph: Mark Ralston/AFP/Getty Images",
        "Photograph: Pete Souza/White House",
        "Photograph: Associated Press",
        "Illustration: Paul Scruton for the Guardian",
        "Oil washes ashore on a Louisiana beach Photograph: Jae C. Hong/AP",
    ]:
        assert cited(f"{credit} {lead}") == lead
    assert cited(lead) == lead
    assert cited("Tony Hayward toils 24/7 to contain the spill, BP said.") is not None
    # Where a credit of no known shape ends cannot be told: no candidate.
    assert cited("Photograph: Carolyn Cole Here's my take on the blame game.") is None


def test_promotions_calls_for_readers_stories_and_clip_titles_are_no_candidates() -> None:
    for promo in [
        "Follow the latest updates and reactions to the spread of the virus in Mexico.",
        "View how tourism, commerce and the coastline are all at risk from the spill.",
        "Explore all of our oil spill graphics to track the spill and see its effects.",
        "Click on the icons below for more detailed images of the damage.",
        "Listen to the full interview with the president of the coastal Plaquemines Parish.",
        "Have you or your family been affected by the earthquake? Are you taking part?",
        "We want your ideas on how to stop the leak - we'll publish your suggestions online.",
        "Are you in the affected area of the Gulf coast? Send us your pictures.",
        "Video: BP officials arrive at the White House for a meeting with President Obama.",
    ]:
        assert not is_candidate(promo), promo
    for report in [
        "We want answers, the families of the eleven workers told the hearing on Tuesday.",
        "Video footage released by BP on Tuesday showed oil gushing from the broken pipe.",
        "Share price closed at 412p, up 5p on the day, after the company's statement.",
        "View from the open rear of a cargo plane shows ships around the rig.",
        "E-mail messages by BP engineers in the weeks before the accident mention savings.",
    ]:
        assert is_candidate(report), report


def test_a_question_put_to_the_reader_is_no_candidate() -> None:
    for question in [
        "What precautions are you taking to protect yourself and your family from swine flu?",
        "The jury will decide the doctor's fate this week, but what do you think?",
    ]:
        assert not is_candidate(question), question
    for report in [
        '"Where were you when the rig exploded?" the lawyer asked the drilling supervisor.',
        "Why did the company wait three weeks before it told the coast guard about the leak?",
        "You cannot cap a well a mile under the sea in a week, the engineer told reporters.",
    ]:
        assert is_candidate(report), report


def test_a_candidates_words_are_its_lowercased_words_of_two_letters_or_more() -> None:
    words = candidate_words(
        "BP said on Tuesday that 5,000 barrels a day were leaking into the Gulf."
    )
    assert words == [
        "bp",
        "said",
        "on",
        "tuesday",
        "that",
        "barrels",
        "day",
        "were",
        "leaking",
        "into",
        "the",
        "gulf",
    ]
    assert candidate_words("Too short to tell.") is None
