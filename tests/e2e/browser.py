"""Headless Chromium over the DevTools protocol: open a page, wait for text, click a tab, screenshot.

A websocket and a few protocol calls are all the check needs, so no browser
automation framework is installed for it.
"""
from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from websockets.sync.client import connect

from services import ROOT, log, stop


class Browser:
    def __init__(self, tmp: Path) -> None:
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        if not exe:
            sys.exit("needs Chromium: apt-get install -y chromium")
        self.profile = Path(tempfile.mkdtemp(prefix="chromium-profile-", dir=tmp))  # one per browser started
        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-quic", "--disable-dev-shm-usage", f"--user-data-dir={self.profile}",
             "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
             "--window-size=1440,1000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=open(tmp / "chromium.log", "w"), start_new_session=True)
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"chromium did not start:\n{(tmp / 'chromium.log').read_text()[-2000:]}")
            time.sleep(0.2)
        port = int(port_file.read_text().split()[0])
        pages = [t for t in httpx.get(f"http://127.0.0.1:{port}/json/list").json() if t["type"] == "page"]
        self.ws = connect(pages[0]["webSocketDebuggerUrl"], max_size=64 * 2**20, open_timeout=30)
        self._id = 0
        self.call("Page.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=1440, height=1000, deviceScaleFactor=1, mobile=False)

    def call(self, method: str, **params):
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv(timeout=60))
            if msg.get("id") == self._id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def text(self) -> str:
        r = self.call("Runtime.evaluate", expression="document.body ? document.body.innerText : ''", returnByValue=True)
        return r.get("result", {}).get("value") or ""

    def open(self, url: str, expect: list[str], timeout: float = 60) -> str:
        """Navigate and wait until every string in ``expect`` is on the page; return its text."""
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.text()
            if all(e in text for e in expect):
                time.sleep(1.0)  # let late widgets (graphs, charts) paint before the screenshot
                return self.text()
            time.sleep(0.5)
        missing = [e for e in expect if e not in text]
        raise AssertionError(f"{url}: never showed {missing}; page text was:\n{text[:3000]}")

    def click_tab(self, label: str, expect: list[str], gone: list[str] = (), timeout: float = 30) -> str:
        """Click the tab (or button, link) labelled ``label``; wait for ``expect`` to show and ``gone`` to go."""
        # the innermost element whose whole text is the label; the click bubbles to the tab's handler
        js = ("(() => { const want = %s; const els = [...document.querySelectorAll('body *')]"
              ".filter(e => (e.innerText || '').trim() === want); if (!els.length) return false;"
              " els[els.length - 1].click(); return true; })()") % json.dumps(label)
        deadline = time.monotonic() + timeout
        text = ""
        clicked = False
        while time.monotonic() < deadline:
            if not clicked:
                clicked = self.call("Runtime.evaluate", expression=js, returnByValue=True)["result"].get("value")
            text = self.text()
            if clicked and all(e in text for e in expect) and not any(g in text for g in gone):
                time.sleep(1.0)
                return self.text()
            time.sleep(0.5)
        raise AssertionError(f"tab {label!r} (clicked: {clicked}) never showed {expect} without {list(gone)}:\n{text[:3000]}")

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        log(f"screenshot {path.relative_to(ROOT)}")
        return path

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            stop(self.proc, "chromium")
