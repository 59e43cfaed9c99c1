"""Benchmark provisioning: calls made by plan, first apply and no-op apply, against the floor.

A generated workspace (200 fields, 100 of them dropdowns with 20 options each = 2,000
options, 30 forms) is written to disk, loaded by the real loader, and provisioned into the
sandbox over real HTTP. For each phase it prints:

* the calls made (adapter counters; the sandbox's request log agrees, and is printed too);
* the minimum possible: the list pages read plus one write per changed object;
* the vendor API's floor: the minimum plus what the API forces. Freshdesk's
  ``/api/v2/ticket-forms`` documents no ``include`` that returns a form's fields (only
  ``include=portals``), so every read of the account costs one GET per form; and each new
  condition is a dynamic section: one section create per (parent, value) and one field write
  per child whose sections change. On Zendesk the floor is the minimum (conditions travel in
  the form);
* a per-object strategy (Terraform's: one read per managed resource to refresh it, and a
  read-back after each create or update), plus the same writes;
* time under a 700/min account limit (Zendesk Enterprise) against the floor calls ÷ limit.
  Waits for 429s advance the sandbox clock instead of sleeping, so "time" is sandbox time
  (real elapsed + virtual waits). Under 700 calls a sliding 60-second window never binds,
  so a second, 3× larger workspace is also applied, where the limit does bind.

Ratios matter, not absolute times (the sandbox answers in microseconds). Run:
``make bench`` or ``.venv/bin/python scripts/bench/provision.py [--target freshdesk]``.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from integrations import workspace as workspace_pkg
from integrations.helpdesk._http import RetryPolicy
from integrations.helpdesk.base import Helpdesk
from integrations.helpdesk.connect import connect
from integrations.model import Condition, ConditionChild, Field, FieldKind, Form, Option, Workspace
from integrations.plan import CreateField, CreateForm, LockFile, apply_plan, compare, lock_path
from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.server import RunningSandbox, start_sandbox
from integrations.settings import load_settings

LIMIT = 700  # requests per minute: Zendesk Enterprise / Freshdesk Enterprise
OTHER_KINDS: tuple[FieldKind, ...] = ("text", "integer", "checkbox", "date", "decimal",
                                      "textarea")
_ID_SEGMENT = re.compile(r"/\d+(/|$)")
_FORM_READ = re.compile(r"^/api/v2/ticket-forms/\d+$")


def generate(target: str, scale: int = 1, translations: bool = True) -> Workspace:
    """200×scale fields (half dropdowns of 20 options), 30×scale forms, one condition per
    form; some translations on Zendesk: every 20th field's title, and with
    ``translations`` also its option titles and every 5th form's title."""
    zendesk = target == "zendesk"
    fields: dict[str, Field] = {}
    n_fields, n_forms = 200 * scale, 30 * scale
    for i in range(n_fields):
        key = f"f{i:04d}"
        title = f"Field {i:04d}"
        titles = {"en": title, "fr": f"Champ {i:04d}"} if zendesk and i % 20 == 0 else {}
        if i % 2 == 0:
            opts = tuple(Option(f"v{i:04d}_{j:02d}", f"Value {j:02d}",
                                titles={"en": f"Value {j:02d}", "fr": f"Valeur {j:02d}"}
                                if titles and translations else {}) for j in range(20))
            fields[key] = Field(key=key, kind="dropdown", title=title, titles=titles,
                                options=opts)
        else:
            fields[key] = Field(key=key, kind=OTHER_KINDS[i % len(OTHER_KINDS)], title=title,
                                titles=titles)
    keys = list(fields)
    forms: dict[str, Form] = {}
    per_form = n_fields // n_forms + 1
    for n in range(n_forms):
        chunk = keys[n * (n_fields // n_forms):][:per_form]
        dropdown = next(k for k in chunk if fields[k].kind == "dropdown")
        child = next(k for k in chunk if fields[k].kind != "dropdown")
        conds = (Condition(dropdown, fields[dropdown].options[0].value,
                           (ConditionChild(child, True),)),)
        form_titles = ({"en": f"Form {n:03d}", "fr": f"Formulaire {n:03d}"}
                       if zendesk and translations and n % 5 == 0 else {})
        forms[f"form_{n:03d}"] = Form(key=f"form_{n:03d}", title=f"Form {n:03d}",
                                      fields=("subject", "description", *chunk),
                                      conditions=conds, position=n, titles=form_titles)
    return Workspace(root=Path("."), default_locale="en",
                     locales=("en", "fr") if zendesk else ("en",), fields=fields, forms=forms)


@dataclass
class Phase:
    name: str
    reads: int
    writes: int
    retries: int
    server_reads: int
    server_writes: int
    server_429: int
    list_pages: int
    object_reads: int
    changed: int
    seconds: float
    #: GETs of one ticket form each, forced by Freshdesk's form list (no fields in it)
    forced_reads: int = 0
    #: writes a condition costs beyond its form's own (Freshdesk dynamic sections)
    section_writes: int = 0
    #: Zendesk dynamic content items created (one per new translated text, its variants in it)
    dc_writes: int = 0

    @property
    def minimum(self) -> int:
        return self.list_pages + self.changed

    @property
    def api_floor(self) -> int:
        return self.minimum + self.forced_reads + self.section_writes + self.dc_writes

    @property
    def calls(self) -> int:
        return self.reads + self.writes


def run_phase(name: str, emu: Emulator, desk: Helpdesk, desired: Workspace, root: Path,
              target: str, *, apply: bool) -> Phase:
    before = desk.calls.as_dict()
    mark = emu.log.mark()
    start = emu.clock.now()
    lock = LockFile.load(lock_path(root, target), target=target, environment=target)
    plan = compare(desired, desk.read_state(), lock, capabilities=desk.capabilities,
                   target=desk.target)
    if apply and plan.ops:
        apply_plan(plan, desk, lock, allow_destructive=False)
    section_writes = 0
    if apply and target == "freshdesk":
        # lower bound: conditions of forms the plan writes, as if every section were new
        for op in plan.ops:
            form = getattr(op, "form", None)
            if isinstance(form, Form):
                section_writes += len({(str(c.parent), c.value) for c in form.conditions})
                section_writes += len({str(ch.field) for c in form.conditions
                                       for ch in c.children})
    dc_writes = 0
    if apply and target == "zendesk":
        # lower bound: one item per translated text of a created field or form (field title
        # items existed before this bench counted them: they are part of "changed")
        for op in plan.ops:
            if isinstance(op, CreateField):
                dc_writes += sum(len(o.titles) > 1 for o in op.field.options)
            elif isinstance(op, CreateForm):
                dc_writes += len(op.form.titles) > 1
    elapsed = emu.clock.now() - start
    after = desk.calls.as_dict()
    log = emu.log.entries(since=mark)
    gets = [r for r in log if r.method == "GET" and r.status < 400]
    object_reads = sum(1 for r in gets if _ID_SEGMENT.search(r.path))
    forced = sum(1 for r in gets if _FORM_READ.search(r.path)) if target == "freshdesk" else 0
    return Phase(name, after["reads"] - before["reads"], after["writes"] - before["writes"],
                 after["retries"] - before["retries"],
                 sum(1 for r in log if r.method == "GET"), sum(1 for r in log if r.write),
                 sum(1 for r in log if r.status == 429), len(gets) - object_reads, object_reads,
                 len(plan.ops) if apply else 0, elapsed, forced, section_writes, dc_writes)


def bench(sandbox: RunningSandbox, target: str, scale: int, workdir: Path,
          translations: bool = True) -> list[Phase]:
    sandbox.reset()
    emu = sandbox.zendesk if target == "zendesk" else sandbox.freshdesk
    emu.set_plan("enterprise")
    env = sandbox.zendesk_env() if target == "zendesk" else sandbox.freshdesk_env()

    def wait(seconds: float) -> None:  # 429 waits run on the sandbox clock
        emu.clock.advance(seconds)

    root = workdir / f"{target}-x{scale}"
    workspace_pkg.write_workspace(generate(target, scale, translations), root, replace=True)
    desired = workspace_pkg.load(root, target)
    retry = RetryPolicy(sleep=wait, budget=3600.0, max_wait=120.0, attempts=50)
    with connect(load_settings(env, dotenv=None), target, retry=retry) as desk:
        if scale > 1:
            return [run_phase("first apply", emu, desk, desired, root, target, apply=True)]
        return [run_phase("plan", emu, desk, desired, root, target, apply=False),
                run_phase("first apply", emu, desk, desired, root, target, apply=True),
                run_phase("no-op apply", emu, desk, desired, root, target, apply=True)]


def report(target: str, ws: Workspace, phases: list[Phase], bound: Phase | None) -> None:
    resources = len(ws.fields) + len(ws.forms)
    options = sum(len(f.options) for f in ws.fields.values())
    texts = sum(bool(f.titles) + sum(bool(o.titles) for o in f.options)
                for f in ws.fields.values()) + sum(bool(f.titles) for f in ws.forms.values())
    print(f"\n== {target}: {len(ws.fields)} fields, {options} options, {len(ws.forms)} forms "
          f"({resources} resources), {texts} translated texts; limit {LIMIT}/min ==")
    print(f"{'phase':<12} {'calls':>6} {'reads':>6} {'writes':>6} {'429s':>5} "
          f"{'minimum':>8} {'x min':>6} {'API floor':>9} {'x floor':>7} {'per-object':>10} "
          f"{'x ours':>7} {'time s':>7} {'floor s':>7}")
    for p in phases:
        minimum = p.minimum
        # Terraform: refresh reads every resource in state (none before the first apply),
        # and each create/update is read back.
        in_state = 0 if p.name == "first apply" else resources
        per_object = p.list_pages + in_state + 2 * p.changed
        floor = (p.calls / LIMIT) * 60
        print(f"{p.name:<12} {p.calls:>6} {p.reads:>6} {p.writes:>6} {p.retries:>5} "
              f"{minimum:>8} {p.calls / max(minimum, 1):>6.2f} {p.api_floor:>9} "
              f"{p.calls / max(p.api_floor, 1):>7.2f} {per_object:>10} "
              f"{per_object / max(p.calls, 1):>7.2f} {p.seconds:>7.2f} {floor:>7.2f}")
        if p.object_reads:
            print(f"{'':<12} ({p.object_reads} of the reads are per-object GETs: "
                  f"{p.forced_reads} ticket forms, whose list omits their fields, and "
                  f"{p.object_reads - p.forced_reads} others)")
        if p.dc_writes:
            print(f"{'':<12} (API floor includes {p.dc_writes} dynamic content items: one per "
                  "translated option or form title, its variants in the same call)")
        if p.section_writes:
            print(f"{'':<12} (API floor includes {p.section_writes} dynamic-section writes: a "
                  "section per condition and a membership write per child)")
        print(f"{'':<12} (server-side log: {p.server_reads} reads, {p.server_writes} writes, "
              f"{p.server_429} answered 429)")
    if bound is not None:
        floor = bound.calls / LIMIT * 60
        print(f"3x workspace, first apply: {bound.calls} calls ({bound.retries} retried after "
              f"429) in {bound.seconds:.1f} s sandbox time vs floor {floor:.1f} s "
              f"(x{bound.seconds / floor:.2f})")
    print("minimum = list pages read + one write per changed object; API floor = minimum + "
          "what the vendor's API forces (Zendesk: a dynamic content item per translated "
          "option or form title; Freshdesk: one GET per ticket form, since "
          "/api/v2/ticket-forms documents no include returning fields, and dynamic-section "
          "writes for new conditions); per-object = list pages "
          "+ one read per resource in state + a create/update and a read-back per change; "
          "floor = calls ÷ limit. A sliding 60 s window lets up to 700 calls through at once, "
          "so runs under 700 calls finish faster than the floor.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=["zendesk", "freshdesk", "both"], default="both")
    parser.add_argument("--no-scaled", action="store_true",
                        help="skip the 3x workspace where the rate limit binds")
    parser.add_argument("--no-translations", action="store_true",
                        help="translate field titles only (the workspace measured before "
                             "option and form titles were translated)")
    args = parser.parse_args(argv)
    translated = not args.no_translations
    targets = ["zendesk", "freshdesk"] if args.target == "both" else [args.target]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="deskops-bench-") as tmp, \
            start_sandbox(zendesk_plan="enterprise", freshdesk_plan="enterprise") as sandbox:
        for target in targets:
            phases = bench(sandbox, target, 1, Path(tmp), translated)
            bound = (None if args.no_scaled
                     else bench(sandbox, target, 3, Path(tmp), translated)[0])
            report(target, generate(target, 1, translated), phases, bound)
    print(f"\n(bench ran in {time.monotonic() - started:.1f} s real time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
