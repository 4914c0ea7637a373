# %% [markdown]
# # khabar from Python
#
# A notebook-style tour (cells marked `# %%`, as Jupyter, VS Code and
# jupytext read them): one article's record, its quotes and speakers as
# pandas tables, then a folder of articles at once. Needs the package
# (`pip install ./python` from the checkout) and pandas; run it from the
# checkout: `python examples/python_notebook.py`.

# %%
import datetime
from pathlib import Path

import pandas as pd

import khabar

print("khabar", khabar.__version__)

# %% [markdown]
# ## One article
# `analyze` returns the CLI's JSON record as a dict. The reference date is
# the publication date, which relative dates (اليوم، أمس) resolve against.

# %%
text = Path("fixtures/lavrov-astana.txt").read_text(encoding="utf-8")
record = khabar.analyze(text, reference_date=datetime.date(2017, 6, 19))
print(record["source"]["canonical"], "|", record["speaker"])

# %% [markdown]
# ## Quotes, speakers, dates and entities as tables

# %%
quotes = pd.json_normalize(record["quotes"])
print(quotes[["speaker", "kind", "cue", "text"]].head())

# %%
print(pd.json_normalize(record["speakers"]))
print(pd.json_normalize(record["dates"])[["text", "value", "kind"]])

# %%
entities = pd.json_normalize(record["entities"])
entities["mentions"] = entities["mentions"].map(len)
print(entities.sort_values("mentions", ascending=False)[["canonical", "type", "mentions"]].head(10))

# %% [markdown]
# ## Many articles
# `analyze_many` analyzes in parallel with the GIL released, and keeps the
# order of its input.

# %%
paths = sorted(Path("fixtures/articles").glob("*.txt")) + [Path("fixtures/lavrov-astana.txt")]
records = khabar.analyze_many([p.read_text(encoding="utf-8") for p in paths],
                              reference_dates="2017-06-19", jobs=2)
table = pd.DataFrame({
    "file": [p.name for p in paths],
    "source": [(r["source"] or {}).get("canonical") for r in records],
    "speaker": [r["speaker"] for r in records],
    "quotes": [len(r["quotes"]) for r in records],
})
print(table)

# %% [markdown]
# Every quote of every article in one table, with the article it is from.

# %%
all_quotes = pd.concat(
    [pd.json_normalize(r["quotes"]).assign(file=p.name) for p, r in zip(paths, records) if r["quotes"]],
    ignore_index=True,
)
print(all_quotes.groupby(["file", "speaker"], dropna=False).size())
