"""Cue words per language: a phrase each lexicon must read as its class (written for these tests)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from extractors.analysis.lexicon import (
    LexiconError,
    _read,
    _without_false_friends,
    available_languages,
    lexicon_for,
)
from extractors.analysis.text import fold


@pytest.mark.parametrize(
    ("language", "cue", "text"),
    [
        # "not an acquisition", said of the deal as a whole
        ("fr", "not_acquisition", "l'opération n'implique pas de rachat de la société"),
        ("fr", "not_acquisition", "en évitant un achat formel de la start-up"),
        ("es", "not_acquisition", "el acuerdo no implica la compra de la empresa"),
        ("it", "not_acquisition", "l'intesa non prevede l'acquisizione della società"),
        ("pt", "not_acquisition", "o acordo não envolve a compra da empresa"),
        ("vi", "not_acquisition", "thay vì mua lại toàn bộ công ty"),
        # people move: conjugations and phrasings beyond the infinitive
        ("fr", "join", "trois ingénieurs rejoignent l'équipe"),
        ("en", "join", "the startup lost its research team to a rival"),
        ("de", "hire", "der Konzern erwirbt Top-Talente des Start-ups"),
        ("de", "stake", "erwarb 49 Prozent von der Firma"),
        # the price is not told
        ("en", "undisclosed", "the terms of the purchase were not disclosed"),
        ("en", "undisclosed", "the buyer declined to reveal what it paid"),
        ("fr", "undisclosed", "pour un montant non communiqué"),
        ("es", "undisclosed", "por una cifra que no se ha revelado"),
        ("de", "undisclosed", "der Kaufpreis wurde nicht genannt"),
        ("pt", "undisclosed", "o valor da compra não foi divulgado"),
        ("ko", "undisclosed", "인수 금액은 비공개다"),
        ("ja", "undisclosed", "買収額は非公表"),
        ("zh", "undisclosed", "交易金额未披露"),
        # the product closes once the company is bought
        ("en", "winds_down", "the photo app is shutting down on Friday"),
        ("en", "winds_down", "its service will no longer be available after June"),
        ("en", "winds_down", "the buyer plans to sunset the company's products"),
        ("en", "winds_down", "the buyer plans to close it down next week"),
        ("en", "winds_down", "users regret the shutdown of the desktop app"),
        ("en", "winds_down", "it will shut down the web and desktop apps"),
        ("de", "winds_down", "das Start-up stellt seinen Dienst Ende Mai ein"),
        ("fr", "winds_down", "la jeune pousse fermera son application le mois prochain"),
        ("es", "winds_down", "la empresa cerrará su servicio de mensajes en julio"),
        ("pt", "winds_down", "a startup encerrará o seu aplicativo em março"),
        ("it", "winds_down", "la startup ha deciso di sospendere il proprio servizio"),
        ("nl", "winds_down", "het bedrijf stopt zijn app volgende maand"),
        ("ja", "winds_down", "同社はアプリの提供を終了する"),
        ("zh", "winds_down", "该应用将于下月关闭"),
        ("ko", "winds_down", "회사는 앱 서비스를 종료한다"),
        ("tr", "winds_down", "şirketin uygulaması kapatılacak"),
        ("vi", "winds_down", "công ty sẽ ngừng ứng dụng vào tháng sau"),
        ("id", "winds_down", "aplikasi itu akan ditutup bulan depan"),
        # a purchase of people, in so many words
        ("en", "acquihire", "the buyer likes acquire-hire deals"),
        ("en", "acquihire", "an acqhire, as the trade calls it"),
        ("en", "acquihire", "we have acquired a very talented team"),
        ("en", "acquihire", "the whole team was bought in the spring"),
        ("en", "acquihire", "it was acquired for its engineering talent"),
        ("en", "acquihire", "the buy-out shows an interest in the founders' technical skills"),
        ("en", "acquihire", "it is the talent and the code that are the real prize here"),
        ("en", "acquihire", "its team in Pune, which it gained through acquisitions of two firms"),
        ("en", "not_acquisition", "the buyer hasn't acquired the startup itself"),
        ("en", "join", "Tom Vale, now design manager for maps at the buyer, said"),
        ("en", "acquihire", "the money went less to the app than to the intellect of its founders"),
        # people move, in phrasings other than "join"
        ("en", "join", "its twelve engineers will be incorporated into the buyer's search team"),
        ("ja", "acquihire", "人材および技術を確保するために買収した"),
        ("it", "join", "il gruppo si unirà al team di ricerca"),
        # hiring stopped: no one is hired
        ("en", "hiring_halt", "the company froze hiring in its new lab"),
        ("en", "hiring_halt", "a hiring freeze at the AI division"),
        ("pt", "hiring_halt", "a empresa congela contratações na nova divisão"),
        ("es", "hiring_halt", "la empresa congela las contrataciones del laboratorio"),
        ("fr", "hiring_halt", "le groupe gèle les recrutements de son laboratoire"),
        ("de", "hiring_halt", "der Konzern verhängt einen Einstellungsstopp"),
        ("it", "hiring_halt", "il gruppo congela le assunzioni nel nuovo laboratorio"),
        # people moved, said with the verb alone
        ("en", "join", "several other employees transitioned."),
        # news that comes after a deal
        ("en", "aftermath", "the two companies agree to settle suits over the chatbot"),
        ("en", "aftermath", "the startup lays off a fifth of its staff"),
        ("en", "aftermath", "the search giant plans to cut ties with the startup"),
        # a company the buyer bought closes: its people were what it wanted
        ("en", "winds_down", "the company will be shut down once the deal closes"),
        ("en", "winds_down", "the service it ran will be shuttered next week"),
        ("ru", "acquihire", "аналитики называют сделку покупнаймом"),
        ("en", "deal", "the new shape of tech dealmaking"),
        # a startup speaking of its people as a whole: they move together
        ("en", "team_plural", "we are excited to announce that we are joining the buyer"),
        # a person taking a job joins; the apps leave the store once the company is bought
        (
            "en",
            "join",
            "the former chief executive has taken on the role of vice president at the buyer",
        ),
        ("en", "winds_down", "all of its apps have been removed from the App Store"),
        ("de", "winds_down", "das Start-up macht nach dem Deal dicht"),
        # a purchase that nearly happened
        ("fr", "failed", "la start-up avait failli se faire racheter en 2008"),
        ("en", "failed", "the startup had nearly been bought by a rival in 2008"),
        # taking a company over, in every tense and with a hyphen
        ("en", "acquire", "the chip maker has taken-over a small robotics startup"),
        ("en", "acquire", "the chip maker is taking over a small robotics startup"),
        ("en", "acquire", "the chip maker takes over a small robotics startup"),
        # taking hold of a company, swallowing it, buying it in the present
        ("fr", "acquire", "le réseau social vient de mettre la main sur la petite start-up"),
        ("fr", "acquire", "prêt à payer davantage pour s'emparer de son rival"),
        ("fr", "acquire", "le fabricant achète une start-up de vision"),
        # right after a sum, what it buys: the purchase of the startup named next
        ("en", "purchase_of", " for the purchase of Lumeo"),
        ("fr", "purchase_of", " pour le rachat de Lumeo"),
        ("fr", "purchase_of", " pour l'achat d'Orbit"),
        ("es", "purchase_of", " por la compra de Lumeo"),
        ("pt", "purchase_of", " para a compra da Lumeo"),
        ("it", "purchase_of", " per l'acquisizione di Lumeo"),
        ("de", "purchase_of", " für die Übernahme von Lumeo"),
        # the apps the buyer closes, in the plural
        ("es", "winds_down", "Harbor anunció que cerrará sus aplicaciones Lumeo y Flock"),
        ("de", "acquire", "der Suchkonzern schluckt ein junges Startup"),
        # the imperfective of "to obtain" people ("obtaining key employees")
        ("pl", "hire", "pozyskując kluczowych pracowników z dwóch firm"),
        # people snatched up, as they are snapped up
        ("en", "hire", "the search company has snatched up a dozen of its engineers"),
        # a team that integrates into a company joins it
        ("es", "join", "el equipo se integra completo en Harbor"),
        ("es", "join", "sus ingenieros se integrarán en Harbor"),
        # buying out, and taking over as a participle
        ("pl", "acquire", "wykupując kluczowych pracowników startupu"),
        ("pl", "acquire", "przejmując kluczowe technologie"),
        ("pl", "stake", "kupił akcje spółki"),
        # "created" a company, in the past tense: founded it
        ("es", "founding", "en el 2012 creó Lumeo"),
        ("pt", "founding", "em 2012 criou a Lumeo"),
        ("it", "founding", "nel 2012 creò Lumeo"),
        # the periphrastic future of joining
        ("pt", "join", "toda a equipa da Lumeo se vai juntar à Harbor"),
        ("pt", "join", "os engenheiros vão se juntar ao Harbor"),
    ],
)
def test_a_phrase_reads_as_its_cue(language, cue, text):
    assert lexicon_for(language).cues[cue].search(fold(text)), (language, cue, text)


@pytest.mark.parametrize(
    "text",
    [
        "the company had to scale back plans for a new office",  # "back", a particle
        "the founders came back from a conference",
    ],
)
def test_back_as_a_particle_is_no_payment(text):
    assert not lexicon_for("en").cues["pay"].search(fold(text))


@pytest.mark.parametrize(
    ("language", "cue", "text"),
    [
        # "levantou" (raised money) is no form of "levar" (to take people along)
        ("pt", "hire", "a startup levantou 11 milhões numa rodada"),
        # a span of time after which something is told is no earlier deal
        ("en", "background", "today, after a long year of research, we are ready"),
        # "akcja" is an action as well as a share: only the plural of shares is a stake
        ("pl", "stake", "Google przeprowadziło piracką akcję"),
    ],
)
def test_a_word_that_only_starts_like_a_cue_is_not_it(language, cue, text):
    assert not lexicon_for(language).cues[cue].search(fold(text)), (language, cue, text)


def test_losing_to_a_rival_is_no_move_of_people():
    # "lost ... to" says people move only when the people are what is lost
    assert not lexicon_for("en").cues["join"].search(fold("the startup lost ground to a rival"))


@pytest.mark.parametrize(
    ("language", "text"), [("ja", "CEO兼創業者であるX氏"), ("ko", "공동창업자 두 명")]
)
def test_a_founder_is_no_founding(language, text):
    # "創業者", "창업자": the founder, a person; not the act of founding a company
    assert not lexicon_for(language).cues["founding"].search(fold(text))


@pytest.mark.parametrize(
    "text",
    [
        "with sales of the glasses taking hold",
        "the talks took place in march",
        "it takes part",
        "the chip maker took over a small robotics startup",  # a purchase, not a hire
        "she took on the role of chief scientist",  # a job taken: she joins, no one hires
    ],
)
def test_idioms_of_take_move_no_one(text):
    assert not lexicon_for("en").cues["hire"].search(fold(text))


def test_a_cue_written_with_the_dotless_i_reads_text_written_either_way():
    """Turkish writes "yatırım"; the analysis folds the text's "ı" to "i", and the cue alike."""
    pay = lexicon_for("tr").cues["pay"]
    assert pay.search(fold("Meta’nın Scale AI’ye yaptığı yatırımın ardından"))
    assert pay.search(fold("YATIRIM"))


