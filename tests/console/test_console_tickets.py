"""Inbox and ticket pages: escaping, ordering, filters, actions, notes, audit, delete."""

from __future__ import annotations

import re
import uuid

from console_support import csrf_of, login

from bot.tickets import Contact

XSS = "<script>alert(1)</script>"


def references_in_order(html: str) -> list[str]:
    return re.findall(r">(KP-[0-9A-Z]{6})</a>", html)


async def post_action(client, ticket_id: str, action: str, **data: str):
    csrf = await csrf_of(client, f"/tickets/{ticket_id}")
    return await client.post(
        f"/tickets/{ticket_id}/{action}", data={"csrf_token": csrf, **data},
        allow_redirects=False,
    )


async def test_everything_the_person_typed_is_escaped(logged_in, make_ticket):
    ticket = make_ticket(
        summary=XSS,
        region=f"Utrecht {XSS}",
        sector=XSS,
        contract_type=XSS,
        urgency_reason=XSS,
        contact=Contact(name=XSS, preferred_channel="email", email=f'a"{XSS}@x.nl',
                        phone=XSS, preferred_time=XSS),
    )
    await post_action(logged_in, ticket.id, "notes", text=f"Notitie {XSS}")
    for path in (f"/tickets/{ticket.id}", "/", f"/tickets/{ticket.id}/delete"):
        html = await (await logged_in.get(path)).text()
        assert XSS not in html
        assert "<script" not in html
    page = await (await logged_in.get(f"/tickets/{ticket.id}")).text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="mailto:a&#34;&lt;script&gt;' in page  # attribute stays closed


async def test_inbox_shows_the_essentials_least_time_left_first(logged_in, make_ticket, clock):
    low = make_ticket(urgency="low")
    clock.advance(minutes=5)
    high_old = make_ticket(urgency="high", primary_topic="workload_health")
    clock.advance(minutes=5)
    normal = make_ticket(urgency="normal")
    clock.advance(minutes=5)
    high_new = make_ticket(urgency="high")
    clock.advance(hours=3)
    await login(logged_in)  # the session from before idled out meanwhile
    html = await (await logged_in.get("/?status=new&team=")).text()
    # Service levels (issue 15): the least time to the contact deadline first; the two high
    # tickets are due at the same closing time, the one waiting longest goes first.
    assert references_in_order(html) == [
        high_old.reference, high_new.reference, normal.reference, low.reference
    ]
    assert "Tijd over" in html
    assert "Werkdruk en gezondheid" in html  # topic in Dutch
    assert "Utrecht" in html  # region
    assert "3 uur" in html and "Hoog" in html  # age and urgency


async def test_inbox_filters(logged_in, make_ticket, ticket_store):
    high = make_ticket(urgency="high")
    gent = make_ticket(region="Gent")
    claimed = make_ticket()
    ticket_store.update_ticket(claimed.id, status="claimed", actor="anna")

    html = await (await logged_in.get("/?status=new&urgency=high&team=")).text()
    assert references_in_order(html) == [high.reference]

    html = await (await logged_in.get("/?status=claimed&team=")).text()
    assert references_in_order(html) == [claimed.reference]

    html = await (await logged_in.get(f"/?status=all&team={gent.team}")).text()
    assert references_in_order(html) == [gent.reference]

    # Without a team choice, anna (team midden-utrecht) sees her own team only.
    html = await (await logged_in.get("/")).text()
    assert gent.reference not in html and high.reference in html


async def test_ticket_page_shows_everything(logged_in, make_ticket, ticket_store):
    ticket = make_ticket(
        summary="Wil van de bouw naar de zorg",
        topics=["career_change", "training"],
        primary_topic="career_change",
        sector="bouw",
        contract_type="vast",
        deadline="2025-04-01",
        contact=Contact(name="Fatima", preferred_channel="whatsapp", phone="+31611111111",
                        email="f@example.nl", preferred_time="na 17 uur"),
    )
    ticket_store.add_note(ticket.id, "bert", "Eerst bellen")
    html = await (await logged_in.get(f"/tickets/{ticket.id}")).text()
    for text in (ticket.reference, "Wil van de bouw naar de zorg", "Ander werk", "Opleiding",
                 "bouw", "vast", "01-04-2025", "Fatima", "WhatsApp", "+31611111111",
                 "f@example.nl", "na 17 uur", "Eerst bellen", "bert", "Aangemaakt",
                 "Historie", "Oppakken"):
        assert text in html, text


async def test_a_crisis_statement_is_the_first_thing_on_the_ticket_page(
    logged_in, make_ticket
):
    flagged = make_ticket(safety_flag=True, urgency_reason="Signalen van zware nood")
    plain = make_ticket(urgency="high")

    html = await (await logged_in.get(f"/tickets/{flagged.id}")).text()
    alert = html.index('class="safety-alert" role="alert"')
    assert alert < html.index("Acties") < html.index("Samenvatting")
    assert "gedachten aan zelfdoding of zelfbeschadiging" in html
    assert "112" in html and "113" in html and "1813" in html
    assert "Signalen van zware nood" in html  # the full reason stays visible here

    html = await (await logged_in.get(f"/tickets/{plain.id}")).text()
    assert "safety-alert" not in html and "zelfdoding" not in html


async def test_inbox_marks_a_crisis_statement_and_lists_it_first(logged_in, make_ticket,
                                                                 clock):
    flagged = make_ticket(safety_flag=True)
    clock.advance(minutes=5)
    high = make_ticket(urgency="high")  # newer, same urgency
    clock.advance(minutes=5)
    normal = make_ticket()

    html = await (await logged_in.get("/?status=new&team=")).text()
    assert references_in_order(html) == [flagged.reference, high.reference, normal.reference]
    rows = html.split("<tr")[2:]  # the header row first
    assert "Let op: crisissignaal" in rows[0] and 'class="urgency-high safety-flag"' in rows[0]
    assert all("crisissignaal" not in row for row in rows[1:])


