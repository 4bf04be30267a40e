"""What a figure is about: the deal's own sums against every other sum a story carries.

Each story is one deal (Halcyon hires Lumeo's founders and licenses its models for $400
million) and one distracting figure that a reader knows is not the deal's: another deal's
price, a funding round, an old valuation, revenue, a share price, a compute contract, a
currency conversion. The deal keeps its own claims and the distractor goes to nothing, with
the reason a user reads in ``dealwatch explain``.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractors.analysis import analyse
from extractors.analysis.attribution import Attributor
from extractors.analysis.deals import assemble_deals
from extractors.analysis.figures import figures_in
from extractors.documents import article_from_text
from extractors.watchlist import load_watchlist
from tests.support.analysis import read_steps, stated_claims
from tests.support.paths import REPO

WATCHLIST = load_watchlist(REPO / "config" / "watchlist.toml")
DEAL = "halcyon--lumeo"
LEAD = (
    "Halcyon hires Lumeo founders in licensing deal\n\n"
    "Halcyon, the cloud software giant, said on Tuesday it will hire the founders of AI startup "
    "Lumeo and about 40 of its engineers, and license the startup's models. "
    "Halcyon is paying $400 million for the licence. "
)
OWN = {("licence_fee_usd", "$400 million"), ("staff_hired", "about 40 of its engineers")}


def _read(text: str):
    article = article_from_text(
        text,
        url="https://news.example/lumeo",
        origin="feed",
        fetched_at=datetime(2025, 6, 14, tzinfo=UTC),
    )
    return analyse(article, WATCHLIST)


def _read_in(language: str, text: str):
    """A story in another language, read as the language it is written in."""
    article = article_from_text(
        text,
        url=f"https://news.example/{language}/story",
        origin="feed",
        fetched_at=datetime(2025, 6, 14, tzinfo=UTC),
    )
    assert article.language == language
    return analyse(article, WATCHLIST)


def _claims_of_every_deal(result) -> set[tuple[str, str, str]]:
    return {(c.deal_id, c.metric, c.stated) for c in result.claims}


def _claims(result) -> set[tuple[str, str]]:
    return {(c.metric, c.stated) for c in result.claims if c.deal_id == DEAL}


@pytest.mark.parametrize(
    ("case", "distraction", "stated", "reason"),
    [
        (
            "another deal's price",
            "The arrangement echoes a deal of Orbital Systems last year, when it paid $900 million for "
            "a stake in the chipmaker Vantage.",
            "$900 million",
            "in no deal here",
        ),
        (
            "the payer's quarterly expenses",
            "Halcyon's expenses rose 9% to $31 billion in the quarter, with infrastructure "
            "investment the largest line.",
            "$31 billion",
            "expenses",
        ),
        (
            "a funding round",
            "Lumeo raised $50 million in a Series B round led by Redpoint in 2023.",
            "$50 million",
            "funding round",
        ),
        (
            "a past valuation",
            "Lumeo was valued at $1.2 billion in its last funding round in 2023.",
            "$1.2 billion",
            "valuation of a funding round",
        ),
        (
            "revenue",
            "Lumeo had annual revenue of about $30 million last year.",
            "about $30 million",
            "revenue",
        ),
        (
            "a per-share price",
            "Halcyon shares rose 3% to $212.50 in New York trading.",
            "$212.50",
            "shares",
        ),
        (
            "a layoff at the payer",
            "Separately, Halcyon lays off 300 employees in its hardware unit.",
            "300 employees",
            "not the deal's staff",
        ),
        (
            "a round priced at a valuation",
            "In May 2023, Lumeo raised $90 million at a $700 million valuation.",
            "$90 million",
            "funding round",
        ),
        (
            "the latest valuation, before the deal",
            "Backed by two venture firms, the startup was most recently valued at $700 million.",
            "$700 million",
            "past valuation",
        ),
        (
            "a part of the price paid for waivers",
            "Halcyon also paid $25 million for legal waivers tied to the hiring.",
            "$25 million",
            "part of the price",
        ),
        (
            "a payment for a waiver from claims",
            "Halcyon paid an additional $25 million for a waiver from claims tied to the hiring.",
            "$25 million",
            "waiver",
        ),
        (
            "what a founder's holding is worth",
            "Mia Park, who started Lumeo, owns about 12% of the startup, a stake now worth around $60 million.",
            "around $60 million",
            "holding",
        ),
        (
            "a compute contract",
            "Separately, Lumeo signed a $2 billion contract to rent computing power from "
            "Halcyon's cloud over five years.",
            "$2 billion",
            "contract",
        ),
        (
            "a round the startup took in, told as investment received",
            "That is far below the $120 million in investment that Lumeo received last year.",
            "$120 million",
            "funding round",
        ),
        (
            "a share price moving, not a stake",
            "Halcyon shares were up over 4% in early trading after the news.",
            "over 4%",
            "share price",
        ),
        (
            "the payer's purchase of another company",
            "Brightwave, which Halcyon bought for $75 million in March, keeps its own brand.",
            "$75 million",
            "does not name the target",
        ),
        (
            "a share of people surveyed",
            "Halcyon could gain from trust in its brand: 61% of US adults say they trust "
            "Halcyon with their data, against 35% for Lumeo's rivals.",
            "61%",
            "people",
        ),
        (
            "a heading's sum between sentences about another company",
            "Elsewhere this week, Orbis is the startup everyone watches.\n\n"
            "The Big Raise: $300 Million in Fresh Funding\n\n"
            "Orbis said it raised $300 million from investors led by Kestrel Partners.",
            "$300 Million",
            "does not name",
        ),
        (
            "hires from another company, far from the startup",
            "Separately, Halcyon is building a research lab in Austin. The lab will focus on "
            "agents. Its budget was not disclosed. Of the 12 new hires, 9 are from Kestrel, the "
            "memo said.",
            "12 new hires",
            "another company",
        ),
        (
            "staff laid off, told after their count",
            "Halcyon hired only part of the team: around 60 engineers were laid off the same week.",
            "around 60 engineers",
            "laid off",
        ),
    ],
)
def test_a_figure_about_something_else_goes_to_nothing(case, distraction, stated, reason):
    result = _read(LEAD + distraction)
    assert [d.deal_id for d in result.deals if d.role == "subject"] == [DEAL], case
    assert _claims(result) == OWN, case
    [left] = [x for x in result.left_out if x.stated == stated]
    assert reason in left.reason, (case, left.reason)


def test_the_licence_fee_is_part_of_the_total_paid():
    result = _read(
        LEAD.replace("Halcyon is paying $400 million for the licence. ", "")
        + "In total Halcyon will pay $650 million, including $400 million to license the technology."
    )
    assert _claims(result) == {
        ("deal_amount_usd", "$650 million"),
        ("licence_fee_usd", "$400 million"),
        ("staff_hired", "about 40 of its engineers"),
    }


@pytest.mark.parametrize(
    ("giant", "price", "why_not_pounds"),
    [
        # dollars in brackets stand for a sum in another currency
        ("British", "£300 million ($400 million)", "GBP"),
        # a conversion of a dollar sum is not a second claim
        ("cloud", "$400 million (£300 million)", "conversion"),
    ],
)
def test_a_sum_in_pounds_and_in_dollars_is_one_claim_in_dollars(giant, price, why_not_pounds):
    result = _read(
        "Halcyon hires Lumeo founders in licensing deal\n\n"
        f"Halcyon, the {giant} software giant, said on Tuesday it will hire the founders of AI "
        f"startup Lumeo and license the startup's models for {price}."
    )
    assert _claims(result) == {("licence_fee_usd", "$400 million")}
    [pounds] = [x for x in result.left_out if x.stated == "£300 million"]
    assert why_not_pounds in pounds.reason


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        # the money is named as licensing, whatever else the buyer does beside it
        (
            "Halcyon is paying roughly $400 million in licensing while hiring key staff.",
            "licence_fee_usd",
        ),
        # the fee named before the sum, which a verb joins to it
        ("Halcyon is hiring key staff; the licensing fee was ~$400 million.", "licence_fee_usd"),
        # fees and pay together: the price of the whole arrangement
        (
            "Halcyon will pay about $400 million in licensing fees and employee compensation.",
            "deal_amount_usd",
        ),
        # the sum paid "for" the fees
        (
            "Halcyon is hiring key staff and will pay $400 million for non-exclusive licensing "
            "fees for the models.",
            "licence_fee_usd",
        ),
    ],
)
def test_licensing_money_against_the_whole_price(sentence, metric):
    result = _read(LEAD.replace("Halcyon is paying $400 million for the licence. ", "") + sentence)
    assert {m for m, _ in _claims(result)} == {metric, "staff_hired"}


def test_a_sum_that_prices_the_startup_is_its_valuation():
    result = _read(LEAD + "Halcyon hired most of the staff of the $2 billion startup.")
    assert ("target_valuation_usd", "$2 billion") in _claims(result)


def test_another_known_deals_price_goes_to_that_deal():
    result = _read(
        LEAD
        + "The arrangement echoes Meta's deal last year, when it paid $14.3 billion for 49% of Scale AI."
    )
    assert _claims(result) == OWN
    other = {(c.deal_id, c.metric, c.stated) for c in result.claims if c.deal_id != DEAL}
    assert ("meta--scale-ai", "deal_amount_usd", "$14.3 billion") in other
    assert {d.deal_id: d.role for d in result.deals}["meta--scale-ai"] == "mentioned"


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        # the payer is the clause's subject: the purchase it closed is the deal, its sum the price
        ("In May, Halcyon has closed a $400 million asset purchase from Lumeo.", "deal_amount_usd"),
        # "the licensing fees agreed are": a participle before the verb, the fee all the same
        ("The licensing fees agreed are $400 million.", "licence_fee_usd"),
    ],
)
def test_the_sum_a_sentence_names_in_place_of_the_licence(sentence, metric):
    result = _read(LEAD.replace("Halcyon is paying $400 million for the licence. ", "") + sentence)
    assert (metric, "$400 million") in _claims(result)


def test_money_its_listed_investors_put_in_is_the_funding_raised():
    # the payer is named among the startup's investors: what they put in is what it raised
    result = _read(
        LEAD
        + "Lumeo keeps a small team, while investors like Brightline and Tallis, who put $120 million "
        "into the company, will get their money back."
    )
    assert ("target_funding_raised_usd", "$120 million") in _claims(result)


def test_the_whole_staff_out_of_which_some_move_is_the_headcount():
    result = _read(
        LEAD.replace("and about 40 of its engineers, ", "")
        + "Of the 60 employees of Lumeo, only the two founders will move."
    )
    assert ("target_headcount", "60 employees") in stated_claims(result)
    assert not [c for c in result.claims if c.metric == "staff_hired"]


def test_a_payout_from_the_payer_in_licensing_fees_is_what_the_deal_pays():
    result = _read(
        "Lumeo founders defect to Halcyon\n\nLumeo's founders and top researchers moved to Halcyon, in a "
        "deal that included a $500 million payout from Halcyon in licensing fees and "
        "compensation. Halcyon, the cloud software giant, declined to comment."
    )
    assert ("deal_amount_usd", "$500 million") in _claims(result)


def test_a_purchase_that_closes_the_product_is_one_of_its_people():
    result = _read(
        "Halcyon acquires Lumeo\n\nHalcyon has acquired Lumeo, a budgeting app, and its founder Mia Park "
        "will join Halcyon. The app will be shut down on 15 October, the company said."
    )
    [deal] = [d for d in result.deals if d.deal_id == DEAL]
    assert (deal.role, deal.kind) == ("subject", "acquihire")


def test_a_purchase_that_keeps_the_product_is_not_a_talent_deal():
    result = _read(
        "Halcyon to buy Lumeo\n\nHalcyon, the cloud software company, announced a definitive agreement to "
        "acquire Swedish AI startup Lumeo for around $1.1 billion. Lumeo's leaders will join Halcyon, and "
        "its product keeps running for its customers."
    )
    assert result.relevance == "unrelated", [(d.deal_id, d.kind) for d in result.deals]


def test_the_size_and_founding_of_a_startup_told_before_its_name():
    result = _read(
        "Halcyon's next acqui-hire\n\n"
        "Halcyon has quietly bought small teams for years. Its latest target is a 12-person robotics "
        "startup called Lumeo, whose founders will join Halcyon. Founded in 2021 by two former "
        "researchers, the Oakland-based company has raised only $4 million."
    )
    claims = {(c.metric, c.stated) for c in result.claims if c.deal_id == DEAL}
    assert ("target_headcount", "12-person robotics startup") in claims
    assert ("founded_year", "Founded in 2021") in claims


@pytest.mark.parametrize(
    ("language", "text", "stated", "metric"),
    [
        (
            "es",
            "Halcyon paga a Lumeo\n\nHalcyon contrató a los fundadores de Lumeo. Según la prensa, "
            "Halcyon acordó pagar 900 millones de dólares para licenciar la tecnología de la startup.",
            "900 millones de dólares",
            "licence_fee_usd",
        ),
        (
            "es",
            "Halcyon paga a Lumeo\n\nEl gigante del software Halcyon pagó a la startup Lumeo 900 millones "
            "de dólares para licenciar su tecnología y conseguir que sus fundadores aceptaran trabajar "
            "para Halcyon.",
            "900 millones de dólares",
            "deal_amount_usd",
        ),
        (
            "de",
            "Halcyon holt die Lumeo-Gründer zurück\n\nDie Gründer des KI-Start-ups Lumeo wechseln zum "
            "Softwarekonzern Halcyon. Lumeo bekommt von Halcyon 900 Millionen Dollar für die Nutzung "
            "seiner Modelle.",
            "900 Millionen Dollar",
            "licence_fee_usd",
        ),
        (
            "es",
            "Halcyon ficha a los fundadores de Lumeo\n\nEl gigante del software Halcyon contrató a los "
            "fundadores de la startup Lumeo para liderar su negocio de asistentes, pagando además 900 millones de "
            "dólares en licencias.",
            "900 millones de dólares",
            "licence_fee_usd",
        ),
        (
            "pt",
            "Halcyon contrata a equipa da Lumeo\n\nA Halcyon contratou os fundadores da startup Lumeo. "
            "O acordo inclui o pagamento de 900 milhões de dólares em taxas de licença para o uso "
            "da tecnologia da Lumeo.",
            "900 milhões de dólares",
            "licence_fee_usd",
        ),
        (
            "id",
            "Halcyon merekrut para pendiri Lumeo\n\nRaksasa perangkat lunak Halcyon merekrut para "
            "pendiri startup Lumeo untuk "
            "mengelola bisnis asisten, dan membayar biaya lisensi sebesar 900 juta dolar kepada "
            "Lumeo.",
            "900 juta dolar",
            "licence_fee_usd",
        ),
        (
            "zh",
            "Halcyon 聘用 Lumeo 創辦人\n\n例如，去年 Halcyon 支付 9 億美元授權 Lumeo 技術，"
            "但僅聘用了其兩位聯合創辦人及該新創公司 20% 的員工。",
            "9 億美元",
            "licence_fee_usd",
        ),
    ],
    ids=[
        "es licence",
        "es licence and people",
        "de for the use of its models",
        "es in licences",
        "pt in licence fees",
        "id licence fee of",
        "zh to license its technology",
    ],
)
def test_a_licence_named_right_after_the_sum_in_other_languages(language, text, stated, metric):
    # "para licenciar" reads as "to license" does in English; when the same sum also brings the
    # people over, it is what the deal pays
    article = article_from_text(
        text, url="https://news.example/lumeo", origin="feed", fetched_at=datetime(2025, 6, 14, tzinfo=UTC)
    )  # fmt: skip
    assert article.language == language
    result = analyse(article, WATCHLIST)
    assert (metric, stated) in _claims(result), [(c.metric, c.stated) for c in result.claims]


def test_a_non_exclusive_licensing_fee_and_the_total():
    result = _read(
        "Halcyon hires Lumeo's team\n\nHalcyon hired most of Lumeo's staff in March. "
        "The transaction was structured as a $400 million non-exclusive licensing fee for Lumeo's "
        "models, plus a $30 million payment to waive legal claims. In total, the $430 million "
        "all-cash structure held no stock."
    )
    claims = _claims(result)
    assert ("licence_fee_usd", "$400 million") in claims
    assert ("deal_amount_usd", "$430 million") in claims
    assert not any(stated == "$30 million" for _, stated in claims)


def test_a_sum_for_a_company_is_its_price():
    # "Orbital $900M for Vantage": the verb left out, the sum for the company is what is paid
    result = _read(
        "Talent deals pile up\n\nThe software giant Halcyon paid $400M for AI startup Lumeo, the chip "
        "giant Orbital $900M for AI startup Vantage. Both buyers hired the founders and licensed the "
        "technology."
    )
    claims = _claims_of_every_deal(result)
    assert ("orbital--vantage", "deal_amount_usd", "$900M") in claims, claims


@pytest.mark.parametrize(
    ("case", "sentence", "stated", "metric"),
    [
        ("a sum in words", "In all, Halcyon is paying nearly a billion dollars for the deal.",
         "nearly a billion dollars", "deal_amount_usd"),
        ("one investor's money", "Mia Park, whose firm has invested more than half a billion dollars in "
         "Lumeo since 2019, welcomed the deal.", "more than half a billion dollars", None),
        ("the value of the deal", "The deal is valued at about $450 million, people familiar said.",
         "about $450 million", "deal_amount_usd"),
        ("backed by funding", "Backed by over $60 million in funding, Lumeo grew fast.",
         "over $60 million", "target_funding_raised_usd"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 30 else None,
)  # fmt: skip
def test_more_sums_and_what_they_are(case, sentence, stated, metric):
    result = _read(LEAD + sentence)
    found = {c.stated: c.metric for c in result.claims if c.deal_id == DEAL}
    if metric is None:
        assert stated not in found, found
    else:
        assert found.get(stated) == metric, found


def test_a_portuguese_story_of_a_stake_a_founder_and_a_yearly_payment():
    # "49% da startup": a share of the company; "fundada por P, um jovem de N anos": P's age, not
    # "aos 24 anos" (an age at another moment); a yearly payment is not what the deal pays
    result = _read(
        "Halcyon compra 49% da Lumeo\n\n"
        "A Halcyon vai pagar cerca de US$ 2 bilhões para adquirir 49% da startup Lumeo, fundada por "
        "Mia Park, uma jovem engenheira de apenas 31 anos, e contratar a sua equipe. Mia Park ficou "
        "conhecida aos 24 anos. O acordo inclui um pagamento anual de pelo menos US$ 90 milhões à Lumeo.",
    )
    claims = stated_claims(result)
    assert ("stake_pct", "49%") in claims, claims
    assert ("person_age", "31 anos") in claims, claims
    assert not any(stated in {"24 anos", "pelo menos US$ 90 milhões"} for _, stated in claims), (
        claims
    )


def test_a_spanish_deal_that_has_a_value():
    result = _read(
        "Halcyon contrata al equipo de Lumeo\n\n"
        "El gigante del software Halcyon contratará a los fundadores de la startup Lumeo y licenciará su "
        "tecnología. La operación tiene un valor de 900 millones de dólares, según la prensa.",
    )
    assert ("deal_amount_usd", "900 millones de dólares") in _claims(result)


def test_an_age_in_the_phrase_set_beside_a_name_is_that_persons():
    result = _read(
        "Halcyon recontrata a Mia Park\n\n"
        "El gigante del software Halcyon contratará a los fundadores de la startup Lumeo y le pagará 900 "
        "millones de dólares por la licencia. Mia Park, una ingeniera de software de 41 años que trabajó "
        "en Halcyon hasta 2021, fundó Lumeo con un colega.",
    )
    ages = {(c.subject, c.stated) for c in result.claims if c.metric == "person_age"}
    assert ("Mia Park", "41 años") in ages, [(c.metric, c.subject, c.stated) for c in result.claims]
    result = _read(
        "Halcyon recontrata a Mia Park\n\n"
        "El gigante del software Halcyon contratará a los fundadores de la startup Lumeo y le pagará 900 "
        "millones de dólares por la licencia. Mia Park, hoy de 41 años, dejó Halcyon en 2021."
    )
    ages = {(c.subject, c.stated) for c in result.claims if c.metric == "person_age"}
    assert ("Mia Park", "41 años") in ages, [(c.metric, c.subject, c.stated) for c in result.claims]


def test_a_valuation_that_rose_from_one_sum_to_another():
    result = _read(
        LEAD
        + "Lumeo's valuation more than doubled after the deal, rising from $400 million to $900 million."
    )
    found = {c.stated: c.metric for c in result.claims if c.deal_id == DEAL}
    assert found.get("$900 million") == "target_valuation_usd", found
    assert "$400 million" not in {c.stated for c in result.claims if c.metric != "licence_fee_usd"}


def test_a_french_contract_worth_a_sum():
    result = _read(
        "Halcyon a payé pour récupérer son ancien employé\n\n"
        "Le géant du logiciel Halcyon a signé un contrat extraordinaire d’une valeur de 900 millions de "
        "dollars avec la startup Lumeo pour ramener sa fondatrice et licencier sa technologie."
    )
    found = {c.stated: c.metric for c in result.claims if c.deal_id == DEAL}
    assert found.get("900 millions de dollars") == "deal_amount_usd", found


def test_a_german_deal_of_the_payer_named_after_the_sum():
    result = _read(
        "Halcyon greift zu\n\n"
        "Der Softwarekonzern Halcyon holte die Gründer des KI-Start-ups Lumeo an Bord. Dessen Übernahme "
        "durch Orbital war vorbereitet, wurde aber durch einen 900-Millionen-Dollar-Deal von Halcyon verhindert."
    )
    found = {c.stated: c.metric for c in result.claims if c.deal_id == DEAL}
    assert found.get("900-Millionen-Dollar") == "deal_amount_usd", found


def test_a_licensing_arrangement_named_after_a_sum_is_that_startups_deal():
    # "Halcyon's $N Tessel licensing arrangement" is Tessel's deal, whatever the round before the
    # comma said; the sum for recruiting and licensing is the licence's (as the text says)
    result = _read(
        "Halcyon hires staff from Lumeo in licensing deal\n\n"
        "Halcyon struck a deal to recruit more than 20 Lumeo researchers and license the startup's "
        "technology for about $90 million. Lumeo previously raised $60 million in a 2024 Series A, "
        "and the deal follows Halcyon's $1.8 billion Tessel licensing arrangement, under which "
        "Tessel's founders joined Halcyon."
    )
    claims = _claims_of_every_deal(result)
    assert (DEAL, "licence_fee_usd", "about $90 million") in claims, claims
    assert ("halcyon--tessel", "deal_amount_usd", "$1.8 billion") in claims, claims


def test_the_company_of_a_named_person_is_not_the_startup_named_before():
    # "a empresa de Mark Zuckerberg" is Zuckerberg's company, not PlayAI bought a sentence earlier
    result = _read(
        "Halcyon compra a Lumeo\n\n"
        "Halcyon continua a investir na sua nova divisão de IA. Além de comprar a Tessel no mês "
        "passado, agora a empresa de Dana Holt comprou a Lumeo, startup de modelos de voz. Os dois "
        "fundadores da Lumeo já fazem parte do staff da Halcyon."
    )
    deals = {d.deal_id: d.role for d in result.deals}
    assert deals.get(DEAL) == "subject", deals
    assert "tessel--lumeo" not in deals, deals


def test_a_sum_before_another_companys_deal_is_not_this_deals():
    result = _read(
        LEAD
        + "The deal follows Halcyon's disclosure that it spent $36 million on smaller purchases "
        "outside its $4.9 billion Brightloop deal earlier this year."
    )
    assert not any(c.stated == "$4.9 billion" for c in result.claims), _claims(result)
    [left] = [x for x in result.left_out if x.stated == "$4.9 billion"]
    assert "Brightloop" in left.reason


def test_a_price_for_the_people_hired_and_a_share_of_staff_laid_off():
    # "hired … for reportedly $N": the deal's price; "cut 90 employees (12% of staff)": people the
    # deal did not hire; "in return for a $N payment" is no price of the hiring
    result = _read(
        "The quiet hollowing-out of AI startups\n\n"
        "• Halcyon hired Lumeo's co-founders and staff for reportedly $500 million, though Lumeo later "
        "cut 90 employees (12% of staff). Lumeo waived legal claims over Halcyon's hiring in return "
        "for a roughly $20 million payment."
    )
    claims = _claims(result)
    assert ("deal_amount_usd", "$500 million") in claims, claims
    assert not any(m == "staff_hired_pct" for m, _ in claims), claims
    assert not any(stated == "$20 million" for _, stated in claims), claims


def test_a_company_born_in_a_year_was_founded_then():
    # Portuguese "nasceu em 2021" (was born in 2021) founds the startup
    result = _read(
        "Halcyon vai pagar 400 milhões de dólares à Lumeo\n\n"
        "A Halcyon vai pagar 400 milhões de dólares para licenciar a tecnologia da Lumeo, depois da "
        "contratação dos dois co-fundadores da startup. Vale a pena dizer que a Lumeo nasceu em 2021."
    )
    claims = {(c.metric, c.stated) for c in result.claims if c.deal_id == DEAL}
    assert ("founded_year", "nasceu em 2021") in claims, claims


def test_a_part_of_the_price_already_paid_is_not_the_price():
    result = _read(
        "Halcyon enters $900 million licensing deal with Lumeo\n\n"
        "Halcyon has entered into a $900 million licensing deal with Lumeo and hired its founders. "
        "About $600 million of that sum has already been paid, with the rest due in coming months."
    )
    stated = {c.stated for c in result.claims}
    assert "About $600 million" not in stated, stated


def test_the_payer_of_a_sum_is_read_in_its_own_clause_after_and():
    result = _read(
        "The talent race\n\n"
        "Giants compete for AI talent: Amazon has taken the founders of Adept in a multibillion-dollar "
        "deal, and Microsoft hired Mustafa Suleyman of Inflection AI in a $620 "
        "million deal."
    )
    claims = _claims_of_every_deal(result)
    assert ("microsoft--inflection-ai", "deal_amount_usd", "$620 million") in claims, (
        claims,
        result.left_out,
    )


def test_a_german_fee_for_a_licence_then_a_second_verb_of_hiring_is_the_licence_fee():
    # "zahlte 300 Millionen Dollar für eine Lizenz und holte …": the sum pays for the licence; the
    # hiring is a second verb, not part of what the sum buys
    result = _read(
        "Amazon zahlt Adept für eine Lizenz\n\n"
        "Ein Beispiel ist Amazons Deal mit Adept: Der Konzern zahlte 300 Millionen Dollar für eine "
        "Lizenz und holte Mitgründer David Luan ins Haus, um das Agenten-Geschäft zu steuern."
    )
    claims = _claims_of_every_deal(result)
    assert ("amazon--adept", "licence_fee_usd", "300 Millionen Dollar") in claims, claims


def test_the_rest_of_a_team_that_stays_behind_counts_the_whole_team():
    result = _read(
        "Halcyon licenses Lumeo's models and hires its founders\n\n"
        "Halcyon will hire the founders of AI startup Lumeo and pay $350 million for a licence. "
        "While the founders are off to join Halcyon, the rest of the 90-person team is staying put."
    )
    counts = {
        (m, stated) for m, stated in _claims(result) if m in {"staff_hired", "target_headcount"}
    }
    assert counts == {("target_headcount", "90-person team")}, counts


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        (
            "Halcyon hires Lumeo's founders\n\nHalcyon agreed to pay $300 million for a licence to "
            "Lumeo's models. Lumeo's two founders and 25 researchers are now employees of Halcyon.",
            "25 researchers",
        ),
        (
            "Google assume i fondatori di Character.AI\n\nGoogle ha firmato un accordo di licenza "
            "con Character.AI. I due cofondatori e circa 25 membri del team di ricerca sono ora "
            "dipendenti di Google.",
            "circa 25 membri",
        ),
    ],
)
def test_people_who_are_now_the_payers_employees_are_hired(text, stated):
    claims = _claims_of_every_deal(_read(text))
    assert {(m, st) for _, m, st in claims if m in {"staff_hired", "target_headcount"}} == {
        ("staff_hired", stated)
    }, claims


def test_a_korean_whole_staff_with_its_topic_particle_and_about_after_is_the_headcount():
    # "총직원은 30명 안팎": the whole staff (총) is about (안팎) thirty, 은 marking the topic
    result = _read(
        "구글, 루메오 창업자 영입\n\n구글이 루메오(Lumeo)에 라이선스 비용을 지급하고 창업자들을 "
        "영입했다. 루메오는 음성 기술을 개발하는 스타트업으로, 총직원은 30명 안팎으로 알려졌다."
    )
    heads = {(c.metric, c.low, c.high) for c in result.claims if c.metric.endswith("headcount")}
    assert heads == {("target_headcount", 27, 33)}, result.claims


def test_money_raised_in_a_clause_that_opens_on_its_date_is_one_round():
    result = _read(
        LEAD + "In September 2024, Lumeo raised $90 million from investors including two funds."
    )
    assert not any(stated == "$90 million" for _, stated in _claims(result)), _claims(result)


def test_the_staff_a_startup_retains_after_the_deal_is_its_headcount():
    result = _read(
        LEAD
        + "Following the deal, Lumeo has appointed an interim chief executive. The company, backed "
        "by several venture firms, retains around 120 employees."
    )
    assert ("target_headcount", "around 120 employees") in _claims(result), _claims(result)


def test_a_sentence_that_opens_on_a_sum_states_the_deals_price():
    result = _read(
        "The licence-and-hire era\n\nHalcyon hired the founders of Lumeo and licensed its models.\n"
        "Lumeo & Halcyon (Jun 2024)\n"
        "For $280 million (plus a retention pool for staff), the startup's founders moved over."
    )
    claims = _claims(result)
    assert ("deal_amount_usd", "$280 million") in claims, claims


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        # a total over several purchases
        ("Halcyon said it spent $36 million on acquisitions outside this deal.", "$36 million"),
        # the team being put together, not the startup's people
        (
            "Halcyon is paying top dollar to assemble a group of about 50 experts.",
            "about 50 experts",
        ),
        # stakes in general
        ("Companies maintain minority stakes to avoid merger reviews.", "minority stakes"),
    ],
)
def test_figures_of_something_around_the_deal_are_no_claims(sentence, stated):
    result = _read(LEAD + sentence)
    assert not any(c.stated == stated for c in result.claims), _claims(result)


def test_portuguese_payment_for_licences_and_money_in_investments():
    # "pagou … por licenças": the licence fee; "atraiu US$ 90 milhões em investimentos": money raised
    result = _read(
        "Halcyon gastou US$ 900 milhões para trazer de volta um ex-funcionário\n\n"
        "A Halcyon pagou US$ 900 milhões por licenças para as tecnologias da startup Lumeo e contratou "
        "os seus fundadores. Mais tarde, a Lumeo atraiu US$ 90 milhões em investimentos."
    )
    claims = _claims(result)
    assert ("licence_fee_usd", "US$ 900 milhões") in claims, claims
    assert ("deal_amount_usd", "US$ 90 milhões") not in claims, claims


def test_the_staff_a_startup_keeps_operating_with_is_its_headcount():
    result = _read(
        LEAD + "Only the leadership and a few researchers are joining, allowing Lumeo to continue "
        "operating with ~120 employees."
    )
    claims = _claims(result)
    assert ("target_headcount", "~120 employees") in claims, claims


def test_another_round_is_not_the_total_raised():
    result = _read(
        LEAD + "Late last year, Lumeo raised another $80M from investors including two funds."
    )
    assert not any(stated == "another $80M" or stated == "$80M" for _, stated in _claims(result)), (
        _claims(result)
    )


def test_a_second_founding_year_in_brackets_is_an_aside():
    result = _read(
        LEAD + "Before founding Lumeo in 2019 (formally incorporated in 2020), its chief executive "
        "led a chip team at a larger rival."
    )
    years = {c.stated for c in result.claims if c.metric == "founded_year"}
    assert years == {"founding Lumeo in 2019"}, years


def test_a_german_apposition_with_its_founding_year_describes_the_company_before_it():
    # "Adept, einem 2021 gegründeten Start-up": an inflected participle in an apposition
    result = _read(
        "Amazon zahlt Adept für eine Lizenz\n\n"
        "Im Juni holte Amazon fast alle Mitarbeitenden von Adept, einem 2021 gegründeten Start-up "
        "aus San Francisco. Der Konzern zahlte 300 Millionen Dollar für eine Lizenz."
    )
    claims = _claims_of_every_deal(result)
    assert ("amazon--adept", "founded_year", "2021 gegründeten") in claims, claims


def test_a_company_with_so_many_employees_has_that_headcount():
    result = _read(LEAD + "Lumeo, with only 14 employees, also weighed offers from two rivals.")
    assert ("target_headcount", "14 employees") in _claims(result), _claims(result)


def test_a_sized_team_set_beside_the_startup_by_a_comma_is_its_headcount():
    named = _read(LEAD + "Lumeo, a nine-person team, was started by two former graduate students.")
    assert ("target_headcount", "nine-person team") in _claims(named), _claims(named)
    told_as_the_company = _read(
        LEAD + "The company, a 12-person startup, was started by two former graduate students."
    )
    assert ("target_headcount", "12-person startup") in _claims(told_as_the_company), _claims(
        told_as_the_company
    )


def test_a_sum_larger_than_any_deal_is_the_buyers_worth_and_hides_no_figure():
    result = _read(LEAD + "The move shows how Halcyon, a group worth $4 trillion, uses its cash.")
    claims = _claims(result)
    assert not any("trillion" in stated for _, stated in claims), claims
    assert claims >= OWN, claims  # not dropped as slips of scale beside the larger sum


def test_a_profile_field_gives_the_founding_year_of_the_startup():
    result = _read(
        LEAD
        + "\n\nCompany profile\n\n  • Founded: 2022, Berlin\n  • Staff: engineers and designers\n"
    )
    assert ("founded_year", "Founded: 2022") in _claims(result), _claims(result)


def test_the_price_of_assets_bought_is_what_the_deal_pays():
    result = _read(
        LEAD + "In an earlier filing, Halcyon said it would acquire assets from Lumeo for "
        "approximately $450 million to secure its senior leadership."
    )
    assert ("deal_amount_usd", "approximately $450 million") in _claims(result), _claims(result)


def test_a_share_of_one_group_of_the_staff_is_no_share_of_the_company():
    result = _read(
        "Halcyon hires most of Lumeo's engineers\n\n"
        "Halcyon will pay $400 million to license Lumeo's models and has hired 75 percent of "
        "Lumeo's engineering team, the company said on Tuesday."
    )
    assert not any(m == "staff_hired_pct" for m, _ in _claims(result)), _claims(result)


def test_a_portuguese_relative_clause_founds_the_startup_before_it():
    result = _read(
        "O Google paga 400 milhões de dólares à Lumeo\n\n"
        "O Google pagou US$ 400 milhões por licenças para as tecnologias da Lumeo, que foi "
        "criada em 2020 por um ex-funcionário da gigante. O Google também contratou os fundadores da "
        "Lumeo e dezenas de outros funcionários."
    )
    claims = {(c.metric, c.stated) for c in result.claims if c.deal_id == "google--lumeo"}
    assert ("founded_year", "criada em 2020") in claims, claims


def test_a_headline_sum_the_body_calls_a_licence_fee_is_one_claim_of_the_fee():
    result = _read(
        "The $400 million homecoming of a Halcyon engineer\n\n"
        "Halcyon paid $400 million for licences to the technology of Lumeo, a startup founded by "
        "one of its former engineers. He has now returned to Halcyon with dozens of Lumeo's staff."
    )
    money = {(m, stated) for m, stated in _claims(result) if m.endswith("_usd")}
    assert money == {("licence_fee_usd", "$400 million")}, money


def test_a_valuation_before_the_deal_is_a_past_one():
    result = _read(LEAD + "Lumeo reached a valuation of about $1.2 billion before this deal.")
    assert not any(m == "target_valuation_usd" for m, _ in _claims(result)), _claims(result)


def test_korean_founding_year_with_the_company_as_topic_and_a_share_of_staff():
    result = _read(
        "구글, 루메오와 라이선스 계약\n\n"
        "구글이 Lumeo와 대규모 라이선스 계약을 맺었습니다. 이번 계약으로 Lumeo의 공동창업자 2명은 "
        "직원 약 3분의 1과 함께 구글에 합류합니다. Lumeo는 2019년 서울대 교수인 김민준과 그의 "
        "제자들에 의해 설립되었습니다."
    )
    claims = {(c.metric, c.low, c.high) for c in result.claims if c.deal_id == "google--lumeo"}
    assert ("founded_year", 2019, 2019) in claims, claims
    assert any(m == "staff_hired_pct" for m, _, _ in claims), claims


def test_a_sentence_opening_on_founded_speaks_of_the_company_before_it():
    result = _read(
        "Google se lleva a los fundadores de Lumeo\n\n"
        "Google pagará 400 millones de dólares por una licencia de Lumeo y contratará a sus "
        "fundadores. Lumeo no es una startup cualquiera. Fundada en 2018, diseña chips de memoria."
    )
    claims = {(c.metric, c.stated) for c in result.claims if c.deal_id == "google--lumeo"}
    assert ("founded_year", "Fundada en 2018") in claims, claims


@pytest.mark.parametrize(
    ("sentence", "valuation"),
    [
        # valued, then "also raised $X from Google": the valuation of that round
        (
            "루메오는 기업 가치 20억달러를 인정받고, 구글로부터 3억달러 규모 투자를 유치하기도 했다.",
            False,
        ),
        # "with this deal Lumeo is valued at $2 billion": what the deal sets
        (
            "今回の取引でLumeoの評価額は20億ドルとなり、昨年投資家と協議した40億ドルから半減した。",
            True,
        ),
    ],
)
def test_a_valuation_before_a_closing_verb_of_raising_money_is_a_rounds(sentence, valuation):
    language = "ko" if "루메오" in sentence else "ja"
    lead = (
        "구글, 루메오 창업자 영입\n\n구글이 루메오(Lumeo)에 라이선스 비용을 지급하고 창업자들을 영입했다. "
        if language == "ko"
        else "Google、Lumeoの創業者を採用\n\nGoogleはLumeoにライセンス料を支払い、創業者たちを採用した。"
    )
    article = article_from_text(
        lead + sentence,
        url="https://news.example/lumeo",
        origin="feed",
        fetched_at=datetime(2025, 6, 14, tzinfo=UTC),
    )
    assert article.language == language
    result = analyse(article, WATCHLIST)
    assert result.deals, result
    found = any(c.metric == "target_valuation_usd" for c in result.claims)
    assert found is valuation, result.claims


def test_a_chinese_count_followed_by_most_of_it_is_the_whole_staff():
    result = _read(
        "谷歌獲得Lumeo技術授權\n\n"
        "谷歌宣布以5億美元獲得AI初創公司Lumeo的技術授權和人才，Lumeo創辦人將加入谷歌。"
        "Lumeo將繼續作為獨立公司運營，約80名員工中的大部分將留在原公司。"
    )
    heads = {(c.metric, c.low, c.high) for c in result.claims if c.metric == "target_headcount"}
    assert heads == {("target_headcount", 72, 88)}, result.claims


def test_the_price_of_a_right_to_sell_access_is_a_licence_fee_and_the_startups_payout_no_price():
    result = _read(
        LEAD + "Halcyon paid Lumeo $350 million for the nonexclusive right to resell its models. "
        "Lumeo expects to be paying out $120 million to buy back its investors' shares."
    )
    money = {(m, stated) for m, stated in _claims(result) if m.endswith("_usd")}
    assert ("licence_fee_usd", "$350 million") in money, money
    assert not any(stated == "$120 million" for _, stated in money), money


@pytest.mark.parametrize(
    "sentence",
    [
        "Halcyon agreed to pay $350 million for a nonexclusive licence to Lumeo's models.",
        # a summary's bullet drops the article
        "• Halcyon paid $350 million for nonexclusive licence, Lumeo stays independent",
    ],
)
def test_a_sum_for_a_nonexclusive_licence_is_the_licence_fee(sentence):
    result = _read(
        "Halcyon licenses Lumeo's models and hires its founders\n\n"
        "Halcyon will hire the founders of AI startup Lumeo. " + sentence
    )
    money = {(m, stated) for m, stated in _claims(result) if m.endswith("_usd")}
    assert money == {("licence_fee_usd", "$350 million")}, money


def test_a_sum_for_a_licence_and_key_personnel_pays_for_both():
    result = _read(
        "Halcyon licenses Lumeo's models and hires its founders\n\n"
        "Halcyon paid $350 million for a non-exclusive license to Lumeo technology and key "
        "personnel who will join its research lab."
    )
    money = {(m, stated) for m, stated in _claims(result) if m.endswith("_usd")}
    assert money == {("deal_amount_usd", "$350 million")}, money


def test_a_licensing_fee_worth_a_sum_is_the_licence_fee():
    result = _read(
        LEAD.replace("Halcyon is paying $400 million for the licence. ", "")
        + "Halcyon negotiated a licensing fee worth $400 million for the startup's technology."
    )
    assert ("licence_fee_usd", "$400 million") in _claims(result), _claims(result)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # "as part of the licence fee to resell its technology, about $400 million"
        (
            "Google、Lumeoの創業者を採用\n\nGoogleはLumeoの創業者たちを採用し、その技術を再販する"
            "ライセンス料の一部として約4億ドルを支払うことで合意した。",
            ("google--lumeo", "licence_fee_usd", "約4億ドル"),
        ),
        # "as licence fees and a deposit for the talent hired, $400 million": both
        (
            "구글, 루메오 창업자 영입\n\n구글이 루메오(Lumeo)의 창업자들을 영입했다. 보도에 따르면 "
            "구글은 루메오 기술을 획득하기 위한 라이선스 비용 및 인재 영입에 관한 보증금으로 루메오에 "
            "4억 달러를 지불하게 된다고 한다.",
            ("google--lumeo", "deal_amount_usd", "4억 달러"),
        ),
    ],
    ids=["ja", "ko"],
)
def test_a_licence_fee_named_in_the_phrase_of_a_sum_where_words_are_not_spaced(text, claim):
    assert _claims_of_every_deal(_read(text)) == {claim}


def test_an_italian_company_founded_by_people_in_a_year():
    result = _read(
        "Amazon paga Adept\n\n"
        "Amazon avrebbe deciso di pagare 330 milioni di dollari per una licenza dei modelli di Adept. "
        "L'azienda di San Francisco, fondata da Ada Rossi e Bruno Neri nel 2022, sviluppa agenti."
    )
    claims = {(c.metric, c.low) for c in result.claims if c.deal_id == "amazon--adept"}
    assert ("founded_year", 2022) in claims, result.claims


def test_a_valuation_word_after_one_sum_is_not_the_next_sums():
    result = _read(
        LEAD + "Lumeo recently reached a $3 billion valuation following Halcyon's $1–1.2 billion "
        "investment for a 30% stake."
    )
    money = {(m, stated) for m, stated in _claims(result) if m.endswith("_usd")}
    assert ("deal_amount_usd", "$1–1.2 billion") in money, money


def test_another_companys_worth_before_its_name_and_a_price_of_rights_to_the_tech():
    result = _read(
        LEAD + "Lumeo's remaining business has been bought by $5 billion software company Quillon. "
        "Halcyon previously secured $350 million rights to Lumeo's models, hiring its founders."
    )
    money = {(m, stated) for m, stated in _claims(result) if m.endswith("_usd")}
    assert not any(stated == "$5 billion" for _, stated in money), money
    assert ("licence_fee_usd", "$350 million") in money, money


def test_money_raised_at_a_sum_is_a_rounds_valuation_not_money_raised():
    result = _read(
        LEAD + "Lumeo had raised fresh capital at $2 billion only three months before the deal."
    )
    assert not any(stated == "$2 billion" for _, stated in _claims(result)), _claims(result)


@pytest.mark.parametrize(
    ("language", "text", "earlier_price"),
    [
        (
            "pt",
            "A Halcyon paga US$ 400 milhões pela licença da Lumeo e contrata seus fundadores\n\n"
            "A Halcyon vai pagar US$ 400 milhões pela licença da Lumeo, e os fundadores da Lumeo vão "
            "se juntar à Halcyon. O valor supera a maior compra anterior da Halcyon, em 2021, quando "
            "comprou a Brightwave por cerca de US$ 90 milhões.",
            "cerca de US$ 90 milhões",
        ),
        (
            "es",
            "Halcyon paga 400 millones de dólares por la licencia de Lumeo y contrata a sus fundadores\n\n"
            "Halcyon pagará 400 millones de dólares por la licencia de Lumeo, y los fundadores de Lumeo "
            "se unirán a Halcyon. Es más que lo que Halcyon gastó cuando compró Brightwave por unos 90 "
            "millones de dólares.",
            "unos 90 millones de dólares",
        ),
        (
            "fr",
            "Halcyon paie 400 millions de dollars pour la licence de Lumeo et embauche ses fondateurs\n\n"
            "Halcyon paiera 400 millions de dollars pour la licence de Lumeo, et les fondateurs de Lumeo "
            "rejoignent Halcyon. C'est plus que ce que Halcyon a dépensé quand elle a racheté Brightwave "
            "pour 90 millions de dollars.",
            "90 millions de dollars",
        ),
    ],
)
def test_the_price_of_an_earlier_purchase_of_another_company_is_no_claim_in_other_languages(
    language: str, text: str, earlier_price: str
) -> None:
    """ "bought Brightwave for $90 million", told in the language of the story: the payer's other
    purchase, whose price is not what this deal pays."""
    result = _read_in(language, text)
    stated = {c.stated for c in result.claims}
    assert earlier_price not in stated, result.claims
    assert any("400" in s for s in stated), result.claims  # the deal keeps its own price


@pytest.mark.parametrize(
    ("language", "text", "part"),
    [
        (
            "fr",
            "Halcyon paie 400 millions de dollars pour Lumeo et embauche ses fondateurs\n\n"
            "Halcyon versera 380 millions de dollars pour une licence des modèles de Lumeo, ainsi que "
            "20 millions de dollars pour garantir que Lumeo ne poursuivra pas Halcyon, et les fondateurs "
            "de Lumeo rejoignent Halcyon.",
            "20 millions de dollars",
        ),
        (
            "it",
            "Halcyon paga 400 milioni di dollari per Lumeo e assume i fondatori\n\n"
            "Halcyon pagherà 380 milioni di dollari per la licenza dei modelli di Lumeo, e i fondatori "
            "di Lumeo passano a Halcyon. Halcyon ha anche pagato un accordo legale di 20 milioni di "
            "dollari per il personale assunto.",
            "20 milioni di dollari",
        ),
    ],
)
def test_a_sum_to_settle_legal_claims_is_part_of_the_price_not_the_price_in_other_languages(
    language: str, text: str, part: str
) -> None:
    result = _read_in(language, text)
    assert part not in {c.stated for c in result.claims}, result.claims
    assert any(f.stated == part for f in result.left_out), result.left_out


def test_a_french_sum_paid_for_licence_fees_is_the_licence_fee() -> None:
    result = _read_in(
        "fr",
        "Microsoft recrute l'équipe d'Inflection AI\n\n"
        "Microsoft embauche les cofondateurs et la plupart des employés de la start-up Inflection AI. "
        "Microsoft versera 500 millions de dollars pour des frais de licence sur les modèles "
        "d'Inflection AI, selon la presse.",
    )
    claims = stated_claims(result)
    assert ("licence_fee_usd", "500 millions de dollars") in claims, result.claims


def test_staff_the_startup_cuts_after_the_deal_are_not_staff_hired() -> None:
    result = _read(
        LEAD + "Weeks after Halcyon hired its founders, Lumeo is cutting 25 employees, or a tenth "
        "of its staff."
    )
    assert not any(stated == "25 employees" for _, stated in _claims(result)), _claims(result)
    assert any(f.stated == "25 employees" for f in result.left_out), result.left_out


def test_a_german_price_told_before_its_verb_in_the_infinitive_is_the_deals_price() -> None:
    """German puts the verb last: "Groq für 18 Milliarden Dollar zu übernehmen"."""
    result = _read_in(
        "de",
        "Nvidia holt die Gründer von Groq\n\n"
        "Nvidia stellt den Groq-Gründer Jonathan Ross und weitere Ingenieure ein und erhält eine "
        "Lizenz für die Technologie. Einem Bericht zufolge hatte Nvidia zugestimmt, Groq für 18 "
        "Milliarden Dollar zu übernehmen.",
    )
    claims = {(c.deal_id, c.metric, c.stated) for c in result.claims}
    assert ("nvidia--groq", "deal_amount_usd", "18 Milliarden Dollar") in claims, result.claims


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        (
            "What Happened: Halcyon's agreement with Lumeo includes a $380 million payment for "
            "licensing its models.",
            "$380 million",
        ),
        (
            "Halcyon has agreed to pay $380 million to AI startup Lumeo to license its retrieval "
            "models, its biggest licensing agreement so far.",
            "$380 million",
        ),
    ],
)
def test_a_sum_paid_to_license_is_the_licence_fee(sentence, stated):
    result = _read(
        "Halcyon brings in Lumeo's founders\n\n"
        "Halcyon will hire the founders of AI startup Lumeo and most of its engineers. " + sentence
    )
    assert ("licence_fee_usd", stated) in _claims(result), result.claims
    parties = {n for d in result.deals for n in (d.acquirer, d.target)}
    assert "Happened" not in parties


def test_an_age_in_words_before_a_name_with_an_apostrophe():
    result = _read(
        "Halcyon buys Lumeo in an acqui-hire\n\n"
        "Halcyon has bought Lumeo in an acqui-hire, and its founder and engineers will join "
        "Halcyon. Nineteen-year-old Tom O'Hara, Lumeo's founder, will finish his exams before he "
        "moves; two-thirds of Lumeo's top team moves at once."
    )
    ages = {(c.subject, c.low) for c in result.claims if c.metric == "person_age"}
    assert ages == {("Tom O'Hara", 19.0)}, result.claims
    assert not any(c.metric == "staff_hired_pct" for c in result.claims), result.claims


@pytest.mark.parametrize(
    ("language", "text", "stated"),
    [
        (
            "en",
            LEAD
            + "About 120 employees, most of whom will stay at Lumeo, keep its products running.",
            "About 120 employees",
        ),
        (
            "ja",
            "Halcyon が Lumeo の創業者を採用\n\n"
            "Halcyon は Lumeo の創業者と研究者を採用し、同社の技術のライセンスを 3 億ドルで取得すると発表した。"
            "Lumeo は会社として存続する。約 120 名の従業員の大部分が Lumeo に残り、製品の提供を続ける。",
            "約 120 名の従業員",
        ),
    ],
)
def test_a_staff_of_which_a_part_stays_is_the_startups_size(language, text, stated):
    result = _read_in(language, text)
    sizes = {(c.metric, c.stated) for c in result.claims if c.metric.endswith("headcount")}
    assert ("target_headcount", stated) in sizes, result.claims
    assert not any(c.metric == "staff_hired" and stated in c.stated for c in result.claims)


@pytest.mark.parametrize(
    ("sentence", "claimed"),
    [
        ("Lumeo raised $9 million in a 2023 seed round from a few angel investors.", True),
        ("Lumeo had raised $9 million in 2022, its filings show.", True),
        ("Lumeo had raised $9 million in 2021 in a round led by Kestrel Capital.", False),
        ("Lumeo raised $9 million in a Series B round last year.", False),
    ],
)
def test_a_seed_round_or_money_raised_in_all_is_the_startups_funding(sentence, claimed):
    result = _read(LEAD + sentence)
    assert (("target_funding_raised_usd", "$9 million") in _claims(result)) is claimed, (
        result.claims
    )


def test_a_german_sum_raised_once_more_is_one_round() -> None:
    result = _read_in(
        "de",
        "Nvidia holt die Gründer von Enfabrica\n\n"
        "Nvidia stellt die Gründer von Enfabrica und weitere Ingenieure ein und zahlt 300 Millionen "
        "Dollar für eine Lizenz. Im Frühjahr sammelte das Unternehmen zudem 25 Millionen Dollar von "
        "Geldgebern ein.",
    )
    claims = {(c.metric, c.stated) for c in result.claims if c.deal_id == "nvidia--enfabrica"}
    assert not any(stated.startswith("25 Millionen") for _, stated in claims), result.claims
    assert ("licence_fee_usd", "300 Millionen Dollar") in claims, result.claims


def test_a_french_funding_cycle_is_a_round() -> None:
    result = _read_in(
        "fr",
        "Microsoft recrute les fondateurs d'Inflection AI\n\n"
        "Microsoft recrute les fondateurs d'Inflection AI et la plupart de ses employés, et paiera "
        "500 millions $ pour des frais de licence. Les investisseurs du premier cycle de "
        "financement de 90 millions $ reçoivent le double de leur mise, ceux du dernier cycle de "
        "700 millions $ un peu plus que leur mise.",
    )
    claims = stated_claims(result)
    assert not any(s.startswith(("90", "700")) for _, s in claims), result.claims
    assert ("licence_fee_usd", "500 millions $") in claims, result.claims


def test_a_startup_told_small_has_that_many_people():
    result = _read(
        LEAD + "How many will move is not known, but the startup was not very big -- just nine "
        "people, its profile says."
    )
    assert ("target_headcount", "nine people") in _claims(result), result.claims


def test_chinese_money_raised_in_venture_capital_is_the_startups_funding() -> None:
    result = _read_in(
        "zh",
        "英伟达聘请Enfabrica创始人\n\n"
        "英伟达支付9亿美元，聘请Enfabrica的创始人和工程师，并获得其技术许可。"
        "Enfabrica由两位芯片工程师创办，至今已募得1.5亿美元创投资金。",
    )
    claims = stated_claims(result)
    assert ("target_funding_raised_usd", "1.5亿美元") in claims, result.claims
    assert ("deal_amount_usd", "1.5亿美元") not in claims


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # "the five-person company" of a story about one startup's deal: that startup's size
        (
            "There was no bidding war for the twelve-person company, one source said.",
            ("target_headcount", "twelve-person company"),
        ),
        # "A blog reports that Lumeo was formed in …": the blog is the clause's first company, but
        # the passive verb is said of the one right before it
        (
            "A trade blog, Techwire, reports that Lumeo was formed in late 2019.",
            ("founded_year", "formed in late 2019"),
        ),
        # the startup's people and assets, named long before the sum, bought for it
        (
            "Following Halcyon's acquisition of most of Lumeo's personnel and intellectual assets "
            "for a whopping $450 million, its chief scientist now runs a new lab.",
            ("deal_amount_usd", "$450 million"),
        ),
        # "it", the value of the deal the sentence named, is the sum
        (
            "A Halcyon spokesperson would not confirm the value of the deal, but a trade blog "
            "reported that it was in the region of $380m-$420m.",
            ("deal_amount_usd", "in the region of $380m-$420m"),  # (said to be about: widened)
        ),
    ],
    ids=["n-person company", "founded after a source", "people and assets bought", "it was"],
)
def test_a_sentence_after_the_lead_states_its_claim(sentence, claim):
    result = _read(LEAD + sentence)
    assert claim in _claims(result), _claims(result)


def test_part_of_a_team_the_startups_name_qualifies_sizes_the_startup():
    # "most of the 30-person Lumeo team": the whole is Lumeo's staff, of which only a part moves
    result = _read(
        LEAD.replace("Halcyon is paying $400 million for the licence. ", "")
        + "Most of the 30-person Lumeo team will work out of a Halcyon office in Oslo."
    )
    assert ("target_headcount", "30-person Lumeo team") in _claims(result), _claims(result)


def test_the_founding_year_after_the_founders_named():
    result = _read(
        LEAD.replace("Halcyon is paying $400 million for the licence. ", "")
        + "Lumeo was founded by former Orbis engineers Priya Nandan and Tomas Erkel in 2017."
    )
    assert ("founded_year", 2017.0) in {(c.metric, c.low) for c in result.claims}, _claims(result)


def test_a_team_that_now_works_on_the_buyers_product_has_moved():
    result = _read(
        "Halcyon buys Lumeo\n\nHalcyon has acqui-hired Lumeo, a photo start-up, for $12 million. "
        "The team of nine, once based in Oslo, now works on Halcyon's new camera app."
    )
    assert ("staff_hired", "nine") in _claims(result), _claims(result)


def test_people_who_worked_there_by_a_sources_count_size_the_startup():
    # LinkedIn is where the count was read, not what it counts
    result = _read(
        LEAD.replace("Halcyon is paying $400 million for the licence. ", "")
        + "Halcyon would not confirm the number of employees involved, but according to LinkedIn, "
        "about 60 people worked there."
    )
    assert ("target_headcount", "about 60 people") in _claims(result), _claims(result)


@pytest.mark.parametrize(
    "sentence",
    [
        # what the buyer is worth, said outright or as what a deal valued it at
        "These days Halcyon is worth $80 billion.",
        "A year earlier a share sale to a fund had valued Halcyon at an estimated $9 billion.",
    ],
    ids=["is worth", "valued the buyer at"],
)
def test_what_the_buyer_is_worth_is_no_figure_of_the_deal(sentence):
    result = _read(LEAD + sentence)
    assert _claims(result) == OWN, _claims(result)


def test_a_headline_sum_the_body_reads_as_what_shares_are_now_worth_is_no_price():
    result = _read(
        "Lumeo's $210 Million Exit\n\nHalcyon acqui-hired the founding team of Lumeo in 2016. "
        "The Halcyon shares the founders were given are now worth about $210 million."
    )
    assert not [c for c in result.claims if c.metric == "deal_amount_usd"], result.claims


def test_a_price_named_as_the_acquisition_amount_is_the_deals():
    result = _read(
        "Halcyon acqui-hires Lumeo\n\nHalcyon acqui-hired the founding team of Lumeo in 2016. "
        "Lumeo's acquisition amount was ~ $40 million, most of it in stock."
    )
    assert ("deal_amount_usd", "~ $40 million") in _claims(result), _claims(result)


def test_the_price_of_another_purchase_written_before_it_in_german_is_not_the_deals():
    result = _read_in(
        "de",
        "Nvidia holt die Gründer von Enfabrica\n\nNvidia stellt die Gründer von Enfabrica und "
        "weitere Ingenieure ein und zahlt 300 Millionen Dollar für eine Lizenz. Die Transaktion wäre die größte "
        "Übernahme von Nvidia seit dem 2,1 Mrd. Dollar schweren Kauf von Brightway Systems.",
    )
    stated = {c.stated for c in result.claims if c.deal_id == "nvidia--enfabrica"}
    assert "300 Millionen Dollar" in stated and "2,1 Mrd. Dollar" not in stated, stated


def test_a_sum_the_buyer_invests_in_something_else_is_not_the_deals():
    result = _read(
        LEAD + "Halcyon has also pledged to invest $30 billion in expanding its cloud "
        "infrastructure across Europe this year."
    )
    assert _claims(result) == OWN, _claims(result)


def test_the_founding_year_a_sentence_opens_on_before_its_founders():
    result = _read(
        LEAD.replace("Halcyon is paying $400 million for the licence. ", "")
        + "In 2019, Priya Nandan and Tomas Erkel started Lumeo in a rented garage."
    )
    assert ("founded_year", 2019.0) in {(c.metric, c.low) for c in result.claims}, _claims(result)


def test_an_offer_from_another_buyer_that_collapsed_is_not_the_deals_price():
    result = _read(
        LEAD + "After Orbis's reported $900 million acquisition offer for Lumeo collapsed, "
        "Halcyon swooped in with its own deal."
    )
    assert _claims(result) == OWN, _claims(result)


def test_half_of_the_price_paid_to_staff_is_no_share_of_the_staff():
    result = _read(
        "Halcyon acqui-hires Lumeo\n\nHalcyon is paying $60 million for Lumeo, with half of that "
        "going to investors and half of that going to employees as retention payouts."
    )
    assert "staff_hired_pct" not in {c.metric for c in result.claims}, _claims(result)


def test_an_indonesian_company_started_in_a_year_was_founded_then():
    result = _read_in(
        "id",
        "Halcyon merekrut para pendiri Lumeo\n\nRaksasa perangkat lunak Halcyon merekrut para "
        "pendiri startup Lumeo dan membayar biaya lisensi sebesar 900 juta dolar kepada Lumeo. "
        "Lumeo dimulai pada 2019 oleh dua insinyur dari Jakarta.",
    )
    assert ("founded_year", 2019.0) in {(c.metric, c.low) for c in result.claims}, result.claims


def test_a_french_startup_that_employs_people_is_that_size():
    result = _read_in(
        "fr",
        "Microsoft recrute l'équipe de Lumeo\n\nMicrosoft embauche les cofondateurs et les "
        "employés de la start-up Lumeo. Selon son site, la jeune pousse emploie 12 personnes.",
    )
    assert ("target_headcount", 12.0) in {(c.metric, c.low) for c in result.claims}, result.claims


def test_the_year_a_startups_app_launched_is_not_its_founding():
    result = _read(LEAD + "Lumeo’s photo app launched in 2021 to little notice.")
    assert "founded_year" not in {c.metric for c in result.claims}, result.claims


def test_the_startups_staff_counted_whole_beside_its_name_sizes_it():
    result = _read(
        LEAD.replace("Halcyon is paying $400 million for the licence. ", "")
        + "On a call, the executives of Lumeo told the 60 employees that the deal was close."
    )
    assert ("target_headcount", "60 employees") in _claims(result), _claims(result)


def test_a_team_bought_by_its_companys_possessive_is_hired():
    result = _read(
        "Halcyon buys a team\n\nHalcyon is only acquiring Lumeo's 12-member engineering team for a "
        "small sum, not the Lumeo app."
    )
    assert ("staff_hired", "12-member engineering team") in _claims(result), _claims(result)


def test_an_investor_named_round_makes_no_funding_round():
    result = _read(
        LEAD + "Lumeo had previously raised $9 million in venture capital from First Round, "
        "Harbor Ventures and a host of other investors."
    )
    assert ("target_funding_raised_usd", "$9 million") in _claims(result), _claims(result)


def test_what_a_startup_the_clause_describes_raised_is_the_startups_funding():
    result = _read(
        "Halcyon acqui-hires then shuts down a startup that raised $9 million, Lumeo\n\n"
        "Most of the small Lumeo team will be joining Halcyon, which paid an undisclosed sum."
    )
    assert ("target_funding_raised_usd", "$9 million") in _claims(result), _claims(result)


def test_what_investors_who_put_money_in_put_in_is_the_startups_funding():
    result = _read(
        LEAD + "Halcyon will also pay Lumeo's investors, who put a reported $30 million into the "
        "company."
    )
    assert ("target_funding_raised_usd", "$30 million") in _claims(result), _claims(result)


def test_the_employer_its_founders_once_had_owns_none_of_the_startups_figures():
    result = _read(
        LEAD + "Lumeo was founded by three former Orbis engineers and had raised more than "
        "$24 million from two venture firms."
    )
    assert ("target_funding_raised_usd", "more than $24 million") in _claims(result), _claims(
        result
    )


@pytest.mark.parametrize(
    "words", ["in the neighborhood of", "in the region of", "in the ballpark of"]
)
def test_a_sum_in_the_neighbourhood_of_is_about(words):
    result = _read(
        "Halcyon acqui-hires Lumeo\n\nHalcyon acqui-hired the team of Lumeo; the price tag was "
        f"reportedly {words} $100 million."
    )
    bounds = {(c.low, c.high) for c in result.claims if c.metric == "deal_amount_usd"}
    assert bounds == {(90e6, 110e6)}, result.claims


def test_a_worded_minority_after_the_stakes_percentage_is_that_stake_once():
    result = _read(
        "Halcyon takes a stake in Lumeo\n\nHalcyon will invest $300 million in Lumeo and hire its "
        "founders. This gives Halcyon a 40% minority nonvoting stake in Lumeo."
    )
    stakes = {(c.low, c.high) for c in result.claims if c.metric == "stake_pct"}
    assert stakes == {(39.5, 40.5)}, result.claims


@pytest.mark.parametrize(
    "sentence",
    [
        "Months later, Lumeo is raising $80 million from existing investors.",
        "The $80M raise will fund Lumeo's next product.",
    ],
    ids=["is raising", "a raise"],
)
def test_a_round_under_way_or_named_a_raise_is_not_all_the_startup_raised(sentence):
    result = _read(LEAD + sentence)
    assert _claims(result) == OWN, _claims(result)


def test_the_founding_year_of_a_participle_a_dash_joins_to_the_startup():
    result = _read(
        LEAD.replace("Halcyon is paying $400 million for the licence. ", "")
        + "Lumeo—started in early 2017 by three former classmates—makes photo tools."
    )
    assert ("founded_year", 2017.0) in {(c.metric, c.low) for c in result.claims}, _claims(result)


def test_a_turkish_price_in_the_dative_before_the_verb_of_buying_is_the_deals():
    result = _read_in(
        "tr",
        "Nvidia Groq'un kurucularını işe aldı\n\nNvidia'nın Groq'u 20 milyar dolara satın aldığı "
        "iddiası kısa sürede büyük yankı buldu. Şirket, Groq'un kurucularını ve mühendislerini "
        "işe aldığını açıkladı.",
    )
    stated = {(c.metric, c.stated) for c in result.claims if c.deal_id == "nvidia--groq"}
    assert ("deal_amount_usd", "20 milyar dolara") in stated, result.claims


def test_a_lab_backed_by_the_buyers_investment_in_the_startup_states_the_deals_sum():
    result = _read(
        "Halcyon's new lab\n\nLed by Lumeo's former CEO, Halcyon's new lab is backed by Halcyon's "
        "$300 million investment in Lumeo, which also brought its founders to Halcyon."
    )
    assert ("deal_amount_usd", "$300 million") in _claims(result), _claims(result)


def test_a_team_counted_before_a_dash_and_the_verb_that_moves_it_is_hired():
    result = _read(
        "Halcyon buys Lumeo\n\nHalcyon confirmed the purchase of Lumeo and said the nine-person "
        "team — including founders Priya Nandan and Tomas Erkel will be joining Halcyon."
    )
    assert ("staff_hired", "nine-person team") in _claims(result), _claims(result)


def test_a_share_of_the_buyers_rides_is_no_stake():
    result = _read(
        "Halcyon acquires Lumeo\n\nHalcyon has acquired Lumeo, a carpool start-up whose "
        "founders will join Halcyon. According to Halcyon's research, 90 percent of Halcyon rides "
        "have another rider nearby."
    )
    assert not any(c.metric == "stake_pct" for c in result.claims), result.claims


def test_a_share_of_the_startup_named_by_what_it_is_is_the_stake():
    result = _read_in(
        "pt",
        "Halcyon contrata fundadores da Lumeo\n\nA Halcyon contratou Mira Osei, fundadora da "
        "Lumeo, e a equipe da empresa em um acordo que custou US$ 900 milhões por 49% da startup.",
    )
    assert ("stake_pct", "49%") in _claims(result), result.claims


def test_a_chinese_sum_spent_to_buy_into_another_company_is_not_the_deals():
    result = _read_in(
        "zh",
        "英偉達聘請Lumeo團隊\n\n據報道,英偉達已斥資超過9億美元,聘請了AI創企Lumeo的創始人及其員工。"
        "知情人士透露,Lumeo創始人Mira Osei已加入英偉達。"
        "昨天英偉達宣佈斥資50億美元(約合人民幣355億元)入股英特爾,是其最大的一筆投資。",
    )
    stated = {c.stated for c in result.claims if c.deal_id == "nvidia--lumeo"}
    assert "超過9億美元" in stated, result.claims
    assert "50億美元" not in stated, result.claims


def test_french_money_written_with_un_million_is_read():
    result = _read_in(
        "fr",
        "Facebook recrute l'équipe de Lumeo\n\nFacebook a déclaré que l'équipe de la startup Lumeo rejoignait "
        "la compagnie. Basée à Paris, Lumeo a levé en janvier plus d'un million de dollars.",
    )
    assert ("target_funding_raised_usd", "plus d'un million de dollars") in {
        (c.metric, c.stated) for c in result.claims
    }, result.claims


def test_the_cash_a_company_has_on_hand_is_no_deals_price():
    result = _read(
        LEAD + "You cannot feel bad for a company with $24.5 billion cash on hand when it has "
        "to go out and spend a few million to recruit."
    )
    assert not any("24.5" in stated for _, stated in _claims(result)), _claims(result)


def test_a_sum_beside_undisclosed_terms_is_not_the_price():
    """A sentence that says the terms were not disclosed does not then state the price: its sum
    ("had raised $ 2 million before the buyer came along") is something else."""
    result = _read(
        "Halcyon acquires Lumeo\n\n"
        "Halcyon has acquired Lumeo, and Lumeo's five engineers will join Halcyon's cloud team. "
        "Although the terms of the deal were not disclosed, the company had built up $ 2,000,000 "
        "before Halcyon came on the scene and made the decision to purchase it."
    )
    assert ("deal_amount_usd", "$ 2,000,000") not in _claims(result)


def test_a_founding_year_is_not_read_through_a_founders_relative_clause():
    """ "Co-founded by Ana Ruiz, who worked on maps back in 2004": the year dates her work."""
    result = _read(
        "Halcyon acquires Lumeo\n\n"
        "Halcyon has acquired Lumeo, and Lumeo's five engineers will join Halcyon's cloud team. "
        "Lumeo was co-founded by former Googler Ana Ruiz who worked on the first maps app back in 2004."
    )
    assert not any(c.metric == "founded_year" for c in result.claims)


def test_a_headline_sum_the_body_gives_to_a_company_in_no_deal_is_no_price():
    """ "'$100 million invitations' lure rivals' staff as Meta opens its lab": the body says the
    $100 million is what OpenAI's staff were offered, so the headline's sum is that offer, not the
    price of the deal the article tells."""
    text = (
        "'$100 million invitations' lure rivals' staff as Meta opens its lab\n\n"
        "Meta has formally launched its new research lab. To staff it, Meta took a 49% stake in "
        "Scale AI and hired its chief executive, Alexandr Wang, who will lead the lab. OpenAI "
        "staff were offered up to $100 million each."
    )
    claims = _claims_of_every_deal(_read(text))
    assert ("meta--scale-ai", "stake_pct", "49%") in claims
    assert not any(metric == "deal_amount_usd" for _, metric, _ in claims)


def test_a_share_of_the_buyers_hires_is_no_stake():
    """ "About 15% of the professionals Halcyon hired were returning staff": a share of people,
    not of the startup."""
    result = _read(
        LEAD + "About 15% of the professionals hired by Halcyon last year were boomerangs."
    )
    assert not any(metric == "stake_pct" for metric, _ in _claims(result)), _claims(result)


def test_most_of_the_startups_staff_in_spanish_is_its_headcount():
    """ "La mayoría de los 45 empleados de la startup": 45 is the whole staff, most of whom move."""
    result = _read_in(
        "es",
        "Microsoft contrata a los fundadores de Lumeo\n\n"
        "Microsoft pagará 300 millones de dólares a Lumeo para licenciar su software. Microsoft "
        "contrató a los cofundadores de Lumeo, junto con la mayoría de los 45 empleados de la "
        "startup.",
    )
    claims = stated_claims(result)
    assert ("target_headcount", "45 empleados") in claims, claims
    assert ("staff_hired", "45 empleados") not in claims


def test_a_share_price_that_drops_is_no_stake():
    """ "Halcyon has seen its share price drop 22 percent": a move of a price, in the present tense
    as in the past."""
    result = _read(LEAD + "This year Halcyon has seen its share price drop 22 percent.")
    assert not any(metric == "stake_pct" for metric, _ in _claims(result)), _claims(result)


def test_portuguese_conversions_of_a_funding_and_of_a_buyout_of_shareholders():
    """In a Brazilian story the dollars follow the reais in brackets: "uma investida de quase R$
    1,1 bilhão (US$ 200 milhões)" is nearly $200 million the startup raised; "pagará R$ 13,75
    bilhões (US$ 2,5 bilhões) para comprar as ações" is the part that buys its shares, not the
    price."""
    result = _read_in(
        "pt",
        "Google fecha acordo com a Lumeo\n\n"
        "O Google contratou os fundadores da Lumeo e licenciou a tecnologia da startup em um "
        "acordo que movimentou R$ 16,5 bilhões (US$ 3 bilhões). A Lumeo cresceu após uma "
        "investida de quase R$ 1,1 bilhão (US$ 200 milhões). O Google pagará R$ 13,75 bilhões "
        "(US$ 2,5 bilhões) para comprar as ações dos acionistas.",
    )
    claims = {(c.metric, c.stated, c.low, c.high) for c in result.claims}
    assert ("target_funding_raised_usd", "US$ 200 milhões", 180e6, 200e6) in claims, claims
    assert not any(stated == "US$ 2,5 bilhões" for _, stated, _, _ in claims)


def test_chinese_staff_left_behind_and_a_share_paid_as_compensation():
    """ "留下近 100 名员工" is the staff left behind, not hired; "相当于原本股权价值 2% 的补偿"
    (compensation worth 2% of the equity) is a share of a payout, no stake."""
    result = _read_in(
        "zh",
        "Google 以 24 亿美元与 Windsurf 达成授权协议\n\n"
        "Google 以 24 亿美元获得 Windsurf 的技术授权,并聘用其 CEO 和核心团队。其中,这家公司的原 "
        "CEO 带着核心技术团队投奔 Google,留下近 100 名员工站在原地。一名员工说:「最后我只拿到了"
        "相当于原本股权价值 2% 的补偿。」",
    )
    metrics = {c.metric for c in result.claims}
    assert "licence_fee_usd" in metrics
    assert not metrics & {"staff_hired", "stake_pct"}, metrics


def test_a_count_of_founders_is_not_of_people_hired():
    """ "Having bought Lumeo, which was founded by two former employees": who started it, not
    how many move."""
    result = _read(
        LEAD + "This is the third former Orbital employee Halcyon has taken on, having bought "
        "Lumeo, which was founded by two former employees."
    )
    assert ("staff_hired", "two former employees") not in _claims(result), _claims(result)


def test_a_buyer_of_several_startups_named_alone_carries_no_deal_to_the_next_sentence():
    """After "Facebook reported the deals in its filing", a sum two sentences on ("It paid $60
    million") is not the first listed startup's price: naming a buyer of three startups alone
    tells none of its deals."""
    sentences, lex, names, cues, relations = read_steps(
        "Facebook also made a number of acqui-hires this year, picking up employees from "
        "Quillbyte, Marlowe and Tessel. Facebook reported the deals in its filing. It paid $60 "
        "million in cash, the filing shows.",
        watchlist=WATCHLIST,
    )
    deals = assemble_deals(sentences, names, relations, lex, WATCHLIST, cues)
    assert {d.target for d in deals} >= {"Quillbyte", "Marlowe", "Tessel"}
    for d in deals:
        d.role = "mentioned"
    attributor = Attributor(sentences, names, deals, lex, english=True, cues_of=cues)
    for s in sentences[:-1]:
        attributor.note_sentence(s)
    last = sentences[-1]
    deal, _, _ = attributor.deal_for(last, figures_in(last.raw, "en")[0])
    assert deal is None


@pytest.mark.parametrize(
    ("moves", "metrics"),
    [
        # a team that moves: the people hired, one metric for the figure
        ("Its nine-person team will transition to Halcyon in full.", {"staff_hired"}),
        ("Its 9 employees are joining Halcyon's maps group.", {"staff_hired", "target_headcount"}),
        # the company's staff, its move told of someone else
        (
            "Its 9 employees will keep running the app, while the founders join Halcyon.",
            {"target_headcount"},
        ),
    ],
)
def test_its_staff_whose_move_the_verb_right_after_tells_is_hired_whole(moves, metrics):
    """ "Its 9 employees are joining Halcyon": the startup's whole staff moves (hired, and its
    headcount); "its nine-person team will transition", a team that moves, is the people hired;
    where the verb after the count keeps them, only the headcount."""
    result = _read(LEAD.replace("and about 40 of its engineers, ", "") + moves)
    assert {
        c.metric for c in result.claims if c.deal_id == DEAL and c.stated.startswith(("nine", "9"))
    } == metrics


@pytest.mark.parametrize(
    ("said", "year"),
    [
        # a participle after "having" opens the clause onto the company
        ("Having launched in 2021, Lumeo has ten staff.", "launched in 2021"),
        # a sentence opening on its month and year, then its founders and the founding verb
        (
            "In early 2021, Ada Rossi and Bruno Neri started Lumeo.",
            "2021, Ada Rossi and Bruno Neri started Lumeo",
        ),
    ],
)
def test_founding_years_told_before_the_company(said, year):
    result = _read(LEAD + said)
    assert ("founded_year", year) in _claims(result), result.claims


def test_a_spanish_sentence_opening_on_a_month_and_year_dates_the_founding():
    result = _read_in(
        "es",
        "Halcyon contrata a los fundadores de Lumeo\n\n"
        "La empresa Halcyon ha contratado a los fundadores de la startup Lumeo y pagará 400 millones "
        "de dólares por una licencia. En septiembre de 2021, junto a su colega Ada Rossi, Bruno Neri "
        "fundó Lumeo.",
    )
    assert ("founded_year", 2021) in {(c.metric, c.low) for c in result.claims if c.deal_id == DEAL}


def test_a_spending_plan_is_no_price_of_the_deal():
    """ "planning to spend up to $118 billion this year": the buyer's budget, not what it pays."""
    result = _read(
        LEAD + "Halcyon is planning to spend up to $118 billion this year on AI projects."
    )
    assert not [c for c in result.claims if c.stated.endswith("$118 billion")]


