"""Wire-agency money and percentages on made-up 1980s "Reuter" style copy: unit, scaled value, no abbreviation nouns.

    .venv/bin/python bench/wire_numbers.py [--verbose] [--as-filed]

Every sentence below was written for this script (none comes from a corpus or
a dev set); each names the amounts it holds as (value, unit). It prints the
share of those amounts found with the right unit and scaled value, and the
share of all number rows whose counted noun is still a currency, scale or
percent abbreviation (``mln dlrs`` as a noun is the failure issue #13 names).
The targets there: >= 95 % right, <= 1 % abbreviation nouns.

``CASES`` were written first and the rules fixed where they failed (57/60 on
their first run: exchange quotes in marks, ``Norwegian crowns``);
``HELD_OUT`` was written after the last rule change and scored as it stood
(20/20 on its first run), so it is the figure for copy nobody tuned on.
``BY_CLASS`` (fourth round) was written per class of the issue before a rule
of that round was changed: 14/17 on its first run (``EUR 45m.`` at a
sentence's end read as 45; ``31.50 francs a share`` after ``French francs``
read as Swiss francs; both fixed since, 17/17; one expectation of the
script's own was wrong, a vague ``hundreds of millions`` is a range).
``ROUND_NINE`` (ninth number round) was written after that round's fixes for
results tables, bid/offer quotes, split ratios and a named dollar's cents,
and scored once: 26/28 (``52.7 billion riyals`` after ``Saudi Arabia's``
stayed the generic riyal: the tagger's entity kept the possessive; and
``pesetas``, a currency no longer in use, was a counted noun). Both were
fixed as classes (a place name's possessive; CLDR's past currencies and a
country's currency of a shared word), and a ``CASES`` expectation of the
old design changed with them: ``France's ... 1.2 billion francs`` is the
French franc, not the Swiss.
``NOT_AMOUNTS`` lists figures no row may read (``1986/87``, ``24/7``, a split ratio).

``--as-filed`` scores the same copy as agency files carry it and the nightly
run reads it: four sentences to a story, each an indented paragraph
hard-wrapped at 64 columns, through ``normalise`` first. Before normalise
joined wrapped lines (ninth round), a wrap between a figure and its unit cut
the amount in two: 52/60, 15/20, 15/17 and 26/28 (108/125); after it, and
with a scale letter's full stop read before a new sentence (``EUR 45m. Net``),
125/125.
None of the lists is asserted: the unit tests hold their own examples.
"""
from __future__ import annotations

import argparse
import math
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tasks.nlp import load_model  # noqa: E402
from tasks.normalise import normalise  # noqa: E402
from tasks.records import Article, RawRecord  # noqa: E402
from tasks.numbers import currencies, extract_numbers  # noqa: E402
from tasks.numbers.lexicon import SCALE_ABBREV, WIRE_NOUNS  # noqa: E402

