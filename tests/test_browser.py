"""A real browser on `reports serve`: Playwright driving Debian's Chromium.

Skipped, with the reason, where Playwright or a Chromium cannot be had; under CI
(``CI`` set) a Chromium that is there but cannot start is a failure, not a skip.
Screenshots are saved as test artefacts in ``REPORTS_TEST_ARTEFACTS`` (default: the
test's temporary folder) and their paths printed."""

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, SEED, run

CHROMIUM = Path("/usr/bin/chromium")
QUERY = "harassment OR funding"
TIMEOUT_MS = 20_000


@pytest.fixture
def browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        pytest.skip(f"no browser: {CHROMIUM} is missing (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                  args=["--no-sandbox"], timeout=60_000)
        except Error as exc:
            if os.environ.get("CI"):
                raise
            pytest.skip(f"Chromium at {CHROMIUM} does not start: {exc}")
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def server(tmp_path):
    """`reports serve` on a free loopback port over the seed and a second report."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(FIXTURES / "dialogue.md", folder / "dialogue.md")
    index = tmp_path / "ix"
    assert run(index, "index", str(folder), "-q").exit_code == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "search", "--index", str(index), "serve",
                             "--port", "0"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        found = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        assert found, (line, proc.stderr.read() if proc.poll() is not None else "")
        yield found[1]
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


def artefact(tmp_path: Path, name: str) -> Path:
    folder = Path(os.environ.get("REPORTS_TEST_ARTEFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def test_search_facet_chip_and_paragraph_anchor(browser, server, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    page.goto(server)
    page.fill("#q", QUERY)
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    summary = page.locator(".summary").inner_text()
    total = int(re.search(r"of (\d+) paragraphs", summary)[1])
    assert total > 2
    assert page.locator(".speakers-chart svg").is_visible()
    assert page.input_value("#q") == QUERY
    shot = artefact(tmp_path, "search-page.png")
    page.screenshot(path=str(shot))
    print(f"screenshot: {shot}")

    facet = page.locator('a.facet-link[data-facet="speaker"]').first
    name = facet.locator(".facet-label").inner_text()
    count = int(facet.locator(".count").inner_text())
    facet.click()
    page.wait_for_url(re.compile(r"speaker="))
    narrowed = page.locator(".summary").inner_text()
    assert f"of {count} paragraph" in narrowed or count == 1 and "1 paragraph" in narrowed
    assert count < total
    assert page.locator(".chip", has_text=name).is_visible()
    hits = page.locator("li.hit")
    assert hits.count() == min(count, 10)
    for at in range(hits.count()):
        assert name in hits.nth(at).locator(".who").inner_text()
    page.screenshot(path=str(artefact(tmp_path, "search-narrowed.png")))

    link = page.locator("a.hit-link").first
    href = link.get_attribute("href")
    anchor = href.split("#")[1]
    link.click()
    page.wait_for_url(re.compile(rf"/reports/.+#{anchor}$"))
    target = page.locator(f"#{anchor}")
    assert target.evaluate("el => el.matches(':target')")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 200  # scrolled to the paragraph
    assert name in target.inner_text()
    page.screenshot(path=str(artefact(tmp_path, "report-anchor.png")))
    assert not errors, errors  # no script errors, nothing refused by the CSP
