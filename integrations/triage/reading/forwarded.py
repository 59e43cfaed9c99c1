"""Another person's words inside the requester's message: a forwarded e-mail or quoted lines.

"forwarding this from my buddy Dan, same thing on mine — ---------- Forwarded message ---------
From: Dan R. … my SID is 6612093": the SID is Dan's. A forwarded block (from a mail client's
marker, in any of the workspace languages, to a closing line of dashes or the end) and quoted
lines (``>``) are someone else's, so a requester's own value (an id, their own name, a free
text) is never read from them (`own_words`); what the ticket is about still is (a dropdown, a
date, the name of the person reported: "same thing on mine" points at the forwarded problem).
A requester forwarding their own earlier message ("forwarding my previous e-mail", "je renvoie
mon message") keeps it, and so does one forwarding a company's receipt or notice ("From:
service@paypal.com"). The language the requester writes is read without any of them
(``own_words(text, notices=False)``, `own_subject`): a notice's English is not theirs.
"""

from __future__ import annotations

import re

from integrations.triage.reading.words import RELATIVES_KO, RELATIVES_LATIN

__all__ = ["contact_card", "own_subject", "own_words", "without_logs", "without_signature"]

#: A mail client's forwarding or original-message marker, on a line of its own.
_MARKER = re.compile(
    r"(?im)^[ \t]*(?:-{2,}[ \t]*(?:forwarded message|original message|message transf[ée]r[ée]|"
    r"message d'origine|message original|mensagem encaminhada|mensagem original|"
    r"전달된 메시지|전달 메시지|원본 메시지)[ \t]*-{2,}|begin forwarded message[ \t]*:|"
    r"d[ée]but du message r[ée]exp[ée]di[ée][ \t]*:|"
    r"in[íi]cio da mensagem encaminhada[ \t]*:)[ \t]*$")
#: The line closing a forwarded block: dashes (or underscores) alone.
_CLOSE = re.compile(r"(?m)^[ \t]*(?:-{5,}|_{5,})[ \t]*$")
#: A message relayed in quotes after a line saying someone sent it: "Minha amiga me mandou
#: isso:\n\"paguei no cartão … transação 9F3K22LX81\"", "my brother wrote me this: “…”",
#: "voilà ce qu'il m'a envoyé : « … »", "친구가 보낸 메시지예요: '…'". The quotes hold the
#: other person's words, to their closing quote (at most a few lines).
_RELAYED = re.compile(
    r"(?i)(?:sent|forwarded|wrote|texted|messaged)\s+(?:me|us)\b|"
    r"\bm'a\s+(?:envoy[ée]|transf[ée]r[ée]|[ée]crit)|\bnous\s+a\s+(?:envoy[ée]|[ée]crit)|"
    r"\bme\s+(?:mandou|enviou|passou|escreveu|encaminhou)|"
    r"(?:보낸|보내\s*준|보내온|전달한|전달받은)")
#: The person who sent it, in the same line: a friend, a relative, a colleague, "he", "she"
#: (a notice from the company, "you sent me this: '…'", is about the requester's own account).
_SENDER = re.compile(
    rf"(?i)(?<!\w)(?:{RELATIVES_LATIN}|pal|bro|sis|son|girlfriend|boyfriend|colleague|"
    r"co-?worker|coll[èe]gue|colega|he|she|they|il|elle|ele|ela)(?!\w)|"
    rf"{RELATIVES_KO}|형은")
_COLON = re.compile(r"[:：]\s*")
_QUOTE = re.compile(r"[\"“«‘'][^\"”»’\n]{12,}(?:\n[^\"”»’\n]+){0,4}[\"”»’']")
#: A forwarded e-mail's subject prefix (en, fr "TR", pt "Enc", ko "전달").
_FORWARDED_SUBJECT = re.compile(r"(?i)^\s*(?:fwd?|tr|enc|rv|전달)\s*:")
#: A quoted line of an e-mail reply.
_QUOTED = re.compile(r"(?m)^[ \t]*>.*$")
#: A forwarded block's sender that is a company's robot (a receipt, a notice about the
#: requester's own account): "From: service@paypal.com", "De : no-reply@…".
_ROBOT = re.compile(
    r"(?im)^[ \t]*(?:from|de|von|보낸 사람)[ \t]*:.*\b(?:no-?reply|noreply|service|billing|"
    r"receipts?|payments?|orders?|support|notifications?|accounts?|info|security)@")
#: Before the marker: the requester forwards their own earlier message.
_OWN = re.compile(
    r"(?i)\b(?:my (?:own |previous |earlier |last |first )?(?:message|e-?mail|mail|request)|"
    r"mon (?:pr[ée]c[ée]dent |dernier |premier )?(?:message|mail|e-mail|courriel)|"
    r"ma (?:pr[ée]c[ée]dente |derni[èe]re |premi[èe]re )?demande|"
    r"minha (?:mensagem|solicita[çc][ãa]o|reclama[çc][ãa]o)|meu (?:e-?mail|pedido) anterior)\b"
    r"|제가 (?:전에 |이전에 |먼저 )?보낸")