def test_the_buyers_own_engineers_at_the_time_are_not_the_startups():
    """ "Halcyon had about 20 engineers at the time": the buyer's own staff, no count of the deal."""
    result = _read(
        LEAD + "Halcyon had about 25 engineers at the time of the Lumeo deal; it now has 90."
    )
    assert not [c for c in result.claims if "25" in c.stated]


@pytest.mark.parametrize(
    ("said", "stated"),
    [
        # a stake in another company, named after "in"
        ("The stake that Halcyon holds in Nimbus is about 10.7%.", "about 10.7%"),
        # a share price's move, described ("a paltry")
        ("Its shares have surged a paltry 46% over the past year.", "46%"),
    ],
)
def test_percentages_that_are_no_stake_of_the_deal(said, stated):
    result = _read(LEAD + said)
    assert not [c for c in result.claims if c.stated == stated], result.claims


def test_the_year_a_product_launched_is_not_the_founding_year():
    result = _read(LEAD + "Lumeo launched its first product in 2019.")
    assert not [c for c in result.claims if c.metric == "founded_year"]
    result = _read(LEAD + "Lumeo launched in 2019.")
    assert ("founded_year", "launched in 2019") in _claims(result)


def test_a_vietnamese_spend_before_a_sum_pays_it():
    """ "Amazon chi 330 triệu USD cho Adept": spent that sum on it (the verb "chi" right before a
    number)."""
    result = _read_in(
        "vi",
        "Amazon tuyển các nhà sáng lập của Adept\n\n"
        "Amazon tuyển dụng các nhà sáng lập của Adept. Amazon chi 330 triệu USD cho Adept.",
    )
    assert ("amazon--adept", "deal_amount_usd", "330 triệu USD") in _claims_of_every_deal(result)


