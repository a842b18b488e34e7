"""Issue 13, finding 7 (the SMTP part): e-mail goes through a verified TLS connection and
never logs in without TLS. Against a fake SMTP server (aiosmtpd) on loopback with a
certificate made here: one CA the test trusts, one self-signed the test does not."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import ssl
from pathlib import Path

import pytest
from aiosmtpd.smtp import SMTP, AuthResult
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from notify_fakes import RecordingSMTPHandler

from bot.notify.email_notifier import EmailNotifier
from bot.notify.message import Notification

PASSWORD = "smtp-secret-42"  # noqa: S105 (a made-up test password)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _cert(subject: str, key, issuer: str, issuer_key, *, ca: bool) -> x509.Certificate:
    now = dt.datetime.now(dt.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(_name(issuer))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(days=1))
               .not_valid_after(now + dt.timedelta(days=2))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
            key_encipherment=False, data_encipherment=False, key_agreement=False,
            encipher_only=False, decipher_only=False), critical=True)
    else:
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(path: Path, cert: x509.Certificate, key=None) -> Path:
    data = cert.public_bytes(serialization.Encoding.PEM)
    if key is not None:
        data += key.private_bytes(serialization.Encoding.PEM,
                                  serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption())
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pki")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _cert("Koffiepraat test CA", ca_key, "Koffiepraat test CA", ca_key, ca=True)
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = _cert("localhost", server_key, "Koffiepraat test CA", ca_key, ca=False)
    rogue_key = ec.generate_private_key(ec.SECP256R1())
    rogue = _cert("localhost", rogue_key, "localhost", rogue_key, ca=False)
    return {"ca": _pem(folder / "ca.pem", ca),
            "server": _pem(folder / "server.pem", server, server_key),
            "rogue": _pem(folder / "rogue.pem", rogue, rogue_key)}


class Logins:
    """aiosmtpd authenticator that records every login and whether it came over TLS."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, bool]] = []

    def __call__(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        self.seen.append((auth_data.password.decode(), session.ssl is not None))
        return AuthResult(success=True)


async def smtp_server(certificate: Path | None):
    """A loopback SMTP server; STARTTLS with ``certificate`` (none: no STARTTLS). AUTH is
    offered even without TLS, as a careless server would."""
    context = None
    if certificate is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(certificate)
    handler, logins = RecordingSMTPHandler(), Logins()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="fake-smtp", tls_context=context,
                     authenticator=logins, auth_require_tls=False), "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1], handler, logins


def _note() -> Notification:
    return Notification(reference="KP-ABC234", topic_label="Werk zoeken", urgency="normal",
                        region="Utrecht", team="midden-utrecht", team_label="Midden-Utrecht",
                        console_url="http://localhost:8080")


def trusted(pki) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(pki["ca"]))


async def test_mail_goes_over_verified_tls_and_logs_in_only_then(pki):
    server, port, handler, logins = await smtp_server(pki["server"])
    try:
        mailer = EmailNotifier("127.0.0.1", port, "bot@kp.test", "team@kp.test",
                               starttls=True, username="bot", password=PASSWORD,
                               ssl_context=trusted(pki))
        await mailer.send(_note())
    finally:
        server.close()
    assert logins.seen == [(PASSWORD, True)]
    assert len(handler.messages) == 1


async def test_an_unverifiable_certificate_stops_before_the_login(pki):
    server, port, handler, logins = await smtp_server(pki["rogue"])
    try:
        # Default context: the system's CAs, which do not know this self-signed certificate.
        mailer = EmailNotifier("127.0.0.1", port, "bot@kp.test", "team@kp.test",
                               starttls=True, username="bot", password=PASSWORD)
        with pytest.raises(ssl.SSLError):
            await mailer.send(_note())
    finally:
        server.close()
    assert logins.seen == []
    assert handler.messages == []


def test_the_default_context_verifies_certificates_and_host_names():
    mailer = EmailNotifier("smtp.example.org", 587, "bot@kp.test", "team@kp.test",
                           starttls=True, username="bot", password=PASSWORD)
    context = mailer.ssl_context
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True


async def test_no_login_without_tls_even_when_the_server_offers_it(pki):
    server, port, handler, logins = await smtp_server(None)
    try:
        with pytest.raises(ValueError, match="TLS"):
            mailer = EmailNotifier("127.0.0.1", port, "bot@kp.test", "team@kp.test",
                                   username="bot", password=PASSWORD)
            await mailer.send(_note())
    finally:
        server.close()
    assert logins.seen == []


def test_smtp_credentials_without_starttls_are_a_configuration_error():
    from bot.notify.notify_settings import configured_notifiers

    env = {"SMTP_HOST": "127.0.0.1", "SMTP_FROM": "bot@kp.test", "CONSULTANT_EMAIL": "t@kp.test",
           "SMTP_USERNAME": "bot", "SMTP_PASSWORD": PASSWORD}
    with pytest.raises(ValueError, match="SMTP_STARTTLS"):
        configured_notifiers(env)
    assert [n.name for n in configured_notifiers({**env, "SMTP_STARTTLS": "1"})] == ["email"]


async def test_mail_without_a_login_may_still_go_to_a_local_relay(fake_smtp):
    handler, port = fake_smtp
    await EmailNotifier("127.0.0.1", port, "bot@kp.test", "team@kp.test").send(_note())
    assert len(handler.messages) == 1
