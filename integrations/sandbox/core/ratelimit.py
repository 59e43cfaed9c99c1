"""Sliding-window rate limits measured on the sandbox clock.

A `Rule` is one bucket: the account-wide limit of the plan, or a per-endpoint limit (the
Zendesk option endpoint, ticket updates...). Vendors list their endpoint rules as data;
later features append to those lists. A request passes only if every matching bucket has
room; a refused request consumes nothing.
"""

from __future__ import annotations

import math
import re
import threading
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from integrations.sandbox.core.clock import Clock

__all__ = ["Decision", "RateLimiter", "Rule"]


@dataclass(frozen=True)
class Rule:
    """A bucket. ``limit`` may depend on the plan (``{"growth": 80, ...}``).

    ``per_path`` keys the bucket by the matched path (e.g. one bucket per ticket).
    """

    name: str
    limit: int | Mapping[str, int]
    window: float = 60.0
    methods: frozenset[str] | None = None
    pattern: re.Pattern[str] | None = None
    per_path: bool = False

    def matches(self, method: str, path: str) -> bool:
        if self.methods is not None and method not in self.methods:
            return False
        return self.pattern is None or self.pattern.fullmatch(path) is not None

    def limit_for(self, plan: str) -> int:
        if isinstance(self.limit, int):
            return self.limit
        return int(self.limit.get(plan, max(self.limit.values())))


def endpoint(name: str, limit: int | Mapping[str, int], methods: str, pattern: str, *,
             window: float = 60.0, per_path: bool = False) -> Rule:
    """Shorthand for vendor rule tables: ``endpoint("options", 100, "POST", r"/api/...")``."""
    return Rule(name, limit, window, frozenset(methods.split()), re.compile(pattern), per_path)


@dataclass(frozen=True)
class Usage:
    rule: Rule
    limit: int
    remaining: int
    reset: float  # seconds until the oldest counted request leaves the window


@dataclass
class Decision:
    allowed: bool
    account: Usage
    endpoints: list[Usage] = field(default_factory=list)
    retry_after: float = 0.0


class RateLimiter:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._hits: dict[tuple[str, str], deque[float]] = {}

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()

    def _usage(self, rule: Rule, key: str, plan: str, now: float) -> tuple[Usage, deque[float]]:
        hits = self._hits.setdefault((rule.name, key), deque())
        while hits and hits[0] <= now - rule.window:
            hits.popleft()
        limit = rule.limit_for(plan)
        reset = (hits[0] + rule.window - now) if hits else rule.window
        return Usage(rule, limit, max(limit - len(hits), 0), max(reset, 0.0)), hits

    def check(self, account: Rule, rules: Sequence[Rule], plan: str, method: str,
              path: str) -> Decision:
        """Count the request in every matching bucket, or refuse it without counting."""
        now = self.clock.now()
        with self._lock:
            matching = [(account, "")] + [
                (r, path if r.per_path else "") for r in rules if r.matches(method, path)
            ]
            usages = [self._usage(rule, key, plan, now) for rule, key in matching]
            full = [u for u, _ in usages if u.remaining <= 0]
            if full:
                retry = max(u.reset for u in full)
                return Decision(False, usages[0][0], [u for u, _ in usages[1:]], retry)
            for _, hits in usages:
                hits.append(now)
            counted = [Usage(u.rule, u.limit, u.remaining - 1, u.reset) for u, _ in usages]
            return Decision(True, counted[0], counted[1:])


def whole_seconds(seconds: float) -> int:
    """``Retry-After`` as the vendors send it: whole seconds, at least 1."""
    return max(1, math.ceil(seconds))
