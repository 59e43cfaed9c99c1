"""Localized messages to requesters: request, reminder, closing, and the workspace's answers.

Templates are the workspace's own (``templates/<locale>/<name>.html``) or the defaults below
(en, fr, ko, pt-br). Besides the three standard names, a workspace may add templates that
rules send as answers (``"then": {"reply": "<name>"}``); such a name must be referred to by
a rule, and must exist for the workspace's default locale (the fallback when the
requester's locale has no translation of it).

They are Jinja2 templates run in a *sandboxed*, *autoescaping* environment with strict
undefined variables: requester text only ever arrives as an escaped variable value, never
as template source, and a typo in a template is an error at load time, not a message sent
half-filled.

Variables: ``items`` (each with ``label``, ``hint``, ``reason``, ``value`` — ``value`` is
None unless the requester is verified), ``hints`` (optional attachments not given yet, each
with ``label`` and ``hint``: mentioned, never required), ``subject`` (None for unverified
requesters), ``ticket_id``, ``reminder_number``, ``locale``. Filter: ``quote`` puts a value
between the locale's quotation marks (``{{ subject|quote }}``: “…” in English, « … » in
French), so a workspace template never hard-codes another language's marks.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from jinja2 import DictLoader, StrictUndefined, TemplateError, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from integrations.errors import Problem, WorkspaceError

__all__ = ["DEFAULT_TEMPLATES", "TEMPLATE_NAME", "TEMPLATE_NAMES", "Templates",
           "load_templates"]

TemplateName = Literal["request", "reminder", "closing"]
TEMPLATE_NAMES: tuple[TemplateName, ...] = ("request", "reminder", "closing")
#: What a workspace template's file stem must look like (a rule's ``reply`` names one).
TEMPLATE_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")

#: quotation marks per language (the ``quote`` filter); others get the English ones.
QUOTES: Mapping[str, tuple[str, str]] = {
    "en": ("\u201c", "\u201d"),            # “…”
    "fr": ("\u00ab\u00a0", "\u00a0\u00bb"),  # « … » with no-break spaces
    "ko": ("\u201c", "\u201d"),            # “…” (the usual marks in modern Korean text)
    "pt": ("\u201c", "\u201d"),            # “…” (Brazilian usage)
    "es": ("\u00ab", "\u00bb"),            # «…»
    "de": ("\u201e", "\u201c"),            # „…“
    "ja": ("\u300c", "\u300d"),            # 「…」
}


@pass_context
def quote(context: Context, value: object) -> Markup:
    """``{{ subject|quote }}``: the value between the quotation marks of the template's
    locale (``locale`` of the render), escaped like any other value."""
    language = str(context.get("locale") or "en").split("-", 1)[0].lower()
    opening, closing = QUOTES.get(language, QUOTES["en"])
    # the marks hold nothing to escape: one Markup, as the sum of three would be
    return Markup(opening + str(escape(value)) + closing)


_ITEMS = """<ul>
{%- for item in items %}
<li><strong>{{ item.label }}</strong>{% if item.hint %} — {{ item.hint }}{% endif %}
{%- if item.value is not none %} ({{ invalid }} {{ item.value|quote }}){% endif %}</li>
{%- endfor %}
</ul>
{%- if hints %}
<p>{{ optional }}</p>
<ul>
{%- for item in hints %}
<li>{{ item.label }}{% if item.hint %} — {{ item.hint }}{% endif %}</li>
{%- endfor %}
</ul>
{%- endif %}"""


def _set(hello: str, intro: str, invalid: str, outro: str, reminder: str, closing: str,
         signoff: str, optional: str) -> dict[str, str]:
    items = _ITEMS.replace("{{ invalid }}", invalid).replace("{{ optional }}", optional)
    return {
        "request": f"<p>{hello}</p>\n<p>{intro}</p>\n{items}\n<p>{outro}</p>\n<p>{signoff}</p>",
        "reminder": f"<p>{hello}</p>\n<p>{reminder}</p>\n{items}\n<p>{outro}</p>\n"
                    f"<p>{signoff}</p>",
        "closing": f"<p>{hello}</p>\n<p>{closing}</p>\n<p>{signoff}</p>",
    }


DEFAULT_TEMPLATES: Mapping[str, Mapping[str, str]] = {
    "en": _set(
        "Hello,",
        "Thank you for your request{% if subject %} {{ subject|quote }}{% endif %}. "
        "To help you quickly, we still need:",
        "the value given does not have the expected format",
        "Simply reply to this message with this information.",
        "We are still waiting for the following information to handle your request "
        "(reminder {{ reminder_number }}):",
        "We have not heard back from you, so we are closing this request. Reply to this "
        "message at any time to reopen it.",
        "The support team",
        "Not required, but it helps:",
    ),
    "fr": _set(
        "Bonjour,",
        "Merci pour votre demande{% if subject %} {{ subject|quote }}{% endif %}. "
        "Pour vous aider rapidement, il nous manque :",
        "la valeur indiquée n'a pas le format attendu",
        "Il vous suffit de répondre à ce message avec ces informations.",
        "Nous attendons toujours les informations suivantes pour traiter votre demande "
        "(relance {{ reminder_number }}) :",
        "Sans nouvelles de votre part, nous clôturons cette demande. Répondez à ce message "
        "à tout moment pour la rouvrir.",
        "L'équipe support",
        "Facultatif, mais utile :",
    ),
    "ko": _set(
        "안녕하세요,",
        "{% if subject %}{{ subject|quote }} 건으로 {% endif %}문의해 주셔서 감사합니다. "
        "빠른 처리를 위해 다음 정보가 필요합니다:",
        "입력하신 값의 형식이 올바르지 않습니다",
        "이 메시지에 회신하여 해당 정보를 보내 주세요.",
        "문의를 처리하기 위해 아직 다음 정보를 기다리고 있습니다 (알림 {{ reminder_number }}):",
        "회신이 없어 이 문의를 종료합니다. 언제든지 이 메시지에 회신하시면 다시 열립니다.",
        "고객지원팀 드림",
        "필수는 아니지만 도움이 됩니다:",
    ),
    "pt-br": _set(
        "Olá,",
        "Obrigado pela sua solicitação{% if subject %} {{ subject|quote }}{% endif %}. "
        "Para ajudar você rapidamente, ainda precisamos de:",
        "o valor informado não está no formato esperado",
        "Basta responder a esta mensagem com essas informações.",
        "Ainda aguardamos as seguintes informações para tratar sua solicitação "
        "(lembrete {{ reminder_number }}):",
        "Como não tivemos retorno, estamos encerrando esta solicitação. Responda a esta "
        "mensagem a qualquer momento para reabri-la.",
        "Equipe de suporte",
        "Não é obrigatório, mas ajuda:",
    ),
}


def _environment(sources: Mapping[str, str]) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=DictLoader(dict(sources)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["quote"] = quote
    return env


@dataclass(frozen=True)
class Templates:
    """Compiled templates for every locale available (workspace first, then defaults)."""

    env: SandboxedEnvironment
    locales: tuple[str, ...]
    default_locale: str
    #: Every ``<locale>/<name>`` available (empty: assume every name in every locale).
    available: frozenset[str] = field(default_factory=frozenset)

    def has(self, name: str, locale: str | None = None) -> bool:
        """Whether template ``name`` exists (in ``locale``, or in the fallback locale)."""
        if not self.available:
            return name in TEMPLATE_NAMES
        if locale is not None:
            return f"{locale}/{name}" in self.available
        return self.has(name, self.pick_locale(self.default_locale))

    def pick_locale(self, locale: str) -> str:
        """``locale``, else its language, else the workspace default, else en."""
        if locale in self.locales:
            return locale
        lang = locale.split("-", 1)[0]
        for cand in self.locales:
            if cand.split("-", 1)[0] == lang:
                return cand
        return self.default_locale if self.default_locale in self.locales else "en"

    def render(self, name: str, locale: str, *, items: Sequence[Mapping[str, Any]] = (),
               subject: str | None = None, ticket_id: int = 0,
               reminder_number: int = 0,
               hints: Sequence[Mapping[str, Any]] = ()) -> tuple[str, str]:
        """Render ``name`` in ``locale``; returns ``(locale used, html)``.

        A workspace answer template missing in ``locale`` is rendered in the default
        locale (validation makes sure it exists there).
        """
        used = self.pick_locale(locale)
        if self.available and f"{used}/{name}" not in self.available:
            for candidate in (self.default_locale, "en", *self.locales):
                if f"{candidate}/{name}" in self.available:
                    used = candidate
                    break
        html = self.env.get_template(f"{used}/{name}").render(
            items=list(items), subject=subject, ticket_id=ticket_id,
            reminder_number=reminder_number, locale=used, hints=list(hints))
        return used, html.strip()


def load_templates(root: Path | None, default_locale: str = "en",
                   extra_names: Collection[str] = ()) -> Templates:
    """The workspace's ``templates/`` folder over the shipped defaults, all compiled now.

    ``extra_names`` are the answer templates rules.json refers to (``then.reply``): files
    with these names are loaded too; any other unknown name is an error (a typo).
    """
    sources: dict[str, str] = {
        f"{loc}/{name}": text for loc, names in DEFAULT_TEMPLATES.items()
        for name, text in names.items()
    }
    folder = root / "templates" if root is not None else None
    problems: list[Problem] = []
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob("*/*.html")):
            name = path.stem
            rel = path.relative_to(root).as_posix() if root else path.name
            if name not in TEMPLATE_NAMES and name not in extra_names:
                problems.append(Problem(rel, "", f"unknown template {name!r}: expected one of "
                                        f"{', '.join(TEMPLATE_NAMES)}, or a name a rule "
                                        "replies with in rules.json (then.reply)"))
                continue
            try:
                sources[f"{path.parent.name}/{name}"] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(Problem(rel, "", f"cannot read template: {exc}"))
    locales = sorted({k.split("/", 1)[0] for k in sources})
    for loc in locales:
        for name in TEMPLATE_NAMES:
            if f"{loc}/{name}" not in sources:
                problems.append(Problem(f"templates/{loc}", "", f"missing template {name}.html "
                                        "(a locale needs request, reminder and closing)"))
    env = _environment(sources)
    for key in sources:
        try:
            env.get_template(key)
        except TemplateError as exc:
            line = getattr(exc, "lineno", None)
            where = f" (line {line})" if line else ""
            problems.append(Problem(f"templates/{key}.html", "", f"template error{where}: "
                                    f"{exc.message if hasattr(exc, 'message') else exc}"))
    for name in sorted(set(extra_names) - set(TEMPLATE_NAMES)):
        if not any(k.endswith(f"/{name}") for k in sources):
            problems.append(Problem(f"templates/{default_locale}/{name}.html", "",
                                    f"missing: rules.json replies with template {name!r}"))
        elif f"{default_locale}/{name}" not in sources:
            problems.append(Problem(f"templates/{default_locale}/{name}.html", "",
                                    f"missing: template {name!r} needs a version in the "
                                    f"default locale {default_locale!r} (the fallback)"))
    if problems:
        raise WorkspaceError(problems)
    return Templates(env=env, locales=tuple(locales), default_locale=default_locale,
                     available=frozenset(sources))
