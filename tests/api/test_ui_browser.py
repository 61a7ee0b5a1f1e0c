"""The network explorer as a person uses it: headless Chromium (Debian's) driven by Playwright
logs in with a token, searches 王建国, sees the graph, clicks a finding and sees its evidence.
A screenshot lands in tests/output/. Without Chromium the test is skipped, except under
CI=true where it must run."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.routers import ui
from graph import ops
from graph.settings import Settings
from graph.store.embedded import EmbeddedStore
from tests.api.support import county_with_relative, live_server, make_token
from tests.support.env import IN_CI

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "tests" / "output"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"the browser test must run under CI: {reason}", pytrace=False)
    pytest.skip(reason)


def _ensure_built() -> None:
    if ui.built():
        return
    if shutil.which("npm") is None:
        _unavailable("the UI is not built and npm is missing (run scripts/build_ui.sh)")
    done = subprocess.run(["bash", str(ROOT / "scripts" / "build_ui.sh")], capture_output=True,
                          text=True, timeout=300)
    if done.returncode != 0 or not ui.built():
        _unavailable(f"scripts/build_ui.sh failed: {done.stderr[-2000:]}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, str]]:
    store = EmbeddedStore(tmp_path / "graph.json")
    ops.write_bundle(store, county_with_relative())
    app = create_app(Settings(CADREGRAPH_DATA_DIR=tmp_path), store)
    with live_server(app) as base:
        yield base, make_token(tmp_path, "supervisor", name="纪检员")


def test_explorer_in_a_real_browser(served: tuple[str, str]) -> None:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not installed (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    _ensure_built()
    base, token = served
    OUTPUT.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"{base}/ui")
            assert page.title() == "干部关系网络浏览器"
            page.fill("#token", "cg_bad_token")
            page.click("#login")
            page.wait_for_selector("#login-error:has-text('令牌无效')")
            page.fill("#token", token)
            page.click("#login")
            page.wait_for_selector("#search-panel", state="visible")
            assert "纪检员" in page.inner_text("#whoami")
            page.fill("#as-of", "2025-01-01")
            page.fill("#q", "王建国")
            page.press("#q", "Enter")
            page.click("#results li >> nth=0")
            page.wait_for_selector("body[data-state=ready]", timeout=20_000)
            nodes = page.evaluate("window.cy.nodes().length")
            assert nodes > 0
            assert page.evaluate("window.cy.getElementById('person/A1').nonempty()")
            assert page.evaluate("window.cy.nodes(':parent').length") > 0  # units compound
            assert page.evaluate("window.cy.nodes('.finding').length") > 0
            assert page.locator("#chain li").count() > 0
            findings = page.locator("#findings li.finding-item")
            assert findings.count() > 0
            kin = findings.filter(has_text="王小军")
            (kin if kin.count() else findings).first.click()
            page.wait_for_selector("body[data-state=evidence]")
            assert page.evaluate("window.cy.elements('.evidence').length") > 1
            assert page.inner_text("#evidence-citation").strip()
            assert page.locator("#evidence-path li").count() > 1
            page.wait_for_timeout(400)  # the fit animation
            page.screenshot(path=str(OUTPUT / "ui-explorer.png"))
            assert errors == []
        finally:
            browser.close()


def test_ui_explains_a_missing_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui, "VENDOR", tmp_path / "nothing.js")
    app = create_app(Settings(CADREGRAPH_DATA_DIR=tmp_path), EmbeddedStore(tmp_path / "g.pk"))
    with TestClient(app) as client:
        res = client.get("/ui")
        assert res.status_code == 503 and "scripts/build_ui.sh" in res.text
        assert client.get("/", follow_redirects=False).headers["location"] == "/ui"
