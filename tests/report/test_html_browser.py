"""The HTML report in a real headless browser: it renders, it fetches nothing, its console stays silent."""

from __future__ import annotations

from pgtune.report import html

from ..browser import render_in_browser
from .canonical import CANONICAL


def test_html_report_renders_without_console_messages(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html.render(CANONICAL), encoding="utf-8")
    rendered = render_in_browser(page, tmp_path)
    assert rendered.console == ()
    assert rendered.screenshot.stat().st_size > 10_000