_BOUGHT = (
    "Harbor buys Quillbyte for its team\n\n"
    "Harbor has acquired Quillbyte, a small design startup, to bring its designers into Harbor's "
    "product group. "
)


@pytest.mark.parametrize(
    ("said", "stated", "low"),
    [
        # the people bought with the company
        (
            "The acquisition of Quillbyte and its more than 30 employees gives Harbor an office "
            "in Leeds.",
            "more than 30 employees",
            30,
        ),
        # a team bought is a team that moves
        ("Harbor is acquiring both the software and the whole team of about 15.", "about 15", 13.5),
    ],
)
def test_staff_bought_with_the_company_are_hired(said, stated, low):
    result = _read(_BOUGHT + said)
    assert [(c.metric, c.low) for c in result.claims if c.stated == stated] == [
        ("staff_hired", low)
    ]


def test_the_year_a_founder_left_to_found_the_startup_is_its_founding_year():
    result = _read(_BOUGHT + "Mira Osei left Halcyon in 2019 to found a new startup, Quillbyte.")
    assert [(c.metric, c.low) for c in result.claims] == [("founded_year", 2019)]


def test_a_closing_share_price_move_is_no_stake():
    result = _read(
        _BOUGHT + "Harbor paid $40 million. Harbor's shares closed on Friday at $12.40, down "
        "2.5 percent for the day and off almost 30 percent from their high."
    )
    assert [c.metric for c in result.claims] == ["deal_amount_usd"]


