"""Benchmark ``kb sync``: calls and time for a first sync, a no-op re-sync and a 1 % change.

A generated knowledge base (1,000 articles × 3 locales = 3,000 translations, in 10 categories
of 2 sections each, every parent translated too) is written as Markdown files, loaded by the
real loader, and published into the sandbox over real HTTP, for Zendesk Guide and Freshdesk
Solutions. For each phase it prints:

* the calls made (adapter counters; the sandbox's request log is printed too);
* the minimum: the list pages the API needs to read everything once, plus one write per
  changed object and locale (a create carries its first locale, so 3 writes per article);
* time in sandbox seconds (real elapsed + virtual waits: 429 waits advance the sandbox
  clock instead of sleeping) against the rate-limit floor, calls ÷ 700/min (Enterprise).

The 1 % change edits 30 of the 3,000 translations (10 articles × 3 locales), so its
minimum is the no-op reads plus 30 writes. Ratios matter, not absolute times. Run:
``make bench`` or ``.venv/bin/python scripts/bench/kb.py [--target zendesk] [--articles N]``.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from integrations.helpdesk._http import RetryPolicy
from integrations.kb.apply import apply_kb
from integrations.kb.connect import connect_kb
from integrations.kb.lock import KbLock, lock_path
from integrations.kb.plan import plan_kb
from integrations.kb.sources import load_kb
from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.freshdesk.settings import set_languages
from integrations.sandbox.server import RunningSandbox, start_sandbox
from integrations.settings import load_settings

LIMIT = 700  # requests per minute: Zendesk Enterprise / Freshdesk Enterprise
LOCALES = ("en", "fr", "ko")
CATEGORIES, SECTIONS_PER_CATEGORY = 10, 2
WORDS = {"en": "the help centre answers every question about accounts and billing",
         "fr": "le centre d'aide répond à chaque question sur les comptes et la facturation",
         "ko": "고객 센터는 계정과 결제에 관한 모든 질문에 답합니다"}


def generate(root: Path, articles: int) -> None:
    """``kb/c00/s0/a0000.en.md`` ... with front matter keys and a manifest."""
    kb = root / "kb"
    sections = [(c, s) for c in range(CATEGORIES) for s in range(SECTIONS_PER_CATEGORY)]
    lines = ["source_locale: en", f"locales: [{', '.join(LOCALES)}]", "categories:"]
    for c in range(CATEGORIES):
        lines.append(f"  c{c:02d}: {{title: {{en: Category {c}, fr: Catégorie {c}, "
                     f"ko: 범주 {c}}}}}")
    lines.append("sections:")
    for c, s in sections:
        lines.append(f"  c{c:02d}/s{s}: {{title: {{en: Section {c}.{s}, fr: Rubrique {c}.{s}, "
                     f"ko: 섹션 {c}.{s}}}, visibility: everyone}}")
    kb.mkdir(parents=True, exist_ok=True)
    (kb / "manifest.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for i in range(articles):
        c, s = sections[i % len(sections)]
        folder = kb / f"c{c:02d}" / f"s{s}"
        folder.mkdir(parents=True, exist_ok=True)
        for loc in LOCALES:
            body = "\n\n".join(f"{WORDS[loc]} ({i}.{p})." for p in range(6))
            (folder / f"a{i:04d}.{loc}.md").write_text(
                f"---\nkey: a{i:04d}\nlocale: {loc}\n---\n# {loc.upper()} article {i}\n\n"
                f"{body}\n\n- one\n- two\n", encoding="utf-8")


def change(root: Path, articles: int, every: int) -> int:
    """Edit all locales of every ``every``-th article; returns the translations changed."""
    changed = 0
    for path in sorted((root / "kb").rglob("a*.md")):
        number = int(path.name[1:5])
        if number % every == 0:
            path.write_text(path.read_text(encoding="utf-8") + "\nUpdated.\n", encoding="utf-8")
            changed += 1
    return changed


@dataclass
class Phase:
    name: str
    reads: int
    writes: int
    retries: int
    server_reads: int
    server_writes: int
    server_429: int
    minimum_reads: int
    minimum_writes: int
    sandbox_seconds: float
    wall_seconds: float

    @property
    def calls(self) -> int:
        return self.reads + self.writes

    @property
    def minimum(self) -> int:
        return self.minimum_reads + self.minimum_writes


def minimum_reads(target: str, articles: int, *, empty: bool) -> int:
    """List pages needed to read the whole knowledge base once (page size 100)."""
    sections = CATEGORIES * SECTIONS_PER_CATEGORY
    if target == "zendesk":
        # locales, user segments, permission groups, categories, sections, articles
        # (translations embedded).
        pages = 1 if empty else math.ceil(articles / 100)
        return 5 + pages
    languages = len(LOCALES)
    if empty:  # settings + one category list per language
        return 1 + languages
    per_folder = math.ceil(articles / sections / 100)
    return 1 + languages * (1 + CATEGORIES + sections * per_folder)


def run_phase(name: str, emu: Emulator, sandbox_env: dict[str, str], root: Path, target: str,
              retry: RetryPolicy, minimum: tuple[int, int]) -> Phase:
    mark = emu.log.mark()
    start, wall = emu.clock.now(), time.perf_counter()
    kb, _ = load_kb(root, detect_language=False)
    lock = KbLock.load(lock_path(root, target), target)
    with connect_kb(load_settings(sandbox_env, dotenv=None), target, retry=retry) as desk:
        remote = desk.read()
        plan = plan_kb(kb, remote, lock, desk.capabilities)
        apply_kb(plan, kb, remote, lock, desk)
        calls = desk.calls
    elapsed, wall_elapsed = emu.clock.now() - start, time.perf_counter() - wall
    log = emu.log.entries(since=mark)
    return Phase(name, calls.reads, calls.writes, calls.retries,
                 sum(1 for r in log if r.method == "GET"), sum(1 for r in log if r.write),
                 sum(1 for r in log if r.status == 429), minimum[0], minimum[1], elapsed,
                 wall_elapsed)


def bench(sandbox: RunningSandbox, target: str, articles: int, workdir: Path) -> list[Phase]:
    sandbox.reset()
    emu = sandbox.zendesk if target == "zendesk" else sandbox.freshdesk
    emu.set_plan("enterprise")
    if target == "freshdesk":
        set_languages(emu, "en", ["fr", "ko"])
    env = sandbox.zendesk_env() if target == "zendesk" else sandbox.freshdesk_env()

    def wait(seconds: float) -> None:  # 429 waits run on the sandbox clock
        emu.clock.advance(seconds)

    retry = RetryPolicy(sleep=wait, budget=3600.0, max_wait=120.0, attempts=50)
    root = workdir / target
    generate(root, articles)
    parents = CATEGORIES * len(LOCALES) + CATEGORIES * SECTIONS_PER_CATEGORY * len(LOCALES)
    phases = [run_phase("first sync", emu, env, root, target, retry,
                        (minimum_reads(target, articles, empty=True),
                         parents + articles * len(LOCALES)))]
    full = minimum_reads(target, articles, empty=False)
    phases.append(run_phase("no-op sync", emu, env, root, target, retry, (full, 0)))
    changed = change(root, articles, every=100)
    phases.append(run_phase("1% change", emu, env, root, target, retry, (full, changed)))
    return phases


def report(target: str, articles: int, phases: list[Phase]) -> None:
    print(f"\n== {target}: {articles} articles × {len(LOCALES)} locales "
          f"({articles * len(LOCALES)} translations); limit {LIMIT}/min ==")
    print(f"{'phase':<11} {'calls':>6} {'reads':>6} {'writes':>6} {'429s':>5} {'minimum':>8} "
          f"{'x min':>6} {'sandbox s':>9} {'floor s':>8} {'x floor':>7} {'wall s':>7}")
    for p in phases:
        floor = p.calls / LIMIT * 60
        ratio = f"{p.sandbox_seconds / floor:>7.2f}" if p.calls > LIMIT else f"{'-':>7}"
        print(f"{p.name:<11} {p.calls:>6} {p.reads:>6} {p.writes:>6} {p.retries:>5} "
              f"{p.minimum:>8} {p.calls / max(p.minimum, 1):>6.2f} {p.sandbox_seconds:>9.1f} "
              f"{floor:>8.1f} {ratio} {p.wall_seconds:>7.1f}")
        print(f"{'':<11} (minimum {p.minimum_reads} reads + {p.minimum_writes} writes; "
              f"server-side log: {p.server_reads} reads, {p.server_writes} writes, "
              f"{p.server_429} answered 429)")
    print("calls and writes include the attempts answered 429 and retried; minimum = list "
          "pages + one write per changed object and locale; floor = calls ÷ limit (under 700 "
          "calls a sliding 60 s window never binds: x floor '-'); sandbox s = real time + "
          "virtual 429 waits. Images are not part of this workload.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--target", choices=["zendesk", "freshdesk", "both"], default="both")
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args(argv)
    targets = ["zendesk", "freshdesk"] if args.target == "both" else [args.target]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="deskops-kb-bench-") as tmp, \
            start_sandbox(zendesk_plan="enterprise", freshdesk_plan="enterprise") as sandbox:
        for target in targets:
            report(target, args.articles, bench(sandbox, target, args.articles, Path(tmp)))
    print(f"\n(bench ran in {time.monotonic() - started:.1f} s real time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
