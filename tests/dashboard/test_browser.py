"""The dashboard in a real headless Chromium: clean loads, drawn charts, refusals, re-queue.

Set ``DESKOPS_SCREENSHOT=docs/dashboard.png`` to also save the overview screenshot that the
README shows.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report.scenario import UNTIL

from integrations.report import build

from .browser import chrome, png_colours, problems, small_screenshot
from .conftest import Served
from .support import TOKEN


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    browser = chrome()
    try:
        yield browser
    finally:
        browser.quit()


def _click_and_wait(driver: Any, element_id: str) -> None:
    """Click a submit button and wait until the next page has replaced this one."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    button = driver.find_element(By.ID, element_id)
    button.click()

    def replaced(_: Any) -> bool:
        # Chromedriver reports a node of the page being unloaded either as stale or, mid
        # navigation, as an "unknown error" that the node "does not belong to the document"
        # (seen on Chrome 156 in CI); both mean the old page is gone.
        try:
            button.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error.msg):
                return True
            raise
        return False

    WebDriverWait(driver, 10).until(replaced)


def _sign_in(driver: Any, url: str) -> None:
    from selenium.webdriver.common.by import By

    driver.delete_all_cookies()
    driver.get(url + "login")
    driver.find_element(By.ID, "token").send_keys(TOKEN)
    _click_and_wait(driver, "sign-in")
    assert driver.current_url == url, (driver.current_url, problems(driver))
    problems(driver)  # the sign-in page itself is checked below; start clean


def test_every_page_loads_clean_and_draws_its_charts(driver: Any, dashboard: Served) -> None:
    from selenium.webdriver.common.by import By

    _sign_in(driver, dashboard.url)
    for path in ("", "?since=30d", "dead", "tickets/1", "tickets/3", "tickets/6", "login"):
        driver.get(dashboard.url + path)
        assert driver.find_element(By.TAG_NAME, "h1").text == "deskops report: scenario"
        assert problems(driver) == [], path

    driver.get(dashboard.url)
    f = build(dashboard.store, UNTIL - 7 * 86400, UNTIL)
    charts = driver.find_elements(By.CSS_SELECTOR, "svg.chart")
    # funnel, per day, languages, routes, bug (3), billing (funnel, missing: nothing was
    # extracted), shadow decisions, statuses, rejected deliveries
    assert len(charts) == 12
    bars = driver.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar")
    # the 7-day window also holds the scenario's ticket 99, routed to group 9
    assert len(f.per_day) == 8
    assert len(bars) == 9 + 8 + 3 + 2 + (5 + 2 + 1) + (5 + 1) + 1 + 3 + 1
    drawn = driver.execute_script(
        "return Array.from(document.querySelectorAll('svg.chart rect.bar'))"
        ".filter(r => r.getBoundingClientRect().width > 0).length")
    assert drawn == len(bars)
    assert png_colours(small_screenshot(driver)) > 20  # text, bars, boxes: not blank
    target = os.environ.get("DESKOPS_SCREENSHOT")
    if target:
        driver.save_screenshot(str(Path(target)))


def test_readable_on_a_phone(dashboard: Served) -> None:
    phone = chrome(390, 844)
    try:
        _sign_in(phone, dashboard.url)
        for path in ("", "dead", "tickets/1"):
            phone.get(dashboard.url + path)
            overflow = phone.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, (path, overflow)
        assert problems(phone) == []
    finally:
        phone.quit()


def test_access_without_the_token_is_refused(driver: Any, dashboard: Served) -> None:
    from selenium.webdriver.common.by import By

    driver.delete_all_cookies()
    problems(driver)
    for path in ("", "dead", "tickets/1"):
        driver.get(dashboard.url + path)
        assert driver.find_elements(By.CSS_SELECTOR, "svg") == []
        assert driver.find_element(By.ID, "token")  # only the sign-in form
        assert any("HTTP 401" in p for p in problems(driver)), path
    driver.get(dashboard.url + "login")
    driver.find_element(By.ID, "token").send_keys("not the token")
    _click_and_wait(driver, "sign-in")
    assert driver.find_element(By.ID, "failed").text == "Wrong token."
    assert driver.get_cookies() == []


def test_requeue_works_and_refuses_a_request_without_its_csrf_token(
        driver: Any, dashboard: Served) -> None:
    from selenium.webdriver.common.by import By

    dead_id = dashboard.ids["dead"]
    _sign_in(driver, dashboard.url)
    driver.get(dashboard.url + "dead")
    # A forged form: the same button without its CSRF field.
    driver.execute_script("document.querySelector('input[name=csrf]').remove()")
    _click_and_wait(driver, f"requeue-{dead_id}")
    assert "missing or wrong CSRF token" in driver.find_element(By.TAG_NAME, "body").text
    record = dashboard.store.get(dead_id)
    assert record is not None and record.status == "dead"
    assert any("HTTP 403" in p for p in problems(driver))

    driver.get(dashboard.url + "dead")
    _click_and_wait(driver, f"requeue-{dead_id}")
    assert driver.find_element(By.ID, "message").text == f"Event {dead_id} is queued again."
    assert driver.find_elements(By.ID, f"requeue-{dead_id}") == []
    assert problems(driver) == []
    record = dashboard.store.get(dead_id)
    assert record is not None and record.status == "queued"
    assert dashboard.queue.get() == dead_id