def test_an_initial_investment_under_a_sum_is_money_raised_in_japanese():
    """ "50万ドル(約7500万円)未満の初期投資を得て": less than $500,000 raised at the start, not
    the price; "これに1000万ドルを支払った": the price."""
    result = _read_in(
        "ja",
        "ヤフーがアプリを買収\n\n話題になったのは、写真を整理するアプリQuillbyte(クイルバイト)の買収だ。"
        "クイルバイトは、大阪の学生が50万ドル(約7500万円)未満の初期投資を得て作ったサービスで、"
        "ヤフーは今年5月、これに1000万ドルを支払ったとされる。クイルバイトの開発チームはヤフーに合流した。",
    )
    assert sorted((c.metric, c.low, c.high) for c in result.claims) == [
        ("deal_amount_usd", 9_995_000, 10_005_000),
        ("target_funding_raised_usd", 0, 500_000),
    ]


_LICENSED = (
    "Harbor licenses Quillbyte models and hires its founders\n\n"
    "Harbor will license Quillbyte's models and hire its founders and most of its staff. "
)


@pytest.mark.parametrize(
    "said",
    [
        # a stake bought in a company of no deal
        "Harbor had acquired a $16 billion stake in Nimbus Services Pvt. two years ago.",
        # an investment told as the past, in a deal that is no investment
        "Last year Harbor invested $125 million in Quillbyte.",
    ],
)
def test_sums_that_are_not_what_this_deal_pays(said):
    result = _read(_LICENSED + said)
    assert not [c for c in result.claims if c.metric == "deal_amount_usd"], result.claims


