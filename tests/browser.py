"""Open a page in Debian's headless Chromium: a screenshot, and every message its console printed."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--enable-logging=stderr",
    "--v=0",
    "--window-size=1366,900",
)


@dataclass(frozen=True)
class Rendered:
    screenshot: Path
    console: tuple[str, ...]


def render_in_browser(page: Path, workdir: Path) -> Rendered:
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (scripts/install-deps.sh installs it)")
    screenshot = workdir / f"{page.stem}.png"
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={workdir / 'profile'}", f"--screenshot={screenshot}", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    console = tuple(line for line in result.stderr.splitlines() if ":CONSOLE" in line or "Failed to load" in line)
    return Rendered(screenshot, console)
