"""A decision, explained: for people (`explain_text`) and for the audit log (`explain_json`).

The JSON form is what the worker stores in the event store: ids, keys, reasons and the
update — never requester text (no subject, no description, no rejected values). The update's
comment is deskops's own rendered template; for an unverified requester it quotes nothing
they wrote, and for a verified one `explain_json(..., include_comment=False)` leaves it out.
"""

from __future__ import annotations

import json
from typing import Any

from integrations.triage._decision import Decision

__all__ = ["explain_json", "explain_text"]

_HOW = {
    "tag": "kept from the ticket's language tag",
    "script": "Hangul script in the requester's text",
    "detector": "offline detector on the requester's text, above the confidence threshold",
    "requester": "the requester's profile locale (text too short or unclear)",
    "default": "the workspace's default locale (nothing else was conclusive)",
}

_MODE = {
    "live": "live: the update is sent",
    "shadow": "shadow mode: recorded only, nothing is sent",
    "off": "kill switch on: nothing is sent",
}


def explain_json(decision: Decision, *, include_comment: bool = True) -> dict[str, Any]:
    """A JSON-ready explanation, free of requester text."""
    update = decision.update.as_dict()
    if not include_comment and "comment" in update:
        update["comment"] = {k: v for k, v in update["comment"].items() if k != "html"}
    return {
        "ticket_id": decision.ticket_id,
        "decision": decision.kind,
        "summary": decision.summary,
        "mode": decision.mode,
        "will_write": decision.should_write,
        "language": None if decision.language is None else {
            "locale": decision.language, "how": decision.language_how},
        "form": None if decision.form_how is None else {
            "key": decision.form, "how": decision.form_how},
        "missing": [
            {"key": m.key, "kind": m.kind, "reason": m.reason, "detail": m.detail,
             "title": m.title}
            for m in decision.missing
        ],
        "hints": [
            {"key": m.key, "kind": m.kind, "detail": m.detail, "title": m.title}
            for m in decision.hints
        ],
        "extracted": [
            {"key": e.key, "source": e.source, "pattern": e.pattern, "method": e.method,
             # the evidence's words are requester text: only explain_text shows them
             **({"evidence": {"locale": e.evidence.locale,
                              "confidence": e.evidence.confidence}} if e.evidence else {})}
            for e in decision.extracted
        ],
        "rules": [
            {"name": r.name, "because": list(r.reasons), "stop": r.stop,
             **({"group": r.group} if r.group else {}),
             **({"reply": r.reply} if r.reply else {}),
             **({"status": r.status} if r.status else {})}
            for r in decision.rules
        ],
        "ask_hash": decision.ask_hash,
        "reasons": list(decision.reasons),
        "update": update,
        "version": decision.version,
        "updated_at": decision.updated_at.isoformat() if decision.updated_at else None,
    }


_METHOD = {"option": "option titles and keywords", "date": "date in words",
           "typed": "typed value", "sentence": "value in a sentence", "label": "labelled line",
           "pattern": "pattern", "checkbox": "checkbox statement",
           "learned": "learned", "learned_span": "learned span",
           "learned_clause": "learned clause"}


def explain_text(decision: Decision) -> str:
    """The readable form printed by ``deskops explain``."""
    lines = [f"ticket {decision.ticket_id}: {decision.summary}", f"  mode: {_MODE[decision.mode]}"]
    if decision.language:
        how = _HOW.get(decision.language_how or "", decision.language_how or "")
        lines.append(f"  language: {decision.language} ({how})")
    if decision.form_how:
        lines.append(f"  form: {decision.form or '-'} ({decision.form_how})")
    for e in decision.extracted:
        if e.evidence is not None:  # inferred: the words it was read from, and how
            ev = e.evidence
            lines.append(f"  inferred: {e.key} = {e.value} ← {ev.span!r} ({_METHOD[ev.method]}, "
                         f"{ev.locale}, confidence {ev.confidence:.2f}) from the {e.source}")
        else:
            lines.append(f"  extracted: {e.key} from the {e.source} (pattern /{e.pattern}/)")
    if decision.missing:
        lines.append("  missing:")
        for m in decision.missing:
            lines.append(f"    - {m.key} ({m.title}): {m.detail}")
    for m in decision.hints:
        lines.append(f"  optional, mentioned as a hint: {m.key} ({m.title}): {m.detail}")
    for r in decision.rules:
        stop = ", stop" if r.stop else ""
        if r.reply:
            stop += f", replies with {r.reply}" + (f" and sets {r.status}" if r.status else "")
        lines.append(f"  rule {r.name!r} matched: {'; '.join(r.reasons)}{stop}")
    for reason in decision.reasons:
        lines.append(f"  because: {reason}")
    update = decision.update.as_dict()
    if not update:
        lines.append("  update: none")
    else:
        comment = update.pop("comment", None)
        if "fields" in update:  # field keys as the workspace names them, not remote ids
            update["fields"] = {decision.field_keys.get(int(rid), f"field {rid}"): value
                                for rid, value in update["fields"].items()}
        lines.append("  update: " + json.dumps(update, ensure_ascii=False, sort_keys=True))
        if comment:
            lines.append(f"  public comment ({comment['template']}, {comment['locale']}):")
            lines.extend(f"    | {line}" for line in comment["html"].splitlines())
    return "\n".join(lines)