def test_a_sum_before_a_prefixed_deal_noun_is_the_deal():
    result = _read(
        _LICENSED + "Analysts called it a $300 million reverse-acqui-hire, the third this year."
    )
    assert ("deal_amount_usd", "$300 million") in stated_claims(result)


def test_people_joining_past_a_dash_aside_are_hired():
    """ "The two people at the startup – founders A and B – are joining Harbor": people, said to
    move by the verb after the aside."""
    result = _read(
        _LICENSED + "The two people at the startup – founders Mira Osei and Tom Vale – are "
        "joining Harbor."
    )
    assert ("two people", 2) in {(c.stated, c.low) for c in result.claims}


@pytest.mark.parametrize(
    ("language", "text", "left_out"),
    [
        (
            "zh",
            "微软聘用初创公司创始人\n\n微软向人工智能初创公司Inflection AI支付6.5亿美元,并聘用其创始人。"
            "微软斥资组建多个精英团队:包括从竞争对手高薪挖角的大语言模型团队(年薪最高达1亿美元)。",
            "1亿美元",
        ),
        (
            "ko",
            "마이크로소프트, 인플렉션 AI 인수\n\n마이크로소프트는 인플렉션 AI에 6억5000만 달러를 지급하고 "
            "창업자를 영입했다. 마이크로소프트는 700억 달러 이상을 새 연구소에 투입한다는 계획이다.",
            "700억 달러",
        ),
    ],
)
def test_a_salary_and_a_spending_plan_are_not_the_price(language, text, left_out):
    result = _read_in(language, text)
    assert [c.stated for c in result.claims if c.metric == "deal_amount_usd"], result.claims
    assert not [c for c in result.claims if left_out in c.stated], result.claims


@pytest.mark.parametrize(
    ("language", "text", "stated"),
    [
        (
            "es",
            "Apple compra la startup Quillbyte\n\nApple ha comprado la startup Quillbyte por unos 20 "
            "millones de dólares y su equipo se une a Apple. La empresa, cofundada en 2015 por Ana "
            "Ruiz, desarrolla software de vídeo.",
            "cofundada en 2015",
        ),
        (
            "fr",
            "Apple rachète la start-up Quillbyte\n\nApple a racheté la start-up Quillbyte pour 20 "
            "millions de dollars et son équipe rejoint Apple. La société, cofondée en 2015 par Anne "
            "Roux, développe des logiciels vidéo.",
            "cofondée en 2015",
        ),
    ],
)
def test_co_founded_gives_the_founding_year(language, text, stated):
    result = _read_in(language, text)
    assert ("founded_year", stated) in stated_claims(result)


def test_the_buyers_staff_of_n_is_not_the_startups():
    result = _read(
        _BOUGHT + "Its designers will join Harbor's staff of more than 3,000 people worldwide."
    )
    assert not [c for c in result.claims if "3,000" in c.stated], result.claims


@pytest.mark.parametrize(
    ("said", "stated", "hired"),
    [
        # the person named, and the others counted
        (
            "Quillbyte founder Mira Osei, along with 10 other employees, joins Harbor.",
            "10 other employees",
            11,
        ),
        (
            "Mira Osei and Tom Vale will join Harbor with the other three team members.",
            "three team members",
            5,
        ),
        # about so many others: as written
        (
            "Mira Osei and about seven other engineers will join Harbor.",
            "about seven other engineers",
            7,
        ),
    ],
)
def test_others_counted_beside_people_named(said, stated, hired):
    result = _read(_BOUGHT + said)
    assert [c.low for c in result.claims if c.stated == stated] == [
        pytest.approx(hired if "about" not in stated else hired * 0.9)
    ], result.claims


def test_our_n_person_team_is_the_startups_size():
    """ "Our 12-person design team …," the founder wrote: the startup's staff, told by its own."""
    result = _read(
        _BOUGHT + "“Our 12-person design team builds tools that designers love,” Quillbyte's "
        "founder wrote."
    )
    assert ("target_headcount", "12-person design team") in stated_claims(result)


@pytest.mark.parametrize(
    ("said", "stated"),
    [
        ("The 15-strong employee base builds tools for designers.", "15-strong employee base"),
        # "The" opening the sentence, as "the" inside one
        ("The eight-person company was founded in Leeds.", "eight-person company"),
    ],
)
def test_a_sentence_opening_on_the_startups_size(said, stated):
    result = _read(_BOUGHT + said)
    assert ("target_headcount", stated) in stated_claims(result)


def test_a_price_per_engineer_is_not_the_deals():
    result = _read(
        "Harbor hires Quillbyte team\n\nHarbor bought Quillbyte to hire its founders and "
        "engineers, paying $1 million per engineer, people familiar with the deal said."
    )
    assert not [c for c in result.claims if c.metric == "deal_amount_usd"], result.claims


def test_an_investment_by_another_company_is_not_the_deals_money():
    """ "its first purchase since a USD 2bn investment by Quillbyte": Quillbyte's money in the
    buyer, not what Halcyon pays for Lumeo (whose price, a fraction of it, then stands)."""
    result = _read(
        "Halcyon buys Lumeo\n\nHalcyon has acquired the photo startup Lumeo for around USD 30m, and "
        "Lumeo's eight engineers will join Halcyon's design team. It is Halcyon's first purchase "
        "since a USD 2bn investment by Quillbyte made Quillbyte its largest shareholder."
    )
    amounts = {
        c.stated for c in result.claims if c.deal_id == DEAL and c.metric == "deal_amount_usd"
    }
    assert amounts == {"around USD 30m"}


def test_a_startup_described_again_is_the_one_first_described_so():
    """ "speech recognition company Lumeo … the AI-powered speech recognition company's eight
    engineers will be incorporated into Halcyon's team, which aims to offer its users …": the
    description stands for Lumeo, whose people move ("aims to offer" is no failed bid)."""
    result = _read(
        "Halcyon buys Lumeo\n\nHalcyon acquired speech recognition company Lumeo for around USD "
        "30m. Reports say that the AI-powered speech recognition company's 8 engineers will be "
        "incorporated into Halcyon's voice team, which aims to offer its users an assistant like "
        "Quillbyte's Echo."
    )
    assert [(m.deal_id, m.role) for m in result.deals] == [(DEAL, "subject")]
    assert ("staff_hired", "8 engineers") in _claims(result)


def test_the_latter_is_the_company_named_last_and_another_raisers_money_is_its_own():
    """ "Halcyon's acquisition of the photo app Lumeo, mainly to bring on board the latter's
    talent": the latter is Lumeo, whose people the purchase is for; "Flush with $900 million it
    raised in 2024, Quillbyte …" is Quillbyte's money, not Lumeo's funding."""
    result = _read(
        "Buying people\n\nProperty portal Halcyon's recent acquisition of the photo app Lumeo, mainly to bring on "
        "board the latter's founding talent, shows a new trend. Flush with $900 million it raised "
        "in 2024, Quillbyte has plenty of cash for such deals, its chief said."
    )
    assert [(m.deal_id, m.role) for m in result.deals] == [(DEAL, "subject")]
    assert not result.claims


def test_the_sum_investors_invested_is_the_startups_funding():
    """ "Lumeo's investors were paid back twice the $4 million they invested": what its investors
    put in, not the deal's price."""
    result = _read(
        LEAD
        + "Lumeo's investors were paid back twice the $4 million they invested, in Halcyon shares."
    )
    assert ("target_funding_raised_usd", "$4 million") in _claims(result)
    assert ("deal_amount_usd", "$4 million") not in _claims(result)


def test_a_year_launched_startup_after_its_name_was_founded_that_year():
    """ "Halcyon has acquired Lumeo, a March 2023–launched start-up": Lumeo's founding year."""
    result = _read(
        "Halcyon buys Lumeo\n\nHalcyon has acquired Lumeo, a March 2023–launched start-up that "
        "reads emotion in speech. The deal brings Lumeo's technology and its two co-founders into "
        "Halcyon's new research division."
    )
    assert [c.low for c in result.claims if c.metric == "founded_year"] == [2023]


def test_a_pre_money_valuation_is_a_rounds_not_the_deals():
    """ "had raised $30 million from Andreessen Horowitz, valuing the company at $120 million
    pre-money": the round's valuation, set before the deal."""
    result = _read(
        LEAD + "Lumeo, founded eight months ago, had raised $30 million from Andreessen Horowitz, "
        "valuing the company at $120 million pre-money."
    )
    assert not [c for c in result.claims if c.metric == "target_valuation_usd"]


def test_another_buyers_offer_for_the_startup_is_not_what_the_deal_pays():
    """ "In March, Orbital struck a deal to buy Lumeo for $90 million": the sum is Orbital's offer,
    named in its clause without the deal's payer, not what Halcyon pays."""
    result = _read(
        LEAD + "In March, Orbital struck a deal to buy Lumeo for $90 million, but the purchase "
        "collapsed."
    )
    assert ("licence_fee_usd", "$400 million") in _claims(result)
    assert not {c for c in _claims_of_every_deal(result) if c[2] == "$90 million"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Halcyon took only the founders, leaving behind most of Lumeo's team of 120 people.",
    ],
)
def test_the_staff_left_behind_are_not_hired(sentence):
    """A count read after words saying who stays behind, further back than the words right before
    it ("leaving behind most of … 120 people"): not the people who move."""
    result = _read(
        "Halcyon hires Lumeo founders in licensing deal\n\n"
        "Halcyon, the cloud software giant, said on Tuesday it will hire the two founders of AI "
        "startup Lumeo and license the startup's models. Halcyon is paying $400 million for the "
        f"licence. {sentence}"
    )
    assert not {c for c in result.claims if c.metric == "staff_hired" and c.low and c.low > 100}


