"""The triage decision: a pure function of (ticket, context) → one helpdesk update.

`decide` is what the worker runs on every ticket event; `chase` is what ``deskops chase``
runs on each needs-info ticket. Neither touches the network, the CLI or a web framework:
the worker and the CLI read the ticket, call these, and apply `Decision.update` in one call
(only when `Decision.should_write`).

State lives on the ticket, as tags, so re-deciding on the same state changes nothing:

- ``lang_<locale>``: the language found (kept stable once set);
- ``deskops_needs_info`` (configurable): waiting for the requester;
- ``deskops_ask_<hash>``: *what* was asked, so the same request is never sent twice;
- ``deskops_reminder_<n>``: reminder n was sent (chase);
- ``deskops_triaged``: complete and routed — deskops leaves the ticket to people;
- ``deskops_answered``: answered by a rule's reply template (and solved, unless the form
  needs a human to confirm);
- ``deskops_auto_solved``: solved by chase after the last delay;
- ``deskops_read_<method>``: a field value was inferred from free text by that reading
  method (option, date, typed, sentence); `explain` shows the evidence.

Tags are only ever added or removed one by one (`Update.add_tags` / `remove_tags`), never
replaced, so tags set by agents or other automations survive.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from integrations.errors import ConfigError
from integrations.language import detect_reading, language_of
from integrations.model import Form, Target, Ticket, TicketComment, Workspace
from integrations.triage._instance import (
    Evaluation,
    Extracted,
    FormSpec,
    MissingItem,
    compile_form,
    evaluate,
    requester_texts,
)
from integrations.triage._rules import (
    CompiledRule,
    Facts,
    Mode,
    RuleMatch,
    RuleSet,
    load_rules,
    match_rules,
)
from integrations.triage._templates import Templates, load_templates
from integrations.triage.reading.forwarded import own_subject, own_words, without_logs

__all__ = [
    "ANSWERED_TAG",
    "ASK_TAG_PREFIX",
    "AUTO_SOLVED_TAG",
    "TRIAGED_TAG",
    "Comment",
    "Decision",
    "DecisionKind",
    "TriageContext",
    "Update",
    "chase",
    "decide",
    "is_auto_reply",
    "mode_from_env",
    "reminder_tag",
]

TRIAGED_TAG = "deskops_triaged"
ASK_TAG_PREFIX = "deskops_ask_"
REMINDER_TAG_PREFIX = "deskops_reminder_"
AUTO_SOLVED_TAG = "deskops_auto_solved"
ANSWERED_TAG = "deskops_answered"
LANG_TAG_PREFIX = "lang_"
#: ``deskops_read_<method>``: a value on the ticket was inferred by that reading method.
INFERRED_TAG_PREFIX = "deskops_read_"
#: How much of a wrong value may be quoted back to a (verified) requester.
MAX_ECHO = 200

DecisionKind = Literal[
    "skip",       # deskops must not act on this ticket (closed, spam, agent took over, ...)
    "no_change",  # nothing to do: same state as last time
    "route",      # complete on first look: tag and route
    "ask",        # something is missing: one public request for exactly that
    "complete",   # a reply completed the ticket: remove the needs-info tag, reopen, route
    "answer",     # an answer rule: reply with its template (and solve), nothing asked
    "remind",     # chase: reminder n
    "solve",      # chase: closing message and solved
    "wait",       # chase: not yet time
]

#: Whether any of these phrases is there (`is_auto_reply` asks nothing else): "out of
#: office", "auto-reply", "autoreply", "auto-submitted", "away from my desk", "on vacation",
#: "absent du bureau", "réponse automatique", "message automatique", "je suis absente",
#: "부재중", "자동 응답", "resposta automática", "fora do escritório", "ausente do
#: escritório", "Abwesenheitsnotiz", "automatische Antwort". Grouped by first letter: at each
#: place of the text the engine tries one branch per letter, not one per phrase.
_AUTO_REPLY = re.compile(
    r"a(?:uto(?:(?:matic)?[- ]?reply|reply|-submitted|matische antwort)|way from (?:my|the) "
    r"(?:desk|office)|bsent du bureau|usente do escritório|bwesenheitsnotiz)|"
    r"o(?:ut of (?:the )?office|n vacation)|r(?:éponse automatique|esposta automática)|"
    r"message automatique|je suis absente?|fora do escritório|부재중|자동 ?응답",
    re.IGNORECASE,
)


def reminder_tag(n: int) -> str:
    return f"{REMINDER_TAG_PREFIX}{n}"


#: A message the requester forwards or pastes: from its header ("---------- Forwarded message
#: ---------", "Begin forwarded message:", "Message transféré", "Début du message
#: réexpédié", "Mensagem encaminhada", "전달된 메시지") to a line of dashes or underscores
#: that closes it, else the text's end; and lines quoted with ">".
_FORWARDED = re.compile(
    r"(?im)^[ \t>]*(?:-{2,}|_{2,})?[ \t]*(?:forwarded message|begin forwarded message|"
    r"original message|message transf[ée]r[ée]|d[ée]but du message r[ée]exp[ée]di[ée]|"
    r"message d'origine|mensagem encaminhada|mensagem original|전달된 메시지|원본 메시지)"
    r"[^\n]*\n(?:.*\n)*?(?:[ \t]*(?:-{5,}|_{5,})[ \t]*(?:\n|$)|(?:.*\Z))"
    r"|^[ \t]*>[^\n]*$")


def is_auto_reply(comment: TicketComment | None = None, text: str | None = None) -> bool:
    """Auto-responder evidence: the helpdesk saw auto-reply headers, or the text says so
    outside a message the requester forwards or quotes (`_FORWARDED`: a pasted "message
    automatique" is the product's, the line beside it the requester's own)."""
    if comment is not None and comment.auto_submitted:
        return True
    body = text if text is not None else (comment.body if comment is not None else "")
    return bool(_AUTO_REPLY.search(_FORWARDED.sub(" ", body[:2000])))


def mode_from_env(env: Mapping[str, str], default: Mode = "live") -> Mode:
    """``DESKOPS_KILL_SWITCH`` (any true value) → off; ``DESKOPS_TRIAGE_MODE`` → live/shadow/off.

    Environment beats rules.json: a kill switch must not need a commit to take effect.
    """
    if env.get("DESKOPS_KILL_SWITCH", "").strip().lower() in ("1", "true", "yes", "on"):
        return "off"
    mode = env.get("DESKOPS_TRIAGE_MODE", "").strip().lower()
    if not mode:
        return default
    if mode not in ("live", "shadow", "off"):
        raise ConfigError(f"DESKOPS_TRIAGE_MODE must be live, shadow or off, got {mode!r}")
    return mode  # type: ignore[return-value]


@dataclass(frozen=True)
class Comment:
    """The one public comment of an update: HTML rendered from a workspace template
    (``request``, ``reminder``, ``closing``, or an answer rule's own template)."""

    html: str
    locale: str
    template: str
    public: bool = True


@dataclass(frozen=True)
class Update:
    """One helpdesk update. ``fields`` maps remote field ids to values written back."""

    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    group_id: int | None = None
    priority: str | None = None
    type: str | None = None
    status: str | None = None
    fields: Mapping[int, Any] = field(default_factory=dict)
    comment: Comment | None = None

    @property
    def empty(self) -> bool:
        return not (self.add_tags or self.remove_tags or self.fields or self.comment) and (
            self.group_id is None and self.priority is None and self.type is None
            and self.status is None)

    def merged_tags(self, current: Iterable[str]) -> list[str]:
        """The full tag list after this update, for helpdesks that replace tags (Freshdesk)."""
        removed = set(self.remove_tags)
        out = [t for t in current if t not in removed]
        out.extend(t for t in self.add_tags if t not in out)
        return out

    def as_dict(self) -> dict[str, Any]:
        """Only what changes; the comment body is included (it is deskops's own text)."""
        out: dict[str, Any] = {}
        if self.add_tags:
            out["add_tags"] = list(self.add_tags)
        if self.remove_tags:
            out["remove_tags"] = list(self.remove_tags)
        for name in ("group_id", "priority", "type", "status"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        if self.fields:
            out["fields"] = {str(k): v for k, v in self.fields.items()}
        if self.comment is not None:
            out["comment"] = {"public": self.comment.public, "locale": self.comment.locale,
                              "template": self.comment.template, "html": self.comment.html}
        return out


@dataclass(frozen=True)
class Decision:
    """What to do with one ticket, and every reason why (see `integrations.triage.explain`)."""

    ticket_id: int
    kind: DecisionKind
    summary: str
    update: Update
    mode: Mode
    reasons: tuple[str, ...] = ()
    language: str | None = None
    language_how: str | None = None
    form: str | None = None
    form_how: str | None = None
    missing: tuple[MissingItem, ...] = ()
    extracted: tuple[Extracted, ...] = ()
    rules: tuple[RuleMatch, ...] = ()
    #: Optional attachments not given (mentioned in a request, never asked for).
    hints: tuple[MissingItem, ...] = ()
    ask_hash: str | None = None
    #: The ticket state decided on: Zendesk ``updated_stamp`` for ``safe_update``.
    version: str | None = None
    updated_at: datetime | None = None
    #: The workspace key of each field id the update writes (explain shows keys, not ids).
    field_keys: Mapping[int, str] = field(default_factory=dict)

    @property
    def should_write(self) -> bool:
        """True only in live mode with something to send (kill switch and shadow never write)."""
        return self.mode == "live" and not self.update.empty


@dataclass(frozen=True)
class TriageContext:
    """Everything `decide` needs besides the ticket, built once per worker (not per event)."""

    workspace: Workspace
    rules: RuleSet
    compiled_rules: tuple[CompiledRule, ...]
    templates: Templates
    forms: Mapping[str, FormSpec]
    field_ids: Mapping[int, str]
    form_ids: Mapping[int, str]
    key_ids: Mapping[str, int]
    brand_ids: Mapping[str, int]
    self_author_ids: frozenset[int]
    mode: Mode
    target: Target

    @classmethod
    def build(
        cls,
        workspace: Workspace,
        *,
        field_ids: Mapping[int, str],
        form_ids: Mapping[int, str],
        group_ids: Mapping[str, int],
        brand_ids: Mapping[str, int] | None = None,
        self_author_ids: Iterable[int] = (),
        rules: RuleSet | None = None,
        templates: Templates | None = None,
        mode: Mode | None = None,
        target: Target = "zendesk",
    ) -> TriageContext:
        """Read rules.json and templates/ (if not given), compile forms and rules once.

        ``field_ids``/``form_ids`` map remote ids to workspace keys (the provisioning lock);
        ``group_ids``/``brand_ids`` map helpdesk names to ids; ``self_author_ids`` are the
        helpdesk users deskops posts as, so its own comments are told from agents'.
        """
        rules = rules if rules is not None else load_rules(workspace.root, workspace)
        templates = templates if templates is not None else load_templates(
            workspace.root, workspace.default_locale,
            extra_names={r.reply for r in rules.rules if r.reply})
        brands = dict(brand_ids or {})
        return cls(
            workspace=workspace,
            rules=rules,
            compiled_rules=rules.compile(group_ids, brands),
            templates=templates,
            forms={key: compile_form(form, workspace.fields, workspace.default_locale,
                                     workspace.learned)
                   for key, form in workspace.forms.items()},
            field_ids=dict(field_ids),
            form_ids=dict(form_ids),
            key_ids={key: rid for rid, key in field_ids.items()},
            brand_ids=brands,
            self_author_ids=frozenset(self_author_ids),
            mode=mode or rules.settings.mode,
            target=target,
        )


# --------------------------------------------------------------------------- guards


def _own(c: TicketComment, ctx: TriageContext) -> bool:
    return c.author_id in ctx.self_author_ids


def _guard(ticket: Ticket, ctx: TriageContext) -> str | None:
    """Why deskops must leave this ticket alone, or None."""
    if ticket.deleted:
        return "the ticket is deleted"
    if ticket.spam:
        return "the ticket is marked as spam"
    if ticket.merged:
        return "the ticket was merged into another"
    if ticket.status in ("closed", "solved"):
        return f"the ticket is {ticket.status}"
    if ticket.status == "hold":
        return "the ticket is on hold: an agent has taken it over"
    if ctx.rules.settings.opt_out_tag in ticket.tags:
        return f"the ticket carries the opt-out tag {ctx.rules.settings.opt_out_tag}"
    own = [c.created_at for c in ticket.comments if _own(c, ctx)]
    last_own = max(own) if own else None
    for c in ticket.comments:
        if c.from_agent and not _own(c, ctx) and (last_own is None or c.created_at > last_own):
            return ("an agent has replied since deskops's last message" if last_own
                    else "an agent has already replied")
    replies = [c for c in ticket.comments if c.from_requester and c.public and not _own(c, ctx)
               and (last_own is None or c.created_at > last_own)]
    if replies:
        latest = max(replies, key=lambda c: c.created_at)
        first = latest.body == ticket.description  # the ticket's own first message
        if is_auto_reply(latest, f"{ticket.subject}\n{latest.body}" if first else None):
            return "the latest reply is from an auto-responder (two robots must not talk)"
    elif is_auto_reply(text=f"{ticket.subject}\n{ticket.description}"):  # any channel,
        # as on Zendesk, where the description is the first comment (portal, API, e-mail)
        return "the ticket looks like an auto-reply"
    return None


# --------------------------------------------------------------------------- helpers


def _language(ticket: Ticket, ctx: TriageContext) -> tuple[str, str, str]:
    """The locale to answer in, how it was found, and the language the requester wrote in."""
    ws = ctx.workspace
    for tag in ticket.tags:
        if tag.startswith(LANG_TAG_PREFIX):
            for loc in ws.locales:
                if _lang_tag(loc) == tag:
                    return loc, "tag", language_of(loc)
    texts = [ticket.subject, ticket.description,
             *(t for s, t in requester_texts(ticket, ctx.self_author_ids) if s.startswith("c"))]
    # the language the requester writes, not that of an e-mail they forward or of a log
    own = [own_subject(texts[0]),
           *(without_logs(own_words(t, notices=False)) for t in texts[1:])]
    if any(t.strip() for t in own[1:]):
        texts = own
    return detect_reading(texts, ws.locales, fallback_locale=ticket.requester_locale,
                          default=ws.default_locale)


def _lang_tag(locale: str) -> str:
    return LANG_TAG_PREFIX + locale.lower().replace("-", "_")


def _form_allowed(form: Form, ticket: Ticket, ctx: TriageContext) -> bool:
    if not form.active:
        return False
    if not form.brands or ticket.brand_id is None or not ctx.brand_ids:
        return True
    return any(ctx.brand_ids.get(b) == ticket.brand_id for b in form.brands)


def _choose_form(ticket: Ticket, ctx: TriageContext) -> tuple[FormSpec | None, str]:
    if ticket.form_id is not None and ctx.form_ids.get(ticket.form_id) in ctx.forms:
        return ctx.forms[ctx.form_ids[ticket.form_id]], "the ticket's form"
    settings = ctx.rules.settings
    candidates = [s for s in ctx.forms.values() if _form_allowed(s.form, ticket, ctx)]
    if settings.match_form_by_content:
        texts = [t[:20_000] for _, t in requester_texts(ticket, ctx.self_author_ids)]
        scored = []
        for spec in candidates:
            hits = sum(1 for pats in spec.extract.values()
                       if any(p.search(t) for p in pats for t in texts))
            if hits:
                scored.append((hits, spec))
        scored.sort(key=lambda x: -x[0])
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return scored[0][1], f"its text matches {scored[0][0]} extraction pattern(s)"
    default = settings.default_form or ctx.workspace.settings.get("default_form")
    if not default:
        default = next((s.form.key for s in candidates if s.form.default), None)
    if default and default in ctx.forms:
        return ctx.forms[default], "the workspace's default form (the ticket has none)"
    return None, "no form: the ticket has none and the workspace has no default form"


def _values(ticket: Ticket, ctx: TriageContext) -> dict[str, Any]:
    return {ctx.field_ids[rid]: v for rid, v in ticket.fields.items() if rid in ctx.field_ids}


def _ask_hash(missing: Sequence[MissingItem]) -> str:
    raw = "|".join(sorted(f"{m.kind}:{m.key}:{m.reason}" for m in missing))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:10]


#: How a request phrases the two likely options, and a follow-up asked in case of one.
_CHOICE = {"en": "{a} or {b}?", "fr": "{a} ou {b} ?", "ko": "{a} 또는 {b}?",
           "pt": "{a} ou {b}?"}
_ONLY_IF = {"en": "only if it is: {t}", "fr": "seulement s'il s'agit de : {t}",
            "ko": "{t}인 경우에만", "pt": "somente se for: {t}"}


def _phrase(table: Mapping[str, str], locale: str) -> str:
    return table.get(locale.split("-", 1)[0].lower(), table["en"])


def _items(missing: Sequence[MissingItem], locale: str, verified: bool) -> list[dict[str, Any]]:
    out = []
    for m in missing:
        value = None
        if verified and m.reason == "invalid" and m.value is not None:
            value = str(m.value)[:MAX_ECHO]
        hint = m.hint(locale)
        choices = m.choice_titles(locale)
        if len(choices) >= 2:  # the text named both: offer them rather than the whole list
            hint = _phrase(_CHOICE, locale).format(a=choices[0], b=choices[1])
        elif m.reason == "if_choice":
            only_if = _phrase(_ONLY_IF, locale).format(t=m.condition_title(locale))
            hint = f"{only_if} — {hint}" if hint else only_if
        out.append({"label": m.label(locale), "hint": hint, "reason": m.reason,
                    "value": value})
    return out


def _stage_tags(ticket: Ticket, keep: str | None = None) -> list[str]:
    return [t for t in ticket.tags if (t.startswith((ASK_TAG_PREFIX, REMINDER_TAG_PREFIX)))
            and t != keep]


def _minimal(ticket: Ticket, *, add: Iterable[str] = (), remove: Iterable[str] = (),
             group_id: int | None = None, priority: str | None = None, type: str | None = None,
             status: str | None = None, fields: Mapping[int, Any] | None = None,
             comment: Comment | None = None) -> Update:
    """Only what differs from the ticket as read, so a repeat decision is an empty update."""
    current = set(ticket.tags)
    adds: list[str] = []
    for t in add:
        if t not in current and t not in adds:
            adds.append(t)
    removes = [t for t in dict.fromkeys(remove) if t in current and t not in adds]
    return Update(
        add_tags=tuple(adds),
        remove_tags=tuple(removes),
        group_id=group_id if group_id is not None and group_id != ticket.group_id else None,
        priority=priority if priority is not None and priority != ticket.priority else None,
        type=type if type is not None and type != ticket.type else None,
        status=status if status is not None and status != ticket.status else None,
        fields={k: v for k, v in (fields or {}).items() if ticket.fields.get(k) in (None, "")},
        comment=comment,
    )


@dataclass(frozen=True)
class _Look:
    """What `decide` and `chase` both work out about a ticket."""

    language: str
    language_how: str
    spec: FormSpec | None
    form_how: str
    evaluation: Evaluation
    rules: tuple[RuleMatch, ...]


def _look(ticket: Ticket, ctx: TriageContext) -> _Look:
    language, how, written = _language(ticket, ctx)
    # read in the language written, answer in a workspace locale (the same one mostly)
    reading_locale = language if language_of(language) == written else written
    spec, form_how = _choose_form(ticket, ctx)
    values = _values(ticket, ctx)
    if spec is not None:
        evaluation = evaluate(spec, ticket, values, ctx.self_author_ids, locale=language,
                              reading=ctx.rules.settings.reading,
                              reading_locale=reading_locale)
    else:
        evaluation = Evaluation(instance=values, extracted=(), missing=())
    texts = [t for _, t in requester_texts(ticket, ctx.self_author_ids)]
    files = bool(ticket.attachments) or any(c.attachments for c in ticket.comments
                                            if c.from_requester)
    facts = Facts(
        form=spec.form.key if spec else None, values=evaluation.instance, language=language,
        text_language=reading_locale, requester_domain=ticket.requester_domain,
        brand_id=ticket.brand_id,
        channel=ticket.channel, recipient=ticket.recipient, text="\n".join(reversed(texts)),
        has_attachments=files,
    )
    return _Look(language, how, spec, form_how, evaluation,
                 tuple(match_rules(ctx.compiled_rules, facts)))


def _decision(ticket: Ticket, ctx: TriageContext, kind: DecisionKind, summary: str,
              update: Update | None = None, look: _Look | None = None,
              reasons: Sequence[str] = (), ask_hash: str | None = None) -> Decision:
    update = update or Update()
    return Decision(
        ticket_id=ticket.id, kind=kind, summary=summary, update=update,
        mode=ctx.mode, reasons=tuple(reasons),
        language=look.language if look else None,
        language_how=look.language_how if look else None,
        form=look.spec.form.key if look and look.spec else None,
        form_how=look.form_how if look else None,
        missing=look.evaluation.missing if look else (),
        extracted=look.evaluation.extracted if look else (),
        rules=look.rules if look else (),
        hints=look.evaluation.optional if look else (),
        ask_hash=ask_hash, version=ticket.version, updated_at=ticket.updated_at,
        field_keys={rid: ctx.field_ids[rid] for rid in update.fields if rid in ctx.field_ids},
    )


# --------------------------------------------------------------------------- decide


def decide(ticket: Ticket, ctx: TriageContext) -> Decision:
    """The one update to make for ``ticket`` now (pure: same inputs, same decision)."""
    why_not = _guard(ticket, ctx)
    if why_not:
        return _decision(ticket, ctx, "skip", f"no action: {why_not}", reasons=[why_not])
    if TRIAGED_TAG in ticket.tags:
        return _decision(ticket, ctx, "no_change", "no change: already triaged and routed",
                         reasons=[f"the ticket carries {TRIAGED_TAG}"])
    look = _look(ticket, ctx)
    settings = ctx.rules.settings
    tags = [_lang_tag(look.language)] if settings.language_tags else []
    tags.extend(t for m in look.rules for t in m.tags)
    written = {ctx.key_ids[e.key]: e.value for e in look.evaluation.extracted
               if e.key in ctx.key_ids}
    # inferred values are marked, quietly: one tag per reading method that wrote something
    tags.extend(sorted({INFERRED_TAG_PREFIX + e.method for e in look.evaluation.extracted
                        if e.evidence is not None and e.key in ctx.key_ids
                        and ticket.fields.get(ctx.key_ids[e.key]) in (None, "")}))
    reasons = [f"extracted {e.key} from the {e.source}" for e in look.evaluation.extracted]
    missing = look.evaluation.missing
    needs_info = settings.needs_info_tag in ticket.tags
    answer = next((m for m in look.rules if m.reply), None)
    if answer is not None:  # before asking: no SID asked from someone in the wrong place
        return _answer(ticket, ctx, look, answer, tags, written, reasons)

    if missing:
        digest = _ask_hash(missing)
        ask_tag = ASK_TAG_PREFIX + digest
        if ask_tag in ticket.tags:
            update = _minimal(ticket, add=[*tags, settings.needs_info_tag], fields=written)
            kind: DecisionKind = "no_change" if update.empty else "ask"
            return _decision(
                ticket, ctx, kind,
                "no change: this exact request was already sent; waiting for the requester",
                update, look, [*reasons, f"{ask_tag} shows the same request was made"], digest)
        locale, html = ctx.templates.render(
            "request", look.language,
            items=_items(missing, look.language, ticket.requester_verified),
            subject=ticket.subject if ticket.requester_verified else None, ticket_id=ticket.id,
            hints=_items(look.evaluation.optional, look.language, False))
        update = _minimal(
            ticket, add=[*tags, settings.needs_info_tag, ask_tag],
            remove=_stage_tags(ticket, keep=ask_tag), status="pending", fields=written,
            comment=Comment(html=html, locale=locale, template="request"))
        what = ", ".join(m.key for m in missing)
        again = " (still missing after the requester's reply)" if needs_info else ""
        if not ticket.requester_verified:
            reasons.append("the requester is not verified: nothing they wrote is quoted back")
        return _decision(ticket, ctx, "ask", f"ask for {len(missing)} item(s){again}: {what}",
                         update, look, reasons, digest)

    group_id, priority, type_ = _routing(look.rules)
    reopen = needs_info or ticket.status == "pending"
    update = _minimal(
        ticket, add=[*tags, TRIAGED_TAG],
        remove=[settings.needs_info_tag, *_stage_tags(ticket)],
        group_id=group_id, priority=priority, type=type_,
        status="open" if reopen else None, fields=written)
    if needs_info:
        return _decision(ticket, ctx, "complete",
                         "complete after the requester's reply: reopen and route", update, look,
                         reasons)
    return _decision(ticket, ctx, "route", "complete: tag and route, no comment", update, look,
                     reasons)


def _routing(matches: Sequence[RuleMatch]) -> tuple[int | None, str | None, str | None]:
    """Group, priority and type from the matched rules: later rules override earlier."""
    group_id = priority = type_ = None
    for m in matches:
        group_id = m.group_id if m.group_id is not None else group_id
        priority = m.priority or priority
        type_ = m.type or type_
    return group_id, priority, type_


def _answer(ticket: Ticket, ctx: TriageContext, look: _Look, answer: RuleMatch,
            tags: Sequence[str], written: Mapping[int, Any], reasons: list[str]) -> Decision:
    """An answer rule matched: its template in the requester's language, its status (never
    solved where a human must confirm), routing, and nothing asked for."""
    assert answer.reply is not None
    settings = ctx.rules.settings
    status = answer.status
    if look.spec is not None and status == "solved" and _human_must_confirm(look.spec.form, ctx):
        status = "open"
        reasons.append(f"form {look.spec.form.key} needs a human to confirm: answered but "
                       "not solved")
    if status is None and (settings.needs_info_tag in ticket.tags or ticket.status == "pending"):
        status = "open"
    if look.evaluation.missing:
        reasons.append(f"rule {answer.name!r} answers before the missing-information check: "
                       f"{len(look.evaluation.missing)} missing item(s) not asked for")
    if not ticket.requester_verified:
        reasons.append("the requester is not verified: nothing they wrote is quoted back")
    verified = ticket.requester_verified
    locale, html = ctx.templates.render(answer.reply, look.language,
                                        subject=ticket.subject if verified else None,
                                        ticket_id=ticket.id)
    group_id, priority, type_ = _routing(look.rules)
    update = _minimal(
        ticket, add=[*tags, TRIAGED_TAG, ANSWERED_TAG],
        remove=[settings.needs_info_tag, *_stage_tags(ticket)],
        group_id=group_id, priority=priority, type=type_, status=status, fields=written,
        comment=Comment(html=html, locale=locale, template=answer.reply))
    then = f" and set status {status}" if status else ""
    return _decision(ticket, ctx, "answer", f"answer with template {answer.reply}{then} "
                     f"(rule {answer.name!r}); nothing asked", update, look, reasons)


# --------------------------------------------------------------------------- chase


def _human_must_confirm(form: Form, ctx: TriageContext) -> bool:
    """Listed in rules.json ``human_confirmation_forms``, or ``x-deskops.auto_solve: false``
    (or ``human_confirmation: true``) on the form schema (the game publisher's deletions)."""
    if form.key in ctx.rules.settings.human_confirmation_forms:
        return True
    ext = form.schema.get("x-deskops", {}) if isinstance(form.schema, Mapping) else {}
    return bool(isinstance(ext, Mapping) and (ext.get("human_confirmation")
                                              or ext.get("auto_solve") is False))


def _closure_fields(spec: FormSpec | None, ticket: Ticket,
                    ctx: TriageContext) -> tuple[dict[int, Any], list[str]]:
    """Freshdesk ``required_for_closure`` fields: values to fill, and those that block."""
    fill: dict[int, Any] = {}
    blocked: list[str] = []
    if spec is None or ctx.target != "freshdesk":
        return fill, blocked
    values = _values(ticket, ctx)
    for key, f in spec.fields.items():
        vendor = f.vendor.get("freshdesk", {})
        if not vendor.get("required_for_closure") or values.get(key) not in (None, "", []):
            continue
        rid = ctx.key_ids.get(key)
        if "closure_value" in vendor and rid is not None:
            fill[rid] = vendor["closure_value"]
        else:
            blocked.append(key)
    return fill, blocked


def chase(ticket: Ticket, ctx: TriageContext, now: datetime) -> Decision:
    """Reminder n, solve, or nothing, for a ticket waiting for its requester at ``now``."""
    settings = ctx.rules.settings
    why_not = _guard(ticket, ctx)
    if why_not:
        return _decision(ticket, ctx, "skip", f"no action: {why_not}", reasons=[why_not])
    if settings.needs_info_tag not in ticket.tags:
        return _decision(ticket, ctx, "skip", "no action: not waiting for information",
                         reasons=[f"no {settings.needs_info_tag} tag"])
    if ticket.status != "pending":
        return _decision(ticket, ctx, "skip",
                         f"no action: the ticket is {ticket.status} (the requester answered; "
                         "the worker decides)", reasons=["only pending tickets are chased"])
    look = _look(ticket, ctx)
    if not look.evaluation.missing:
        return _decision(ticket, ctx, "skip", "no action: nothing is missing any more; the "
                         "worker will route it", look=look)
    replies = [c.created_at for c in ticket.comments
               if c.from_requester and c.public and not _own(c, ctx)]
    since = max(replies) if replies else None
    own = sorted(c.created_at for c in ticket.comments
                 if _own(c, ctx) and c.public and (since is None or c.created_at >= since))
    if not own:
        return _decision(ticket, ctx, "skip", "no action: deskops's request is not on the "
                         "ticket (asked by someone else?)", look=look)
    asked_at, last_own = own[0], own[-1]
    schedule = settings.chase.reminders_after_hours
    solve_after = settings.chase.solve_after_hours
    sent = 0
    while sent < len(schedule) and reminder_tag(sent + 1) in ticket.tags:
        sent += 1
    reasons = [f"asked at {asked_at.isoformat()}", f"{sent} reminder(s) sent"]

    def due(hours: float, previous: float) -> tuple[bool, datetime]:
        at = max(asked_at + timedelta(hours=hours), last_own + timedelta(hours=hours - previous))
        return now >= at, at

    verified = ticket.requester_verified
    if sent < len(schedule):
        ready, at = due(schedule[sent], schedule[sent - 1] if sent else 0.0)
        if not ready:
            return _decision(ticket, ctx, "wait", f"wait: reminder {sent + 1} is due at "
                             f"{at.isoformat()}", look=look, reasons=reasons)
        locale, html = ctx.templates.render(
            "reminder", look.language, items=_items(look.evaluation.missing, look.language,
                                                    verified),
            subject=ticket.subject if verified else None, ticket_id=ticket.id,
            reminder_number=sent + 1,
            hints=_items(look.evaluation.optional, look.language, False))
        update = _minimal(ticket, add=[reminder_tag(sent + 1)],
                          comment=Comment(html=html, locale=locale, template="reminder"))
        return _decision(ticket, ctx, "remind", f"send reminder {sent + 1}", update, look,
                         reasons)
    if solve_after is None:
        return _decision(ticket, ctx, "wait", "wait: no auto-solve delay is configured",
                         look=look, reasons=reasons)
    ready, at = due(solve_after, schedule[-1] if schedule else 0.0)
    if not ready:
        return _decision(ticket, ctx, "wait", f"wait: solving is due at {at.isoformat()}",
                         look=look, reasons=reasons)
    if look.spec is not None and _human_must_confirm(look.spec.form, ctx):
        why = f"form {look.spec.form.key} needs a human to confirm: never solved automatically"
        return _decision(ticket, ctx, "skip", f"no action: {why}", look=look,
                         reasons=[*reasons, why])
    fill, blocked = _closure_fields(look.spec, ticket, ctx)
    if blocked:
        why = (f"Freshdesk requires {', '.join(blocked)} for closure and no closure_value is "
               "declared: left for an agent")
        return _decision(ticket, ctx, "skip", f"no action: {why}", look=look,
                         reasons=[*reasons, why])
    locale, html = ctx.templates.render("closing", look.language,
                                        subject=ticket.subject if verified else None,
                                        ticket_id=ticket.id)
    # No longer waiting for the requester: a reply reopens it as a fresh ticket, while the
    # ask and reminder tags stay as history (the same request is still never repeated).
    update = _minimal(ticket, add=[AUTO_SOLVED_TAG], remove=[settings.needs_info_tag],
                      status="solved", fields=fill,
                      comment=Comment(html=html, locale=locale, template="closing"))
    if fill:
        reasons.append(f"filled required_for_closure field(s) {sorted(fill)}")
    return _decision(ticket, ctx, "solve", "solve with a closing message", update, look,
                     reasons)
