"""Deal detection, with and without the watchlist, and the hard negatives."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest

from extractors.analysis import analyse
from extractors.analysis.analyse import _told_aside
from extractors.analysis.deals import (
    UNPRICED_PURCHASE_CEILING,
    Deal,
    _framing,
    _one_per_target,
    purchase_told_first,
)
from extractors.analysis.lexicon import SentenceCues, lexicon_for
from extractors.analysis.mentions import read_mentions
from extractors.analysis.names import find_names, lists_of_names
from extractors.analysis.relations import Relation, relations_in
from extractors.analysis.text import clauses, fold, split_sentences
from extractors.documents import article_from_text
from extractors.urls import deal_id_for
from extractors.watchlist import EMPTY_WATCHLIST, Entity, Watchlist, load_watchlist
from flows.settings import AlertSettings
from tests.support.analysis import company_names, read_steps, stated_claims
from tests.support.paths import REPO

WATCHLIST = load_watchlist(REPO / "config" / "watchlist.toml")
FETCHED = datetime(2025, 6, 14, tzinfo=UTC)


def _roles(result) -> dict[str, str]:
    return {d.deal_id: d.role for d in result.deals}


def _deal_ids(result) -> set[str]:
    return {d.deal_id for d in result.deals}


def _analyse(text: str, watchlist: Watchlist | None = None, published: date | None = None):
    article = article_from_text(
        text, url="https://news.example/a", origin="feed", fetched_at=FETCHED, published=published
    )
    return article, analyse(article, watchlist)


def _analyse_in(language: str, text: str, watchlist: Watchlist = EMPTY_WATCHLIST):
    """A story in another language, read as the language it is written in."""
    article = article_from_text(
        text, url=f"https://news.example/{language}", origin="feed", fetched_at=FETCHED
    )
    assert article.language == language
    return analyse(article, watchlist)


def _relations(text: str, language: str = "en", watchlist: Watchlist = EMPTY_WATCHLIST):
    """The relations the analysis reads in a text: names, what generic words stand for, cues."""
    return read_steps(text, language, watchlist).relations


def _relation_keys(
    text: str, language: str = "en", watchlist: Watchlist = EMPTY_WATCHLIST
) -> set[tuple[str, str, str]]:
    """(kind, payer, startup) of each relation read in a text."""
    return {(r.kind, r.acquirer, r.target) for r in _relations(text, language, watchlist)}


def _watchlist_of(tmp_path, toml: str) -> Watchlist:
    """A watchlist read from ``toml``, as a user's file is."""
    path = tmp_path / "watchlist.toml"
    path.write_text(toml, encoding="utf-8")
    return load_watchlist(path)


def _people_moving_to_harbor(text: str) -> tuple[str, ...]:
    """The people the one Harbor-Lumeo deal of a text names as hired."""
    _, result = _analyse(text, WATCHLIST)
    (deal,) = [d for d in result.deals if d.deal_id == "harbor--lumeo"]
    return deal.people


def test_unknown_companies_without_watchlist():
    _, result = _analyse(
        "Halcyon licenses Lumeo's technology and hires its CEO Jane Doe\n\n"
        "Halcyon said on Monday it licenses Lumeo's technology and hires its CEO Jane Doe, along with most of the startup's "
        "research team. Halcyon will pay $400 million for the licence. Lumeo was founded in 2019.",
        EMPTY_WATCHLIST,
    )
    assert result.relevance == "subject"
    [deal] = result.deals
    assert deal.deal_id == "halcyon--lumeo"
    assert deal.kind == "licence_and_hire"
    assert deal.people == ("Jane Doe",)


def test_watchlist_makes_names_canonical():
    text = (
        "Alphabet hires Character AI founders in licensing deal\n\n"
        "Alphabet's Google has hired the founders of chatbot startup Character AI and will pay the company for a licence "
        "to its models. The co-founders of Character AI will join Google DeepMind with some of their team."
    )
    _, with_list = _analyse(text, WATCHLIST)
    assert [d.deal_id for d in with_list.deals] == ["google--character-ai"]


def test_funding_round_without_hiring_is_unrelated():
    _, result = _analyse(
        "Nvidia backs robotics startup Figure in $675 million round\n\n"
        "Figure, a startup building humanoid robots, said it raised $675 million in a round that included Nvidia and "
        "Microsoft. The company is now valued at $2.6 billion. Figure said it would use the money to expand production.",
        WATCHLIST,
    )
    assert result.relevance == "unrelated"
    assert result.deals == ()
    assert result.claims == ()


def test_full_acquisition_is_unrelated():
    _, result = _analyse(
        "Databricks to acquire MosaicML for $1.3 billion\n\n"
        "Databricks has agreed to acquire MosaicML, a startup that trains language models, for about $1.3 billion. "
        "MosaicML's team of 62 employees will join Databricks.",
        WATCHLIST,
    )
    assert result.relevance == "unrelated"


def test_single_job_move_is_unrelated():
    _, result = _analyse(
        "Thinking Machines co-founder leaves for Meta\n\n"
        "Andrew Tulloch, a co-founder of Thinking Machines Lab, has left the startup to join Meta, the company said. "
        "Thinking Machines is not part of any arrangement with Meta.",
        WATCHLIST,
    )
    assert result.relevance == "unrelated"


def test_scale_as_a_common_word_is_unrelated():
    _, result = _analyse(
        "Meta plans to scale its data centres\n\n"
        "Meta said it would scale up spending on data centres to $65 billion this year as it hires more engineers. "
        "At that scale, the company will be one of the largest buyers of chips.",
        WATCHLIST,
    )
    assert result.relevance == "unrelated"


def test_announced_weekday_resolved_against_the_article_date():
    _, result = _analyse(
        "Meta invests in Scale AI\n\nMeta said on Thursday it will invest $14.3 billion in Scale AI and hire its CEO "
        "Alexandr Wang. Scale AI's CEO Alexandr Wang will join Meta.",
        WATCHLIST,
        published=date(2025, 6, 13),
    )
    [deal] = result.deals
    assert deal.announced == date(2025, 6, 12)
    assert deal.kind == "investment_and_hire"


def test_other_deal_price_is_not_a_claim_of_this_deal():
    article, result = _analyse(
        "Meta invests $14.3 billion in Scale AI\n\nMeta will invest $14.3 billion in Scale AI and hire its CEO Alexandr "
        "Wang, who will join Meta. It is Meta's largest deal after its $19 billion acquisition of WhatsApp.",
        WATCHLIST,
    )
    stated = {c.stated for c in result.claims}
    assert "$19 billion" not in stated
    assert "$14.3 billion" in stated


@pytest.mark.parametrize(
    "bad",
    [
        "[[acquirer]]\nname = 3\n",
        "[[acquirer]\nname='x'",
        "[[robot]]\nname='x'\n",
        "[[person]]\nname = 'Dana Whitlow'\nleads = 'Halcyon'\n",  # no such company listed
        "[[acquirer]]\nname = 'Halcyon'\nleads = 'Halcyon'\n",  # only a person leads
        "[[acquirer]]\nname = 'Halcyon'\nhome = 3\n",  # a home is a city's name
        "[[startup]]\nname = 'Lumeo'\nhome = 'Oslo'\n",  # only an acquirer has a home
    ],
)
def test_bad_watchlist_is_a_clear_error(tmp_path, bad):
    path = tmp_path / "watchlist.toml"
    path.write_text(bad)
    with pytest.raises(ValueError, match="watchlist|acquirer|unknown"):
        load_watchlist(path)


def test_a_company_whose_staff_leave_hires_no_one():
    _, result = _analyse(
        "Google's hiring spree\n\n"
        "Google also made headlines by hiring several Anthropic employees and bringing on Jane Doe, "
        "founder of AI startup Lumeo, to lead its research as part of a $900 million investment.",
        WATCHLIST,
    )
    assert "google--lumeo" in {d.deal_id for d in result.deals}
    assert not any(d.acquirer == "Anthropic" for d in result.deals)


def test_a_known_deal_named_in_passing_is_mentioned_whatever_the_text_calls_it():
    _, result = _analyse(
        "A lab chief moves on\n\n"
        "The researcher, who arrived at Amazon two years ago after the acquisition of Adept, the "
        "start-up he co-founded, said he would leave at the end of the month.",
        WATCHLIST,
    )
    assert result.relevance == "mentioned"
    [deal] = result.deals
    assert (deal.deal_id, deal.role, deal.kind) == (
        "amazon--adept",
        "mentioned",
        "licence_and_hire",
    )


def test_known_deals_name_listed_companies_only(tmp_path):
    path = tmp_path / "watchlist.toml"
    path.write_text(
        '[[acquirer]]\nname = "Halcyon"\n\n[[deal]]\nacquirer = "Halcyon"\ntarget = "Lumeo"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="target 'Lumeo' is no acquirer or startup listed"):
        load_watchlist(path)


def test_scale_back_is_no_payment():
    # "back" after "scale" is a particle, not money: an executive hired alone stays a job move
    _, result = _analyse(
        "Vantor recruits Plumly chief executive Ana Ruiz to run its products\n\n"
        "Vantor is hiring the head of Plumly into a new role as head of products. "
        "Vantor also had to scale back plans to convert the startup into a for-profit firm after criticism.",
        EMPTY_WATCHLIST,
    )
    assert result.relevance == "unrelated"


def test_startup_named_only_later_does_not_lead():
    # the lead tells Meta's own layoffs; the Scale AI deal comes up three sentences on, as background
    _, result = _analyse(
        "Meta cuts 600 jobs in its AI unit\n\n"
        "Meta is laying off about 600 employees in a move to speed up decisions. "
        "The cuts were confirmed on Wednesday. The unit was reorganised over the summer. "
        "The memo came from Alexandr Wang, who joined Meta in June after a $14.3 billion investment in Scale AI.",
        WATCHLIST,
    )
    assert [(d.deal_id, d.role) for d in result.deals] == [("meta--scale-ai", "mentioned")]


def test_purchase_after_a_talent_raid_mentions_the_raid():
    # the news is a full purchase by another company; the talent deal before it is mentioned
    _, result = _analyse(
        "Quillon buys Windsurf after Google's talent raid\n\n"
        "Quillon said on Monday it will acquire Windsurf, the coding startup that lost its founding team "
        "to Google in a $2.4 billion talent deal. Quillon will keep all of Windsurf's remaining staff. "
        "Windsurf's product will stay on sale. Windsurf's customers were told by email.",
        WATCHLIST,
    )
    assert [(d.deal_id, d.role) for d in result.deals] == [("google--windsurf", "mentioned")]
    assert result.relevance == "mentioned"


def test_german_talent_bought_with_a_licence_is_the_subject():
    # "erwirbt Top-Talente" hires people; "49 Prozent von" is a stake, "sicherte sich Gründer" a hire
    _, result = _analyse(
        "Google zahlt 2,4 Milliarden Dollar für KI-Talente und Lizenzen\n\n"
        "Google erwirbt Top-Talente und Lizenzrechte des Start-ups Windsurf, ohne sich am Unternehmen "
        "zu beteiligen. Die Mitarbeiter wechseln zu DeepMind. Schon zuvor erwarb Meta 49 Prozent von "
        "Scale AI für über 14 Milliarden Dollar und sicherte sich den Gründer des Unternehmens.",
        WATCHLIST,
    )
    roles = _roles(result)
    assert roles["google--windsurf"] == "subject"
    claims = {(c.deal_id, c.metric, c.stated) for c in result.claims}
    assert ("meta--scale-ai", "stake_pct", "49 Prozent") in claims
    assert ("meta--scale-ai", "deal_amount_usd", "über 14 Milliarden Dollar") in claims


def test_known_deals_named_in_hangul_are_mentioned():
    # Korean has no capitals: the watchlist's Hangul aliases are how the two startups are named
    _, result = _analyse(
        "구글은 캐릭터닷AI와 라이선스 계약을 맺고 창업자와 직원들을 흡수했다.\n\n"
        "로이터에 따르면 구글은 캐릭터닷AI와 계약을 맺고 주요 인원을 고용한다. "
        "이번 계약은 마이크로소프트-인플렉션AI, 아마존-어뎁트의 계약과 같은 방식이다.",
        WATCHLIST,
    )
    roles = _roles(result)
    assert roles["microsoft--inflection-ai"] == "mentioned"
    assert roles["amazon--adept"] == "mentioned"


def test_vietnamese_team_taken_over_is_the_subject():
    # "thâu tóm đội ngũ" takes the team over; what the startup raised "từ các nhà đầu tư như" investors
    _, result = _analyse(
        "Halcyon thâu tóm đội ngũ kỹ sư của Lumeo AI\n\n"
        "Halcyon xác nhận đã mua lại đội ngũ kỹ sư của Lumeo AI, một công ty khởi nghiệp về chip, "
        "thay vì mua lại toàn bộ công ty. Lumeo AI từng huy động được hơn 80 triệu USD từ các nhà đầu tư "
        "như Orbit Ventures. Các kỹ sư sẽ gia nhập Halcyon trong tháng tới.",
        EMPTY_WATCHLIST,
    )
    assert [(d.deal_id, d.role) for d in result.deals] == [("halcyon--lumeo-ai", "subject")]
    claims = stated_claims(result)
    assert ("target_funding_raised_usd", "hơn 80 triệu USD") in claims


def test_a_demonstrative_names_the_startup_too():
    # "cette start-up" stands for the startup just named, as "the startup" does in English
    _, result = _analyse(
        "Google recrute les dirigeants de Windsurf\n\n"
        "Google a recruté plusieurs dirigeants de Windsurf. Le groupe a aussi signé un accord de licence "
        "avec cette start-up du code. Les cadres de Windsurf rejoignent Google.",
        WATCHLIST,
    )
    [deal] = result.deals
    assert (deal.deal_id, deal.kind) == ("google--windsurf", "licence_and_hire")


def test_a_listed_company_misspelt_by_one_letter_is_that_company():
    text = (
        "Talent deals rewrite the rules\n\n"
        "Last year Gooogle was not alone. Goggle hired the founders of chatbot startup Character.AI and paid "
        "the company for a licence to its models."
    )
    _, result = _analyse(text, WATCHLIST)
    assert "google--character-ai" in [d.deal_id for d in result.deals]
    assert not [d for d in result.deals if d.acquirer.startswith("Gog")]


def test_a_licence_fee_named_after_a_sum_in_japanese():
    text = (
        "GoogleがCharacter.AIの創業者を採用\n\n"
        "GoogleはCharacter.AIのNoam Shazeer CEOらをDeepMindに迎えて27億ドルのライセンス料を支払った。"
    )
    result = _analyse_in("ja", text, WATCHLIST)
    assert [(c.metric, c.low, c.high) for c in result.claims] == [
        ("licence_fee_usd", pytest.approx(2.65e9), pytest.approx(2.75e9))
    ]


def test_each_deal_of_a_list_keeps_the_sum_its_possessive_payer_paid():
    _, result = _analyse(
        "The acqui-hire playbook\n\n"
        "The giants have done this before: Meta's $14 billion investment in Scale AI, Google's $2.7 "
        "billion licence with Character.AI, and its $2.4 billion deal with Windsurf, each bringing "
        "founders in-house.",
        WATCHLIST,
    )
    sums = {(c.deal_id, c.stated) for c in result.claims if c.metric == "deal_amount_usd"}
    assert ("meta--scale-ai", "$14 billion") in sums
    assert ("google--windsurf", "$2.4 billion") in sums
    assert "character-ai--windsurf" not in [d.deal_id for d in result.deals]


@pytest.mark.parametrize(
    "listing",
    [
        "Contents\n- Introduction\n- Inflection & Microsoft (Mar 2024)\n- Adept AI & Amazon (Jun 2024)\n- Takeaways",
        "Other cases include Inflection AI (Microsoft), and Covariant and Adept (Amazon), each left with "
        "few staff.",
    ],
    ids=["a contents table", "brackets after a list"],
)
def test_known_deals_listed_by_a_sign_are_mentioned(listing):
    # a round-up lists deals as "X & Y" or "X (Y)", with no verb: the watchlist's known pairs
    _, result = _analyse(
        "How the licence-and-hire deal took over\n\n"
        "Big companies now license a startup's models and hire its founders instead of buying it.\n"
        + listing,
        WATCHLIST,
    )
    roles = _roles(result)
    assert roles.get("microsoft--inflection-ai") == "mentioned", roles
    assert roles.get("amazon--adept") == "mentioned", roles
    if "Covariant" in listing:
        assert roles.get("amazon--covariant") == "mentioned", roles


def test_two_companies_side_by_side_that_no_list_pairs_are_no_deal():
    _, result = _analyse(
        "Chip makers gather\n\nSpeakers came from Nvidia & Groq, and from Amazon (Seattle).",
        WATCHLIST,
    )
    assert "amazon--adept" not in {d.deal_id for d in result.deals}


def test_a_german_genitive_names_the_company_and_people_who_come_back_are_hired():
    # "Googles Team": the genitive s written against the name; "zurückkommen": they come back
    _, result = _analyse(
        "Warum Google wieder zahlt\n\n"
        "Im August gab es den Deal: das KI-Start-up Lumeo bekommt von Google 900 Millionen Dollar. "
        "Doch der Deal hat einen anderen Grund: die Gründer Anna Berg und Jonas Weil sollen zurückkommen und in "
        "Googles Forschungsteam weiterarbeiten.",
        WATCHLIST,
    )
    assert [(d.deal_id, d.role) for d in result.deals] == [("google--lumeo", "subject")]


def test_a_german_quote_ends_its_sentence():
    from extractors.analysis.text import split_sentences

    sentences = split_sentences(
        "Er sagte: „Wir kaufen die Firma nicht.“ Microsoft sagte dasselbe. Dann ging er."
    )
    assert [s.raw for s in sentences] == [
        "Er sagte: „Wir kaufen die Firma nicht.“",
        "Microsoft sagte dasselbe.",
        "Dann ging er.",
    ]


def test_a_german_day_written_as_an_ordinal_ends_no_sentence():
    from extractors.analysis.text import split_sentences

    sentences = split_sentences(
        "Das war klar. Am 11. Juli teilte Halcyon mit, dass es Lumeo kauft."
    )
    assert [s.raw for s in sentences] == [
        "Das war klar.",
        "Am 11. Juli teilte Halcyon mit, dass es Lumeo kauft.",
    ]


def test_a_german_word_for_a_company_after_a_purchase_is_no_name():
    """ "nicht durch den Kauf des Unternehmens" (not by buying the company): German writes every
    noun with a capital, and "Unternehmens" is a word for a company, not one."""
    steps = read_steps(
        "Halcyon holt Lumeo-Team\n\nMit einem mutigen Schritt hat Halcyon die Übernahme des "
        "Start-ups Lumeo durch Orbital vereitelt – nicht durch den Kauf des Unternehmens, sondern "
        "indem es dessen Gründer einstellte.",
        "de",
    )
    names = {o.name for sentence in steps.names.orgs for o in sentence}
    assert "Lumeo" in names
    assert "Unternehmens" not in names


def test_a_purchase_of_assets_whose_device_is_wound_down_takes_its_people():
    # a lead in capitals ("HP WILL"), a device business wound down, most of the staff included
    _, result = _analyse(
        "Halcyon to acquire parts of Lumeo for $116 million\n\n"
        "HALCYON WILL acquire assets from Lumeo, the maker of a wearable pin, for $116 million. "
        "The deal will include the majority of Lumeo’s employees and its software platform. It will not "
        "include Lumeo’s device business, which will be wound down, a Halcyon spokesperson said. "
        "Lumeo backed away from hardware last year.",
        EMPTY_WATCHLIST,
    )
    assert [(d.deal_id, d.role, d.kind) for d in result.deals] == [
        ("halcyon--lumeo", "subject", "acquihire")
    ]
    claims = stated_claims(result)
    assert ("staff_hired_pct", "majority") in claims


def test_korean_sentences_are_split_and_names_without_their_particle_pair():
    # "다. 이번 …": a sentence of Hangul after a full stop is a new sentence; "엔비디아200억": the
    # particle after the payer lost, the payer still pays
    _, result = _analyse(
        "AI 인재 전쟁\n\n업계가 술렁였다. 메타Scale AI140억 달러를 투자하며 CEO를 영입했고, 구글은 "
        "Windsurf 창업팀을 데려갔다. 엔비디아200억 달러를 베팅해 Groq의 기술과 CEO까지 끌어왔다.",
        WATCHLIST,
    )
    deals = _deal_ids(result)
    assert {"meta--scale-ai", "nvidia--groq"} <= deals and "google--scale-ai" not in deals, deals
    claims = {(c.deal_id, c.metric, c.stated) for c in result.claims}
    assert ("meta--scale-ai", "deal_amount_usd", "140억 달러") in claims, claims


def test_a_headline_about_other_talks_before_a_known_deal_mentions_the_deal():
    # "Meta eyed X before $14B Scale AI deal": the news is the failed talks with another startup,
    # the deal is the time they are told against, and the sum before its name is the deal's
    _, result = _analyse(
        "Meta weighed buying Lumeo before its $14B Scale AI deal\n\n"
        "Meta was in talks to acquire AI search startup Lumeo, people familiar said. The talks came "
        "before Meta's $14.3 billion investment in Scale AI, which gave it a 49% stake. The two "
        "companies did not reach an agreement. Lumeo, founded in 2022, recently raised funds. Lumeo's "
        "chief executive declined to comment, and Lumeo's investors were not told.",
        WATCHLIST,
    )
    assert [(d.deal_id, d.role) for d in result.deals] == [("meta--scale-ai", "mentioned")]
    claims = {(c.metric, c.stated) for c in result.claims if c.deal_id == "meta--scale-ai"}
    assert ("deal_amount_usd", "$14B") in claims, claims


def test_a_startup_spelled_in_latin_once_is_named_by_its_hangul_after():
    # "스타트업 ‘루메오’(Lumeo)": the outlet spells the startup in Latin once; later it writes 루메오
    _, result = _analyse(
        "메타, 루메오 인수\n\n"
        "메타가 음성 AI 스타트업 ‘루메오’(Lumeo) 인수를 공식화했다. 메타는 이번 인수로 핵심 인재 확보에 나섰다. "
        "루메오의 연구진 모두 메타에 합류했다.",
        WATCHLIST,
    )
    assert [(d.deal_id, d.role, d.kind) for d in result.deals] == [
        ("meta--lumeo", "subject", "acquihire")
    ]


def test_a_person_spelled_in_latin_is_no_startup():
    _, result = _analyse(
        "메타의 새 연구원\n\n메타는 스타트업 출신 ‘마리아 박’(Maria Park)을 영입했다.", WATCHLIST
    )
    assert not result.deals


def test_a_known_deal_named_by_its_startup_where_acqui_hires_are_told():
    _, result = _analyse(
        "The talent grab spreads\n\nAcross the industry, acqui-hires such as Windsurf are becoming "
        "common. Buyers take the founders and leave the company behind.",
        WATCHLIST,
    )
    assert ("google--windsurf", "mentioned") in {(d.deal_id, d.role) for d in result.deals}
    _, result = _analyse(
        "Windsurf names a sales chief\n\nWindsurf hired a new head of sales on Monday.", WATCHLIST
    )
    assert "google--windsurf" not in {d.deal_id for d in result.deals}


def test_the_words_before_a_name_stand_for_no_other_company():
    # "la startup Lumeo": "la startup" says what Lumeo is; it does not stand for Halcyon, named before
    _, result = _analyse(
        "Halcyon recontrata a Mia Park\n\n"
        "El gigante del software Halcyon contratará a los fundadores de la startup Lumeo y le pagará 900 "
        "millones de dólares por la licencia. Mia Park, una ingeniera de 41 años, fundó Lumeo con un colega.",
        EMPTY_WATCHLIST,
    )
    assert [(d.deal_id, d.role) for d in result.deals] == [("halcyon--lumeo", "subject")]


def test_the_news_deal_stands_out_from_deals_told_as_background():
    _, result = _analyse(
        "Apple's next robot bet\n\n"
        "In 2012, Apple quietly bought a warehouse robotics maker. Last week the iPhone maker "
        "agreed to hire the founders of Lumeo, a startup that trains robot arms. The deal will also see "
        "Apple license Lumeo's models and data. Apple came to a similar agreement with the startup Vantage in June. In March, Microsoft "
        "struck a deal with Tessel AI, and in August, Google hired the founders of Nimbus AI.",
        WATCHLIST,
    )
    roles = _roles(result)
    assert roles.get("apple--lumeo") == "subject", roles


@pytest.mark.parametrize(
    "listing",
    [
        "It is not the first such purchase: this year Halcyon has already bought small startups, such "
        "as Lumeo.ai, Bright Harbor and Vantage, for their founders.",
        "Lumeo.ai, Bright Harbor, Vantage: all acquired, all shut down. The talent gets absorbed.",
        "Before that, Halcyon had acquired Lumeo.ai, Bright Harbor or Vantage, not for their "
        "products but for their founders.",
    ],
    ids=["examples after the payer", "a list summed up", "a list closed by or"],
)
def test_earlier_purchases_listed_by_name_are_mentioned_acqui_hires(listing):
    _, result = _analyse(
        "Halcyon buys Tessel's team\n\n"
        "Halcyon, the cloud software giant, hired the three founders of AI startup Tessel and will shut "
        "down its app. Halcyon did not pay for the technology, only for the people. " + listing,
        EMPTY_WATCHLIST,
    )
    roles = {d.deal_id: (d.role, d.kind) for d in result.deals}
    assert roles.get("halcyon--tessel", ("",))[0] == "subject", roles
    for target in ("lumeo-ai", "bright-harbor", "vantage"):
        assert roles.get(f"halcyon--{target}") == ("mentioned", "acquihire"), roles


def test_two_companies_that_announce_a_purchase_are_no_list_of_purchases():
    _, result = _analyse(
        "Tessel to be bought\n\nDays later, Tessel and Orbital AI jointly announced the latter would "
        "acquire the sought-after startup. Halcyon had hired Tessel's chief executive and researchers.",
        EMPTY_WATCHLIST,
    )
    assert "halcyon--orbital-ai" not in {d.deal_id for d in result.deals}


def test_people_listed_after_a_company_stay_people():
    _, result = _analyse(
        "Halcyon hires Lumeo.ai founders\n\nHalcyon, the cloud software giant, hired the founders of "
        "Lumeo.ai, Mia Park, Jon Lee and Ana Cruz, and licensed Lumeo.ai's models.",
        EMPTY_WATCHLIST,
    )
    [deal] = result.deals
    assert deal.deal_id == "halcyon--lumeo-ai"
    assert "Mia Park" in deal.people, deal.people


def test_a_funding_round_with_a_named_backer_moves_no_one():
    # "secured $1 billion in commitments for the round ... Magnetar": money raised, not people hired
    _, result = _analyse(
        "Nvidia weighs a $1B bet on Lumeo\n\n"
        "Nvidia is considering investing up to $1 billion in AI startup Lumeo. Lumeo has already "
        "secured $1 billion in commitments for the round, with Orbit-backer Dana Holt also in talks "
        "to invest.",
        WATCHLIST,
    )
    assert result.relevance == "unrelated", [(d.deal_id, d.reasons) for d in result.deals]


def test_german_nouns_tied_by_von_are_not_part_of_the_name():
    _, result = _analyse(
        "Google holt das Team von Lumeo AI\n\n"
        "Der Techkonzern Google holte die Gründer und Schlüsselingenieure von Lumeo AI an Bord, einem "
        "Startup für Sprach-KI, und schloss einen Lizenzvertrag ab.",
        WATCHLIST,
    )
    assert [d.deal_id for d in result.deals] == ["google--lumeo-ai"]


def test_a_listed_companys_latin_short_name_in_korean_is_that_company():
    # "마이크로소프트(MS)": the article then writes MS for Microsoft
    _, result = _analyse(
        "MS, 루메오 창업자 영입\n\n"
        "마이크로소프트(MS)가 AI 스타트업 ‘루메오’(Lumeo) 공동 창업자와 팀을 영입했다. "
        "MS는 루메오에 6억5000만 달러를 지급하고 기술 라이선스를 받는다.",
        WATCHLIST,
    )
    assert {d.deal_id for d in result.deals} == {"microsoft--lumeo"}


def test_a_name_after_a_comma_and_a_conjunction_opens_a_clause_of_its_own():
    # "... in a multibillion-dollar deal, and Microsoft hired ...": the deal is not Microsoft's
    _, result = _analyse(
        "The AI talent race\n\nThe giants keep buying people: last year Google hired the founders of "
        "Character.AI in a deal worth billions, and Microsoft took on Mustafa Suleyman of Inflection AI "
        "with a $650 million payment.",
        WATCHLIST,
    )
    deals = _deal_ids(result)
    assert "microsoft--character-ai" not in deals, deals
    assert "google--character-ai" in deals, deals


def test_later_news_does_not_pair_with_a_failed_or_background_purchase():
    # "Meta attempted to acquire SSI" failed; "both will move to Meta" is about the fund named just before
    _, result = _analyse(
        "Meta keeps hunting for AI leaders\n\n"
        "After its deal with Scale AI, Meta approached the chief executive of Vantage Labs. Earlier this "
        "year, Meta attempted to acquire Vantage Labs, which turned the offer down. Dana Holt and Sam Reyes "
        "run the Lumeo Ventures fund. Under the agreement, both founders will move to Meta. Meta will get "
        "a stake in Lumeo Ventures.",
        WATCHLIST,
    )
    deals = _deal_ids(result)
    assert "meta--vantage-labs" not in deals, deals
    assert "meta--lumeo-ventures" in deals, deals


def test_a_second_object_of_a_purchase_is_listed_not_paired():
    # "le rachat de Alpha ..., puis de Beta": two purchases of one buyer, no deal between the two
    _, result = _analyse(
        "Halcyon continue ses achats\n\n"
        "Après le rachat de Brightloop pour 1,3 milliard de dollars en 2023, puis de Tessel pour un "
        "montant estimé à 2 milliards de dollars en 2024, le groupe Halcyon a accueilli l'équipe de "
        "Quillon afin d'automatiser les migrations vers Halcyon Cloud.",
        EMPTY_WATCHLIST,
    )
    deals = _deal_ids(result)
    assert "tessel--brightloop" not in deals, deals
    assert "quillon--halcyon-cloud" not in deals, deals


def test_a_handful_of_people_bought_with_their_team_is_an_acqui_hire():
    _, result = _analyse(
        "OpenAI buys a small screen-sharing startup\n\n"
        "OpenAI has acquired Tandemly, a five-person startup based in New York. Its chief executive "
        "said on Monday that he and the whole Tandemly team have joined OpenAI's desktop group.",
        WATCHLIST,
    )
    [deal] = result.deals
    assert (deal.deal_id, deal.kind, deal.role) == ("openai--tandemly", "acquihire", "subject")
    [size] = [c for c in result.claims if c.metric == "target_headcount"]
    assert (size.low, size.high, size.subject) == (5, 5, "Tandemly")


def test_a_large_staff_bought_with_the_company_is_still_a_purchase():
    _, result = _analyse(
        "Halcyon buys database startup Brightloop for $1 billion\n\n"
        "Halcyon has acquired Brightloop, a startup of 140 employees, for about $1 billion. All 140 "
        "employees of the startup will join Halcyon once the deal closes.",
        EMPTY_WATCHLIST,
    )
    assert result.relevance == "unrelated", [d.deal_id for d in result.deals]


def test_a_former_name_written_after_a_company_is_that_company():
    _, result = _analyse(
        "OpenAI takes on the Tandemly team\n\n"
        "OpenAI confirmed the purchase of Tandemly, formerly known as Paircast, a startup of six "
        "people. The Tandemly team has joined OpenAI. Paircast had been building screen-sharing apps.",
        WATCHLIST,
    )
    assert [d.deal_id for d in result.deals] == ["openai--tandemly"]
    [size] = [c for c in result.claims if c.metric == "target_headcount"]
    assert size.subject == "Tandemly" and size.low == 6


def test_korean_latin_name_with_its_suffix_spelt_in_hangul_and_a_summary_line_about_talent():
    # "Kelvo 랩스" is Kelvo Labs wherever it stands (a sentence's start included); a summary line
    # naming no company ("인재 150명 확보") says the whole purchase is for its people
    text = (
        "엔비디아, 이스라엘 스타트업 인수 추진\n\n"
        "- 1 엔비디아, 20억 달러에 Kelvo 인수 추진\n"
        "- 2 석사급 인재 150명 확보 전략\n"
        "엔비디아는 인공지능 스타트업 ‘Kelvo 랩스’를 인수하기 위해 협상 중입니다.\n"
        "인수 금액은 20억 달러입니다.\n"
        "Kelvo 랩스는 2019년에 설립된 AI 스타트업입니다. Kelvo 랩스에는 약 160명의 직원이 있습니다."
    )
    _, result = _analyse(text, WATCHLIST)
    [deal] = result.deals
    assert (deal.deal_id, deal.kind, deal.role) == ("nvidia--kelvo-labs", "acquihire", "subject")
    got = {(c.metric, c.low, c.high) for c in result.claims}
    assert ("deal_amount_usd", 1.95e9, 2.05e9) in got, got
    assert ("staff_hired", 150, 150) in got, got
    assert ("target_headcount", 144, 176) in got, got
    assert ("founded_year", 2019, 2019) in got, got


def test_japanese_people_named_in_latin_and_a_return_to_the_payer():
    # Latin names run straight into Kana ("CEO Dana HoltとプレジデントSam Reyes"): they are people, not
    # a company; "Googleに戻る" (returns to Google) is joining; "Lumeo.ai" and "LumeoAI" are one company
    _, result = _analyse(
        "Lumeo.ai CEOが20人のスタッフと共にGoogleに戻る\n\n"
        "Lumeo.aiのCEO Dana HoltとプレジデントSam Reyes、そして研究チームの20人のメンバーが会社を去り、"
        "Googleに戻ることになりました。GoogleはLumeo.aiのモデルに対してライセンス料を支払うことに同意しました。"
        "今回の取引でLumeoAIの評価額は25億ドルとなりました。",
        WATCHLIST,
    )
    [deal] = result.deals
    assert (deal.deal_id, deal.role) == ("google--lumeo-ai", "subject")
    assert set(deal.people) == {"Dana Holt", "Sam Reyes"}
    got = {(c.metric, c.subject, c.low) for c in result.claims}
    assert ("target_valuation_usd", "Lumeo.ai", 2.45e9) in got, got


def test_arabic_licence_and_hire_with_its_sums():
    # Arabic: prepositions cling to the words ("لرسوم"), Microsoft written in Arabic script, the
    # startup in Latin; "حوالي" is about; the licence fee is named right after its sum
    _, result = _analyse(
        "مايكروسوفت تدفع لشركة Lumeo AI وتضم مؤسسيها\n\n"
        "تدفع مايكروسوفت حوالي 400 مليون دولار في صفقة مع Lumeo AI تشمل توظيف المؤسسين المشاركين "
        "والعديد من الموظفين. وتنفق الشركة 380 مليون دولار لرسوم التراخيص غير الحصرية للتكنولوجيا.",
        WATCHLIST,
    )
    assert result.relevance == "subject"
    [deal] = result.deals
    assert deal.deal_id == "microsoft--lumeo-ai"
    got = {(c.metric, c.low, c.high) for c in result.claims}
    assert ("deal_amount_usd", 360e6, 440e6) in got, got
    assert ("licence_fee_usd", 379.5e6, 380.5e6) in got, got


def test_portuguese_founders_now_part_of_the_payers_staff_past_a_former_employer():
    # "o ex-pesquisador da OpenAI": a former employer between the two parties does not part them
    _, result = _analyse(
        "Meta compra a Lumeo\n\n"
        "A Meta comprou a Lumeo, startup de modelos de voz. Os dois fundadores da Lumeo, o "
        "ex-pesquisador da OpenAI Dana Holt e Sam Reyes, já fazem parte do staff da Meta, e os "
        "outros 12 funcionários também.",
        WATCHLIST,
    )
    deals = {d.deal_id: d for d in result.deals}
    assert "meta--lumeo" in deals and "meta--openai" not in deals, list(deals)


def test_a_startup_bought_at_no_stated_price_whose_team_joins_is_an_acqui_hire():
    _, result = _analyse(
        "AMD buys another AI startup\n\n"
        "AMD has acquired Kelvo, an inference software startup founded by two former chip designers. "
        "Kelvo's team will join AMD's AI group. Terms were not disclosed.",
        WATCHLIST,
    )
    [deal] = result.deals
    assert (deal.deal_id, deal.kind, deal.role) == ("amd--kelvo", "acquihire", "subject")


def test_an_attempt_to_recruit_is_no_hire():
    _, result = _analyse(
        "Meta looked at Lumeo before its other deals\n\n"
        "Meta was in talks to acquire the search startup Lumeo earlier this year. Meta also tried to "
        "recruit Lumeo's chief executive and his team, people familiar with the matter said.",
        WATCHLIST,
    )
    assert "meta--lumeo" not in {d.deal_id for d in result.deals}


def test_one_persons_pay_package_is_no_deals_money():
    _, result = _analyse(
        "Lumeo co-founder leaves to join Meta\n\n"
        "Dana Holt, the co-founder of AI start-up Lumeo, has left the company to join Meta. Meta had "
        "offered Holt a compensation package worth up to $1.2 billion over six years, the paper reported.",
        WATCHLIST,
    )
    assert result.relevance == "unrelated", [d.deal_id for d in result.deals]


def test_a_kind_word_with_its_of_phrase_introduces_the_name_after_it():
    # "la startup d'IA Lumeo": the words describe Lumeo, they stand for no other startup
    _, result = _analyse(
        "Amazon embauche les fondateurs de Brightloop\n\n"
        "Amazon a embauché les fondateurs de Brightloop et payé une licence pour ses modèles. L'accord "
        "ressemble à Amazon embauche les fondateurs de la startup d'IA Lumeo en juin dernier.",
        WATCHLIST,
    )
    deals = _deal_ids(result)
    assert "brightloop--lumeo" not in deals, deals


def test_a_headline_about_a_series_of_deals_by_two_payers_heads_a_round_up():
    # Korean: "최대" is at most; "앞서 … 인수했다" (earlier it bought) is background; "2017년 창업해
    # 2023년 …": the founding word has its own year
    _, result = _analyse(
        "엔비디아 Kelvo랩스 추진·메타 Tessel 인수 등 잇단 사례\n\n"
        "글로벌 빅테크가 AI 인재 확보를 위해 스타트업을 통째로 데려오는 애크하이어에 속도를 내고 있다.\n"
        "엔비디아는 자연어 처리 스타트업 Kelvo랩스 인수를 추진하고 있다. 거래 규모는 최대 20억 달러로 "
        "전해졌다. Kelvo랩스는 2017년 창업해 2023년 기업가치 10억 달러를 인정받았다. 앞서 엔비디아는 "
        "소프트웨어 업체 Brightloop도 인수했다.\n"
        "메타는 싱가포르의 스타트업 Tessel을 인수했다.",
        WATCHLIST,
    )
    assert result.relevance == "mentioned", [(d.deal_id, d.role) for d in result.deals]
    deals = _deal_ids(result)
    assert "nvidia--brightloop" not in deals, deals
    got = {(c.metric, c.low, c.high) for c in result.claims if c.deal_id == "nvidia--kelvo-labs"}
    assert ("deal_amount_usd", 0, 2e9) in got, got
    assert ("founded_year", 2017, 2017) in got and ("founded_year", 2023, 2023) not in got, got


def test_a_background_purchase_takes_no_hire_from_the_story_and_others_views_part_clauses():
    _, result = _analyse(
        "Halcyon buys another AI startup\n\n"
        "Halcyon has acquired Kelvo, an inference startup, at undisclosed terms. The deal follows "
        "Halcyon's $4.1 billion Brightloop deal earlier this year. Kelvo's team will join Halcyon's AI "
        "group. Separately, Halcyon spent $700 million to hire Tessel's CEO and license its "
        "technology, as analysts say Quillon's chip orders will not change.",
        EMPTY_WATCHLIST,
    )
    deals = _deal_ids(result)
    assert "halcyon--kelvo" in deals and "halcyon--tessel" in deals, deals
    assert "halcyon--brightloop" not in deals and "tessel--quillon" not in deals, deals


def test_a_capitalised_phrase_the_text_also_writes_in_lower_case_is_no_company():
    _, result = _analyse(
        "Lumeo's CEO: $2B Halcyon Deal, What's Working in Conversational AI\n\n"
        "In this episode: the $2B Halcyon deal and what is working in Conversational AI.\n"
        "Dana Holt, the new CEO of Lumeo, talks about the $2B Halcyon investment and about building "
        "conversational AI products for banks. Halcyon hired Lumeo's founder in June.",
        EMPTY_WATCHLIST,
    )
    deals = _deal_ids(result)
    assert not any("conversational" in d for d in deals), deals


def test_founders_and_other_staff_taken_from_a_startup_are_one_company_s_people():
    # "and other" lists rivals ("Google and other giants"), not "the founders and other senior staff"
    _, result = _analyse(
        "The AI talent grab\n\nIn a similar deal in March, Halcyon poached the two cofounders and "
        "other senior staff from London-based AI video startup Lumeo, paying it for a licence.",
        EMPTY_WATCHLIST,
    )
    assert "halcyon--lumeo" in {d.deal_id for d in result.deals}


def test_two_startups_joined_by_and_are_both_objects_and_the_two_startups_are_neither():
    # "It is acqui-hiring the teams behind A and B": "it" is the payer named before, both startups
    # are its deals; "the two startups" later stands for no single one of them
    _, result = _analyse(
        "Google acqui-hires two AI teams\n\n"
        "Earlier this year Google bought a robotics lab, and today the company announced more moves. "
        "It is acqui-hiring the founders behind Kelvo Labs and Tessel, two deep learning startups, and "
        "it is also partnering with Oxford University, which had spun out the two startups.",
        WATCHLIST,
    )
    deals = _deal_ids(result)
    assert {"google--kelvo-labs", "google--tessel"} <= deals, deals
    assert "kelvo-labs--tessel" not in deals, deals


@pytest.mark.parametrize(
    ("text", "deal_id", "role"),
    [
        # a headline naming only the payer, with a payment of a written sum, heads its only deal
        (
            "Quién es el genio por el que Google desembolsó 2500 millones de dólares\n\n"
            "La carrera de la IA no tiene pausa. Ahora, la empresa reincorporó a sus filas a una de "
            "las mentes más destacadas. Se trata de Noam Shazeer, que fundó la startup Character.AI. "
            "El acuerdo incluye las licencias de Character.AI y que el ingeniero vuelva a trabajar en "
            "Google.",
            "google--character-ai",
            "subject",
        ),
        # no title: the first line is the lead ("…, Meta has put a freeze on hiring."); the deal
        # told as one example later in an explainer is mentioned
        (
            "After months of hiring AI researchers from other companies, Meta has put a freeze on "
            "hiring for its AI division.\n\n"
            "Meta is not the only company luring founders away, so today let's talk about reverse "
            "acquihires. An acquihire is when a company buys a small startup to get its people. The "
            "product is often shut down afterwards. A reverse acquihire leaves the startup standing. "
            "The big company hires the founders and licenses the technology instead. One of the "
            "reverse acquihires Meta completed this summer was for Scale AI founder Alexandr Wang.",
            "meta--scale-ai",
            "mentioned",
        ),
    ],
)
def test_a_first_line_heads_the_payers_only_deal_when_it_is_a_headline(text, deal_id, role):
    _, result = _analyse(text, WATCHLIST)
    roles = _roles(result)
    assert roles.get(deal_id) == role, roles


def test_acquiring_engineers_from_a_startup_is_hiring_them():
    _, result = _analyse(
        "Apple joins the AI talent war\n\n"
        "According to a report, Apple is acquiring engineers and technology from visual AI startup "
        "Kelvo AI, with negotiations in the late stages. Staff not joining Apple may face pay cuts.",
        WATCHLIST,
    )
    assert [d.deal_id for d in result.deals] == ["apple--kelvo-ai"], result.deals


def test_a_sentence_opening_preposition_and_a_company_are_no_person():
    # "Derrière Lumeo, on retrouve …": "Derrière" (behind) opens the sentence, Lumeo stays a company
    _, result = _analyse(
        "Meta s'offre Lumeo\n\n"
        "Meta vient de payer 50 millions de dollars à Lumeo, une start-up de voix, et embauche ses "
        "deux fondateurs. "
        "Derrière Lumeo, on retrouve une équipe de choc venue de Google.",
        WATCHLIST,
    )
    assert "meta--lumeo" in {d.deal_id for d in result.deals}
    assert all(p != "Derrière Lumeo" for d in result.deals for p in d.people)


def test_a_founder_introduced_by_is_the_ceo_of_brings_the_startup_into_the_deal():
    # the payment names only the person; the next sentence says whose chief he is, and "the
    # company" that licenses is the payer the sentences before name most
    _, result = _analyse(
        "Why Halcyon paid for this founder\n\n"
        "Halcyon has invested over $300 million to bring engineer Tomas Reyes and his team on board. "
        "Reyes is the co-founder, president, and CEO of Lumeo, a startup that builds optical links. "
        "Lumeo's links caught Halcyon's attention. Halcyon's own chips need them. Rather than simply "
        "acquiring the technology, Halcyon went further. "
        "The company not only licensed Lumeo's technology but also hired Reyes and his engineers.",
    )
    (deal,) = result.deals
    assert (deal.deal_id, deal.role, deal.kind) == ("halcyon--lumeo", "subject", "licence_and_hire")
    assert deal.people == ("Tomas Reyes",)
    assert stated_claims(result) == {("deal_amount_usd", "over $300 million")}


def test_the_company_that_paid_is_the_one_the_sentences_before_name():
    # "On Friday, the company paid ...": an irregular verb after "the company" still makes it the
    # payer the sentences before speak of, and the sum goes to that deal, not the article's first
    _, result = _analyse(
        "Meta trims its AI unit\n\n"
        "Meta cut 300 jobs in its AI unit on Wednesday, a month after a $14.3 billion investment in "
        "Scale AI brought Alexandr Wang to Meta. Rivals are moving too. Google wants its assistant "
        "to write more code. Google has been courting developers for a year. On Friday, the company "
        "paid $500 million for licensing rights and top talent from coding startup Lumeo.",
        WATCHLIST,
    )
    assert "google--lumeo" in _deal_ids(result), _deal_ids(result)
    sums = {(c.deal_id, c.stated) for c in result.claims if c.metric.endswith("_usd")}
    assert ("google--lumeo", "$500 million") in sums, sums
    assert ("meta--scale-ai", "$500 million") not in sums, sums


def test_a_purchase_at_an_untold_price_whose_founders_move_is_an_acquihire():
    # the sum in the headline is a grant; the text says the price is not told, and two of the three
    # founders (named where the startup's founding is told) move to the buyer
    _, result = _analyse(
        "After a $500,000 grant, Google buys Lumeo\n\n"
        "Weeks after a $500,000 grant Google gave a university lab, the search company has acquired "
        "Lumeo, the lab's young startup. The price of Google's purchase was not disclosed. "
        "Lumeo, incorporated in 2021 by university professor Ana Ruiz and two of her students, "
        "Bram Okafor and Lise Tanaka, works on speech models. While Okafor and Tanaka will move to "
        "Google, Ruiz will split her time between the lab and Google's office.",
        WATCHLIST,
    )
    (deal,) = result.deals
    assert (deal.deal_id, deal.role, deal.kind) == ("google--lumeo", "subject", "acquihire")
    assert {"Bram Okafor", "Lise Tanaka"} <= set(deal.people), deal.people
    assert stated_claims(result) == {("founded_year", "incorporated in 2021")}


def test_a_german_purchase_by_another_company_after_a_talent_deal_mentions_the_deal():
    # the headline and the lead tell Quillon buying the startup; Google's deal came before it, and
    # "an Lizenzgebühren und Vergütungen" (in licence fees and pay) is the deal's whole price
    _, result = _analyse(
        "Quillon übernimmt Windsurf\n\n"
        "Das Startup Quillon kauft Windsurf, wenige Tage nach dem Wechsel des CEOs zu Google. "
        "Quillon übernimmt die Produkte, die Marke und die Mitarbeiter von Windsurf. "
        "Google hatte am Freitag den Mitgründer und CEO Varun Mohan verpflichtet. "
        "Laut Berichten zahlt Google 2,4 Milliarden Dollar an Lizenzgebühren und Vergütungen.",
        WATCHLIST,
    )
    assert result.relevance == "mentioned"
    assert _roles(result) == {"google--windsurf": "mentioned"}
    claims = stated_claims(result)
    assert ("deal_amount_usd", "2,4 Milliarden Dollar") in claims, claims


@pytest.mark.parametrize(
    ("text", "deal_id"),
    [
        (
            # the exchange's ticker is Halcyon's, so Halcyon pays
            "Halcyon (NASDAQ:HLCN) spent more than $300M to hire Lumeo CEO Tomas Reyes and other "
            "staff and to license the chip startup's technology, a newspaper reported.",
            "halcyon--lumeo",
        ),
        (
            # a bracket right after a listed company is its ticker, even a wrong one
            "Deals like this are common now. Microsoft (META) struck a similar deal with Inflection "
            "last year, paying $650 million and hiring its founders.",
            "microsoft--inflection-ai",
        ),
    ],
)
def test_a_ticker_in_brackets_is_the_company_before_it(text, deal_id):
    _, result = _analyse("Tickers in the text\n\n" + text, WATCHLIST)
    assert _deal_ids(result) == {deal_id}, _deal_ids(result)
    assert any(c.metric == "deal_amount_usd" for c in result.claims), result.claims


def test_an_english_phrase_spelling_out_a_japanese_word_is_no_company():
    # "感情知能(Emotional Intelligence)": the bracket translates the word before it
    _, result = _analyse(
        "Google、Lumeo AIの人材を取り込み音声に感情知能(Emotional Intelligence)を加える\n\n"
        "Googleは音声AIのスタートアップ、Lumeo AIとライセンス契約を締結しました。Lumeo AIの"
        "CEOがエンジニアの一団とともにGoogleに合流します。",
        WATCHLIST,
    )
    assert _deal_ids(result) == {"google--lumeo-ai"}, _deal_ids(result)


def test_a_ceo_named_after_an_age_is_hired_and_the_age_is_theirs():
    _, result = _analyse(
        "Deals like it\n\n"
        "In May, Amazon took a 30 per cent stake in Adept and brought in its 31-year-old CEO, "
        "Tomas Reyes, to run a new research group.",
        WATCHLIST,
    )
    (deal,) = result.deals
    assert deal.people == ("Tomas Reyes",)
    assert {(c.subject, c.metric, c.low) for c in result.claims if c.metric == "person_age"} == {
        ("Tomas Reyes", "person_age", 31)
    }


@pytest.mark.parametrize(
    ("text", "deal_id"),
    [
        (
            # the lead tells only the payment (the hire is left to the reader): the watchlist knows
            # the deal, and the lead telling it outright makes it what the article is about
            "Amazon bets big on agents\n\n"
            "Amazon reportedly agreed to pay $330 million for a licence to Adept's models. The "
            "startup's chief executive is expected to run a new agents group in Seattle. Analysts see "
            "more arrangements of this shape coming.",
            "amazon--adept",
        ),
        (
            # "was in talks to buy" (협의를 진행) is no purchase; "fell through, and" (무산됐고) closes
            # its own clause; the team "transfers" (이적) to the company named last before 로
            "오픈AI는 AI 스타트업 루메오(Lumeo)를 인수하기 위해 협의를 진행하고 있었다. 하지만 이 인수 "
            "계약은 무산됐고 루메오는 구글과 5억 달러 계약을 체결했다고 발표했다. 이 계약 일환으로 루메오 "
            "CEO와 공동창립자, 연구팀 일부가 구글 AI 연구 조직인 구글 딥마인드(Google DeepMind)로 이적한다.",
            "google--lumeo",
        ),
        (
            # "Amazon pays ¥50 billion to rehire a researcher": 雇用 and 億円 are headline words too
            "アマゾン、研究者の再雇用に500億円\n\n"
            "大手企業がAI人材に巨額を投じる中、この再雇用は際立っている。研究者は論文で知られる。"
            "2022年に退社し、自身の会社Adeptを設立した。関係者によると、アマゾンは"
            "Adeptに約3億ドルを支払ったという。その公式な理由は技術のライセンス料だった。",
            "amazon--adept",
        ),
        (
            # a known deal told in the lead as a purchase of assets
            "Nvidia takes Groq's assets\n\n"
            "Nvidia agreed to buy assets from the chip designer Groq for $20 billion in cash, a "
            "television network reported. Investors in the startup were told on Wednesday. Its "
            "customers were not told what changes.",
            "nvidia--groq",
        ),
    ],
)
def test_a_deal_the_lead_or_the_headline_tells_is_the_subject(text, deal_id):
    _, result = _analyse(text, WATCHLIST)
    assert _roles(result) == {deal_id: "subject"}, _roles(result)
    assert result.relevance == "subject"


def test_people_who_lead_a_firm_bring_it_into_the_deal_when_they_are_hired():
    _, result = _analyse(
        "Google brings on Ruiz and Okafor\n\n"
        "Google has hired two well-known investors, Ana Ruiz and Bram Okafor, after months of talks. "
        "Ruiz and Okafor lead venture firm Lumeo, which will now be partly owned by Google. "
        "Neither side gave a price.",
        WATCHLIST,
    )
    (deal,) = result.deals
    assert (deal.deal_id, deal.role) == ("google--lumeo", "subject")
    assert set(deal.people) == {"Ana Ruiz", "Bram Okafor"}


def test_a_french_startup_named_after_what_it_does_and_all_its_team_joining():
    # "la start-up d'intelligence artificielle Vantix Works": a company, not a person; "Toute
    # l'équipe" (the whole team) opens a sentence and is no company
    _, result = _analyse(
        "Google rachète une jeune pousse\n\n"
        "Le 2 mai, Google a annoncé le rachat de la start-up d'intelligence artificielle Vantix "
        "Works, sans préciser le montant. Vantix Works compte huit personnes. « Toute l'équipe a "
        "rejoint Google pour travailler sur nos produits », a dit Google.",
        WATCHLIST,
    )
    assert _deal_ids(result) == {"google--vantix-works"}, _deal_ids(result)


def test_founders_going_back_to_a_former_employer_with_no_payment_are_no_deal():
    _, result = _analyse(
        "OpenAI rehires co-founders of Lumeo Labs\n\n"
        "Two co-founders of Lumeo Labs, Ana Ruiz and Bram Okafor, are heading back to OpenAI after "
        "weeks of talks, the startup's chief executive said. Lumeo Labs raised $300 million last year "
        "and keeps its other staff.",
        WATCHLIST,
    )
    assert result.relevance == "unrelated", [(d.deal_id, d.role) for d in result.deals]


def test_a_purchase_whose_staff_are_paid_in_the_buyers_shares_is_a_plain_purchase():
    # shares as a form of pay, or the buyer's share price, are no stake in the startup
    _, result = _analyse(
        "Regulators approve Google's $500m acquisition of Lumeo\n\n"
        "The delay in approval saw Google's share price rise 40%, which suits Lumeo's founders, who "
        "will be paid in shares to stay on. Google will pay an estimated $500 million for Lumeo. "
        "About 90 employees will join Google's offices. The value of the retention plan, given in "
        "Google shares, has doubled.",
        WATCHLIST,
    )
    assert result.relevance == "unrelated", [(d.deal_id, d.role) for d in result.deals]


def test_a_kind_of_chip_is_no_company():
    _, result = _analyse(
        "AMD takes Lumeo's chip team\n\n"
        "AMD has reached an agreement to acquire a team of engineers from Lumeo. The deal brings AMD "
        "engineers who improve its compiler and its SoC design and ASIC verification work.",
        WATCHLIST,
    )
    assert not any(t in d for d in _deal_ids(result) for t in ("soc", "asic")), _deal_ids(result)


def test_past_deals_listed_after_one_payer_and_a_similar_thing_are_each_mentioned():
    _, result = _analyse(
        "Apple nears a deal for Lumeo's team\n\n"
        "Apple is nearing a deal to acquire the talent and technology of vision startup Lumeo, a "
        "report says. Google struck similar acquihire-style deals, first with Character.AI in 2024, "
        "and again this year with Windsurf. Amazon did a similar thing with Adept.",
        WATCHLIST,
    )
    ids = _deal_ids(result)
    assert {"google--character-ai", "google--windsurf", "amazon--adept"} <= ids, ids
    assert "character-ai--windsurf" not in ids, ids


def test_the_word_acqui_hire_opening_a_sentence_is_not_a_company():
    """German capitalises every noun, and a headline or sentence may open on the word: the kind
    of deal is never one of its parties."""
    _, result = _analyse(
        "Acqui-Hires: wie Konzerne Talente kaufen\n\n"
        "Konzerne wie Google und Meta nutzen Acqui-Hires, um Start-up-Talente zu gewinnen. Google zahlte 2,4 "
        "Milliarden Dollar für eine Lizenz des KI-Start-ups Windsurf, dessen Gründer zu Google "
        "wechseln.",
        WATCHLIST,
    )
    names = {n for d in result.deals for n in (d.acquirer, d.target)}
    assert not any("acqui" in n.casefold() for n in names), result.deals
    assert "google--windsurf" in _deal_ids(result)


def test_a_listed_name_written_joined_or_hyphenated_is_the_listed_company():
    for written in ("ScaleAI", "Scale-AI"):
        _, result = _analyse(
            "Meta's quarter\n\n"
            "Meta reported higher spending on data centres. It also put more than $14 billion into "
            f"{written}, whose chief executive Alexandr Wang joined Meta to lead a new lab.",
            WATCHLIST,
        )
        assert _deal_ids(result) == {"meta--scale-ai"}, (written, result.deals)


def test_a_clause_of_contrast_after_a_comma_is_its_own_clause_in_other_languages():
    for sentence, second in (
        (
            "Halcyon stellte das Team von Lumeo ein, während Orbital in Vantage investierte.",
            "Orbital",
        ),
        (
            "Halcyon embauche l'équipe de Lumeo, tandis que Orbital investit dans Vantage.",
            "Orbital",
        ),
        ("Halcyon contrata al equipo de Lumeo, mientras Orbital invierte en Vantage.", "Orbital"),
        ("Halcyon contrata a equipe da Lumeo, enquanto a Orbital investe na Vantage.", "a Orbital"),
        ("Halcyon assume il team di Lumeo, mentre Orbital investe in Vantage.", "Orbital"),
    ):
        parts = [sentence[a:b].strip() for a, b in clauses(sentence)]
        assert len(parts) == 2 and parts[1].startswith(second), parts


@pytest.mark.parametrize(
    ("text", "expected", "not_stated"),
    [
        (  # Cyrillic is cased, so names are found by capitals; the price of another purchase is left out
            "Halcyon заплатит $400 млн за лицензию Lumeo и наймёт её основателей\n\n"
            "Американская компания Halcyon наняла основателей стартапа Lumeo и около 40 инженеров. "
            "Halcyon заплатит $400 млн за лицензию на модели Lumeo. В прошлом году Halcyon купила "
            "Brightwave за $90 млн.",
            {("licence_fee_usd", 399.5e6, 400.5e6), ("staff_hired", 36, 44)},
            "$90 млн",
        ),
        (
            "Halcyon haalt de oprichters van Lumeo binnen\n\n"
            "Het Amerikaanse softwarebedrijf Halcyon heeft de oprichters van de start-up Lumeo in dienst "
            "genomen. Halcyon betaalt 400 miljoen dollar voor een licentie op de modellen van Lumeo, en "
            "ook zo'n kwart van het personeel van Lumeo stapt over naar Halcyon.",
            {("licence_fee_usd", 399.5e6, 400.5e6), ("staff_hired_pct", 22.5, 27.5)},
            None,
        ),
        (  # a case ending after a name's apostrophe ("Lumeo’nun"), the verb at the clause's end
            "Halcyon, Lumeo’nun kurucularını işe aldı\n\n"
            "Amerikan yazılım şirketi Halcyon, girişim Lumeo’nun kurucularını ve yaklaşık 40 "
            "mühendisini işe aldı. Halcyon, anlaşma kapsamında Lumeo’ya 400 milyon dolar ödeyecek. "
            "Lumeo’nun yaklaşık 30 çalışanı ise işten çıkarıldı.",
            {("deal_amount_usd", 399.5e6, 400.5e6), ("staff_hired", 36, 44)},
            "yaklaşık 30 çalışanı",
        ),
    ],
    ids=["russian", "dutch", "turkish"],
)
def test_a_story_in_russian_dutch_or_turkish_is_read_in_its_language(text, expected, not_stated):
    """The sums, the licence and the people hired, read from the story's own words."""
    _, result = _analyse(text, EMPTY_WATCHLIST)
    assert _roles(result) == {"halcyon--lumeo": "subject"}
    claims = {(c.metric, c.low, c.high) for c in result.claims}
    assert expected <= claims, result.claims
    assert not any(c.stated == not_stated for c in result.claims)


def test_spaced_abbreviations_of_machine_translation_are_not_parties():
    """Machine-translated English spaces out "R&D" and "acqui-hire": "R & D" is no company, and
    "acqui - hire" is still the kind of deal."""
    _, result = _analyse(
        "How the giants buy talent\n\n"
        'This strategy, called "acqui - hire", is spreading. Halcyon hired Lumeo\'s chief executive '
        "and the core members of its R & D team. This $400 million deal also included Lumeo's models.",
        EMPTY_WATCHLIST,
    )
    names = {n for d in result.deals for n in (d.acquirer, d.target)}
    assert not any("R & D" in n or n == "R" for n in names), result.deals
    assert "halcyon--lumeo" in _deal_ids(result)
    assert lexicon_for("en").cues["acquihire"].search(fold('called "acqui - hire"'))


def test_a_data_provider_cited_for_a_figure_is_not_a_party():
    _, result = _analyse(
        "Halcyon hires Lumeo's founders\n\n"
        "Halcyon has hired the founders of AI startup Lumeo and licensed its models. Lumeo had raised "
        "close to $80 million, according to PitchBook, which tracks startups; PitchBook's data show "
        "the startup's team joined Halcyon this month.",
        EMPTY_WATCHLIST,
    )
    names = {n for d in result.deals for n in (d.acquirer, d.target)}
    assert "PitchBook" not in names, result.deals
    assert "halcyon--lumeo" in _deal_ids(result)


def test_a_product_of_the_buyer_is_not_a_startup_it_pays():
    _, result = _analyse(
        "Apple hires the team of a chatbot startup\n\n"
        "Apple wants Siri to do more on iOS devices and Macs. Apple has hired the team of the "
        "chatbot startup Lumeo, whose founders will join Apple to work on iOS, in a deal reported "
        "at $40 million.",
        EMPTY_WATCHLIST,
    )
    assert "apple--ios" not in _deal_ids(result), result.deals
    assert "apple--lumeo" in _deal_ids(result)


@pytest.mark.parametrize(
    ("text", "watchlist", "deal_id"),
    [
        (  # "the Tessaris Workbench" looks like a person's two names; "Tessaris' co-founder" says whose
            "Tessaris hires the founders of Lumeo\n\n"
            "Tessaris is hiring the founders of Lumeo and paying $50 million to license its retrieval "
            "models. Lumeo's tools will become part of the Tessaris Workbench suite. Both Tessaris and "
            "Lumeo sell to banks, said Mira Chen, Tessaris' co-founder and chief executive.",
            EMPTY_WATCHLIST,
            "tessaris--lumeo",
        ),
        (  # Facebook before its rename is Meta
            "Facebook buys a visual search startup\n\n"
            "Facebook has snapped up Lumeo, a visual search startup, in what looks like an "
            "acqui-hire: Facebook shut Lumeo's app, and its team will join Facebook's AI group.",
            WATCHLIST,
            "meta--lumeo",
        ),
    ],
    ids=["company-name-opens-a-product-name", "facebook-is-meta"],
)
def test_a_deal_is_found_under_the_companys_own_name(text, watchlist, deal_id):
    _, result = _analyse(text, watchlist)
    assert deal_id in _deal_ids(result), result.deals


def test_one_executive_hired_to_lead_a_team_is_a_job_move():
    _, result = _analyse(
        "Halcyon's new engineering chief\n\n"
        "This spring Halcyon hired Orbis CTO Dana Moss to head up its engineering team, the latest "
        "senior hire at the software company.",
        EMPTY_WATCHLIST,
    )
    assert result.deals == (), result.deals
    assert result.relevance == "unrelated"


def test_a_legal_form_is_no_part_of_the_deal_id():
    # two outlets, one writing the legal form and one not, must store one deal
    _, with_form = _analyse(
        "Halcyon hires the team of Lumeo Inc.\n\n"
        "Halcyon is paying $40 million to license the models of Lumeo Inc., and the startup's "
        "founders and engineers will join Halcyon.",
        EMPTY_WATCHLIST,
    )
    _, without = _analyse(
        "Halcyon hires Lumeo's team\n\n"
        "Halcyon is paying $40 million to license Lumeo's models, and the startup's founders and "
        "engineers will join Halcyon.",
        EMPTY_WATCHLIST,
    )
    assert _deal_ids(with_form) == _deal_ids(without) == {"halcyon--lumeo"}


def test_a_team_relocating_to_the_buyer_moves_to_it():
    _, result = _analyse(
        "Halcyon buys Lumeo\n\n"
        "Halcyon announced that it had bought Lumeo, a small news app. It looked like an "
        "acqui-hire, with most of Lumeo's engineers relocating from Berlin to the Halcyon campus.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--lumeo": "subject"}, result.deals


def test_a_part_of_a_large_company_a_person_ran_is_no_startup():
    _, result = _analyse(
        "Meta names a co-lead for its AI lab\n\n"
        "Orbis's Dana Moss joins as co-lead of the new lab. Meta also announced former Orbis CEO "
        'Dana Moss as a co-leader with its research head. "She ran Orbis at Microsoft, and most '
        'recently has run one of the leading AI investment firms," Meta said.',
        WATCHLIST,
    )
    assert "microsoft--orbis" not in _deal_ids(result), result.deals


def test_a_startup_bought_for_its_team_that_joins_a_named_team_of_the_buyer():
    _, result = _analyse(
        "Kestrel Snaps Up Imaging Firm Lumeo Technology\n\n"
        "Kestrel co-founder and CEO Dana Moss said in a blog post that the company acquired imaging "
        "outfit Lumeo Technology. Two sources told TechCrunch Kestrel is paying $90 million for "
        "Lumeo Technology, including retention bonuses for its staff of about 12. Lumeo’s team "
        "will be joining Kestrel Forge, a team of engineers and researchers who build its models.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"kestrel--lumeo-technology": "subject"}, result.deals


def test_a_name_in_guillemets_is_a_things_name_not_a_company():
    lex = lexicon_for("fr")
    sentences = split_sentences(
        "Halcyon rachète Orbis\n\n"
        "Halcyon multiplie les rachats pour étoffer son offre baptisée « Data Intelligence »."
    )
    names = find_names(sentences, EMPTY_WATCHLIST, lex)
    assert "Data Intelligence" not in company_names(names), names.orgs


def test_a_function_word_in_capitals_is_no_company():
    """Outlets set a word in capitals for stress ("backing THIS little startup"): "THIS" is the
    word "this", no company, and no party to a deal."""
    text = (
        "Harbor and Kestrel back a robotics startup\n\n"
        "Harbor and Kestrel put $35 million into THIS small robotics startup, "
        "and its engineers will join Harbor."
    )
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("en"))
    assert "THIS" not in company_names(names), names.orgs
    _, result = _analyse(text, EMPTY_WATCHLIST)
    assert not any("this" in d.deal_id.split("--") for d in result.deals), result.deals


def test_an_appositive_calls_a_name_by_its_head_noun_not_by_a_company_after_of():
    """ "Ana Ruiz, la directrice d'un grand groupe de médias": the apposition calls her a director
    (of a group), so she is no company and no party to a deal; "Quillbyte, une start-up de Lyon" is
    still called a startup."""
    lex = lexicon_for("fr")
    text = (
        "Harbor recrute l'équipe de Quillbyte\n\n"
        "Ce genre d'embauche plaît aussi à Ana Ruiz, la directrice d'un grand groupe de médias, "
        "Kestrel, qui veut grandir vite. "
        "Harbor a recruté les cinq membres de l'équipe de Quillbyte, une start-up de Lyon."
    )
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lex)
    named = company_names(names)
    assert "Ana Ruiz" not in named, names.orgs
    assert "Quillbyte" in named, names.orgs


def test_people_of_a_company_named_before_of_are_not_a_company():
    """ "Members of Quillbyte Labs' design group" are Quillbyte Labs's people: the company
    is the name after "of"; "Members Mutual Capital", with no "of" after it, is still a company."""
    text = (
        "Harbor hires a robotics team\n\n"
        "Harbor has hired the design team of a robotics startup. "
        "Members of Quillbyte Labs' design group will move to Harbor's lab in Oslo. "
        "Members Mutual Capital had backed the startup in 2022."
    )
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("en"))
    named = company_names(names)
    assert not any(n.startswith("Members of") for n in named), names.orgs
    assert "Quillbyte Labs" in named and "Members Mutual Capital" in named, names.orgs


def test_a_holiday_is_no_company():
    """ "... que sorprendió en Nochebuena": a holiday written with a capital is no party to the
    deal the sentence tells."""
    result = _analyse_in(
        "es",
        "Microsoft contrata al equipo de Quillbyte Labs\n\n"
        "Microsoft pagará 900 millones de dólares a la startup Quillbyte Labs para licenciar su "
        "tecnología y contratar a su equipo, un acuerdo que sorprendió en Nochebuena.",
        WATCHLIST,
    )
    assert _deal_ids(result) == {"microsoft--quillbyte-labs"}, result.deals


def test_a_name_written_once_in_the_singular_is_the_company_it_names_in_the_plural():
    _, result = _analyse(
        "Harbor buys Lumeo Technologies\n\n"
        "Harbor said on Monday it had bought Lumeo Technologies, a maker of voice software. "
        "Members of Lumeo Technology's engineering team will join Harbor's lab. "
        "The company, started in 2015, will keep its office in Porto."
    )
    assert {d.target for d in result.deals} == {"Lumeo Technologies"}, result.deals


def test_a_story_about_the_startup_after_the_deal_only_mentions_the_deal():
    _, result = _analyse(
        "Lumeo cuts a fifth of its staff after Halcyon investment\n\n"
        "Weeks after Halcyon put $900 million into Lumeo and hired its founder Dana Moss, the "
        "startup is cutting 120 jobs, a fifth of its staff. The cuts come after Halcyon invested "
        "in Lumeo and hired Dana Moss to run its lab. Lumeo's interim chief told employees "
        "that Lumeo had grown too fast. Lumeo still sells labelling services to banks. Lumeo "
        "expects to hire again next year, the memo said. Rivals of Lumeo are hiring.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--lumeo": "mentioned"}, result.deals
    assert result.relevance == "mentioned"


def test_a_person_with_a_title_after_a_companys_possessive_is_no_company():
    # a surname with a capital inside it ("DeMarco") looks like a brand ("DeepMind"); the title
    # after a company's possessive says it is a person, whose team then names no company either
    text = (
        "Yves DeMarco, Meta's Chief AI Scientist since 2014, is leaving to start a company.\n\n"
        "Meta had bought 49% of Scale AI for $14 billion and hired its CEO, Alexandr Wang.\n\n"
        "31-year-old Alexandr Wang now runs the lab, and much of DeMarco's team has left."
    )
    names = find_names(split_sentences(text), WATCHLIST, lexicon_for("en"))
    assert not company_names(names) & {"Yves DeMarco", "DeMarco"}
    _, result = _analyse(text, WATCHLIST)
    assert ("Alexandr Wang", 31) in {
        (c.subject, c.low) for c in result.claims if c.metric == "person_age"
    }


def test_a_currency_written_before_the_sum_is_no_company():
    # "Rs 20,600 crore": Indian rupees, not the company whose chief the payer hires
    _, result = _analyse(
        "Rival talks fail, Google poaches CEO Ada Park and licenses tech for Rs 20,600 Crore "
        "instead\n\n"
        "Google hired Ada Park, the chief executive of Windsurf, and agreed to pay $2.4 billion "
        "for a licence to its technology.",
        WATCHLIST,
    )
    assert _deal_ids(result) == {"google--windsurf"}, result.deals


def test_the_object_of_a_deal_verb_in_a_title_case_line_is_a_company_the_body_names():
    # "Google Acquires Orbis": a Title Case line capitalises the verb too, so the run after the
    # payer's name is read from the verb on, as the name the body writes
    text = (
        "Why Google wanted a mail app\n\n"
        "Google Acquires Orbis\n\n"
        "The mail app maker Orbis said on Monday that it had been bought by Google."
    )
    names = find_names(split_sentences(text), WATCHLIST, lexicon_for("en"))
    assert [o.name for o in names.orgs[1]] == ["Google", "Orbis"], names.orgs[1]


def test_a_french_list_of_purchases_closed_by_ou_encore_names_each_acqui_hire():
    # "ou encore" (or else) closes the list; "Push Pop Press" ends on a company's last word
    _, result = _analyse(
        "Google rachète l'équipe de Tessel\n\n"
        "Google a embauché les trois fondateurs de la start-up Tessel. Cette hypothèse de "
        "l'acquisition de talents est vraisemblable : Google a acheté Orbis, Push Pop Press, "
        "Vantage ou encore Lumeo non pour leurs produits, mais pour leurs créateurs.",
        WATCHLIST,
    )
    roles = {d.deal_id: (d.role, d.kind) for d in result.deals}
    for target in ("orbis", "push-pop-press", "vantage", "lumeo"):
        assert roles.get(f"google--{target}") == ("mentioned", "acquihire"), roles


def test_a_purchase_of_a_company_by_another_names_the_buyer_after_it():
    # "l'acquisition de Lumeo par Halcyon": the buyer follows "par"; the outlet first is no party
    text = (
        "Lumeo aurait intéressé Vela\n\n"
        "Si l'on en croît Techwire, l'acquisition de Lumeo par Halcyon aurait été précipitée."
    )
    relations = _relations(text, "fr")
    bought = {(r.acquirer, r.target) for r in relations if r.kind == "acquire"}
    assert bought == {("Halcyon", "Lumeo")}, bought


def test_talks_to_invest_in_the_startup_of_a_known_licence_deal_are_no_sign_of_that_deal():
    # a known licence-and-hire deal is not told by money alone: an earlier round the payer weighs
    _, result = _analyse(
        "Google weighs an investment in Character.AI\n\n"
        "Google is weighing an investment of several hundred million dollars in Character.AI, which "
        "needs capital to train its models. The money would deepen a partnership in which "
        "Character.AI rents Google's cloud chips.",
        WATCHLIST,
    )
    assert result.relevance == "unrelated", result.deals
    assert not result.deals


def test_a_portuguese_round_with_named_backers_moves_no_one():
    # "levantou" (raised) is no "leva" (takes along); "com participação da" names backers, no stake
    _, result = _analyse(
        "Nvidia compra a Lepton\n\n"
        "A Nvidia comprou a startup Lepton, que aluga servidores. Em 2023, a Lepton levantou "
        "US$ 11 milhões em uma rodada de investimento com participação da ORV e do Vela Fund.",
        WATCHLIST,
    )
    assert not any("orv" in d.deal_id for d in result.deals), result.deals


@pytest.mark.parametrize(
    "text",
    [
        "메타, 스케일AI에 143억 달러 투자\n\n메타가 스케일AI에 143억 달러를 투자하고 "
        "28세 창업자 알렉산더 왕을 영입했다.",
        "Meta投資Scale AI\n\nMeta收購Scale AI的49%股權，並聘請28歲執行長汪滔加入。",
    ],
    ids=["ko", "zh"],
)
def test_the_watchlists_person_written_in_hangul_or_hanzi_is_that_person(text):
    _, result = _analyse(text, WATCHLIST)
    ages = {(c.subject, c.low) for c in result.claims if c.metric == "person_age"}
    assert ages == {("Alexandr Wang", 28)}, result.claims


def test_a_place_of_two_capitalised_words_is_no_person():
    text = "Orbis is bought\n\nThe small Orbis team will now head to Mountain View, where Palo Alto once was."
    names = find_names(split_sentences(text), WATCHLIST, lexicon_for("en"))
    assert not [p.name for found in names.people for p in found], names.people


def test_a_purchase_whose_team_will_work_on_something_for_the_buyer_is_an_acqui_hire():
    _, result = _analyse(
        "Meta buys a maker of clip-on recorders\n\n"
        "Meta has acquired Orbis, the startup behind a clip-on voice recorder. The purchase, "
        "announced in a blog post by Orbis, says the team will work on new wearables for Meta. "
        "Orbis has stopped selling its recorder.",
        WATCHLIST,
    )
    assert {(d.deal_id, d.role, d.kind) for d in result.deals} == {
        ("meta--orbis", "subject", "acquihire")
    }, result.deals


def test_a_company_named_as_the_source_of_a_clause_is_no_party_to_it():
    # "According to Orbis CEO Ada Park, the acquisition feeds Halcyon's hunger": Orbis says it
    text = (
        "Halcyon buys Orbis\n\n"
        "According to Orbis CEO Ada Park, the acquisition feeds Halcyon's hunger for hardware."
    )
    sentences = split_sentences(text)
    lex = lexicon_for("en")
    names = find_names(sentences, EMPTY_WATCHLIST, lex)
    cues = [SentenceCues(lex, s.folded) for s in sentences]
    told = {
        (r.acquirer, r.target) for r in relations_in(sentences, names, lex, cues) if r.sentence == 1
    }
    assert ("Orbis", "Halcyon") not in told, told


def test_a_payer_named_with_an_acqui_hire_in_a_story_naming_its_one_known_startup_mentions_that_deal():
    # Meta is named where acqui-hires are told, Scale AI (its one known deal's startup) elsewhere
    _, result = _analyse(
        "Big Tech's talent shopping\n\n"
        "Since mid-2025, Meta, Amazon and Apple have spent more than $36 billion on acqui-hiring. "
        "Scale AI's founder now runs a lab of his own design.",
        WATCHLIST,
    )
    assert _roles(result) == {"meta--scale-ai": "mentioned"}, result.deals


def test_metas_voice_startup_purchases_are_known_deals():
    _, result = _analyse(
        "Meta keeps shopping for voice talent\n\n"
        "Meta bought the voice startup Orbis this week. Besides buying PlayAI last month, it "
        "also acquired WaveForms in August.",
        WATCHLIST,
    )
    roles = _roles(result)
    assert (
        roles.get("meta--playai") == "mentioned" and roles.get("meta--waveforms") == "mentioned"
    ), roles


@pytest.mark.parametrize(
    "frozen",
    [
        "As we will be busy at Google, we do not plan to release new features for the Orbis app.",
        "Orbis has stopped selling its mail app.",
    ],
)
def test_a_purchase_whose_product_is_frozen_while_its_team_moves_is_an_acqui_hire(frozen):
    _, result = _analyse(
        "Google buys a mail app maker\n\n"
        "The mail app maker Orbis said today that it has been acquired by Google. The small Orbis "
        "team will move to Google's offices. " + frozen,
        WATCHLIST,
    )
    assert {(d.deal_id, d.kind) for d in result.deals} == {("google--orbis", "acquihire")}, (
        result.deals
    )


def test_a_firm_the_text_calls_a_vc_firm_is_no_party_to_a_talent_deal():
    _, result = _analyse(
        "OpenAI buys Orbis\n\n"
        "OpenAI has acquired Orbis, and its eight team members will join OpenAI to work on its "
        "chatbot. What is interesting is that Orbis was backed Kestrel, a VC firm that until "
        "last year focused on crypto startups.",
        WATCHLIST,
    )
    assert not any("kestrel" in d.deal_id for d in result.deals), result.deals


def test_a_watchlisted_venture_firm_is_still_a_party_to_its_deal():
    # NFDG is a venture firm and the startup of a known deal: told outright, the deal is read
    _, result = _analyse(
        "Meta weighs a stake in NFDG\n\n"
        "Meta has offered to buy a minority stake in NFDG, the venture firm run by Ada Park and "
        "Ben Ortiz, as the two investors join the company to help lead its new lab.",
        WATCHLIST,
    )
    (deal,) = result.deals
    assert deal.deal_id == "meta--nfdg" and any(r.startswith("hire ") for r in deal.reasons), deal


@pytest.mark.parametrize(
    ("text", "found", "not_found"),
    [
        # one person who joined from another startup is no deal in an acqui-hire story
        (
            "Meta acquires Lumeo\n\n"
            "Meta has acquired the voice startup Lumeo in an acqui-hire; the entire Lumeo team of "
            "about 35 people will join Meta. They will report to Dana Holt, a former researcher who "
            "recently joined Meta from another voice startup called Vantage AI.",
            "meta--lumeo",
            "meta--vantage-ai",
        ),
        # "Scale-AI-Mitgründer" (Scale AI's co-founder): a known name written with hyphens into a
        # German compound names that company, and the company named before it is no party
        (
            "Konzerne kaufen Talente statt Firmen\n\n"
            "Microsoft sicherte sich das Management von Inflection AI, während Meta Milliarden "
            "investierte, um Scale-AI-Mitgründer Alexandr Wang zu gewinnen.",
            "meta--scale-ai",
            "meta--inflection-ai",
        ),
    ],
    ids=["a person from another startup", "a German compound"],
)
def test_the_deal_told_is_found_and_its_look_alike_is_not(text, found, not_found):
    _, result = _analyse(text, WATCHLIST)
    deals = _deal_ids(result)
    assert found in deals and not_found not in deals, deals


def _watchlist_with_moved_people(tmp_path) -> Watchlist:
    return _watchlist_of(
        tmp_path,
        '[[acquirer]]\nname = "Halcyon"\n\n[[acquirer]]\nname = "Norvex"\n\n'
        '[[startup]]\nname = "Lumeo"\n\n[[person]]\nname = "Jane Doe"\n\n'
        '[[deal]]\nacquirer = "Halcyon"\ntarget = "Lumeo"\nkind = "licence_and_hire"\n'
        'people = ["Jane Doe"]\n',
    )


@pytest.mark.parametrize(
    ("payer", "told"),
    [("Halcyon", True), ("Norvex", False)],
    ids=["the-known-acquirer", "another-company"],
)
def test_a_person_a_known_deal_moved_joining_its_acquirer_tells_that_deal(tmp_path, payer, told):
    # the story ties her only to another company she co-founded; the watchlist knows that
    # Halcyon's deal with Lumeo moved her, and Norvex hiring her says nothing of that deal
    _, result = _analyse(
        f"{payer} hires the founders of Orbis\n\n"
        f"{payer} has hired Orbis co-founders Jane Doe and Sam Poe to lead its new assistant division.",
        _watchlist_with_moved_people(tmp_path),
    )
    lumeo = [d for d in result.deals if d.target == "Lumeo"]
    if told:
        [deal] = lumeo
        assert (deal.deal_id, deal.people) == ("halcyon--lumeo", ("Jane Doe",))
    else:
        assert lumeo == []


def test_a_known_deals_people_are_listed_persons(tmp_path):
    path = tmp_path / "watchlist.toml"
    path.write_text(
        '[[acquirer]]\nname = "Halcyon"\n\n[[startup]]\nname = "Lumeo"\n\n'
        '[[deal]]\nacquirer = "Halcyon"\ntarget = "Lumeo"\npeople = ["Jane Doe"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="'Jane Doe' is no person listed"):
        load_watchlist(path)


def test_a_small_purchase_whose_staff_relocate_to_the_buyer_is_an_acqui_hire():
    # a stated price, but a small one, and its staff of 30 (an aside naming one of them between)
    # moving from their city to the buyer's unit
    text = (
        "Halcyon buys note-taking start-up Orbis for about $40m\n\n"
        "Halcyon has bought note-taking start-up Orbis for around $40m. Jane Doe founded the "
        "company in 2019. Orbis's staff of 30, including Doe, is to relocate from its small, "
        "crowded offices to Halcyon's assistant unit in Seattle."
    )
    _, result = _analyse(text, WATCHLIST)
    [deal] = [d for d in result.deals if d.target == "Orbis"]
    assert (deal.acquirer, deal.kind, deal.role) == ("Halcyon", "acquihire", "subject")


def test_a_large_purchase_whose_staff_relocate_stays_a_purchase():
    text = (
        "Halcyon buys note-taking maker Orbis for about $900m\n\n"
        "Halcyon has bought note-taking maker Orbis for around $900m. Orbis's staff of 30, "
        "including its founder, is to relocate from its Boston offices to Halcyon's unit in Seattle."
    )
    _, result = _analyse(text, WATCHLIST)
    assert not [d for d in result.deals if d.target == "Orbis"]


@pytest.mark.parametrize(
    ("text", "deal_id"),
    [
        (
            "Orbis is joining Halcyon\n\n"
            "On Monday, Orbis AI said on its blog that it's joining Halcyon, and that it is "
            "shutting down its app next month. Jane Doe founded Orbis AI in 2019.",
            "halcyon--orbis-ai",
        ),
        (  # a company joining another in doing something is no purchase
            "Orbis joins Halcyon in backing a standard\n\n"
            "Orbis AI said on its blog that it's joining Halcyon in backing an open standard for "
            "note files. Jane Doe founded Orbis AI in 2019.",
            None,
        ),
    ],
    ids=["joins-the-buyer", "joins-in-doing"],
)
def test_a_startup_that_says_it_is_joining_a_company_was_bought_for_its_team(text, deal_id):
    _, result = _analyse(text, WATCHLIST)
    ids = {d.deal_id for d in result.deals}
    assert ids == ({deal_id} if deal_id else set()), result.deals


def test_a_name_before_a_clause_that_opens_on_the_company_is_no_party():
    # "…by Jane Roe, the company is said to …": "the company" is the clause's subject, not an
    # appositive calling Jane Roe a company
    _, result = _analyse(
        "Halcyon moves into robotics\n\n"
        "Halcyon wants a foothold in robotics. In a May 2 report by Jane Roe, the company is said "
        "to be paying about $300 million for Orbis Robotics, with the team expected to join "
        "Halcyon's research group.",
        WATCHLIST,
    )
    assert {(d.acquirer, d.target) for d in result.deals} == {("Halcyon", "Orbis Robotics")}


@pytest.mark.parametrize(
    ("text", "deal_ids"),
    [
        (
            "Norvex buys 300 engineers from Orbis\n\n"
            "Norvex bought 300 engineers from the phone maker Orbis, paying $400 million, to "
            "build its own handsets.",
            {"norvex--orbis"},
        ),
        (  # the purchase of a company, whose employees the sentence names afterwards
            "Norvex to buy Orbis\n\n"
            "Norvex agreed to acquire the phone maker Orbis for $400 million. Norvex has "
            "structured the acquisition to ensure all Orbis employees receive payouts.",
            set(),
        ),
    ],
    ids=["people-bought", "company-bought"],
)
def test_buying_a_companys_people_is_an_acqui_hire(text, deal_ids):
    _, result = _analyse(text, WATCHLIST)
    assert {d.deal_id for d in result.deals} == deal_ids
    assert all(d.kind == "acquihire" for d in result.deals)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (  # a spelling of acqui-hire as a purchase of people
            "Halcyon buys Orbis\n\n"
            "Halcyon has bought Orbis, the maker of a note-taking app, according to a post on the "
            "Orbis website. It looks like one more acquire-hire deal for Halcyon. \"We're excited "
            "to join Halcyon's mobile team,\" the post said.",
            "en",
        ),
        (  # the product closes once the company is bought
            "Halcyon buys Orbis\n\n"
            "Halcyon has bought Orbis, the maker of a note-taking app, according to a post on the "
            "Orbis website. \"We're excited to join Halcyon's mobile team,\" the post said. The "
            "note-taking app will shut down at the end of the month.",
            "en",
        ),
        (
            "Facebook compra Orbis\n\n"
            "Facebook ha comprato Orbis, una piccola startup di Torino. Il team di Orbis si unirà "
            "al gruppo mobile di Facebook. Orbis ha deciso di sospendere il proprio servizio.",
            "it",
        ),
    ],
    ids=["acquire-hire", "app-shuts-down", "servizio-sospeso"],
)
def test_a_purchase_whose_product_closes_or_that_is_called_so_is_an_acqui_hire(text, language):
    article, result = _analyse(text, WATCHLIST)
    assert article.language == language
    buyer = "meta" if language == "it" else "halcyon"
    assert [(d.deal_id, d.kind, d.role) for d in result.deals] == [
        (f"{buyer}--orbis", "acquihire", "subject")
    ]


def test_the_same_purchase_told_plainly_is_no_deal():
    _, result = _analyse(
        "Halcyon buys Orbis\n\n"
        "Halcyon has bought Orbis, the maker of a note-taking app, for $900 million. Orbis will "
        "keep its brand and its app, and its 400 employees stay in Turin.",
        WATCHLIST,
    )
    assert result.deals == ()


@pytest.mark.parametrize(
    ("phrase", "company"),
    [("il team di Orbis", True), ("l'équipe d'Orbis", True), ("das Team von Orbis", True),
     ("die Mitarbeiter des Unternehmens", False)],
)  # fmt: skip
def test_a_word_for_people_and_of_before_a_name_makes_it_a_company(phrase, company):
    language = {"il": "it", "l'": "fr"}.get(phrase.split()[0][:2], "de")
    text = f"Titel\n\nHeute hat {phrase} etwas gesagt."
    sentences = split_sentences(text)
    names = find_names(sentences, WATCHLIST, lexicon_for(language))
    name = "Orbis" if company else "Unternehmens"
    assert ("team_of" in names.evidence.get(name, set())) is company


def test_the_company_of_a_quoted_speaker_is_no_party_to_the_quote():
    _, result = _analyse(
        "Halcyon buys app maker Orbis\n\n"
        "Halcyon said it bought Orbis, a maker of mobile apps, on Thursday. "
        '"We have acquired a very talented team to build our mobile products at Halcyon," Jane '
        "Roe, vice president of Consumer Devices, wrote on the company's blog.",
        WATCHLIST,
    )
    assert [(d.deal_id, d.role) for d in result.deals] == [("halcyon--orbis", "subject")]


def test_the_speaker_of_a_quote_about_joining_is_the_one_who_joins():
    _, result = _analyse(
        "Orbis is joining Halcyon\n\n"
        "On Monday, Orbis AI said on its blog that it's joining Halcyon, and that it is shutting "
        "down its app next month. "
        '"We are thrilled to join Halcyon and its research group," Orbis co-founder and chief '
        "executive Jane Roe wrote in the post.",
        WATCHLIST,
    )
    [deal] = result.deals
    assert deal.deal_id == "halcyon--orbis-ai"
    assert deal.people == ("Jane Roe",)


def test_a_body_sentence_listing_names_is_no_heading():
    # most long words of a sentence that lists founders are capitalised, as in a heading, but
    # a heading does not end on a full stop
    text = "Title\n\nIts founders include Mara Quist, Tomas Ebbing, Lena Vold and Piet Ruhl."
    sentences = split_sentences(text)
    assert not sentences[1].title_case
    names = find_names(sentences, EMPTY_WATCHLIST, lexicon_for("en"))
    assert [p.name for p in names.people[1]] == [
        "Mara Quist",
        "Tomas Ebbing",
        "Lena Vold",
        "Piet Ruhl",
    ]


def test_a_buyer_named_alone_is_no_persons_given_name():
    # "Halcyon Chess" looks like a person's name, but Halcyon alone buys things
    _, result = _analyse(
        "Halcyon hires a poker team\n\n"
        "Halcyon's first game was Halcyon Chess, and that game still does well today. Today, "
        "Halcyon is acquiring the team from Orbis, a company in Austin. Halcyon will not "
        "acquire the company's site, but rather will be hiring the team behind the company.",
        EMPTY_WATCHLIST,
    )
    assert [d.deal_id for d in result.deals] == ["halcyon--orbis"]


@pytest.mark.parametrize("place", ["New York City", "Sunnyvale", "the United States"])
def test_a_city_is_a_place(place):
    _, result = _analyse(
        "Halcyon buys Orbis\n\n"
        "Halcyon bought Orbis on Thursday. \"We've acquired a talented team, and the team behind "
        f'Orbis and Quillon will be joining our group in {place}," Halcyon said. The Orbis app will '
        "shut down.",
        EMPTY_WATCHLIST,
    )
    assert {d.target for d in result.deals} | {d.acquirer for d in result.deals} <= {
        "Halcyon",
        "Orbis",
        "Quillon",
    }


def test_a_deal_verb_opening_a_quote_is_no_persons_name():
    text = (
        'Title\n\n"Joining Halcyon lets our team grow," said Jane Roe, who founded Orbis in 2019.'
    )
    sentences = split_sentences(text)
    names = find_names(sentences, EMPTY_WATCHLIST, lexicon_for("en"))
    assert [p.name for p in names.people[1]] == ["Jane Roe"]


def test_a_buyers_list_of_described_startups_names_each_as_an_acqui_hire():
    _, result = _analyse(
        "How Halcyon grows its app team\n\n"
        "Halcyon has been quietly buying small startups so that their teams can build its "
        "apps. This year Halcyon's acquisitions have included travel app Orbis, note tool "
        "Quillon and music service Tembra. Each had about a dozen employees, a small part of "
        "Halcyon's 900-person staff. Orbis co-founder Jane Roe now runs Halcyon's travel group, "
        "and the Orbis app was shut down in May.",
        EMPTY_WATCHLIST,
    )
    assert {(d.deal_id, d.kind) for d in result.deals} == {
        ("halcyon--orbis", "acquihire"),
        ("halcyon--quillon", "acquihire"),
        ("halcyon--tembra", "acquihire"),
    }
    # the buyer's own staff is no startup's headcount
    assert not [c for c in result.claims if c.high == 900]


@pytest.mark.parametrize(
    "sentence",
    [
        "The small studio behind Orbis was being bought by Halcyon, its founder wrote.",
        "Orbis has been acquired by Halcyon, its founder wrote.",
    ],
)
def test_a_company_bought_by_another_is_the_one_bought(sentence):
    text = f"Title\n\n{sentence}"
    sentences = split_sentences(text)
    lex = lexicon_for("en")
    names = find_names(sentences, EMPTY_WATCHLIST, lex)
    found = relations_in(sentences, names, lex)
    assert {(r.acquirer, r.target) for r in found if r.kind == "acquire"} == {("Halcyon", "Orbis")}


@pytest.mark.parametrize(
    ("language", "text", "buyer"),
    [
        ("de", "Titel\n\nDas Start-up Orbis, dessen Übernahme durch Amazon bereits vorbereitet war, "
               "aber letztlich durch einen Deal mit Microsoft zerschlagen wurde, gehört nun zu Microsoft.",
         "Amazon"),
        ("en", "Title\n\nThe startup Orbis was being bought by Norvex, but the talks collapsed in May.",
         "Norvex"),
    ],
)  # fmt: skip
def test_a_purchase_that_the_next_clause_says_failed_is_failed(language, text, buyer):
    sentences = split_sentences(text)
    lex = lexicon_for(language)
    names = find_names(sentences, WATCHLIST, lex)
    [bought] = [r for r in relations_in(sentences, names, lex) if r.kind == "acquire"]
    assert (bought.acquirer, bought.target, bought.failed) == (buyer, "Orbis", True)


@pytest.mark.parametrize("opening", ["We've", "They’ve", "We’d"])
def test_a_contraction_opening_a_quote_is_no_name(opening):
    _, result = _analyse(
        "Halcyon buys Orbis\n\n"
        f'Halcyon bought Orbis on Thursday. "{opening} acquired a team that will build apps for '
        'Halcyon," Jane Roe said. The Orbis app will shut down.',
        EMPTY_WATCHLIST,
    )
    parties = {d.acquirer for d in result.deals} | {d.target for d in result.deals}
    assert parties <= {"Halcyon", "Orbis"}


def test_a_company_named_after_a_count_of_its_staff_is_still_named():
    # "About 15 Orbis employees": a count, then the company whose people they are
    text = (
        "Title\n\nOrbis's technology will be shut down. About 15 Orbis employees will also move "
        "over to Halcyon."
    )
    sentences = split_sentences(text)
    lex = lexicon_for("en")
    names = find_names(sentences, EMPTY_WATCHLIST, lex)
    assert [o.name for o in names.orgs[2]] == ["Orbis", "Halcyon"]
    moves = [r for r in relations_in(sentences, names, lex) if r.kind == "hire"]
    assert [(r.acquirer, r.target) for r in moves] == [("Halcyon", "Orbis")]


def test_a_company_before_a_title_is_no_persons_surname():
    text = (
        "Title\n\nHalcyon has bought Orbis, a messaging company. Orbis CEO Jane Roe said the "
        "pitch was simple: 'Grow Orbis at Halcyon scale!'"
    )
    sentences = split_sentences(text)
    names = find_names(sentences, EMPTY_WATCHLIST, lexicon_for("en"))
    people = {p.name for found in names.people for p in found}
    assert people == {"Jane Roe"}


def test_the_known_talent_deal_is_the_startups_deal_beside_a_later_buyer():
    # a rival that bought what was left of the startup may be told more surely than the talent
    # deal the watchlist knows; the startup is still that deal's target
    talent = Deal("Google", "Windsurf", "licence_and_hire", 0.66, [])
    later = Deal("Norvex", "Windsurf", "investment_and_hire", 0.79, [])
    other = Deal("Norvex", "Orbis", "acquihire", 0.8, [])
    kept = _one_per_target([later, talent, other], WATCHLIST)
    assert [(d.acquirer, d.target) for d in kept] == [("Google", "Windsurf"), ("Norvex", "Orbis")]
    # without a known deal for the startup, the surer payer stays
    assert _one_per_target([later, talent], EMPTY_WATCHLIST) == [later]


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        (
            "Halcyon hires Orbis founders\n\nHalcyon paid $300 million to license Orbis's models and "
            "hired its founders. The remaining 80 employees stay at Orbis.",
            "80 employees",
        ),
        (
            "谷歌挖走Orbis创始团队\n\n谷歌以3亿美元签订Orbis技术许可协议,挖走了公司创始团队,"
            "剩下的80名员工留在Orbis。",
            "80名员工",
        ),
    ],
)
def test_the_staff_who_stay_behind_are_not_hired(text, stated):
    _, result = _analyse(text, WATCHLIST)
    assert result.deals, "the deal is read"
    assert stated not in {c.stated for c in result.claims if c.metric == "staff_hired"}


def test_a_headline_about_the_practice_heads_a_round_up():
    _, result = _analyse(
        "Why acqui-hires keep regulators up at night\n\n"
        "Google paid $2.4 billion last month to license Windsurf's technology and hire its "
        "chief executive. Microsoft had done the same with Inflection AI, paying $650 million "
        "and hiring Mustafa Suleyman. Regulators have struggled to respond to such deals.",
        WATCHLIST,
    )
    assert result.relevance == "mentioned", result.deals
    assert {d.role for d in result.deals} == {"mentioned"}


def test_the_subject_model_never_makes_a_round_ups_deal_the_subject():
    told = [Relation("acquire", "Halcyon", "Orbis", 1, 1.0, False)]
    assert not _told_aside(Deal("Halcyon", "Orbis", "acquihire", 0.9, told))
    assert _told_aside(Deal("Halcyon", "Orbis", "acquihire", 0.9, told, in_series=True))


def test_one_buyers_acqui_hires_in_a_headline_are_its_news():
    _, result = _analyse(
        "Halcyon Acqui-Hires Two Robotics Teams\n\n"
        "Halcyon said on Monday it has acqui-hired the teams behind Orbis Robotics and Quillon "
        "Labs, paying an undisclosed sum. The founders of both startups will join Halcyon.",
        EMPTY_WATCHLIST,
    )
    assert result.relevance == "subject", result.deals


def test_a_japanese_name_joined_to_its_kind_word_is_a_company():
    # "ロボット開発スタートアップ・オルビス(Orbis)": the name comes after the kind word and "・"
    text = (
        "アップルが新興企業を買収\n\n"
        "アップルは、人材および技術を確保するために、ロボット開発スタートアップ・オルビス(Orbis)を"
        "買収した。オルビスの従業員は約12人。"
    )
    _, result = _analyse(text, WATCHLIST)
    assert [(d.deal_id, d.role) for d in result.deals] == [("apple--orbis", "subject")]


def test_facebook_in_hangul_is_meta_and_it_is_no_company():
    _, result = _analyse(
        "페이스북, 스타트업 인수\n\n"
        "인재 확보를 위해 소규모 벤처를 인수하는 미국 정보기술(IT) 기업들이 늘고 있다. "
        "페이스북은 최근 스타트업 ‘오르비스’(Orbis)를 인수했다. 오르비스 직원 5명은 모두 페이스북에 "
        "합류했다.",
        WATCHLIST,
    )
    assert [d.deal_id for d in result.deals] == ["meta--orbis"]


def test_a_glossed_generic_acronym_is_no_company():
    text = "제목\n\n미국 정보기술(IT) 기업과 소셜네트워크서비스(SNS) 업체들이 스타트업을 사들이고 있다."
    sentences = split_sentences(text)
    names = find_names(sentences, WATCHLIST, lexicon_for("ko"))
    assert not {"IT", "SNS"} & set(names.kinds)


def test_a_persons_past_employer_is_no_party_to_what_follows():
    _, result = _analyse(
        "Two Amazon hires leave after weeks\n\n"
        "Two researchers have left Amazon's new lab weeks after joining. Jane Roe had previously "
        "worked at the AI startup Orbis. For Amazon, which is pouring billions into its lab and "
        "aggressively recruiting top talent, losing hires this quickly is a setback. There could "
        "be friction inside the lab, like pay gaps between longtime staff and new hires.",
        WATCHLIST,
    )
    assert result.deals == ()


@pytest.mark.parametrize("adjective", ["AI-powered", "AI-first", "data-driven"])
def test_a_hyphenated_adjective_before_a_product_is_no_company(adjective):
    _, result = _analyse(
        "Halcyon hires a coaching startup's founders\n\n"
        f"Halcyon has hired the three co-founders of the {adjective} coaching tool Orbis, who "
        "announced the move on Thursday. The Orbis product will be wound down.",
        EMPTY_WATCHLIST,
    )
    assert {(d.acquirer, d.target) for d in result.deals} == {("Halcyon", "Orbis")}


def test_japanese_founding_members_move_and_found_nothing():
    # "創業メンバー" (the founding members) move to Google: a hire, and no founding year
    _, result = _analyse(
        "Windsurf創業者がGoogleへ\n\n"
        "2025年7月11日、AI搭載のコーディングツールで知られる米Windsurfの創業メンバーが、Google(DeepMind)"
        "に移籍することが発表された。Googleは24億ドルで人材獲得に成功した。",
        WATCHLIST,
    )
    assert [(d.deal_id, d.role) for d in result.deals] == [("google--windsurf", "subject")]
    assert not [c for c in result.claims if c.metric == "founded_year"]


@pytest.mark.parametrize(
    ("headline", "role"),
    [
        ("Character.AI Appoints New CEO Amid Lawsuit", "mentioned"),
        ("Character.AI's founders hired back in $2.7 billion deal", "subject"),
    ],
)
def test_a_headline_naming_only_the_startup_must_tell_the_deal(headline, role):
    _, result = _analyse(
        f"{headline}\n\n"
        "Character.AI named a new chief executive on Friday as it fights a lawsuit over its "
        "chatbots. The company now relies on open-source models. The shift started after Google "
        "paid $2.7 billion to license the startup's models and hired its founders, Noam Shazeer "
        "and Daniel De Freitas.",
        WATCHLIST,
    )
    assert [(d.deal_id, d.role) for d in result.deals] == [("google--character-ai", role)]


def test_a_company_bought_for_a_person_is_an_acquihire_of_that_person():
    _, result = _analyse(
        "Halcyon's shopping list\n\n"
        "Halcyon bought Lumeo for Dana Whitcombe. She will help Halcyon build its assistant.",
        EMPTY_WATCHLIST,
    )
    [deal] = result.deals
    assert deal.deal_id == "halcyon--lumeo"
    assert deal.kind == "acquihire"
    assert deal.people == ("Dana Whitcombe",)


def test_a_state_written_after_a_city_is_no_company_a_team_joins():
    text = (
        "Halcyon buys Lumeo\n\n"
        "Halcyon has acquired Lumeo, a photo-sharing startup. "
        "Following the deal, Lumeo said it will shut down its app in “the coming weeks,” and join "
        "Halcyon’s imaging team at the Sunnyvale, Calif., headquarters, near the Portland, Ore., office."
    )
    lex = lexicon_for("en")
    sentences = split_sentences(text)
    names = find_names(sentences, EMPTY_WATCHLIST, lex)
    named = company_names(names)
    assert not named & {"Calif", "Calif.", "Ore", "Ore."}, named
    relations = relations_in(sentences, names, lex)
    assert {(r.acquirer, r.target) for r in relations if r.kind == "hire"} == {
        ("Halcyon", "Lumeo")
    }, relations


def test_a_heading_run_into_its_sentence_gives_no_name_ending_on_an_article():
    text = "Deal Terms and Their Meaning The purchase brings three engineers from Lumeo to Halcyon."
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("en"))
    named = company_names(names)
    assert not any(n.split()[-1] in {"The", "A", "An"} for n in named), named


def test_a_purchase_whose_apps_leave_the_store_is_an_acquihire():
    _, result = _analyse(
        "Halcyon buys messaging startup Lumeo\n\n"
        "Halcyon has announced it is acquiring messaging startup Lumeo. "
        "All Lumeo apps have been removed from the App Store since the announcement.",
        EMPTY_WATCHLIST,
    )
    assert [(d.deal_id, d.kind) for d in result.deals] == [("halcyon--lumeo", "acquihire")]


@pytest.mark.parametrize(
    ("price", "deal"),
    [
        ("Terms of the deal were not disclosed.", True),
        ("Halcyon spent close to $2 billion on the deal, its largest ever.", False),
    ],
)
def test_a_purchase_whose_team_joins_the_buyer_is_an_acquihire_unless_a_price_buys_it_whole(
    price, deal
):
    _, result = _analyse(
        "Halcyon opens a lab in Lisbon\n\n"
        "Halcyon confirmed the purchase of Lumeo, a local start-up building network software. "
        + price
        + " The lab's staff will be joined by six of Lumeo's eight employees.",
        EMPTY_WATCHLIST,
    )
    assert (_deal_ids(result) == {"halcyon--lumeo"}) is deal, result.deals


def test_a_purchase_that_nearly_happened_is_no_deal_beside_a_later_hire():
    _, result = _analyse(
        "Brightline recrute l'équipe de Lumeo\n\n"
        "La start-up Lumeo, qui avait failli se faire racheter en 2019 par "
        "Halcyon, vient de voir son équipe technique se faire recruter par Brightline.",
        EMPTY_WATCHLIST,
    )
    assert "halcyon--lumeo" not in _deal_ids(result), result.deals


def test_a_team_named_after_its_company_with_an_acronym_is_a_unit_never_a_target():
    _, result = _analyse(
        "Brightline hires Halcyon's models chief\n\n"
        "Brightline has recruited Halcyon's top executive for AI models, Jo Marren, Bloomberg "
        "reported. The departure hurts Halcyon. Marren, who managed the Halcyon Vision Models "
        "(HVM) team, joined Halcyon from Corvid in 2021.",
        Watchlist(
            acquirers=tuple(Entity(n, "acquirer") for n in ("Halcyon", "Brightline", "Corvid"))
        ),
    )
    assert not any(d.target == "HVM" for d in result.deals), result.deals


def test_the_team_of_two_named_people_makes_neither_a_company():
    text = (
        "Halcyon buys Lumeo\n\n"
        "Halcyon has bought Lumeo, a start-up from two early Brightline engineers. "
        "The husband-and-wife team of Priya Nandan and Tomas Erkel will lead Halcyon's design group."
    )
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("en"))
    named = company_names(names)
    assert not named & {"Priya Nandan", "Nandan", "Tomas Erkel"}, named


def test_a_startup_saying_we_are_joining_its_buyer_makes_the_purchase_an_acquihire():
    _, result = _analyse(
        "Halcyon snaps up vision start-up Lumeo\n\n"
        "Halcyon has acquired vision start-up Lumeo for an undisclosed amount.\n\n"
        "Lumeo said:\n\n"
        '"Today, after a wonderful year of research, we are excited to announce that we are '
        'joining Halcyon."',
        EMPTY_WATCHLIST,
    )
    assert _deal_ids(result) == {"halcyon--lumeo"}, result.deals


def test_an_app_founded_by_people_whose_staff_join_the_buyer_is_a_company_bought_for_them():
    _, result = _analyse(
        "Halcyon acquires Lumeo, an app to plan meetings\n\n"
        "Halcyon has announced the acquisition of the meeting-planning app Lumeo. "
        "The financial details were not made public. "
        "Lumeo is founded by economist Dana Whitcombe and Jo Marren. "
        "It currently has 12 employees who will join the Halcyon Apps group.",
        Watchlist(acquirers=(Entity("Halcyon", "acquirer"),)),
    )
    assert _deal_ids(result) == {"halcyon--lumeo"}, result.deals
    assert ("staff_hired", 12.0) in {(c.metric, c.low) for c in result.claims}, result.claims


def test_a_person_with_a_post_at_a_law_firm_is_no_company_and_the_firm_no_party():
    text = (
        "Investors want safeguards in licence-and-hire deals\n\n"
        "Halcyon paid $900 million to license Lumeo's models and hire its founders. "
        "Dana Whitcombe, a partner at the law firm Brightwater, noted that investors now ask for "
        'safeguards against such "acqui-hire" deals.'
    )
    watchlist = Watchlist(acquirers=(Entity("Halcyon", "acquirer"),))
    _, result = _analyse(text, watchlist)
    assert _deal_ids(result) == {"halcyon--lumeo"}, result.deals
    names = find_names(split_sentences(text), watchlist, lexicon_for("en"))
    assert "Dana Whitcombe" not in company_names(names)


def test_degrees_are_no_company_and_a_headline_kind_word_is_no_part_of_the_name():
    text = (
        "Halcyon Acquires AI Startup Lumeo Labs\n\n"
        "Halcyon Acquires AI Startup Lumeo Labs for an undisclosed amount. "
        "Halcyon has also hired 30 researchers with Ph.D.s this year."
    )
    watchlist = Watchlist(acquirers=(Entity("Halcyon", "acquirer"),))
    names = find_names(split_sentences(text), watchlist, lexicon_for("en"))
    named = company_names(names)
    assert "Lumeo Labs" in named, named
    assert not named & {"AI Startup Lumeo Labs", "Ph.D.s", "Ph.D"}, named


def test_a_product_named_after_the_startup_is_no_person_that_hides_the_startup():
    # two capitalised words after "the" name a thing: read as a person, "Lumeo" would have been
    # that person's given name and never the company bought
    _, result = _analyse(
        "Halcyon buys Lumeo for $12M\n\n"
        "Halcyon has purchased Lumeo, maker of the Lumeo Frame, a rival of the Orbis Dock. "
        "Halcyon confirmed only that it had acquired some employees and assets of Lumeo.",
        EMPTY_WATCHLIST,
    )
    assert _deal_ids(result) == {"halcyon--lumeo"}, result.deals
    names = find_names(
        split_sentences("Halcyon bought the Lumeo Frame maker."), EMPTY_WATCHLIST, lexicon_for("en")
    )
    assert not {p.name for found in names.people for p in found}, names.people


def _watchlist_with_a_leader(tmp_path) -> Watchlist:
    return _watchlist_of(
        tmp_path,
        '[[acquirer]]\nname = "Halcyon"\n\n'
        '[[person]]\nname = "Dana Whitlow"\naliases = ["Whitty"]\nleads = "Halcyon"\n',
    )


@pytest.mark.parametrize(
    "payer",
    ["Dana Whitlow", "Whitty", "Halcyon boss Dana Whitlow"],
    ids=["name", "nickname", "titled"],
)
def test_the_head_of_a_listed_company_pays_and_hires_for_it(tmp_path, payer):
    # the story tells the deal in the name of the buyer's chief, never naming the buyer where it
    # tells the payment
    _, result = _analyse(
        "A bet on Lumeo's founders\n\n"
        f"{payer} is paying $2 billion for 40% of Lumeo, a vision start-up, and hiring its "
        "founder Priya Nandan to run a new research group.",
        _watchlist_with_a_leader(tmp_path),
    )
    assert _deal_ids(result) == {"halcyon--lumeo"}, result.deals
    assert stated_claims(result) >= {
        ("deal_amount_usd", "$2 billion"),
        ("stake_pct", "40%"),
    }, result.claims


def test_a_long_name_ending_on_company_words_is_one_name_and_its_short_name_names_it():
    # "Technology" is also a title's word ("Chief Technology Officer"); before another company
    # word at the end of a name it is part of the name, and the short name given to it is the
    # one the rest of the story uses
    _, result = _analyse(
        "Halcyon to buy a Swiss start-up\n\n"
        "Halcyon announced that it intends to acquire Swiss startup Karvon Vision Technology "
        "Solutions or Lumeo for short. The deal is an acqui-hire, as Halcyon adds the 9 engineers "
        "of Karvon Vision Technology Solutions to its imaging group. Lumeo was founded in 2017.",
        EMPTY_WATCHLIST,
    )
    assert _deal_ids(result) == {"halcyon--lumeo"}, result.deals
    assert ("founded_year", 2017.0) in {(c.metric, c.low) for c in result.claims}, result.claims
    names = find_names(
        split_sentences("Orbis bought Karvon Vision Technology Solutions on Monday."),
        EMPTY_WATCHLIST,
        lexicon_for("en"),
    )
    assert "Karvon Vision Technology Solutions" in {o.name for f in names.orgs for o in f}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Halcyon has acquired the team of a photo-editing startup, Lumeo."),
        (
            "ja",
            "ハルシオンは、写真編集サービスを提供するスタートアップ、Lumeo のチームを買収した。",
        ),
        ("ja", "ハルシオンは、スタートアップのLumeo のチームを買収した。"),
    ],
    ids=["comma", "ja-comma", "ja-particle"],
)
def test_a_kind_word_before_a_comma_or_a_particle_says_the_name_after_it_is_a_company(
    language, sentence
):
    names = find_names(split_sentences(sentence), EMPTY_WATCHLIST, lexicon_for(language))
    assert names.evidence.get("Lumeo"), names.evidence


def test_a_title_case_kind_word_before_a_comma_names_nothing():
    # a headline capitalises its verbs: "Startup, Continues" is a kind word and a verb
    text = "Halcyon Snaps up Oslo-based AI Startup, Continues to Strengthen AI Talent"
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("en"))
    assert "Continues" not in {o.name for f in names.orgs for o in f}


@pytest.mark.parametrize(
    "sentence",
    ["Founded in 2014, Lumeo originally made games.", "In 2019, Lumeo quietly moved to Oslo."],
)
def test_a_name_after_a_year_closed_by_a_comma_is_read(sentence):
    # a figure right before a name is a table's column ("$2.7B Consumer chatbot"); a year that a
    # comma closes ends the phrase before the sentence's subject
    text = f"Halcyon hires the Lumeo team\n\nHalcyon has acqui-hired the Lumeo team. {sentence}"
    sentences = split_sentences(text)
    names = find_names(sentences, EMPTY_WATCHLIST, lexicon_for("en"))
    assert "Lumeo" in {o.name for o in names.orgs[sentences[-1].index]}, names.orgs


@pytest.mark.parametrize("opening", ["Enter Lumeo.", "Meet Lumeo, a photo start-up."])
def test_a_verb_presenting_a_company_makes_no_person_of_it(opening):
    # read as a person "Enter Lumeo", the company would be that person's surname everywhere
    text = f"Lumeo gets acquired by Halcyon\n\nHalcyon needed a photo team. {opening} It sold fast."
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("en"))
    assert not {p.name for found in names.people for p in found}, names.people
    assert "Lumeo" in company_names(names), names.orgs


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "fr",
            "Halcyon annonce une opération de croissance externe : l’acquisition de Karla Vent.",
        ),
        ("en", "Halcyon confirmed the purchase of Karla Vent on Monday."),
    ],
)
def test_what_a_purchase_is_of_is_a_company_never_a_person(language, sentence):
    # two capitalised words with nothing else to go on read as a person's name; bought, they
    # name a company
    names = find_names(split_sentences(sentence), EMPTY_WATCHLIST, lexicon_for(language))
    assert "Karla Vent" in {o.name for f in names.orgs for o in f}, (names.orgs, names.people)


def test_time_spent_is_no_payment():
    text = (
        "Title\n\nJane Roe, who spent a year building the photo app Lumeo, also left Oslo to lead "
        "Halcyon and then Orbis."
    )
    lex = lexicon_for("en")
    sentences = split_sentences(text)
    relations = relations_in(sentences, find_names(sentences, EMPTY_WATCHLIST, lex), lex)
    assert not [r for r in relations if r.kind == "pay"], relations


def test_a_listed_company_spelt_in_hangul_once_beside_its_latin_name_is_it_thereafter(tmp_path):
    path = tmp_path / "watchlist.toml"
    path.write_text(
        '[[acquirer]]\nname = "Halcyon"\naliases = ["할시온"]\n\n[[startup]]\nname = "Lumeo"\n'
    )
    text = (
        "할시온, 루메오에 투자\n\n할시온이 반도체 스타트업 루메오(Lumeo)에 9억달러를 투자했다. "
        "2019년 설립된 루메오는 네트워킹 칩을 개발하는 스타트업이다."
    )
    sentences = split_sentences(text)
    names = find_names(sentences, load_watchlist(path), lexicon_for("ko"))
    assert "Lumeo" in {o.name for o in names.orgs[sentences[-1].index]}, names.orgs


def test_a_startup_named_by_its_web_address_and_without_it_is_one_company():
    _, result = _analyse(
        "Halcyon acqui-hires Lumeo\n\nHalcyon has acqui-hired the team of Lumeo.io, a photo "
        "start-up, for $12 million. Lumeo's five engineers will join Halcyon.",
        EMPTY_WATCHLIST,
    )
    assert _deal_ids(result) == {"halcyon--lumeo"}, result.deals


def test_where_a_team_is_based_is_a_place():
    text = "Title\n\nThe Lumeo team, once based in Tromsvik, now works for Halcyon."
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("en"))
    assert "Tromsvik" not in {o.name for f in names.orgs for o in f}, names.orgs


def test_a_startup_named_with_dot_ai_and_without_it_keeps_its_full_name():
    _, result = _analyse(
        "Halcyon acqui-hires Quillo\n\nHalcyon has acqui-hired the team of Quillo.ai, a speech "
        "start-up, for $12 million. Quillo's five engineers will join Halcyon.",
        EMPTY_WATCHLIST,
    )
    assert _deal_ids(result) == {"halcyon--quillo-ai"}, result.deals


def test_the_team_people_join_inside_the_buyer_is_no_party_and_the_purchase_is_of_their_company():
    _, result = _analyse(
        "Halcyon buys Quillo\n\nHalcyon has bought Quillo, a speech start-up from Tromsvik. The "
        "start-up's four engineers will be joining the Bramble team in Halcyon's devices group. "
        "Terms were not disclosed.",
        EMPTY_WATCHLIST,
    )
    assert _deal_ids(result) == {"halcyon--quillo"}, result.deals


def test_a_title_case_headline_names_the_object_of_its_verb_after_an_unlisted_buyer():
    text = (
        "Halcyon Buys Lumeo in Push for Photos\n\nHalcyon is buying Lumeo, a photo start-up. "
        "Halcyon CEO Mia Berg said Lumeo's founders will join Halcyon."
    )
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("en"))
    assert [o.name for o in names.orgs[0]] == ["Halcyon", "Lumeo"], names.orgs[0]


def test_a_purchase_made_in_a_bid_to_grow_did_not_fail():
    text = (
        "Title\n\nHalcyon is buying Lumeo in a bid to expand its photo search. Halcyon CEO Mia "
        "Berg spoke of Lumeo's staff."
    )
    sentences = split_sentences(text)
    lex = lexicon_for("en")
    names = find_names(sentences, EMPTY_WATCHLIST, lex)
    found = [r for r in relations_in(sentences, names, lex) if r.sentence == 1]
    assert found and not any(r.failed for r in found), found


def test_a_unit_named_by_its_companys_name_run_on_is_that_company():
    # "Halcyonlabs" is Halcyon's own unit: people joining it join Halcyon
    _, result = _analyse(
        "Halcyon buys Lumeo\n\nHalcyon has bought Lumeo, a photo start-up. Lumeo's CEO will "
        "lead Halcyon's photo products, with most of his team joining Halcyonlabs.",
        EMPTY_WATCHLIST,
    )
    assert _deal_ids(result) == {"halcyon--lumeo"}, result.deals


def test_snapchat_is_snap():
    _, result = _analyse(
        "Snapchat acqui-hires Lumeo\n\nSnapchat has acqui-hired the team of Lumeo, a photo "
        "start-up, for $12 million.",
        WATCHLIST,
    )
    assert _deal_ids(result) == {"snap--lumeo"}, result.deals


@pytest.mark.parametrize(
    "price",
    ["$30 million", "an undisclosed sum"],
)
def test_a_small_purchase_whose_people_continue_their_work_at_the_buyer_is_an_acquihire(price):
    _, result = _analyse(
        f"Halcyon buys Lumeo\n\nHalcyon has acquired Lumeo, a photo start-up, for {price}. In a "
        "blog post the start-up wrote that “we will be continuing our research at Halcyon”.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--lumeo": "subject"}, result.deals


def test_a_purchase_at_a_large_price_whose_people_continue_their_work_is_no_acquihire():
    _, result = _analyse(
        "Halcyon buys Lumeo\n\nHalcyon has acquired Lumeo, a photo start-up, for $900 million. In "
        "a blog post the start-up wrote that “we will be continuing our research at Halcyon”.",
        EMPTY_WATCHLIST,
    )
    assert not result.deals, result.deals


def test_former_staff_who_now_work_within_the_buyer_moved_to_it():
    _, result = _analyse(
        "Halcyon buys Lumeo\n\nHalcyon quietly acquired Lumeo, a photo start-up. Several of "
        "Lumeo's former employees, including a co-founder, now work within Halcyon's camera groups.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--lumeo": "subject"}, result.deals


def test_a_turkish_founder_put_at_the_head_of_the_buyers_unit_mentions_the_known_deal():
    article, result = _analyse(
        "Mustafa Süleyman'ın yeni görevi\n\nYapay zeka dünyasının tanınan isimlerinden Mustafa "
        "Süleyman, kurduğu Inflection AI girişiminin ardından Microsoft'un tüketici yapay zeka "
        "biriminin başına getirildi. Şirket bugün yeni bir strateji açıkladı ve çalışanlarına "
        "uzun bir mektup gönderdi.",
        WATCHLIST,
    )
    assert article.language == "tr"
    assert _roles(result) == {"microsoft--inflection-ai": "mentioned"}, result.deals


def test_german_staff_named_by_a_compound_and_taken_on_by_the_buyer_moved():
    article, result = _analyse(
        "Nvidia kauft Lumeo\n\nNvidia hat überraschend das Start-up Lumeo gekauft, verrät aber "
        "keine Details zum Preis. Laut Pressemitteilung werden alle neun Lumeo-Mitarbeiter von "
        "Nvidia übernommen und die zwei Gründer ins Entwicklungsteam integriert.",
        WATCHLIST,
    )
    assert article.language == "de"
    assert _roles(result) == {"nvidia--lumeo": "subject"}, result.deals
    assert ("staff_hired", 9.0) in {(c.metric, c.low) for c in result.claims}, result.claims


def test_the_microblogging_site_is_the_company_last_named_that_runs_one():
    article, result = _analyse(
        "Twitter poursuit ses achats\n\nTwitter poursuit sa stratégie de croissance externe. Le "
        "site de micro-blogging vient d’officialiser le rachat de Lumeo, une jeune pousse de "
        "Boston. Ses équipes rejoindront celles de Twitter dans des conditions non précisées.",
        WATCHLIST,
    )
    assert article.language == "fr"
    assert _roles(result) == {"twitter--lumeo": "subject"}, result.deals


def test_the_startup_a_person_founded_is_theirs_over_a_former_companys_title():
    _, result = _analyse(
        "Orbis cofounder Mia Berg now works for Halcyon\n\nOrbis cofounder Mia Berg is joining "
        "Halcyon. Halcyon announced that it is acquiring Lumeo, the photo app Berg founded in "
        "2019. Both Berg and cofounder Tom Hale are joining Halcyon as a result of the acquisition.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--lumeo": "subject"}, result.deals
    years = {(c.metric, c.low) for c in result.claims}
    assert ("founded_year", 2019.0) in years, result.claims


def test_a_team_the_buyer_says_will_fit_with_its_own_moves_to_it():
    _, result = _analyse(
        "Halcyon has bought Lumeo, a photo-sharing service.\n\nLumeo confirmed the purchase on "
        "its blog. “With the Lumeo team’s expertise in photo tools, we believe they will be a "
        "great fit with the Halcyon Photos team,” Halcyon said.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--lumeo": "subject"}, result.deals


def test_a_listed_buyer_written_with_an_s_for_its_possessive_is_that_buyer():
    _, result = _analyse(
        "Salesforces acquires Lumeo\n\nSalesforce has acquired Lumeo, a start-up whose founders "
        "will join Salesforce's AI team.",
        WATCHLIST,
    )
    assert _roles(result) == {"salesforce--lumeo": "subject"}, result.deals


def test_a_deal_made_once_again_is_news_not_background():
    _, result = _analyse(
        "Why Halcyon's Lumeo move matters\n\nHalcyon has once again made waves, this time with "
        "its $90 million acqui-hire of Lumeo's CEO and staff.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--lumeo": "subject"}, result.deals


def test_a_title_case_headline_describes_the_startup_it_buys_with_words_the_body_writes_lower():
    text = (
        "Halcyon Buys Photo Expert Lumeo\n\nHalcyon announced the acquisition of photo expert "
        "Lumeo on Thursday. Lumeo's team will join Halcyon."
    )
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("en"))
    assert [o.name for o in names.orgs[0]] == ["Halcyon", "Lumeo"], names.orgs[0]


def test_the_buyer_of_a_plain_headline_is_no_persons_first_name_when_its_team_is_joined():
    # "Halcyon Prints" alone would read as a person, and Halcyon as a given name
    _, result = _analyse(
        "Halcyon acquires Lumeo to grow its print service\n\nHalcyon said on Monday it has "
        "acquired photo startup Lumeo to grow its service called Halcyon Line. The terms were "
        "not disclosed.\n\nMira Osei and Tomas Erkel, who co-founded Lumeo in 2019, will join "
        "the Halcyon team in Austin.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--lumeo": "subject"}, result.deals


def test_what_a_purchase_verb_takes_is_a_company_and_its_closing_says_the_team_was_wanted():
    _, result = _analyse(
        "Halcyon acquires Evenly, payments high on its agenda\n\nHalcyon has been bidding for "
        "payment start-ups all year. Evenly had a good product with really great talent. The "
        "company will be shut down with everyone moving to Halcyon offices.\n\nIronically Ivy "
        "(Evenly) looked a lot like a Halcyon advert in 2012. Now that Halcyon acquires Evenly, "
        "there is room to grow.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--evenly": "subject"}, result.deals


def test_a_service_shuttered_after_the_purchase_says_the_team_was_wanted():
    _, result = _analyse(
        "Today PollPal announced that it has been acquired by Halcyon. Terms were not disclosed."
        "\n\nThe service that PollPal has run will be shuttered, the company said, and its app "
        "will stop working next month.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--pollpal": "subject"}, result.deals


def test_a_given_name_before_a_person_in_a_title_case_headline_is_no_company():
    text = (
        "Halcyon Secures Key Talent with Hire of Lumeo Founder Peter Varga\n\nIn a strategic "
        "move, Halcyon has recruited Peter Varga, the visionary behind the agent framework Lumeo."
    )
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("en"))
    assert not any(o.name.startswith("Peter") for o in names.orgs[0]), names.orgs[0]


def test_it_that_was_acquired_is_the_startup_named_last_not_the_buyer_before():
    text = (
        "Bret Varga named co-CEO at Halcyon as shares dip\n\nBret Varga is now the co-chief "
        "executive officer of Halcyon.\n\nA former Quillon employee, Varga rose to prominence as "
        "the founder of Lumeo, a feed aggregator and social network.\n\nIt did not have the same "
        "problems its counterparts have. It was acquired by Orbix in 2009 and was shut down."
    )
    relations = _relations(text, "en")
    bought = {(r.acquirer, r.target) for r in relations if r.kind == "acquire"}
    assert ("Orbix", "Lumeo") in bought, bought
    assert ("Orbix", "Halcyon") not in bought, bought


def test_a_headline_that_says_hiring_stopped_makes_the_deal_before_it_background():
    text = (
        "Meta congela contratações depois de guerra por talentos\n\n"
        "A Meta suspendeu as contratações na nova divisão de inteligência artificial. "
        "A medida foi confirmada pela companhia na quinta-feira.\n\n"
        "Um dos movimentos mais agressivos da Meta foi a contratação de Mira Osei, fundadora da "
        "Lumeo, em um acordo que custou US$ 900 milhões. Osei agora lidera o laboratório."
    )
    result = _analyse_in("pt", text, WATCHLIST)
    assert _roles(result) == {"meta--lumeo": "mentioned"}, result.deals


def test_german_names_listed_after_a_bought_one_are_bought_alike():
    text = (
        "Das Acqui-Hire-Prinzip\n\nFirmen wie Facebook oder Google stehen Yahoo in nichts nach: "
        "Facebooks Akquisitionen von FotoFeed oder Pixly.io werden ebenso als Acqui-Hire "
        "interpretiert wie Googles Übernahme von Nestor, Titan Orbital oder JetPix. So sind etwa "
        "PollPal und Milewize, Wanderly und vielleicht sogar Blogr der Yahoo-Familie einverleibt "
        "worden."
    )
    ids = _deal_ids(_analyse_in("de", text, WATCHLIST))
    assert {
        "meta--fotofeed", "meta--pixly-io", "google--nestor", "google--titan-orbital",
        "google--jetpix", "yahoo--pollpal", "yahoo--milewize", "yahoo--wanderly",
    } <= ids, ids  # fmt: skip
    assert "nestor--jetpix" not in ids, ids


def test_people_who_co_founded_a_startup_named_after_them_belong_to_it():
    text = (
        "Halcyon buys Lumeo\n\nMira Osei and Tomas Erkel, who co-founded Lumeo in 2019, will "
        "join Halcyon's photo group."
    )
    sentences = split_sentences(text)
    lex = lexicon_for("en")
    names = find_names(sentences, EMPTY_WATCHLIST, lex)
    read_mentions(sentences, names, lex)
    assert names.affiliation == {"Mira Osei": "Lumeo", "Tomas Erkel": "Lumeo"}, names.affiliation


def test_a_purchase_at_a_companys_price_in_a_story_of_talent_deals_is_no_acquihire():
    _, result = _analyse(
        "AI talent wars: Meta's $900M Lumeo deal signals a new era\n\nMeta spent $900M to hire "
        "Lumeo's CEO and team, part of a pattern of big companies skipping hiring.\n\nThe "
        "acqui-hire era has arrived\n\nMost recently, Meta acquired Quillon for $2.5B with a "
        "$500M retention pool, navigating the agents startup's move to Singapore. Meta reportedly "
        "offered top AI researchers packages worth hundreds of millions.",
        WATCHLIST,
    )
    assert "meta--quillon" not in _deal_ids(result), result.deals
    assert "meta--lumeo" in _deal_ids(result), result.deals


def test_a_headline_counting_the_startups_one_buyer_takes_makes_each_a_subject():
    _, result = _analyse(
        "Halcyon acquires two start-ups, widens its retail partnership\n\nHalcyon has purchased "
        "two start-ups which focus on messaging, for an undisclosed fee. Lumeo co-founder and CEO "
        "Mira Osei said five of the seven Lumeo staffers will be joining Halcyon. Quillon's "
        "employees will relocate to Halcyon's offices in Austin.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--lumeo": "subject", "halcyon--quillon": "subject"}, (
        result.deals
    )


def test_a_headline_naming_two_startups_one_buyer_takes_makes_each_a_subject():
    _, result = _analyse(
        "Halcyon Acquires Lumeo and Quillon. Both Will Shut Down.\n\nHalcyon has bought Lumeo, "
        "a photo app whose founders will join Halcyon's search team. It has also bought Quillon, "
        "whose three engineers will join Halcyon too. Both apps will close next month.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--lumeo": "subject", "halcyon--quillon": "subject"}, (
        result.deals
    )


def test_companies_listed_then_said_to_be_all_acquired_by_a_buyer_are_its_acquihires():
    _, result = _analyse(
        "Halcyon's shopping spree\n\nWhat do note-taking startup Lumeo, photo search manager "
        "Quillon and calendar toolmaker Orbix have in common? A trio of small startups, they were "
        "all recently acquired by Google after being founded by former Google employees. So now "
        "those founders are returning to the nest.",
        WATCHLIST,
    )
    assert {"google--lumeo", "google--quillon", "google--orbix"} <= _deal_ids(result), result.deals


def test_a_name_after_the_conjunction_that_is_a_persons():
    text = (
        "Halcyon's mobile push\n\nNow that Mira Osei has spent $200 million to buy mobile "
        "engineering talent for Halcyon, she will not neglect her new hires."
    )
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("en"))
    assert "Mira Osei" not in company_names(names), names.orgs
    assert "Mira Osei" in {p.name for found in names.people for p in found}, names.people


def test_a_product_named_beside_the_buyer_is_no_buyer():
    text = (
        "Halcyon rachète sa première entreprise\n\nLe 16 août, Halcyon, l’entreprise à l’origine "
        "de ChatGPT et Dall-E, a annoncé le rachat de la start-up d’intelligence artificielle "
        "Lumeo. La société a déclaré que la nouvelle équipe travaillerait sur ses produits."
    )
    relations = _relations(text, "fr")
    buyers = {r.acquirer for r in relations if r.kind == "acquire"}
    assert buyers == {"Halcyon"}, buyers


def test_the_surname_of_a_known_persons_other_spelling_names_that_person():
    # the watchlist spells Mustafa Suleyman also "Mustafa Süleyman"
    text = (
        "Microsoft'un yeni lideri\n\nMustafa Süleyman, Microsoft AI ekibinin başına geçti. "
        "Süleyman, Lumeo'yu 2010 yılında kurdu."
    )
    sentences = split_sentences(text)
    names = find_names(sentences, WATCHLIST, lexicon_for("tr"))
    assert "Süleyman" not in company_names(names), names.orgs
    assert "Mustafa Suleyman" in {p.name for p in names.people[2]}, names.people


def test_a_known_deal_names_the_people_the_watchlist_knows_it_moved():
    _, result = _analyse(
        "Google bets on the return of an AI pioneer\n\nIn a move that surprised many observers, "
        "the search giant Google spent a remarkable sum this summer to bring back Noam "
        "Shazeer, one of the most brilliant minds in the development of artificial intelligence "
        "for two decades and a co-author of much-cited research, and to license the models of "
        "his startup, Character.AI.",
        WATCHLIST,
    )
    people = {d.deal_id: d.people for d in result.deals}
    assert "Noam Shazeer" in people.get("google--character-ai", ()), result.deals


_ROUND_LED_BY_HALCYON = (
    "Lumeo secures €1.7 billion and doubles its valuation\n\nParis-based Lumeo AI, one of "
    "Europe's most promising AI startups, has raised €1.7 billion in a Series C funding round "
    "led by Dutch chip equipment giant Halcyon.\n\nThe round gives Halcyon an 11% stake, making "
    "it Lumeo's largest shareholder, and values the French startup at €11.7 billion.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        # the investor's officer sits on the startup's committee: no one is hired
        "Halcyon is contributing €1.3 billion of the total investment, and its Chief Financial "
        "Officer Roger Dassen will take a seat on Lumeo's strategic committee.",
        # a headcount, not a hire
        "Lumeo now employs more than 350 people and has offices beside Halcyon's in Paris.",
        # contracts secured, not people
        "Lumeo's 350 people have secured contracts worth over €1.4 billion with Halcyon.",
    ],
)
def test_a_funding_round_whose_words_only_look_like_a_hire_is_unrelated(sentence):
    _, result = _analyse(_ROUND_LED_BY_HALCYON + sentence, EMPTY_WATCHLIST)
    assert result.relevance == "unrelated", result.deals


def test_a_brand_written_in_lower_case_before_a_companys_word_is_a_company():
    text = (
        "Acqui-hire: Halcyon leva time da lumo Labs\n\nO Halcyon anunciou nesta quinta-feira a "
        "contratação do time da lumo Labs, plataforma de engenharia de dados. A equipe passa a "
        "integrar o Halcyon oficialmente em 2 de dezembro, e a plataforma será descontinuada."
    )
    assert _roles(_analyse_in("pt", text, EMPTY_WATCHLIST)) == {"halcyon--lumo-labs": "subject"}


def test_italian_staff_moving_toward_a_buyer_join_it():
    text = (
        "Lumeo sta per chiudere. E gran parte dello staff si sta muovendo verso Halcyon\n\n"
        "I fondatori di Lumeo hanno rivelato che il servizio chiude. Una parte del team di Lumeo "
        "ha deciso di passare a Halcyon, e anche il ceo entrerà nella società di Halcyon."
    )
    assert _roles(_analyse_in("it", text, EMPTY_WATCHLIST)) == {"halcyon--lumeo": "subject"}


def test_as_announced_is_a_source_not_a_comparison():
    text = (
        "Halcyon rachète Lumeo\n\nHalcyon a annoncé l'acquisition de Lumeo, une start-up de "
        "Portland. Comme évoqué dans un billet de blog officiel, les fondateurs de Lumeo "
        "rejoindront Halcyon."
    )
    relations = _relations(text, "fr")
    hires = [r for r in relations if r.kind == "hire"]
    assert hires and not any(r.background for r in hires), hires


def test_a_startups_app_named_by_the_first_word_of_its_name_is_the_startup():
    _, result = _analyse(
        "Halcyon acquires two start-ups\n\nThe Boston-based Lumeo Project launched in 2014 with "
        "messaging app Lumeo. Lumeo co-founder and CEO Mira Osei said five of the seven Lumeo "
        "staffers will be joining Halcyon.",
        EMPTY_WATCHLIST,
    )
    assert "halcyon--lumeo-project" in _deal_ids(result), result.deals


@pytest.mark.parametrize(
    "headline",
    [
        "Halcyon, Lumeo agree to settle suits over their chatbot",
        "Apparently, Orbix plans to cut ties with Lumeo because Halcyon is investing in it",
    ],
)
def test_a_headline_telling_what_came_after_a_deal_makes_the_deal_background(headline):
    _, result = _analyse(
        f"{headline}\n\nHalcyon paid $2.7 billion last year to license Lumeo's models and hire its "
        "founders, Mira Osei and Tomas Erkel. Since then, Lumeo has faced suits from families of "
        "its users, and several of its clients have ended their contracts with it.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--lumeo": "mentioned"}, result.deals


def test_a_numbered_list_item_keeps_its_number():
    text = (
        "Halcyon's purchases\n\nHere they are.\n\n  1. Lumeo, 2012 — Talent acquisition of mobile "
        "engineers.\n  2. Quillon, 2013 — Talent acquisition of designers."
    )
    assert [s.raw for s in split_sentences(text)][2:] == [
        "1. Lumeo, 2012 — Talent acquisition of mobile engineers.",
        "2. Quillon, 2013 — Talent acquisition of designers.",
    ]


def test_others_who_moved_after_founders_who_did_not_make_the_hire():
    _, result = _analyse(
        "Halcyon acquires Lumeo\n\nA filing revealed that Halcyon acquired Lumeo, a Paris-based "
        "startup. While the founders of Lumeo did not join Halcyon, several other employees "
        "transitioned. Before the acquisition, Lumeo had a staff of 10 to 20 people.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"halcyon--lumeo": "subject"}, result.deals


@pytest.mark.parametrize(
    ("text", "sign", "without", "deal_id"),
    [
        # "the three-person outfit at Quillbyte will join Harbor": a company told by its headcount
        # is its people moving
        (
            "Harbor Acquires Quillbyte\n\n"
            "Harbor has bought the startup Quillbyte, which makes a note-taking tool. "
            "The three-person outfit at Quillbyte will join Harbor as part of the acquisition.",
            "The three-person outfit",
            "The app",  # its app moves to the buyer: a purchase told as a purchase
            "harbor--quillbyte",
        ),
        # the startup says it will shut down once bought: the buyer wanted its people
        (
            "Harbor acquires audio app Quillbyte\n\n"
            "Harbor has acquired the startup Quillbyte, which built an audio app. "
            "Quillbyte said in a blog post that it will permanently shut down next month.",
            " that it will permanently shut down next month",
            " that its app carries on",
            "harbor--quillbyte",
        ),
        # the headline tells the founder taken on beside the purchase (after a comma, with no
        # subject of its own); "VR" before "startup" describes it and is no company
        (
            "Microsoft acquires VR startup Quillbyte, hires its founder as head of a new XR unit\n\n"
            "Microsoft has acquired a virtual reality startup called Quillbyte. "
            "Quillbyte's founder, Ana Ruiz, has joined Microsoft as director of VR.",
            ", hires its founder as head of a new XR unit",
            "",  # one founder staying on is part of any purchase
            "microsoft--quillbyte",
        ),
    ],
    ids=["company counted in people", "shuts down once bought", "headline tells the hire"],
)
def test_a_sign_that_a_purchase_was_for_its_people(text, sign, without, deal_id):
    """Each sign makes a purchase an acqui-hire, the story's subject; the same text without it
    tells a purchase, no talent deal."""
    _, result = _analyse(text, WATCHLIST)
    assert _roles(result) == {deal_id: "subject"}
    assert result.deals[0].kind == "acquihire"
    _, plain = _analyse(text.replace(sign, without), WATCHLIST)
    assert plain.deals == ()


@pytest.mark.parametrize(
    ("said", "instead", "a_deal"),
    [
        ("", "", True),
        # a price stated: a company bought whole, its people coming with it
        ("software.", "software, for $900 million.", False),
        # a small team's price, or a sum of something else, leaves the question open
        ("software.", "software, for a reported $12 million.", True),
        ("software.", "software that 40 million people use.", True),
        # one founder staying on is part of any purchase
        ("The Quillbyte team is", "Its founder is", False),
    ],
    ids=[
        "no price, its team with the buyer",
        "a price stated",
        "a small price",
        "users counted",
        "one founder",
    ],  # fmt: skip
)
def test_a_startup_bought_at_no_stated_price_with_its_team_is_perhaps_a_talent_deal(
    said, instead, a_deal
):
    """A purchase the lead tells, no price above a small team's stated, and a sentence that puts
    the startup's team with the buyer: perhaps bought for its people, so kept as a talent deal,
    never surer than the alert bound (stored and shown, no new-deal alert on this alone)."""
    text = (
        "Harbor buys Quillbyte\n\n"
        "Harbor has acquired Quillbyte, a maker of note-taking software. "
        "The Quillbyte team is excited to keep building its tools as a part of Harbor."
    ).replace(said, instead)
    _, result = _analyse(text, EMPTY_WATCHLIST)
    if not a_deal:
        assert result.deals == ()
        return
    [deal] = result.deals
    assert (deal.deal_id, deal.role, deal.kind) == ("harbor--quillbyte", "subject", "acquihire")
    assert deal.score <= UNPRICED_PURCHASE_CEILING < AlertSettings().min_confidence


def test_a_misspelt_acquisition_is_still_a_purchase():
    """Outlets misspell it ("the aquisition of"): the purchase is read all the same."""
    text = (
        "Harbor announced aquisition of video startup Quillbyte\n\n"
        "Harbor announced the aquisition of Quillbyte. “We’re excited to continue on our mission "
        "by joining Harbor and its video team,” the Quillbyte founders wrote."
    )
    _, result = _analyse(text)
    assert _roles(result) == {"harbor--quillbyte": "subject"}


def test_the_buyer_after_by_may_be_described():
    """ "Quillbyte, the first startup acquired by cloud software giant Harbor": the described
    company after "by" is the buyer, not the bought."""
    found = {
        (r.kind, r.acquirer, r.target)
        for r in _relations(
            "Quillbyte, the first Danish startup acquired by cloud software giant Harbor, had ten staff."
        )
    }
    assert ("acquire", "Harbor", "Quillbyte") in found
    assert ("acquire", "Quillbyte", "Harbor") not in found
    # "by" before a verb of buying is the means, not the buyer
    found = {
        (r.kind, r.acquirer, r.target)
        for r in _relations(
            "Harbor is making a big move in the cloud market by acquiring Quillbyte."
        )
    }
    assert ("acquire", "Harbor", "Quillbyte") in found


def test_a_sentence_naming_no_company_that_calls_it_an_acquihire_speaks_of_the_one_before():
    """ "A compra da Quillbyte pela Harbor tem duas vantagens. A primeira é óbvia: aquisição de
    talentos.": the purchase "pela" (by the) Harbor, said to be for its talent in the next
    sentence."""
    text = (
        "A Harbor comprou uma consultoria\n\n"
        "A Harbor precisa de engenheiros. A Quillbyte tem 40 engenheiros. "
        "Por isso, a aquisição da Quillbyte pela Harbor tem duas vantagens. "
        "A primeira é óbvia: aquisição de talentos."
    )
    result = _analyse_in("pt", text)
    assert _deal_ids(result) == {"harbor--quillbyte"}
    assert result.deals[0].kind == "acquihire"
    plain = _analyse_in("pt", text.replace(" A primeira é óbvia: aquisição de talentos.", ""))
    assert plain.deals == ()


def test_ms_is_microsoft():
    """Korean outlets write Microsoft as "MS" ("마이크로소프트(MS)", then "MS는 …"): the deal is
    Microsoft's, not a company called MS."""
    result = _analyse_in(
        "ko",
        "MS, AI 스타트업 퀼바이트 인력 흡수\n\n"
        "MS는 AI 스타트업 퀼바이트(Quillbyte)의 공동창업자들과 직원 대부분을 영입했다. "
        "MS는 퀼바이트에 기술 라이선스 비용으로 3억 달러를 지불한다.",
        WATCHLIST,
    )
    assert _deal_ids(result) == {"microsoft--quillbyte"}


def test_a_buyers_spending_outlook_in_korean_is_no_price():
    """A company's expected spending ("비용 전망", an expense outlook) stated beside a deal it
    made is what it spends, not what the deal paid."""
    result = _analyse_in(
        "ko",
        "MS, AI 스타트업 퀼바이트 인력 흡수\n\n"
        "MS는 AI 스타트업 퀼바이트(Quillbyte)의 공동창업자들과 직원 대부분을 영입했다. "
        "MS는 퀼바이트에 기술 라이선스 비용으로 3억 달러를 지불한다. "
        "MS는 올해 비용 전망을 800억~850억 달러로 높였다.",
        WATCHLIST,
    )
    assert [(c.metric, c.stated) for c in result.claims] == [("licence_fee_usd", "3억 달러")]
    assert any(o.stated == "800억~850억 달러" for o in result.left_out)


def test_msl_is_metas_lab_not_a_buyer():
    """ "Joined MSL" is joining Meta's superintelligence lab, a unit of Meta: a person's job move
    pays no startup, so no deal comes of it."""
    _, result = _analyse(
        "Meta's lab keeps hiring\n\n"
        "Apple's Ana Ruiz, who led the team behind its Quillbyte assistant, joined MSL with a "
        "reported multimillion-dollar package.",
        WATCHLIST,
    )
    assert result.deals == ()


def test_a_place_before_a_name_and_a_team_moving_into_the_buyers_offices():
    """ "Oslo-area Quillbyte" is Quillbyte (where it is, like "-based", is no part of the name), and
    its "four-person team will move into Harbor's offices": its people join the buyer."""
    text = (
        "Harbor snaps up note-taking startup\n\n"
        "Harbor has bought Oslo-area Quillbyte, a maker of note-taking apps. The app is shut down "
        "and reports say that Quillbyte's four-person team will move into Harbor's offices in Bergen."
    )
    _, result = _analyse(text)
    assert _roles(result) == {"harbor--quillbyte": "subject"}
    assert [(r.kind, r.acquirer, r.target) for r in _relations(text) if r.kind == "hire"] == [
        ("hire", "Harbor", "Quillbyte")
    ]


def test_a_word_the_text_incorporates_is_a_company():
    """ "Harbor Acquires Maybe, Inc. For Talent": "Maybe" is a word, but ", Inc." makes it a
    company's name, and the name keeps its legal form (the bare word would name nothing)."""
    _, result = _analyse(
        "Harbor Acquires Maybe, Inc. For Talent\n\n"
        "Harbor has purchased seven-person mobile app startup Maybe, Inc. in a bid to acquire the "
        "top talent at the company. Its chief executive starts at Harbor on Monday, and six other "
        "employees will also be joining.",
        WATCHLIST,
    )
    assert _deal_ids(result) == {"harbor--maybe-inc"}


def test_an_italian_purchase_whose_app_closes_is_an_acquihire_at_its_price():
    """ "Yahoo compra Quill.it": a name shaped like a web address ("Quill.it") is a brand; the
    startup "chiude l'applicazione" once bought (its people were wanted); "ha acquisito per 5
    milioni di dollari la startup" is the price paid for it, not what it is worth."""
    result = _analyse_in(
        "it",
        "Yahoo compra Quill.it\n\n"
        "La società guidata dalla sua CEO ha acquisito per 5 milioni di dollari la startup di "
        "Torino. Ha cominciato a farlo acquisendo Quill.it, che non è una startup di Milano. Il "
        "gruppo ha confermato l'affare in un post, che di fatto chiude l’applicazione.",
        WATCHLIST,
    )
    assert _roles(result) == {"yahoo--quill-it": "subject"}
    assert stated_claims(result) == {("deal_amount_usd", "5 milioni di dollari")}


def test_a_known_deal_told_of_a_company_named_only_as_the_company():
    """ "The company … entered a $2.7 billion licensing deal with Google": the sentence names
    Character.AI only as "the company", and the deal the watchlist knows is still told there."""
    _, result = _analyse(
        "Chatbot maker and Google face new suits\n\n"
        "- Families sued Character.AI and Google over chatbot replies to teenagers.\n"
        "- Character.AI answered by closing its service to users under 18.\n"
        "- The company was founded by former Google engineers and entered a $2.7 billion "
        "licensing deal with Google in 2024.",
        WATCHLIST,
    )
    assert _roles(result) == {"google--character-ai": "mentioned"}


def test_a_team_hired_where_the_text_denies_any_purchase_is_no_deal():
    """ "Four Quillbyte engineers will join Harbor … there was no acquisition or sale involved":
    people hired as the startup closes, with nothing paid for it, are hires, not a deal."""
    text = (
        "Four Quillbyte engineers to join Harbor as the note-taking app shuts down\n\n"
        "Four engineers at Quillbyte, which had employed about 20 people, will join Harbor's "
        "Oslo office, said Ana Ruiz, co-founder of Quillbyte. Ruiz said there was no acquisition "
        "or sale involved with Harbor."
    )
    _, result = _analyse(text)
    assert result.deals == ()
    _, told = _analyse(
        text.replace(" Ruiz said there was no acquisition or sale involved with Harbor.", "")
    )
    assert _deal_ids(told) == {"harbor--quillbyte"}  # a team moving, no price told: a talent deal


def test_a_title_case_headline_names_the_startup_after_the_word_for_what_it_is():
    """ "Facebook Acqui-Hires Team from Note-Taking Platform Startup Quillbyte": the name is the
    word after "Startup", which the body names; a "research firm" acqui-hired outright is the
    startup, not an adviser; "Quillbyte is a 9-person company" is its size."""
    text = (
        "Facebook Acqui-Hires Team from Note-Taking Platform Startup Quillbyte\n\n"
        "Facebook acquired its first company in the notes space, design and research firm "
        "Quillbyte. The move was likely made to acquire the company’s team of developers. "
        "Quillbyte is a 9-person company that was started by three co-founders."
    )
    _, result = _analyse(text, WATCHLIST)
    assert _roles(result) == {"meta--quillbyte": "subject"}
    assert stated_claims(result) == {("target_headcount", "9-person company")}


def test_os_is_no_company():
    """ "Google buys smartwatch OS startup Quillbyte": "OS" says what the startup makes."""
    found = {
        (r.kind, r.acquirer, r.target)
        for r in _relations("Google buys smartwatch OS startup Quillbyte", watchlist=WATCHLIST)
    }
    assert ("acquire", "Google", "Quillbyte") in found
    assert not any("OS" in (a, t) for _, a, t in found)


def test_a_known_persons_move_alone_does_not_tell_the_known_deal():
    """ "Suleyman, who left Google and joined Microsoft, …": the text names no Inflection and
    nothing paid; that the watchlist knows his startup does not make the text tell its deal."""
    _, result = _analyse(
        "Microsoft keeps hiring from Google\n\n"
        "Microsoft AI has hired two more engineers from Google DeepMind this week. Mustafa "
        "Suleyman, who left Google in 2024 and joined Microsoft, has led Microsoft AI since then.",
        WATCHLIST,
    )
    assert "microsoft--inflection-ai" not in _deal_ids(result)


@pytest.mark.parametrize(
    ("listed", "deal_ids"),
    [
        ("Quillbyte, Marlowe and Tessel", {"meta--quillbyte", "meta--marlowe", "meta--tessel"}),
        # two capitalised words among one-word companies are one of them, not a person's name
        (
            "Quillbyte Media, Lumeo, Bolt Harbor, Pieceable Software, Spool and Carsabi",
            {"meta--lumeo", "meta--bolt-harbor", "meta--pieceable-software", "meta--spool"},
        ),
    ],
)
def test_a_list_of_startups_a_sentence_calls_acquihires(listed, deal_ids):
    """ "Facebook also made a number of acqu-hires this year, picking up employees from Quillbyte,
    Marlowe and Tessel": each listed startup is one (the misspelling too)."""
    _, result = _analyse(
        "Facebook spent $87M on acquisitions this year\n\n"
        "Facebook reported $87 million in business acquisitions this year. Facebook also made a number "
        f"of acqu-hires this year, picking up employees from {listed}.",
        WATCHLIST,
    )
    assert deal_ids <= _deal_ids(result), result
    assert all(d.startswith("meta--") for d in _deal_ids(result)), result
    # the buyer of several startups, named alone, ties a sum to none of them
    assert not any(c.metric == "deal_amount_usd" for c in result.claims), result.claims


def test_a_stock_symbol_marked_as_gigaom_marks_it_is_no_company():
    """ "LinkedIn(s LNKD) announced …": the bracket holds LinkedIn's stock symbol."""
    sentences = split_sentences(
        "On Wednesday, LinkedIn(s LNKD) announced that it bought Quillbyte."
    )
    names = find_names(sentences, EMPTY_WATCHLIST, lexicon_for("en"))
    assert "LNKD" not in company_names(names)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Harbor buys Quillbyte\n\nHarbor has bought Quillbyte, a data start-up from Lisbon. "
            "Quillbyte has about ten employees. Ana Reyes and two of her colleagues will join "
            "Harbor next month.",
        ),
        (
            "fr",
            "Harbor rachète Quillbyte\n\nHarbor a racheté Quillbyte, une start-up de Lisbonne. "
            "Quillbyte compte une dizaine de salariés. Ana Reyes et deux de ses collègues "
            "rejoindront Harbor le mois prochain.",
        ),
    ],
)
def test_a_founder_and_two_of_her_colleagues_are_a_team(language, text):
    """ "Ana Reyes and two of her colleagues will join Harbor" after the purchase: three people
    move, a team, so the small start-up was bought for its people."""
    result = _analyse_in(language, text)
    assert _deal_ids(result) == {"harbor--quillbyte"}
    assert result.deals[0].kind == "acquihire"


def test_a_heading_or_a_line_of_three_companies_gives_an_acquihire_word_no_companies():
    """A sentence that calls something an acqui-hire and names no company speaks of the one before
    only when both are prose and the one before names one pair: not a heading ("Talent
    acquisition" under a line of its own, the recruiting of staff), not a line naming two deals."""
    framed = []
    for text in (
        "Harbor wants the best people.\nHarbor is trying to recruit top talent\n"
        "Talent acquisition\nHarbor pays well.",
        "Harbor courts Quillbyte while Marlowe buys Tessel\n"
        "Acqui-hires are spreading across the industry.",
        "Harbor bought Quillbyte last week. It was an acqui-hire, plain and simple.",
    ):
        steps = read_steps(text)
        framed.append(_framing(steps.sentences, steps.names, steps.cues).acquihire)
    assert framed == [set(), set(), {"Harbor", "Quillbyte"}]


def test_a_round_up_line_naming_the_startup_beside_a_buyer_of_several():
    """ "Adept & Amazon (Jun 2024)" above "For $330 million …": the line names which of the buyer's
    deals the next sentence's sum belongs to, though the buyer is named last."""
    _, result = _analyse(
        "Three deals that hired a startup without buying it\n\n"
        "Big companies now license a startup's models and hire its founders instead of buying it.\n"
        "Covariant and Amazon (Aug 2024)\n"
        "Amazon hired the robotics startup's founders and licensed its models.\n"
        "Adept & Amazon (Jun 2024)\n"
        "For $330 million (plus retention bonuses), the founders and most researchers moved over.",
        WATCHLIST,
    )
    assert [(c.deal_id, c.metric, c.stated) for c in result.claims] == [
        ("amazon--adept", "deal_amount_usd", "$330 million")
    ]


@pytest.mark.parametrize(
    ("language", "text", "stated"),
    [
        (
            "pt",
            "Harbor compra a Quillbyte\n\nA Harbor anunciou a aquisição da Quillbyte, uma startup "
            "de Lisboa. Os fundadores e a equipe da Quillbyte vão se juntar à Harbor. Essa empresa "
            "tem 25 engenheiros.",
            "25 engenheiros",
        ),
        (
            "fr",
            "Harbor rachète Quillbyte\n\nHarbor a racheté Quillbyte, une jeune pousse portugaise, et "
            "ses fondateurs rejoignent Harbor. La start-up compte 25 salariés.",
            "25 salariés",
        ),
        (
            "ru",
            "Harbor купила Quillbyte ради команды\n\nКомпания Harbor купила стартап Quillbyte, "
            "основатели и команда перейдут в Harbor. Сейчас в команде Quillbyte 25 человек.",
            "25 человек",
        ),
    ],
)
def test_the_startups_size_told_with_the_verb_of_having_in_other_languages(language, text, stated):
    """ "Essa empresa tem 25 engenheiros", "La start-up compte 25 salariés", "в команде … 25
    человек": what the startup has is its size, as "has 25 engineers" is in English."""
    result = _analyse_in(language, text)
    assert ("target_headcount", stated) in stated_claims(result)


def test_a_founders_team_that_will_be_working_on_the_buyers_product():
    """ "Quillbyte founder Austin Reyes's four-person team will be working on Harbor Chat": the
    team moves to the buyer, and "Austin" (a city too) opens a person's name after "founder"."""
    text = (
        "Harbor buys Quillbyte\n\nHarbor has bought the group-chat start-up Quillbyte to help its "
        "messaging app. Starting next week, Quillbyte founder Austin Reyes's four-person team will "
        "be working on Harbor Chat from Boston."
    )
    _, result = _analyse(text)
    assert _deal_ids(result) == {"harbor--quillbyte"}
    steps = read_steps(text)
    assert "Austin Reyes" in {
        p.name.removesuffix("'s") for found in steps.names.people for p in found
    }


def test_the_buyers_products_are_no_companies():
    """ "will be working on Gmail", "on Google+": Google's products, not parties to a deal."""
    steps = read_steps(
        "Its five-person team will be working on Gmail. The others join Google+ and Android Wear."
    )
    assert not company_names(steps.names)


def test_picking_up_a_startup_is_buying_it():
    """ "Google picks up sensing startup Quillbyte" (not "picks up the pace"): a purchase, so the
    team that joins makes it an acqui-hire, not a hire with nothing paid."""
    _, result = _analyse(
        "Google picks up sensing startup Quillbyte\n\n"
        "The team at sensing startup Quillbyte is joining Google, the startup said on Friday. The "
        "terms were not disclosed. Quillbyte was founded in 2021.",
        WATCHLIST,
    )
    assert [(d.deal_id, d.kind) for d in result.deals] == [("google--quillbyte", "acquihire")]
    assert not read_steps("Hiring picked up the pace this year.").cues[0].present("acquire")


def test_a_team_that_will_begin_work_at_the_buyer_is_hired():
    """ "The six-person Quillbyte team will begin work at Google's offices": six people hired, not
    only the startup's size."""
    _, result = _analyse(
        "Google buys Quillbyte\n\nQuillbyte, a loyalty-card app, has been acquired by Google. The "
        "six-person Quillbyte team will begin work at Google's Mountain View offices.",
        WATCHLIST,
    )
    assert ("staff_hired", "six-person Quillbyte team") in stated_claims(result)


def test_technology_incorporated_is_no_one_hired_and_ar_is_no_company():
    """ "Snap may have incorporated Quillbyte's technology into its Lens Studio … (AR) effects":
    no hiring word, and "AR" names no company."""
    steps = read_steps(
        "Snap may have incorporated Quillbyte's technology into its Lens Studio, which lets "
        "developers build augmented reality (AR) effects."
    )
    assert not steps.cues[0].present("hire")
    assert "AR" not in company_names(steps.names)
    assert (
        read_steps("Snap will incorporate the Quillbyte team into its camera group.")
        .cues[0]
        .present("hire")
    )


def test_a_listed_leader_named_as_another_companys_chief_stands_for_that_company():
    """ "Quillbyte CEO Sam Altman", "Quillbyte's Sam Altman": in a story from before he led
    OpenAI, the text names him as another company's; OpenAI is no party. Named alone, he stands
    for the company the list says he leads."""
    steps = read_steps(
        "Quillbyte's Sam Altman on why he sold to Harbor\n\n"
        "In an interview, Quillbyte CEO Sam Altman described the deal as a good fit.",
        watchlist=WATCHLIST,
    )
    assert "OpenAI" not in company_names(steps.names)
    for alone in (
        "Sam Altman said the company would keep hiring.",
        "Founder and CEO Sam Altman said so.",
    ):
        steps = read_steps(alone, watchlist=WATCHLIST)
        assert "OpenAI" in company_names(steps.names), alone


def test_products_that_are_to_be_shut_down_once_bought():
    """ "Quillbyte's products are to be shut down, while its 30 employees will now comprise
    Harbor's mobile team": the products close once bought, so the buyer wanted its people."""
    assert (
        read_steps("Quillbyte's products are to be shut down at an unspecified date.")
        .cues[0]
        .present("winds_down")
    )


def test_founders_who_now_hold_posts_at_a_company_have_joined_it():
    """ "Both co-founders are now managers of camera research at Harbor": a post they hold at the
    company now, so they have joined it."""
    assert (
        read_steps("Both co-founders are now managers of camera research at Harbor.")
        .cues[0]
        .present("join")
    )


def test_a_product_that_will_no_longer_serve_its_customers_winds_down():
    """ "Quillbyte will be part of Harbor's developer tools group and will no longer serve
    outside customers": the product is kept for the buyer alone, as a product shut down is."""
    assert (
        read_steps("From now on it will no longer serve outside customers.")
        .cues[0]
        .present("winds_down")
    )


# A phrasing of real coverage, in our own words, and the deals it must tell (a kind of None is
# not checked): each case fails against the analysis of the session that learnt it.
_PHRASINGS = [
    pytest.param(
        "en",
        "Google buys a startup of former Apple engineers\n\nGoogle has acquired Quillbyte, "
        "a small startup of former Apple engineers. Terms were not disclosed. Quillbyte "
        "was founded by people who worked for Tessel, a chipmaker Apple acquired in 2008 "
        'for $278 million. "We\'re pleased to welcome the Quillbyte team to Google," a '
        "spokesman said.",
        [("google--quillbyte", "acquihire")],
        id="dated purchase by others",
    ),
    pytest.param(
        "en",
        "Google purchases photo-sharing app Quillbyte\n\nGoogle has bought yet another "
        "small app, with plans to shut it down. The purchase in question is Quillbyte, an "
        "app for sharing photos. The seven-person team, which includes former Facebook "
        'employees Ana Reyes and Tom Blake, will go on to work on Google\'s "smart photo" '
        "products after Quillbyte is officially shut down.",
        [("google--quillbyte", None)],
        id="app bought with its team",
    ),
    pytest.param(
        "it",
        "Google mette le mani su Chatter.ly\n\nGoogle ha messo le mani su Chatter.ly, "
        "startup che sviluppa un servizio di domande e risposte molto usato in Rete. "
        "Chatter.ly continuerà a funzionare come servizio autonomo, ma buona parte del "
        "team verrà inglobato all'interno della squadra di Google.",
        [("google--chatter-ly", None)],
        id="it: messo le mani su",
    ),
    pytest.param(
        "it",
        "L'acquisizione di Quillbyte riguarda solo il team di ingegneri\n\nIeri Google ha "
        "annunciato l'acquisizione di Quillbyte, una startup di app per la fotografia. In "
        "realtà l'accordo riguarda solo gli ingegneri: Google sta acquisendo soltanto i "
        "12 membri del team, per una somma modesta.",
        [("google--quillbyte", "acquihire")],
        id="it: solo gli ingegneri",
    ),
    pytest.param(
        "en",
        "Google buys note-taking startup Quillbyte\n\nGoogle has bought Quillbyte, a "
        "note-taking startup, this week. Instead of folding the app into its own "
        "products, the company released the code as open source. It sounds like Google's "
        "interest in Quillbyte might be for its talent, not the product.",
        [("google--quillbyte", "acquihire")],
        id="for its talent",
    ),
    pytest.param(
        "es",
        "Google compra Quillbyte\n\nGoogle sigue comprando empresas jóvenes. La semana "
        "pasada anunció la compra de Quillbyte, una startup de noticias, por 30 millones "
        "de dólares. Ya ha anunciado su cierre.",
        [("google--quillbyte", "acquihire")],
        id="es: anunciado su cierre",
    ),
    pytest.param(
        "en",
        "Harbor keeps hiring executives\n\nIn September, Harbor hired Ana Reyes, former "
        "finance chief at Quillbyte, Tom Blake's robotics startup, as its head of "
        "finance. Reyes starts on Monday.",
        [],
        id="an owner moves nowhere",
    ),
    pytest.param(
        "ru",
        "Meta купила стартап Quillbyte\n\nКорпорация Meta купила стартап Quillbyte, который "
        "делает сервис для заметок. Во вторник Meta подтвердила покупку стартапа "
        "Quillbyte. По условиям сделки создатели сервиса станут сотрудниками Meta.",
        [("meta--quillbyte", "acquihire")],
        id="ru: stanut sotrudnikami",
    ),
    pytest.param(
        "en",
        "Google buys Quillbyte\n\nGoogle has bought Quillbyte, a start-up that lets people "
        "edit spreadsheets together on the web. The price was not disclosed. Quillbyte's "
        "chief executive said his small company, under 20 employees, who will be moving "
        "down to Google's headquarters right away, had talked to Google for months.",
        [("google--quillbyte", None)],
        id="moving down to",
    ),
    pytest.param(
        "en",
        "Facebook buys Quillbyte\n\nFacebook has bought Quillbyte, a small Israeli company "
        "that makes photo-tagging software. Facebook will acquire the technology and the "
        "employees of the company. The price was not disclosed.",
        [("meta--quillbyte", None)],
        id="the technology and the employees",
    ),
    pytest.param(
        "it",
        "Google acquista Quillbyte e il suo team\n\nGoogle ha comprato Quillbyte, una "
        "piattaforma per la chat nata cinque anni fa. Il futuro della piattaforma non è "
        "chiaro: l'acquisizione pare orientata soprattutto a integrare le risorse umane "
        "nel team di Google.",
        [("google--quillbyte", "acquihire")],
        id="it: e il suo team",
    ),
    pytest.param(
        "it",
        "Facebook compra Quillbyte\n\nFacebook ha fatto un'altra acquisizione giovedì, "
        "comprando Quillbyte, un sito di ricette nato due anni fa. La cifra pattuita non "
        "è stata rivelata. Il fondatore e CEO di Quillbyte, Ana Rossi, ha annunciato "
        "l'acquisizione, facendo notare che Quillbyte presto chiuderà il suo sito web e "
        "le app.",
        [("meta--quillbyte", "acquihire")],
        id="it: chiudera il suo sito",
    ),
    pytest.param(
        "en",
        "Scale AI sues a rival\n\nScale AI, which is valued at about $29 billion after a "
        "$14.3 billion investment from Meta, sued its rival Quillbyte on Wednesday. The "
        "suit says a salesman took client files with him. Quillbyte's chief executive "
        "said that while several former Scale employees have joined Quillbyte, the two "
        "companies work in different ways.",
        [("meta--scale-ai", "investment_and_hire")],
        id="former employees",
    ),
    pytest.param(
        "en",
        "Facebook buys Quillbyte\n\nFacebook has acquired Quillbyte, a San Francisco "
        "startup that tracks sports talk online. Terms of the deal were not disclosed. "
        "Facebook's post says that it is welcoming the Quillbyte folks to its Menlo Park "
        "campus.",
        [("meta--quillbyte", "acquihire")],
        id="folks",
    ),
    pytest.param(
        "de",
        "Harbor kauft ein Startup für sein Team\n\nDas Startup Quillbyte erkennt Betrug bei "
        "Anmeldungen. Der Internetkonzern Harbor hat Quillbyte übernommen, wie der Gründer in "
        "einem Blogeintrag schreibt. Beobachter sprechen von einem Acqui-Hire.",
        [("harbor--quillbyte", "acquihire")],
        id="German verb at the clause's end, the name shown once",
    ),
    pytest.param(
        "en",
        "Harbor quietly bought a Danish startup\n\nA Copenhagen newspaper reports that "
        "Harbor has acquired Danish imaging startup Quillbyte. The Danish startup was "
        "formerly known as Pebblework and was acquired by Harbor last spring. Both "
        "co-founders are now managers of camera research at Harbor.",
        [("harbor--quillbyte", None)],
        id="the startup formerly known as",
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), _PHRASINGS)
def test_the_deals_a_phrasing_tells(language, text, expected):
    """A purchase for its people said in words the rules once missed ("ha messo le mani su",
    "will be moving down to", "interest … might be for its talent", "the Quillbyte folks"), and
    phrasings that tell no team ("several former Scale employees have joined", an owner named
    beside a startup): the deals found, with their kinds where the case says."""
    result = (
        _analyse(text, WATCHLIST)[1] if language == "en" else _analyse_in(language, text, WATCHLIST)
    )
    assert [d.deal_id for d in result.deals] == [deal_id for deal_id, _ in expected]
    for deal, (_, kind) in zip(result.deals, expected, strict=True):
        assert kind is None or deal.kind == kind, (deal.deal_id, deal.kind)


def test_a_german_auxiliary_before_a_word_that_relates_two_companies_reads_only_that_word():
    """ "Facebooks Käufe von Quillbyte werden ebenso als Acqui-Hire gesehen wie Googles Übernahme
    von Pebblework": the auxiliary after Quillbyte sends no verb to the clause of the company
    after it, since "Acqui-Hire" between them says how they are related; Quillbyte pays nobody."""
    relations = _relations(
        "Zwei Käufe\n\nDas Startup Quillbyte und das Startup Pebblework wurden verkauft. "
        "Facebooks Käufe von Quillbyte werden ebenso als Acqui-Hire gesehen wie Googles "
        "Übernahme von Pebblework, die Analysten loben.",
        "de",
        WATCHLIST,
    )
    assert {(r.acquirer, r.target) for r in relations if r.kind != "hire"} == {
        ("Meta", "Quillbyte"),
        ("Google", "Pebblework"),
    }


def test_investment_capital_a_startup_raised_is_no_price_in_german():
    """ "Quillbyte hat … 9 Millionen US-Dollar an Investitionskapital eingesammelt": money the
    startup raised from investors, never the price its buyer paid."""
    result = _analyse_in(
        "de",
        "Harbor kauft zu\n\nDas Team des Startups Quillbyte wechselt zum Internetkonzern "
        "Harbor. Harbor hat das Startup Quillbyte übernommen. Quillbyte hat seit 2019 rund 9 "
        "Millionen US-Dollar an Investitionskapital eingesammelt. Der Kaufpreis wurde nicht "
        "genannt.",
        WATCHLIST,
    )
    assert _deal_ids(result) == {"harbor--quillbyte"}
    assert not [c for c in result.claims if c.metric == "deal_amount_usd"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Harbor buys Quillbyte\n\nHarbor has bought Quillbyte for $20 million. After the "
            "deal, the team of Quillbyte will join Harbor's maps group.",
        ),
        (
            "es",
            "Harbor compra Quillbyte\n\nHarbor ha comprado la startup Quillbyte por 20 millones "
            "de dólares. Tras la operación, el equipo de Quillbyte se incorporará a la plantilla "
            "de Harbor.",
        ),
    ],
)
def test_people_moving_after_the_deal_the_text_tells_are_part_of_it(language, text):
    """ "After the deal, the team of Quillbyte will join Harbor": the time after the deal this
    text tells, not an earlier deal told as background."""
    [hire] = [r for r in _relations(text, language) if r.kind == "hire"]
    assert (hire.acquirer, hire.target, hire.background) == ("Harbor", "Quillbyte", False)


@pytest.mark.parametrize(
    ("text", "deal_id"),
    [
        (
            "Harbor snaps up a painting app\n\nHarbor is buying Quillbyte, a phone app that names "
            "any painting you point it at. Its two founders move to Zurich.",
            "harbor--quillbyte",
        ),
        # of two purchases the lead tells, the one of the company the text names most
        (
            "Harbor buys German Task management app, Quillbyte\n\nHarbor has bought Quillbyte, "
            "the maker of a to-do app. Quillbyte was founded in Berlin in 2016.",
            "harbor--quillbyte",
        ),
        # a purchase told as the past is no news
        (
            "A painting app's founders look back\n\nHarbor bought Quillbyte in 2014, and the "
            "app was closed. Its two founders now run a gallery.",
            None,
        ),
        # a company bought whole states its price
        (
            "Harbor buys a cloud company\n\nHarbor is buying Quillbyte for $4 billion, its "
            "largest purchase. Quillbyte's staff of 900 will stay in Tel Aviv.",
            None,
        ),
    ],
)
def test_the_purchase_the_lead_tells_is_the_deal_of_an_article_about_one(text, deal_id):
    """Where the article's words say it is about a talent deal but the rules name none, the
    purchase its headline or lead tells is the deal: not one told as the past, nor one at a
    company's price."""
    steps = read_steps(text, "en", EMPTY_WATCHLIST)
    told = purchase_told_first(steps.relations, steps.names, 0.7, "en")
    assert (told and deal_id_for(told.acquirer, told.target)) == deal_id


def test_a_name_shown_to_be_a_company_is_the_company_in_every_sentence():
    """ "Quillsoft was founded in 2009 … Ana Reyes, Tom Blake, and Li Wei of Quillsoft are joining
    Harbor": the name the text has shown to be a company's is that company where nothing else
    in the sentence marks it (after a list of people, opening a sentence); not the end of a longer
    name ("The Washington Post" of a text that calls a paper "The Post")."""
    steps = read_steps(
        "Harbor buys Quillsoft Systems\n\nHarbor has bought Quillsoft Systems, the maker of two "
        "note-taking apps. Quillsoft was founded in 2009 in Toronto. Ana Reyes, Tom Blake, and "
        "Li Wei of Quillsoft are joining Harbor. The Post reports that the deal closed in May, "
        "as first reported by The Washington Post.",
        "en",
        EMPTY_WATCHLIST,
    )
    assert [o.name for o in steps.names.orgs[3]] == ["Quillsoft Systems", "Harbor"]
    assert [o.surface for o in steps.names.orgs[4]] == ["Post"]


def test_a_hyphen_of_another_code_point_reads_as_a_hyphen_and_the_quote_keeps_it():
    """ "$1.1 billion for a non‑exclusive licence" written with a non-breaking hyphen (U+2011):
    the licence fee, as with "-"; the claim quotes the sentence as written."""
    text = (
        "Harbor pays for Quillbyte's team\n\nHarbor is paying $1.1 billion for a non\u2011exclusive "
        "license to Quillbyte's models while hiring its chief executive Ana Reyes and most of "
        "her researchers."
    )
    _, result = _analyse(text, EMPTY_WATCHLIST)
    [claim] = result.claims
    assert claim.metric == "licence_fee_usd"
    assert "non\u2011exclusive" in claim.quote


def test_people_listed_as_of_a_startup_who_join_a_company_are_its_people_moving():
    """ "Ana Reyes, Tom Blake, and Li Wei of Quillsoft Systems are joining Harbor to work on its
    notes team": the startup's people move to Harbor, whatever the size of either company."""
    [hire] = [
        r
        for r in _relations(
            "Harbor buys Quillsoft Systems\n\nHarbor has bought Quillsoft Systems, the maker of "
            "two note-taking apps. Ana Reyes, Tom Blake, and Li Wei of Quillsoft Systems are "
            "joining Harbor to work on its notes team."
        )
        if r.kind == "hire"
    ]
    assert (hire.acquirer, hire.target) == ("Harbor", "Quillsoft Systems")
    assert hire.people == ("Ana Reyes", "Tom Blake", "Li Wei")


def test_the_words_of_a_companys_name_say_nothing_of_what_the_clause_tells():
    """ "Quillbyte Incorporated has drawn investments from Harbor and its engineers": the legal
    form "Incorporated" is no hiring ("incorporates"), so the clause tells money, not people."""
    relations = _relations(
        "Harbor invests in Quillbyte\n\nRobot software startup Quillbyte Incorporated has drawn "
        "investments from Harbor and its engineers, totalling $35 million."
    )
    assert [(r.kind, r.acquirer, r.target) for r in relations] == [("pay", "Harbor", "Quillbyte")]


def test_a_company_that_says_it_has_acquired_is_the_buyer():
    """ "As talk of Google's purchase talks with Harbor grew, Harbor said Wednesday it has acquired
    Quillbyte Labs": the pronoun is the company that speaks, not the listed giant named before."""
    relations = _relations(
        "Harbor buys a startup\n\nAs talk of Google's purchase talks with Harbor grew, Harbor said "
        "Wednesday it has acquired Quillbyte Labs, a startup that runs a web tool.",
        watchlist=WATCHLIST,
    )
    assert ("acquire", "Harbor", "Quillbyte Labs") in {
        (r.kind, r.acquirer, r.target) for r in relations
    }
    assert ("Google", "Quillbyte Labs") not in {(r.acquirer, r.target) for r in relations}


def test_a_startup_that_brings_its_staff_with_it_hires_no_one():
    """ "Quillbyte brings with it a staff of ten": its own people, carried along to its buyer."""
    assert not read_steps("Quillbyte brings with it a staff of ten.").cues[0].present("hire")
    assert read_steps("Harbor brings in a staff of ten.").cues[0].present("hire")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Harbor s'offre l'équipe de designers de Quillbyte."),
        ("fr", "Harbor s’est offert la jeune pousse Quillbyte."),
        ("de", "Der Konzern legt sich das Start-up Quillbyte zu."),
    ],
)
def test_buying_a_company_for_oneself_is_buying_it(language, text):
    """ "s'offrir" in French, "sich zulegen" in German: a company buys another for itself."""
    assert read_steps(text, language).cues[0].present("acquire")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "You may recall the acquisition of the startup Quillbyte by the payments company Harbor.",
        ),
        (
            "en",
            "You may recall the recent acquisition of Quillbyte, by the payments platform Harbor.",
        ),
        (
            "pt",
            "Lembra da aquisição da startup catarinense Quillbyte, pela plataforma de investimentos Harbor.",
        ),
        (
            "es",
            "Recuerde la adquisición de la startup Quillbyte por la plataforma Harbor este año.",
        ),
    ],
)
def test_the_purchase_of_a_company_described_by_a_buyer_described(language, text):
    """ "the acquisition of the startup Quillbyte by the payments company Harbor": words that say
    what each company is, between the purchase and the name and between "by" and the buyer."""
    relations = _relations(f"Deals\n\n{text}", language)
    assert [(r.kind, r.acquirer, r.target) for r in relations] == [
        ("acquire", "Harbor", "Quillbyte")
    ]


def test_chinese_money_paid_to_obtain_the_licence_and_for_a_release_from_claims():
    """ "支付4.8亿美元获得Quillbyte模型的授权": paid to obtain the licence of its models, the
    licence fee; "支付约2000万美元让该公司放弃……法律权利": paid for it to give up its legal
    rights, no price of the deal."""
    result = _analyse_in(
        "zh",
        "微软向人工智能初创公司Quillbyte支付5亿美元\n\n据知情人士周四透露,微软已同意向人工智能"
        "初创公司Quillbyte支付5亿美元,并聘请其大部分员工。作为协议的一部分,微软将支付4.8亿美元"
        "获得Quillbyte模型的授权,并支付约2000万美元让该公司放弃与这次雇佣相关的任何法律权利。",
        WATCHLIST,
    )
    assert {(c.metric, c.stated) for c in result.claims} == {
        ("deal_amount_usd", "5亿美元"),
        ("licence_fee_usd", "4.8亿美元"),
    }


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # Portuguese: "will be part of the team", in the future
        ("pt", "Os colaboradores da Quillbyte vão fazer parte do time de mapas da Harbor."),
        # Spanish: "will go on to work in the team"
        (
            "es",
            "Cinco empleados de Quillbyte pasarán a desempeñarse en el equipo de mapas de Harbor.",
        ),
    ],
    ids=["pt: vão fazer parte do time", "es: pasarán a desempeñarse en el equipo"],
)
def test_staff_who_will_become_part_of_the_buyers_team_join_it(language, sentence):
    """The bought startup's people told as becoming part of one of the buyer's teams join the
    buyer: a hire from the startup to the buyer."""
    found = {(r.kind, r.acquirer, r.target) for r in _relations(sentence, language)}
    assert ("hire", "Harbor", "Quillbyte") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "After a hard year with its Quillbyte acquisition, Harbor has decided to let the team go.",
        "The Quillbyte purchase gives Harbor a team of ten engineers.",
    ],
)
def test_a_name_before_a_purchase_noun_is_what_was_bought(sentence):
    """ "the Quillbyte acquisition": the name before the noun is the company bought, never the
    buyer of the company the clause names next, which is likely its buyer."""
    found = {(r.kind, r.acquirer, r.target) for r in _relations(sentence)}
    assert ("acquire", "Quillbyte", "Harbor") not in found
    assert ("acquire", "Harbor", "Quillbyte") in found


def test_a_headline_naming_the_buyer_before_its_purchase_noun_keeps_the_buyer():
    """ "Harbor acqui-hire: Quillbyte": a label naming the buyer's purchase, not a noun phrase
    naming what was bought."""
    found = {
        (r.kind, r.acquirer, r.target)
        for r in _relations(
            "Harbor acqui-hire: Quillbyte\n\nHarbor has taken on the engineers of Quillbyte."
        )
    }
    assert ("acquihire", "Harbor", "Quillbyte") in found
    assert not [f for f in found if f[1:] == ("Quillbyte", "Harbor")]


@pytest.mark.parametrize(
    ("said", "instead", "a_deal"),
    [
        ("", "", True),
        # the purchase in the news, not recalled: a company bought whole, its founder with it
        ("When Harbor bought Quillbyte in 2017", "Harbor has bought Quillbyte", False),
        # bought at a company's price
        ("bought Quillbyte in 2017", "bought Quillbyte for $2 billion in 2017", False),
    ],
    ids=["recalled, a founder joining", "in the news", "a company's price"],
)
def test_a_recalled_purchase_whose_founder_joined_the_buyer_is_a_mentioned_talent_deal(
    said, instead, a_deal
):
    """A story about a founder leaving recalls the small purchase that brought him to the buyer:
    an acqui-hire it mentions, never its subject."""
    story = (
        "Harbor's notes chief moves on\n\n"
        "Dana Holt, who co-founded the note-taking app Quillbyte, is leaving Harbor after six years. "
        "When Harbor bought Quillbyte in 2017, Holt joined Harbor as an engineering manager."
    )
    _, result = _analyse(story.replace(said, instead), EMPTY_WATCHLIST)
    recalled = (
        _roles(result) == {"harbor--quillbyte": "mentioned"} and result.relevance == "mentioned"
    )
    assert recalled is a_deal


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Harbor compra Quillbyte\n\nHarbor ha comprado la startup Quillbyte y contratado a sus fundadores.",
        ),
        (
            "fr",
            "Harbor rachète Quillbyte\n\nHarbor a racheté la startup Quillbyte et embauché ses fondateurs.",
        ),
    ],
)
def test_a_company_opening_a_sentence_with_a_deal_verb_after_its_auxiliary_is_a_company(
    language, text
):
    """An unlisted buyer opening a sentence, its verb after an auxiliary ("Harbor ha comprado …"),
    is a company where the text names it again; an adverb opening a sentence ("Finalmente compró
    …") is not."""
    assert _roles(_analyse_in(language, text)) == {"harbor--quillbyte": "subject"}
    found = read_steps(
        "Harbor compra Quillbyte\n\nFinalmente compró la startup Bytewise.", "es", EMPTY_WATCHLIST
    ).names
    assert "Finalmente" not in {o.name for sentence in found.orgs for o in sentence}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ja", "Quillbyteのスタッフ全員はHarborに加わる。"),  # "staff", in katakana
    ],
)
def test_the_words_for_a_startups_staff_make_its_move_a_hire(language, sentence):
    found = {(r.kind, r.acquirer, r.target) for r in _relations(sentence, language)}
    assert ("hire", "Harbor", "Quillbyte") in found


def test_backers_written_as_an_acronym_are_no_company():
    """ "failed to appease its VCs": venture capitalists in general, no company of that name."""
    found = read_steps(
        "Quillbyte shut down\n\nQuillbyte failed to appease its VCs and was bought by Harbor.",
        "en",
        EMPTY_WATCHLIST,
    ).names
    assert "VCs" not in {o.name for sentence in found.orgs for o in sentence}


@pytest.mark.parametrize(
    "headline",
    [
        "Harbor cuts 600 AI jobs despite $14 billion Quillbyte investment",
        "Harbor slashes AI roles months after Quillbyte deal",
    ],
)
def test_a_headline_of_jobs_cut_after_a_deal_tells_what_came_after_it(headline):
    """Jobs cut at the buyer, months after its deal: the deal is what came before the news, a
    mention, not the story's subject."""
    text = (
        f"{headline}\n\nHarbor, the cloud giant, cut 600 jobs in its AI unit on Wednesday, months "
        "after it paid $14 billion for a stake in the startup Quillbyte and hired its founder Dana Holt."
    )
    _, result = _analyse(text, EMPTY_WATCHLIST)
    assert _roles(result) == {"harbor--quillbyte": "mentioned"}
    assert result.relevance == "mentioned"


def test_an_investment_holding_no_equity_hires_no_one():
    """ "holds no equity in the company": said of an investment, it frames no hire; only words
    that people move make a talent deal of a stake."""
    text = (
        "Harbor partners with startup Quillbyte\n\n"
        "Harbor announced a multiyear partnership with the startup Quillbyte. Harbor will take a "
        "minority stake in Quillbyte as part of the deal. Harbor confirmed its investment in "
        "Quillbyte but said it holds no equity in the company."
    )
    _, result = _analyse(text, EMPTY_WATCHLIST)
    assert result.deals == ()
    assert result.relevance == "unrelated"


def test_a_legal_form_in_a_name_tells_no_hiring_beside_an_investment():
    """ "Quillbyte Incorporated has drawn investments from Harbor": the name's "Incorporated" is
    no word of taking people on; a stake alone is no talent deal."""
    text = (
        "Harbor and Nimbus invest in robotics startup\n\n"
        "Robotics startup Quillbyte Incorporated has drawn investments from Harbor Systems and "
        "Nimbus, totalling $35 million, Dana Holt of Bloomberg reported. Harbor will pick up a "
        "minority stake in Quillbyte with a $25 million investment."
    )
    _, result = _analyse(text, EMPTY_WATCHLIST)
    assert result.deals == ()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "pt",
            "Harbor compra Quillbyte\n\nA Harbor comprou a startup Quillbyte por 20 milhões de "
            "dólares. Os colaboradores da companhia comprada vão fazer parte do time de busca.",
        ),
        (
            "en",
            "Harbor buys Quillbyte\n\nHarbor has bought the startup Quillbyte for $20 million. "
            "The employees of the acquired company will join the search team.",
        ),
    ],
)
def test_the_company_bought_named_by_what_it_is_is_the_startup(language, text):
    """ "os colaboradores da companhia comprada", "the employees of the acquired company": the
    startup told as bought, whose people join the buyer."""
    found = read_steps(text, language, EMPTY_WATCHLIST).relations
    assert ("hire", "Harbor", "Quillbyte") in {(r.kind, r.acquirer, r.target) for r in found}


def test_people_after_the_buyer_of_a_passive_purchase_are_the_buyers():
    """ "it was bought by Harbor, where a million people tag places": the people are the buyer's
    users, not what it bought; Harbor is the buyer."""
    found = {
        (r.kind, r.acquirer, r.target)
        for r in _relations(
            "Quillbyte founder explains the app\n\nDana Holt started Quillbyte in 2007, but it was "
            "bought by Harbor where a million people tag places each month."
        )
    }
    assert ("acquire", "Harbor", "Quillbyte") in found
    assert not [f for f in found if f[1:] == ("Quillbyte", "Harbor")]


def test_a_company_bought_hires_no_one_in_its_clause():
    """ "Harbor acquired Quillbyte Inc., …, with plans to absorb its team": the team is
    Quillbyte's, and Quillbyte, the object of the purchase, hires no one."""
    found = _relation_keys(
        "Harbor acquired Quillbyte Inc., a three-year-old design startup, with plans to absorb "
        "its team and shut down its app -- a move that may be tied to Harbor's new partnership "
        "with Halcyon."
    )
    assert ("acquire", "Harbor", "Quillbyte") in found
    assert not [f for f in found if f[1] == "Quillbyte"]


def test_the_name_before_buy_as_a_noun_is_what_was_bought():
    """ "The Quillbyte buy comes … after Harbor …": Quillbyte is bought, Harbor buys."""
    found = _relation_keys(
        "Harbor Labs said Monday it has closed a deal. The Quillbyte buy comes a few months "
        "after Harbor signed a partnership with Halcyon."
    )
    assert ("acquire", "Harbor Labs", "Quillbyte") in found
    assert ("acquire", "Quillbyte", "Harbor Labs") not in found


def test_a_capital_a_inside_a_sentence_is_part_of_the_name():
    """ "will acquire A Bit Brighter": a capital "A" inside a sentence is no article."""
    steps = read_steps(
        "News\n\nHarbor Labs will acquire A Bit Brighter, a studio known for puzzle games. "
        "Harbor said more than 20 A Bit Brighter employees will join its London office."
    )
    assert "A Bit Brighter" in company_names(steps.names)
    assert "Bit Brighter" not in company_names(steps.names)


def test_two_lists_paired_respectively():
    """ "Lumeo and Quillbyte were both acqui-hires, … at Pinterest and Yahoo respectively": the
    first of each list goes together, and so does the second."""
    found = _relation_keys(
        "News\n\nYahoo said it had bought a small travel app called Quillbyte. Pinterest has "
        "itself grabbed the similar Lumeo. Lumeo and Quillbyte were both acqui-hires, to get "
        "the founders of these companies to work at Pinterest and Yahoo respectively.",
        watchlist=WATCHLIST,
    )
    assert {("acquihire", "Pinterest", "Lumeo"), ("acquihire", "Yahoo", "Quillbyte")} <= found
    assert not [f for f in found if f[1] in {"Lumeo", "Quillbyte"}]


def test_grabbing_a_company_is_buying_it_but_not_grabbing_headlines():
    steps = read_steps("News\n\nHarbor Labs has itself grabbed the similar Quillbyte.")
    assert steps.cues[1].present("acquire")
    steps = read_steps("News\n\nHarbor Labs grabbed headlines with its new app.")
    assert not steps.cues[1].present("acquire")


def test_a_latin_name_glossed_in_kana_is_one_company():
    """ "アプリQuillbyte(クイルバイト)": the kana spelling in brackets names the same company
    wherever the article writes it again; a word translated once ("Hire (고용하다)") names none."""
    steps = read_steps(
        "話題\n\n写真を整理するアプリQuillbyte(クイルバイト)の買収だ。クイルバイトのチームはヤフーに合流した。",
        "ja",
        WATCHLIST,
    )
    assert [o.name for o in steps.names.orgs[2] if o.surface == "クイルバイト"] == ["Quillbyte"]
    steps = read_steps(
        "설명\n\nAcqui-hire는 Acquire (인수하다)와 Hire (고용하다)를 합성한 말이다.",
        "ko",
        WATCHLIST,
    )
    assert not [o for found in steps.names.orgs for o in found if o.surface.endswith("하다")]


_BROUGHT_ALONG = (
    "Harbor buys Quillbyte\n\nHarbor said Wednesday it has acquired Quillbyte, a small app maker "
    "in Leeds. Quillbyte brings with it a small staff -- fewer than 20 people, according to "
    "Harbor's spokeswoman -- who will join Harbor's staff of more than 3,000 people worldwide. "
    "The Quillbyte deal comes a day after Harbor bought two other apps."
)


def test_a_startup_that_brings_its_staff_along_is_the_one_hired_from():
    """ "Quillbyte brings with it a small staff … Harbor": Harbor takes them on; "The Quillbyte
    deal comes a day after Harbor …": Quillbyte's deal with Harbor, not Quillbyte paying."""
    found = _relation_keys(_BROUGHT_ALONG)
    assert {("hire", "Harbor", "Quillbyte"), ("deal", "Harbor", "Quillbyte")} <= found
    assert ("pay", "Quillbyte", "Harbor") not in found


def test_a_pair_read_both_ways_keeps_its_firmer_direction():
    """A firm purchase one way against weak readings the other: the purchase's direction."""
    _, result = _analyse(_BROUGHT_ALONG)
    assert _deal_ids(result) == {"harbor--quillbyte"}


def test_the_inside_prose_opens_a_name_unless_the_text_names_it_without():
    """ "has acquired The Lumeo Tribe": "The" inside a sentence is the name's own; a company the
    text also names without it ("the Quill Project", "Quill Project's") is named without it."""
    steps = read_steps(
        "News\n\nHarbor Labs has acquired The Lumeo Tribe, a startup building vision software. "
        "The staff of The Lumeo Tribe will join Harbor Labs."
    )
    assert "The Lumeo Tribe" in company_names(steps.names)
    steps = read_steps(
        "News\n\nHarbor Labs has acquired The Quill Project, a startup building vision software. "
        "Quill Project's staff will join Harbor Labs."
    )
    assert company_names(steps.names) == {"Harbor Labs", "Quill Project"}


def test_a_kind_word_and_an_adjective_after_it_introduce_the_name():
    """ "la startup francese Quillbyte": where adjectives follow their noun, "la startup" with its
    adjective says what Quillbyte is; it stands for no other company (not Harbor, the startup
    named before)."""
    found = _relation_keys(
        "Notizie\n\nLanciata a Londra nel 2015, la startup Harbor è diventata un'impresa. "
        "Harbor ha appena acquisito la startup francese Quillbyte, specializzata in machine "
        "learning.",
        "it",
    )
    assert ("acquire", "Harbor", "Quillbyte") in found


def test_a_quoted_title_case_headline_names_no_companies():
    """ "o título “Harbor Will Pay $500,000 To ‘Buy’ An Engineer”": a headline quoted in Title
    Case, whose capitals mark no names ("Buy", "Engineer")."""
    steps = read_steps(
        "Histórico\n\nUm outro texto tem o título “Harbor Will Pay $500,000 To $1,000,000 To ‘Buy’ "
        "An Engineer”. A Meta comprou a Quillbyte.",
        "pt",
        WATCHLIST,
    )
    assert company_names(steps.names) == {"Meta", "Quillbyte"}


def test_companies_the_sentence_before_told_of_named_in_a_list():
    """ "o Facebook comprou 13 empresas … por causa de seus engenheiros. Três dessas empresas são
    FriendFeed, Quillbyte, Lumeo Labs": each is one of those purchases for the engineers."""
    _, result = _analyse(
        "Histórico\n\nEntre 2008 e 2012, o Facebook comprou 13 empresas apenas por causa de seus "
        "engenheiros. Três dessas empresas são FriendFeed, Quillbyte, Lumeo Labs.",
        WATCHLIST,
    )
    assert _roles(result) == {
        "meta--friendfeed": "mentioned",
        "meta--quillbyte": "mentioned",
        "meta--lumeo-labs": "mentioned",
    }


def test_they_who_bought_is_the_company_named_before():
    """ "They also purchased Quillbyte": the plural pronoun, as "it", stands for the payer named
    before; "bought" and "purchased" are among its verbs."""
    found = _relation_keys(
        "News\n\nYahoo has been buying small apps this year. They also purchased Quillbyte in "
        "June, moving its whole team to London.",
        watchlist=WATCHLIST,
    )
    assert ("acquire", "Yahoo", "Quillbyte") in found


def test_a_listed_buyer_in_odd_capitals_is_the_buyer():
    """ "FaceBook" is Facebook, Meta, a listed buyer: people moving to it from another listed
    company make no deal between the two."""
    steps = read_steps(
        "Review\n\nMira Osei, who worked at Apple, took her team to FaceBook in 2011.",
        watchlist=WATCHLIST,
    )
    assert company_names(steps.names) == {"Apple", "Meta"}
    assert steps.names.kinds["Meta"] == "acquirer"


def test_a_past_employer_hires_no_one():
    """ "led by former Apple designer Mira Osei and the team she brought to Harbor": Apple is
    where she worked before, not who hired."""
    found = _relations(
        "Review\n\nThe design team, led by former Apple designer Mira Osei and the team she "
        "brought to FaceBook with her in 2011, built the app."
    )
    assert not [r for r in found if r.kind == "hire" and r.acquirer == "Apple"]


def test_in_exchange_is_no_former_employer():
    """ "In exchange Harbor has hired …": "ex" of "exchange" does not make Harbor someone's
    former employer ("ex-Google" does)."""
    found = _relation_keys(
        "News\n\nHarbor will pay Quillbyte $40 million. In exchange Harbor has hired co-founders "
        "Mira Osei and Tom Vale and most of Quillbyte's 30-person staff."
    )
    assert ("hire", "Harbor", "Quillbyte") in found


@pytest.mark.parametrize(
    ("language", "text", "read", "not_read"),
    [
        # the startup's own early money, then Yahoo's payment: Yahoo pays, it funds no round
        (
            "ja",
            "話題\n\nアプリQuillbyte(クイルバイト)の買収だ。クイルバイトは、大阪の学生が50万ドル未満の"
            "初期投資を得て作ったサービスで、ヤフーは今年5月、これに1000万ドルを支払った。",
            ("pay", "Yahoo", "Quillbyte"),
            ("funding", "Yahoo", "Quillbyte"),
        ),
        # a passive move "zu Google": Google hires Quillbyte's people
        (
            "de",
            "Nachrichten\n\nGoogle zahlte 50 Millionen Dollar für das Start-up Quillbyte. Quillbyte "
            "wurde samt seiner Geschäftsführerin Anna Weber zu Google geholt.",
            ("hire", "Google", "Quillbyte"),
            ("hire", "Quillbyte", "Google"),
        ),
        # a passive purchase right after the buyer: Quillbyte is bought by Google
        (
            "ja",
            "ニュース\n\n2010年創設のQuillbyteはGoogleに買収される前に、約500万ドルを調達していた。",
            ("acquire", "Google", "Quillbyte"),
            ("acquire", "Quillbyte", "Google"),
        ),
        (
            "ko",
            "뉴스\n\n스타트업 퀼바이트(Quillbyte)는 지난해 구글에 인수됐다.",
            ("acquire", "Google", "Quillbyte"),
            ("acquire", "Quillbyte", "Google"),
        ),
    ],
)
def test_who_pays_hires_or_buys_in_other_languages(language, text, read, not_read):
    """ "QuillbyteはGoogleに買収される", "Quillbyte wurde … zu Google geholt", "…初期投資を得て…、
    ヤフーは…これに1000万ドルを支払った": the second company is the payer, hirer or buyer."""
    found = _relation_keys(text, language, WATCHLIST)
    assert read in found
    assert not_read not in found


def test_a_list_of_payers_gives_a_known_startup_its_known_payer():
    """ "Microsoft, Amazon and Meta paid … to hire founders from startups such as Inflection and
    Adept": no word pairs a payer with a startup, so the watchlist's payer of each, named in the
    same list, is its payer, not the list's last item."""
    text = (
        "Analysis\n\nGroq said it would license its chips to Nvidia. Tech giants like Microsoft, "
        "Amazon, and Meta have paid large sums to license technology and hire founders from "
        "startups such as Inflection and Adept without buying the companies."
    )
    ids = _deal_ids(_analyse(text, WATCHLIST)[1])
    assert {"microsoft--inflection-ai", "amazon--adept"} <= ids
    assert not ids & {"meta--inflection-ai", "meta--adept"}


def test_a_persons_surname_after_a_curly_possessive_is_that_person():
    """ "Harbor CEO Mira Osei’s plan … Osei has snatched up three startups": Osei is the person
    named with a possessive before, not a company; "Brit" is a nationality; "Lumeo, the photo app
    created by … Tom Vale" makes Vale Lumeo's."""
    steps = read_steps(
        "Buyers\n\nHarbor CEO Mira Osei’s plan is working. Osei has snatched up three small "
        "startups since May, among them Lumeo, the photo app created by 19-year-old Brit, Tom Vale."
    )
    assert company_names(steps.names) == {"Harbor", "Lumeo"}
    # the person who created the app described after its name is its own
    assert steps.names.affiliation.get("Tom Vale") == "Lumeo"


def test_a_cofounder_going_back_is_no_deal_whatever_the_text_calls_the_hire():
    """ "Tom Vale, co-founder of Quillbyte, has left the startup to rejoin Harbor … The hire comes
    as Harbor reorganises": a person going back to a former employer, no payment stated."""
    result = _analyse(
        "Quillbyte co-founder rejoins Harbor\n\nTom Vale, co-founder of Quillbyte, has left the "
        "startup to rejoin Harbor, where he worked for six years. The hire comes as Harbor "
        "reorganises its research groups and plans to spend more on computing."
    )[1]
    assert result.relevance == "unrelated"
    assert not result.deals


def test_people_transferred_from_one_company_to_the_other_join_the_second():
    """ "The deal entailed the transfer of business operations and employees from Lumeo to
    Harbor": Harbor takes Lumeo's people (not Lumeo Harbor's)."""
    found = _relation_keys(
        "News\n\nLumeo says Harbor misled it after buying the company in May. The deal entailed "
        "the transfer of business operations and employees from Lumeo to Harbor."
    )
    assert ("hire", "Harbor", "Lumeo") in found
    assert ("hire", "Lumeo", "Harbor") not in found


def test_a_team_hired_from_a_startup_the_buyer_has_not_acquired_is_no_deal():
    """ "Harbor has hired the data team at Lumeo … However, Harbor hasn't acquired the startup":
    people hired, nothing bought and no payment; a suit in the "Leeds High Court" is no company."""
    text = (
        "Harbor hires data team from Lumeo\n\nHarbor has hired the data team at Lumeo, made up "
        "of at least 18 people and two co-founders. Lumeo, a Leeds startup, sells data advice. "
        "However, Harbor hasn't acquired the startup and didn't say what the team will work on. "
        "A former investor has filed a suit at the Leeds High Court."
    )
    assert not _analyse(text)[1].deals
    assert "Leeds High Court" not in company_names(read_steps(text).names)


def test_companies_listed_as_one_buyers_purchases_are_no_deal_with_each_other():
    """ "its team in Pune, which it gained through acquisitions of Lumeo and Quillbyte, and later
    Halcyon": three companies bought, none of them another's buyer."""
    ids = _deal_ids(
        _analyse(
            "Harbor shuts an office\n\nHarbor closed its office in Leeds. The reason is its growing "
            "focus on its engineering team in Pune, which it gained through acquisitions of Lumeo "
            "and Quillbyte, and later Halcyon."
        )[1]
    )
    assert not ids & {"lumeo--quillbyte", "quillbyte--halcyon", "lumeo--halcyon"}


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        (
            "es",
            "Noticias\n\nLa práctica es antigua en Estados Unidos, pero empieza ahora en España.",
            "España",
        ),
        (
            "es",
            "Noticias\n\nLa práctica es antigua en Estados Unidos, pero empieza ahora en España.",
            "Estados Unidos",
        ),
    ],
)
def test_countries_as_other_languages_write_them_are_no_names(language, text, place):
    """ "Estados Unidos", "España": places, as "United States" and "Spain" are (neither a company
    nor a person)."""
    steps = read_steps(text, language)
    named = company_names(steps.names) | {p.name for found in steps.names.people for p in found}
    assert place not in named


@pytest.mark.parametrize(
    "text",
    [
        # a team acquired in the passive, and the buyer four words after "by"
        "Harbor buys Lumeo\n\nLumeo, a small collage app, has been acquired by the photo-sharing "
        "giant Harbor. The Lumeo team is being acquired for its design talent.",
        # bought less for the technology than for the founders' minds
        "Lumeo, formerly of Leeds, gets acquired by Harbor\n\nThe photo app Lumeo was bought by "
        "Harbor. The company planned to let people talk to others in real time. He said the "
        "investment wasn't as much in the technology as it was the intellect of Lumeo founders Tom "
        "Vale and Ana Reyes.",
        # the startup's vice president ("Lumeo’ vice president"), now holding a post at the buyer
        "Why did Harbor need Lumeo?\n\nHarbor paid an undisclosed amount for Lumeo, a small firm "
        "in Cork that makes voice search for shops. Last year, Tom Vale, at that time Lumeo’ vice "
        "president of product, spoke on a podcast. Vale, now engineering manager for maps at "
        "Harbor, said Lumeo chose depth over breadth.",
    ],
    ids=["team-acquired-passive", "founders-intellect", "vice-president-now-at-buyer"],
)
def test_a_purchase_of_its_people_told_in_words_of_its_own(text):
    """ "The Lumeo team is being acquired for its design talent", "the investment wasn't as much
    in the technology as it was the intellect of Lumeo founders …", "Tom Vale, at that time
    Lumeo’ vice president … Vale, now engineering manager … at Harbor": Harbor pays for Lumeo's
    people."""
    assert _roles(_analyse(text)[1]) == {"harbor--lumeo": "subject"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Tom Vale sold his startup, Quillbyte, to Harbor on Monday.",
        "The routing start-up Quillbyte, which was sold to Harbor last spring, had built maps.",
        "Quillbyte, the routing start-up, ultimately sold itself to Harbor.",
        "The routing start-up Quillbyte agreed to sell itself to Harbor.",
        "The routing start-up Quillbyte's sale to Harbor closed on Monday.",
        "The routing start-up Quillbyte makes maps. The sale of Quillbyte to Harbor closed.",
        "The routing start-up Quillbyte will be folded into Harbor.",
        "The routing start-up Quillbyte, now part of Harbor, builds maps.",
        "The routing start-up Quillbyte is merging into Harbor.",
    ],
)
def test_a_company_sold_to_another_is_bought_by_it(sentence):
    relations = _relation_keys(f"Routing news\n\n{sentence}")
    assert ("acquire", "Harbor", "Quillbyte") in relations
    assert ("acquire", "Quillbyte", "Harbor") not in relations


@pytest.mark.parametrize(
    "sentence",
    [
        "Quillbyte, the routing start-up, sold some of its patents to Harbor.",
        "The routing start-up Quillbyte's software will be folded into Harbor's app.",
        "The routing start-up Quillbyte merged with Harbor.",
    ],
)
def test_what_a_company_sells_or_folds_in_is_not_the_company(sentence):
    assert ("acquire", "Harbor", "Quillbyte") not in _relation_keys(f"Routing news\n\n{sentence}")


def test_a_startup_sold_with_its_engineers_moving_is_an_acquihire():
    _, result = _analyse(
        "Harbor takes in the Quillbyte team\n\n"
        "Quillbyte, the routing startup, sold itself to Harbor on Monday for an undisclosed sum, "
        "and its ten engineers will join the Harbor maps team."
    )
    [deal] = result.deals
    assert (deal.deal_id, deal.role, deal.kind) == ("harbor--quillbyte", "subject", "acquihire")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "The routing start-up Quillbyte, which Harbor bought for $40 million, employs 30.",
            "acquire",
        ),
        ("The routing start-up Quillbyte, which Harbor later acquired, builds maps.", "acquire"),
        (
            "The deal follows the purchase of routing start-up Quillbyte, for which Harbor paid "
            "$40 million to bring over its 30 engineers.",
            "pay",
        ),
    ],
)
def test_a_relative_clause_names_the_buyer_before_its_verb(sentence, kind):
    assert (kind, "Harbor", "Quillbyte") in _relation_keys(f"Routing news\n\n{sentence}")


def test_a_relative_clause_without_a_purchase_relates_nothing():
    relations = _relation_keys(
        "Routing news\n\nThe routing start-up Quillbyte, which Harbor praised last year, builds maps."
    )
    assert not {r for r in relations if {r[1], r[2]} == {"Harbor", "Quillbyte"}}


def test_a_hire_of_one_startups_people_implies_none_for_a_purchase_beside_it():
    _, result = _analyse(
        "Harbor to license Quillbyte's models and hire its founders\n\n"
        "Harbor, the logistics company, will pay $40 million to license the models of routing "
        "start-up Quillbyte and hire its co-founders Ana Ruiz and Tom Berg. In 2021, Harbor paid "
        "$90 million for the mapping firm Halcyon."
    )
    assert _deal_ids(result) == {"harbor--quillbyte"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Harbor es una empresa de logística y Quillbyte es una startup. "
               "Quillbyte vendió su negocio a Harbor."),
        ("fr", "Harbor est une entreprise de logistique et Quillbyte est une start-up. "
               "Quillbyte a été vendue à Harbor."),
        ("pt", "A Harbor é uma empresa de logística e a Quillbyte é uma startup. "
               "A Quillbyte foi vendida para a Harbor."),
        ("it", "Harbor è un'azienda di logistica e Quillbyte è una startup. "
               "Quillbyte è stata venduta a Harbor."),
    ],
)  # fmt: skip
def test_a_company_sold_to_another_is_bought_by_it_in_other_languages(language, text):
    assert ("acquire", "Harbor", "Quillbyte") in _relation_keys(f"Notizie\n\n{text}", language)


def test_a_portuguese_hire_pays_nothing():
    """ "contratou" is "hired", not "contrato" (a contract): no payment the wrong way round."""
    relations = _relation_keys(
        "Notícias\n\nA Harbor é uma empresa de logística e a Quillbyte é uma startup. "
        "A Harbor contratou os fundadores da Quillbyte.",
        "pt",
    )
    assert ("hire", "Harbor", "Quillbyte") in relations
    assert ("pay", "Quillbyte", "Harbor") not in relations


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Quillbyte has been acqui-hired by Harbor.", ("acquihire", "Harbor", "Quillbyte")),
        ("Quillbyte is being acqui-hired by Harbor.", ("hire", "Harbor", "Quillbyte")),
        ("Quillbyte licensed its models to Harbor.", ("licence", "Harbor", "Quillbyte")),
        ("Quillbyte's technology will be licensed to Harbor.", ("licence", "Harbor", "Quillbyte")),
        ("Harbor paid $40 million for a licence to Quillbyte's models.", ("licence", "Harbor", "Quillbyte")),
        ("Quillbyte's models are being licensed by Harbor.", ("licence", "Harbor", "Quillbyte")),
        ("Quillbyte, whose team Harbor hired last year, shut its app.", ("hire", "Harbor", "Quillbyte")),
    ],
)  # fmt: skip
def test_the_payer_of_a_passive_acquihire_or_a_licence_given_to_it(sentence, expected):
    relations = _relation_keys(
        "Routing news\n\nHarbor is a logistics company, and Quillbyte is a routing start-up. "
        + sentence
    )
    assert expected in relations
    kind, payer, startup = expected
    assert (kind, startup, payer) not in relations


def test_a_startup_acquihired_by_a_listed_company_is_its_deal():
    _, result = _analyse(
        "Google acqui-hires routing start-up\n\n"
        "The routing start-up Quillbyte has been acqui-hired by Google, the companies said on Monday."
    )
    assert result.relevance == "subject"
    [deal] = result.deals
    assert (deal.deal_id, deal.kind) == ("google--quillbyte", "acquihire")


@pytest.mark.parametrize(
    "sentence",
    [
        "Harbor snagged Quillbyte's chief executive and two of its engineers.",
        "Harbor offered jobs to Quillbyte's engineers after the start-up ran out of money.",
        "Quillbyte's engineers have been offered jobs at Harbor.",
    ],
)
def test_a_hire_told_with_a_newsroom_verb(sentence):
    """ "snagged", "offered jobs to": the first company takes on the second's people."""
    relations = _relation_keys(
        f"Routing news\n\nHarbor is a logistics company, and Quillbyte is a routing start-up. {sentence}"
    )
    assert ("hire", "Harbor", "Quillbyte") in relations
    assert ("hire", "Quillbyte", "Harbor") not in relations


def test_known_deals_listed_as_one_company_with_another_are_mentioned():
    """ "Microsoft with Inflection, Amazon with Adept": the one word "with" between two companies
    of a known deal pairs them, as a sign or a bracket does in a list of deals."""
    _, result = _analyse(
        "Halcyon hires the founders of Lumeo\n\n"
        "Halcyon, a logistics company, has hired the two founders of the routing start-up Lumeo "
        "and will pay $30 million to license its software. Before it came the larger platforms: "
        "Microsoft with Inflection AI, Amazon with Adept.",
        WATCHLIST,
    )
    roles = _roles(result)
    assert roles.get("microsoft--inflection-ai") == "mentioned"
    assert roles.get("amazon--adept") == "mentioned"


def test_a_known_deal_in_a_language_no_lexicon_reads_is_told_by_a_sum_beside_both_names():
    """Ukrainian has no lexicon: its words of paying and hiring are unread, but a sum of money in
    the sentence that names both parties of a known deal is read in any language."""
    article = article_from_text(
        "Ринок штучного інтелекту\n\n"
        "Великі технологічні компанії змагаються за інженерів. Торік Microsoft заплатила "
        "$650 млн компанії Inflection AI, і більшість її працівників перейшли до нової команди. "
        "Аналітики очікують нових подібних угод наступного року.",
        url="https://news.example/uk",
        origin="feed",
        fetched_at=FETCHED,
    )
    assert article.language == "uk"
    result = analyse(article, WATCHLIST)
    assert _roles(result).get("microsoft--inflection-ai") in {"subject", "mentioned"}
    assert any("English vocabulary only" in n for n in result.notes)


@pytest.mark.parametrize(
    "intro",
    [
        # a city's adjective, capitalised, before the word for what the company is
        "Das Berliner Start-up Quillbyte entwickelt Software für Routenplanung.",
        "Das Münchner KI-Start-up Quillbyte entwickelt Software für Routenplanung.",
        # what the company is, said by "ist ein"
        "Quillbyte ist ein junges Unternehmen aus München.",
    ],
)
def test_a_german_startup_named_once_as_one_is_read_where_it_is_bought(intro):
    """German capitalises every noun, so a capitalised word is a name only where the text treats
    it as one; these two ways of introducing a startup do."""
    relations = _relation_keys(f"Nachrichten\n\n{intro} Google kauft Quillbyte.", "de", WATCHLIST)
    assert ("acquire", "Google", "Quillbyte") in relations


def test_a_person_said_to_be_a_startup_founder_is_no_company():
    relations = _relation_keys(
        "Routing news\n\nTom Vale is a startup founder from Leeds. Harbor hired Tom Vale in May.",
        "en",
    )
    assert not {r for r in relations if "Tom Vale" in r}


def test_a_purchase_announced_by_its_buyer_in_german_is_the_buyers():
    """ "Harbor hat die Übernahme von Quillbyte angekündigt": an auxiliary and a "von", but a
    noun of its own between them, no passive."""
    relations = _relation_keys(
        "Nachrichten\n\nDas Berliner Start-up Quillbyte entwickelt Software. Google hat die "
        "Übernahme von Quillbyte angekündigt.",
        "de",
        WATCHLIST,
    )
    assert ("acquire", "Quillbyte", "Google") not in relations


@pytest.mark.parametrize(
    ("language", "sentence", "kind"),
    [
        ("it", "Google ha acquisito una quota del 49% di Quillbyte.", "stake"),
        ("it", "Google ha assunto i fondatori di Quillbyte.", "hire"),
        ("es", "Google se hizo con la empresa Quillbyte.", "acquire"),
        ("es", "Google absorbe a Quillbyte.", "acquire"),
    ],
)
def test_common_romance_phrasings_of_a_deal_with_a_listed_buyer(language, sentence, kind):
    """ "una quota del 49% di Quillbyte" is a stake in Quillbyte ("di" is "of", not "from");
    "ha assunto" has hired; "se hizo con", "absorbe a" buy."""
    intro = {
        "it": "Quillbyte è una startup di percorsi. ",
        "es": "Quillbyte es una startup de rutas. ",
    }[language]
    relations = _relation_keys(f"Notizie\n\n{intro}{sentence}", language, WATCHLIST)
    assert (kind, "Google", "Quillbyte") in relations
    assert (kind, "Quillbyte", "Google") not in relations


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a passive whose verb closes the clause: the company after "von", "door" buys
        ("de", "Nachrichten\n\nDas Berliner Start-up Quillbyte entwickelt Software für "
               "Routenplanung. Quillbyte wurde im Mai von Google übernommen."),
        ("nl", "Nieuws\n\nHet Amsterdamse bedrijf Quillbyte maakt software voor routes. "
               "Quillbyte wordt door Google overgenomen."),
        # the passive's mark before its agent
        ("zh", "新闻\n\nQuillbyte是一家路线规划初创公司。Quillbyte被谷歌收购。"),
        # a comma closes the subject; the case ending marks the object, not an item of a list
        ("tr", "Haberler\n\nRota girişimi Quillbyte yazılım geliştiriyor. Google, Quillbyte'ı "
               "satın aldı."),
    ],
)  # fmt: skip
def test_a_purchase_told_in_the_grammar_of_its_language_is_the_buyers(language, text):
    relations = _relation_keys(text, language, WATCHLIST)
    assert ("acquire", "Google", "Quillbyte") in relations
    assert ("acquire", "Quillbyte", "Google") not in relations


def test_a_chinese_purchase_whose_talks_broke_down_fell_through():
    """ "但谈判突然破裂": the talks broke down, the purchase is told as one that failed."""
    relations = _relations(
        "新闻\n\nQuillbyte是一家路线规划初创公司。Quillbyte原本将被谷歌收购,但谈判突然破裂。",
        "zh",
        WATCHLIST,
    )
    bought = [r for r in relations if r.kind == "acquire" and r.target == "Quillbyte"]
    assert bought and all(r.failed for r in bought)


def test_a_payer_named_among_a_rounds_investors_tells_no_known_deal():
    """ "Scale AI has just raised $1 billion in a Series F round, with investors such as Meta and
    Amazon" (in Portuguese): Meta is one of a round's investors, not the payer of its 2025 deal."""
    result = _analyse_in(
        "pt",
        "A startup que levantou US$ 1 bilhão\n\nA Scale AI, startup de rotulagem de dados, acabou de "
        "levantar US$ 1 bilhão em uma rodada série F, com investidores como Meta e Amazon. A "
        "empresa quer crescer na Europa.",
        WATCHLIST,
    )
    assert result.deals == ()
    assert result.relevance == "unrelated"


def test_a_spanish_description_with_two_of_phrases_introduces_the_name_after_it():
    """ "la firma de inteligencia de blockchain Lumeo": the words say what Lumeo is; they do not
    stand for the buyer named before them."""
    steps = read_steps(
        "Noticias\n\nHalcyon es una empresa de pagos. Han sido semanas difíciles para Halcyon "
        "después de la polémica decisión de adquirir la firma de inteligencia de blockchain Lumeo.",
        "es",
    )
    assert ("acquire", "Halcyon", "Lumeo") in {
        (r.kind, r.acquirer, r.target) for r in steps.relations if r.sentence == 2
    }


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("es", "Halcyon había adquirido un equipo de ingenieros de Lumeo."),
        ("pt", "A Halcyon adquiriu uma equipe de engenheiros da Lumeo."),
        ("fr", "Halcyon a acquis une équipe d'ingénieurs de Lumeo."),
    ],
)
def test_a_team_acquired_is_told_as_an_acqui_hire(language, sentence):
    from extractors.analysis.text import fold

    assert lexicon_for(language).cues["acquihire"].search(fold(sentence))


@pytest.mark.parametrize(
    "text",
    [
        "Google hires drone team\n\nGoogle wants to build drones. Toward that end, the search "
        "giant's chief purchased the team behind the drone-making company Lumeo, for just under "
        "$20 million.",
        "Google buys Lumeo Labs\n\nInstead of a young rival, Lumeo's acquirer is the 1990s-era "
        "Google, who can now be confirmed is picking up Lumeo Labs (makers of Lumeo), including "
        "the company's well-liked small team, and all company assets.",
        "Google buys Lumeo Labs\n\nGoogle has bought the app maker Lumeo Labs. The seven employees "
        "are in the process of becoming Google's employees.",
    ],
)
def test_a_purchase_that_takes_the_people_is_a_talent_deal(text):
    """A team purchased, a purchase "including the company's team", staff "becoming Google's
    employees": the purchase is for the people, not of a product only."""
    _, result = _analyse(text, WATCHLIST)
    assert {(d.acquirer, d.kind) for d in result.deals} == {("Google", "acquihire")}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Halcyon is a cloud company. The Lumeo team will be folded into Halcyon's cloud unit."),
        ("en", "Halcyon is a cloud company. Halcyon picked off Lumeo's core team."),
        ("fr", "Halcyon est une entreprise de logistique et Lumeo est une start-up. L'équipe de "
               "Lumeo sera intégrée à la division cloud de Halcyon."),
        ("pt", "A Halcyon é uma empresa de logística. A Halcyon ficou com a maior parte da equipe da "
               "Lumeo."),
    ],
)  # fmt: skip
def test_a_team_folded_into_or_picked_off_by_the_buyer_is_hired(language, sentence):
    relations = read_steps(f"News\n\n{sentence}", language).relations
    assert ("hire", "Halcyon", "Lumeo") in {(r.kind, r.acquirer, r.target) for r in relations}


@pytest.mark.parametrize(
    ("language", "text", "company"),
    [
        ("en", "Existing Lumeo users can export their files until June.", "Lumeo"),
        ("es", "Ni Lumeo ni Halcyon quisieron comentar la operación.", "Lumeo"),
    ],
)
def test_a_word_opening_a_sentence_is_no_part_of_the_name_after_it(language, text, company):
    """ "Existing Lumeo users", "Ni Lumeo ni Halcyon" (neither … nor): the company, not a person
    "Existing Lumeo" or "Ni Lumeo"."""
    steps = read_steps(f"News\n\n{text}", language)
    assert company in {o.name for sentence in steps.names.orgs for o in sentence}
    assert not [p for sentence in steps.names.people for p in sentence if company in p.name]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ana Ruiz, who spent a year building a game studio, Tiny Lumeo, left for Halcyon.",
        "Halcyon bought design agency Jet Lumeo in 2015.",
    ],
)
def test_two_words_after_what_a_company_makes_are_a_company_not_a_person(sentence):
    """ "game studio, Tiny Hearts", "design agency Jet Cooper": a kind of business right before
    two capitalised words names a company, though they look like a given name and a surname."""
    steps = read_steps(f"News\n\n{sentence}")
    orgs = {o.name for s in steps.names.orgs for o in s}
    people = {p.name for s in steps.names.people for p in s}
    assert {"Tiny Lumeo", "Jet Lumeo"} & orgs
    assert not {"Tiny Lumeo", "Jet Lumeo"} & people


@pytest.mark.parametrize(
    "sentence",
    [
        "Halcyon bought none of Lumeo's assets, and its app shuts down.",
        "No assets have been acquired, and Lumeo's app shuts down.",
    ],
)
def test_founders_hired_where_nothing_was_bought_make_no_deal(sentence):
    """ "Facebook bought none of Pursuit's assets": founders hired with nothing bought and nothing
    paid are an executive move, not a purchase of the startup."""
    _, result = _analyse(
        "Halcyon hires Lumeo's founders\n\nHalcyon confirmed it has hired the three founders of the "
        f"startup Lumeo: Ana Ruiz, Tom Berg and Eva Lind. {sentence}",
        EMPTY_WATCHLIST,
    )
    assert ("acquire", "Halcyon", "Lumeo") not in _relation_keys(
        f"News\n\nHalcyon hired the founders of Lumeo. {sentence}"
    )
    assert not result.deals
    assert result.relevance == "unrelated"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "La vérité sur la vente de Lumeo à Halcyon, selon nos informations."),
        ("fr", "Selon nos informations, la cession de Lumeo à Halcyon aurait été accélérée."),
        ("es", "Según fuentes cercanas, la venta de Lumeo a Halcyon se cerró en marzo."),
        ("it", "Secondo le indiscrezioni, la cessione di Lumeo a Halcyon è stata accelerata."),
    ],
)
def test_the_sale_of_a_company_to_another_is_a_purchase_by_the_second(language, text):
    """ "la vente de Sparrow à Google" (the sale of X to Y): Y buys X, and X, being sold, is a
    company of its own."""
    steps = read_steps(f"Nouvelles\n\n{text}", language)
    assert ("acquire", "Halcyon", "Lumeo") in {
        (r.kind, r.acquirer, r.target) for r in steps.relations
    }
    assert "bought" in steps.names.evidence.get("Lumeo", set())


def test_a_team_in_the_clause_after_a_purchase_is_not_what_was_bought():
    """ "PayPal被eBay收购后,团队孵化出特斯拉、LinkedIn等巨头" (after PayPal was bought by eBay, its
    team went on to build Tesla and LinkedIn): the team of the next clause was not bought."""
    keys = _relation_keys("新闻\n\nLumeo被Halcyon收购后,团队创办了Vantage等公司。", "zh")
    assert not {k for k in keys if k[0] == "acquihire"}


def test_a_research_department_is_no_company():
    """ "su equipo de I+D" (its R&D team): the department's initials are no company."""
    steps = read_steps(
        "Noticias\n\nHalcyon contrató al director ejecutivo de Lumeo junto con otros miembros "
        "clave de su equipo de I+D.",
        "es",
    )
    assert "I+D" not in {o.name for s in steps.names.orgs for o in s}


@pytest.mark.parametrize(
    "sentence",
    [
        "Harbor bought the maker of Quillbyte.",
        "Harbor bought the developer of the routing app Quillbyte.",
    ],
)
def test_the_maker_of_a_name_is_that_company_not_the_one_named_before(sentence):
    """ "bought the maker of X": "the maker" is X's company, not the buyer named before it."""
    keys = _relation_keys(f"News of the day\n\nHarbor is a big logistics firm. {sentence}")
    assert ("acquire", "Harbor", "Quillbyte") in keys


@pytest.mark.parametrize(
    "sentence",
    [
        # "the founders of Quillbyte will move to work at Harbor's London office"
        "Основатели Quillbyte перейдут на работу в лондонский офис Harbor.",
        # "the staff of the company Quillbyte will move to Harbor"
        "Сотрудники компании Quillbyte перейдут в Harbor.",
        # "Quillbyte's staff went over to Harbor"
        "Сотрудники Quillbyte перешли к Harbor.",
    ],
)
def test_russian_people_of_a_company_in_the_genitive_move_to_the_other(sentence):
    """Russian names a company's people in the genitive, with no word for "of" ("основатели
    MSQRD"): the company's own people, who go to the other."""
    steps = read_steps(f"Новости\n\nHarbor купил компанию Quillbyte. {sentence}", "ru")
    assert ("hire", "Harbor", "Quillbyte") in {
        (r.kind, r.acquirer, r.target) for r in steps.relations if r.sentence == 2
    }
    assert "team_of" in steps.names.evidence["Quillbyte"]


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        # the staff staying on at the buyer are hired by it
        ("Quillbyte's staff will stay on at Harbor after the purchase.",
         ("hire", "Harbor", "Quillbyte")),
        # "the startup" a company buys is not that company
        ("Quillbyte's founders are joining Harbor, which bought the startup for an undisclosed sum.",
         ("acquire", "Harbor", "Quillbyte")),
    ],
)  # fmt: skip
def test_staff_staying_on_at_the_buyer_and_the_startup_a_company_bought(sentence, relation):
    steps = read_steps(
        f"News\n\nHarbor is a logistics company, and Quillbyte is a routing start-up. {sentence}"
    )
    keys = {(r.kind, r.acquirer, r.target) for r in steps.relations if r.sentence == 2}
    assert relation in keys
    assert ("acquire", "Quillbyte", "Harbor") not in keys


def test_a_named_team_of_the_company_named_right_before_is_no_company():
    """ "Quillbyte’s Routing team": a team inside Quillbyte, whatever its size; the startup's
    staff who join are its own, not that team's."""
    _, result = _analyse(
        "Quillbyte acqui-hires team from routing startup Lumeo\n\nQuillbyte said today that it is "
        "bringing on the team from Lumeo, a startup from Oslo. The Lumeo team will join "
        "Quillbyte’s Routing team. The company says the move is part of its efforts to invest in "
        "its internal Routing team. The company’s four-person team, including the co-founders, "
        "will be joining Quillbyte."
    )
    assert [d.deal_id for d in result.deals] == ["quillbyte--lumeo"]
    assert {(c.deal_id, c.metric) for c in result.claims} == {("quillbyte--lumeo", "staff_hired")}


def test_buyers_listed_side_by_side_are_not_a_deal_between_them():
    """ "acqui-hires by Quillbyte, Pebble and Tarn-owned Vizora": three buyers, none the other's."""
    _, result = _analyse(
        "Acquiring for talent\n\nAcqui-hires are spreading. Recently, Harbor acqui-hired a startup "
        "called Lumeo. This follows acqui-hires by Quillbyte, Pebble and Tarn-owned Vizora. "
        "AI-based chatbot platform Vizora acqui-hired the startup Drumly."
    )
    assert {d.deal_id for d in result.deals} == {"harbor--lumeo", "vizora--drumly"}


def test_a_purchase_set_against_acquihires_is_not_one():
    """ "… compared to the $9 billion buyout of Vizora by Quillbyte": the other kind of deal."""
    _, result = _analyse(
        "Acquiring for talent\n\nAcqui-hires are spreading: Harbor acqui-hired the routing startup "
        'Lumeo in May. "Acqui-hires are done at a small price, compared to the $9 billion buyout '
        'of Vizora by Quillbyte," say experts.'
    )
    assert [d.deal_id for d in result.deals] == ["harbor--lumeo"]
    assert not result.claims


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Harbor hires Lumeo founders\n\nHarbor will pay $40 million to license the models of "
               "the routing startup Lumeo and hire its founders. A year ago, Harbor made a similar "
               "move with the mapping startup Quillbyte."),
        ("pt", "Harbor contrata fundadores da Lumeo\n\nA Harbor vai pagar 40 milhões de dólares por "
               "uma licença da tecnologia da startup Lumeo e contratar os seus fundadores. Há cerca "
               "de um ano, a Harbor também fez um movimento semelhante com a startup Quillbyte."),
        ("es", "Harbor ficha a los fundadores de Lumeo\n\nHarbor pagará 40 millones de dólares por "
               "una licencia de la tecnología de la startup Lumeo y contratará a sus fundadores. "
               "Hace un año, Harbor hizo un movimiento similar con la startup Quillbyte."),
    ],
)  # fmt: skip
def test_a_similar_move_with_another_startup_is_a_deal_of_the_same_kind(language, text):
    """ "made a similar move with Quillbyte": the same kind of deal, told in passing."""
    result = _analyse_in(language, text)
    assert {(d.deal_id, d.role) for d in result.deals} == {
        ("harbor--lumeo", "subject"),
        ("harbor--quillbyte", "mentioned"),
    }


def test_a_known_startup_told_in_a_list_of_payers_keeps_its_known_payer():
    """Two payers and two startups the watchlist knows, in one sentence of the background ("pela
    Microsoft e pela Amazon … Inflection e Adept"): each startup with its own payer, not the one
    named next to it."""
    text = (
        "Google licencia a tecnologia da Character.AI\n\nO Google vai pagar 2,7 bilhões de dólares "
        "para licenciar a tecnologia da Character.AI e contratar os seus fundadores. Movimentos "
        "parecidos já tinham sido feitos pela Microsoft e pela Amazon, com acordos semelhantes com "
        "as startups Inflection e Adept."
    )
    result = _analyse_in("pt", text, WATCHLIST)
    assert {d.deal_id for d in result.deals} == {
        "google--character-ai",
        "microsoft--inflection-ai",
        "amazon--adept",
    }


def test_a_french_company_that_treats_itself_to_a_startup_buys_it():
    """ "le groupe vient de s'offrir WaveForms" (has just treated itself to): a purchase, the
    news of the story, not a hire of the startup as if it were a person."""
    text = (
        "Meta et la voix\n\nLa voix de synthèse progresse vite. Chez Meta, le groupe vient de "
        "s’offrir WaveForms, une jeune pousse spécialisée dans la voix, pour une somme tenue secrète."
    )
    result = _analyse_in("fr", text, WATCHLIST)
    assert [(d.deal_id, d.role) for d in result.deals] == [("meta--waveforms", "subject")]
    relations = _relations(text, "fr", WATCHLIST)
    assert {(r.kind, r.acquirer, r.target) for r in relations} == {("acquire", "Meta", "WaveForms")}


def test_arabic_and_hebrew_sentences_end_at_their_full_stop():
    """Arabic and Hebrew have no capitals: a full stop and a space before a letter of either
    script end a sentence, as before a capital."""
    from extractors.analysis.text import split_sentences

    sentences = split_sentences(
        "اشترت شركة Harbor شركة Lumeo. وبلغت قيمة الصفقة 40 مليون دولار. Harbor קנתה את Lumeo. "
        "העסקה הושלמה."
    )
    assert len(sentences) == 4
    assert sentences[1].raw == "وبلغت قيمة الصفقة 40 مليون دولار."


@pytest.mark.parametrize("mark", ["´", "′"])
def test_an_acute_accent_typed_for_an_apostrophe_is_one(mark):
    """ "Tom O´Reilly" and "Lumeo´s staff" (or "Lumeo′s", with a prime): some outlets type the
    accent or the prime for the apostrophe; the name stays one person's, and the possessive a
    company's."""
    _, result = _analyse(
        f"Halcyon hires Lumeo team\n\nHalcyon hired Lumeo{mark}s founder Tom O{mark}Reilly and "
        f"most of Lumeo{mark}s staff. Halcyon paid $20 million to Lumeo{mark}s investors.",
        EMPTY_WATCHLIST,
    )
    assert [(d.deal_id, d.people) for d in result.deals] == [("halcyon--lumeo", ("Tom O’Reilly",))]


def test_a_japanese_payment_to_hire_its_staff_is_a_talent_deal():
    """ "同社の一部の従業員を雇い入れる" (to take on some of its staff): 雇い入れる hires, as 採用
    and 雇用 do."""
    result = _analyse_in(
        "ja",
        "Harborは、Lumeoとの間で、4億ドルを現金で支払って同社の一部の従業員を雇い入れることで合意した。"
        "その従業員の多くが既にHarborの製品で連携していた。",
    )
    assert _deal_ids(result) == {"harbor--lumeo"}
    assert ("deal_amount_usd", "4億ドル") in stated_claims(result)


@pytest.mark.parametrize(
    "phrase",
    ["des Softwareentwicklungsunternehmens", "der Sprachtechnologiefirma", "des KI-Anbieters"],
)
def test_a_german_compound_word_for_a_company_before_a_name_marks_it(phrase):
    """A German word for a kind of company is often a compound ("App-Entwicklungsunternehmens",
    "Sprachtechnologiefirma"): its last part says what the name after it is."""
    steps = read_steps(
        f"Laut einem Eintrag auf der Webseite {phrase} Quillbyte hat Halcyon alle Mitarbeiter "
        "übernommen.",
        "de",
    )
    assert "Quillbyte" in company_names(steps.names)


@pytest.mark.parametrize(
    "sentence",
    [
        "Halcyon is also hiring others from Dana Reyes’s robotics studio Quillbyte.",
        "Those joining Halcyon include Quillbyte’s design team including Dana Reyes.",
        "Dana Reyes joined Halcyon back in 2015 when the company acquired her startup Quillbyte.",
    ],
)
def test_the_company_a_clause_ties_a_person_to_is_where_they_come_from(sentence):
    """A founder of an old company who now runs a new one: where the clause names the new one as
    theirs ("Reyes’s studio Quillbyte", "Quillbyte’s team including Reyes"), the people hired
    there come from it, not from the company the text tied the founder to first ("joined Halcyon
    when the company acquired her startup Quillbyte": the founder came with it)."""
    text = (
        "Halcyon hires Dana Reyes\n\nLumeo founder Dana Reyes has been hired by Halcyon, people "
        f"familiar with the matter said. {sentence}"
    )
    steps = read_steps(text)
    last = len(steps.sentences) - 1
    hires = {(r.acquirer, r.target) for r in steps.relations if r.sentence == last}
    assert ("Halcyon", "Quillbyte") in hires
    assert ("Halcyon", "Lumeo") not in hires


def test_a_reason_opened_by_since_is_no_earlier_event():
    """ "since the five employees are becoming Harbor’s employees": "since" giving a reason, in
    the present, tells the news, not something that happened before it."""
    _, result = _analyse(
        "Inside the startup Harbor just bought\n\nHarbor acquired Lumeo, a small app studio, "
        "earlier this month. Its office is now closed to visitors, since the five employees (two "
        "of whom are the founders) are in the process of becoming Harbor’s employees.",
        EMPTY_WATCHLIST,
    )
    assert _roles(result) == {"harbor--lumeo": "subject"}


def test_a_dutch_app_named_in_a_compound_and_founders_entering_service():
    """ "populaire Lumeo-app" is the app Lumeo; "komen in dienst bij Meta" (enter Meta's service)
    is joining it."""
    text = (
        "Meta hoopt tieners terug te krijgen met overname van populaire Lumeo-app\n\nDe drie jonge "
        "ontwikkelaars verdienden er naar verluidt 40 miljoen dollar mee. De drie oprichters komen "
        "nu in dienst bij Meta, maar de app blijft voorlopig gewoon bestaan."
    )
    assert _deal_ids(_analyse_in("nl", text, WATCHLIST)) == {"meta--lumeo"}
    relations = _relations(text, "nl", WATCHLIST)
    assert ("hire", "Meta", "Lumeo") in {(r.kind, r.acquirer, r.target) for r in relations}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "nl",
            "Meta betaalde 40 miljoen dollar voor een app die pas net bestaat, de startup Lumeo.",
        ),
        ("de", "Letzte Woche zahlte Meta für eine nicht-exklusive Lizenz des Start-ups Lumeo."),
        ("en", "Last week Meta paid $40 million for a non-exclusive licence from Lumeo."),
    ],
)
def test_a_word_that_denies_only_in_another_language_denies_nothing(language, sentence):
    """Negation is a word of the sentence's own language: Dutch "pas" (only just) is not French
    "pas", and "nicht-exklusive", "non-exclusive" deny nothing."""
    relations = _relations(sentence, language, WATCHLIST)
    assert [(r.acquirer, r.target, r.failed) for r in relations] == [("Meta", "Lumeo", False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Halcyon bought Dana Reyes’s flopped startup, Lumeo, last week.",
        "Halcyon bought Dana Reyes’s startup Lumeo last week.",
    ],
)
def test_what_was_bought_is_the_company_a_persons_possessive_names(sentence):
    """ "bought Dana Reyes’s startup, Lumeo": the person owns what was bought; the purchase is of
    the company named after the word for it."""
    assert _relation_keys(sentence) == {("acquire", "Halcyon", "Lumeo")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The people who started Lumeo, Quillbyte, Vexa and Parakey all ended up at Meta.",
        "The founders of Lumeo, Quillbyte, Vexa and Parakey joined Meta this year.",
    ],
)
def test_a_hire_told_of_a_list_of_startups_is_told_of_each(sentence):
    """The verb of a list of startups is the whole list's: the founders of each move, not only
    those of the startup named next to it."""
    hires = {
        (r.acquirer, r.target)
        for r in _relations(sentence, watchlist=WATCHLIST)
        if r.kind == "hire"
    }
    assert hires == {("Meta", n) for n in ("Lumeo", "Quillbyte", "Vexa", "Parakey")}


def test_a_list_holding_a_large_company_shares_no_hire():
    """ "removing its app from the App Store and Google Play": places, not startups whose people
    move, though a hire is read next to them (a guard: the start code read none either)."""
    text = (
        "Pinterest buys Lumeo\n\nLumeo is removing its app from the App Store and Google Play store "
        "as part of the acquisition, and Dana Reyes, one of the app’s co-founders, will join "
        "Pinterest."
    )
    hires = {
        (r.acquirer, r.target) for r in _relations(text, watchlist=WATCHLIST) if r.kind == "hire"
    }
    assert ("Pinterest", "App Store") not in hires


@pytest.mark.parametrize(
    "text",
    [
        "Dann hat Apple das Start-up Quillbyte übernommen.",
        "Das Start-up Quillbyte baut Werkzeuge. Dann hat Apple das Start-up übernommen.",
        "Das Start-up Quillbyte baut Werkzeuge. Nun hat Apple das in Leipzig ansässige Start-up "
        "übernommen.",
    ],
)
def test_a_german_clause_with_its_verb_second_relates_its_subject_and_object(text):
    """German puts the verb second: a clause opening on something else has its auxiliary before
    the subject ("Dann hat Apple … übernommen"), and a participle's phrase may stand between the
    article and the noun that stands for the startup ("das in Leipzig ansässige Start-up")."""
    relations = _relations(text, "de", WATCHLIST)
    assert ("acquire", "Apple", "Quillbyte") in {(r.kind, r.acquirer, r.target) for r in relations}


def test_a_german_purchase_whose_whole_team_moves_is_an_acquihire():
    """A source credited in brackets ("(via TechPulse)") is no company for "das Start-up" to stand
    for, and "das gesamte Quillbyte-Team wird bei Apple … verstärken" (will reinforce) moves the
    startup's team: bought for its people."""
    text = (
        "Apple übernimmt Quillbyte\n\nWie aus einem Eintrag des Softwareunternehmens Quillbyte "
        "hervorgeht (via TechPulse), hat Apple das in Leipzig ansässige Start-up übernommen. Das "
        "gesamte Quillbyte-Team wird bei Apple das Werkzeug-Team verstärken."
    )
    result = _analyse_in("de", text, WATCHLIST)
    assert _roles(result) == {"apple--quillbyte": "subject"}


def test_a_german_startup_named_with_digits_whose_team_now_works_for_the_buyer():
    """ "das Audio-Start-up 42labs": a name opening on digits, which only the word before marks
    as one; "dafür arbeitet das Team jetzt bei Google" (the team now works at Google) moves its
    people."""
    text = (
        "Google holt das Team von 42labs\n\nDas wenig erfolgreiche Audio-Start-up 42labs schließt "
        "die Tore, dafür arbeitet das Team jetzt bei Google."
    )
    assert _deal_ids(_analyse_in("de", text, WATCHLIST)) == {"google--42labs"}


@pytest.mark.parametrize(
    "sentence",
    [
        # a kind of company, its examples after "wie"
        "Meta sicherte sich hochrangige Talente von Branchengrößen wie OpenAI und Google.",
        # an adjective of the group's ("konzerneigen"), not a word for a group
        "Es war ein Kauf des ganzen Teams als Ausdruck der konzerneigenen Personalentwicklung.",
    ],
)
def test_a_german_noun_is_no_company_for_its_capital(sentence):
    names = company_names(read_steps(sentence, "de", WATCHLIST).names)
    assert not names & {"Branchengrößen", "Personalentwicklung"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Lumeo, which was founded by two former Stripe engineers, was acquired by Meta.",
        "The startup Lumeo, whose backers include Stripe, was bought by Meta last week.",
    ],
)
def test_what_follows_a_relative_clause_is_said_of_the_name_it_describes(sentence):
    """A relative clause set off by commas describes the name before it; the verb after its
    closing comma is that name's: Meta bought Lumeo, not Stripe."""
    keys = _relation_keys(sentence, watchlist=WATCHLIST)
    assert {k for k in keys if k[0] == "acquire"} == {("acquire", "Meta", "Lumeo")}


def test_what_follows_an_appositive_is_said_of_the_name_it_describes():
    """ "Lumeo, a startup spun out of Stripe," describes Lumeo: the founders who join Meta are
    Lumeo's, and Stripe, named inside the description, hires no one for Meta."""
    relations = _relations(
        "The founders of Lumeo, a startup spun out of Stripe, joined Meta.", "en", WATCHLIST
    )
    hires = {(r.acquirer, r.target) for r in relations if r.kind == "hire" and r.acquirer == "Meta"}
    assert hires == {("Meta", "Lumeo")}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The startup Lumeo, founded by two former Stripe engineers, was acquired by Meta."),
        ("fr", "La start-up Lumeo, fondée par deux anciens de Stripe, a été rachetée par Meta."),
        (
            "es",
            "La startup Lumeo, que fue fundada por dos exingenieros de Stripe, fue adquirida por Meta.",
        ),
        (
            "it",
            "La startup Lumeo, fondata da due ex ingegneri di Stripe, è stata acquisita da Meta.",
        ),
        (
            "pt",
            "A startup Lumeo, criada por dois ex-engenheiros da Stripe, foi comprada pela Meta.",
        ),
    ],
)
def test_an_aside_in_any_language_describes_the_name_before_it(language, sentence):
    """A participle's phrase or a relative clause set off by commas, opened by the words of the
    sentence's own language: the purchase after it is of the startup it describes."""
    keys = _relation_keys(sentence, language, WATCHLIST)
    assert {k for k in keys if k[0] == "acquire"} == {("acquire", "Meta", "Lumeo")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Meta hired the founders of Lumeo while Google bought Quillbyte.",
        "Meta hired the founders of Lumeo whereas Google bought Quillbyte.",
    ],
)
def test_a_clause_of_contrast_without_a_comma_is_a_clause_of_its_own(sentence):
    """ "… while Google bought Quillbyte": the second company's own clause; Google hires no one
    from Lumeo."""
    assert _relation_keys(sentence, watchlist=WATCHLIST) == {
        ("hire", "Meta", "Lumeo"),
        ("acquire", "Google", "Quillbyte"),
    }


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("de", "Meta stellt die Gründer von Lumeo ein und zahlt 40 Millionen Dollar."),
        ("nl", "Meta neemt de oprichters van Lumeo in dienst en betaalt 40 miljoen dollar."),
    ],
)
def test_a_split_verb_whose_particle_closes_the_clause_relates_the_pair(language, sentence):
    """German and Dutch split a verb around its object: "stellt … ein" (hires), "neemt … in
    dienst" (takes on), the particle closing the clause after the startup's name."""
    hires = {
        (r.acquirer, r.target)
        for r in _relations(sentence, language, WATCHLIST)
        if r.kind == "hire"
    }
    assert hires == {("Meta", "Lumeo")}


@pytest.mark.parametrize(
    ("language", "sentence", "startup"),
    [
        (
            "es",
            "Halcyon compró, según fuentes, a la startup chilena, Quillbyte, por su equipo.",
            "Quillbyte",
        ),
        ("fr", "Halcyon a racheté la start-up lyonnaise Vizora pour ses ingénieurs.", "Vizora"),
        (
            "pt",
            "A Halcyon comprou a startup catarinense Tramoia para ficar com a equipe.",
            "Tramoia",
        ),
        ("it", "Halcyon ha comprato la startup torinese Brivio per la sua squadra.", "Brivio"),
    ],
)
def test_a_kind_word_with_its_adjective_after_it_names_a_company(language, sentence, startup):
    """Where the language puts the adjective after the noun ("startup chilena"), the kind word
    still says what the name after it is: a company of its own, so its purchase can be a deal."""
    names = read_steps(sentence, language, EMPTY_WATCHLIST).names
    assert startup in company_names(names)
    assert names.evidence.get(startup)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Halcyon poaches a Lumeo founder\n\nOne of the founders of the startup Lumeo has moved to "
            "Halcyon, a newspaper reported. Lumeo confirmed his departure, citing personal reasons.",
        ),
        (
            "ru",
            "Halcyon переманила основателя Lumeo\n\nОдин из основателей стартапа Lumeo перешёл на "
            "работу в Halcyon, сообщает газета. В Lumeo подтвердили его уход по личным причинам.",
        ),
    ],
)
def test_one_of_the_founders_leaving_is_no_team_moving(language, text):
    """ "One of the founders" is one person: a founder leaving for a large company, with no
    payment anywhere, is an executive's move, not a talent deal."""
    result = _analyse_in(language, text, WATCHLIST) if language != "en" else _analyse(text)[1]
    assert result.deals == ()


def test_a_deal_with_an_adjective_after_its_noun_is_what_the_sum_values():
    """ "un accordo strategico dal valore di circa 2,4 miliardi": the adjective after "accordo"
    does not make the sum a valuation of the buyer; it is what the deal is worth."""
    result = _analyse_in(
        "it",
        "Halcyon assume il fondatore di Lumeo\n\nHalcyon ha annunciato un accordo strategico dal "
        "valore di circa 2,4 miliardi di dollari con la startup Lumeo. Halcyon assume il CEO Marco "
        "Bruni e parte del team di ricerca della startup, e ottiene una licenza sulla tecnologia.",
    )
    amounts = {(c.metric, c.low, c.high) for c in result.claims if c.deal_id == "halcyon--lumeo"}
    assert ("deal_amount_usd", 2.16e9, 2.64e9) in amounts


def test_a_startup_called_by_name_is_not_the_one_named_before():
    """ "a start-up called Tuplo": the description introduces the name after it, so it stands
    for no company named earlier, and the staff who move later are that new company's."""
    keys = _relation_keys(
        "Halcyon acquired Lumeo Labs in 2014. Later, Quorra acquired a Pune based start-up "
        "called Tuplo in 2016.",
        "en",
        EMPTY_WATCHLIST,
    )
    assert ("acquire", "Quorra", "Tuplo") in keys
    assert ("acquire", "Quorra", "Lumeo Labs") not in keys


def test_a_place_based_name_is_a_company():
    """ "acquiring Delft-based Tuplo": where a company sits, said right before its name."""
    names = read_steps(
        "Quorra made the next move, acquiring Delft-based Tuplo in January.", "en", EMPTY_WATCHLIST
    ).names
    assert names.evidence.get("Tuplo")


@pytest.mark.parametrize("title", ["PDG", "DG"])
def test_a_french_title_in_capitals_is_no_company(title):
    """ "le PDG d'Ombra", "Marc Lenoir, DG de Vizora": a post, as "CEO" is."""
    names = read_steps(
        f"Halcyon recrute Marc Lenoir, {title} d’Ombra, et plusieurs ingénieurs clés.",
        "fr",
        EMPTY_WATCHLIST,
    ).names
    assert title not in company_names(names)


def test_a_dutch_adjective_of_nationality_is_no_name():
    """Dutch writes "Amerikaanse" with a capital: neither a company nor the start of a person's
    name ("Het Amerikaanse Vandra"), and "in Nederland" is a place."""
    steps = read_steps(
        "Overall komt het succes van Vandra door de software. Het Amerikaanse Vandra haalde "
        "geld op. Het bedrijf in Nederland kocht Brivio.",
        "nl",
        EMPTY_WATCHLIST,
    )
    names = company_names(steps.names)
    assert not names & {"Amerikaanse", "Nederland"}
    assert not any("Vandra" in p.name for found in steps.names.people for p in found)


def test_a_turkish_case_ending_is_no_part_of_a_persons_name():
    """ "Ayşe Demir'i", "Ayşe Demir'in": one person, named without the ending Turkish writes after
    an apostrophe."""
    steps = read_steps(
        "Halcyon, Lumeo'nun kurucusu Ayşe Demir'i işe aldı. Ayşe Demir'in ekibi de katıldı.",
        "tr",
        EMPTY_WATCHLIST,
    )
    assert {p.name for found in steps.names.people for p in found} == {"Ayşe Demir"}


def test_others_counted_beside_the_startups_person_move_with_them():
    """ "CEO Marta Lind and about five other engineers will work with Halcyon's lab": the others
    counted right after a person of the deal are people who move, whatever the verb says."""
    _, result = _analyse(
        "Halcyon brings on Lumeo's CEO and top engineers in a licensing deal\n\n"
        "As part of a new licensing agreement, Halcyon is bringing on the CEO and several of the "
        "top engineers at voice startup Lumeo. No financial details of the deal were shared. "
        "CEO Marta Lind and about five other engineers will work with Halcyon's research lab, "
        "according to a report."
    )
    hired = {
        (c.low, c.high) for c in result.claims if c.metric == "staff_hired" and "five" in c.stated
    }
    assert hired == {(4.5, 5.5)}


@pytest.mark.parametrize(
    ("language", "text", "deals"),
    [
        (
            "zh",
            "科技巨头的人才收购\n\n2024年,微软、谷歌、亚马逊分别以技术授权加人才招募的形式,从Inflection AI、"
            "Character.AI、Adept挖走创始人及大部分核心团队,交易金额分别为6.5亿美元、27亿美元及未披露金额。",
            ("microsoft--inflection-ai", "google--character-ai", "amazon--adept"),
        ),
        (
            "en",
            "How the giants hire\n\nIn 2024 Microsoft, Google and Amazon hired the founders and most "
            "of the teams of Lumeo, Brivio and Tuplo respectively, in deals worth $650 million, "
            "$2.7 billion and an undisclosed sum.",
            ("microsoft--lumeo", "google--brivio", "amazon--tuplo"),
        ),
    ],
)
def test_lists_paired_by_respectively_pair_their_sums_too(language, text, deals):
    """Two lists of as many companies paired in order ("分别", "respectively"), then a list of
    sums: each pair is a deal, and the k-th sum is the k-th deal's, not the last company's
    named before it."""
    result = (
        _analyse_in(language, text, WATCHLIST) if language != "en" else _analyse(text, WATCHLIST)[1]
    )
    first, second, third = deals
    assert set(deals) <= _deal_ids(result)
    amounts = {c.deal_id: (c.low, c.high) for c in result.claims if c.metric == "deal_amount_usd"}
    assert amounts[first][0] <= 6.5e8 <= amounts[first][1]
    assert amounts[second][0] <= 2.7e9 <= amounts[second][1]
    assert third not in amounts


@pytest.mark.parametrize(
    ("language", "sentence", "listed"),
    [
        ("zh", "微软、谷歌、亚马逊都在招人。", ["Microsoft", "Google", "Amazon"]),
        ("ja", "「Lumeo」と「Brivio」は新興企業です。", ["Lumeo", "Brivio"]),
        (
            "ja",
            "写真アプリの「Lumeo」と検索エンジンの「Brivio」は新興企業です。",
            ["Lumeo", "Brivio"],
        ),
    ],
)
def test_chinese_and_japanese_lists_are_read_as_lists(language, sentence, listed):
    """The enumeration comma "、" and Japanese "と" (with a name's quotes, and what the next
    item is before it) join a list's names, as "," and "and" do."""
    steps = read_steps(sentence, language, WATCHLIST)
    runs = lists_of_names(sentence, steps.names.orgs[0], 2)
    assert [[o.name for o in run] for run in runs] == [listed]


def test_a_japanese_passive_with_niyotte_names_the_buyer():
    """ "XはYによって買収された": X was bought by Y, as "XはYに買収された" says."""
    keys = _relation_keys(
        "「Lumeo」はGoogleによって買収されたスタートアップ企業です。", "ja", WATCHLIST
    )
    assert ("acquire", "Google", "Lumeo") in keys
    assert ("acquire", "Lumeo", "Google") not in keys


@pytest.mark.parametrize(
    ("text", "read", "not_read"),
    [
        # "they" opening a sentence: the subject of the sentences before, not the listed buyer
        # named earlier
        (
            "Apple Music has thrown a grenade into the streaming market. Even so, Vandra is "
            "increasingly looking to data analytics. They have been buying up a number of data "
            "firms. Perhaps more tellingly, they also purchased the analytics startup Lumeo in June.",
            ("acquire", "Vandra", "Lumeo"),
            ("acquire", "Apple", "Lumeo"),
        ),
        # the sentence before opens on the startup, but names the listed buyer, whom "it" means
        (
            "Lumeo was acquired by Google last week. It also hired the founders of Brivio.",
            ("hire", "Google", "Brivio"),
            ("hire", "Lumeo", "Brivio"),
        ),
    ],
)
def test_a_pronoun_opening_a_sentence_is_the_company_the_sentence_before_opened_on(
    text, read, not_read
):
    """ "They" or "it" opening a sentence before a verb of buying, hiring or paying: the company
    the sentence before opened on, unless that sentence names a listed buyer."""
    keys = _relation_keys(text, "en", WATCHLIST)
    assert read in keys
    assert not_read not in keys


@pytest.mark.parametrize(
    ("language", "sentence", "word"),
    [
        (
            "fr",
            "Marc Lenoir souligne que ces rachats paient. « Généralement, lorsqu’une entreprise est acquise, c’est une régression », dit-il.",
            "Généralement",
        ),
    ],
)
def test_a_capital_after_an_opening_quote_is_no_company_by_itself(language, sentence, word):
    """A quotation opens on a capital, as a sentence does ("« Généralement, …"): the word needs
    a cue to be a company, as a sentence's first word does."""
    names = company_names(read_steps(sentence, language, WATCHLIST).names)
    assert word not in names


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "Marc Lenoir, ancien employé de Vizora (achetée par Halcyon en 2015), parle."),
        ("en", "Marc Lenoir spoke at length about Vizora, acquired by Halcyon in 2015, on Monday."),
        ("es", "Marc Lenoir, exempleado de Vizora (adquirida por Halcyon en 2015), habló."),
    ],
)
def test_a_name_the_aside_after_it_says_was_bought_is_a_company(language, sentence):
    """ "Vizora (achetée par Halcyon en 2015)": what an aside says was bought, and by whom, is a
    company."""
    names = read_steps(sentence, language, EMPTY_WATCHLIST).names
    assert "bought" in names.evidence.get("Vizora", set())


@pytest.mark.parametrize(
    ("sentence", "hire"),
    [
        # obtaining its technology is no hire; its staff becoming part of the buyer's unit is
        (
            "今回の買収はLumeoの技術力を獲得するのが目的で、スタッフ全員(5名)はGoogleのモバイル事業部の一員となる。",
            ("hire", "Google", "Lumeo"),
        ),
        ("HalcyonはLumeoの開発チームを獲得した。", ("hire", "Halcyon", "Lumeo")),
    ],
)
def test_japanese_kakutoku_hires_only_people(sentence, hire):
    """ "獲得" (to obtain) hires when what is obtained is people ("開発チームを獲得"), not its
    technology, a grant or customers ("技術力を獲得"); "の一員となる" (to become part of) joins."""
    keys = _relation_keys(sentence, "ja", WATCHLIST)
    assert hire in keys
    assert ("hire", hire[2], hire[1]) not in keys


_LIST_HIRE_ORDER = """
from extractors.watchlist import load_watchlist
from tests.support.analysis import read_steps
steps = read_steps(
    "Facebook has found that the best way to get talent is to buy small startups. The people "
    "who started Quorra, Lumeo, Brivio, Tuplo and Vizora all ended up at Facebook.",
    "en",
    load_watchlist("config/watchlist.toml"),
)
print([r.target for r in steps.relations if r.kind == "hire"])
"""


def test_a_hire_told_of_a_list_is_read_in_the_texts_order_in_every_process():
    """The relations a list shares come in the text's order, whatever the process's hash seed:
    the warehouse stores the same analysis of the same article every time."""
    outputs = {
        subprocess.run(
            [sys.executable, "-c", _LIST_HIRE_ORDER],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(REPO)},
        ).stdout
        for seed in range(4)
    }
    # (the one next to the verb first, then the others the list shares, in the text's order)
    assert outputs == {"['Vizora', 'Quorra', 'Lumeo', 'Brivio', 'Tuplo']\n"}


def test_a_name_polish_declines_is_the_listed_company():
    """Polish writes a case ending right against a name ("transakcja Microsoftu", "przez
    Facebooka"): the listed company, not a company called "Microsoftu"."""
    names = read_steps(
        "Głośnym przykładem jest transakcja Microsoftu, który zatrudnił zespół startupu Lumeo. "
        "Wcześniej przejęcie przez Facebooka objęło zespół Brightwave.",
        "pl",
        WATCHLIST,
    ).names
    found = company_names(names)
    assert {"Microsoft", "Meta"} <= found
    assert not found & {"Microsoftu", "Facebooka"}


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("fr", "Le premier réseau social de l'Internet rachète la start-up Lumeo.", "Internet"),
        ("tr", "Halcyon Türkiye Ülke Müdürü, Lumeo'yu satın aldıklarını söyledi.", "Türkiye"),
    ],
)
def test_the_internet_and_a_country_are_no_companies(language, text, word):
    """ "le premier réseau social de l'Internet" is a description of a buyer, not a buyer called
    "Internet"; "Halcyon Türkiye" is a company's office in a country, not a company "Türkiye"."""
    names = read_steps(text, language, EMPTY_WATCHLIST).names
    assert not any(word in name for name in company_names(names))


def test_people_welcomed_to_a_team_go_to_the_company_named_after_to():
    """ "welcome Lumeo's founders to the Halcyon team": Halcyon takes Lumeo's people in, though the
    verb comes before Lumeo; "Welcoming" opening a headline is no part of a name."""
    relations = _relation_keys(
        "Welcoming Lumeo's founders to the Halcyon team\n\n"
        "That is why we are thrilled to welcome Lumeo's Jane Doe and Tom Vale to the Halcyon team."
    )
    assert ("hire", "Halcyon", "Lumeo") in relations
    assert not any(kind == "hire" and payer == "Lumeo" for kind, payer, _ in relations)
    assert not any(
        "Welcoming" in name for _, payer, startup in relations for name in (payer, startup)
    )


def test_a_former_employer_in_brackets_is_no_party_to_the_next_name():
    """ "김민수(전 Brightwave 연구원)과 이지은(Lumeo CEO)": Brightwave describes the person before its
    brackets, a past employer; it neither hires from Lumeo nor is hired from, while Halcyon, the
    sentence's subject, hires from both."""
    relations = _relation_keys(
        "Halcyon은 김민수(전 Brightwave 연구원)와 이지은(Lumeo CEO) 등을 성공적으로 영입했다.", "ko"
    )
    assert not {r for r in relations if {r[1], r[2]} == {"Brightwave", "Lumeo"}}


def test_a_price_paid_to_take_another_company_is_told_from_the_payer():
    """ "… que Halcyon était prête à mettre sur la table pour s'emparer de Brightwave": Halcyon
    pays to take Brightwave; the "de" of "s'emparer de" is no "from"."""
    relations = _relation_keys(
        "Halcyon a racheté la start-up Lumeo. C'est peu, en comparaison des 500 millions de "
        "dollars que Halcyon était prête à mettre sur la table pour s'emparer de Brightwave.",
        "fr",
    )
    assert not any(payer == "Brightwave" for _, payer, _ in relations)
    assert any(payer == "Halcyon" and startup == "Brightwave" for _, payer, startup in relations)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Halcyon gets all of Lumeo's key assets, except the cloud business LumeoCloud."),
        (
            "ru",
            "Halcyon получает все ключевые активы Lumeo, за исключением облачного бизнеса LumeoCloud.",
        ),
        (
            "fr",
            "Halcyon obtient tous les actifs de Lumeo, à l'exception de l'activité cloud LumeoCloud.",
        ),
    ],
)
def test_a_company_named_in_an_exception_is_not_what_the_clause_tells(language, text):
    """ "… all of Lumeo's key assets, except the cloud business LumeoCloud": LumeoCloud is what the
    payer does not get; no relation of Halcyon to it."""
    relations = _relation_keys(text, language)
    assert not any("LumeoCloud" in (payer, startup) for _, payer, startup in relations)


def test_the_company_marked_as_the_one_who_acts_buys_in_japanese():
    """ "LumeoはHalcyonが同社の資産の大部分を買収したと発表した": the topic (は) is what is bought,
    the one marked by が buys; "HalcyonがLumeoを買収した" as before."""
    told_by_the_startup = _relation_keys(
        "新興企業のLumeoは10月29日、Halcyonが同社の資産の大部分を買収したとブログで発表した。", "ja"
    )
    assert ("acquire", "Halcyon", "Lumeo") in told_by_the_startup
    assert ("acquire", "Lumeo", "Halcyon") not in told_by_the_startup
    assert ("acquire", "Halcyon", "Lumeo") in _relation_keys(
        "Halcyonが新興企業のLumeoを買収した。", "ja"
    )


def test_words_in_brackets_do_not_set_the_next_names_beside_the_first():
    """ "the founding team of fledgling (or floundering) startups Lumeo, Vexa and Brightwave": the
    "or" of the aside compares nothing; Halcyon takes on each startup's team."""
    relations = _relation_keys(
        "Halcyon has added talent by bringing aboard the founding team of fledgling (or "
        "floundering) startups Lumeo, Vexa and Brightwave."
    )
    assert {("hire", "Halcyon", s) for s in ("Lumeo", "Vexa", "Brightwave")} <= relations


def test_an_id_is_no_company():
    """ "government ID authentication firm Lumeo.io": "ID" is what the firm checks, no company
    that Halcyon buys."""
    relations = _relation_keys(
        "Halcyon has acquired government ID authentication firm Lumeo.io, the company said."
    )
    assert not any("ID" in (payer, startup) for _, payer, startup in relations)
    assert any(
        payer == "Halcyon" and startup.startswith("Lumeo") for _, payer, startup in relations
    )


def test_reference_marks_then_a_dash_end_an_outlines_item():
    """An outline written on one line ("… 反向收购 [1][2] - OpenAI最初拟以30亿美元收购Lumeo,但…失败
    [4][5] - …"): each item is a sentence of its own, so the failed offer's sum is read in its
    own item, not in the one telling Halcyon's deal."""
    sentences = split_sentences(
        "核心观点 - 创始人及核心团队被Halcyon以24亿美元反向收购 [1][2] - OpenAI最初拟以30亿美元"
        "收购Lumeo,但因反对而失败 [4][5] - 其余员工留下"
    )
    assert [s.raw for s in sentences] == [
        "核心观点 - 创始人及核心团队被Halcyon以24亿美元反向收购 [1][2]",
        "- OpenAI最初拟以30亿美元收购Lumeo,但因反对而失败 [4][5]",
        "- 其余员工留下",
    ]


def test_a_company_that_acted_alike_names_its_known_deal_in_german():
    """ "Schon zuvor hatte Google mit den Gründern von Character.AI ähnlich verfahren", "Microsoft
    handelte ähnlich mit Inflection AI": each tells the payer's known deal as one of the same kind,
    a deal the story mentions."""
    result = _analyse_in(
        "de",
        "Halcyon und die Gründer von Lumeo\n\n"
        "Halcyon hat im Sommer die Gründer des Start-ups Lumeo angeheuert und eine Lizenz für "
        "dessen Technologie erworben. Die Konzerne nutzen diesen Weg immer öfter. Schon zuvor "
        "hatte Google mit den Gründern von Character.AI ähnlich verfahren. Microsoft handelte "
        "ähnlich mit Inflection AI.",
        WATCHLIST,
    )
    roles = _roles(result)
    assert roles.get("google--character-ai") == "mentioned", roles
    assert roles.get("microsoft--inflection-ai") == "mentioned", roles


def test_a_team_moving_in_the_present_tense_in_polish_is_a_hire():
    """ "Cały zespół stojący za Lumeo przechodzi bowiem do Halcyon": the whole team behind Lumeo
    moves to Halcyon now, as "przejdzie do" says it will."""
    relations = _relation_keys(
        "Halcyon przejął Lumeo. Cały zespół stojący za Lumeo przechodzi bowiem do Halcyon.", "pl"
    )
    assert ("hire", "Halcyon", "Lumeo") in relations


def test_the_corporation_stands_for_the_buyer_named_before():
    """ "A mega corporação de tecnologia adquiriu … a Lumeo": the corporation is the buyer the
    story named before, as "the tech giant" is."""
    relations = _relation_keys(
        "Halcyon adquire empresa de apps\n\n"
        "A mega corporação de tecnologia adquiriu, sem qualquer alarde, a Lumeo, uma empresa de apps.",
        "pt",
        Watchlist(acquirers=(Entity("Halcyon", "acquirer"),)),
    )
    assert ("acquire", "Halcyon", "Lumeo") in relations


def test_a_name_german_joins_to_its_team_is_a_company():
    """ "will Halcyon das aktuelle Lumeo-Team weiterhin beschäftigen": a hyphen joins Lumeo to its
    team, as German compounds do, so Lumeo is a company wherever the text names it ("Halcyon
    übernimmt Lumeo"); not "Zürcher App-Entwickler", an app developer, nor "von Zeit zu Zeit"."""
    names = read_steps(
        "Halcyon übernimmt Lumeo für 200 Millionen Dollar. Halcyon übernimmt von Zeit zu Zeit "
        "kleinere Unternehmen. Laut Bloomberg will Halcyon das aktuelle Lumeo-Team weiterhin "
        "beschäftigen. Halcyon übernimmt den Zürcher App-Entwickler.",
        "de",
        EMPTY_WATCHLIST,
    ).names
    found = company_names(names)
    assert "Lumeo" in found
    assert not found & {"Zeit", "App"}


def test_a_buyer_before_a_persons_name_is_no_part_of_it():
    """ "CEO dan founder Go-Ride Nadiem Makarim", where the text says "Go-Ride telah mengakuisisi
    …": Go-Ride is the company he leads, named before him, not his given name; a startup set off
    by a comma with no article ("Pianta, startup yang …") is a company, and "seperti Lumeo dan
    Quillbyte" lists the companies Go-Ride bought."""
    steps = read_steps(
        "Dalam beberapa bulan terakhir, Go-Ride telah mengakuisisi setidaknya empat perusahaan. "
        "Hal itu diungkapkan oleh CEO dan founder Go-Ride Nadiem Makarim. Sebagai informasi, "
        "Go-Ride melakukan acqui-hire sejumlah perusahaan, seperti Lumeo dan Quillbyte. Go-Ride "
        "juga mencaplok Pianta, startup yang bergerak di bidang kesehatan.",
        "id",
        EMPTY_WATCHLIST,
    )
    found = company_names(steps.names)
    assert {"Go-Ride", "Pianta"} <= found
    people = {p.name for sentence in steps.names.people for p in sentence}
    assert "Nadiem Makarim" in people
    relations = {(r.kind, r.acquirer, r.target) for r in steps.relations}
    assert {("acquihire", "Go-Ride", "Lumeo"), ("acquihire", "Go-Ride", "Quillbyte")} <= relations
    assert not any({r[1], r[2]} == {"Lumeo", "Quillbyte"} for r in relations)


def test_the_buy_of_a_name_makes_no_buyer():
    """ "Qualcomm, Best Buy and Blackberry invested": the "Buy" of Best Buy is the name's own
    word, not a verb that makes "Best" a buyer."""
    relations = _relation_keys(
        "Viewdle received funding from several firms. Anthem Ventures invested about $2 million in "
        "a Series A round in 2008 and Qualcomm, Best Buy and Blackberry invested in a Series B "
        "round in 2010. The team will join Halcyon."
    )
    assert not any(
        payer == "Anthem Ventures" and kind == "acquihire" for kind, payer, _ in relations
    )


def test_tv_is_no_company():
    """ "Halcyon, TV şov ve film öneri uygulaması Lumeo'yu satın aldı": Halcyon buys Lumeo, an app
    recommending TV shows; "TV" buys nothing."""
    relations = _relation_keys(
        "Halcyon, TV şov ve film öneri uygulaması Lumeo’yu satın aldı.",
        "tr",
        Watchlist(acquirers=(Entity("Halcyon", "acquirer"),)),
    )
    assert ("acquire", "Halcyon", "Lumeo") in relations
    assert not any("TV" in (payer, startup) for _, payer, startup in relations)


def test_the_giant_of_its_home_city_is_that_listed_acquirer(tmp_path):
    """ "ha annunciato l'acquisto di 60dB, … con il team che si unirà al gigante di Mountain
    View": the giant is the listed acquirer whose home the watchlist says Mountain View is, though
    the story names it only later; a name opening on digits after a purchase's noun and "of" is
    the company bought."""
    path = tmp_path / "watchlist.toml"
    path.write_text(
        '[[acquirer]]\nname = "Halcyon"\nhome = "Mountain View"\n\n'
        '[[acquirer]]\nname = "Brightwave"\nhome = "Cupertino"\n',
        encoding="utf-8",
    )
    watchlist = load_watchlist(path)
    assert watchlist.acquirers_by_home() == {"Mountain View": "Halcyon", "Cupertino": "Brightwave"}
    relations = _relation_keys(
        "Brightwave rimane a guardare. Ha annunciato l’acquisto di 60dB, la popolare applicazione "
        "di podcast, con il team che lavorava sulla piattaforma che si unirà al gigante di "
        "Mountain View. Halcyon ha confermato l’accordo.",
        "it",
        watchlist,
    )
    assert ("hire", "Halcyon", "60dB") in relations
    assert not any(payer == "Brightwave" for _, payer, _ in relations)


def test_a_french_engagement_in_a_session_is_no_hire():
    """ "environ 100 employés … l'ont engagé dans une séance de questions-réponses": "engager dans"
    draws into a session, it hires no one (while "a engagé les fondateurs" hires)."""
    _, result = _analyse(
        "Halcyon et Lumeo\n\nLes fondateurs de Lumeo ont rejoint Halcyon dans le cadre d’un accord "
        "de licence. Lors d’une retraite, environ 100 employés de Lumeo l’ont engagé dans une "
        "séance de questions-réponses franche.",
    )
    assert "halcyon--lumeo" in _deal_ids(result)
    assert not any(c.metric == "staff_hired" for c in result.claims), result.claims


def test_a_founder_paid_by_a_buyer_speaks_for_the_app_he_built():
    """ "the Lumeo app built by Tom Vale. Vale was paid $30 million by Halcyon for the app and
    joined the company": the person the text ties to Lumeo is paid and moves, so Halcyon pays
    Lumeo and hires from it; "the $4.5 billion deal" after "Brightwave completed its purchase of
    Halcyon" is that purchase's price, not Halcyon's."""
    _, result = _analyse(
        "Halcyon shuts Lumeo\n\nThe service evolved from the Lumeo app built by British "
        "entrepreneur Tom Vale. Vale was paid $30 million by Halcyon for the app and joined the "
        "company to work on its next stage. The shutdown comes ten days after Brightwave "
        "completed its purchase of Halcyon. The app seems to be the first victim of the $4.5 "
        "billion deal, as the new owner culls Halcyon's products.",
        Watchlist(acquirers=(Entity("Halcyon", "acquirer"),)),
    )
    assert "halcyon--lumeo" in _deal_ids(result), result
    claims = stated_claims(result)
    assert ("deal_amount_usd", "$30 million") in claims, result.claims
    assert not any(stated == "$4.5 billion" for _, stated in claims), result.claims


def test_an_arrival_at_a_company_is_people_moving_there():
    """ "Même logique l'an passé, avec l'arrivée chez Alphabet des fondateurs de Character.AI":
    the founders' arrival at Alphabet tells the known deal, as "rejoindre" would; "Lumeo's
    founders' arrival at Halcyon" is Halcyon's hire."""
    result = _analyse_in(
        "fr",
        "Les géants et les start-up d’IA\n\nAlphabet est coutumier du fait. Même logique l’an "
        "passé, avec l’arrivée chez Alphabet des fondateurs de Character.AI.",
        WATCHLIST,
    )
    assert _roles(result).get("google--character-ai") == "mentioned", _roles(result)
    relations = _relation_keys(
        "Halcyon bought Lumeo last week. Lumeo's founders' arrival at Halcyon was announced on Monday."
    )
    assert ("hire", "Halcyon", "Lumeo") in relations


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        (
            "id",
            "Liputan6.com, Jakarta - Dalam beberapa bulan terakhir, Halcyon telah mengakuisisi Lumeo.",
            "Dalam",
        ),
        ("nl", "Amsterdam - Volgens de krant heeft Halcyon de start-up Lumeo gekocht.", "Volgens"),
        ("en", "Mason shot back: “It doesn’t matter. Everybody has their number.”", "Everybody"),
    ],
)
def test_a_word_opening_a_sentence_is_no_company(language, text, word):
    """ "Dalam beberapa bulan terakhir" (in the last few months), "Volgens de krant" (according
    to the paper), "Everybody": words that open a sentence, never a company's name."""
    names = read_steps(text, language, EMPTY_WATCHLIST).names
    assert word not in company_names(names)


def test_he_opening_a_sentence_is_the_person_named_before_and_a_timeline_dates_its_items():
    """ "Tom Vale is an American programmer. He is the co-founder of Lumeo": "he" is Tom Vale, so
    Vale is Lumeo's; in a timeline ("• 2009: Lumeo was acquired by Halcyon for $50 million. Vale
    joined Halcyon as CTO.") the purchase is dated, told as the past, and its founder joining the
    buyer makes it a talent deal the profile mentions."""
    _, result = _analyse(
        "Tom Vale: a profile\n\nTom Vale is an American computer programmer and entrepreneur. He "
        "is the co-founder of Lumeo and Quillbyte.\n  • 2009: Lumeo was acquired by Halcyon for $50 "
        "million. Vale joined Halcyon as CTO.",
        Watchlist(acquirers=(Entity("Halcyon", "acquirer"),)),
    )
    assert _roles(result).get("halcyon--lumeo") == "mentioned", result
    assert ("deal_amount_usd", "$50 million") in stated_claims(result)


def test_a_small_team_counted_makes_an_unpriced_purchase_perhaps_for_its_people():
    """ "les 12 personnes que compte l'équipe de Lumeo": a startup bought at a price not told,
    whose small team the story counts, may be bought for its people, though the sentence that
    counts them names only the startup."""
    result = _analyse_in(
        "fr",
        "Google rachète Lumeo\n\nC'est la volonté affichée de Google, qui s'apprête à racheter "
        "Lumeo pour un montant non communiqué. Lumeo est un service de partage de notes en ligne. "
        "Dans un premier temps, les 12 personnes que compte l'équipe de Lumeo vont continuer de "
        "travailler comme à leur habitude.",
        WATCHLIST,
    )
    assert _roles(result) == {"google--lumeo": "subject"}, result


def test_a_purchase_whose_sentences_count_no_small_team_stays_a_purchase():
    """The same purchase, the startup's 400 employees counted: a company bought whole."""
    result = _analyse_in(
        "fr",
        "Google rachète Lumeo\n\nC'est la volonté affichée de Google, qui s'apprête à racheter "
        "Lumeo pour un montant non communiqué. Lumeo est un service de partage de notes en ligne. "
        "Dans un premier temps, les 400 personnes que compte l'équipe de Lumeo vont continuer de "
        "travailler comme à leur habitude.",
        WATCHLIST,
    )
    assert not result.deals, result


def test_an_english_word_for_a_purchase_glossed_in_korean_is_no_company():
    """ "일반적인 Acquisition(인수) 형태 … Acquihire(인재인수) 형태": an essay on kinds of deals
    glosses the English words; neither is a company, and no deal is read between them."""
    result = _analyse_in(
        "ko",
        "Acquihire(인재인수) 트렌드\n\n기업 인수에는 두 가지가 있다. 첫 번째는 일반적인 "
        "Acquisition(인수) 형태이며 두 번째는 Acquihire(인재인수) 형태라고 한다. 인재인수는 "
        "스타트업이 인수되는데, 직원들의 가치를 높이 사는 경우 인재인수가 일어날 수 있다.",
    )
    assert not result.deals, result


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # a co-founder posting on a day of 2011: the founder's noun, not the founding
        ("ja", "Lumeoの共同設立者、Ken Sato氏が2011年12月5日に公式ブログで明らかにした。"),
        ("ko", "Lumeo의 공동 설립자 Ken Sato는 2011년 12월 5일 블로그에서 이를 밝혔다."),
        ("zh", "Lumeo的联合创办人Ken Sato于2011年12月5日在博客上宣布了这一消息。"),
    ],
)
def test_a_founders_noun_before_a_date_states_no_founding_year(language, sentence):
    leads = {
        "ja": "GoogleがLumeoを買収\n\nGoogleは新興企業Lumeoを買収し、そのチームがGoogleに加わる。",
        "ko": "구글, Lumeo 인수\n\n구글은 스타트업 Lumeo를 인수했고 그 팀은 구글에 합류한다. ",
        "zh": "谷歌收购Lumeo\n\n谷歌收购了初创公司Lumeo，其团队将加入谷歌。",
    }
    result = _analyse_in(language, leads[language] + sentence, WATCHLIST)
    assert result.deals, result
    assert not [c for c in result.claims if c.metric == "founded_year"], result.claims


def test_he_opening_a_sentence_is_the_person_who_joins_the_buyer():
    """ "Bret Taylor … He founded FriendFeed in 2007. He joined Facebook in 2009 when it bought
    FriendFeed": "he" is the founder, who moved to the buyer with the purchase of his company."""
    _, result = _analyse(
        "Lumeo's founder leaves Salesforce\n\nKen Sato is leaving Salesforce after three years. He "
        "founded Lumeo in 2007. He joined Google in 2009 when it bought Lumeo.",
        WATCHLIST,
    )
    assert _roles(result) == {"google--lumeo": "mentioned"}, result


def test_a_purchase_that_bolsters_the_buyers_talent_is_a_talent_deal():
    """ "Airbnb bolstered its AI talent by acquiring GamePlanner", in a story of a new lab: the
    purchase was for the people."""
    _, result = _analyse(
        "Airbnb's chief funds a new AI lab\n\nAirbnb's chief executive is personally funding a new "
        "AI lab. Airbnb bolstered its AI talent by acquiring Lumeo, a games startup, last year. The "
        "lab will work apart from Airbnb.",
        WATCHLIST,
    )
    assert "airbnb--lumeo" in _deal_ids(result), result


def test_a_buyer_ready_to_make_use_of_the_startups_staff_made_a_talent_deal():
    """ "Lumeo's owner Google is ready to make use of Lumeo's staff and technology", in a story
    of the service closing after the purchase: the buyer wanted the people."""
    _, result = _analyse(
        "Lumeo closing in weeks\n\nStreaming service Lumeo will shut down on May 31. The "
        "announcement prompted speculation that Lumeo's owner Google is ready to make use of "
        "Lumeo's staff and technology to roll out its own service. Google acquired Lumeo in "
        "December for an undisclosed sum.",
        WATCHLIST,
    )
    assert "google--lumeo" in _deal_ids(result), result


def test_a_stake_holder_named_beside_the_startup_is_no_deal_of_theirs():
    """ "Lumeo minority stake holder Harbor Music Group": an investor named as one, not a stake
    bought in the story, and no deal between the two."""
    _, result = _analyse(
        "Lumeo closing in weeks\n\nStreaming service Lumeo will shut down on May 31. Google "
        "acquired Lumeo in December for its team. A filing by Lumeo minority stake holder Harbor "
        "Music Group later suggested the price was low.",
        WATCHLIST,
    )
    assert not any("harbor" in d for d in _deal_ids(result)), result
    assert not [c for c in result.claims if c.metric == "stake_pct"], result.claims


@pytest.mark.parametrize(
    "sentence",
    [
        "Lumeo employees will be part of Harbor's payments platform team.",
        "Lumeo employees are now part of Harbor's team.",
        "Lumeo employees are now part of Harbor.",
    ],
)
def test_a_startups_people_becoming_part_of_the_buyers_team_are_hired(sentence):
    """ "JoyRun employees will be part of Walmart's supply chain technology team": the startup's
    people go to the company named after "part of", whatever describes its team."""
    assert ("hire", "Harbor", "Lumeo") in _relation_keys(
        f"Harbor and Lumeo\n\nHarbor is a retailer. Lumeo is a delivery startup. {sentence}"
    )


def test_a_startup_becoming_part_of_a_company_is_no_hire():
    """ "Lumeo is now part of Harbor": a company owned, no people said to move."""
    keys = _relation_keys(
        "Harbor and Lumeo\n\nHarbor is a retailer. Lumeo is a delivery startup. Lumeo is now part "
        "of Harbor."
    )
    assert not any(k[0] == "hire" for k in keys), keys


def test_the_company_a_purchase_is_of_is_no_persons_given_name():
    """ "Harbor's acquisition of Lumeo", then "features such as Lumeo Studio": Lumeo is the
    company bought, so "Lumeo Studio" is a product of it, not a person."""
    names = read_steps(
        "Harbor buys Lumeo\n\nHarbor's acquisition of Lumeo shows its plan. Lumeo, a music "
        "analytics service, said it would close. Users lose features such as Lumeo Studio, "
        "Forecast and others."
    ).names
    assert "Lumeo" in company_names(names), names.orgs
    assert "Lumeo Studio" not in names.people, names.people


def test_a_person_named_with_a_middle_initial_is_one_person_hired():
    """ "co-founder Vera E. Lind": one person, the initial part of the name, not a company
    "Vera E" and a surname alone."""
    people = _people_moving_to_harbor(
        "Harbor hires Lumeo's founder\n\nHarbor hired Lumeo co-founder Vera E. Lind and "
        "licensed Lumeo's models."
    )
    assert people == ("Vera E. Lind",), people


@pytest.mark.parametrize(
    "sentence",
    [
        "Harbor hired Lumeo co-founders Vera Lind and Tom Vale.",
        "Lumeo co-founders Vera Lind and Tom Vale will join Harbor.",
        "Harbor hired Lumeo co-founders Vera Lind, Ana Reyes and Tom Vale and licensed its models.",
    ],
)
def test_every_person_of_a_list_that_moves_is_hired(sentence):
    """The people named in one list move together: not the first of them alone (after a hiring
    verb), nor the last alone (before a joining one)."""
    people = _people_moving_to_harbor(f"Harbor hires Lumeo's founders\n\n{sentence}")
    named = tuple(name for name in ("Vera Lind", "Ana Reyes", "Tom Vale") if name in sentence)
    assert people == named, people


def test_a_person_named_after_the_list_that_moves_is_not_hired():
    """ "Harbor hired Lumeo co-founder Vera Lind …. Its other co-founder, Tom Vale, stays": one
    person moves; the one named in the next sentence is no part of her list."""
    people = _people_moving_to_harbor(
        "Harbor hires Lumeo's founder\n\nHarbor hired Lumeo co-founder Vera Lind and licensed "
        "Lumeo's models. Its other co-founder, Tom Vale, stays at Lumeo."
    )
    assert people == ("Vera Lind",), people


def test_a_brand_in_lower_case_bought_and_called_a_startup_is_a_company():
    """ "Harbor acquires Vera Lind's startup lumo", "acquiring lumo, a design startup founded by
    …": lumo is the company bought, its founder's name no company."""
    names = read_steps(
        "Harbor acquires Vera Lind's startup lumo\n\nHarbor is acquiring lumo, a design startup "
        "founded by Vera Lind, for $40 million. The deal brings 20 engineers from lumo to Harbor."
    ).names
    assert {"Harbor", "lumo"} <= company_names(names), names.orgs
    assert "Vera Lind" not in company_names(names), names.orgs


def test_a_word_in_lower_case_after_a_purchase_and_no_startup_is_no_company():
    """ "Harbor keeps acquiring, a habit of large companies": no brand, no appositive of a startup."""
    names = read_steps(
        "Harbor's habit\n\nHarbor keeps acquiring, a habit of large companies. It bought tools, "
        "a market it knows."
    ).names
    assert company_names(names) <= {"Harbor"}, names.orgs


def test_a_purchase_told_days_after_it_was_announced_is_the_news():
    """ "Just two days after Harbor announced it will acquire Lumeo, …": the purchase is days old,
    the story's news, not an earlier deal recalled (as "two years after Harbor bought Lumeo" is)."""
    recent = _relations(
        "Lumeo's staff wait\n\nJust two days after Harbor announced that it will acquire the "
        "start-up Lumeo, there are questions about its 30 employees."
    )
    assert any(r.kind == "acquire" and not r.background for r in recent), recent
    old = _relations(
        "Lumeo's staff wait\n\nTwo years after Harbor bought the start-up Lumeo, there are "
        "questions about its 30 employees."
    )
    assert all(r.background for r in old if r.kind == "acquire"), old


def test_the_fate_of_the_companys_employees_is_no_stake_in_it():
    """ "the fate of the company's other employees": its people, no share of the company."""
    relations = _relations(
        "Lumeo's staff wait\n\nHarbor will acquire Lumeo. However, the fate of the company's other "
        "employees is in doubt, because Harbor has a large marketing staff."
    )
    assert not [r for r in relations if r.kind == "stake"], relations


def test_half_of_a_startups_compound_named_team_coming_along_is_a_share_of_staff_hired():
    """ "Mit ihm kommt die Hälfte des achtköpfigen Lumeo-Teams": half of the team comes along
    with its founder, a share of the staff who move (not a stake in the company)."""
    result = _analyse_in(
        "de",
        "Harbor übernimmt das Start-up Lumeo\n\nDer Konzern Harbor hat das Start-up Lumeo "
        "gekauft und dessen Gründer Tom Vale eingestellt. Mit ihm kommt die Hälfte des "
        "achtköpfigen Lumeo-Teams, das künftig bei Harbor arbeitet.",
        WATCHLIST,
    )
    metrics = {metric for metric, stated in stated_claims(result) if stated == "die Hälfte"}
    assert metrics == {"staff_hired_pct"}, result.claims


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # "will have a place on the buyer's staff"
        (
            "it",
            "Harbor compra Lumeo\n\nHarbor ha comprato la startup Lumeo. Il giovane fondatore Tom "
            "Vale avrà un posto nello staff di Harbor.",
        ),
        # "the startup's team will now work on … within the buyer"
        (
            "fr",
            "Harbor rachète Lumeo\n\nHarbor a racheté Lumeo. L'équipe de Lumeo va désormais "
            "travailler à « réinventer la photo » au sein de Harbor.",
        ),
    ],
)
def test_people_said_to_go_on_working_inside_the_buyer_are_hired(language, text):
    """ "Il fondatore … avrà un posto nello staff di Harbor", "L'équipe de Lumeo va désormais
    travailler … au sein de Harbor": the startup's people go on inside the buyer, a hire."""
    keys = _relation_keys(text, language)
    assert ("hire", "Harbor", "Lumeo") in keys, keys


def test_a_sum_paid_for_a_licence_and_a_part_of_it_in_vietnamese():
    """ "đã chi trả 3 tỷ USD cho cấp phép công nghệ, khoảng 1 tỷ USD trong số đó …": the sum paid
    for the licence is the licence fee; the part "of it" is no second price."""
    result = _analyse_in(
        "vi",
        "Google thuê người sáng lập Adept\n\nGoogle đã ký một thỏa thuận với Adept để thuê người "
        "sáng lập và đội ngũ của họ đến làm việc cho mình. Google đã chi trả 3 tỷ USD cho cấp phép "
        "công nghệ, khoảng 1 tỷ USD trong số đó sẽ được dùng để mua cổ phần Adept.",
        WATCHLIST,
    )
    assert {(c.metric, c.low, c.high) for c in result.claims if c.metric.endswith("_usd")} == {
        ("licence_fee_usd", 2.5e9, 3.5e9)
    }, result.claims


@pytest.mark.parametrize(
    ("language", "text", "stated"),
    [
        (
            "fr",
            "Harbor recrute le patron de Lumeo\n\nHarbor embauche les fondateurs de Lumeo. Le "
            "groupe a fait de même avec trois autres jeunes pousses cette année. Ses rivaux "
            "l'imitent. L'exemple le plus frappant : 40 millions de dollars pour le rachat "
            "de Lumeo, dont le patron rejoint Harbor.",
            "40 millions de dollars",
        ),
        (
            "en",
            "Harbor hires Lumeo's founders\n\nHarbor hired the founders of Lumeo. The group did "
            "as much with three other young companies this year. Its rivals follow. The boldest "
            "example: $40 million for the purchase of Lumeo, whose chief joins Harbor.",
            "$40 million",
        ),
    ],
)
def test_a_sum_for_the_purchase_of_the_startup_named_next_is_the_deals_price(
    language, text, stated
):
    """ "40 millions de dollars pour le rachat de Lumeo": what the sum buys, and the startup,
    right after it."""
    result = _analyse_in(language, text, WATCHLIST)
    assert ("deal_amount_usd", stated) in stated_claims(result), result.claims


def test_a_team_coming_aboard_inside_the_buyer_is_hired_with_its_founders_named():
    """ "Lumeo's co-founders, CEO Vera Lind and CTO Tom Vale, and the rest of the team will be
    coming aboard inside Harbor's design and product departments": they join Harbor."""
    people = _people_moving_to_harbor(
        "Harbor buys Lumeo\n\nHarbor has acquired Lumeo, a video chat startup, for its team. "
        "Lumeo's co-founders, CEO Vera Lind and CTO Tom Vale, and the rest of the team will be "
        "coming aboard inside Harbor's design and product departments."
    )
    assert set(people) == {"Vera Lind", "Tom Vale"}, people


def test_a_word_for_people_right_before_the_bought_company_says_what_it_is():
    """ "Harbor acquires photo specialists Lumeo": the company described, bought whole; "Harbor
    buys 200 engineers from Lumeo" still buys people."""
    described = _relation_keys(
        "Harbor acquires photo specialists Lumeo\n\nHarbor has bought Lumeo, a photo sharing tool."
    )
    assert not any(kind == "acquihire" for kind, _, _ in described), described
    people = _relation_keys("Harbor buys engineers\n\nHarbor buys 200 engineers from Lumeo.")
    assert ("acquihire", "Harbor", "Lumeo") in people, people


def test_a_purchase_of_a_startup_described_with_a_slash_is_read():
    """ "the recent acquisition of the photo/video app Lumeo by Harbor": what describes the bought
    company may join two words with a slash."""
    keys = _relation_keys(
        "Apps that vanish\n\nConsider the recent acquisition of the photo/video app Lumeo by "
        "Harbor. Lumeo posted a message on its homepage."
    )
    assert ("acquire", "Harbor", "Lumeo") in keys, keys


def test_a_purchase_and_a_hire_told_in_one_sentence_are_both_halves():
    # the purchase's verb takes the company itself and its people are hired in words of their own:
    # the two halves of a talent deal in one sentence, not a hire alone with no payment
    _, result = _analyse(
        "Quorvel adds a note-taking team\n\n"
        "Quorvel acquired Pennywick, a two-year-old startup, for $12 million and hired its team "
        "of nine engineers. The app will close next month."
    )
    assert _roles(result) == {"quorvel--pennywick": "subject"}
    assert any(
        c.metric == "deal_amount_usd" and c.low <= 12_000_000 <= c.high for c in result.claims
    )
    assert ("staff_hired", 9) in {(c.metric, c.low) for c in result.claims}
    # a purchase of the team itself stays a hire with its purchase read as the acqui-hire it is
    _, result = _analyse(
        "Quorvel adds a note-taking team\n\n"
        "Quorvel acquired the team behind Pennywick, a two-year-old startup, and hired its "
        "founders. The app will close next month."
    )
    assert _roles(result) == {"quorvel--pennywick": "subject"}


def test_a_design_firm_named_like_a_person_is_a_company():
    """ "Pelcro Design" reads like a given name and a surname; a design studio's name ends on
    "Design" as a lab's ends on "Labs"."""
    text = (
        "Harbor compra Pelcro Design\n\n"
        "Harbor adquirió Pelcro Design, que pasará a formar parte de su unidad de hardware. "
        "Su presidente y sus seis empleados se unirán a Harbor el próximo mes."
    )
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("es"))
    assert "Pelcro Design" in company_names(names), names.orgs
    assert _roles(_analyse_in("es", text)) == {"harbor--pelcro-design": "subject"}


def test_the_country_before_a_giant_is_no_company():
    """ "the U.S. semiconductor giant": the country's abbreviation, its last dot read as the end
    of a name, is no company and no party to a deal."""
    text = (
        "Harbor cuts jobs\n\n"
        "Harbor's 900 employees in Lisbon wonder whether their jobs are safe after the U.S. "
        "chip giant said it would cut 12,000 jobs from a workforce of 107,000."
    )
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("en"))
    assert not {"U.S", "U.S."} & company_names(names), names.orgs
    _, result = _analyse(text)
    assert not result.deals, result.deals


def test_a_magazine_and_a_valley_are_no_parties():
    """Time, the magazine ("Tạp chí Time"), and "Thung lũng Silicon" (Silicon Valley, whose
    Vietnamese noun alone is capitalised) are not companies a deal can be with."""
    text = (
        "Harbor giữ chân nhân tài\n\n"
        "Tạp chí Time nhận định Harbor có những vụ mua lại hoàn hảo tại Thung lũng Silicon. "
        "Tạp chí Time còn nhận thấy 2/3 trong số 90 nhà sáng lập đều đầu quân cho Harbor."
    )
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("vi"))
    assert not {"Time", "Thung"} & company_names(names), names.orgs
    assert not {d.deal_id for d in _analyse_in("vi", text).deals} & {"harbor--time"}


def test_a_licence_told_as_a_second_verb_after_a_hire_is_the_payment():
    _, result = _analyse(
        "Quorvel swoops on Pennywick\n\n"
        "Pennywick is a speech startup. Quorvel, the cloud giant, swooped on Pennywick, hiring its "
        "founders and licensing its technology. The app will stay open."
    )
    kinds = {d.deal_id: (d.role, d.kind) for d in result.deals}
    assert kinds == {"quorvel--pennywick": ("subject", "licence_and_hire")}


def test_a_known_deals_people_named_anywhere_are_its_people_hired(tmp_path):
    """The watchlist says whom a known deal moved: named anywhere in a story of the deal, they are
    its people hired, though the sentence that tells the deal names nobody."""
    watchlist = _watchlist_of(
        tmp_path,
        '[[acquirer]]\nname = "Halcyon"\n\n[[startup]]\nname = "Lumeo"\n\n'
        '[[person]]\nname = "Vera Lind"\n\n[[person]]\nname = "Tom Vale"\n\n'
        '[[deal]]\nacquirer = "Halcyon"\ntarget = "Lumeo"\nkind = "licence_and_hire"\n'
        'people = ["Vera Lind", "Tom Vale"]\n',
    )
    _, result = _analyse(
        "Halcyon pays $400 million to license Lumeo's models and hire its staff\n\n"
        "Halcyon will pay $400 million to license Lumeo's models and hire most of its staff. "
        "Vera Lind, who founded the startup in 2021, said the team was proud of its work.",
        watchlist,
    )
    [deal] = result.deals
    assert deal.deal_id == "halcyon--lumeo"
    assert deal.people == ("Vera Lind",)  # (Tom Vale is not named)


def test_people_tied_to_no_company_who_join_in_the_deals_sentence_are_hired():
    _, result = _analyse(
        "Harbor buys Lumeo\n\n"
        "Harbor has acquired Lumeo, the photo startup of Vera Lind. Both Lind and cofounder "
        "Tom Vale are joining Harbor as a result of the acquisition, a spokesperson said."
    )
    [deal] = result.deals
    assert deal.deal_id == "harbor--lumeo"
    assert set(deal.people) == {"Vera Lind", "Tom Vale"}


def test_a_listed_companys_leader_is_never_one_of_the_people_it_hires(tmp_path):
    watchlist = _watchlist_of(
        tmp_path,
        '[[acquirer]]\nname = "Harbor"\n\n[[person]]\nname = "Ada Corran"\nleads = "Harbor"\n',
    )
    _, result = _analyse(
        "Harbor buys Lumeo\n\n"
        "Harbor has acquired Lumeo, a photo startup. Harbor hired Lumeo's staff; they were "
        "recruited to work beside Ada Corran on cameras.",
        watchlist,
    )
    [deal] = result.deals
    assert "Ada Corran" not in deal.people


@pytest.mark.parametrize("title", ["Co-founders", "Founders", "Cofounders"])
def test_a_plural_title_opening_a_sentence_is_no_part_of_a_name(title):
    text = (
        "Harbor buys Genly\n\n"
        f"Harbor has acquired Genly, a scheduling startup. {title} Ben Cheung and Charles Lee "
        "will join Harbor."
    )
    names = find_names(split_sentences(text), EMPTY_WATCHLIST, lexicon_for("en"))
    assert {p.name for found in names.people for p in found} == {"Ben Cheung", "Charles Lee"}


def test_a_known_deals_people_written_in_another_script_are_named_hired():
    """The shipped watchlist spells the people of its known deals as Korean and Japanese
    outlets write them: the deal's people hired are named, by their canonical names."""
    result = _analyse_in(
        "ko",
        "구글, 윈드서프 인재 영입\n\n"
        "구글은 윈드서프의 기술 라이선스를 확보하고 핵심 인력을 영입하기로 했다. "
        "바룬 모한 최고경영자와 더글러스 첸 공동 창업자가 구글 딥마인드에 합류한다.",
        WATCHLIST,
    )
    [deal] = [d for d in result.deals if d.deal_id == "google--windsurf"]
    assert set(deal.people) == {"Varun Mohan", "Douglas Chen"}


def test_everyone_a_list_names_beside_a_mover_moves_too():
    # a list whose items say what each one is, after the acqui-hire's verb
    _, result = _analyse(
        "Harbor buys Lumeo\n\n"
        "Harbor has acquired Lumeo, a photo startup. Harbor not only gets Lumeo's software but "
        "also acqui-hires co-founders and vision researchers Ana Ruiz and Li Wei."
    )
    [deal] = result.deals
    assert set(deal.people) == {"Ana Ruiz", "Li Wei"}


def test_the_price_told_in_the_sentence_after_a_purchase_makes_it_a_company_bought_whole():
    """ "L'opération" in the sentence after the purchase is that purchase: its price is a
    company's, so the teams spoken of later make no acqui-hire of it."""
    result = _analyse_in(
        "fr",
        "Salesforce finalise le rachat de Lumeo\n\n"
        "Salesforce a annoncé mercredi avoir finalisé le rachat de l'éditeur de logiciels Lumeo "
        "Technologies. L'opération avait été annoncée en décembre pour un montant de 9,2 milliards "
        "de dollars. Les deux équipes de Salesforce et de Lumeo travaillent déjà ensemble.",
        WATCHLIST,
    )
    assert result.relevance == "unrelated", result.deals


def test_a_sentence_calling_the_deal_an_acqui_hire_speaks_of_the_purchase_told_before():
    result = _analyse_in(
        "es",
        "OpenAI ha anunciado la compra de la startup Lumeo por 900 millones de dólares. "
        "La clave está en quién llega: el equipo de Lumeo se integra completo en OpenAI.\n\n"
        "Falta un detalle que explica el sentido de todo: la operación se interpreta como un "
        "acqui-hire orientado a talento.",
        WATCHLIST,
    )
    assert _roles(result) == {"openai--lumeo": "subject"}


def test_people_bought_for_a_price_stated_between_are_an_acqui_hire():
    """ "wykupując za 2,4 miliarda dolarów kluczowych pracowników startupu": what is bought is
    the startup's people, the price between the verb and them."""
    result = _analyse_in(
        "pl",
        "Szybka akcja Google\n\n"
        "Google przeprowadziło szybką akcję, wykupując za 2,4 miliarda dolarów kluczowych "
        "pracowników startupu Lumeo razem z jego szefem.",
        WATCHLIST,
    )
    [deal] = result.deals
    assert (deal.deal_id, deal.role, deal.kind) == ("google--lumeo", "subject", "acquihire")


def test_portuguese_da_is_of_the_not_the_passives_by():
    """ "a aquisição da equipa da Lumeo": Portuguese "da" is "of the" (Italian "da" is "by"), so
    OpenAI buys Lumeo's team, not the other way round."""
    result = _analyse_in(
        "pt",
        "OpenAI compra equipa\n\n"
        "A OpenAI confirmou a aquisição da equipa da Lumeo, uma plataforma de software para "
        "recursos humanos. Os três cofundadores vão integrar a OpenAI.",
        WATCHLIST,
    )
    assert _roles(result) == {"openai--lumeo": "subject"}


def test_the_buyer_described_after_by_buys_the_startup_not_the_company_before_it():
    """ "… da Pelcro, ou então da recente aquisição da startup Lumeo, pela plataforma Warren":
    Warren buys Lumeo; Pelcro, an item of the list before, neither buys nor is bought by it."""
    text = (
        "Acqui-hiring no Brasil\n\n"
        "Você já ouviu falar da aquisição feita pelo Nubank, em 2020, da Pelcro, startup de "
        "software, ou então da recente aquisição da startup Lumeo, pela plataforma de "
        "investimentos Warren, no início deste ano, para contratar a equipe."
    )
    pairs = {(payer, startup) for _, payer, startup in _relation_keys(text, "pt")}
    assert ("Warren", "Lumeo") in pairs
    assert not {("Lumeo", "Pelcro"), ("Pelcro", "Lumeo")} & pairs, pairs


def test_asias_big_companies_are_known_by_their_names_in_their_own_scripts():
    """メルカリ, 네이버: names in scripts without capitals, which only the watchlist recognises."""
    result = _analyse_in(
        "ja",
        "Lumeoのメンバーがメルカリに参画\n\n"
        "フリマアプリを運営するLumeoのメンバー5人がメルカリに参画することになった。"
        "Lumeoは2016年に設立されたスタートアップで、サービスは年内に終了する。",
        WATCHLIST,
    )
    assert "mercari--lumeo" in _deal_ids(result), result.deals


def test_the_company_led_by_a_listed_leader_is_that_company(tmp_path):
    """ "à empresa liderada por Ada Corran": the company she leads, though the sentence names it
    elsewhere too."""
    watchlist = _watchlist_of(
        tmp_path,
        '[[acquirer]]\nname = "Harbor"\n\n[[person]]\nname = "Ada Corran"\nleads = "Harbor"\n',
    )
    result = _analyse_in(
        "pt",
        "Harbor adquiriu startup\n\n"
        "A notícia foi confirmada pela Harbor, e a Bloomberg indica que toda a equipa da Lumeo se "
        "vai juntar à empresa liderada por Ada Corran a partir da próxima semana.",
        watchlist,
    )
    assert "harbor--lumeo" in _deal_ids(result), result.deals


def test_a_team_counted_right_after_its_word_in_chinese_is_the_startups_size():
    """ "Lumeo 成立于 2019 年,团队约 30 人": the startup's team, about 30 people."""
    result = _analyse_in(
        "zh",
        "谷歌收购初创公司 Lumeo，团队加入谷歌\n\n"
        "谷歌已收购初创公司 Lumeo，其创始人和员工将加入谷歌。Lumeo 成立于 2019 年,团队约 30 人。",
        WATCHLIST,
    )
    assert ("target_headcount", 27, 33) in {(c.metric, c.low, c.high) for c in result.claims}


def test_bonuses_offered_to_people_are_no_price_of_the_deal():
    result = _analyse_in(
        "pt",
        "Meta adquiriu startup\n\n"
        "A Meta adquiriu a startup Lumeo, e toda a equipa da Lumeo passa a integrar a Meta. "
        "Recentemente a Meta terá conseguido ‘roubar’ três investigadores à OpenAI, com rumores a "
        "indicarem que a empresa tem oferecido bónus de 100 milhões de dólares a trabalhadores de "
        "empresas rivais.",
        WATCHLIST,
    )
    assert "meta--lumeo" in _deal_ids(result)
    assert not [c for c in result.claims if c.metric == "deal_amount_usd"], result.claims


def test_an_age_with_only_before_it_is_an_age_at_another_moment():
    """ "Con tan solo 24 años, Lind se convirtió en…": how old she was then, not now."""
    result = _analyse_in(
        "es",
        "Google contrata al equipo de Lumeo\n\n"
        "Google contrató a la fundadora de Lumeo, Vera Lind, y a todo su equipo. Con tan solo "
        "24 años, Lind se convirtió en la emprendedora más joven de la lista.",
        WATCHLIST,
    )
    assert not [c for c in result.claims if c.metric == "person_age"], result.claims
    assert "24 años" in {x.stated for x in result.left_out}


def test_a_listed_name_in_other_capitals_is_the_listed_company(tmp_path):
    """Outlets write a listed name with capitals of their own ("WindSurf"): its first letter as
    listed, the rest in any case, it is the listed company."""
    watchlist = _watchlist_of(
        tmp_path,
        '[[acquirer]]\nname = "Halcyon"\n\n[[startup]]\nname = "Lumeo"\n\n'
        '[[deal]]\nacquirer = "Halcyon"\ntarget = "Lumeo"\nkind = "licence_and_hire"\n',
    )
    names = read_steps(
        "Halcyon and the startup LuMeo\n\n"
        "Halcyon paid billions for the startup LuMeo, and its product has all but disappeared.",
        "en",
        watchlist,
    ).names
    assert names.kinds.get("Lumeo") == "startup"
    assert "watchlist" in names.evidence["Lumeo"]


def test_the_buyers_price_for_another_company_is_no_price_of_this_purchase():
    """A small startup bought at no stated price, its staff joining, is a purchase for its people
    though the story goes on to the buyer's costly purchase of another company."""
    result = _analyse_in(
        "fr",
        "Harbor rachète Lumeo\n\n"
        "Harbor a annoncé l’acquisition de Lumeo, une jeune pousse spécialisée dans les "
        "assistants pour ordinateur. Tous les employés rejoignent Harbor, qui n’a pas précisé "
        "le montant de la transaction. Harbor a récemment racheté Quillbyte, une plateforme "
        "de paiement, pour 1,1 milliard de dollars.",
    )
    assert "harbor--lumeo" in _deal_ids(result)
    assert "harbor--quillbyte" not in _deal_ids(result)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # Italian "dai" is "by the"
        (
            "it",
            "Lumeo comprata\n\nLa startup Lumeo è stata comprata dai soci della piattaforma Harbor.",
        ),
        # Portuguese "pela" after a noun and other words is "for the": Harbor's purchase of the
        # team responsible for Lumeo
        (
            "pt",
            "A Harbor compra equipa\n\nA Harbor confirmou a aquisição da equipa responsável pela "
            "Lumeo, uma plataforma de software.",
        ),
    ],
)
def test_a_passives_by_is_the_texts_own_languages_and_stands_right_after_the_verb(language, text):
    keys = _relation_keys(text, language)
    assert ("acquire", "Harbor", "Lumeo") in keys and ("acquire", "Lumeo", "Harbor") not in keys


def test_the_staff_counted_in_italian_who_go_to_work_at_the_buyer_are_hired():
    result = _analyse_in(
        "it",
        "Harbor ha comprato Lumeo\n\n"
        "L’app Lumeo è stata comprata da Harbor. I termini dell’accordo non sono stati resi "
        "noti. I tredici dipendenti di Lumeo andranno a lavorare in Harbor.",
    )
    assert "harbor--lumeo" in _deal_ids(result)
    hired = [c for c in result.claims if c.metric == "staff_hired"]
    assert [(c.deal_id, c.low, c.high) for c in hired] == [("harbor--lumeo", 13, 13)]


def test_a_title_of_a_company_ties_the_person_to_it_in_the_texts_language():
    """ "il CEO di Harbor Marco Rossi", "Vera Lind, PDG de Lumeo": a title of the company before
    the name or after it, the company's name run into the person's or not."""
    italian = read_steps(
        "Harbor ha comprato Lumeo\n\n“Possiamo aiutare Lumeo a crescere” ha dichiarato il CEO "
        "di Harbor Marco Rossi.",
        "it",
        EMPTY_WATCHLIST,
    ).names
    assert italian.affiliation.get("Marco Rossi") == "Harbor"
    french = read_steps(
        "Harbor rachète Lumeo\n\nHarbor rachète Lumeo. Vera Lind, PDG de Lumeo, rejoint Harbor.",
        "fr",
        EMPTY_WATCHLIST,
    ).names
    assert french.affiliation.get("Vera Lind") == "Lumeo"


def test_a_sentence_ends_before_any_capital_letter():
    """A full stop before a capital of any alphabet ends a sentence: Vietnamese "Đ", Turkish
    "İ", Greek, Polish "Ł" open the next one, as "T" does."""
    texts = {
        "vi": "Harbor mua lại Lumeo với giá 7 triệu USD. Điểm thú vị là năm 2009.",
        "tr": "Harbor, Lumeo'yu satın aldı. İngiltere doğumlu kurucu Harbor'a katıldı.",
        "el": "Η Harbor αγόρασε τη Lumeo. Ο ιδρυτής πάει στη Harbor.",
        "pl": "Harbor kupił Lumeo za 7 mln dolarów. Łukasz Nowak dołączył do Harbor.",
    }
    for language, text in texts.items():
        assert len(split_sentences(text)) == 2, language


def test_the_absorption_of_a_startups_team_is_a_hire_of_it(tmp_path):
    watchlist = _watchlist_of(tmp_path, '[[acquirer]]\nname = "Harbor"\n')
    _, result = _analyse(
        "The new gold rush is for people\n\n"
        "Acqui-hiring, buying a company for its staff rather than its products, has become a "
        "habit of large companies. Harbor’s recent absorption of the three-person team from "
        "Lumeo illustrates the trend. Lumeo had built a platform for coaches; its product was "
        "shut down.",
        watchlist,
    )
    assert _roles(result).get("harbor--lumeo") == "subject"
    [claim] = [c for c in result.claims if c.metric == "staff_hired"]
    assert (claim.deal_id, claim.low, claim.high) == ("harbor--lumeo", 3, 3)


def test_a_year_of_founding_opening_a_sentence_is_of_the_company_it_names_after_its_founders():
    """ "Fundada em 2023 por …, a empresa oferece …": the participle's company is the company the
    clause names after the founders and what is said of them."""
    result = _analyse_in(
        "pt",
        "Harbor compra a Lumeo\n\n"
        "A Harbor adquiriu a Lumeo e a equipa junta-se à Harbor. A Lumeo dedica-se a circuitos "
        "fotónicos. Fundada em 2023 por Ana Lima e Rui Costa, ambos com um sólido historial em "
        "engenharia de semicondutores e de redes óticas para centros de dados, a empresa oferece "
        "interconexões óticas.",
    )
    founded = [c for c in result.claims if c.metric == "founded_year"]
    assert [(c.deal_id, c.low) for c in founded] == [("harbor--lumeo", 2023)]


def test_a_known_persons_surname_alone_names_them_in_cyrillic_too(tmp_path):
    watchlist = _watchlist_of(tmp_path, '[[person]]\nname = "Vera Lind"\naliases = ["Вера Линд"]\n')
    steps = read_steps(
        "Harbor и Lumeo\n\nВера Линд основала Lumeo. Линд перешла в Harbor.", "ru", watchlist
    )
    assert [p.name for p in steps.names.people[2]] == ["Vera Lind"]


def test_a_quoted_name_in_hanzi_after_a_word_for_its_kind_is_a_company():
    """ "低代码厂商“云帆”": a name in the text's own script alone, quoted after what it is and
    written again, is a new company's; the deal is read with it."""
    result = _analyse_in(
        "zh",
        "字节跳动收购云帆\n\n"
        "3月21日，低代码厂商“云帆”宣布将停止服务和维护。据报道，云帆团队已经被字节跳动收购，"
        "创始人以及部分团队成员已入职字节跳动。",
        WATCHLIST,
    )
    assert "bytedance--云帆" in _deal_ids(result)


def test_a_phrase_quoted_once_is_no_company():
    """ "其云服务业务将“继续运营”" (will "go on operating"): quoted once after a word for a kind of
    company, a phrase, not a name."""
    names = read_steps(
        "英伟达与格罗克达成授权协议\n\n"
        "英伟达支付200亿美元获得格罗克的技术授权，并聘用其创始人和部分工程师。格罗克表示，其云服务"
        "平台“继续运营”，由新的管理团队负责。",
        "zh",
        WATCHLIST,
    ).names
    assert "继续运营" not in {o.name for found in names.orgs for o in found}


def test_all_but_one_employee_hired_is_the_startups_team_moving():
    _, result = _analyse(
        "Harbor buys Lumeo\n\n"
        "Harbor looked at a startup called Lumeo. Harbor purchased Lumeo for an estimated "
        "$10 million and hired all but one employee."
    )
    assert _roles(result).get("harbor--lumeo") == "subject"


def test_a_surname_alone_is_the_person_the_text_names_before_a_listed_one():
    """ "Mr. Mohan said" in a story that names Neal Mohan is Neal Mohan, not the watchlist's
    Varun Mohan, whom the story never names."""
    steps = read_steps(
        "Harbor buys Lumeo\n\n"
        "Harbor has bought Lumeo, Neal Mohan, a vice president at Harbor, told reporters. All "
        "seven Lumeo team members have already joined Harbor, Mr. Mohan said.",
        "en",
        WATCHLIST,
    )
    named = {p.name for found in steps.names.people for p in found}
    assert "Neal Mohan" in named
    assert "Varun Mohan" not in named


def test_his_company_is_the_company_the_person_came_from(tmp_path):
    """ "after the software giant invested in his company": the company the person named before
    it is tied to, here by the watchlist's deal that moved him (not "acquired his startup
    Lumeo", where the words introduce the name after them)."""
    watchlist = _watchlist_of(
        tmp_path,
        '[[acquirer]]\nname = "Harbor"\n\n[[startup]]\nname = "Lumeo"\n\n'
        '[[person]]\nname = "Vera Lind"\n\n'
        '[[deal]]\nacquirer = "Harbor"\ntarget = "Lumeo"\nkind = "investment_and_hire"\n'
        'people = ["Vera Lind"]\n',
    )
    _, result = _analyse(
        "Vera Lind on the future of chatbots\n\n"
        "Vera Lind left Google in 2022 to build chatbots with a startup called Lumeo. She then "
        "joined Harbor as its head of AI after the software giant invested in her company and "
        "hired most of its employees. She now says chatbots should never seem conscious.",
        watchlist,
    )
    assert "harbor--lumeo" in _deal_ids(result)