def test_an_english_cue_that_is_a_word_of_the_language_is_left_out():
    """Portuguese "no" is "in the": read in Portuguese it denies nothing, while Portuguese "não"
    and English "no" still do."""
    in_the_market = fold("a startup entrou no mercado de seguros")
    assert not lexicon_for("pt").cues["negation"].search(in_the_market)
    assert lexicon_for("pt").cues["negation"].search(fold("a empresa não comprou a startup"))
    assert lexicon_for("en").cues["negation"].search(fold("there was no acquisition"))


def test_french_pour_is_for_and_pays_nothing():
    """French "pour" is "for" ("les personnes travaillant pour Lumeo"), no money poured in, while
    French "payé" and English "poured" still pay."""
    assert not lexicon_for("fr").cues["pay"].search(fold("les personnes travaillant pour Lumeo"))
    assert lexicon_for("fr").cues["pay"].search(fold("Harbor a payé 40 millions"))
    assert lexicon_for("en").cues["pay"].search(fold("Harbor poured $40 million into Lumeo"))


def test_a_cue_left_out_must_be_an_english_one():
    """A language file that leaves out an English cue English does not have says so, in one line
    naming the file and the cue, instead of leaving out nothing."""
    english = _read("en")
    own = replace(_read("pt"), english_left_out={"negation": ("nope",)})
    with pytest.raises(LexiconError, match=r"pt\.toml: english_left_out\.negation .*nope"):
        _without_false_friends(english, own)


