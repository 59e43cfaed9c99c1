"""Headless Chromium for the browser tests: the system browser and driver, never a download.

`chrome()` starts Debian's ``chromium`` through its ``chromedriver`` (``.ci/run`` installs
both on a fresh machine) with console and network logging on; `problems()` reads what the
page logged since the last call: console errors and failed or refused requests.
`png_colours` decodes a screenshot (PNG, no image library) to tell a drawn page from a blank one.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import zlib
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def chrome(width: int = 1280, height: int = 1800) -> Any:
    if not (CHROMIUM and CHROMEDRIVER):
        message = "chromium and chromedriver are not installed (apt-get install chromium " \
                  "chromium-driver; .ci/run does it)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not download anything
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--disable-background-networking",
                f"--window-size={width},{height}", "--hide-scrollbars"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))


def problems(driver: Any) -> list[str]:
    """Console errors and failed requests (network errors, 4xx, 5xx) logged so far."""
    found = [f"console: {e['message']}" for e in driver.get_log("browser")
             if e["level"] in ("SEVERE", "ERROR")]
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message.get("method") == "Network.loadingFailed":
            found.append(f"request failed: {params.get('errorText')}")
        elif message.get("method") == "Network.responseReceived":
            response = params.get("response", {})
            if int(response.get("status", 0)) >= 400:
                found.append(f"HTTP {response.get('status')} {response.get('url')}")
    return found


def small_screenshot(driver: Any, scale: float = 0.25) -> bytes:
    """A PNG of the whole viewport at ``scale`` (small enough to decode in pure Python)."""
    import base64

    size = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "clip": {"x": 0, "y": 0, "width": size[0], "height": size[1],
                                  "scale": scale}})
    return base64.b64decode(shot["data"])


def png_colours(data: bytes) -> int:
    """How many distinct colours an 8-bit RGB(A) PNG holds (every 7th pixel of every row)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), "8-bit RGB or RGBA screenshots only"
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prev, colours = bytearray(stride), set()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        colours.update(bytes(line[x:x + 3]) for x in range(0, stride, bpp * 7))
        prev = line
    return len(colours)