#: A mail app's signature ending the text: "Sent from my iPhone", "Envoyé de mon iPhone",
#: "Enviado do meu celular", "Get Outlook for Android", "iPhone에서 보냄": no words of the
#: requester's ("iphone" is no operating system they state).
_SIGNATURE = re.compile(
    r"(?i)(?:^|(?<=[.!?\n])|(?<=[.!?]\s))[ \t]*(?:-{2,}[ \t]*\n?[ \t]*)?"
    r"(?:sent from my|sent from (?:yahoo|mail|outlook) for|get outlook for|"
    r"envoy[ée] (?:de|depuis) (?:mon|l'application)|enviado (?:do|de|pelo|a partir do) meu)"
    r"[ \t]+[\w .'-]{2,30}[ \t]*$|[ \t]*\S{2,20}에서 보냄[ \t]*$")


#: A sign-off on a line of its own ("Regards,", "Cordialement", "Atenciosamente", "감사합니다").
_SIGN_OFF = re.compile(
    r"(?im)^[ \t]*(?:(?:kind|best|warm|many)?[ \t]*regards|sincerely(?: yours)?|yours truly|"
    r"cordialement|bien (?:à|a) vous|salutations(?: distinguées)?|atenciosamente|"
    r"att\.?|abraços?|감사합니다)[ \t,.!]*$")
#: A postscript's mark opening a line ("P.S.:", "PS -", "p.s."), or an edit's ("edit:").
_POSTSCRIPT = re.compile(r"(?im)^[ \t]*(?:p\.?[ \t]?s\.?|edit)[ \t]*[:.\-–—]")


def contact_card(text: str) -> tuple[int, int] | None:
    """Where ``text``'s sign-off block stands: from the end of its sign-off line to a
    "P.S." below it (the requester's words again) or the end; None without a sign-off.
    An address there ("E: b.okafor@firm.co.uk" under a solicitor's name) is the sender's
    contact, not a value the requester gives (`typed`)."""
    signed = _SIGN_OFF.search(text)
    if signed is None:
        return None
    ps = _POSTSCRIPT.search(text, signed.end())
    return signed.end(), ps.start() if ps else len(text)


def without_signature(text: str) -> str:
    """``text`` without a mail app's signature at its end (`_SIGNATURE`)."""
    lowered = text[-80:].casefold()
    if not any(w in lowered for w in ("sent", "nvoy", "nviado", "outlook", "보냄")):
        return text
    return _SIGNATURE.sub("", text.rstrip()).rstrip()


def own_words(text: str, notices: bool = True) -> str:
    """``text`` without the forwarded blocks and quoted lines it holds (as is when none).
    A company's notice about the requester's account stays, unless ``notices`` is false:
    its facts are theirs, its words (and language) are not."""
    if ">" not in text and "--" not in text and ":" not in text:
        return text
    out: list[str] = []
    at = 0
    for m in _MARKER.finditer(text):
        if m.start() < at:
            continue
        if _OWN.search(text, at, m.start()):
            continue  # their own earlier message, forwarded again
        close = _CLOSE.search(text, m.end())
        end = close.end() if close else len(text)
        if _ROBOT.search(text[m.end():end][:400]):
            if notices:
                continue  # a receipt or notice about their own account: their own
            if close is None:  # a notice is one paragraph: what follows is the requester's
                end = _notice_end(text, m.end())
        out.append(text[at:m.start()])
        at = end
    out.append(text[at:])
    return _relayed(_below(_QUOTED.sub("", _answered_inline("".join(out)))))


#: A question quoted back, then the requester's short answer alone on the next line, shaped
#: like a value (three words at most, one with a capital, a digit, "_", "@" or "."): "> - le
#: nom de votre compte Glyph\nMathrak". The question holds no value of its own (no digit, no
#: "@"); a longer answer is a sentence and "see below" no value: both are read as written.
_INLINE_ANSWER = re.compile(r"(?m)^[ \t]*>[ \t]*(?:[-*•][ \t]*)?([^\d@\n>]{3,90}?)[ \t]*\n"
                            r"(?=[ \t]*[^\s>][^ \t\n]*(?:[ \t]+[^ \t\n]+){0,2}[ \t]*(?:\n|$))"
                            r"(?=[^\n]*[A-Z0-9_@.])")


def _answered_inline(text: str) -> str:
    """``text`` with each question quoted back and answered on the next line written as a
    label of its answer ("le nom de votre compte Glyph : Mathrak"): the question is the
    helpdesk's, the answer the requester's."""
    if ">" not in text:
        return text
    return _INLINE_ANSWER.sub(lambda m: m.group(1).rstrip(" ?:") + " : ", text)


