"""The README's Python example and examples/python_notebook.py run."""

import re
import runpy

import pytest

from conftest import ROOT


def python_section():
    """The README's "Use it from Python" section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^## Use it from Python\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert found, "README.md has no \"Use it from Python\" section"
    return found.group(1)


def test_the_readme_example_runs(monkeypatch, capsys):
    pytest.importorskip("pandas")
    blocks = re.findall(r"^```python\n(.*?)^```", python_section(), re.M | re.S)
    assert blocks
    monkeypatch.chdir(ROOT)
    for block in blocks:
        exec(compile(block, "README: Use it from Python", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out == ["سيرغي لافروف 7", "None"]


def test_the_notebook_example_runs(monkeypatch, capsys):
    pytest.importorskip("pandas")
    monkeypatch.chdir(ROOT)
    runpy.run_path(str(ROOT / "examples" / "python_notebook.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "Sputnik" in out and "lavrov-astana.txt" in out
