"""The HTML report in a real headless Chromium, driven over the DevTools protocol (--remote-debugging-pipe).

Needs the Debian package `chromium` (apt-get install -y chromium); skipped with that hint otherwise.
Set COMPARE_SCREENSHOT_DIR to keep the screenshots somewhere to look at.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures_comparison import small_comparison

from compare.render import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed: apt-get install -y chromium"
)
TIMEOUT = 30.0


class DevTools:
    """A minimal CDP client over the pipe pair Chromium reads on fd 3 and writes on fd 4."""

    def __init__(self, profile: Path) -> None:
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire_fds() -> None:  # runs in the child: put the pipe ends on fds 3 and 4
            high_r, high_w = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        assert CHROMIUM is not None
        self.process = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--disable-background-networking",
                "--mute-audio",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=wire_fds,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        with contextlib.suppress(OSError, TimeoutError, AssertionError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_child)
        os.close(self._from_child)

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from Chromium")
            ready, _, _ = select.select([self._from_child], [], [], left)
            if ready:
                chunk = os.read(self._from_child, 1 << 20)
                if not chunk:
                    raise AssertionError("Chromium closed the DevTools pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                assert "error" not in reply, f"{method}: {reply['error']}"
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        while True:
            event = self._read_message(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)


@pytest.fixture
def page(tmp_path: Path) -> Iterator[tuple[DevTools, str]]:
    tools = DevTools(tmp_path / "profile")
    try:
        target = tools.send("Target.createTarget", url="about:blank")["targetId"]
        session = tools.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Runtime", "Log", "Page"):
            tools.send(f"{domain}.enable", session)
        yield tools, session
    finally:
        tools.close()


def _evaluate(tools: DevTools, session: str, expression: str) -> Any:
    result = tools.send("Runtime.evaluate", session, expression=expression, returnByValue=True)
    assert "exceptionDetails" not in result, result["exceptionDetails"]
    return result["result"].get("value")


def _screenshot(tools: DevTools, session: str, path: Path) -> None:
    data = tools.send("Page.captureScreenshot", session, format="png", captureBeyondViewport=True)
    path.write_bytes(base64.b64decode(data["data"]))
    keep = os.environ.get("COMPARE_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)


def _problems(events: list[dict[str, Any]]) -> list[str]:
    """Console errors, uncaught exceptions, CSP violations and dialogs (an XSS alert) seen so far."""
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            found.append(f"exception: {params['exceptionDetails'].get('text')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found.append(f"console.error: {params.get('args')}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            found.append(f"log error: {params['entry'].get('text')}")
        elif method == "Page.javascriptDialogOpening":
            found.append(f"dialog opened: {params.get('message')}")
    return found


def _open(tools: DevTools, session: str, url: str, width: int, *, mobile: bool) -> None:
    tools.send(
        "Emulation.setDeviceMetricsOverride",
        session,
        width=width,
        height=900,
        deviceScaleFactor=1,
        mobile=mobile,
    )
    tools.send("Page.navigate", session, url=url)
    tools.wait_for("Page.loadEventFired")


def test_report_in_chromium_filters_and_stays_clean(page: tuple[DevTools, str], tmp_path: Path) -> None:
    tools, session = page
    report = tmp_path / "report.html"
    report.write_bytes(
        render(small_comparison(hostile=True, notes="**Checked** <script>alert(2)</script>"), "html")
    )
    _open(tools, session, report.as_uri(), 1280, mobile=False)

    # The inline script ran under the page's CSP: the filter form is shown and reports its state.
    assert _evaluate(tools, session, "document.getElementById('filters').hidden") is False
    assert (
        _evaluate(tools, session, "document.getElementById('filter-status').textContent")
        == "Showing every claim."
    )
    visible = "(s) => Array.from(document.querySelectorAll(s)).filter(e => !e.hidden).length"
    assert _evaluate(tools, session, f"({visible})('article.claim')") == 6
    assert _evaluate(tools, session, f"({visible})('#disagree article.finding')") == 2
    _screenshot(tools, session, tmp_path / "desktop.png")

    # Choose "Numbers differ" like a reader would: only the number claim and its matrix row stay.
    _evaluate(
        tools,
        session,
        """(() => {
        const select = document.querySelector('select[name=type]');
        select.value = 'number';
        select.dispatchEvent(new Event('change', {bubbles: true}));
    })()""",
    )
    assert _evaluate(tools, session, f"({visible})('article.claim')") == 1
    assert _evaluate(tools, session, f"({visible})('table.matrix tbody tr')") == 1
    assert _evaluate(tools, session, f"({visible})('#disagree article.finding')") == 2  # never filtered
    status = _evaluate(tools, session, "document.getElementById('filter-status').textContent")
    assert status == "Showing 1 of 6 claims."
    _screenshot(tools, session, tmp_path / "filtered.png")

    # Outlet filter: the Vietnamese outlet carries three claims.
    _evaluate(
        tools,
        session,
        """(() => {
        document.querySelector('select[name=type]').value = '';
        const select = document.querySelector('select[name=source]');
        select.value = 'd3';
        select.dispatchEvent(new Event('change', {bubbles: true}));
    })()""",
    )
    assert _evaluate(tools, session, f"({visible})('article.claim')") == 3

    # The word diff is there on demand: hidden styling until the box is ticked.
    wd = "getComputedStyle(document.querySelector('#claim-2 .wd')).textDecorationLine"
    assert _evaluate(tools, session, wd) == "none"
    _evaluate(tools, session, "document.querySelector('input[name=diff]').click()")
    assert _evaluate(tools, session, wd) == "underline"

    # Following a link to something the filters hide shows everything again.
    _evaluate(tools, session, "location.hash = '#claim-5'")
    time.sleep(0.3)
    assert _evaluate(tools, session, "document.getElementById('claim-5').hidden") is False
    assert _evaluate(tools, session, "document.querySelector('select[name=source]').value") == ""

    # Printed, the controls disappear and the findings stay.
    tools.send("Emulation.setEmulatedMedia", session, media="print")
    display = "getComputedStyle(document.getElementById('{}')).display"
    assert _evaluate(tools, session, display.format("filters")) == "none"
    assert _evaluate(tools, session, display.format("finding-2")) != "none"
    assert (
        _evaluate(tools, session, "getComputedStyle(document.querySelector('.review-controls')).display")
        == "none"
    )
    tools.send("Emulation.setEmulatedMedia", session, media="")

    # No payload turned into markup or ran.
    assert _evaluate(tools, session, "document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert _evaluate(tools, session, "document.scripts.length") == 1
    assert _problems(tools.events) == []


def test_report_fits_a_phone_screen(page: tuple[DevTools, str], tmp_path: Path) -> None:
    tools, session = page
    report = tmp_path / "report.html"
    report.write_bytes(render(small_comparison(), "html"))
    _open(tools, session, report.as_uri(), 390, mobile=True)
    overflow = _evaluate(tools, session, "document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page is {overflow}px wider than a 390px phone"
    _screenshot(tools, session, tmp_path / "phone.png")
    assert (tmp_path / "phone.png").stat().st_size > 10_000
    assert _problems(tools.events) == []


# --- Findings first, and a review from marking to the rerun ---------------------------------------------

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
THREE = Path(__file__).resolve().parent / "fixtures" / "three_outlets"
SCREENS = [(1280, 800, False), (390, 844, True)]
FIRST_LINE = "document.querySelector('#disagree article.finding .sides')"
FIRST_FIGURE = "document.querySelector('#key-figures tbody tr')"


def _report(inputs: Path, out: Path, *extra: str) -> Path:
    from compare.cli import main

    assert (
        main(["report", str(inputs), "-o", str(out), "--now", "2026-03-04T12:00:00+00:00", "-q", *extra]) == 0
    )
    return out


def _first_screen(tools: DevTools, session: str, url: str, width: int, height: int, mobile: bool) -> None:
    tools.send(
        "Emulation.setDeviceMetricsOverride",
        session,
        width=width,
        height=height,
        deviceScaleFactor=1,
        mobile=mobile,
    )
    tools.send("Page.navigate", session, url=url)
    tools.wait_for("Page.loadEventFired")


def _viewport_shot(tools: DevTools, session: str, path: Path) -> None:
    data = tools.send("Page.captureScreenshot", session, format="png")
    path.write_bytes(base64.b64decode(data["data"]))
    keep = os.environ.get("COMPARE_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)


@pytest.mark.slow
@pytest.mark.parametrize("story", ["seeds", "three"])
def test_first_discrepancy_is_on_the_first_screen(
    page: tuple[DevTools, str], tmp_path: Path, story: str
) -> None:
    tools, session = page
    report = _report(SEEDS if story == "seeds" else THREE, tmp_path / "out", "-f", "html") / "report.html"
    for width, height, mobile in SCREENS:
        _first_screen(tools, session, report.as_uri(), width, height, mobile)
        # the key figures open the first screen; on a desktop the first discrepancy is on it too
        for element in (FIRST_FIGURE,) if mobile else (FIRST_FIGURE, FIRST_LINE):
            box = _evaluate(
                tools,
                session,
                f"(() => {{ const r = {element}.getBoundingClientRect(); "
                "return {top: r.top, bottom: r.bottom, height: innerHeight}; })()",
            )
            assert box["top"] >= 0 and box["bottom"] <= box["height"], (width, element, box)
        overflow = _evaluate(tools, session, "document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{story} is {overflow}px wider than {width}px"
        # It names who says what; the title is said once and is not a disputed headline.
        line = _evaluate(tools, session, f"{FIRST_LINE}.textContent")
        assert line.count(":") >= 2 and "—" in line
        assert _evaluate(tools, session, "document.title") == _evaluate(
            tools, session, "document.querySelector('h1').textContent"
        )
        _viewport_shot(tools, session, tmp_path / f"first-screen-{story}-{width}.png")
    assert _problems(tools.events) == []


@pytest.mark.slow
def test_review_marked_saved_and_rerun_shows_in_every_format(
    page: tuple[DevTools, str], tmp_path: Path
) -> None:
    tools, session = page
    report = _report(THREE, tmp_path / "first", "-f", "html") / "report.html"
    _first_screen(tools, session, report.as_uri(), 1280, 800, False)
    first = _evaluate(tools, session, "document.querySelector('#disagree .review').dataset.finding")
    note = "Fire service confirms 300; 3,000 was the cordon zone"

    # A reviewer dismisses the first discrepancy with a note, like a person would: select, type, leave.
    _evaluate(
        tools,
        session,
        f"""(() => {{
        const box = document.querySelector('#disagree .review');
        const select = box.querySelector('select[name=status]');
        select.value = 'dismissed';
        select.dispatchEvent(new Event('change', {{bubbles: true}}));
        const input = box.querySelector('input[name=note]');
        input.value = {json.dumps(note)};
        input.dispatchEvent(new Event('change', {{bubbles: true}}));
    }})()""",
    )
    assert _evaluate(tools, session, "document.querySelector('#disagree .review-record').textContent") == (
        "Dismissed " + note
    )
    assert _evaluate(tools, session, "document.querySelector('[data-count=dismissed]').textContent") == "1"
    _viewport_shot(tools, session, tmp_path / "review-marked.png")

    # The mark is kept in the browser: a reload shows it again.
    tools.send("Page.reload", session)
    tools.wait_for("Page.loadEventFired")
    assert (
        _evaluate(tools, session, "document.querySelector('#disagree select[name=status]').value")
        == "dismissed"
    )

    # One click saves the decisions file.
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    tools.send(
        "Browser.setDownloadBehavior", behavior="allow", downloadPath=str(downloads), eventsEnabled=True
    )
    _evaluate(tools, session, "document.getElementById('save-decisions').click()")
    deadline = time.monotonic() + TIMEOUT
    while True:
        event = tools.wait_for("Browser.downloadProgress")
        if event["params"]["state"] == "completed" or time.monotonic() > deadline:
            break
    saved = downloads / "review.json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "compare-decisions" and data["version"] == 1
    assert [(d["finding"], d["status"], d["note"]) for d in data["decisions"]] == [(first, "dismissed", note)]
    assert data["report"]["documents"] == ["courier", "meridian", "wire"]

    # Rerun with the decisions: HTML, PDF and Markdown all record them.
    again = _report(THREE, tmp_path / "again", "--decisions", str(saved))
    html = (again / "report.html").read_text(encoding="utf-8")
    dismissed = html.split('id="dismissed"')[1].split("</section>")[0]
    assert f'data-finding="{first}"' in dismissed and note in dismissed
    assert f'data-finding="{first}"' not in html.split('id="disagree"')[1].split('id="agree"')[0]
    markdown = (again / "report.md").read_text(encoding="utf-8")
    assert "Review: " in markdown and f"**Dismissed**: {note} ({first})" in markdown.split("### Dismissed")[1]
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(again / "report.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        flat = " ".join(text.split())
        assert "1 dismissed" in flat and f"Dismissed {note}" in flat
        assert flat.index("Dismissed (1)") > flat.index("Only in one report")

    _first_screen(tools, session, (again / "report.html").as_uri(), 390, 844, True)
    summary = "document.getElementById('review-summary')"
    assert _evaluate(tools, session, f"{summary}.hidden") is False
    assert "1 dismissed" in " ".join(_evaluate(tools, session, f"{summary}.textContent").split())
    _viewport_shot(tools, session, tmp_path / "review-rerun-390.png")
    assert _problems(tools.events) == []


@pytest.mark.slow
def test_review_screen_counts_keeps_typed_notes_and_shows_linked_claims(
    page: tuple[DevTools, str], tmp_path: Path
) -> None:
    tools, session = page
    report = tmp_path / "report.html"
    report.write_bytes(render(small_comparison(), "html"))
    _first_screen(tools, session, report.as_uri(), 1280, 800, False)

    # Open counts the findings a reviewer marks; the one-report item has no controls.
    assert _evaluate(tools, session, "document.querySelectorAll('#one-source select').length") == 0
    assert _evaluate(tools, session, "document.querySelector('[data-count=open]').textContent") == "2"

    # A note is kept as it is typed (an input event, no change event), so a reload still shows it.
    _evaluate(
        tools,
        session,
        """(() => {
        const input = document.querySelector('#disagree .review input[name=note]');
        input.value = 'asked the ministry';
        input.dispatchEvent(new Event('input', {bubbles: true}));
    })()""",
    )
    tools.send("Page.reload", session)
    tools.wait_for("Page.loadEventFired")
    assert (
        _evaluate(tools, session, "document.querySelector('#disagree .review input[name=note]').value")
        == "asked the ministry"
    )

    # A link to a claim stops below the sticky filter bar, not under it.
    _evaluate(tools, session, "document.querySelector('#disagree a.claim-link').click()")
    time.sleep(0.3)
    box = _evaluate(
        tools,
        session,
        """(() => {
        const target = document.getElementById(location.hash.slice(1));
        const bar = document.getElementById('filters').getBoundingClientRect();
        return {top: target.getBoundingClientRect().top, bar: bar.bottom, hash: location.hash};
    })()""",
    )
    assert box["hash"].startswith("#claim-") and box["top"] >= box["bar"] - 1, box
    assert _problems(tools.events) == []