async def test_history_shows_a_change_by_the_person_without_the_values(
    logged_in, make_ticket, ticket_store
):
    ticket = make_ticket(sender_key="p" * 64)
    ticket_store.update_contact_by_member(ticket.id, "p" * 64, phone="06-87654321",
                                          preferred_time="na 17 uur")
    html = await (await logged_in.get(f"/tickets/{ticket.id}")).text()
    history = html[html.index("Historie"):]
    assert "Gewijzigd door de persoon" in history
    assert "gegevens: telefoon, beste tijd" in history
    assert "+31687654321" not in history and "na 17 uur" not in history
    assert "+31687654321" in html  # the contact card shows the new number


async def test_claim_contact_close_with_audit(logged_in, make_ticket, ticket_store):
    ticket = make_ticket()
    response = await post_action(logged_in, ticket.id, "claim")
    assert response.status == 303
    assert response.headers["Location"] == f"/tickets/{ticket.id}?melding=opgepakt"
    stored = ticket_store.get_ticket(ticket.id)
    assert (stored.status, stored.assignee) == ("claimed", "anna")

    assert (await post_action(logged_in, ticket.id, "contacted")).status == 303
    assert (await post_action(logged_in, ticket.id, "close", outcome="new_job")).status == 303
    assert ticket_store.get_ticket(ticket.id).status == "closed"

    trail = ticket_store.audit_trail(ticket.id)
    assert [(e.actor, e.detail.get("to")) for e in trail[1:]] == [
        ("anna", "claimed"), ("anna", "contacted"), ("anna", "closed")
    ]
    page = await (await logged_in.get(f"/tickets/{ticket.id}")).text()
    assert "Opgepakt" in page and "Contact gehad" in page and "Gesloten" in page
    assert "Heropenen" in page and "Oppakken" not in page


async def test_invalid_transition_is_refused(logged_in, make_ticket, ticket_store):
    ticket = make_ticket()
    response = await post_action(logged_in, ticket.id, "contacted")
    assert response.status == 409
    assert "Dat kan niet" in await response.text()
    assert ticket_store.get_ticket(ticket.id).status == "new"


async def test_add_note(logged_in, make_ticket, ticket_store):
    ticket = make_ticket()
    response = await post_action(logged_in, ticket.id, "notes", text="  Voicemail ingesproken  ")
    assert response.status == 303
    notes = ticket_store.notes(ticket.id)
    assert [(n.author, n.text) for n in notes] == [("anna", "Voicemail ingesproken")]
    assert ticket_store.audit_trail(ticket.id)[-1].action == "note_added"
    empty = await post_action(logged_in, ticket.id, "notes", text="   ")
    assert empty.status == 400
    assert len(ticket_store.notes(ticket.id)) == 1


async def test_delete_needs_confirmation(logged_in, make_ticket, ticket_store):
    ticket = make_ticket()
    confirm_page = await logged_in.get(f"/tickets/{ticket.id}/delete")
    assert confirm_page.status == 200
    assert "Definitief verwijderen" in await confirm_page.text()

    unconfirmed = await post_action(logged_in, ticket.id, "delete")
    assert unconfirmed.status == 400
    assert ticket_store.get_ticket(ticket.id) is not None

    confirmed = await post_action(logged_in, ticket.id, "delete", confirm="yes")
    assert confirmed.status == 303
    assert confirmed.headers["Location"] == "/?melding=verwijderd"
    assert ticket_store.get_ticket(ticket.id) is None
    assert ticket_store.audit_trail(ticket.id)[-1].actor == "anna"
    gone = await logged_in.get(f"/tickets/{ticket.id}")
    assert gone.status == 404


async def test_unknown_ticket_pages_are_404(logged_in):
    for ticket_id in (str(uuid.uuid4()), "niet-een-id"):
        assert (await logged_in.get(f"/tickets/{ticket_id}")).status == 404


async def test_notice_comes_from_a_fixed_list(logged_in):
    html = await (await logged_in.get(f"/?melding={XSS}")).text()
    assert "alert(1)" not in html
    html = await (await logged_in.get("/?melding=verwijderd")).text()
    assert "De aanvraag en alle gegevens zijn verwijderd." in html


async def test_overdue_tickets_go_on_top_and_say_so(logged_in, make_ticket, clock):
    normal = make_ticket(urgency="normal")
    clock.advance(days=6)  # past its two working days
    high = make_ticket(urgency="high")
    await login(logged_in)
    html = await (await logged_in.get("/?status=new&team=")).text()
    assert references_in_order(html) == [normal.reference, high.reference]
    assert "te laat" in html and "overdue" in html


async def test_closing_asks_for_the_outcome_in_dutch(logged_in, make_ticket, ticket_store):
    ticket = make_ticket()
    page = await (await logged_in.get(f"/tickets/{ticket.id}")).text()
    assert 'name="outcome"' in page and "Nieuwe baan" in page
    token = await csrf_of(logged_in, f"/tickets/{ticket.id}")
    refused = await logged_in.post(f"/tickets/{ticket.id}/close", data={"csrf_token": token})
    assert refused.status == 400
    assert ticket_store.get_ticket(ticket.id).status == "new"
    done = await logged_in.post(f"/tickets/{ticket.id}/close",
                                data={"csrf_token": token, "outcome": "referred"})
    assert done.status == 200
    closed = ticket_store.get_ticket(ticket.id)
    assert (closed.status, closed.outcome) == ("closed", "referred")
    assert "Doorverwezen" in await (await logged_in.get(f"/tickets/{ticket.id}")).text()
