"""The Python package: the same records as the CLI, dates, bad input,
analyze_many, and a pandas round trip."""

import datetime
import re
import threading

import pytest

import khabar
from conftest import ROOT, read_text

ARTICLE = ROOT / "fixtures" / "lavrov-astana.txt"
TODAY = "قال الوزير اليوم إن المحادثات ستستأنف."
RECORD_KEYS = ["language", "headline", "dateline", "source", "speaker", "speakers", "quotes", "reference_date", "dates", "entities"]


@pytest.fixture(scope="module")
def article():
    return read_text(ARTICLE)


def test_version_is_the_crates():
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', cargo, re.M).group(1)
    assert khabar.__version__ == version


def test_docstrings():
    assert "reference_date" in khabar.analyze.__doc__
    assert "jobs" in khabar.analyze_many.__doc__


def test_bundled_article_equals_the_cli(article, cli):
    record = khabar.analyze(article, reference_date="2017-06-19")
    assert list(record) == RECORD_KEYS
    assert record == cli("--reference-date", "2017-06-19", ARTICLE)[0]


def test_bundled_article(article):
    # what tests/cli.rs checks of the CLI's record, here without the binary
    record = khabar.analyze(article, reference_date=datetime.date(2017, 6, 19))
    assert record == khabar.analyze(article, reference_date="2017-06-19")
    assert record["source"]["canonical"] == "Sputnik"
    assert record["speaker"] == "سيرغي لافروف"
    assert record["speakers"][0]["title"] == "وزير الخارجية الروسي"
    quote = record["quotes"][0]
    assert article[quote["span"][0]:quote["span"][1]] == quote["text"]


def test_without_a_reference_date_relative_dates_have_no_value():
    dates = khabar.analyze(TODAY)["dates"]
    assert [d["text"] for d in dates] == ["اليوم"]
    assert dates[0]["value"] is None
    assert khabar.analyze(TODAY, reference_date=None) == khabar.analyze(TODAY)


@pytest.mark.parametrize("date", [
    "2017-06-19",
    datetime.date(2017, 6, 19),
    datetime.datetime(2017, 6, 19, 8, 30),
    "2017-06-19T08:30:00Z",
    "2017-06-19 08:30",
])
def test_a_reference_date_resolves_relative_dates(date):
    dates = khabar.analyze(TODAY, reference_date=date)["dates"]
    assert dates[0]["value"] == "2017-06-19"


def test_the_reference_date_is_the_clis(cli, tmp_path):
    path = tmp_path / "today.txt"
    path.write_bytes(TODAY.encode("utf-8"))
    assert khabar.analyze(TODAY, "2017-06-19") == cli("--reference-date", "2017-06-19", path)[0]
    assert khabar.analyze(TODAY) == cli(path)[0]


@pytest.mark.parametrize("bad", [None, 3, b"\xd9\x82\xd8\xa7\xd9\x84", ["text"]])
def test_a_text_that_is_not_a_str_is_a_type_error(bad):
    with pytest.raises(TypeError, match="text must be a str"):
        khabar.analyze(bad)


@pytest.mark.parametrize("bad", ["19/06/2017", "2017-02-30", "0000-01-01", "10000-01-01", "", "yesterday", "2017-06-19x"])
def test_an_invalid_date_is_a_value_error(bad):
    with pytest.raises(ValueError, match=r"expected YYYY-MM-DD \(or an ISO date-time\), a year from 0001 to 9999"):
        khabar.analyze(TODAY, reference_date=bad)


@pytest.mark.parametrize("date", ["19/06/2017", "2017-6-19", "2017-02-30", "0000-01-01", "2017-06-19T08:30", "2017-06-19 08", "9999-12-31"])
def test_dates_are_accepted_or_refused_as_the_cli_does(date, khabar_bin, tmp_path):
    import subprocess

    path = tmp_path / "today.txt"
    path.write_bytes(TODAY.encode("utf-8"))
    cli_ok = subprocess.run([str(khabar_bin), "--quiet", "--reference-date", date, str(path)], capture_output=True).returncode == 0
    try:
        khabar.analyze(TODAY, reference_date=date)
        python_ok = True
    except ValueError:
        python_ok = False
    assert python_ok == cli_ok


