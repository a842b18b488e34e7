"""Per-client-address rate limit for the channels anyone can reach (REST, socket.io).

The per-sender buckets (``rate_limit.py``) are dodged by choosing a new sender or session
id for every message, and a widget reconnect gets a new socket. This limit keys on the
client's address instead (issue 13, finding 9), also when HAProxy's own limit is off.

The client's address is the TCP peer, unless that peer is a trusted proxy
(``TRUSTED_PROXIES``: addresses or networks, comma-separated; none by default). Then
``X-Forwarded-For`` is read from the right, skipping trusted proxies: the first address a
trusted proxy did not add itself is the client (a client can prepend what it likes, but
not change what our proxy appended). The production profile trusts 127.0.0.1 (its HAProxy,
``option forwardfor``); behind another proxy, add that proxy's addresses. The PROXY
protocol is not used.

Environment: ``CLIENT_RATE_LIMIT_PER_MINUTE`` (default 60; 0 switches the limit off),
``CLIENT_RATE_LIMIT_BURST`` (default: the rate), ``CLIENT_RATE_LIMIT_EXEMPT_LOOPBACK``
(default 1: a client address of 127.0.0.0/8 or ::1, i.e. a process on this host, is not
limited; ``make bench`` and local tools rely on that; it applies to the address found
behind trusted proxies, which a remote client cannot make loopback). The buckets live in
one process: with several Rasa processes the effective limit is at most
``processes x limit``.
"""

from __future__ import annotations

import ipaddress
import os
import time
from collections.abc import Callable, Iterable, Mapping
from ipaddress import IPv4Network, IPv6Network

from bot.channels.rate_limit import TokenBucketLimiter

Network = IPv4Network | IPv6Network
DEFAULT_CLIENT_RATE_PER_MINUTE = 60.0
_TRUE = {"1", "true", "yes", "on"}


def parse_networks(value: str) -> tuple[Network, ...]:
    """``TRUSTED_PROXIES``: "127.0.0.1, 10.0.0.0/8"; ValueError for a bad entry."""
    return tuple(ipaddress.ip_network(item.strip(), strict=False)
                 for item in value.split(",") if item.strip())


def _ip(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(value: str, trusted: Iterable[Network]) -> bool:
    address = _ip(value)
    return address is not None and any(address in network for network in trusted)


def client_address(peer: str, forwarded_for: str | None, trusted: Iterable[Network]) -> str:
    """The client's address: ``peer``, or behind trusted proxies the right-most
    ``X-Forwarded-For`` entry that a trusted proxy did not add for itself."""
    trusted = tuple(trusted)
    if not forwarded_for or not _trusted(peer, trusted):
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, trusted):
            return hop
    return hops[0] if hops else peer


def is_loopback(address: str) -> bool:
    ip = _ip(address)
    return ip is not None and ip.is_loopback


class ClientAddressLimit:
    """Token buckets per client address, with the loopback exemption."""

    def __init__(self, rate_per_minute: float = DEFAULT_CLIENT_RATE_PER_MINUTE,
                 burst: float | None = None, *, exempt_loopback: bool = True,
                 trusted_proxies: Iterable[Network] = (),
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limiter = TokenBucketLimiter(rate_per_minute, burst, clock=clock)
        self.exempt_loopback = exempt_loopback
        self.trusted_proxies = tuple(trusted_proxies)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> ClientAddressLimit:
        env = os.environ if env is None else env
        rate = env.get("CLIENT_RATE_LIMIT_PER_MINUTE", "").strip()
        burst = env.get("CLIENT_RATE_LIMIT_BURST", "").strip()
        exempt = env.get("CLIENT_RATE_LIMIT_EXEMPT_LOOPBACK", "1").strip().lower()
        return cls(float(rate) if rate else DEFAULT_CLIENT_RATE_PER_MINUTE,
                   float(burst) if burst else None,
                   exempt_loopback=exempt in _TRUE,
                   trusted_proxies=parse_networks(env.get("TRUSTED_PROXIES", "")),
                   clock=clock)

    def address(self, peer: str, forwarded_for: str | None) -> str:
        return client_address(peer or "", forwarded_for, self.trusted_proxies)

    def acquire(self, address: str) -> float:
        """0.0 when a message from ``address`` may go on, else seconds until it may."""
        if self.exempt_loopback and is_loopback(address):
            return 0.0
        return self.limiter.acquire(address)