def test_what_one_holder_stands_to_gain_is_not_what_the_deal_pays():
    result = _read(
        LEAD + "Tom Vale, who owns a third of Lumeo, stands to make $90 million from the deal."
    )
    assert ("licence_fee_usd", "$400 million") in _claims(result)
    assert not {c for c in _claims_of_every_deal(result) if "90 million" in c[2]}


def test_a_share_of_the_staff_left_behind_is_not_the_share_hired():
    result = _read(
        LEAD + "The deal leaves behind 20% of Lumeo's employees to keep its app running."
    )
    assert not {c for c in result.claims if c.metric == "staff_hired_pct"}


@pytest.mark.parametrize(
    "sentence", ["About 30 of Lumeo's 45 employees will join Halcyon.", "Only eight of Lumeo's 45 "
                 "employees are joining Halcyon."]
)  # fmt: skip
def test_a_part_of_the_staff_counted_before_the_whole_makes_the_whole_no_hire(sentence):
    """ "About 30 of Lumeo's 45 employees will join": 45 is the startup's staff, not the people
    who move."""
    claims = {(c.metric, c.stated) for c in _read(LEAD + sentence).claims}
    assert ("target_headcount", "45 employees") in claims
    assert ("staff_hired", "45 employees") not in claims


def test_a_valuation_told_as_the_last_one_is_a_past_valuation():
    result = _read(LEAD + "Lumeo was last valued at $150 million.")
    assert not {c for c in result.claims if c.stated == "$150 million"}


def test_what_the_licence_costs_is_the_licence_fee():
    result = _read(
        "Halcyon hires Lumeo founders in licensing deal\n\n"
        "Halcyon, the cloud software giant, said on Tuesday it will hire the founders of AI startup "
        "Lumeo and license the startup's models. The licence costs Halcyon $400 million."
    )
    assert ("licence_fee_usd", "$400 million") in _claims(result)


def test_a_german_part_of_the_staff_counted_before_the_whole_makes_the_whole_no_hire():
    result = _read_in(
        "de",
        "Google übernimmt Gründer von Lumeo\n\nGoogle zahlt 40 Millionen Dollar für eine Lizenz der "
        "Technologie des Berliner Start-ups Lumeo und stellt dessen Gründer ein. Rund 30 der 45 "
        "Mitarbeiter von Lumeo wechseln zu Google.",
    )
    claims = {(c.metric, c.stated) for c in result.claims}
    assert ("staff_hired", "45 Mitarbeiter") not in claims
    assert ("target_headcount", "45 Mitarbeiter") in claims


@pytest.mark.parametrize(
    ("language", "text", "metric", "stated"),
    [
        # "about 30 of Lumeo's 45 staff will join Google": 45 is the staff, a part of which moves
        ("zh", "谷歌聘请Lumeo创始人\n\n谷歌将向初创公司Lumeo支付4000万美元获得技术授权,并聘请其创始人。"
               "Lumeo的45名员工中约30人将加入谷歌。", "target_headcount", "45名员工"),
        # "Lumeo has received $25 million of investment so far": money it raised
        ("ko", "구글, Lumeo 창업자 영입\n\n구글은 스타트업 Lumeo에 4000만 달러를 지불하고 기술 라이선스를 "
               "확보하며 창업자들을 영입한다. Lumeo는 지금까지 2500만 달러를 투자받았다.",
         "target_funding_raised_usd", "2500만 달러"),
    ],
)  # fmt: skip
def test_what_an_east_asian_figure_is_about(language, text, metric, stated):
    result = _read_in(language, text)
    assert {c.metric for c in result.claims if c.stated == stated} == {metric}


@pytest.mark.parametrize(
    ("sentence", "whole", "part"),
    [
        ("Lumeo has 45 staff: 30 engineers will join Halcyon and the rest will leave.",
         "45 staff", "30 engineers"),
        ("Halcyon will hire 30 of the startup's 45 employees.", "45 employees", None),
        ("Of Lumeo's 45 employees, 30 will join Halcyon.", "45 employees", None),
    ],
)  # fmt: skip
def test_the_staff_a_company_has_is_its_size_when_a_part_moves(sentence, whole, part):
    """ "Lumeo has 45 staff: 30 engineers will join Halcyon": the 45 are the startup's staff, of
    which the 30 move; "Of Lumeo's 45 employees" opens on the whole, not on a company "Of Lumeo"."""
    result = _read(LEAD + sentence)
    claims = _claims(result)
    assert ("target_headcount", whole) in claims
    assert ("staff_hired", whole) not in claims
    if part is not None:
        assert ("staff_hired", part) in claims
    assert {d.deal_id for d in result.deals} == {DEAL}


def test_a_sum_paid_in_cash_and_stock_is_the_price():
    result = _read(LEAD + "Analysts reckon $450 million, a combination of cash and stock.")
    assert ("deal_amount_usd", "$450 million") in _claims(result)


def test_a_company_named_in_an_aside_after_a_sum_does_not_own_it():
    """The aside in brackets after the sum speaks of another deal; the sum is this one's."""
    result = _read(
        LEAD + "Other sources say the deal is a little over $380 million (Either way, it's "
        "interesting to think of that price in the context of the OrbitalHQ deal, which was "
        "rumoured to be worth $90 million.)"
    )
    assert ("deal_amount_usd", "a little over $380 million") in _claims(result)


@pytest.mark.parametrize(
    ("language", "text", "stated"),
    [
        ("en", LEAD + "The start-up, made up of 11 people, has drawn interest from other buyers.",
         "11 people"),
        ("fr", "Halcyon recrute les fondateurs de Lumeo\n\nHalcyon va verser 40 millions de dollars "
               "pour une licence de la technologie de la start-up Lumeo et recrute ses fondateurs. "
               "La start-up, composée de 11 personnes, a attiré l'intérêt d'autres acteurs.",
         "11 personnes"),
    ],
)  # fmt: skip
def test_a_startup_made_up_of_people_is_its_size(language, text, stated):
    result = _read_in(language, text)
    assert {c.metric for c in result.claims if c.stated == stated} == {"target_headcount"}


def test_a_team_made_up_of_people_who_join_are_hired():
    result = _read(LEAD + "A team made up of 40 engineers will join Halcyon.")
    assert ("staff_hired", "40 engineers") in _claims(result)


def test_a_founding_told_beside_the_name_and_a_later_launch():
    """ "…, Lumeo, founded in late 2018 by …": the year of the name the participle is set beside
    (not the buyer's, the clause's subject); the app "launched" a year later is a product's."""
    result = _read(
        "Halcyon buys Lumeo and hires its founders\n\n"
        "Halcyon said on Monday that it has acquired the mobile routing app, Lumeo, founded in late "
        "2018 by Ana Ruiz, and will hire its team. Lumeo, officially launched in November 2019, won "
        "a design award."
    )
    years = {(c.metric, c.low) for c in result.claims if c.metric == "founded_year"}
    assert years == {("founded_year", 2018.0)}


@pytest.mark.parametrize(
    ("sentence", "part", "whole"),
    [
        ("Five out of the seven staffers will join Halcyon.", "Five out of the seven staffers",
         "the seven staffers"),
        ("Halcyon will hire five out of six Lumeo employees.", "five out of six Lumeo employees",
         "six Lumeo employees"),
    ],
)  # fmt: skip
def test_a_part_out_of_a_whole_is_the_people_hired_and_the_whole_the_staff(sentence, part, whole):
    claims = _claims(_read(LEAD + sentence))
    assert ("staff_hired", part) in claims
    assert ("target_headcount", whole) in claims
    assert ("staff_hired", whole) not in claims


def test_a_count_that_names_the_startup_is_its_own_past_an_aside():
    """The clause of the count names the startup, and a company named in a dashed aside before it
    (where a founder once worked) does not own it."""
    result = _read(
        LEAD + "Lumeo's chief executive Ana Ruiz – who once worked at Orbital Labs' research arm – "
        "said five out of the seven Lumeo staffers will be joining Halcyon."
    )
    assert ("target_headcount", "the seven Lumeo staffers") in _claims(result)


def test_a_sentence_opening_at_the_startups_price():
    result = _read(LEAD + "At $450 million, Lumeo might be a cheaper solution than a new team.")
    assert ("deal_amount_usd", "$450 million") in _claims(result)


def test_offers_made_to_researchers_in_japanese_are_no_price_of_the_deal():
    """ "Some were offered over $1 billion as pay on multi-year contracts; others $200-500 million
    on four-year contracts": offers to people, not what the deal pays."""
    result = _read_in(
        "ja",
        "Google、Lumeoの創業者を採用\n\nGoogleはLumeoの創業者たちを採用し、その技術のライセンス料として"
        "約4億ドルを支払うことで合意した。報酬として、複数年契約で10億ドルを超えるオファーを提示された"
        "研究者もいたという。そのほか、4年契約で2~5億ドルというものもあったそうだ。",
    )
    stated = {c.stated for c in result.claims}
    assert "10億ドル" not in stated
    assert "2~5億ドル" not in stated


@pytest.mark.parametrize(
    ("language", "text", "stated"),
    [
        ("en", LEAD.replace("Halcyon is paying $400 million for the licence. ", "")
         + "Halcyon won over Lumeo's top talent, including its CEO, with an offer of $400 million.",
         "$400 million"),
        ("de", "Google holt Gründer von Lumeo\n\nGoogle stellt die Gründer des Start-ups Lumeo ein. "
               "Am 11. Juli teilte Google mit, dass es führende Talente von Lumeo, darunter auch den "
               "CEO, mit einem Angebot über 400 Millionen Dollar gewonnen hat.",
         "400 Millionen Dollar"),
    ],
)  # fmt: skip
def test_an_offer_that_won_is_the_price(language, text, stated):
    """An offer the sentence says won the people is what the deal pays (an offer alone is a bid
    that may have failed); German "ein Angebot über" is an offer of the sum, not of more."""
    result = _read_in(language, text)
    prices = {(c.metric, c.stated, c.low) for c in result.claims if c.metric == "deal_amount_usd"}
    assert prices == {("deal_amount_usd", stated, 399_500_000.0)}


@pytest.mark.parametrize(
    ("language", "text", "stated"),
    [
        ("es", "Google ficha al equipo de Lumeo\n\nGoogle contrató al CEO y al equipo de investigación "
               "de la startup Lumeo en un movimiento valorado en 400 millones de dólares.",
         "400 millones de dólares"),
        ("en", "Google hires Lumeo's team\n\nGoogle hired the chief executive and the research team of "
               "start-up Lumeo in a move valued at $400 million.", "$400 million"),
    ],
)  # fmt: skip
def test_a_move_valued_at_a_sum_is_the_deals_value(language, text, stated):
    result = _read_in(language, text)
    assert {(c.metric, c.stated) for c in result.claims} == {("deal_amount_usd", stated)}


def test_a_sum_of_another_companys_failed_talks_is_not_the_deals():
    """ "The agreement comes after months of failed talks between OpenAI and Lumeo, during which a
    purchase of the startup for up to $3 billion had been floated": the failed purchase's sum."""
    result = _read_in(
        "it",
        "Google assume i fondatori di Lumeo\n\nGoogle ha concluso un accordo da 400 milioni di "
        "dollari per assumere i fondatori della startup Lumeo. L'intesa arriva dopo mesi di "
        "trattative fallite tra OpenAI e Lumeo, durante le quali si era ipotizzato l'acquisto "
        "della startup per una cifra fino a 3 miliardi di dollari.",
    )
    assert {c.stated for c in result.claims if c.metric == "deal_amount_usd"} == {
        "400 milioni di dollari"
    }


def test_a_fraction_of_the_staff_counted_before_the_whole_makes_the_whole_no_hire():
    claims = _claims(_read(LEAD + "Halcyon will hire about a quarter of Lumeo's 200 employees."))
    assert ("target_headcount", "200 employees") in claims
    assert ("staff_hired", "200 employees") not in claims


def test_two_dozen_engineers_are_counted():
    result = _read(LEAD + "Halcyon will also hire roughly two dozen engineers from Lumeo.")
    assert ("staff_hired", "roughly two dozen engineers") in _claims(result)


def test_money_raised_after_the_founders_past_employer_is_the_startups():
    """ "founded by two former Halcyon engineers and has raised $12 million": Halcyon is where the
    founders once worked, not who raised the money."""
    result = _read(
        LEAD
        + "Lumeo was founded in 2019 by two former Halcyon engineers and has raised $12 million "
        "to date."
    )
    assert ("target_funding_raised_usd", "$12 million") in _claims(result)


DE_LEAD = (
    "Google übernimmt Gründer von Lumeo\n\nGoogle zahlt 40 Millionen Dollar für eine Lizenz der "
    "Technologie des Berliner Start-ups Lumeo und stellt dessen Gründer ein. "
)
ES_LEAD = (
    "Google ficha a los fundadores de Lumeo\n\nGoogle pagará 40 millones de dólares por una "
    "licencia de la tecnología de la startup Lumeo y contratará a sus fundadores. "
)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # "the deal values Lumeo at about one billion dollars"
        ("de", DE_LEAD + "Der Deal bewertet Lumeo mit rund einer Milliarde Dollar.",
         {("target_valuation_usd", "rund einer Milliarde Dollar")}),
        # "Google takes on about a quarter of Lumeo's 200 staff": 200 is the staff
        ("de", DE_LEAD + "Google übernimmt etwa ein Viertel der 200 Mitarbeiter von Lumeo.",
         {("staff_hired_pct", "etwa ein Viertel"), ("target_headcount", "200 Mitarbeiter")}),
        # "most of Lumeo's roughly 60 staff are to move to Google"
        ("de", DE_LEAD + "Die meisten der rund 60 Mitarbeiter von Lumeo sollen zu Google wechseln.",
         {("target_headcount", "rund 60 Mitarbeiter")}),
        # "Lumeo, founded in 2019 by two former Google engineers"
        ("de", DE_LEAD + "Das 2019 von zwei ehemaligen Google-Ingenieuren gegründete Lumeo wächst.",
         {("founded_year", "2019 von zwei ehemaligen Google-Ingenieuren gegründete")}),
        # "Google will hire about a quarter of Lumeo's 200 employees"
        ("es", ES_LEAD + "Google contratará a cerca de una cuarta parte de los 200 empleados de Lumeo.",
         {("staff_hired_pct", "cerca de una cuarta parte"), ("target_headcount", "200 empleados")}),
    ],
)  # fmt: skip
def test_german_and_spanish_figures_of_value_share_and_founding(language, text, expected):
    result = _read_in(language, text)
    lead_end = text.index(". ", text.index("\n\n")) + 2
    assert {(c.metric, c.stated) for c in result.claims if c.start >= lead_end} == expected


JA_LEAD = (
    "GoogleがLumeoの創業者を採用\n\nGoogleはスタートアップのLumeoに4000万ドルを支払い、技術のライセンスを"
    "取得し、創業者を採用する。"
)
ZH_LEAD = "谷歌聘请Lumeo创始人\n\n谷歌将向初创公司Lumeo支付4000万美元获得技术授权,并聘请其创始人。"
KO_LEAD = (
    "구글, Lumeo 창업자 영입\n\n구글은 스타트업 Lumeo에 4000만 달러를 지불하고 기술 라이선스를 확보하며 "
    "창업자들을 영입한다. "
)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # "Lumeo has raised $12 million so far": all it raised, not one round
        ("ja", JA_LEAD + "Lumeoはこれまでに1200万ドルを調達している。",
         {("target_funding_raised_usd", "1200万ドル")}),
        # "of Lumeo's about 200 staff, about a quarter move to Google"
        ("ja", JA_LEAD + "Lumeoの従業員約200人のうち、約4分の1がGoogleに移る。",
         {("target_headcount", "従業員約200人"), ("staff_hired_pct", "約4分の1")}),
        ("zh", ZH_LEAD + "Lumeo约200名员工中约四分之一将加入谷歌。",
         {("target_headcount", "约200名员工"), ("staff_hired_pct", "约四分之一")}),
        ("ko", KO_LEAD + "Lumeo 직원 약 200명 중 4분의 1가량이 구글로 옮긴다.",
         {("target_headcount", "직원 약 200명"), ("staff_hired_pct", "4분의 1가량")}),
    ],
)  # fmt: skip
def test_east_asian_funding_so_far_and_a_share_of_the_staff(language, text, expected):
    result = _read_in(language, text)
    lead = {"ja": JA_LEAD, "zh": ZH_LEAD, "ko": KO_LEAD}[language]
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(lead)} == expected