#: (sentence, [(value, unit), ...]): the money and percentage amounts each holds.
CASES: list[tuple[str, list[tuple[float, str]]]] = [
    ("Calloway Mining Corp said first quarter net profit rose to 12.4 mln dlrs from 9.8 mln dlrs.",
     [(12.4e6, "dollar"), (9.8e6, "dollar")]),
    ("The company said revenues fell 4.2 pct to 310 mln dlrs.", [(4.2, "percentage"), (310e6, "dollar")]),
    ("Shr profit 45 cts vs 38 cts.", [(45, "cent"), (38, "cent")]),
    ("Oper shr loss 12 cts vs profit 1.05 dlrs.", [(12, "cent"), (1.05, "dollar")]),
    ("The Treasury will sell 9.75 billion dlrs of two-year notes on Wednesday.", [(9.75e9, "dollar")]),
    ("Britain's visible trade deficit narrowed to 780 mln stg in May from 1.1 billion stg in April.",
     [(780e6, "pound sterling"), (1.1e9, "pound sterling")]),
    ("The Bank of England provided 415 mln stg assistance in the morning session.", [(415e6, "pound sterling")]),
    ("West German producer prices rose 0.2 pct in June after falling 0.4 pct in May.",
     [(0.2, "percentage"), (0.4, "percentage")]),
    ("Japan's money supply grew 8.9 pct in the year to June.", [(8.9, "percentage")]),
    ("The ministry said the 1986/87 budget deficit was 14.3 billion rand.", [(14.3e9, "south african rand")]),
    ("Farmers will receive 2.40 dlrs per bushel for corn under the program.", [(2.40, "dollar per bushel")]),
    ("Dalkeith Bancorp raised its quarterly dividend to 22 cts a share from 20 cts.",
     [(22, "cent per share"), (20, "cent")]),
    ("Toyota said it would invest 80 billion yen in the plant.", [(80e9, "japanese yen")]),
    ("The dollar closed at 1.8140 marks, up from 1.8025 marks on Monday.",
     [(1.8140, "german mark"), (1.8025, "german mark")]),
    ("France's trade surplus was 1.2 billion francs in May.", [(1.2e9, "french franc")]),
    ("Imperial Oil posted a loss of 45 mln Canadian dlrs, or 28 Canadian cts a share.",
     [(45e6, "canadian dollar")]),
    ("Hong Kong's exports rose 18 pct to 21.4 billion H.K. dlrs in the first quarter.",
     [(18, "percentage"), (21.4e9, "hong kong dollar")]),
    ("The government will borrow 1.5 billion Australian dlrs on overseas markets.", [(1.5e9, "australian dollar")]),
    ("Coffee prices fell 4.5 cents to 1.12 dlrs a lb.", [(4.5, "cent"), (1.12, "dollar per pound-mass")]),
    ("Brennan Steel said it will cut output by 15 pct and shed 1,200 jobs.", [(15, "percentage")]),
    ("The central bank cut its discount rate by half a point to 3.0 pct.", [(3.0, "percentage")]),
    ("Net income for the year was 1.38 billion dlrs, or 3.12 dlrs per share.",
     [(1.38e9, "dollar"), (3.12, "dollar per share")]),
    ("The loan of 250 mln Swiss francs carries a coupon of 4-3/4 pct.",
     [(250e6, "swiss franc"), (4.75, "percentage")]),
    ("Italy's state sector borrowing requirement reached 9,400 billion lire.", [(9.4e12, "italian lira")]),
    ("Norsk Hydro will pay 3.1 billion Norwegian crowns for the stake.", [(3.1e9, "norwegian krone")]),
    ("The unit was sold for 640 mln dlrs in cash and stock.", [(640e6, "dollar")]),
    ("Saudi Arabia's reserves fell 2.3 pct to 21.6 billion riyals.", [(2.3, "percentage")]),
    ("Gold closed at 446.50 dlrs an ounce in Zurich, up from 444.75.",
     [(446.50, "dollar per ounce"), (444.75, "dollar per ounce")]),
    ("The company expects 1987 sales of about 2.2 billion dlrs, up 10 pct.", [(2.2e9, "dollar"), (10, "percentage")]),
    ("Consumer credit rose 1.1 billion dlrs in April, the Fed said.", [(1.1e9, "dollar")]),
    ("Mid-America Airlines said traffic rose 6.7 pct to 412.3 mln revenue passenger miles.", [(6.7, "percentage")]),
    ("The Bundesbank allotted 6.1 billion marks at a rate of 3.80 pct.",
     [(6.1e9, "german mark"), (3.80, "percentage")]),
    ("The offer of 38 dlrs a share values Kestrel at about 1.9 billion dlrs.",
     [(38, "dollar per share"), (1.9e9, "dollar")]),
    ("Exports of wheat are forecast at 27.5 mln tonnes, worth 3.4 billion dlrs.", [(3.4e9, "dollar")]),
    ("Nine mths net profit 18.6 mln dlrs vs 14.2 mln.", [(18.6e6, "dollar"), (14.2e6, "dollar")]),
    ("The yen's rise cut earnings by 12 billion yen, or 8 pct.", [(12e9, "japanese yen"), (8, "percentage")]),
    ("The fund bought 500 mln dlrs worth of bonds.", [(500e6, "dollar")]),
    ("Prime rates at major banks stand at 7-1/2 pct.", [(7.5, "percentage")]),
    ("Sterling fell to 1.6020 dlrs from 1.6110 dlrs.", [(1.6020, "dollar"), (1.6110, "dollar")]),
    ("The group made a pre-tax profit of 98.7 mln stg in 1986, up 21 pct.",
     [(98.7e6, "pound sterling"), (21, "percentage")]),
]

