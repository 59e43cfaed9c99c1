"""Whose code, whose name (issue 10): a free-form identifier field reads the requester's
own value only. A code its pattern rejects, or one labelled as another thing (an order, a
pedido, a commande, 주문) while the requester names the field's own thing elsewhere, is not
the field's; one after the field's own qualified label is. Through the pure core, on the
example game workspace, in en, fr, ko and pt-br."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide

# ------------------------------------------------------------------ codes labelled as another thing


@pytest.mark.parametrize(("body", "locale", "code"), [
    ("Bought the bundle, nothing came. It's order 2231 in my history, and the PayPal "
     "transaction is 7HK29481LM3320917.", "en", "7HK29481LM3320917"),
    ("Comprei o pacote, pedido #20261128, nada chegou. ID da transação no e-mail de "
     "confirmação: TXN-7731-QPLM-2049.", "pt-br", "TXN-7731-QPLM-2049"),
    ("J'ai payé le pack, commande n° 20261128, rien reçu. L'identifiant de transaction "
     "PayPal est 5RT09812XC3341234.", "fr", "5RT09812XC3341234"),
    ("패키지를 샀는데 안 들어왔어요. 주문번호 20261128 이고 거래 ID는 9XK20331AB8846712 "
     "입니다.", "ko", "9XK20331AB8846712"),
])
def test_the_code_after_the_fields_own_label_wins_over_another_things(
        games: TriageContext, body: str, locale: str, code: str) -> None:
    """An order number its pattern rejects ("2231"), or one labelled as an order beside the
    transaction's own label: the transaction's code is written."""
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("transaction_id") == code


@pytest.mark.parametrize(("body", "locale"), [
    ("Paid for the pack, order number 20261128, nothing came. The transaction is on my bank "
     "statement.", "en"),
    ("Comprei o pacote, pedido #20261128, nada chegou. A transação aparece na fatura.",
     "pt-br"),
    ("J'ai payé, commande n° 20261128, rien reçu. La transaction apparaît sur mon relevé.",
     "fr"),
])
def test_an_order_number_is_not_written_while_the_transaction_is_named_apart(
        games: TriageContext, body: str, locale: str) -> None:
    """The requester tells the order from the transaction: the order's number is not the
    transaction's, though the admin lists "order" among the field's names."""
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert "transaction_id" not in written(games, d)


def test_an_order_number_alone_is_still_the_fields(games: TriageContext) -> None:
    """Nothing else named: "order" is one of the field's names, its number is read."""
    d = decide(on(games, "Paid, never got the gems. Order id 7HX29381KL0042.",
                  form="unable-to-purchase", locale="en"), games)
    assert written(games, d).get("transaction_id") == "7HX29381KL0042"


# ------------------------------------------------------------------ a newcomer's name in brackets


@pytest.mark.parametrize(("body", "locale"), [
    ("Depuis hier nous n'arrivons plus à rattacher une nouvelle modèle (Inès, pseudo "
     "Ines_Lune) à notre compte.", "fr"),
    ("Since yesterday we can't attach a new model (Ines, username Ines_Lune) to our "
     "studio.", "en"),
    ("Desde ontem não conseguimos vincular uma modelo nova (Inês, usuário Ines_Lune) à "
     "nossa conta.", "pt-br"),
])
def test_a_name_in_brackets_after_someone_new_is_not_the_requesters(
        stream: TriageContext, body: str, locale: str) -> None:
    """Someone introduced with an indefinite article, then their name in brackets: the
    newcomer's identifier, not the requester's own."""
    d = decide(on(stream, body, locale=locale), stream)
    assert written(stream, d).get("username") != "Ines_Lune"


@pytest.mark.parametrize(("body", "locale"), [
    ("Since yesterday I can't attach a new model to the studio. user: lunabelle_x", "en"),
    ("Je n'arrive plus à ajouter une modèle au studio. pseudo : lunabelle_x", "fr"),
    ("새 모델을 스튜디오에 추가할 수가 없어요. 닉은 lunabelle_x 입니다.", "ko"),
])
def test_the_requesters_own_label_outside_brackets_is_still_read(
        stream: TriageContext, body: str, locale: str) -> None:
    d = decide(on(stream, body, locale=locale), stream)
    assert written(stream, d).get("username") == "lunabelle_x"


# ------------------------------------------------------------------ an adverb inside a cue


