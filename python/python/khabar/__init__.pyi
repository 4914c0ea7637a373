"""khabar: an Arabic news article in, one record (a dict) out."""

import datetime
from typing import Any, Iterable, Optional, Union

__version__: str
"""The version of khabar this package was built from."""

ReferenceDate = Union[str, datetime.date, None]
"""A "YYYY-MM-DD" string (or an ISO date-time, whose date is taken; years
0001-9999), a datetime.date (a datetime.datetime gives its date), "auto" or
"auto,YYYY-MM-DD" (the article's dateline first), or None."""

Record = dict[str, Any]
"""The command line's JSON record, without "file": language, headline,
dateline, source, speaker, speakers, quotes, reference_date, dates,
entities."""

def analyze(text: str, reference_date: ReferenceDate = None) -> Record:
    """Analyzes one Arabic news article and returns its record.

    text: the article.
    reference_date: the publication date that relative dates (اليوم, أمس,
        الخميس الماضي) resolve against; None leaves their "value" None.
        "auto": the date of the article's dateline, as --reference-date auto
        reads it; "auto,YYYY-MM-DD" falls back to that date.

    Raises TypeError when text is not a str or reference_date is of another
    type, and ValueError for a bad date string.
    """

def analyze_many(
    texts: Iterable[str],
    reference_dates: Union[ReferenceDate, Iterable[ReferenceDate]] = None,
    jobs: Optional[int] = None,
) -> list[Record]:
    """Analyzes many articles in parallel and returns their records in order.

    texts: the articles.
    reference_dates: None; one date for every text; or one date (or None)
        per text.
    jobs: the number of threads (default: one per core).

    Record i is analyze(texts[i], reference_dates[i]). The GIL is released
    while the articles are analyzed.

    Raises TypeError for a text that is not a str (or texts that is a str),
    and ValueError for a bad date, a count of dates other than the count of
    texts, or jobs below 1.
    """