#: Written after the rules were last changed and run once as they stand: the figure for copy nobody tuned on.
HELD_OUT: list[tuple[str, list[tuple[float, str]]]] = [
    ("Ashford Industries said fourth quarter earnings fell to 6.3 mln dlrs, or 41 cts a share, from 8.1 mln dlrs.",
     [(6.3e6, "dollar"), (41, "cent per share"), (8.1e6, "dollar")]),
    ("U.K. bank lending rose 2.9 billion stg in March, the Bank of England said.", [(2.9e9, "pound sterling")]),
    ("The Dutch central bank raised its special advances rate to 5.6 pct from 5.3 pct.",
     [(5.6, "percentage"), (5.3, "percentage")]),
    ("Australia's current account deficit widened to 1.47 billion dlrs in February.", [(1.47e9, "dollar")]),
    ("Sumitomo plans to raise 50 billion yen through a share issue.", [(50e9, "japanese yen")]),
    ("Revs 412.5 mln vs 388.2 mln dlrs.", [(388.2e6, "dollar")]),
    ("Tin traded at 17.20 ringgit per kilo in Kuala Lumpur.", [(17.20, "malaysian ringgit per kilogram")]),
    ("The Swedish firm sold its stake for 1.2 billion Swedish crowns.", [(1.2e9, "swedish krona")]),
    ("Belgium's budget shortfall was 420 billion Belgian francs last year.", [(420e9, "belgian franc")]),
    ("Soybean oil rose 0.15 cent to 15.82 cents a lb.", [(15.82, "cent per pound-mass")]),
    ("Exxon raised its posted price for West Texas Intermediate by one dlr to 18 dlrs a barrel.",
     [(1, "dollar"), (18, "dollar per barrel")]),
    ("The bank's net interest margin slipped to 3.9 pct.", [(3.9, "percentage")]),
    ("Inflation in Brazil ran at 20 pct a month in May.", [(20, "percentage per month")]),
    ("The World Bank approved a 300 mln dlr loan to Mexico.", [(300e6, "dollar")]),
    ("The company will redeem 75 mln dlrs of 12-1/4 pct debentures.", [(75e6, "dollar"), (12.25, "percentage")]),
]

#: Written in the fourth round, one or two per class issue #13 names (ISO codes glued or spaced, capital B,
#: mn/bn, British per cent, vague plural scales, per-units), and scored once as the rules stood.
BY_CLASS: list[tuple[str, list[tuple[float | tuple[float, float], str]]]] = [
    ("Zurlinden Holding raised CHF2.5bn in a rights issue.", [(2.5e9, "swiss franc")]),
    ("The Stockholm group booked SEK 40m of restructuring costs and NOK 1.1bn of sales.",
     [(40e6, "swedish krona"), (1.1e9, "norwegian krone")]),
    ("Broadline Media reported revenue of $4.5B, against $3.9bn a year earlier.", [(4.5e9, "dollar"), (3.9e9, "dollar")]),
    ("The utility will spend 3.4 mn euros on meters and 1.2 bn euros on cables.", [(3.4e6, "euro"), (1.2e9, "euro")]),
    ("Prices rose 2.4pc in the year, while wages grew 3 per cent.", [(2.4, "percentage"), (3, "percentage")]),
    ("The scheme will cost hundreds of millions of pounds.", [((1e8, 1e9), "pound sterling")]),
    ("The mine produced 4.1 mln ounces of gold at 310 dlrs per ounce.", [(310, "dollar per ounce")]),
    ("Kelmscott Foods will pay a dividend of 14 cts per share, up from 12 cts.",
     [(14, "cent per share"), (12, "cent")]),
    ("The Danish company lost DKK 300m and its Finnish unit EUR 45m.", [(300e6, "danish krone"), (45e6, "euro")]),
    ("Net profit was 820 mln French francs, or 31.50 francs a share.",
     [(820e6, "french franc"), (31.50, "french franc per share")]),
]

