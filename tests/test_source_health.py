"""Source health over several made-up nights: a publisher whose output collapses is flagged."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tasks import catalog, lake as lake_mod
from tasks.lake import Lake
from tasks.schemas import from_rows
from tasks.source_health import flagged, health_markdown, health_rows

FIRST = date(2026, 11, 1)


def _night(lake: Lake, day: date, articles: dict[str, int], rejects: dict[str, list[str]], words: int = 300) -> None:
    """Commit one run for ``day``: ``articles`` by URL site (or by folder when it has no dot),
    ``rejects`` by input folder as lists of reasons."""
    run_id = f"{day:%Y%m%d}T020000-{day.day:06d}"
    arts, rejs = [], []
    for site, n in articles.items():
        for i in range(n):
            url = f"https://www.{site}/news/{day}/{i}" if "." in site else None
            arts.append({"article_id": f"{site}-{day}-{i}", "run_id": run_id, "source": f"/in/{day}/{site}/{i}.html",
                         "url": url, "n_words": words + i, "text": "x"})
    for folder, reasons in rejects.items():
        rejs += [{"run_id": run_id, "source": f"/in/{day}/{folder}/r{i}.html", "reason": r}
                 for i, r in enumerate(reasons)]
    lake_mod.write_part(lake, run_id, "articles", 0, from_rows("articles", arts))
    lake_mod.write_part(lake, run_id, "rejects", 0, from_rows("rejects", rejs))
    lake_mod.commit(lake, run_id, day, from_rows("runs", [{
        "run_id": run_id, "covers": day, "status": "committed", "started_at": datetime.now(timezone.utc)}]))


@pytest.fixture
def nights(tmp_path) -> Lake:
    """Eight nights: three sites steady for seven, then on the eighth one site's layout breaks
    (its pages become rejects), one folder's rejects jump, one stays steady."""
    lake = Lake(tmp_path)
    for k in range(7):
        _night(lake, FIRST + timedelta(days=k), {"example.com": 10, "news.example.org": 6, "wire": 4},
               {"example.com": ["no_text"] if k % 2 else [], "wire": ["empty"]})
    _night(lake, FIRST + timedelta(days=7), {"example.com": 3, "news.example.org": 6, "wire": 4},
           {"example.com": ["no_text"] * 7, "wire": ["empty"]}, words=40)
    catalog.build(lake)
    return lake


def test_a_source_whose_output_halves_is_flagged(nights):
    rows = {r["source"]: r for r in health_rows(nights, FIRST + timedelta(days=7))}
    site = rows["example.com"]
    assert (site["articles"], site["trailing_nights"], site["trailing_articles"]) == (3, 7, 10.0)
    assert site["flag"] == "output fell by half; rejects doubled"  # its pages now come out as rejects
    assert site["median_words"] == 41 and site["trailing_median_words"] == 304.5
    assert rows["news.example.org"]["flag"] == "" and rows["wire"]["flag"] == ""


def test_rejects_are_counted_by_folder_and_reason(nights):
    rows = {r["source"]: r for r in health_rows(nights, FIRST + timedelta(days=7))}
    # The rejected pages of the broken site sit in folder "example.com": same name as its domain.
    assert rows["example.com"]["rejects"] == 7 and rows["example.com"]["rejects_by_reason"] == "no_text 7"
    assert rows["wire"]["rejects"] == 1 and rows["wire"]["trailing_rejects"] == 1.0


def test_rejects_doubling_is_flagged_without_a_fall_in_output(tmp_path):
    lake = Lake(tmp_path)
    for k in range(3):
        _night(lake, FIRST + timedelta(days=k), {"wire": 5}, {"wire": ["empty", "binary"]})
    _night(lake, FIRST + timedelta(days=3), {"wire": 5}, {"wire": ["empty"] * 3 + ["binary"] * 2})
    catalog.build(lake)
    (row,) = health_rows(lake, FIRST + timedelta(days=3))
    assert row["flag"] == "rejects doubled" and row["rejects_by_reason"] == "empty 3, binary 2"
    # Two rejects more than usual is not a doubling.
    (row,) = health_rows(lake, FIRST + timedelta(days=2))
    assert row["flag"] == ""


def test_the_first_night_and_the_trailing_window(nights):
    first = health_rows(nights, FIRST)
    assert all(r["trailing_nights"] == 0 and r["flag"] == "" for r in first)
    # Only the 7 nights before count: the eighth night's window starts on the first.
    assert all(r["trailing_nights"] == 7 for r in health_rows(nights, FIRST + timedelta(days=7)))


def test_a_source_that_falls_silent_is_listed_and_flagged(tmp_path):
    lake = Lake(tmp_path)
    for k in range(3):
        _night(lake, FIRST + timedelta(days=k), {"example.com": 8, "wire": 4}, {})
    _night(lake, FIRST + timedelta(days=3), {"wire": 4}, {})
    catalog.build(lake)
    rows = health_rows(lake, FIRST + timedelta(days=3))
    assert [(r["source"], r["articles"], r["flag"]) for r in flagged(rows)] == [("example.com", 0, "output fell by half")]
    assert rows[0]["source"] == "example.com"  # flagged first


def test_summary_section_names_the_flagged_source(nights):
    md = health_markdown(nights, FIRST + timedelta(days=7))
    assert md.startswith("## Source health")
    assert "- **example.com**: output fell by half; rejects doubled (3 articles, 7 rejects tonight" in md
    assert "| news.example.org | 6 | 0 |" in md
    assert "No source fell" in health_markdown(nights, FIRST + timedelta(days=6))
