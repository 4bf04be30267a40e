"""Which addresses a feed may make us reach: a table of the cases that matter."""

from __future__ import annotations

import pytest

from extractors.fetch.netguard import (
    RefusedAddress,
    check_ip,
    check_url,
    parse_networks,
    resolve_checked,
)

REFUSED = [
    ("127.0.0.1", "loopback"),
    ("127.8.9.10", "loopback"),
    ("::1", "loopback"),
    ("10.0.0.1", "private"),
    ("172.16.5.4", "private"),
    ("192.168.1.1", "private"),
    ("169.254.169.254", "link-local"),
    ("fe80::1", "link-local"),
    ("224.0.0.1", "multicast"),
    ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"),
    ("::", "unspecified"),
    ("240.0.0.1", "reserved"),
    ("100.64.0.1", "private"),  # carrier-grade NAT
    ("fc00::1", "private"),  # unique local
    ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
    ("::ffff:169.254.169.254", "link-local"),
    ("::ffff:10.0.0.1", "private"),
    ("2002:a00:1::", "private"),  # 6to4 wrapping 10.0.0.1
]
PUBLIC = ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]


@pytest.mark.parametrize(("ip", "kind"), REFUSED)
def test_refused_addresses_say_why(ip: str, kind: str) -> None:
    reason = check_ip(ip)
    assert reason is not None and reason.startswith("refused: ") and f"is {kind}" in reason
    # A private address is the one a user may mean to reach: the message names what allows it.
    assert ("allowed_private_networks" in reason) == (kind == "private")


@pytest.mark.parametrize("ip", PUBLIC)
def test_public_addresses_pass(ip: str) -> None:
    assert check_ip(ip) is None


def test_allowed_networks_open_only_their_range() -> None:
    loopback = parse_networks(("127.0.0.0/8",))
    assert check_ip("127.0.0.1", loopback) is None
    assert check_ip("::ffff:127.0.0.1", loopback) is None
    assert check_ip("10.0.0.1", loopback) == (
        "refused: 10.0.0.1 is private (allow it with [feeds] allowed_private_networks)"
    )
    assert check_ip("::1", loopback) == "refused: ::1 is loopback"


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("file:///etc/passwd", "scheme 'file'"),
        ("ftp://example.com/feed.xml", "scheme 'ftp'"),
        ("gopher://example.com/", "scheme 'gopher'"),
        ("javascript:alert(1)", "scheme 'javascript'"),
        ("//example.com/feed", "scheme '(none)'"),
        ("http:///nohost", "no host"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is link-local"),
        ("http://[::1]:8080/", "::1 is loopback"),
        ("https://10.1.2.3/feed", "10.1.2.3 is private"),
        ("http://example.com:99999/", "malformed URL"),
    ],
)
def test_urls_refused_before_any_lookup(url: str, fragment: str) -> None:
    reason = check_url(url)
    assert reason is not None and fragment in reason


def test_names_pass_the_pre_check_and_are_checked_after_resolution() -> None:
    assert check_url("https://example.com/feed.xml") is None
    with pytest.raises(
        RefusedAddress, match=r"refused: 127\.0\.0\.1 is loopback \(resolved from localhost\)"
    ):
        resolve_checked("localhost", 80)
    # 2130706433 is 127.0.0.1 written as one number: the resolver understands it, and it is caught.
    with pytest.raises(RefusedAddress, match="loopback"):
        resolve_checked("2130706433", 80)


def test_resolution_returns_checked_addresses_when_allowed() -> None:
    assert "127.0.0.1" in resolve_checked(
        "localhost", 80, parse_networks(("127.0.0.0/8", "::1/128"))
    )
