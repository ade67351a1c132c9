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
        == "Showing everything."
    )
    visible = "(s) => Array.from(document.querySelectorAll(s)).filter(e => !e.hidden).length"
    assert _evaluate(tools, session, f"({visible})('article.finding')") == 3
    _screenshot(tools, session, tmp_path / "desktop.png")

    # Choose "Numbers differ" like a reader would: only the number finding and its claim stay.
    _evaluate(
        tools,
        session,
        """(() => {
        const select = document.querySelector('select[name=type]');
        select.value = 'number';
        select.dispatchEvent(new Event('change', {bubbles: true}));
    })()""",
    )
    assert _evaluate(tools, session, f"({visible})('article.finding')") == 1
    assert _evaluate(tools, session, f"({visible})('article.claim')") == 1
    assert _evaluate(tools, session, f"({visible})('table.matrix tbody tr')") == 1
    assert (
        _evaluate(tools, session, "document.querySelector('article.finding:not([hidden])').dataset.types")
        == "number"
    )
    status = _evaluate(tools, session, "document.getElementById('filter-status').textContent")
    assert status == "Showing 1 of 3 findings and 1 of 6 claims."
    _screenshot(tools, session, tmp_path / "filtered.png")

    # Outlet filter: the Vietnamese outlet carries three claims and no findings.
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
    assert _evaluate(tools, session, f"({visible})('article.finding')") == 0
    assert _evaluate(tools, session, "document.querySelector('[data-empty-for=finding]').hidden") is False

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
