"""Triage: check each ticket against its form, ask for what is missing, route, chase.

The pure core (no network, no CLI, no web framework): build a `TriageContext` once per
worker, then call `decide(ticket, ctx)` on every event and `chase(ticket, ctx, now)` from
cron. Both return a `Decision` holding one `Update` to apply in a single helpdesk call when
`Decision.should_write` (live mode, something to send); `explain_text` / `explain_json`
tell why.
"""

from integrations.triage._decision import (
    ANSWERED_TAG,
    ASK_TAG_PREFIX,
    AUTO_SOLVED_TAG,
    TRIAGED_TAG,
    Comment,
    Decision,
    DecisionKind,
    TriageContext,
    Update,
    chase,
    decide,
    is_auto_reply,
    mode_from_env,
    reminder_tag,
)
from integrations.triage._explain import explain_json, explain_text
from integrations.triage._instance import (
    Evaluation,
    Extracted,
    FormSpec,
    MissingItem,
    compile_form,
    evaluate,
    option_patterns,
)
from integrations.triage._rules import (
    RULES_FILE,
    ChaseSchedule,
    RuleMatch,
    RuleSet,
    TriageSettings,
    load_rules,
    parse_rules,
    reply_templates,
    validate_rules,
)
from integrations.triage._templates import DEFAULT_TEMPLATES, Templates, load_templates

__all__ = [
    "ANSWERED_TAG",
    "ASK_TAG_PREFIX",
    "AUTO_SOLVED_TAG",
    "DEFAULT_TEMPLATES",
    "RULES_FILE",
    "TRIAGED_TAG",
    "ChaseSchedule",
    "Comment",
    "Decision",
    "DecisionKind",
    "Evaluation",
    "Extracted",
    "FormSpec",
    "MissingItem",
    "RuleMatch",
    "RuleSet",
    "Templates",
    "TriageContext",
    "TriageSettings",
    "Update",
    "chase",
    "compile_form",
    "decide",
    "evaluate",
    "explain_json",
    "explain_text",
    "is_auto_reply",
    "load_rules",
    "load_templates",
    "mode_from_env",
    "option_patterns",
    "parse_rules",
    "reminder_tag",
    "reply_templates",
    "validate_rules",
]