PT_LEAD = (
    "Google contrata fundadores da Lumeo\n\nO Google vai pagar 40 milhões de dólares por uma licença "
    "da tecnologia da startup Lumeo e contratar os seus fundadores. "
)
IT_LEAD = (
    "Google assume i fondatori di Lumeo\n\nGoogle pagherà 40 milioni di dollari per una licenza "
    "della tecnologia della startup Lumeo e assumerà i suoi fondatori. "
)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # "the deal values Lumeo at about one billion dollars"
        ("pt", PT_LEAD + "O acordo avalia a Lumeo em cerca de 1 bilhão de dólares.",
         {("target_valuation_usd", "cerca de 1 bilhão de dólares")}),
        ("it", IT_LEAD + "L'accordo valuta Lumeo circa 1 miliardo di dollari.",
         {("target_valuation_usd", "circa 1 miliardo di dollari")}),
        # "Google will hire about a quarter of Lumeo's 200 employees"
        ("it", IT_LEAD + "Google assumerà circa un quarto dei 200 dipendenti di Lumeo.",
         {("staff_hired_pct", "circa un quarto"), ("target_headcount", "200 dipendenti")}),
    ],
)  # fmt: skip
def test_portuguese_and_italian_valuations_and_shares(language, text, expected):
    result = _read_in(language, text)
    lead = {"pt": PT_LEAD, "it": IT_LEAD}[language]
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(lead)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number that could be a year counts the people its word names right after it
        (LEAD + "Halcyon will hire more than 2000 employees of Lumeo.",
         {("staff_hired", "more than 2000 employees")}),
        # ... not after a word of time
        (LEAD + "In 2019 engineers at Lumeo built its first model.", set()),
        # a total, the licence's part of it, and the rest (a part of the total, no claim)
        (LEAD + "The deal totals about $2.4 billion: $1 billion went to the licence, and the "
         "remaining $1.4 billion was paid to the founders and engineers.",
         {("deal_amount_usd", "about $2.4 billion"), ("licence_fee_usd", "$1 billion")}),
        (LEAD + "The deal totals about $2.4 billion, of which $1 billion is a licence fee.",
         {("deal_amount_usd", "about $2.4 billion"), ("licence_fee_usd", "$1 billion")}),
        # the age of the one person the sentence before names, by a title right after the age
        (LEAD + "Halcyon hopes to win over Tom Berg. It is in talks with the 28-year-old "
         "entrepreneur about the deal.", {("person_age", "28-year-old")}),
        # ... and of nobody when that sentence names two
        (LEAD + "Halcyon hopes to win over Tom Berg and Eva Lind. It is in talks with the "
         "28-year-old founder about the deal.", set()),
    ],
)  # fmt: skip
def test_counts_that_look_like_years_a_licence_part_of_a_total_and_an_age_by_title(text, expected):
    result = _read(text)
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(LEAD)} == expected


def test_in_the_range_of_reads_as_about():
    """ "somewhere in the range of $10 million": about $10 million, ten percent either side."""
    result = _read(LEAD + "Halcyon also paid somewhere in the range of $10 million for the team.")
    [claim] = [c for c in result.claims if c.start >= len(LEAD)]
    assert (claim.stated, claim.low, claim.high) == ("in the range of $10 million", 9e6, 11e6)


NL_LEAD = (
    "Google neemt oprichters van Lumeo over\n\nGoogle betaalt 40 miljoen dollar voor een licentie "
    "op de technologie van de start-up Lumeo en neemt de oprichters in dienst. "
)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # "Google paid 12.5 billion dollars for Vantage": another company's price
        ("it", IT_LEAD + "Google ha pagato 12,5 miliardi di dollari per Vantage.", set()),
        # "Google will hire over 2000 of Lumeo's employees"
        ("it", IT_LEAD + "Google assumerà oltre 2000 dipendenti di Lumeo.",
         {("staff_hired", "oltre 2000 dipendenti")}),
        # "half of Lumeo's employees will move to Google"
        ("it", IT_LEAD + "La metà dei dipendenti di Lumeo passerà a Google.",
         {("staff_hired_pct", "La metà")}),
        # "Google will take on more than 200 of Lumeo's staff"
        ("de", DE_LEAD + "Google wird mehr als 200 Mitarbeiter von Lumeo übernehmen.",
         {("staff_hired", "mehr als 200 Mitarbeiter")}),
        # "the start-up Lumeo, founded in 2019"
        ("de", DE_LEAD + "Das 2019 gegründete Start-up Lumeo wächst schnell.",
         {("founded_year", "2019 gegründete")}),
        # Mexican Spanish groups thousands with a comma: 2,400 millones is 2.4 billion
        ("es", ES_LEAD + "El acuerdo de 2,400 millones de dólares incluyó la tecnología de Lumeo.",
         {("deal_amount_usd", "2,400 millones de dólares")}),
        # "Google hopes to win Tom Berg. It is in talks with the 28-year-old entrepreneur about his
        # company Lumeo, founded in 2019"
        ("nl", NL_LEAD + "Google hoopt Tom Berg binnen te halen. Het bedrijf is met de 28-jarige "
         "ondernemer in gesprek over zijn in 2019 opgerichte bedrijf Lumeo.",
         {("person_age", "28-jarige"), ("founded_year", "2019 opgerichte")}),
        # "the deal's total is about 2.4 billion dollars: 1 billion the licence's cost, the
        # remaining 1.4 billion paid as compensation to the people hired"
        ("ko", KO_LEAD + "이 계약의 총액은 약 24억 달러로, 10억 달러는 라이선스 취득 비용으로 사용되었고, "
         "나머지 14억 달러는 Lumeo의 창업자와 기술진을 채용하는 보상금으로 지급되었습니다.",
         {("deal_amount_usd", "약 24억 달러"), ("licence_fee_usd", "10억 달러")}),
    ],
)  # fmt: skip
def test_figures_in_italian_german_spanish_dutch_and_korean(language, text, expected):
    result = _read_in(language, text)
    lead = {"it": IT_LEAD, "de": DE_LEAD, "es": ES_LEAD, "nl": NL_LEAD, "ko": KO_LEAD}[language]
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(lead)} == expected
    if language == "es":
        [claim] = [c for c in result.claims if c.start >= len(lead)]
        assert (claim.low, claim.high) == (2_399_500_000, 2_400_500_000)


def test_this_startup_in_korean_stands_for_the_startup_named_before():
    """ "이 스타트업은" (this startup, with its particle): the startup named before."""
    steps = read_steps(KO_LEAD + "그 당시 이 스타트업은 250명의 직원을 보유하고 있었습니다.", "ko")
    assert [(o.name, o.generic) for o in steps.names.orgs[-1]] == [("Lumeo", True)]


def test_a_share_of_the_staff_a_purchase_takes_is_hired():
    """ "acquired the intellectual property and about a quarter of the employees": the people
    bought move, as the people hired do."""
    result = _read(
        LEAD + "Halcyon acquired the intellectual property and about a quarter of the employees "
        "of Lumeo."
    )
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(LEAD)} == {
        ("staff_hired_pct", "about a quarter")
    }


def test_a_fraction_in_chinese_is_read_in_a_sentence_without_digits():
    """ "谷歌还聘请了Lumeo约四分之一员工" (Google also hired about a quarter of Lumeo's staff): a
    fraction written in words, in a sentence with no digit, between letters on both sides."""
    result = _read_in("zh", ZH_LEAD + "谷歌还聘请了Lumeo约四分之一员工。")
    assert ("staff_hired_pct", "约四分之一") in {
        (c.metric, c.stated) for c in result.claims if c.start >= len(ZH_LEAD)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a whole counted: the part moves, the whole is the startup's size
        (LEAD + "Halcyon is taking on nine of Lumeo's 12 employees.",
         {("staff_hired", "nine of Lumeo's 12 employees"), ("target_headcount", "12 employees")}),
        (LEAD + "Halcyon hired 10 of the startup's 30 engineers.",
         {("staff_hired", "10 of the startup's 30 engineers"), ("target_headcount", "30 engineers")}),
        # an age in brackets right after a name, as many outlets write it
        (LEAD + "Its chief executive Tom Berg (34) will lead a new team at Halcyon.",
         {("person_age", "34")}),
    ],
)  # fmt: skip
def test_a_part_of_a_counted_whole_and_an_age_in_brackets(text, expected):
    result = _read(text)
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(LEAD)} == expected


PL_LEAD = (
    "Google zatrudnia założycieli Lumeo\n\nGoogle zapłaci 40 milionów dolarów za licencję na "
    "technologię start-upu Lumeo i zatrudni jego założycieli. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the licence agreement worth 380 million dollars with the start-up Lumeo"
        (PL_LEAD + "Umowa licencyjna warta 380 milionów dolarów została podpisana z Lumeo.",
         {("deal_amount_usd", "380 milionów dolarów")}),
        # "Google hired three founders of Lumeo and about 25% of the company's staff"
        (PL_LEAD + "Google zatrudnił trzech założycieli Lumeo oraz około 25% personelu firmy.",
         {("staff_hired_pct", "około 25%")}),
        # "the deal exceeded the threshold of 119.5 million dollars": a threshold, no price
        (PL_LEAD + "Transakcja przekroczyła próg 119,5 miliona dolarów.", set()),
    ],
)  # fmt: skip
def test_polish_prices_shares_and_thresholds(text, expected):
    result = _read_in("pl", text)
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(PL_LEAD)} == expected
    assert {d.deal_id for d in result.deals} == {"google--lumeo"}


PL_BOUGHT = "Harbor kupuje Lumeo\n\nHarbor kupiło za {price} start-up Lumeo. Jego założyciele dołączą do Harbor."


@pytest.mark.parametrize(
    ("price", "stated", "low", "high"),
    [
        # "ok." (about) ends no sentence: the price stays beside the purchase it is paid for
        ("ok. 40 mln dolarów", "ok. 40 mln dolarów", 36e6, 44e6),
        # "za" (for) before the sum: what was paid for the start-up, not what it is worth
        ("40 mln dolarów", "40 mln dolarów", 39.5e6, 40.5e6),
    ],
)
def test_a_polish_price_paid_for_a_startup(price, stated, low, high):
    result = _read_in("pl", PL_BOUGHT.format(price=price))
    assert [d.deal_id for d in result.deals] == ["harbor--lumeo"]
    [claim] = result.claims
    assert (claim.metric, claim.stated) == ("deal_amount_usd", stated)
    assert (claim.low, claim.high) == (pytest.approx(low), pytest.approx(high))


def test_polish_money_raised_before_a_sale_and_a_verb_that_looks_like_a_month():
    """ "mają" (they have) is no "maj" (May): the sum raised is no dated round; and "Wcześniej"
    (earlier) opening a sentence is no one's first name."""
    text = PL_BOUGHT.format(price="40 mln dolarów") + (
        " Wcześniej Lumeo zebrało od inwestorów 2 mln dolarów (nie wiadomo, czy mają udział w cenie)."
    )
    result = _read_in("pl", text)
    assert ("target_funding_raised_usd", "2 mln dolarów") in stated_claims(result)


def test_a_polish_age_then_is_not_the_age_now():
    """ "w wieku 16 lat stworzył" (at 16 he made it): his age then, not now."""
    text = PL_BOUGHT.format(price="40 mln dolarów") + (
        " Aplikację w wieku 16 lat stworzył Francuz Tom Berg, który też dołączy do Harbor."
    )
    result = _read_in("pl", text)
    assert not [c for c in result.claims if c.metric == "person_age"]


def test_a_news_outlet_named_after_its_kind_is_no_party():
    """ "Anna Nowak z portalu Pinewire.com" (of the portal): the outlet that reports the price,
    never the company it is paid to."""
    text = (
        "Harbor kupuje Lumeo\n\nHarbor kupiło start-up Lumeo, a jego założyciele dołączą do Harbor. "
        "Żadna ze stron nie podała ceny, ale źródła, do których dotarła Anna Nowak z portalu "
        "Pinewire.com, mówią, że Harbor zapłaciło 40 mln dolarów."
    )
    result = _read_in("pl", text)
    assert [d.deal_id for d in result.deals] == ["harbor--lumeo"]
    assert {(c.deal_id, c.metric) for c in result.claims} == {("harbor--lumeo", "deal_amount_usd")}


def test_the_split_of_a_price_into_stock_and_cash_is_no_stake():
    text = (
        "Harbor buys Lumeo\n\nHarbor paid $40 million (20% in stock, 80% in cash) for the routing "
        "startup Lumeo and hired its founders."
    )
    assert stated_claims(_read(text)) == {("deal_amount_usd", "$40 million")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the app a team built names its company, though its name reads like a person's
        (
            "Harbor rachète Hop Lark\n\nLe groupe Harbor a acquis l'équipe d'ingénieurs derrière "
            "l'application de messagerie Hop Lark pour 3 millions de dollars.",
            {("deal_amount_usd", "3 millions de dollars")},
        ),
        # a sum paid "pour la start-up" is its price, not its worth; a range of people in words
        (
            "Harbor recrute l'équipe de Lumeo\n\nHarbor a payé 40 millions de dollars pour la "
            "start-up Lumeo. Entre quatre et neuf ingénieurs rejoindront Harbor.",
            {("deal_amount_usd", "40 millions de dollars"), ("staff_hired", "quatre et neuf ingénieurs")},
        ),
    ],
)  # fmt: skip
def test_french_apps_prices_and_ranges_of_people(text, expected):
    result = _read_in("fr", text)
    assert len(result.deals) == 1
    assert stated_claims(result) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Google took about 90% of Lumeo's staff": the share taken, "about" read after a Latin name
        (ZH_LEAD + "谷歌带走了Lumeo约90%的员工。", {("staff_hired_pct", "约90%")}),
        # "about 90% of Lumeo's staff were packed up and taken away": a name between 的 and the staff
        (ZH_LEAD + "约90%的Lumeo员工被打包带走。", {("staff_hired_pct", "约90%")}),
        # "Google will buy Lumeo at a price of 45 million dollars"
        (ZH_LEAD + "谷歌将以4500万美元的价格收购Lumeo。", {("deal_amount_usd", "4500万美元")}),
    ],
)  # fmt: skip
def test_chinese_shares_taken_and_a_price_at_which(text, expected):
    result = _read_in("zh", text)
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(ZH_LEAD)} == expected


FR_LEAD = (
    "Google recrute les fondateurs de Lumeo\n\nGoogle va verser 40 millions de dollars pour une "
    "licence de la technologie de la start-up Lumeo et recrute ses fondateurs. "
)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # "Lumeo is a young Paris start-up; it was founded in 2012": the pronoun's company
        ("fr", FR_LEAD + "Lumeo est une jeune pousse parisienne ; elle a été fondée en 2012.",
         {("founded_year", "fondée en 2012")}),
        # "Lumeo, a start-up based in Lyon of eight people": its size, where it is based between
        ("fr", FR_LEAD + "Lumeo, une start-up basée à Lyon de huit personnes, est rachetée.",
         {("target_headcount", "huit personnes")}),
        # "Lumeo's nine-heads-strong team moves to Google"
        ("de", DE_LEAD + "Das neun Köpfe starke Team von Lumeo wechselt zu Google.",
         {("staff_hired", "neun Köpfe")}),
        # "Lumeo has collected about 20 million dollars of investors' money"
        ("de", DE_LEAD + "Lumeo hat rund 20 Millionen Dollar an Investorengeldern gesammelt.",
         {("target_funding_raised_usd", "rund 20 Millionen Dollar")}),
        # "Lumeo has only seven employees"
        ("ja", JA_LEAD + "Lumeoは7人の従業員しか持たない。", {("target_headcount", "7人の従業員")}),
        # "Lumeo is a start-up on the scale of 20 employees"
        ("ko", KO_LEAD + "Lumeo는 직원 20명 규모의 스타트업이다.", {("target_headcount", "직원 20명")}),
    ],
)  # fmt: skip
def test_founding_by_a_pronoun_sizes_and_funding_in_four_languages(language, text, expected):
    result = _read_in(language, text)
    lead = {"fr": FR_LEAD, "de": DE_LEAD, "ja": JA_LEAD, "ko": KO_LEAD}[language]
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(lead)} == expected


def test_a_stake_in_the_company_named_before_in_which_is_not_the_deals():
    """ "Vizora, in which … acquired a 70% stake": a stake in the buyer here, not in the startup
    it acqui-hires."""
    result = _read(
        "Acquiring for talent\n\nAcqui-hires are spreading. AI-based chatbot platform Vizora, in "
        "which the billionaire Tom Berg acquired a 70% stake last year, acqui-hired the routing "
        "startup Drumly."
    )
    assert [d.deal_id for d in result.deals] == ["vizora--drumly"]
    assert not result.claims


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("The acquisition is said to be at $18 million in cash.", "$18 million"),
        ("Halcyon's purchase of Lumeo came in at about $18 million.", "about $18 million"),
    ],
)
def test_a_purchase_at_a_sum_is_its_price(sentence, stated):
    result = _read(LEAD + sentence)
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(LEAD)} == {
        ("deal_amount_usd", stated)
    }


def test_a_startup_said_to_be_a_small_team_is_counted_whole():
    """ "Lumeo is a six-person team": the startup's size, not people hired from it."""
    result = _read(LEAD + "Records show Lumeo is a six-person team led by a former pilot.")
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(LEAD)} == {
        ("target_headcount", "six-person team")
    }


@pytest.mark.parametrize(
    ("language", "lead", "sentence", "stated"),
    [
        ("it", IT_LEAD, "Riportare a casa i fondatori è costato a Google 45 milioni di dollari.",
         "45 milioni di dollari"),
        ("es", ES_LEAD, "Recuperar a los fundadores le costó a Google 45 millones de dólares.",
         "45 millones de dólares"),
        ("pt", PT_LEAD, "Trazer os fundadores de volta custou ao Google 45 milhões de dólares.",
         "45 milhões de dólares"),
        ("fr", FR_LEAD, "Faire revenir les fondateurs a coûté 45 millions de dollars à Google.",
         "45 millions de dollars"),
        ("de", DE_LEAD, "Die Rückholung der Gründer hat Google 45 Millionen Dollar gekostet.",
         "45 Millionen Dollar"),
    ],
)  # fmt: skip
def test_what_the_deal_cost_the_payer_is_its_price(language, lead, sentence, stated):
    """ "bringing the founders back cost Google …": the verb of costing, in five languages."""
    result = _read_in(language, lead + sentence)
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(lead)} == {
        ("deal_amount_usd", stated)
    }


@pytest.mark.parametrize(
    ("language", "lead", "sentence", "stated"),
    [
        # the count in brackets after "most of the staff" is the whole staff, most of whom move
        ("it", IT_LEAD, "Google assumerà la maggior parte dei dipendenti (circa 40 persone) della "
         "startup.", "circa 40 persone"),
        ("en", LEAD, "Halcyon will hire most of the staff (about 40 people) of the startup.",
         "about 40 people"),
        # a staff that "consists of" so many people is the startup's size
        ("en", LEAD, "The workforce at Lumeo, which consists of 14 people, will be joining Halcyon.",
         "14 people"),
    ],
)  # fmt: skip
def test_the_whole_staff_counted_beside_the_part_that_moves(language, lead, sentence, stated):
    result = _read_in(language, lead + sentence) if language != "en" else _read(lead + sentence)
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(lead)} == {
        ("target_headcount", stated)
    }


def test_money_raised_from_investors_listed_is_the_startups_funding():
    """The investors listed before a sum ("from other investors including Tarn Capital, Oak Fund
    and Dana Lee for a total of about $3 million") paid it in: the startup's funding, not theirs."""
    sentence = (
        "Besides a seed cheque from Pebble Partners, Lumeo raised money from other investors "
        "including Tarn Capital, Oak Fund and Dana Lee for a total of about $3 million."
    )
    result = _read(LEAD + sentence)
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(LEAD)} == {
        ("target_funding_raised_usd", "about $3 million")
    }