# The end of a fragment, once any lookaround it closes on is set aside: a space class or a space,
# maybe optional or repeated, maybe closing a group.
_ENDS_ON_A_SPACE = re.compile(r"(?:\\s|\s)[+*?]?(?:\)[+*?]?)*$")
_CLOSING_LOOKAROUND = re.compile(r"\(\?<?[=!](?:[^()]|\([^()]*\))*\)$")


def _without_closing_lookarounds(fragment: str) -> str:
    while match := _CLOSING_LOOKAROUND.search(fragment):
        fragment = fragment[: match.start()]
    return fragment


@pytest.mark.parametrize(
    "language", [lang for lang in available_languages() if _read(lang).word_boundaries]
)
def test_no_cue_of_a_spaced_language_ends_on_a_space(language):
    """A cue is matched between word boundaries, so one that ends on a space can match only where
    a text ends, never inside a sentence: "are now part of " found in "part of Meta's team"
    nowhere, and the sentence never said its class ("part of" ends on "of", and its lookahead says
    what follows)."""
    data = _read(language)
    ending_on_a_space = [
        (cue, fragment)
        for cue, fragments in data.cues.items()
        for fragment in fragments
        if _ENDS_ON_A_SPACE.search(_without_closing_lookarounds(fragment))
    ]
    assert not ending_on_a_space
