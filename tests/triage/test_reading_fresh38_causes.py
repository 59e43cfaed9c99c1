"""Causes of misreads found on the fresh38 split, each fixed as a general rule and tested
here in sentences of our own. Of several values a pattern finds for one field, the one the
text singles out is read: the others said to work ("tried Firefox, works fine"), or it
alone marked ("only on Chrome", "사파리에서만"); one thing said twice ("windows … windows
10", "linux (ubuntu)") is one value; otherwise none is written. The requester's own words
come before a forwarded message's. "Today" in a demand ("I want my money back today") is a
deadline, not the problem's day. A field the requester says they do not remember ("não
lembro o servidor") is asked, whatever else reads as one. A run-on text's next clause ends
a handle ("minha conta é zorvelo eu também …"). A requester who does not know which kind
applies ("je sais pas trop sous quelle case je rentre") is asked, the model does not settle
it. "mesmo do e-mail" fills no label. "c'est chez vous ou chez les marques ?" asks on whose
side the cause lies. A list headed as what was already tried holds remedies, not problems
("Ce que j'ai déjà fait :\\n1. … 2. … le partage de connexion"). The field's description
echoed labels a value ("the number at the top right of the page was 509-1327").

From fresh39: the form's questions echoed with short answers ("char? Snaggletooth"); "my
site number is", and an id spelled digit by digit ("8 8 0 1 4 5 2"); a parent writing for
a child gives the child's character even beside their own ("mine is …"); a name with the
field's name in brackets after it ("Kestrel-7 (mon perso)"); a single value said to work
("No PC abre normal no Firefox") is not the problem's."""

from __future__ import annotations

from datetime import datetime

import pytest
from test_reading import read_ticket as _read
from triage_support import example_context

from integrations.triage import TriageContext
from integrations.triage.reading.choice import choose
from integrations.triage.reading.context import kind_unknown
from integrations.triage.reading.dates import find_dates
from integrations.triage.reading.names import unknown_to_requester
from integrations.triage.reading.parts import in_tried_list, parts

WEDNESDAY = datetime(2026, 12, 2, 14, 40)

# ------------------------------------------------------------------ several values of a field


def _choose(text: str, *values: str) -> str | None:
    spans, found = [], []
    for v in values:
        at = text.index(v, spans[-1][1] if spans else 0)
        spans.append((at, at + len(v)))
        found.append(v)
    i = choose(text, spans, found)
    return None if i is None else found[i]


@pytest.mark.parametrize(("text", "values", "chosen"), [
    ("Firefox at home works fine, Edge too is ok. It's only Chrome that hangs.",
     ("Firefox", "Edge", "Chrome"), "Chrome"),
    ("Chrome hangs on the report, Firefox works fine.", ("Chrome", "Firefox"), "Chrome"),
    ("Sur Firefox ça marche, sur Chrome la page reste blanche.", ("Firefox", "Chrome"), "Chrome"),
    ("No Firefox funciona, no Chrome fica em branco.", ("Firefox", "Chrome"), "Chrome"),
    ("크롬은 잘 되는데 사파리는 안 돼요.", ("크롬", "사파리"), "사파리"),
    ("집에서는 크롬이랑 엣지 둘 다 쓰는데 엣지에서만 그래요.", ("크롬", "엣지", "엣지"), "엣지"),
    ("I use Chrome at work and Safari at home, it happens only on Safari.",
     ("Chrome", "Safari", "Safari"), "Safari"),
    # one thing, said twice or more fully
    ("it drops me back to windows, my pc is windows 10", ("windows", "windows 10"), "windows 10"),
    ("firefox on linux (ubuntu), nothing happens", ("linux", "ubuntu"), "linux"),
    # nothing tells which: none
    ("I have Windows 10 at work and macOS at home, the report is blank.",
     ("Windows 10", "macOS"), None),
    ("Chrome doesn't work and Firefox doesn't work either.", ("Chrome", "Firefox"), None),
])
def test_of_several_values_the_one_singled_out_or_none(text: str, values: tuple[str, ...],
                                                       chosen: str | None) -> None:
    assert _choose(text, *values) == chosen