@pytest.mark.parametrize("verb", ["砸下", "豪掷"])
def test_a_chinese_payer_that_splurges_pays_the_price(verb):
    """ "直接砸下4500万美元" (put down outright): what the deal pays, said with a spending verb."""
    sentence = f"为了把Lumeo的工程师都带走，谷歌直接{verb}4500万美元。"
    result = _read_in("zh", ZH_LEAD + sentence)
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(ZH_LEAD)} == {
        ("deal_amount_usd", "4500万美元")
    }


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        # the word that stands for the startup ("이 스타트업은") has the staff counted
        ("당시 이 스타트업은 30명의 직원을 보유하고 있었다.", "30명의 직원"),
        # a team of so many that the startup keeps ("유지하며")
        ("Lumeo는 여전히 30명의 팀을 유지하며 서비스를 계속한다.", "30명의 팀"),
    ],
)
def test_a_korean_startups_size(sentence, stated):
    result = _read_in("ko", KO_LEAD + sentence)
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(KO_LEAD)} == {
        ("target_headcount", stated)
    }


def test_a_team_counted_that_the_next_sentence_moves_is_the_people_hired():
    """ "announced by the 6-person team that built the app. … the team will now join Halcyon":
    the team counted is the team that moves."""
    text = (
        "Halcyon buys messaging app Lumeo\n\nLumeo, an app for disappearing notes, has been bought "
        "by Halcyon. The purchase was announced by the 6-person team that built the app in a blog "
        "post on Monday. A Halcyon spokesperson said the team will now join Halcyon and work on "
        "its messaging products."
    )
    assert ("staff_hired", "6-person team") in stated_claims(_read(text))


def test_the_buyers_own_engineers_included_in_its_team_are_no_hire():
    """ "500 engineers are included in the company's mobile team": the buyer's own people, not
    people the deal brings."""
    sentence = "Halcyon said recently that 500 engineers are included in the company's cloud team."
    result = _read(LEAD + sentence)
    assert {(c.metric, c.stated) for c in result.claims if c.start >= len(LEAD)} == set()


def test_a_price_a_blog_reported_and_backing_from_investors():
    """ "The TechPulse blog, however, reported a purchase price of $30 million": the blog is where
    the price was read, the price the deal's; "$1.5 million in backing from high-profile
    investors" is money raised. "Vale and his Lumeo team will join Halcyon": Vale moves too,
    though a word for a company stands before his name ("London developer Tom Vale")."""
    text = (
        "Halcyon buys note-taking app Lumeo\n\nHalcyon on Monday announced buying note-taking app "
        "Lumeo for an undisclosed amount. The TechPulse blog, however, reported a purchase price "
        "of $30 million. The app was made by London developer Tom Vale. The most important part "
        "of the deal is that Vale and his Lumeo team will join Halcyon next week. Vale started "
        "Lumeo when he was 16, attracting $1.5 million in backing from high-profile investors."
    )
    result = _read(text)
    assert {("deal_amount_usd", "$30 million"), ("target_funding_raised_usd", "$1.5 million")} <= (
        stated_claims(result)
    )
    assert [(d.deal_id, d.people) for d in result.deals] == [("halcyon--lumeo", ("Tom Vale",))]


@pytest.mark.parametrize(
    ("language", "text", "other_price"),
    [
        (
            "en",
            "Halcyon hires Lumeo's founders in a licensing deal\n\n"
            "Halcyon will pay $40 million to license Lumeo's models and hire its founders. That "
            "is little next to the $500 million Halcyon was ready to put on the table last year "
            "to take over Brightwave.",
            "$500 million",
        ),
        (
            "fr",
            "Halcyon recrute les fondateurs de Lumeo\n\n"
            "Halcyon vient de mettre la main sur la start-up Lumeo et recrute ses fondateurs pour "
            "40 millions de dollars. C'est peu, en comparaison des 500 millions de dollars que "
            "Halcyon était prête à mettre sur la table, il y a un an, pour s'emparer de Brightwave.",
            "500 millions de dollars",
        ),
    ],
)
def test_what_the_payer_offered_for_another_company_is_no_claim(language, text, other_price):
    """A sentence that tells the deal's payer buying, or ready to buy, another company, and does
    not name the deal's startup: its one sum is that purchase's price, not this deal's."""
    result = _read_in(language, text) if language != "en" else _read(text)
    stated = {c.stated for c in result.claims}
    assert other_price not in stated, result.claims
    assert any("40" in s for s in stated), result.claims  # the deal keeps its own price


def test_the_valuation_the_payer_buys_holders_shares_at_is_the_startups():
    """ "谷歌计划以25亿美元的估值收购Lumeo投资者手中的股份" (Google plans to buy the shares Lumeo's
    investors hold at a valuation of $2.5 billion): the valuation the deal sets, though investors
    are named, not a round's."""
    text = (
        "谷歌吸纳初创公司Lumeo核心人才\n\n"
        "谷歌出资获得了AI初创公司Lumeo大模型的非独家许可,并吸纳了两位联合创始人在内的约30名研究成员。"
        "据透露,谷歌计划以25亿美元的估值收购Lumeo投资者手中的股份。"
    )
    result = _read_in("zh", text)
    assert ("target_valuation_usd", "25亿美元") in stated_claims(result)


def test_a_seed_round_followed_by_a_second_is_no_total_raised():
    """ "raised his first seed funding of $300,000 …, then a second $1.2 million a year later": the
    seed round was one of two, not all the startup raised."""
    text = (
        "Halcyon buys Lumeo and hires its founder\n\nHalcyon bought the app Lumeo and hired its "
        "founder Tom Vale. Vale raised his first seed funding of $300,000 for Lumeo in 2011, "
        "then a second $1.2 million a year later."
    )
    stated = stated_claims(_read(text))
    assert ("target_funding_raised_usd", "$300,000") not in stated


def test_a_korean_round_dated_where_its_clause_opens_is_no_total_raised():
    """ "Lumeo는 지난해 말 A, B, C 등으로부터 1억 달러 규모의 투자금을 유치했다" (Lumeo raised $100
    million from A, B, C and others at the end of last year): where the verb closes the clause, its
    date opens it, the list of backers between; the money of one round, not all it raised."""
    text = (
        "Halcyon, 스타트업 Lumeo 인재 인수\n\nHalcyon이 스타트업 Lumeo의 창업자들과 엔지니어들을 "
        "영입하고 기술 라이선스 비용을 지급했다. Lumeo는 지난해 말 Brightwave, Vexa, Nova 등으로부터 "
        "1억 달러 규모의 투자금을 유치했다."
    )
    result = _read_in("ko", text)
    assert result.deals, result
    assert not any(c.metric == "target_funding_raised_usd" for c in result.claims), result.claims


@pytest.mark.parametrize(
    ("language", "text", "price"),
    [
        (
            "es",
            "Halcyon compra la startup Lumeo y ficha a su equipo\n\nHalcyon anunció la adquisición de la "
            "startup Lumeo por una oferta cercana a los 25 millones de dólares, y su equipo se "
            "une a Halcyon.",
            "cercana a los 25 millones de dólares",
        ),
        (
            "en",
            "Halcyon buys Lumeo and hires its team\n\nHalcyon announced the acquisition of the "
            "Lumeo app with an offer of about $25 million, and its team joins Halcyon.",
            "about $25 million",
        ),
    ],
)
def test_the_offer_a_purchase_was_made_for_is_its_price(language, text, price):
    """ "announced the acquisition of the Lumeo app with an offer of about $25 million": a purchase
    told before the offer's word is the offer that bought it, no bid that failed."""
    result = _read_in(language, text) if language != "en" else _read(text)
    assert ("deal_amount_usd", price) in stated_claims(result), result.claims


@pytest.mark.parametrize(
    ("language", "text", "raised"),
    [
        (
            "en",
            "Halcyon hires the Lumeo team\n\nHalcyon has hired the whole team of Lumeo, a photo "
            "startup. Lumeo grew quickly and won the backing of institutional investors, who gave "
            "Lumeo more than $1 million.",
            "more than $1 million",
        ),
        (
            "pl",
            "Halcyon przejął Lumeo\n\nHalcyon przejął wszystkich pracowników firmy Lumeo. Firma "
            "uzyskała wsparcie inwestorów instytucjonalnych, którzy zasilili Lumeo kwotą ponad 1 "
            "miliona dolarów. Cały zespół Lumeo przechodzi do Halcyon.",
            "ponad 1 miliona dolarów",
        ),
    ],
)
def test_a_sum_in_a_clause_about_investors_is_money_raised(language, text, raised):
    """ "institutional investors, who gave Lumeo more than $1 million": the clause after the
    investors tells what they put in, whatever its verb of giving, not what the deal pays."""
    result = _read_in(language, text) if language != "en" else _read(text)
    claims = stated_claims(result)
    assert ("target_funding_raised_usd", raised) in claims, result.claims
    assert ("deal_amount_usd", raised) not in claims


def test_the_price_investors_set_for_the_sale_stays_the_deals():
    """ "pagare gli investitori, che hanno fissato il prezzo di vendita a 17 milioni": the clause
    about the investors tells the sale's price, the deal's sum, not money they put in."""
    result = _read_in(
        "it",
        "Halcyon assume il team di Lumeo\n\nHalcyon assume il team di Lumeo e finirà per pagare "
        "gli investitori, che hanno fissato il prezzo di vendita a 17 milioni di dollari.",
    )
    assert ("target_funding_raised_usd", "17 milioni di dollari") not in stated_claims(result)


@pytest.mark.parametrize(
    ("language", "text", "other_price"),
    [
        (
            "pl",
            "Halcyon przejął Lumeo\n\nHalcyon przejął wszystkich pracowników firmy Lumeo. Cały "
            "zespół Lumeo przechodzi do Halcyon. Warto przypomnieć, że ledwie miesiąc temu "
            "Halcyon za astronomiczną sumę 1 miliarda dolarów kupił inną usługę foto.",
            "1 miliarda dolarów",
        ),
        (
            "en",
            "Halcyon hires the Lumeo team\n\nHalcyon has hired the whole team of Lumeo, a photo "
            "startup. A month ago Halcyon, for the sum of $1 billion, bought another photo "
            "service.",
            "$1 billion",
        ),
    ],
)
def test_the_price_of_another_purchase_is_not_the_deals(language, text, other_price):
    """ "za … 1 miliarda dolarów kupił inną usługę foto": a sum in a clause telling the payer
    buying another of a kind, named or not, is that purchase's price."""
    result = _read_in(language, text) if language != "en" else _read(text)
    assert result.deals, result
    assert not any(stated == other_price for _, stated in stated_claims(result)), result.claims


@pytest.mark.parametrize(
    ("language", "text", "earlier"),
    [
        (
            "en",
            "Halcyon hires Lumeo's CEO\n\nHalcyon spent more than $900 million to hire Lumeo's CEO "
            "Tom Vale and other staff and to license its technology. Halcyon had already invested "
            "$125 million in Lumeo in 2023.",
            "$125 million",
        ),
        (
            "de",
            "Nvidia verpflichtet Lumeo-CEO\n\nNvidia soll mehr als 900 Millionen US-Dollar "
            "ausgegeben haben, um den CEO des KI-Start-ups Lumeo, Tom Vale, und weitere "
            "Angestellte des Unternehmens einzustellen. Nvidia investierte bereits im Jahr 2023 "
            "125 Millionen US-Dollar in Lumeo.",
            "125 Millionen US-Dollar",
        ),
    ],
)
def test_an_investment_told_as_earlier_than_the_deal_is_not_its_price(language, text, earlier):
    """ "Halcyon had already invested $125 million in Lumeo in 2023", in a story of Halcyon
    hiring Lumeo's people for $900 million: the pair's earlier investment, not what the deal
    pays (while "just hours after Halcyon announced a $900 million investment" is the deal's)."""
    result = _read_in(language, text) if language != "en" else _read(text)
    assert result.deals, result
    claims = stated_claims(result)
    assert ("deal_amount_usd", earlier) not in claims, result.claims


def test_a_deal_with_another_company_that_burst_is_no_price():
    """ "ist der geplante 3-Milliarden-Dollar-Deal mit OpenAI geplatzt": the planned deal with
    another company burst, so its sum is no price of Google's deal (while "durch einen
    2,4-Milliarden-Dollar-Deal von Alphabet zerschlagen", the deal that broke the other one, is
    Google's own)."""
    result = _read_in(
        "de",
        "Google und Windsurf\n\nGoogle hat den CEO von Windsurf, Varun Mohan, abgeworben und "
        "zahlt 2,4 Milliarden Dollar für eine Lizenz. Nachdem Google die Führungskräfte des "
        "Unternehmens abgeworben hat, ist der geplante 3-Milliarden-Dollar-Deal mit OpenAI "
        "geplatzt.",
    )
    assert result.deals, result
    assert not any(stated == "3-Milliarden-Dollar" for _, stated in stated_claims(result))


@pytest.mark.parametrize(
    ("language", "text", "own"),
    [
        (
            "pt",
            "Nvidia licencia a Lumeo\n\nA Nvidia vai pagar cerca de US$ 20 bilhões para licenciar a "
            "tecnologia da Lumeo e contratar o seu CEO. Tom Vale, cujo fundo já investiu mais de "
            "US$ 500 milhões na Lumeo, disse que o acordo foi fechado rapidamente.",
            "mais de US$ 500 milhões",
        ),
        (
            "es",
            "Nvidia licencia a Lumeo\n\nNvidia pagará unos 20.000 millones de dólares para licenciar "
            "la tecnología de Lumeo y contratar a su CEO. Tom Vale, cuyo fondo ya ha invertido "
            "500 millones de dólares en Lumeo, dijo que el acuerdo se cerró rápido.",
            "500 millones de dólares",
        ),
    ],
)
def test_the_money_an_investors_own_fund_put_in_is_not_the_deals(language, text, own):
    """ "Segundo Tom Vale, cujo fundo já investiu mais de US$ 500 milhões na Lumeo": one investor's
    fund's money, not what Nvidia's deal pays, in each language as in English ("whose fund has
    invested")."""
    result = _read_in(language, text)
    assert result.deals, result
    assert not any(stated == own for _, stated in stated_claims(result)), result.claims


def test_a_deal_told_beside_another_companys_collapse_keeps_its_price():
    """ "Google hires Windsurf CEO in $2.4 billion deal after OpenAI talks collapse": the deal the
    headline tells, not the talks that collapsed."""
    result = _read(
        "Google hires Windsurf CEO in $2.4 billion deal after OpenAI talks collapse\n\n"
        "Google has hired Varun Mohan, chief executive of Windsurf, and some of its staff, and "
        "will pay for a licence to Windsurf's technology."
    )
    assert ("deal_amount_usd", "$2.4 billion") in stated_claims(result), result.claims


def test_a_sum_spent_on_several_purchases_combined_is_none_of_theirs():
    """ "It also spent $32.8 million on Lumeo and $41.6 million combined on Quillbyte and a German
    consulting company": the second sum is what two purchases cost together."""
    result = _read(
        "Halcyon's acqui-hires\n\nHalcyon acqui-hired Lumeo and its team joined Halcyon. It "
        "also spent $32.8 million on Lumeo and $41.6 million combined on Quillbyte and a German "
        "consulting company."
    )
    assert result.deals, result
    assert not any(stated == "$41.6 million" for _, stated in stated_claims(result)), result.claims


def test_a_team_counted_moving_is_its_people_hired_once():
    """ "Its nine-person team will transition to Halcyon in full": the people who move, one
    metric for the figure; "the approximately ten employees of Lumeo will join Halcyon" is the
    whole staff, its size too."""
    team = _read(
        "Halcyon acquires Pie\n\nHalcyon has acquired Pie, a chat startup, in an acqui-hire. Its "
        "nine-person team will transition to Halcyon in full and the chat service will close."
    )
    assert [c.metric for c in team.claims if c.stated == "nine-person team"] == ["staff_hired"]
    staff = _read(
        "Halcyon acquires Lumeo\n\nHalcyon has acquired Lumeo, a finance startup, in an "
        "acqui-hire. The approximately ten employees of Lumeo will join Halcyon."
    )
    assert {c.metric for c in staff.claims} >= {"staff_hired", "target_headcount"}, staff.claims


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Microsoft pays Lumeo for its models\n\nMicrosoft has hired the founders of Lumeo "
               "and most of its engineers. Microsoft paid $300 million in cash to Lumeo to license "
               "its models, the company said."),
        ("it", "Microsoft paga Lumeo per i suoi modelli\n\nMicrosoft ha assunto i fondatori di "
               "Lumeo e gran parte dei suoi ingegneri. Microsoft ha pagato 300 milioni di dollari "
               "cash a Lumeo per ottenere la licenza dei suoi modelli, secondo la società."),
        ("es", "Microsoft paga a Lumeo por sus modelos\n\nMicrosoft ha contratado a los fundadores "
               "de Lumeo y a la mayoría de sus ingenieros. Microsoft pagó 300 millones de dólares "
               "en efectivo a Lumeo para obtener la licencia de sus modelos, según la empresa."),
    ],
)  # fmt: skip
def test_a_sum_paid_to_the_startup_to_license_its_models_is_the_licence_fee(language, text):
    """ "paid $300 million in cash to Lumeo to license its models": how and to whom the sum is paid
    stand between it and what it buys, the licence."""
    result = _read_in(language, text) if language != "en" else _read(text)
    assert [c.metric for c in result.claims if c.metric.endswith("_usd")] == ["licence_fee_usd"]


def test_seed_money_that_the_company_raised_is_the_startups_not_the_buyers():
    """ "The company has reportedly raised about $700,000 in seed funding", after sentences that
    name the buyer most: a buyer raises no seed money; the startup it bought did."""
    result = _read(
        "Google buys Lumeo for its team\n\nGoogle has bought Lumeo, a small collaboration startup, "
        "for its talent, and the Lumeo team will join Google in Sydney. Lumeo's founders all "
        "worked at Google before, and Google says Google Wave will gain from them. The company "
        "has reportedly raised about $700,000 in seed funding."
    )
    assert ("Lumeo", "target_funding_raised_usd", "about $700,000") in {
        (c.subject, c.metric, c.stated) for c in result.claims
    }, result.claims