#: A line announcing someone else's message below it ("아래는 저희 소속 모델이 보내온
#: 메시지입니다", "below is the message my colleague sent", "voici ci-dessous le message de
#: …", "segue abaixo a mensagem"), then a line of dashes and that message.
_BELOW = re.compile(r"(?i)(?:\b(?:below|ci-dessous|en dessous|abaixo)\b|아래(?:는|에|의)?\s)"
                    r"[^\n]{0,80}(?:message|mail|mensagem|texto|메시지|메일|문자)")


#: ... or a post someone else made, copied in: "아래는 친구가 디스코드에 올린 거 복붙한
#: 거예요", "below is what my friend posted", "voici ce que mon pote a posté", "segue abaixo
#: o que meu amigo postou" (with a `_SENDER` on the line: "pasted below is my log" is theirs).
_BELOW_POSTED = re.compile(
    r"(?i)(?:\b(?:below|ci-dessous|en dessous|abaixo)\b|아래(?:는|에|의)?\s)[^\n]{0,80}"
    r"(?:\bpost(?:ed)?\b|\bpasted?\b|\bcopied\b|\bpost[ée]|\bcopi[ée]|\bcoll[ée]|\bpostou|"
    r"\bcopiei|\bcolei|올린|복붙|붙여|퍼온|캡처)")
#: A line of three dashes or more (or underscores) alone: where a pasted message starts or ends.
_DASHES = re.compile(r"(?m)^[ \t]*(?:-{3,}|_{3,})[ \t]*$")


def _below(text: str) -> str:
    """``text`` without a message set under a line of dashes after a line announcing it
    (`_BELOW`, `_BELOW_POSTED`): the message is the other person's."""
    if "---" not in text and "___" not in text:
        return text
    for m in _DASHES.finditer(text):
        head = text[max(0, m.start() - 300):m.start()]
        posted = _BELOW_POSTED.search(head)
        if _BELOW.search(head) or (posted and _SENDER.search(head, posted.start())):
            end = _DASHES.search(text, m.end())
            return text[:m.start()] + (text[end.end():] if end else "")
    return text


def _relayed(text: str) -> str:
    """``text`` without the quoted messages it relays from someone else."""
    if ":" not in text:
        return text
    for colon in _COLON.finditer(text):
        line = text[text.rfind("\n", 0, colon.start()) + 1:colon.start()]
        quote = _QUOTE.match(text, colon.end())
        if quote is not None and _RELAYED.search(line) and _SENDER.search(line) \
                and not _OWN.search(line):
            return text[:colon.end()] + _relayed(text[quote.end():])
    return text


#: A forwarded e-mail's header line ("From: …", "Objet : …", "Assunto: …", "제목: …").
_HEADER = re.compile(
    r"(?i)[ \t]*(?:from|to|cc|subject|date|sent|de|à|a|objet|envoy[ée]|para|assunto|data|"
    r"enviad[ao]|보낸 사람|받는 사람|제목|날짜)[ \t]*:.*(?:\n|$)")

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _notice_end(text: str, at: int) -> int:
    """Where a forwarded notice that no dashes close ends: after its header lines, at the
    first blank line of its body (or the end)."""
    while (header := _HEADER.match(text, at)) is not None and header.end() > at:
        at = header.end()
    blank = _BLANK_LINE.search(text, at)
    return blank.end() if blank else len(text)


def own_subject(subject: str) -> str:
    """``subject``, or nothing when it is a forwarded e-mail's (someone else's words)."""
    return "" if _FORWARDED_SUBJECT.match(subject) else subject


#: A line a program wrote (a log, a crash report, a stack trace): a timestamp opening it,
#: a log level, an address, a module, a banner, or a "Key: value" with a number ("Client
#: version: 5.12.0"); only lines of ASCII are looked at.
_MACHINE_LINE = re.compile(
    r"^\s*(?:\[?\d{4}-\d\d-\d\d[ T]\d\d:\d\d|\[?\d\d:\d\d:\d\d)|"
    r"\b(?:ERROR|WARN(?:ING)?|INFO|DEBUG|FATAL|TRACE|CRITICAL)\b|0x[0-9A-Fa-f]{4,}|"
    r"\b[\w-]+\.(?:dll|exe|so|sys|js|py|cpp|java)\b|^\s*(?:at\s+[\w.$<>]+\(|Traceback\b|"
    r"File\s+\")|^\s*[=\-*#]{3,}.*[=\-*#]{3,}\s*$|"
    r"^\s*[A-Z][\w .()/-]{1,30}:\s*[\w.:/()-]*\d[\w .:/()-]*$")


def without_logs(text: str) -> str:
    """``text`` without the lines a program wrote (`_MACHINE_LINE`): a pasted log's
    English is not the requester's language."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    kept = [line for line in lines if not (line.isascii() and _MACHINE_LINE.search(line))]
    return "\n".join(kept) if len(kept) < len(lines) else text