def test_a_browser_said_to_work_is_not_the_one_written(ads: TriageContext) -> None:
    got, _ = _read(ads, "The payout report stays blank. Things I tried: Firefox on the same "
                        "laptop, works fine; Edge at the office, also fine. So it's only "
                        "Chrome on Windows 11. SID 4410289", None, "en")
    assert got.get("browser") == "browser_chrome"


def test_two_systems_and_no_choice_leave_the_system_asked(ads: TriageContext) -> None:
    got, missing = _read(ads, "The links page freezes with a script error. At the office I'm "
                              "on Windows 10, at home on macOS Sonoma with Safari. SID 4410289",
                         None, "en")
    assert "operating_system" not in got
    assert "operating_system" in missing


def test_the_requesters_own_browser_comes_before_the_forwarded_ones(ads: TriageContext
                                                                    ) -> None:
    body = ("Same as my colleague below, but on my own site: Firefox on macOS, the dashboard "
            "is a blank page. SID 4410289\n\n---------- Forwarded message ---------\n"
            "From: Dana Ray\nSubject: blank\n\nmy dashboard is blank since this morning, "
            "Safari on my iPad.")
    got, _ = _read(ads, body, None, "en")
    assert got.get("browser") == "browser_firefox"


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(("text", "language"), [
    ("I WANT MY ITEMS OR MY MONEY BACK TODAY.", "en"),
    ("Je veux être remboursé aujourd'hui.", "fr"),
    ("Quero meu dinheiro de volta hoje.", "pt"),
    ("오늘 안에 환불해 주세요.", "ko"),
])
def test_today_in_a_demand_is_a_deadline(text: str, language: str) -> None:
    assert find_dates(text, language, WEDNESDAY) == []


def test_today_told_as_the_problems_day_is_read() -> None:
    assert [d.isoformat() for d, _, _ in find_dates("I paid today and got nothing.", "en",
                                                    WEDNESDAY)] == ["2026-12-02"]


# ------------------------------------------------------------------ a field not remembered


@pytest.mark.parametrize(("text", "unknown"), [
    ("Não lembro o servidor, era um mundo de clube.", True),
    ("I don't remember the server, sorry.", True),
    ("je ne sais plus quel serveur c'était", True),
    ("서버는 기억이 안 나요.", True),
    ("I remember the server well: Kyprosa.", False),
    ("I don't remember the name of the item.", False),
])
def test_a_field_the_requester_does_not_remember(games: TriageContext, text: str,
                                                 unknown: bool) -> None:
    server = games.workspace.fields["server"]
    assert unknown_to_requester(server, text) is unknown


def test_a_server_not_remembered_is_asked_not_read_elsewhere(games: TriageContext) -> None:
    got, missing = _read(games, "Last Friday a guy called VexMarket sold me 20k gold for R$ 25 "
                                "on Pix and vanished. My character is Lunaria. Não lembro o "
                                "servidor.", "report-a-player", "pt-br")
    assert "server" not in got and "server" in missing
    assert got.get("character_name") == "Lunaria"


# ------------------------------------------------------------------ a run-on handle


@pytest.mark.parametrize(("body", "locale", "name"), [
    ("o código não chega minha conta é zorvelo eu também troquei de celular", "pt-br",
     "zorvelo"),
    ("the code never comes my account is brumeclaw i tried twice", "en", "brumeclaw"),
    ("the code never comes my account is locked i tried twice", "en", None),
])
def test_a_run_on_texts_next_clause_ends_a_handle(games: TriageContext, body: str,
                                                  locale: str, name: str | None) -> None:
    got, _ = _read(games, body, "glyph-account-issues", locale)
    assert got.get("account_name") == name


# ------------------------------------------------------------------ which kind: not known


@pytest.mark.parametrize(("text", "unknown"), [
    ("donc je sais pas trop sous quelle case je rentre", True),
    ("I'm not sure which category I fall under.", True),
    ("não sei em qual categoria eu fico", True),
    ("어느 유형인지 잘 모르겠어요", True),
    ("I know which category: model.", False),
    ("not sure which day it was", False),
])
def test_the_requester_not_knowing_which_kind(text: str, unknown: bool) -> None:
    assert kind_unknown(text) is unknown


