"""khabar: an Arabic news article in, one record (a dict) out.

The record is the one the khabar command line writes as JSON, without its
"file": language, headline, dateline, source, speaker, speakers, quotes,
dates and entities (the schema: ``khabar --print-schema``).

>>> import khabar
>>> record = khabar.analyze("قال الوزير اليوم إن المحادثات ستستأنف.", reference_date="2017-06-19")
>>> record["dates"][0]["value"]
'2017-06-19'
"""

from ._khabar import __version__, analyze, analyze_many

__all__ = ["analyze", "analyze_many", "__version__"]
