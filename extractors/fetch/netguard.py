"""Which network addresses a feed or page URL may reach.

Feed and page URLs are untrusted: a feed can link to the cloud metadata service
(169.254.169.254), to the router, or to a database on localhost. Only http and
https are fetched, and every address a host name resolves to is checked, before
the first connection and again after each redirect, unless the user allowed
that range (``allowed_private_networks``).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable, Sequence
from functools import lru_cache
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

ALLOWED_SCHEMES = frozenset({"http", "https"})


class RefusedAddress(Exception):
    """A URL the fetcher will not touch; ``str()`` is the reason a user reads."""


class UnresolvableHost(OSError):
    """The host name does not resolve (no such name, or no address for it); ``why`` is the
    resolver's word alone (``[Errno -2] Name or service not known``), without the host."""

    def __init__(self, host: str, why: str = "") -> None:
        super().__init__(f"cannot resolve {host}: {why}")
        self.why = why


@lru_cache(maxsize=64)
def parse_networks(cidrs: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(cidr, strict=False) for cidr in cidrs)


def _unwrap(ip: IPAddress) -> IPAddress:
    """The IPv4 address hidden inside IPv4-mapped, 6to4 or Teredo forms, else ``ip``."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip.teredo is not None:
            return ip.teredo[1]
        # IPv4-compatible (deprecated) ::a.b.c.d
        if int(ip) >> 32 == 0 and int(ip) > 1:
            return ipaddress.IPv4Address(int(ip))
    return ip


def address_problem(ip: IPAddress) -> str | None:
    """Why an address is not a public unicast one (``"link-local"``), or None when it is."""
    inner = _unwrap(ip)
    mapped = isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None
    # A mapped address *is* its IPv4 address on the wire; 6to4/Teredo must pass both checks.
    for candidate in (inner,) if mapped else (inner, ip) if inner is not ip else (ip,):
        if candidate.is_unspecified:
            return "unspecified"
        if candidate.is_loopback:
            return "loopback"
        if candidate.is_link_local:
            return "link-local"
        if candidate.is_multicast:
            return "multicast"
        if candidate.is_reserved:
            return "reserved"
        if candidate.is_private:
            return "private"
        if isinstance(candidate, ipaddress.IPv4Address) and candidate in _SHARED_ADDRESS_SPACE:
            return "private"
        if not candidate.is_global:
            return "not globally routable"
    return None


# Carrier-grade NAT (RFC 6598): not "private" to Python, yet not the public internet.
_SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")


def check_ip(ip: IPAddress | str, allowed: Iterable[Network] = ()) -> str | None:
    """The refusal reason for connecting to ``ip``, or None when it may be reached."""
    address = ipaddress.ip_address(ip) if isinstance(ip, str) else ip
    problem = address_problem(address)
    if problem is None:
        return None
    inner = _unwrap(address)
    if any(ip_ in net for ip_ in (address, inner) for net in allowed if net.version == ip_.version):
        return None
    if problem == "private":  # the one kind a user may mean to reach: say what allows it
        return f"refused: {address} is private (allow it with [feeds] allowed_private_networks)"
    return f"refused: {address} is {problem}"


def ip_literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def check_url(url: str, allowed: Sequence[Network] = ()) -> str | None:
    """What is wrong with a URL before any DNS lookup (scheme, host, IP literal), or None."""
    try:
        parts = urlsplit(url)
        _ = parts.port
    except ValueError as exc:
        return f"refused: malformed URL ({exc})"
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        return f"refused: scheme {scheme or '(none)'!r} is not http or https"
    host = parts.hostname
    if not host:
        return "refused: URL has no host"
    literal = ip_literal(host)
    if literal is not None:
        return check_ip(literal, allowed)
    # Names, and numeric forms like 2130706433 that only the resolver understands,
    # are checked after resolution (resolve_checked).
    return None


def resolve_checked(host: str, port: int, allowed: Sequence[Network] = ()) -> list[str]:
    """Every address ``host`` resolves to, all checked; raises RefusedAddress if any is refused.

    Refusing when *any* address is bad (not only the first) stops a name that
    mixes a public and a private record from being used to reach the private one.
    """
    literal = ip_literal(host)
    if literal is not None:
        reason = check_ip(literal, allowed)
        if reason:
            raise RefusedAddress(reason)
        return [str(literal)]
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnresolvableHost(host, str(exc)) from exc
    addresses: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        text = str(sockaddr[0]).split("%", 1)[0]
        reason = check_ip(text, allowed)
        if reason:
            raise RefusedAddress(f"{reason} (resolved from {host})")
        if text not in addresses:
            addresses.append(text)
    if not addresses:
        raise UnresolvableHost(host, "no addresses")
    return addresses
