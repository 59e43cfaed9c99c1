"""Fault injection settings (what the `faults` middleware does with them lives there).

All randomness comes from one seedable generator, so a failing test can be replayed.
"""

from __future__ import annotations

import random
import threading
from dataclasses import asdict, dataclass, replace
from typing import Any

__all__ = ["FaultDecision", "FaultState", "Faults"]


@dataclass(frozen=True)
class Faults:
    """What to inject.

    error_rate: probability (0..1) that a request fails with ``error_status``.
    latency: seconds added to every request (real time, not the sandbox clock).
    storm: the next N requests answer 429 with ``storm_retry_after`` seconds.
    fractional_retry_after: every 429 carries a fractional ``Retry-After`` (e.g. ``1.5``),
        which some clients crash on.
    path_prefix: only requests under this path are affected (None: all API requests).
    methods: only requests with one of these methods are affected (None: all).
    after_commit: the error replaces the answer of a request the handler has already
        carried out successfully (a 502 from a proxy after the write was committed): the
        response is lost, the write is not. Without it errors come before the handler.
    seed: seed of the random generator (None: nondeterministic).
    """

    error_rate: float = 0.0
    error_status: int = 503
    latency: float = 0.0
    storm: int = 0
    storm_retry_after: float = 1.0
    fractional_retry_after: bool = False
    path_prefix: str | None = None
    methods: tuple[str, ...] | None = None
    after_commit: bool = False
    seed: int | None = None

    def __post_init__(self) -> None:
        if self.methods is not None:  # JSON gives a list
            object.__setattr__(self, "methods", tuple(m.upper() for m in self.methods))

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FaultDecision:
    latency: float = 0.0
    status: int | None = None  # an injected error status
    storm: bool = False  # answer 429
    after_commit: bool = False  # the status replaces a successful answer


class FaultState:
    """The current `Faults` plus the mutable parts: storm counter and random generator."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.config = Faults()
        self._storm_left = 0
        self._rng = random.Random()

    def set(self, config: Faults) -> None:
        with self._lock:
            self.config = config
            self._storm_left = config.storm
            self._rng = random.Random(config.seed)

    def update(self, **changes: Any) -> Faults:
        self.set(replace(self.config, **changes))
        return self.config

    def clear(self) -> None:
        self.set(Faults())

    @property
    def storm_left(self) -> int:
        return self._storm_left

    def decide(self, path: str, method: str = "GET") -> FaultDecision:
        with self._lock:
            cfg = self.config
            if cfg.path_prefix and not path.startswith(cfg.path_prefix):
                return FaultDecision()
            if cfg.methods is not None and method.upper() not in cfg.methods:
                return FaultDecision()
            if self._storm_left > 0:
                self._storm_left -= 1
                return FaultDecision(cfg.latency, storm=True)
            if cfg.error_rate > 0 and self._rng.random() < cfg.error_rate:
                return FaultDecision(cfg.latency, status=cfg.error_status,
                                     after_commit=cfg.after_commit)
            return FaultDecision(cfg.latency)
