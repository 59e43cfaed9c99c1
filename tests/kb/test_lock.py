"""The KB lock file: atomic, readable, one run at a time, clear errors when damaged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from integrations.errors import LockError
from integrations.kb.lock import KbLock, lock_path


def test_round_trip_is_sorted_json_without_secrets(tmp_path: Path) -> None:
    path = lock_path(tmp_path, "prod")
    assert path == tmp_path / "locks/prod.kb.json"
    lock = KbLock(path, "zendesk")
    lock.articles["b"] = {"id": 2}
    lock.articles["a"] = {"id": 1, "translations": {"fr": {"hash": "x"}}}
    lock.save()
    text = path.read_text(encoding="utf-8")
    assert text.index('"a"') < text.index('"b"')
    assert json.loads(text)["version"] == 1
    assert KbLock.load(path, "zendesk").articles == lock.articles
    assert [p.name for p in path.parent.iterdir()] == ["prod.kb.json"]  # no temp file left


def test_damaged_or_foreign_lock_is_a_clear_error(tmp_path: Path) -> None:
    path = lock_path(tmp_path, "prod")
    path.parent.mkdir()
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(LockError, match="cannot read the KB lock file"):
        KbLock.load(path, "zendesk")
    path.write_text(json.dumps({"version": 1, "target": "freshdesk"}), encoding="utf-8")
    with pytest.raises(LockError, match="belongs to freshdesk, not zendesk"):
        KbLock.load(path, "zendesk")


def test_two_syncs_never_run_at_once(tmp_path: Path) -> None:
    first = KbLock(lock_path(tmp_path, "prod"), "zendesk")
    second = KbLock(lock_path(tmp_path, "prod"), "zendesk")
    with first.hold(), pytest.raises(LockError, match="another kb sync holds"), second.hold():
        pass
    with second.hold():
        pass


@pytest.mark.parametrize("name", ["../outside", "/etc/x", ".hidden", "a/b", "", "prod\n"])
def test_environment_name_is_checked_like_the_plan_lock(tmp_path: Path, name: str) -> None:
    from integrations.plan import lock_path as plan_lock_path

    with pytest.raises(LockError, match="invalid environment name") as kb_err:
        lock_path(tmp_path, name)
    with pytest.raises(LockError) as plan_err:
        plan_lock_path(tmp_path, name)
    assert str(kb_err.value) == str(plan_err.value)  # one validator, one message
    assert not (tmp_path / "locks").exists()


def test_ordinary_environment_names_are_accepted(tmp_path: Path) -> None:
    for name in ("prod", "staging-eu", "brand_a.v2", "zendesk"):
        assert lock_path(tmp_path, name) == tmp_path / "locks" / f"{name}.kb.json"