@pytest.mark.parametrize(("body", "locale", "item"), [
    ("after the maintenance my Gilded Stormwing Glider is just not in my bag anymore.", "en",
     "Gilded Stormwing Glider"),
    ("depuis la maintenance mon Planeur Doré n'est simplement plus dans l'inventaire.", "fr",
     "Planeur Doré"),
    ("depois da manutenção minha Montaria Dourada simplesmente sumiu do inventário.", "pt-br",
     "Montaria Dourada"),
])
def test_an_adverb_inside_a_cue_still_names_the_item(
        games: TriageContext, body: str, locale: str, item: str) -> None:
    """"is just not in" is "is not in": the adverb does not hide the thing named before."""
    d = decide(on(games, body, form="in-game-issues", locale=locale), games)
    assert written(games, d).get("item_name") == item


@pytest.mark.parametrize(("body", "item"), [
    ("지난 주말부터 제 마운트 '별빛 고래'가 컬렉션에서 사라졌어요.", "별빛 고래"),
    ("점검 후에 “황금 날개”가 인벤토리에서 없어졌어요.", "황금 날개"),
])
def test_a_quoted_korean_name_before_its_cue_is_the_item(
        games: TriageContext, body: str, item: str) -> None:
    """Quotes bound a name in any script: a Korean name in quotes, then its particle and
    the verb of loss, names the item."""
    d = decide(on(games, body, form="in-game-issues", locale="ko"), games)
    assert written(games, d).get("item_name") == item


def test_a_quoted_generic_word_is_no_item(games: TriageContext) -> None:
    d = decide(on(games, "점검 후에 '아이템'이 인벤토리에서 사라졌어요.", form="in-game-issues",
                  locale="ko"), games)
    assert "item_name" not in written(games, d)


# ------------------------------------------------------- what a name came to be, short labels


@pytest.mark.parametrize(("body", "value"), [
    ("criei minha conta com 12 anos e o nome ficou xXnoobmasterXx, que vergonha. dá pra "
     "mudar?", "xXnoobmasterXx"),
    ("fiz a conta quando era criança e o nome virou xXnoobmasterXx, quero trocar",
     "xXnoobmasterXx"),
    ("I made my account at 12 and the name ended up xXnoobmasterXx, so embarrassing. can I "
     "change it?", "xXnoobmasterXx"),
    ("j'ai créé mon compte à 12 ans et le nom est devenu xXnoobmasterXx, la honte. je peux "
     "le changer ?", "xXnoobmasterXx"),
    ("criei minha conta com 12 anos e o nome ficou feio, dá pra mudar?", None),
    ("I made my account at 12 and the name ended up weird, can I change it?", None),
    ("I made my account at 12 and the name became Embarrassing, can I change it?", None),
    ("minha guilda mudou de nome, o nome ficou Lobos_Br, como troco o meu?", None),
])
def test_what_the_name_of_the_requesters_thing_came_to_be(
        games: TriageContext, body: str, value: str | None) -> None:
    """"o nome ficou X", "the name ended up X", "le nom est devenu X", after the account
    is named in the sentence; an adjective, or another thing's name, is not read."""
    d = decide(on(games, body, form="glyph-account-issues"), games)
    assert written(games, d).get("account_name") == value


@pytest.mark.parametrize(("body", "value"), [
    ("j'ai acheté le pack 2000 Bits, rien reçu. Le numéro de transaction sur le mail de "
     "confirmation est PSN-4471-90213-FR. Merci", "PSN-4471-90213-FR"),
    ("bought the 2000 Bits pack, nothing arrived. the transaction number in the confirmation "
     "email is PSN-4471-90213-FR", "PSN-4471-90213-FR"),
    ("comprei o pacote e nada. o número do pedido no e-mail de confirmação da Sony é "
     "PSN-4471-90213-FR", "PSN-4471-90213-FR"),
    ("I bought Patron 90 days through PayPal (PayPal ref 7HX52019KD448203L) but nothing. "
     "Order #4471 says completed.", "7HX52019KD448203L"),
    ("j'ai payé le pack mais rien reçu, réf. TXN-88KD02QZ1", "TXN-88KD02QZ1"),
    ("paguei e não caiu nada, ref 55AB-1290-XZ", "55AB-1290-XZ"),
    ("bought the pack, nothing arrived. the transaction in the confirmation email said error "
     "and the code is ERR-4012", None),
    ("I bought the pack but nothing came, ref Frontier Pack", None),
    ("I bought the pack but nothing came, ref: my bank says it's pending", None),
    ("I bought the pack, the referee bot 12ABCD34 is broken", None),
])
def test_a_transaction_code_after_qualifying_words_or_a_short_ref(
        games: TriageContext, body: str, value: str | None) -> None:
    """Up to six words qualify the field's name before its copula ("sur le mail de
    confirmation est"); "ref", "réf." are "reference" written short."""
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("transaction_id") == value