#: Written in the ninth round after its wire fixes (results tables, bid/offer quotes, split ratios, a named
#: dollar's cents), none of them tried before it was scored once: results tables as agencies file them,
#: commodity prices, foreign currencies, exchange quotes.
ROUND_NINE: list[tuple[str, list[tuple[float | tuple[float, float], str]]]] = [
    ("Norvale Petroleum said 1986 net profit fell to 38.6 mln dlrs, or 1.14 dlrs a share, from 52.3 mln dlrs.",
     [(38.6e6, "dollar"), (1.14, "dollar per share"), (52.3e6, "dollar")]),
    ("Pellham Stores Inc 1st qtr\nShr 52 cts vs 47 cts\nNet 6,120,000 vs 5,480,000\nRevs 211.4 mln vs 190.7 mln\n"
     "Note: 1986 net includes gain of 1.3 mln dlrs, or 11 cts a share.",
     [(52, "cent"), (47, "cent"), (1.3e6, "dollar"), (11, "cent per share")]),
    ("The Bank of Japan bought about 1.5 billion dlrs in Tokyo on Tuesday to stem the yen's rise, dealers said.",
     [(1.5e9, "dollar")]),
    ("Wheat for May delivery rose 2-1/4 cents to 2.87 dlrs a bushel.", [(2.25, "cent"), (2.87, "dollar per bushel")]),
    ("Italy's inflation rate eased to 4.2 pct in February from 4.5 pct in January.",
     [(4.2, "percentage"), (4.5, "percentage")]),
    ("Gold closed at 405.50 dlrs an ounce in Zurich, up from 401.25 dlrs.",
     [(405.5, "dollar per ounce"), (401.25, "dollar")]),
    ("Saudi Arabia's budget deficit for 1987 is projected at 52.7 billion riyals.", [(52.7e9, "saudi riyal")]),
    ("The group posted a pre-tax loss of 14.2 mln stg against a profit of 3.1 mln stg a year earlier.",
     [(14.2e6, "pound sterling"), (3.1e6, "pound sterling")]),
    ("Mexico will pay 7.5 pct interest on the 3.5 billion dlr loan.", [(7.5, "percentage"), (3.5e9, "dollar")]),
    ("Hong Kong's exports rose 28 pct to 19.3 billion H.K. dlrs in March.",
     [(28, "percentage"), (19.3e9, "hong kong dollar")]),
    ("Spain's trade deficit widened to 98.4 billion pesetas in April.", [(98.4e9, "spanish peseta")]),
    ("The central bank lent 450 billion lire to commercial banks at 11.5 pct.",
     [(450e9, "italian lira"), (11.5, "percentage")]),
    ("The dollar closed at 1.8315/25 marks, against 1.8190/00 on Monday.",
     [((1.8315, 1.8325), "german mark"), ((1.819, 1.82), "german mark")]),
    ("Dividend 18 Canadian cts a share vs 15 Canadian cts.", [(18, "cent per share"), (15, "cent")]),
]

#: Figures that are not amounts (fiscal and season years, a round-the-clock pair): no row may read them as one.
NOT_AMOUNTS: list[tuple[str, str]] = [
    ("The 1986/87 budget deficit was 14.3 billion rand.", "1986/87"),
    ("Wheat exports in the 1987/88 season are put at 27 mln tonnes.", "1987/88"),
    ("The club's 2019-20 season ended early.", "2019-20"),
    ("The hotline is staffed 24/7 by 40 volunteers.", "24/7"),
    ("Analysts called the merger vote a 50/50 proposition.", "50/50"),
    ("Holders approved a three-for-two stock split.", "three-for-two"),
]


def _not_amounts(nlp, verbose: bool) -> None:
    bad = 0
    for (text, surface), doc in zip(NOT_AMOUNTS, nlp.pipe(t for t, _ in NOT_AMOUNTS)):
        start = text.index(surface)
        hit = [r for r in extract_numbers(doc) if r["start"] < start + len(surface) and r["end"] > start]
        bad += bool(hit)
        if hit and verbose:
            print(f"  read {surface!r} as {[(r['value'], r['kind']) for r in hit]} in {text!r}")
    print(f"== not amounts: {len(NOT_AMOUNTS) - bad}/{len(NOT_AMOUNTS)} left alone (season years, 24/7, 50/50, a split ratio)")


