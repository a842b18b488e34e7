"""Issue 13 (low): the ticket API's list is paginated (``limit``/``offset``, a default
page size, ``next``), so one call never reads the whole tickets table."""

from __future__ import annotations

from console_support import bearer

from bot.console import api


async def test_api_list_pages_with_limit_offset_and_next(client, make_ticket, clock):
    made = []
    for _ in range(5):
        made.append(make_ticket())
        clock.advance(minutes=1)
    newest_first = [t.id for t in reversed(made)]
    seen: list[str] = []
    url = "/api/tickets?limit=2"
    pages = 0
    while url:
        response = await client.get(url, headers=bearer())
        assert response.status == 200
        body = await response.json()
        assert set(body) == {"tickets", "next"}
        assert len(body["tickets"]) <= 2
        seen += [t["id"] for t in body["tickets"]]
        url = body["next"]
        pages += 1
    assert seen == newest_first
    assert pages == 3


async def test_api_list_has_a_default_and_a_maximum_page_size(client, make_ticket, monkeypatch):
    monkeypatch.setattr(api, "DEFAULT_PAGE_SIZE", 3)
    for _ in range(4):
        make_ticket()
    body = await (await client.get("/api/tickets", headers=bearer())).json()
    assert len(body["tickets"]) == 3
    assert body["next"] == "/api/tickets?limit=3&offset=3"
    last = await (await client.get(body["next"], headers=bearer())).json()
    assert len(last["tickets"]) == 1 and last["next"] is None
    big = await client.get(f"/api/tickets?limit={api.MAX_PAGE_SIZE + 1}", headers=bearer())
    assert big.status == 400


async def test_api_list_next_keeps_the_filters(client, make_ticket):
    for _ in range(3):
        make_ticket(region="Utrecht")
    make_ticket(region="Gent")
    body = await (await client.get("/api/tickets?region=Utrecht&status=new&limit=2",
                                   headers=bearer())).json()
    assert "region=Utrecht" in body["next"] and "status=new" in body["next"]
    rest = await (await client.get(body["next"], headers=bearer())).json()
    assert [t["region"] for t in rest["tickets"]] == ["Utrecht"]


async def test_api_list_refuses_bad_paging_values(client):
    for query in ("limit=0", "limit=-1", "limit=x", "offset=-1", "offset=x", "limit=1e3"):
        response = await client.get(f"/api/tickets?{query}", headers=bearer())
        assert response.status == 400, query
        assert "error" in await response.json()


async def test_console_inbox_pages_in_the_order_of_the_whole_list(logged_in, make_ticket,
                                                                  clock, monkeypatch):
    from bot.console import ticket_views

    monkeypatch.setattr(ticket_views, "INBOX_PAGE_SIZE", 2)
    made = []
    for urgency in ("low", "normal", "high", "normal", "low"):
        made.append(make_ticket(urgency=urgency))
        clock.advance(minutes=1)
    crisis = make_ticket(safety_flag=True)  # newest, fewest time left? no: always first
    references: list[str] = []
    url = "/?status=all&team="
    pages = 0
    while url:
        page = await (await logged_in.get(url)).text()
        on_page = [t.reference for t in [*made, crisis] if t.reference in page]
        assert len(on_page) <= 2
        # The order on the page is the inbox order.
        references += sorted(on_page, key=page.index)
        pages += 1
        marker = 'rel="next" href="'
        url = page.split(marker, 1)[1].split('"', 1)[0].replace("&amp;", "&") \
            if marker in page else None
    assert pages == 3
    assert references[0] == crisis.reference
    assert sorted(references) == sorted(t.reference for t in [*made, crisis])
    assert len(set(references)) == 6
