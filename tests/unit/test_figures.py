"""Figures as written, in every language the lexicon reads, and the interval each one states.

The sentences are ours, written to exercise one number form each; the interval rules are
those of tests/data/labelled/README.md.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.analysis.figures import (
    age_figures,
    cjk_number,
    count_figures,
    figures_in,
    format_money,
    interval,
    money_figures,
    parse_number,
    percent_figures,
)

MONEY_CASES = [
    # language, text, stated, low, high, currency
    # (a language no lexicon reads, Ukrainian: the Cyrillic abbreviations of its scale words)
    ("uk", "компанія інвестувала $2,5 млрд у стартап", "$2,5 млрд", 2.45e9, 2.55e9, "USD"),
    ("uk", "заплативши стартапу $300 млн", "$300 млн", 299.5e6, 300.5e6, "USD"),
    ("ru", "сделка на сумму $20 млрд", "$20 млрд", 19.5e9, 20.5e9, "USD"),
    # "about for $20 billion": Russian puts the price's preposition between "about" and the sum
    (
        "ru",
        "договорилась о покупке примерно за $20 млрд",
        "примерно за $20 млрд",
        18e9,
        22e9,
        "USD",
    ),
    # an estimate is about the sum, before it or (German) after it
    (
        "fr",
        "Estimée à 40 millions de dollars, l'opération",
        "Estimée à 40 millions de dollars",
        36e6,
        44e6,
        "USD",
    ),
    (
        "es",
        "por una oferta cercana a los 40 millones de dólares",
        "cercana a los 40 millones de dólares",
        36e6,
        44e6,
        "USD",
    ),
    (
        "de",
        "Der Preis wird auf 40 Millionen Dollar geschätzt.",
        "40 Millionen Dollar geschätzt",
        36e6,
        44e6,
        "USD",
    ),
    (
        "nl",
        "het bedrijf betaalde ruim 300 miljoen dollar",
        "ruim 300 miljoen dollar",
        300e6,
        None,
        "USD",
    ),
    ("nl", "een deal van 2,4 miljard dollar", "2,4 miljard dollar", 2.35e9, 2.45e9, "USD"),
    ("ru", "заплатила более 900 млн долларов", "более 900 млн долларов", 900e6, None, "USD"),
    ("ru", "около 1,5 миллиарда долларов", "около 1,5 миллиарда долларов", 1.35e9, 1.65e9, "USD"),
    ("en", "Acme pays $14.3 billion for it.", "$14.3 billion", 14.25e9, 14.35e9, "USD"),
    ("en", "Acme put $14.8 billion into the lab.", "$14.8 billion", 14.75e9, 14.85e9, "USD"),
    ("en", "a cheque for $2.4bn, the paper said", "$2.4bn", 2.35e9, 2.45e9, "USD"),
    ("en", "hired by the giant in a $2.4 Bil deal", "$2.4 Bil", 2.35e9, 2.45e9, "USD"),
    ("id", "Google membayar US$2,4 miliar untuk lisensi", "US$2,4 miliar", 2.35e9, 2.45e9, "USD"),
    ("id", "sekitar 2,4 miliar dolar AS", "sekitar 2,4 miliar dolar AS", 2.16e9, 2.64e9, "USD"),
    ("vi", "startup này đã huy động hơn 80 triệu USD", "hơn 80 triệu USD", 80e6, None, "USD"),
    ("vi", "thương vụ trị giá khoảng 1,5 tỷ đô la", "khoảng 1,5 tỷ đô la", 1.35e9, 1.65e9, "USD"),
    ("en", "a payment of US$650m to the startup", "US$650m", 649.5e6, 650.5e6, "USD"),
    (
        "en",
        "the Johannesburg paper put it at $14,3-billion",
        "$14,3-billion",
        14.25e9,
        14.35e9,
        "USD",
    ),
    ("en", "worth 14.3 billion dollars in all", "14.3 billion dollars", 14.25e9, 14.35e9, "USD"),
    (
        "en",
        "it will pay twenty billion dollars in cash",
        "twenty billion dollars",
        19.5e9,
        20.5e9,
        "USD",
    ),
    ("en", "valued at over $29 billion", "over $29 billion", 29e9, None, "USD"),
    ("en", "it paid $900m-plus for the team", "$900m-plus", 900e6, None, "USD"),
    ("en", "the table says $40B+ across the deals", "$40B+", 40e9, None, "USD"),
    ("en", "up to $2 billion", "up to $2 billion", 0.0, 2e9, "USD"),
    # the signs of a table or a slide: more than, less than
    ("en", "a payout of >$650M", ">$650M", 650e6, None, "USD"),
    ("en", "a price of <$10M", "<$10M", 0.0, 10e6, "USD"),
    ("en", "roughly $650 million", "roughly $650 million", 585e6, 715e6, "USD"),
    ("en", "the row reads ~$20B", "~$20B", 18e9, 22e9, "USD"),
    ("en", "nearly $1 billion", "nearly $1 billion", 0.9e9, 1e9, "USD"),
    ("en", "just over $2 billion", "just over $2 billion", 2e9, 2.2e9, "USD"),
    (
        "en",
        "between $2 billion and $3 billion",
        "between $2 billion and $3 billion",
        2e9,
        3e9,
        "USD",
    ),
    ("en", "a deal for $80 to $90 million", "$80 to $90 million", 80e6, 90e6, "USD"),
    ("en", "the fee, $80–90M, was paid", "$80–90M", 80e6, 90e6, "USD"),
    ("en", "the price is \\$2.4 billion", "$2.4 billion", 2.35e9, 2.45e9, "USD"),
    ("en", "a €2bn licence", "€2bn", 1.5e9, 2.5e9, "EUR"),
    ("en", "about £10.5 billion", "about £10.5 billion", 9.45e9, 11.55e9, "GBP"),
    ("en", "some NT$2.7 billion", "some NT$2.7 billion", 2.43e9, 2.97e9, "TWD"),
    (
        "de",
        "Der Konzern zahlt 14,3 Milliarden Dollar.",
        "14,3 Milliarden Dollar",
        14.25e9,
        14.35e9,
        "USD",
    ),
    ("de", "rund 2,7 Milliarden US-Dollar", "rund 2,7 Milliarden US-Dollar", 2.43e9, 2.97e9, "USD"),
    (
        "fr",
        "un accord de 20 milliards de dollars",
        "20 milliards de dollars",
        19.5e9,
        20.5e9,
        "USD",
    ),
    ("fr", "une licence à 20 Md$ signée hier", "20 Md$", 19.5e9, 20.5e9, "USD"),
    (
        "fr",
        "plus de 5 000 milliards de dollars",
        "plus de 5 000 milliards de dollars",
        5e12,
        None,
        "USD",
    ),
    # "superior a" / "supérieur à": more than, in the words of a comparison
    (
        "pt",
        "um acordo superior a 3,1 mil milhões de dólares",
        "superior a 3,1 mil milhões de dólares",
        3.1e9,
        None,
        "USD",
    ),
    (
        "es",
        "una compra superior a 800 millones de dólares",
        "superior a 800 millones de dólares",
        800e6,
        None,
        "USD",
    ),
    (
        "fr",
        "un prix inférieur à 90 millions de dollars",
        "inférieur à 90 millions de dollars",
        0.0,
        90e6,
        "USD",
    ),
    (
        "es",
        "pagó 2.700 millones de dólares",
        "2.700 millones de dólares",
        2699.5e6,
        2700.5e6,
        "USD",
    ),
    (
        "es",
        "una valoración de mil millones de dólares",
        "mil millones de dólares",
        999.5e6,
        1000.5e6,
        "USD",
    ),
    (
        "es",
        "unos 2,4 mil millones de dólares",
        "unos 2,4 mil millones de dólares",
        2.16e9,
        2.64e9,
        "USD",
    ),
    (
        "pt",
        "levantou perto de 8 milhões de dólares",
        "perto de 8 milhões de dólares",
        7.2e6,
        8e6,
        "USD",
    ),
    ("pt", "pagou 2,4 bilhões de dólares", "2,4 bilhões de dólares", 2.35e9, 2.45e9, "USD"),
    ("it", "circa 650 milioni di dollari", "circa 650 milioni di dollari", 585e6, 715e6, "USD"),
    ("it", "oltre 2,7 miliardi di dollari", "oltre 2,7 miliardi di dollari", 2.7e9, None, "USD"),
    ("ko", "143억 달러를 투자했다", "143억 달러", 14.25e9, 14.35e9, "USD"),
    ("ko", "290억 달러 이상으로 평가", "290억 달러 이상", 29e9, None, "USD"),
    # thousands inside a group of ten-thousands: (1 × 1,000 + 950) × 10,000
    ("ko", "보고 기준(1억1천950만 달러)을 넘는다", "1억1천950만 달러", 119.495e6, 119.505e6, "USD"),
    ("ko", "모두 3억8천만 달러를 냈다", "3억8천만 달러", 375e6, 385e6, "USD"),
    (
        "es",
        "Google desembolso 2700 millones de dolares",
        "2700 millones de dolares",
        2699.5e6,
        2700.5e6,
        "USD",
    ),
    ("ja", "約200億ドルで合意した", "約200億ドル", 18e9, 22e9, "USD"),
    ("ja", "9億ドル超を支払った", "9億ドル超", 900e6, None, "USD"),
    # 多 (or 여) between the unit and the currency: "more than"
    ("zh", "豪砸9億多美元延攬其執行長", "9億多美元", 900e6, None, "USD"),
    ("ko", "2억여 달러를 냈다", "2억여 달러", 200e6, None, "USD"),
    # a range of CJK sums: a bound and a wave dash before the sum, not "about" the sum
    ("ko", "올해 지출을 40억~45억 달러로 잡았다", "40억~45억 달러", 4e9, 4.5e9, "USD"),
    ("ja", "2~3億ドルを投じる", "2~3億ドル", 200e6, 300e6, "USD"),
    ("zh", "以超过9亿美元的价格", "超过9亿美元", 900e6, None, "USD"),
    # "高达" (a whopping) before the sum is no bound: the sum as stated
    ("zh", "将向Scale AI注入高达143亿美元的资金", "143亿美元", 14.25e9, 14.35e9, "USD"),
    # a German compound joined by hyphens
    (
        "de",
        "durch einen 2,4-Milliarden-Dollar-Deal von Alphabet",
        "2,4-Milliarden-Dollar",
        2.35e9,
        2.45e9,
        "USD",
    ),
    # "not less than" is at least, though "less than" alone is at most
    (
        "fr",
        "levant pas moins de 150 millions de dollars",
        "pas moins de 150 millions de dollars",
        150e6,
        None,
        "USD",
    ),
    ("hi", "कंपनी ने 14.3 अरब डॉलर का निवेश किया", "14.3 अरब डॉलर", 14.25e9, 14.35e9, "USD"),
    # "one million" worded with the article, and "more than" elided before a vowel
    ("fr", "a levé plus d'un million de dollars", "plus d'un million de dollars", 1e6, None, "USD"),
    ("es", "levantó un millón de dólares", "un millón de dólares", 0.5e6, 1.5e6, "USD"),
    # "well below the 20 million": a bound, its word quoted by the outlet
    (
        "fr",
        "payé un prix « bien inférieur » aux 20 millions de dollars annoncés",
        "inférieur » aux 20 millions de dollars",
        0,
        20e6,
        "USD",
    ),
    ("it", "ha raccolto un miliardo di dollari", "un miliardo di dollari", 0.5e9, 1.5e9, "USD"),
    ("pt", "captou um milhão de dólares", "um milhão de dólares", 0.5e6, 1.5e6, "USD"),
    # a range with the article before each bound: one range, not a sum of 6 million
    (
        "it",
        "un prezzo tra i 3 e i 6 milioni di dollari",
        "tra i 3 e i 6 milioni di dollari",
        3e6,
        6e6,
        "USD",
    ),
    (
        "es",
        "entre los 3 y los 6 millones de dólares",
        "entre los 3 y los 6 millones de dólares",
        3e6,
        6e6,
        "USD",
    ),
    # Australian papers write the dollar sign first: "$US40 million"
    ("en", "Harbor paid $US40 million for it", "$US40 million", 39.5e6, 40.5e6, "USD"),
    # Turkish joins a range's bounds with "ile": between two and two and a half million
    ("tr", "2 ile 2,5 milyon dolara satın aldı", "2 ile 2,5 milyon dolara", 2e6, 2.5e6, "USD"),
    # "several hundred million": two to nine hundred million, not one hundred
    (
        "en",
        "a sale worth several hundred million dollars",
        "several hundred million dollars",
        2e8,
        9e8,
        "USD",
    ),
    # Romanian, which no lexicon reads, in its own words
    (
        "ro",
        "un contract de 3,6 miliarde de dolari",
        "3,6 miliarde de dolari",
        3.55e9,
        3.65e9,
        "USD",
    ),
]


@pytest.mark.parametrize(("language", "text", "stated", "low", "high", "currency"), MONEY_CASES)
def test_money_in_every_language(language, text, stated, low, high, currency):
    [fig] = money_figures(text, language)
    assert fig.stated == stated
    assert text[fig.start : fig.end] == stated
    assert fig.currency == currency
    assert fig.low == pytest.approx(low)
    assert (fig.high is None and high is None) or fig.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("language", "text", "stated"),
    [
        ("ko", "그 회사는 5억달러(약 7000억원) 이상을 받았다", "5억달러(약 7000억원) 이상"),
        ("ja", "同社は5億ドル（約750億円）以上を支払った", "5億ドル（約750億円）以上"),
        (
            "en",
            "it paid $500 million (£390 million) or more for it",
            "$500 million (£390 million) or more",
        ),
    ],
)
def test_a_qualifier_after_a_conversion_in_brackets_is_the_sums(language, text, stated):
    """The conversion stands between the sum and its "or more": the sum is at least $500 million."""
    first = money_figures(text, language)[0]
    assert (first.stated, first.currency, first.qualifier) == (stated, "USD", "at_least")
    assert first.low == pytest.approx(5e8) and first.high is None


def test_a_change_of_value_is_two_figures_not_a_range():
    found = money_figures("its value rose from $7 billion to roughly $20 billion")
    assert [(f.low, f.high) for f in found] == [
        (pytest.approx(6.5e9), pytest.approx(7.5e9)),
        (pytest.approx(18e9), pytest.approx(22e9)),
    ]


def test_a_conversion_in_won_is_read_with_its_currency():
    found = money_figures("143억 달러(약 19조6천억원)를 투자", "ko")
    assert [f.currency for f in found] == ["USD", "KRW"]
    assert found[1].value == pytest.approx(19.6e12)


PERCENT_CASES = [
    ("en", "a 49% stake", "49%", 48.5, 49.5, False),
    # a share of the staff joined by the particle of, a particle after the staff word
    ("ko", "연구 인력의 60%의 인력을 영입했다", "60%", 59.5, 60.5, True),
    ("zh", "並聘用了該公司 30% 的員工", "30%", 29.5, 30.5, True),
    ("ja", "30%の従業員が移籍した", "30%", 29.5, 30.5, True),
    (
        "nl",
        "ook ongeveer een kwart van het personeel gaat mee",
        "ongeveer een kwart",
        22.5,
        27.5,
        True,
    ),
    ("nl", "een belang van 49 procent", "49 procent", 48.5, 49.5, False),
    ("en", "the buyer hired half its staff", "half", 49.5, 50.5, True),
    ("id", "bersama dengan “sekitar seperempat” karyawan", "sekitar seperempat", 22.5, 27.5, True),
    ("en", "49 per cent of the shares", "49 per cent", 48.5, 49.5, False),
    # no space between a Japanese word and the number, nor between the sign and its particle
    ("ja", "Scale AIの株式の49%を取得した", "49%", 48.5, 49.5, False),
    # in Korean the staff come before the fraction, and a particle clings to it
    ("ko", "고용된 직원은 전체 직원의 4분의 1에 달한다", "4분의 1", 24.5, 25.5, True),
    ("en", "bought nearly half of the company", "nearly half", 45.0, 50.0, False),
    (
        "en",
        "Roughly a quarter of the firm's current staff moved",
        "Roughly a quarter",
        22.5,
        27.5,
        True,
    ),
    (
        "en",
        "close to 90 percent of the company’s employees",
        "close to 90 percent",
        81.0,
        90.0,
        True,
    ),
    ("en", "90 percent of staff moves over", "90 percent", 89.5, 90.5, True),
    ("en", "a minority stake in the lab", "a minority stake", 0.0, 50.0, False),
    # the adjective after its noun
    (
        "es",
        "tomó una participación minoritaria en Lumeo",
        "una participación minoritaria",
        0.0,
        50.0,
        False,
    ),
    (
        "fr",
        "prend une participation majoritaire dans Lumeo",
        "une participation majoritaire",
        50.0,
        100.0,
        False,
    ),
    ("en", "a majority stake in it", "a majority stake", 50.0, 100.0, False),
    ("en", "between 20-30% of it", "20-30%", 20.0, 30.0, False),
    ("de", "einen Anteil von 49 Prozent", "49 Prozent", 48.5, 49.5, False),
    ("fr", "un quart des effectifs de la start-up", "un quart", 24.5, 25.5, True),
    ("es", "el 49 por ciento de la empresa", "49 por ciento", 48.5, 49.5, False),
    # "the majority of" the staff: more than half of them, a share of staff
    (
        "en",
        "the deal will include the majority of Lumeo’s employees",
        "majority",
        50.0,
        100.0,
        True,
    ),
    # an article between the qualifier and the number: still "about"
    (
        "es",
        "junto con aproximadamente el 20% de los empleados",
        "aproximadamente el 20%",
        18.0,
        22.0,
        True,
    ),
    ("hi", "49 फीसदी हिस्सेदारी", "49 फीसदी", 48.5, 49.5, False),
    # a quotation closed between the fraction and the staff it is a share of
    (
        "fr",
        "ainsi qu'« environ un tiers » des employés de la jeune pousse",
        "environ un tiers",
        29.997,
        36.663,
        True,
    ),
    # the staff first, a qualifier, then the fraction: about a third of the staff
    ("ko", "창업자들은 직원 약 3분의 1과 함께 옮긴다", "약 3분의 1", 29.997, 36.663, True),
    # a fraction in digits before the staff it is a share of ("more than 1/5 of the workforce")
    ("vi", "thuê nhà sáng lập và hơn 1/5 lực lượng lao động", "hơn 1/5", 20.0, None, True),
    ("en", "about 2/3 of its staff will move", "about 2/3", 60.003, 73.337, True),
]


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "the deal closed on 1/5 and was announced 3/4"), ("vi", "ngày 1/5 công ty công bố")],
)
def test_a_fraction_in_digits_before_no_staff_is_no_figure(language, text):
    """ "on 1/5", "ngày 1/5": a date, no share of anything."""
    assert percent_figures(text, language) == []


@pytest.mark.parametrize(("language", "text", "stated", "low", "high", "of_staff"), PERCENT_CASES)
def test_percentages_and_shares(language, text, stated, low, high, of_staff):
    [fig] = percent_figures(text, language)
    assert fig.stated == stated
    assert (fig.low, fig.high) == (pytest.approx(low), pytest.approx(high))
    assert fig.of_staff is of_staff


COUNT_CASES = [
    ("en", "most of the firm’s 70 employees", "70 employees", 70, 70),
    ("en", "together with a dozen engineers and researchers", "a dozen engineers", 12, 12),
    ("en", "with about a half-dozen staff in its office", "about a half-dozen staff", 5.4, 6.6),
    ("en", "half a dozen engineers will move over", "half a dozen engineers", 6, 6),
    ("en", "more than 20 researchers from the lab", "more than 20 researchers", 20, None),
    ("en", "The approximately ten employees of the company", "approximately ten employees", 9, 11),
    ("en", "around 40 departing employees", "around 40 departing employees", 36, 44),
    ("en", "1,500 people work there", "1,500 people", 1500, 1500),
    ("de", "Einige der 1500 Acme-Beschäftigten wechseln", "1500 Acme-Beschäftigten", 1500, 1500),
    ("ko", "직원 1500명이 합류", "직원 1500명", 1500, 1500),
    # 여 / 余 / 多 between the number and the counter: "some 40-odd", read as 40 and more
    ("ko", "연구원 40여명이 회사를 옮겼다", "연구원 40여명", 40, None),
    ("vi", "khoảng 60 kỹ sư sẽ chuyển sang công ty", "khoảng 60 kỹ sư", 54, 66),
    ("ja", "社員40余名が移籍した", "社員40余名", 40, None),
    # a number word before "-person", "-member": the size of a team or company
    ("en", "bought a three-person design startup", "three-person design startup", 3, 3),
    ("en", "its thirty-two-member team", "thirty-two-member team", 32, 32),
    ("en", "most of its 80-employee team", "80-employee team", 80, 80),
    # the number after the staff: "its staff of about 11"
    ("en", "bonuses for its staff of about 11, including both founders", "about 11", 9.9, 12.1),
    ("en", "a workforce of 1,200.", "1,200", 1200, 1200),
    ("en", "The team of nine, once based in Oslo", "nine", 9, 9),
    # and "person" without its hyphen, right before the noun
    ("en", "it hired the nine person team behind the app", "nine person team", 9, 9),
    # the number first, then the counter and the people: "about 90 of its staff"
    ("ko", "회사에는 약 90명의 직원이 있다", "약 90명의 직원", 81, 99),
    ("ja", "約90人の従業員を抱える", "約90人の従業員", 81, 99),
    ("zh", "公司拥有90名员工", "90名员工", 90, 90),
    # a team of that many: "70余人的团队", a team of 70-odd people
    ("zh", "该公司70余人的团队被收购", "70余人的团队", 70, None),
    # "about" between the people and the number: about seven engineers, about 30 staff
    ("ja", "シニアエンジニア約7名が移籍", "エンジニア約7名", 6.3, 7.7),
    ("ko", "직원 약 30명이 합류한다", "직원 약 30명", 27, 33),
    # "the number of staff is not even 12": fewer than 12
    ("ko", "그 회사의 전체 직원 수는 12명이 안 된다", "직원 수는 12명이 안 된", 0, 12),
    # the worded "about ten, about twenty" of the Romance languages, joined to the people by "of"
    ("fr", "la trentaine d'ingénieurs de la start-up arrive", "la trentaine d'ingénieurs", 27, 33),
    ("fr", "une quinzaine de chercheurs", "une quinzaine de chercheurs", 13.5, 16.5),
    ("fr", "une douzaine de salariés partent", "une douzaine de salariés", 12, 12),
    ("it", "una ventina di ingegneri", "una ventina di ingegneri", 18, 22),
    ("es", "una decena de investigadores", "una decena de investigadores", 9, 11),
    ("pt", "uma vintena de engenheiros", "uma vintena de engenheiros", 18, 22),
    # "N of <company>'s people": that many of a company named
    ("en", "In all, 12 of Pebble Works’ engineers move", "12 of Pebble Works’ engineers", 12, 12),
    ("en", "only four of Quillbyte's employees joined", "four of Quillbyte's employees", 4, 4),
    ("en", "Three of our engineers joined Harbor", "Three of our engineers", 3, 3),
    # the part of a whole counted: that many of them, not the whole
    (
        "en",
        "Five out of the seven Quillbyte staffers move",
        "Five out of the seven Quillbyte staffers",
        5,
        5,
    ),
    ("fr", "sept des neuf employés de Quillbyte", "sept des neuf employés", 7, 7),
    # the kind of work between the number and the people
    ("en", "it brings on the 19 mobile software engineers", "19 mobile software engineers", 19, 19),
    # "a two-man operation": a team counted like a "two-person" one
    ("en", "The two-man operation at Quillbyte will join Harbor", "two-man operation", 2, 2),
    # a range with its bounds in words, in English and French
    ("en", "between four and nine engineers move", "four and nine engineers", 4, 9),
    ("fr", "entre quatre et neuf ingénieurs partent", "quatre et neuf ingénieurs", 4, 9),
]


def test_a_korean_count_marked_as_a_topic_is_not_of_the_noun_after_it():
    # "공동창업자 3명은 직원 …": three co-founders (은 marks them); 직원 belongs to what follows
    assert count_figures("공동창업자 3명은 직원 약 4분의 1과 함께 합류합니다", "ko") == []


@pytest.mark.parametrize(("language", "text", "stated", "low", "high"), COUNT_CASES)
def test_counts_of_people(language, text, stated, low, high):
    fig, *wholes = count_figures(text, language)
    assert all(fig.start < w.start and w.end == fig.end for w in wholes)  # "out of the seven …"
    assert fig.stated == stated
    assert fig.low == pytest.approx(low)
    assert (fig.high is None and high is None) or fig.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("language", "text", "whole", "value"),
    [
        ("en", "Five out of the seven Quillbyte staffers move", "the seven Quillbyte staffers", 7),
        ("fr", "sept des neuf employés de Quillbyte", "neuf employés", 9),
        ("es", "siete de los nueve empleados de Quillbyte", "los nueve empleados", 9),
    ],
)
def test_the_whole_a_part_is_counted_out_of_is_a_count_too(language, text, whole, value):
    part, *rest = count_figures(text, language)
    assert [(f.stated, f.low, f.high) for f in rest] == [(whole, value, value)]
    assert part.low < value


def test_a_year_is_not_a_count():
    assert count_figures("In 2016 many people left.") == []


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("en", "Jane Roe, 28, joined in June.", 28),
        ("en", "the 31-year-old founder", 31),
        ("en", "she is 40 years old", 40),
        ("de", "den 28-jährigen Gründer", 28),
        ("es", "un ingeniero de 48 años", 48),
        ("fr", "le fondateur, 33 ans, part", 33),
        ("ko", "28세 창업자", 28),
        ("ja", "28歳の創業者", 28),
        ("hi", "28 वर्षीय संस्थापक", 28),
        ("ru", "31-летний основатель стартапа", 31),
        ("ru", "о 31-летнем основателе", 31),
        # Polish "a 19-year-old" as a noun, in the instrumental after "is"
        ("pl", "Dziś ten programista jest 19-latkiem", 19),
        # Arabic writes the tanween on either side of the alif of "years"
        ("ar", "مهندس البرمجيات البالغ من العمر 48 عامًا", 48),
        ("ar", "المؤسس البالغ من العمر 31 عاماً", 31),
    ],
)
def test_ages(language, text, value):
    [fig] = age_figures(text, language)
    assert fig.low == value == fig.high


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "elle a dirigé le laboratoire pendant plus de 20 ans avant de partir"),
        ("fr", "il a fondé la société il y a 12 ans"),
        ("es", "trabajó durante 15 años en la empresa"),
        ("pt", "ele trabalhou por mais de 20 anos no grupo"),
        ("it", "guida il gruppo da 20 anni"),
        ("ru", "он работал в компании в течение 20 лет"),
        ("nl", "het bedrijf bestaat al 25 jaar"),
        # a time to come, counted in years
        ("pt", "ele espera ser lembrado “daqui a 50 anos” como pesquisador"),
        ("es", "quiere que lo recuerden dentro de 30 años"),
        ("fr", "on en reparlera dans 40 ans"),
        ("it", "se ne parlerà fra 30 anni"),
    ],
)
def test_a_span_of_years_is_no_age(language, text):
    assert age_figures(text, language) == []


def test_money_wins_over_a_count_inside_it():
    kinds = [f.kind for f in figures_in("It paid $1 billion to 30 engineers.")]
    assert kinds == ["money", "count"]


@pytest.mark.parametrize(
    ("raw", "mark", "value", "decimals"),
    [
        ("1,500", ".", 1500.0, 0),
        ("2.700", ",", 2700.0, 0),
        ("14,3", ".", 14.3, 1),
        ("14,3", ",", 14.3, 1),
        ("1,43,000", ".", 143000.0, 0),
        ("5 000", ",", 5000.0, 0),
        ("1.234,5", ",", 1234.5, 1),
        # three digits ending in two zeros group thousands whatever the mark: "2,400 millones"
        ("2,400", ",", 2400.0, 0),
        ("3.000", ".", 3000.0, 0),
        # ... but not other digits after the language's own mark, nor after a zero
        ("2,125", ",", 2.125, 3),
        ("0,500", ",", 0.5, 3),
    ],
)
def test_numbers_by_their_separators(raw, mark, value, decimals):
    assert parse_number(raw, mark) == (pytest.approx(value), decimals)


def test_east_asian_units():
    assert cjk_number("143억") == (pytest.approx(14.3e9), pytest.approx(1e8))
    assert cjk_number("7億5,000万")[0] == pytest.approx(7.5e8)
    assert cjk_number("19조6천억")[0] == pytest.approx(19.6e12)
    assert cjk_number("5천546억") == (pytest.approx(554.6e9), pytest.approx(1e8))
    assert cjk_number("1억1천950만") == (pytest.approx(119.5e6), pytest.approx(1e4))


def test_interval_rules():
    assert interval(100.0, 0.5, None) == (99.5, 100.5)
    assert interval(100.0, 0.5, "at_least") == (100.0, None)
    assert interval(100.0, 0.5, "at_most") == (0.0, 100.0)
    assert interval(100.0, 0.5, "about") == (pytest.approx(90.0), pytest.approx(110.0))
    assert interval(100.0, 0.5, "nearly") == (pytest.approx(90.0), 100.0)


def test_no_money_in_plain_numbers():
    assert money_figures("In 2024 the 3 founders met 12 times.") == []


@given(
    value=st.floats(min_value=1e6, max_value=9e11, allow_nan=False),
    decimals=st.integers(min_value=0, max_value=2),
    scale=st.sampled_from(["million", "billion"]),
)
def test_money_round_trip(value, decimals, scale):
    text = f"It agreed to pay {format_money(value, decimals=decimals, scale=scale)} for the team."
    [fig] = money_figures(text)
    divisor = 1e6 if scale == "million" else 1e9
    written = round(value / divisor, decimals) * divisor
    assert fig.low <= written <= fig.high


def test_a_range_said_to_be_about_widens_at_both_ends():
    """ "In the region of $30-40m": about the low end and about the high end, by the rule of one
    sum said to be about; a bare range keeps its written bounds."""
    [about] = money_figures("Analysts put the price somewhere in the region of $60-80m.")
    assert about.stated == "in the region of $60-80m"
    assert (about.low, about.high) == (pytest.approx(54e6), pytest.approx(88e6))
    [bare] = money_figures("Analysts put the price at $60-80m.")
    assert (bare.low, bare.high) == (pytest.approx(60e6), pytest.approx(80e6))


def test_a_conversion_in_brackets_is_qualified_as_the_sum_it_converts():
    """ "Nearly £2 billion ($2.5 billion)": the dollars are nearly $2.5 billion too; a conversion
    that says its own qualifier keeps it."""
    first, converted = money_figures("a payout of nearly £2 billion ($2.5 billion) to its staff")
    assert (converted.currency, converted.qualifier) == ("USD", "nearly")
    assert (converted.low, converted.high) == (pytest.approx(2.25e9), pytest.approx(2.5e9))
    _, own = money_figures("a payout of £2 billion (about $2.5 billion) to its staff")
    assert own.qualifier == "about"
    _, plain = money_figures("a payout of £2 billion ($2.5 billion) to its staff")
    assert plain.qualifier is None


def test_a_dollar_sign_before_a_number_with_an_east_asian_unit_after_it():
    """ "US$2.5億" (Japanese): 250 million dollars, not US$2.5; the yen in brackets a sum of its
    own; a CJK number with no currency at all no sum."""
    dollars, yen = money_figures("US$2.5億(約280億円)でQuillbyte社を買収した", "ja")
    assert (dollars.stated, dollars.currency) == ("US$2.5億", "USD")
    assert (dollars.low, dollars.high) == (pytest.approx(245e6), pytest.approx(255e6))
    assert yen.currency == "JPY"
    assert money_figures("利用者は3億人を超えた", "ja") == []


def test_a_polish_headline_without_its_diacritics_still_names_dollars():
    """A headline rebuilt from an address drops Polish letters: "dolarow" is "dolarów"."""
    [fig] = money_figures("Harbor kupilo za 40 mln dolarow firme Lumeo", "pl")
    assert (fig.currency, fig.low, fig.high) == (
        "USD",
        pytest.approx(39.5e6),
        pytest.approx(40.5e6),
    )


def test_research_members_counted_in_chinese_are_people():
    """ "约30名研究成员" (about thirty research members): people, counted about."""
    [count] = count_figures("并吸纳了包括两位联合创始人在内的约30名研究成员。", "zh")
    assert count.stated == "约30名研究成员"
    assert (count.low, count.high) == (27, 33)