@pytest.mark.parametrize("bad", [20170619, 2017.0, ["2017-06-19"]])
def test_a_date_of_another_type_is_a_type_error(bad):
    with pytest.raises(TypeError, match="reference_date must be a str"):
        khabar.analyze(TODAY, reference_date=bad)


def test_auto_reads_the_dateline_and_falls_back():
    dated = "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n" + TODAY
    record = khabar.analyze(dated, reference_date="auto")
    assert record["reference_date"] == {"value": "2015-08-10", "from": "dateline"}
    assert khabar.analyze(TODAY, reference_date="auto")["reference_date"] is None
    fallback = khabar.analyze(TODAY, reference_date="auto,2017-06-19")
    assert fallback["reference_date"] == {"value": "2017-06-19", "from": "fallback"}
    with pytest.raises(ValueError, match="invalid reference_date"):
        khabar.analyze(TODAY, reference_date="auto,19/06/2017")


def test_non_arabic_text_gives_an_empty_record():
    record = khabar.analyze("The minister said today that talks would resume.")
    assert record["language"] == "und-Latn"
    assert record["quotes"] == [] and record["entities"] == []


def test_analyze_many_keeps_order_and_equals_analyze(article):
    texts = [article, TODAY, "", "Latin text only.", article[: len(article) // 2]] * 5
    dates = ["2017-06-19", None, datetime.date(2020, 1, 1), "2017-06-19", datetime.date(2017, 6, 20)] * 5
    one_by_one = [khabar.analyze(t, d) for t, d in zip(texts, dates)]
    for jobs in [None, 1, 3, 64]:
        assert khabar.analyze_many(texts, dates, jobs=jobs) == one_by_one
    # any iterable; one date for every text
    assert khabar.analyze_many(iter(texts), "2017-06-19") == [khabar.analyze(t, "2017-06-19") for t in texts]
    assert khabar.analyze_many((t for t in texts), datetime.date(2017, 6, 19), jobs=2) == khabar.analyze_many(texts, "2017-06-19")
    assert khabar.analyze_many([]) == []


def test_analyze_many_bad_input():
    with pytest.raises(TypeError, match="not a str"):
        khabar.analyze_many(TODAY)
    with pytest.raises(TypeError, match=r"texts\[1\] must be a str, not int"):
        khabar.analyze_many([TODAY, 3])
    with pytest.raises(TypeError):
        khabar.analyze_many(3)
    with pytest.raises(ValueError, match=r"reference_dates\[1\].*expected YYYY-MM-DD"):
        khabar.analyze_many([TODAY, TODAY], ["2017-06-19", "19/06/2017"])
    with pytest.raises(ValueError, match="1 dates for 2 texts"):
        khabar.analyze_many([TODAY, TODAY], ["2017-06-19"])
    with pytest.raises(ValueError, match="3 dates for 2 texts"):
        khabar.analyze_many([TODAY, TODAY], ["2017-06-19"] * 3)
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        khabar.analyze_many([TODAY], jobs=0)
    with pytest.raises(TypeError):
        khabar.analyze_many([TODAY], jobs="2")


def test_analyze_many_releases_the_gil(article):
    # While the analysis runs in Rust, another Python thread runs too (one
    # that holds the GIL would leave it a tick or two: before and after).
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            done.wait(0.001)

    thread = threading.Thread(target=tick)
    thread.start()
    try:
        khabar.analyze_many([article] * 1000, "2017-06-19", jobs=1)
    finally:
        done.set()
        thread.join()
    assert len(ticks) > 5


def test_pandas_round_trip(article):
    pd = pytest.importorskip("pandas")
    record = khabar.analyze(article, reference_date="2017-06-19")
    quotes = pd.json_normalize(record["quotes"])
    assert list(quotes.columns) == ["text", "kind", "speaker", "cue", "span", "cue_span", "speaker_span", "attribution"]
    assert len(quotes) == len(record["quotes"]) > 0
    assert quotes.to_dict(orient="records") == record["quotes"]
    frame = pd.json_normalize(khabar.analyze_many([article, TODAY], "2017-06-19"))
    assert list(frame["language"]) == ["ar", "ar"]


def test_dev_set_equals_the_cli(dev_set, cli):
    texts = [read_text(p) for p in dev_set]
    assert khabar.analyze_many(texts) == cli(*dev_set)
    assert khabar.analyze_many(texts, "2017-06-19", jobs=2) == cli("--reference-date", "2017-06-19", *dev_set)
