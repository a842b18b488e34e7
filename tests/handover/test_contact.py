import pytest

from bot.handover.contact import (
    ANONYMOUS,
    clean_channel,
    clean_email,
    clean_free_text,
    clean_name,
    normalise_phone,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06-12345678", "+31612345678"),
        ("06 1234 5678", "+31612345678"),
        ("+31 6 12345678", "+31612345678"),
        ("0031612345678", "+31612345678"),
        ("020-1234567", "+31201234567"),
        ("+32 470 12 34 56", "+32470123456"),
        ("bel me op 06 12345678 graag", "+31612345678"),
    ],
)
def test_phone_numbers_are_normalised_to_e164(text, expected):
    assert normalise_phone(text) == expected


def test_nine_digits_are_belgian_only_in_a_flemish_context():
    # Reported: a Dutch mobile number with a digit missing was stored as +3261234567.
    assert normalise_phone("061234567") is None
    assert normalise_phone("061234567", prefer_belgium=True) is None
    assert normalise_phone("02 123 45 67", prefer_belgium=True) == "+3221234567"
    assert normalise_phone("02 123 45 67") is None


def test_email_domain_typos_are_suggested_not_fixed():
    from bot.handover.contact import email_domain_suggestion

    assert email_domain_suggestion("noor@gmial.com") == "gmail.com"
    assert email_domain_suggestion("jan@hotmal.com") == "hotmail.com"
    assert email_domain_suggestion("jan@gmail.com") is None
    assert email_domain_suggestion("jan@vakbond-voorbeeld.nl") is None


def test_ten_digit_04_number_follows_the_region():
    assert normalise_phone("0470 12 34 56", prefer_belgium=True) == "+32470123456"
    assert normalise_phone("040 123 4567") == "+31401234567"


@pytest.mark.parametrize("text", ["", "12345", "hallo", "+44 20 7946 0958", "061234567890123"])
def test_invalid_phone_numbers_are_rejected(text):
    assert normalise_phone(text) is None


def test_email():
    assert clean_email("Mijn mail: Fatima.B@Voorbeeld.NL") == "Fatima.B@voorbeeld.nl"
    assert clean_email("fatima at voorbeeld") is None
    assert clean_email("a@b..nl") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ik ben fatima", "Fatima"), ("Henk", "Henk"), ("mijn naam is Jan-Willem", "Jan-Willem"),
     ("anoniem", ANONYMOUS), ("noem me maar Sanne", "Sanne")],
)
def test_names(text, expected):
    assert clean_name(text) == expected


@pytest.mark.parametrize("text", ["", "12345", "<script>alert(1)</script>", "🙂🙂", "x" * 60])
def test_bad_names_are_rejected(text):
    assert clean_name(text) is None


def test_channels():
    assert clean_channel("bel me maar") == "phone"
    assert clean_channel("via whatsapp graag") == "whatsapp"
    assert clean_channel("stuur maar een mail") == "email"
    assert clean_channel("hier in de chat") == "chat"
    assert clean_channel("postduif") is None


def test_free_text_needs_content_and_a_limit():
    assert clean_free_text("  morgen   na 3 uur ") == "morgen na 3 uur"
    assert clean_free_text("!!!") is None
    assert clean_free_text("a" * 500) is None