def test_a_kind_the_requester_cannot_place_is_asked_even_with_the_model() -> None:
    stream = example_context("streaming-platform", learned=True)
    got, missing = _read(stream, "Bonjour, je fais des shows en solo mais je bosse aussi avec "
                                 "un studio depuis l'été, je sais pas trop dans quelle case je "
                                 "rentre. Mes gains de novembre ne sont pas arrivés.", None, "fr")
    assert "occupation" not in got and "occupation" in missing


# ------------------------------------------------------------------ labels left to another


@pytest.mark.parametrize("line", ["Usuário: mesmo do e-mail", "Username: same as my email",
                                  "Pseudo : même que l'e-mail"])
def test_a_label_left_to_another_item_fills_nothing(stream: TriageContext, line: str) -> None:
    got, _ = _read(stream, f"{line}\nI was charged after I cancelled my subscription.", None,
                   "en")
    assert "username" not in got


# ------------------------------------------------------------------ whose side


def test_asking_whether_the_cause_is_the_networks_or_the_brands(ads: TriageContext) -> None:
    got, missing = _read(ads, "Mes clics ne sont plus comptés depuis le 1er. C'est chez vous ou "
                              "chez les enseignes ? SID 4410289", None, "fr")
    assert "problem_type" not in got and "problem_type" in missing


# ------------------------------------------------------------------ a list of what was tried


TRIED = ("La mise à jour bloque à 62 % depuis hier. Ce que j'ai déjà essayé :\n"
         "1. redémarré le PC\n2. réinstallé le launcher\n"
         "3. essayé avec le partage de connexion du téléphone\nRien n'y fait.")


def test_a_list_of_remedies_is_neither_problems_nor_parts(games: TriageContext) -> None:
    assert in_tried_list(TRIED, TRIED.index("connexion"))
    assert not in_tried_list(TRIED, TRIED.index("bloque"))
    assert parts(TRIED) is None
    got, _ = _read(games, TRIED, "technical-issues", "fr")
    assert got.get("issue_type") == "tech_patching"


def test_a_numbered_list_of_problems_is_still_two_parts() -> None:
    text = "Deux soucis :\n1. mon paiement a été refusé\n2. mon compte est bloqué"
    assert not in_tried_list(text, text.index("paiement"))
    assert parts(text) is not None


# ------------------------------------------------------------------ the field's description


@pytest.mark.parametrize(("body", "locale"), [
    ("I can't log in any more. The number at the top right of my dashboard was 44-10-289, my "
     "nephew wrote it down for me.", "en"),
    ("Je ne peux plus me connecter. Le numéro en haut à droite du tableau de bord : "
     "44 10 289.", "fr"),
    ("Não consigo entrar. Código (o número do canto direito do painel): 4410289", "pt-br"),
    ("로그인이 안 돼요. 대시보드 오른쪽 상단 번호는 4410 289 입니다.", "ko"),
])
def test_the_fields_description_echoed_labels_its_value(ads: TriageContext, body: str,
                                                        locale: str) -> None:
    got, missing = _read(ads, body, None, locale)
    assert got.get("sid") == "4410289"
    assert "sid" not in missing


def test_a_phone_number_is_no_described_id(ads: TriageContext) -> None:
    got, missing = _read(ads, "My payout is late. Call me back on 44-10-289 please.", None, "en")
    assert "sid" not in got and "sid" in missing


# ------------------------------------------------------------------ fresh39's causes


def test_the_forms_questions_echoed_with_answers_are_read(games: TriageContext) -> None:
    got, _ = _read(games, "char? Thornbeak\nshard? Deepwood\nwhat's wrong? the quest npc "
                          "won't talk\nwhen? yday", "in-game-issues", "en")
    assert got.get("character_name") == "Thornbeak" and got.get("server") == "Deepwood"


def test_a_question_mark_in_a_sentence_labels_nothing(stream: TriageContext) -> None:
    got, _ = _read(stream, "Can they all stay on my login? Nao entendi nada dessa parte.", None,
                   "pt-br")
    assert "username" not in got


