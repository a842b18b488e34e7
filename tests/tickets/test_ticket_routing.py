from __future__ import annotations

import pytest

from bot.tickets.routing import default_routing, load_routing, normalise, route

DUTCH_PROVINCES = ["Groningen", "Friesland", "Drenthe", "Overijssel", "Flevoland", "Gelderland",
                   "Utrecht", "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant",
                   "Limburg"]
FLEMISH_PROVINCES = ["Antwerpen", "Oost-Vlaanderen", "West-Vlaanderen", "Vlaams-Brabant",
                     "Belgisch Limburg"]


@pytest.mark.parametrize("province", DUTCH_PROVINCES)
def test_every_dutch_province_has_a_regional_team(province):
    team = route(province)
    assert team not in ("landelijk", "vlaanderen")
    assert default_routing().label(team).startswith("Arbeidsmarktregio")


@pytest.mark.parametrize("province", FLEMISH_PROVINCES)
def test_flemish_provinces_go_to_the_flemish_team(province):
    assert route(province) == "vlaanderen"


@pytest.mark.parametrize(
    ("region", "team"),
    [
        ("Amsterdam", "groot-amsterdam"),
        ("Súdwest-Fryslân", "friesland"),
        ("sudwest fryslan", "friesland"),
        ("'s-Hertogenbosch", "noordoost-brabant"),
        ("DEN BOSCH", "noordoost-brabant"),
        ("Den Haag", "haaglanden"),
        ("Ede", "foodvalley"),
        ("gemeente Ede", "foodvalley"),
        ("in de regio Eindhoven", "zuidoost-brabant"),
        ("Zeist, Utrecht", "midden-utrecht"),
        ("Gent", "vlaanderen"),
        ("Limburg (BE)", "vlaanderen"),
        ("Maastricht", "zuid-limburg"),
    ],
)
def test_places_route_case_and_accent_insensitively(region, team):
    assert route(region) == team


@pytest.mark.parametrize("region", [None, "", "Atlantis", "Bergen"])
def test_unknown_or_ambiguous_regions_go_to_the_default_team(region):
    assert route(region) == "landelijk"


def test_normalise_strips_accents_case_and_punctuation():
    assert normalise("  Súdwest-Fryslân ") == "sudwest fryslan"
    assert normalise("'s-Gravenhage") == "s gravenhage"


def test_a_name_under_two_teams_is_refused(tmp_path):
    path = tmp_path / "routing.yml"
    path.write_text(
        "default: a\nteams:\n  a:\n    places: [Ede]\n  b:\n    places: [EDE]\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="both"):
        load_routing(path)


def test_default_must_be_a_team(tmp_path):
    path = tmp_path / "routing.yml"
    path.write_text("default: nobody\nteams:\n  a:\n    places: [Ede]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="default"):
        load_routing(path)


@pytest.mark.parametrize(("short", "name"), [("rdam", "Rotterdam"), ("R-dam", "Rotterdam"),
                                             ("ehv", "Eindhoven"), ("antw", "Antwerpen")])
def test_short_forms_stand_for_a_listed_place(short, name):
    # Round 20b, p86's ticket said "rdam"; the short forms moved here from the dialogue.
    assert default_routing().full_name(short) == name
    assert route(default_routing().full_name(short)) == route(name) != default_routing().default


def test_a_place_without_a_short_form_stays_as_typed():
    assert default_routing().full_name("Ede") == "Ede"


def test_an_alias_for_a_place_no_team_lists_is_refused(tmp_path):
    path = tmp_path / "routing.yml"
    path.write_text("default: a\naliases:\n  xx: Nergenshuizen\nteams:\n  a:\n"
                    "    places: [Ede]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="alias"):
        load_routing(path)