#: Lower-case words that must never be a counted noun: the wire's own abbreviations and scale letters.
ABBREVIATIONS = frozenset(WIRE_NOUNS) | frozenset(SCALE_ABBREV) | {"pc", "p.c.", "shr", "shrs", "ct", "cts", "stg", "dlr"}


def _is_abbreviation(noun: str | None) -> bool:
    return noun is not None and any(w in ABBREVIATIONS or currencies.currency_code(w.upper()) and len(w) == 3
                                    for w in noun.split())


def as_filed(cases: list[tuple[str, list]], per_story: int = 4) -> list[tuple[str, list]]:
    """The sentences as agency files carry them, through the product's normalise step: ``per_story`` to a
    story, each an indented paragraph wrapped at 64 columns (``textwrap``, which knows nothing of our
    rules), and each story's amounts the wanted ones. A story normalise rejects keeps its amounts, missed."""
    stories = []
    for k in range(0, len(cases), per_story):
        group = cases[k:k + per_story]
        filed = "".join(textwrap.fill(text, width=64, initial_indent="    ", break_on_hyphens=False) + "\n"
                        for text, _ in group)
        art = normalise(RawRecord("wire.txt", "wire.txt", "txt", filed.encode("utf-8")))
        stories.append((art.text if isinstance(art, Article) else "", [w for _, want in group for w in want]))
    return stories


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--verbose", action="store_true", help="list the amounts missed and the abbreviation nouns")
    ap.add_argument("--as-filed", action="store_true",
                    help="score the copy as agency files carry it: hard-wrapped and indented, through normalise")
    a = ap.parse_args()
    nlp = load_model()
    for name, cases in (("made-up sentences the rules were fixed against", CASES),
                        ("held-out made-up sentences", HELD_OUT),
                        ("made-up sentences by class, fourth round", BY_CLASS),
                        ("made-up sentences, ninth round", ROUND_NINE)):
        name = f"{len(cases)} {name}"
        if a.as_filed:
            cases, name = as_filed(cases), name + ", as filed (four to a story, wrapped at 64 columns, normalised)"
        _score(nlp, name, cases, a.verbose)
    _not_amounts(nlp, a.verbose)


def _same(row: dict, value: float | tuple[float, float]) -> bool:
    """One amount, or a range given as (lower, upper): ``hundreds of millions`` is 1e8 to 1e9."""
    if isinstance(value, tuple):
        return row["upper"] is not None and all(math.isclose(a, b, rel_tol=1e-6)
                                                for a, b in zip((row["lower"], row["upper"]), value))
    return row["upper"] is None and math.isclose(row["value"], value, rel_tol=1e-6)


def _score(nlp, name: str, cases: list[tuple[str, list[tuple[float, str]]]], verbose: bool) -> None:
    right = total = rows_n = abbrev = 0
    for (text, want), doc in zip(cases, nlp.pipe(t for t, _ in cases)):
        rows = extract_numbers(doc)
        rows_n += len(rows)
        for row in rows:
            if _is_abbreviation(row["noun"]):
                abbrev += 1
                if verbose:
                    print(f"  noun {row['noun']!r} in {text!r}")
        for value, unit in want:
            total += 1
            if any(r["unit"] == unit and _same(r, value) for r in rows):
                right += 1
            elif verbose:
                print(f"  missed {value} {unit!r} in {text!r}: "
                      f"{[(r['surface'], r['value'], r['unit'], r['noun']) for r in rows]}")
    print(f"== wire style, {name}")
    print(f"amounts with the right unit and scaled value: {right}/{total} = {100 * right / total:.1f} % (target >= 95)")
    print(f"number rows with an abbreviation as noun: {abbrev}/{rows_n} = {100 * abbrev / rows_n:.1f} % (target <= 1)")


if __name__ == "__main__":
    main()