@pytest.mark.parametrize("body", [
    "The reports page keeps spinning on chrome. my site number is 55-019-27 thanks",
    "Les rapports ne chargent plus. Le numéro du site : 55 019 27.",
    "리포트가 안 열려요. 사이트 아이디 5 5 0 1 9 2 7 입니다.",
])
def test_a_site_number_in_groups_or_digit_by_digit(ads: TriageContext, body: str) -> None:
    got, _ = _read(ads, body, None, "en")
    assert got.get("sid") == "5501927"


def test_a_parent_writing_for_a_child_gives_the_childs_character(games: TriageContext
                                                                 ) -> None:
    got, _ = _read(games, "Hello, I'm writing for my 9 year old. His character is Pebblewick "
                          "(mine is GardenMum but mine is fine). His mount vanished on Monday.",
                   "in-game-issues", "en")
    assert got.get("character_name") == "Pebblewick"


def test_a_parent_playing_too_keeps_their_own(games: TriageContext) -> None:
    got, _ = _read(games, "My son and I both play. His character is Pebblewick, mine is "
                          "GardenMum and my mount vanished on Monday.", "in-game-issues", "en")
    assert got.get("character_name") == "GardenMum"


@pytest.mark.parametrize(("body", "locale"), [
    ("Mon fusil a disparu de l'inventaire de Kestrel-9 (mon perso) jeudi.", "fr"),
    ("My rifle vanished from the inventory of Kestrel-9 (my character) on Thursday.", "en"),
])
def test_a_name_with_the_fields_name_in_brackets_after_it(games: TriageContext, body: str,
                                                          locale: str) -> None:
    got, _ = _read(games, body, "in-game-issues", locale)
    assert got.get("character_name") == "Kestrel-9"


def test_a_value_said_to_work_is_not_written(ads: TriageContext) -> None:
    assert _choose("No PC abre normal no Firefox, mas no celular o painel trava.",
                   "Firefox") is None
    got, _ = _read(ads, "No PC abre normal no Firefox, mas no celular (navegador Samsung "
                        "Internet) o painel fica travado. É problema técnico. SID 7390051",
                   None, "pt-br")
    assert got.get("browser") != "browser_firefox"


def test_fine_until_a_day_is_no_value_that_works(games: TriageContext) -> None:
    got, _ = _read(games, "the game closes to desktop since the patch, before that it was fine "
                          "my glyph name is bluecactus77 im on windows ten with an rtx 3060",
                   "technical-issues", "en")
    assert got.get("operating_system", "").lower().startswith("windows")


@pytest.mark.parametrize(("text", "language", "days"), [
    ("na sexta eu comprei o pacote e ja esperei o fim de semana todo e nada", "pt",
     ["2026-11-27"]),
    ("bought it Friday, waited the whole weekend, nothing", "en", ["2026-11-27"]),
    ("j'ai acheté vendredi et attendu tout le week-end", "fr", ["2026-11-27"]),
    ("it broke last weekend", "en", ["2026-11-28"]),
])
def test_a_whole_period_waited_through_dates_nothing(text: str, language: str,
                                                     days: list[str]) -> None:
    assert [d.isoformat() for d, _, _ in find_dates(text, language, WEDNESDAY)] == days


def test_logging_on_names_no_place(games: TriageContext) -> None:
    got, _ = _read(games, "right after the maintenance i logged on Brambleroot and my mount "
                          "is not in my mounts anymore", "in-game-issues", "en")
    assert "server" not in got
    got, _ = _read(games, "a gold seller spams chat on Kyprosa all evening, his name is "
                          "Vexxiron", "report-a-player", "en")
    assert got.get("server") == "Kyprosa"


@pytest.mark.parametrize(("body", "locale", "name"), [
    ("The game never lets me in since Sunday. My account name, according to my grandson, is "
     "grandpaJoe51.", "en", "grandpaJoe51"),
    ("Le jeu plante depuis dimanche. Mon compte, si je me souviens bien, c'est lutinbleu77.",
     "fr", "lutinbleu77"),
])
def test_an_aside_between_the_label_and_its_value(games: TriageContext, body: str,
                                                  locale: str, name: str) -> None:
    got, _ = _read(games, body, "technical-issues", locale)
    assert got.get("account_name") == name
