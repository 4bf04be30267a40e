"""One HTTP client for feeds and pages: bounded, polite, and closed to the inside.

Every request goes through ``Fetcher.get``, which never raises for what the
network does (timeouts, resets, 5xx, oversized or hostile bodies, refused
addresses): those come back as a ``FetchResponse`` with a ``FetchStatus`` and a
sentence saying why.

Safety, in the order a request meets it:

* the URL must be http(s) and must not name a refused address (``netguard``);
* redirects are followed here, one hop at a time, each hop checked again;
* the host name is resolved and *every* address checked inside the connection
  step itself, and the socket is opened to the address that was checked, so a
  DNS answer that changes between check and connect (rebinding) cannot slip
  through. TLS still verifies the certificate against the host name;
* bodies are streamed with a cap on the bytes received and, separately, on the
  bytes produced by decompression (a gzip bomb stops at the cap);
* one deadline per request (``transfer_deadline_s``) covers connect, TLS,
  headers and body: every socket read and write of the request is given at
  most the time left, so a server sending its headers a byte a second is cut
  at the deadline. httpx has no such total timeout (its timeouts are per socket
  operation, encode/httpx#1450), so it is kept here, in the network stream;
* a per-host gate caps concurrent requests and spaces their starts, and a
  run-wide cap (``max_concurrency``) holds however many threads call ``get``.
  The deadline starts once a request holds both: waiting in our own queue is
  not the server's slowness;
* a per-host breaker (``HostBreaker``) stops asking a host that will not answer
  within this run: its name does not resolve, it refuses connections, its TLS
  fails, or ``host_failures_to_trip`` requests in a row failed without an HTTP
  answer (timeouts, resets). Every later request to it this run comes back at
  once, unsent, as ``host unreachable: ...``: a dead host costs a run one
  failure (or a few), not one per page. Retries with backoff stay for what can
  change in seconds (429, 503, a reset): tenacity's controller (``retrying_for``),
  given our rules of what is worth retrying and how long a Retry-After is waited for.

Environment proxies are ignored (``trust_env=False``): a proxy would connect on
our behalf to addresses we never see.
"""

from __future__ import annotations

import contextlib
import contextvars
import email.utils
import errno
import itertools
import logging
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
import tenacity

from extractors.fetch.netguard import (
    Network,
    RefusedAddress,
    UnresolvableHost,
    check_url,
    parse_networks,
    resolve_checked,
)
from extractors.fetch.robots import ROBOTS_MAX_BYTES, RobotsAnswer, RobotsCache
from extractors.records import NOT_REQUESTED, UNREACHABLE, FetchStatus
from extractors.urls import host_of

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")
log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "dealwatch/0.1 (AI talent deal monitor; +https://pypi.org/project/dealwatch/)"
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
# Worth asking again: the server is busy or unwell, not saying "no".
RETRYABLE_CODES = frozenset({408, 425, 429, 500, 502, 503, 504})
GZIP_MAGIC = b"\x1f\x8b"
# Only encodings we can decompress with a hard output cap are advertised.
ACCEPT_ENCODING = "gzip, deflate"
INFLATE_STEP = 256 * 1024
# A redirect's body up to this size is read so its connection can be reused.
DRAIN_MAX_BYTES = 64 * 1024


@dataclass(frozen=True)
class FetchPolicy:
    """Limits for one run's fetching; defaults equal ``flows.settings.FeedSettings``."""

    timeout_s: float = 20.0
    connect_timeout_s: float = 10.0
    max_body_bytes: int = 10_000_000
    max_redirects: int = 5
    max_retries: int = 2
    user_agent: str = DEFAULT_USER_AGENT
    max_concurrency: int = 8
    per_host_concurrency: int = 2
    per_host_interval_s: float = 1.0
    allowed_private_networks: tuple[str, ...] = ()
    respect_robots: bool = True
    # Decompressed size cap: the largest real feeds and pages are a few MB once inflated.
    max_decompressed_bytes: int = 20_000_000
    # First retry waits this long, doubling after; a Retry-After above the cap is not waited for.
    retry_backoff_s: float = 1.0
    max_retry_after_s: float = 30.0
    # One deadline per attempt over connect, headers and body (and every redirect hop), against
    # servers that trickle a byte a second. Time spent waiting for a per-host slot is not counted.
    max_transfer_s: float | None = None
    # A host whose requests fail this many times in a row without an HTTP answer (timeouts,
    # resets) is not asked again this run; one whose name does not resolve, or that refuses
    # connections or fails TLS, at once. 0 turns the breaker off: every page is asked for.
    host_failures_to_trip: int = 3

    @property
    def transfer_deadline_s(self) -> float:
        return self.max_transfer_s if self.max_transfer_s is not None else 3 * self.timeout_s


@dataclass(frozen=True)
class FetchResponse:
    url: str
    final_url: str
    status: FetchStatus
    http_status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)  # lower-case keys
    body: bytes = b""  # decompressed
    error: str | None = None
    latency_ms: float | None = None
    retry_after_s: float | None = None
    attempts: int = 1
    # How the connection went, for the run's breaker: None when an HTTP answer came (or no
    # request was made); "down" for what will not change within the run (the name does not
    # resolve, connections are refused, TLS fails); "failed" for what may (a timeout, a reset).
    host_failure: Literal["down", "failed"] | None = None
    unreachable: bool = False  # the host is unreachable for the rest of this run

    @property
    def content_type(self) -> str | None:
        value = self.headers.get("content-type")
        return value.split(";", 1)[0].strip().lower() if value else None

    @property
    def ok(self) -> bool:
        return self.status is FetchStatus.OK


class BodyTooLarge(Exception):
    pass


class _Inflater:
    """zlib decompression whose output is capped, however small the input."""

    def __init__(self, wbits: int, limit: int) -> None:
        self._wbits = wbits
        self._decompressor = zlib.decompressobj(wbits)
        self._limit = limit
        self._started = False
        self.total = 0

    def feed(self, data: bytes) -> bytes:
        out: list[bytes] = []
        pending = data
        while pending and not self._decompressor.eof:
            # Small steps, so one call never yields more than a piece; max_length=0 means unlimited.
            room = min(INFLATE_STEP, self._limit - self.total + 1)
            try:
                piece = self._decompressor.decompress(pending, room)
            except zlib.error:
                if self._started or self._wbits != zlib.MAX_WBITS:
                    raise
                # "deflate" is sent both zlib-wrapped and raw; try raw once.
                self._wbits = -zlib.MAX_WBITS
                self._decompressor = zlib.decompressobj(self._wbits)
                continue
            self._started = True
            self.total += len(piece)
            if self.total > self._limit:
                raise BodyTooLarge(f"decompressed body larger than {self._limit} bytes")
            out.append(piece)
            pending = self._decompressor.unconsumed_tail
        return b"".join(out)

    def flush(self) -> bytes:
        rest = self._decompressor.flush()
        self.total += len(rest)
        if self.total > self._limit:
            raise BodyTooLarge(f"decompressed body larger than {self._limit} bytes")
        return rest


def gunzip_limited(data: bytes, limit: int) -> bytes:
    """Decompress a gzip-stored body (a ``.gz`` feed served as a file); raises BodyTooLarge past ``limit``."""
    inflater = _Inflater(16 + zlib.MAX_WBITS, limit)
    return inflater.feed(data) + inflater.flush()


def _inflater_for(encoding: str, limit: int) -> _Inflater | None:
    codings = [
        c.strip().lower()
        for c in encoding.split(",")
        if c.strip() and c.strip().lower() != "identity"
    ]
    if not codings:
        return None
    if len(codings) > 1:
        raise ValueError(f"unsupported content-encoding {encoding!r}")
    if codings[0] in ("gzip", "x-gzip"):
        return _Inflater(16 + zlib.MAX_WBITS, limit)
    if codings[0] == "deflate":
        return _Inflater(zlib.MAX_WBITS, limit)
    raise ValueError(f"unsupported content-encoding {codings[0]!r}")


class RequestDeadline:
    """The moment one request must be done by, and whether it was what cut the last socket call."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.cut = False  # the last socket call was given the time left, not its own timeout

    def left(self) -> float:
        return self.at - time.monotonic()

    def expired(self) -> bool:
        return self.left() <= 0

    def bound(self, timeout: float | None, timed_out: type[Exception]) -> float:
        """``timeout`` shortened to the time left; raises ``timed_out`` when none is left.

        (A socket timeout of 0 would not time out: it would make the socket non-blocking.)
        """
        left = self.left()
        if left <= 0:
            self.cut = True
            raise timed_out(f"request deadline of {self.seconds} s passed")
        self.cut = timeout is None or left < timeout
        return left if timeout is None or left < timeout else timeout


# The deadline of the request this thread is making: httpx's sync client does all its socket
# work in the calling thread, so the stream of whichever pooled connection it uses finds it here.
_current_deadline: contextvars.ContextVar[RequestDeadline | None] = contextvars.ContextVar(
    "request_deadline", default=None
)


def _bounded(timeout: float | None, timed_out: type[Exception]) -> float | None:
    deadline = _current_deadline.get()
    return timeout if deadline is None else deadline.bound(timeout, timed_out)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection's socket whose every read and write ends by its request's deadline.

    A read returns whenever a byte arrives, so a timeout per read never fires
    against a server sending a byte a second; given only the time left, the
    read that would outlast the deadline times out at it. The TLS handshake is
    one call whose timeout the ``ssl`` module keeps as a deadline over all its
    reads, so it is bounded by the time left too; a write is our GET, a few
    hundred bytes the kernel takes at once.
    """

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._inner.start_tls(
                ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout)
            )
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


@contextmanager
def request_deadline(seconds: float) -> Iterator[RequestDeadline]:
    """Every socket call this thread makes inside the block ends by ``seconds`` from now."""
    deadline = RequestDeadline(seconds)
    token = _current_deadline.set(deadline)
    try:
        yield deadline
    finally:
        _current_deadline.reset(token)


def _drain_small_body(r: httpx.Response, headers: Mapping[str, str]) -> None:
    """Read an answer's empty or tiny body, so its connection goes back to the pool.

    A response left unread when its stream closes takes its connection with it:
    every 304 of a warm run would pay a new TCP (and TLS) handshake next time.
    Only a body that is absent (304) or declares a small length is read, and
    only until the request's deadline (a server trickling it keeps nothing).
    """
    declared = headers.get("content-length", "")
    if r.status_code != 304 and not (declared.isdigit() and int(declared) <= DRAIN_MAX_BYTES):
        return
    with contextlib.suppress(httpx.HTTPError):  # the deadline cuts a trickle: ReadTimeout
        for _chunk in r.iter_raw():
            pass


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def is_worth_retrying(response: FetchResponse) -> bool:
    """A failure that may pass in seconds: a soft error from a host still reachable this run,
    with no HTTP answer (a timeout, a reset) or an answer that says "busy" (``RETRYABLE_CODES``)."""
    return (
        response.status is FetchStatus.SOFT_ERROR
        and not response.unreachable
        and (response.http_status is None or response.http_status in RETRYABLE_CODES)
    )


def _last_response(state: tenacity.RetryCallState) -> FetchResponse:
    assert state.outcome is not None  # only read once an attempt has returned
    response: FetchResponse = state.outcome.result()
    return response


class _stop_if_retry_after_beyond(tenacity.stop.stop_base):
    """Stop when the last answer's Retry-After is longer than ``cap`` seconds: left for the next run."""

    def __init__(self, cap: float) -> None:
        self.cap = cap

    def __call__(self, retry_state: tenacity.RetryCallState) -> bool:
        retry_after = _last_response(retry_state).retry_after_s
        return retry_after is not None and retry_after > self.cap


def _backoff_or_retry_after(
    backoff: tenacity.wait.wait_base,
) -> Callable[[tenacity.RetryCallState], float]:
    """The backoff's wait, or the server's Retry-After when that is longer."""

    def wait(retry_state: tenacity.RetryCallState) -> float:
        return max(backoff(retry_state), _last_response(retry_state).retry_after_s or 0.0)

    return wait


def retrying_for(
    policy: FetchPolicy, url: str, sleep: Callable[[float], None] | None = None
) -> tenacity.Retrying:
    """Tenacity's controller for one request to ``url``: called with a function making one
    attempt, it returns the last attempt's response, retried or not.

    An answer worth retrying (``is_worth_retrying``) is asked again up to ``max_retries`` times,
    the first retry after ``retry_backoff_s``, doubling after, or after the server's Retry-After
    when that is longer; a Retry-After above ``max_retry_after_s`` is not waited for. ``sleep``
    replaces the waiting (tests); by default tenacity's, which is ``time.sleep``.
    """
    max_attempts = policy.max_retries + 1

    def log_retry(state: tenacity.RetryCallState) -> None:
        assert state.next_action is not None  # set before tenacity calls before_sleep
        delay, error = state.next_action.sleep, _last_response(state).error
        log.info("retrying %s in %.1f s after %s", url, delay, error)

    def give_up(state: tenacity.RetryCallState) -> FetchResponse:
        response = _last_response(state)
        if state.attempt_number < max_attempts:  # stopped by the Retry-After, not the count
            log.info("%s asks to wait %.0f s; not retrying this run", url, response.retry_after_s)
        return response

    return tenacity.Retrying(
        retry=tenacity.retry_if_result(is_worth_retrying),
        stop=tenacity.stop_after_attempt(max_attempts)
        | _stop_if_retry_after_beyond(policy.max_retry_after_s),
        wait=_backoff_or_retry_after(tenacity.wait_exponential(multiplier=policy.retry_backoff_s)),
        before_sleep=log_retry,
        retry_error_callback=give_up,
        sleep=sleep or tenacity.sleep,
    )


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves, checks every address, and connects to the checked one (no rebinding)."""

    def __init__(self, allowed: Sequence[Network]) -> None:
        self._allowed = tuple(allowed)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve_checked(host, port, self._allowed)
        last: Exception | None = None
        for address in addresses:
            try:
                stream = super().connect_tcp(
                    address,
                    port,
                    _bounded(timeout, httpcore.ConnectTimeout),
                    local_address,
                    socket_options,
                )
                return _DeadlineStream(stream)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, allowed: Sequence[Network], limits: httpx.Limits) -> None:
        super().__init__(limits=limits, trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_GuardedBackend(allowed),
        )


class _HostGate:
    """At most ``concurrency`` requests in flight to one host, starts spaced by ``interval``."""

    def __init__(self, concurrency: int, interval: float) -> None:
        self._slots = threading.BoundedSemaphore(max(1, concurrency))
        self._lock = threading.Lock()
        self._interval = max(0.0, interval)
        self._next_start = 0.0

    @contextmanager
    def slot(self, abandon: Callable[[], bool] = lambda: False) -> Iterator[bool]:
        """Yields True once the request may start, or False at once (taking no turn in the
        spacing) when ``abandon()`` says, on getting a slot, that it should not be made."""
        with self._slots:
            if abandon():
                yield False
                return
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start)
                self._next_start = start + self._interval
            if start > now:
                time.sleep(start - now)
            yield True


# Connection errors that say the host is not there for us, whatever we ask it.
_UNREACHABLE_ERRNOS = frozenset({errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.ENETUNREACH})


@dataclass(frozen=True)
class HostTrip:
    """A host the run stopped asking, why, and what that saved."""

    host: str
    reason: str
    requests: int  # requests that reached the network for it this run (the failures included)
    skipped: int  # requests not sent because it had tripped


class HostBreaker:
    """Which hosts this run has found unreachable; thread-safe, one per ``Fetcher`` (so per run).

    A host trips at once on a failure that will not change within the run, or
    after ``trip_after`` failures in a row without an HTTP answer; any HTTP
    answer (a 404, a 503) shows the host is there and resets its count.
    ``trip_after=0`` is the breaker off: it counts, and never trips.
    """

    def __init__(self, trip_after: int) -> None:
        self._enabled = trip_after > 0
        self._trip_after = max(1, trip_after)
        self._lock = threading.Lock()
        self._streak: dict[str, int] = {}
        self._tripped: dict[str, str] = {}
        self._requests: dict[str, int] = {}
        self._skipped: dict[str, int] = {}

    def tripped(self, host: str) -> str | None:
        """Why ``host`` is not asked again this run, or None."""
        with self._lock:
            return self._tripped.get(host)

    def skip(self, host: str) -> str | None:
        """The reason, counting one request not sent, when ``host`` has tripped; else None."""
        with self._lock:
            reason = self._tripped.get(host)
            if reason is not None:
                self._skipped[host] = self._skipped.get(host, 0) + 1
            return reason

    def sent(self, host: str) -> None:
        with self._lock:
            self._requests[host] = self._requests.get(host, 0) + 1

    def record(self, host: str, response: FetchResponse) -> tuple[str | None, bool]:
        """Count one request's outcome: why the host is left for the run (None while it is
        not), and whether this outcome is what tripped it."""
        with self._lock:
            if host in self._tripped:
                return self._tripped[host], False
            if response.host_failure is None:
                self._streak.pop(host, None)
                return None, False
            streak = self._streak.get(host, 0) + 1
            self._streak[host] = streak
            if not self._enabled:
                return None, False
            if response.host_failure == "down":
                reason = response.error or "connection failed"
            elif streak >= self._trip_after:
                reason = f"{streak} requests in a row failed (last: {response.error})"
            else:
                return None, False
            self._tripped[host] = reason
            return reason, True

    def trips(self) -> list[HostTrip]:
        with self._lock:
            return [
                HostTrip(host, reason, self._requests.get(host, 0), self._skipped.get(host, 0))
                for host, reason in self._tripped.items()
            ]


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return (parts.hostname or "").lower()


class Fetcher:
    """One per run (or per process and policy); thread-safe; wraps one ``httpx.Client``."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._allowed = parse_networks(tuple(self.policy.allowed_private_networks))
        pool = max(10, self.policy.max_concurrency * 2)
        limits = httpx.Limits(max_connections=pool, max_keepalive_connections=pool)
        self._client = httpx.Client(
            transport=_GuardedTransport(self._allowed, limits),
            timeout=httpx.Timeout(self.policy.timeout_s, connect=self.policy.connect_timeout_s),
            follow_redirects=False,
            trust_env=False,
            headers={
                "User-Agent": self.policy.user_agent,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
        )
        self._gates: dict[str, _HostGate] = {}
        self._gates_lock = threading.Lock()
        # All hosts together: however many tasks and threads call get(), at most this many in flight.
        self._in_flight = threading.BoundedSemaphore(max(1, self.policy.max_concurrency))
        self._robots = RobotsCache(self._fetch_robots, self.policy.user_agent)
        self.breaker = HostBreaker(self.policy.host_failures_to_trip)
        self._closed = False

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._client.close()

    def _gate(self, url: str) -> _HostGate:
        key = _host_key(url)
        with self._gates_lock:
            gate = self._gates.get(key)
            if gate is None:
                gate = _HostGate(self.policy.per_host_concurrency, self.policy.per_host_interval_s)
                self._gates[key] = gate
            return gate

    def get(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        kind: Literal["feed", "page"] = "page",
    ) -> FetchResponse:
        return self._request("GET", url, headers=headers, kind=kind)

    def post(
        self, url: str, content: bytes, *, headers: Mapping[str, str] | None = None
    ) -> FetchResponse:
        """A POST to an API (an aggregator's decode call): guarded, paced and retried as a feed.

        A 301, 302 or 303 answer is followed with a GET, as browsers do.
        """
        return self._request("POST", url, headers=headers, kind="feed", content=content)

    def _request(
        self,
        method: Literal["GET", "POST"],
        url: str,
        *,
        headers: Mapping[str, str] | None,
        kind: Literal["feed", "page"],
        content: bytes | None = None,
    ) -> FetchResponse:
        started = time.perf_counter()
        reason = check_url(url, self._allowed) or self._malformed(url)
        if reason:
            return _failed(url, url, FetchStatus.HARD_ERROR, reason, started)
        if kind == "page" and self.policy.respect_robots:
            refusal = self._robots.refusal(url)
            if refusal:
                return _failed(url, url, FetchStatus.HARD_ERROR, refusal, started)
        attempts = itertools.count(1)

        def attempt() -> FetchResponse:
            response = self._follow(
                url,
                dict(headers or {}),
                body_limit=self.policy.max_body_bytes,
                method=method,
                content=content,
            )
            return replace(response, attempts=next(attempts))

        return _replace_timing(retrying_for(self.policy, url)(attempt), started)

    def host_trips(self) -> list[HostTrip]:
        """The hosts this fetcher stopped asking, with the requests they cost and saved."""
        return self.breaker.trips()

    def _fetch_robots(self, robots: str) -> RobotsAnswer:
        response = self._follow(robots, {}, body_limit=ROBOTS_MAX_BYTES, truncate=True)
        if response.http_status is None:
            return RobotsAnswer(None, None, reachable=False)
        text = response.body.decode("utf-8", errors="replace") if response.ok else None
        return RobotsAnswer(response.http_status, text, reachable=True)

    def _follow(
        self,
        url: str,
        headers: dict[str, str],
        *,
        body_limit: int,
        truncate: bool = False,
        method: Literal["GET", "POST"] = "GET",
        content: bytes | None = None,
    ) -> FetchResponse:
        """One attempt: the request and its redirects, all within one transfer deadline.

        Each hop spends from the same budget, so a chain of slow redirects cannot
        stretch the attempt either; the waits for each host's slot are not spent.
        """
        started = time.perf_counter()
        budget = self.policy.transfer_deadline_s
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            reason = check_url(current, self._allowed)
            if reason:
                return _failed(url, current, FetchStatus.HARD_ERROR, reason, started)
            if budget <= 0:
                return _failed(
                    url, current, FetchStatus.SOFT_ERROR, self._deadline_error(), started
                )
            response = self._once(
                url,
                current,
                headers,
                budget=budget,
                body_limit=body_limit,
                truncate=truncate,
                method=method,
                content=content,
            )
            budget -= (response.latency_ms or 0.0) / 1000
            location = response.headers.get("location")
            if response.http_status in REDIRECT_CODES and location and response.error is None:
                current = urljoin(current, location.strip())
                if method == "POST" and response.http_status in (301, 302, 303):
                    method, content = "GET", None
                continue
            return response
        return _failed(
            url,
            current,
            FetchStatus.HARD_ERROR,
            f"too many redirects (more than {self.policy.max_redirects})",
            started,
        )

    def _malformed(self, url: str) -> str | None:
        """Why no request can be built for ``url`` (a surrogate, a bad IDNA label), or None."""
        try:
            self._client.build_request("GET", url)
        except (httpx.InvalidURL, ValueError) as exc:  # ValueError: UnicodeError, idna's IDNAError
            return f"refused: malformed URL ({exc})"
        return None

    def _deadline_error(self) -> str:
        return f"transfer took longer than {self.policy.transfer_deadline_s} s"

    def _once(
        self,
        url: str,
        current: str,
        headers: dict[str, str],
        *,
        budget: float,
        body_limit: int,
        truncate: bool,
        method: Literal["GET", "POST"] = "GET",
        content: bytes | None = None,
    ) -> FetchResponse:
        """One request; ``latency_ms`` is its time on the wire, from holding its slots to the end."""
        try:
            request = self._client.build_request(method, current, headers=headers, content=content)
        except (httpx.InvalidURL, ValueError) as exc:  # ValueError: UnicodeError, idna's IDNAError
            return _failed(
                url,
                current,
                FetchStatus.HARD_ERROR,
                f"refused: malformed URL ({exc})",
                time.perf_counter(),
            )
        host = host_of(current)
        reason = self.breaker.skip(host)
        if reason is not None:
            return _unreachable(url, current, reason, sent=False)
        with self._gate(current).slot(lambda: self.breaker.tripped(host) is not None) as go:
            if not go:
                return _unreachable(url, current, self.breaker.skip(host) or "", sent=False)
            with self._in_flight:
                started = time.perf_counter()
                self.breaker.sent(host)
                with request_deadline(budget) as deadline:
                    response = self._send(
                        url,
                        current,
                        request,
                        started,
                        deadline,
                        body_limit=body_limit,
                        truncate=truncate,
                    )
        tripped, now = self.breaker.record(host, response)
        if tripped is None:
            return response
        if now:
            log.warning("%s is unreachable for the rest of this run: %s", host, tripped)
        elif response.host_failure is None:
            return response  # an answer that was on its way when the host tripped
        return replace(response, error=UNREACHABLE + tripped, unreachable=True)

    def _send(
        self,
        url: str,
        current: str,
        request: httpx.Request,
        started: float,
        deadline: RequestDeadline,
        *,
        body_limit: int,
        truncate: bool,
    ) -> FetchResponse:
        try:
            r = self._client.send(request, stream=True)
            try:
                return self._read(
                    url, current, r, started, deadline, body_limit=body_limit, truncate=truncate
                )
            finally:
                r.close()
        except RefusedAddress as exc:
            return _failed(url, current, FetchStatus.HARD_ERROR, str(exc), started)
        except httpx.TimeoutException as exc:
            if deadline.cut:
                error = self._deadline_error()
            elif isinstance(exc, httpx.ConnectTimeout):
                error = f"connect timed out after {self.policy.connect_timeout_s} s"
            else:
                error = f"timed out after {self.policy.timeout_s} s"
            return _failed(url, current, FetchStatus.SOFT_ERROR, error, started, "failed")
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            return _failed(url, current, FetchStatus.HARD_ERROR, f"refused: {exc}", started)
        except httpx.TransportError as exc:
            down = _down_because(exc)
            return _failed(
                url,
                current,
                FetchStatus.SOFT_ERROR,
                down or _connection_error(exc),
                started,
                "down" if down else "failed",
            )
        except UnresolvableHost as exc:  # name resolution, raised from the guarded backend
            return _failed(
                url,
                current,
                FetchStatus.SOFT_ERROR,
                f"name does not resolve ({exc.why})",
                started,
                "down",
            )
        except OSError as exc:  # anything else the socket layer raised outside httpx's mapping
            return _failed(
                url, current, FetchStatus.SOFT_ERROR, f"connection failed: {exc}", started, "failed"
            )

    def _read(
        self,
        url: str,
        current: str,
        r: httpx.Response,
        started: float,
        deadline: RequestDeadline,
        *,
        body_limit: int,
        truncate: bool,
    ) -> FetchResponse:
        headers = {k.lower(): v for k, v in r.headers.items()}
        code = r.status_code

        def answer(
            status: FetchStatus, error: str | None = None, body: bytes = b""
        ) -> FetchResponse:
            retry_after = (
                parse_retry_after(headers.get("retry-after")) if code in RETRYABLE_CODES else None
            )
            return FetchResponse(
                url=url,
                final_url=current,
                status=status,
                http_status=code,
                headers=headers,
                body=body,
                error=error,
                latency_ms=(time.perf_counter() - started) * 1000,
                retry_after_s=retry_after,
            )

        if code in REDIRECT_CODES:
            _drain_small_body(r, headers)
            return answer(
                FetchStatus.HARD_ERROR,
                None if headers.get("location") else f"HTTP {code} without Location",
            )
        if code == 304:
            _drain_small_body(r, headers)
            return answer(FetchStatus.NOT_MODIFIED)
        if code in RETRYABLE_CODES or code >= 500:
            return answer(FetchStatus.SOFT_ERROR, f"HTTP {code}")
        if not 200 <= code < 300:
            return answer(FetchStatus.HARD_ERROR, f"HTTP {code}")
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > body_limit and not truncate:
            return answer(
                FetchStatus.HARD_ERROR,
                f"body larger than {body_limit} bytes (Content-Length {declared})",
            )
        try:
            inflater = _inflater_for(
                headers.get("content-encoding", ""), self.policy.max_decompressed_bytes
            )
        except ValueError as exc:
            return answer(FetchStatus.HARD_ERROR, str(exc))
        received = 0
        chunks: list[bytes] = []
        try:
            for chunk in r.iter_raw():
                received += len(chunk)
                if received > body_limit:
                    if truncate:
                        chunks.append(chunk[: len(chunk) - (received - body_limit)])
                        break
                    return answer(FetchStatus.HARD_ERROR, f"body larger than {body_limit} bytes")
                chunks.append(inflater.feed(chunk) if inflater else chunk)
                if deadline.expired():  # chunks already buffered are read without the socket
                    return answer(FetchStatus.SOFT_ERROR, self._deadline_error())
            if inflater is not None and not truncate:
                chunks.append(inflater.flush())
        except BodyTooLarge as exc:
            return answer(FetchStatus.HARD_ERROR, str(exc))
        except zlib.error as exc:
            return answer(FetchStatus.HARD_ERROR, f"corrupt compressed body: {exc}")
        return answer(FetchStatus.OK, body=b"".join(chunks))


def map_in_threads(
    fn: Callable[[_Item], _Result], items: Sequence[_Item], *, workers: int, name: str
) -> list[_Result]:
    """``fn`` over ``items`` on ``workers`` threads, the results in order, each call in a copy of
    the caller's context (``contextvars``): what the caller's context carries holds in the
    threads too, so the lines a fetch logs belong to the run that asked for it (a run's identity
    travels in the context; a thread started bare has none)."""
    contexts = [contextvars.copy_context() for _ in items]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name) as pool:
        return list(pool.map(lambda context, item: context.run(fn, item), contexts, items))


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _down_because(exc: httpx.TransportError) -> str | None:
    """Why the host cannot be reached this run (refused, no route, TLS), or None when the
    failure may pass (a reset, a closed connection)."""
    if not isinstance(exc, httpx.ConnectError):
        return None
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLError):
            return f"TLS failed ({getattr(cause, 'reason', None) or cause})"
        if isinstance(cause, OSError) and cause.errno in _UNREACHABLE_ERRNOS:
            what = "connection refused" if cause.errno == errno.ECONNREFUSED else "no route to host"
            return f"{what} ({cause})"
    return None


def _unreachable(url: str, current: str, reason: str, *, sent: bool) -> FetchResponse:
    note = f"{UNREACHABLE}{reason}" + ("" if sent else f" ({NOT_REQUESTED})")
    return FetchResponse(
        url=url,
        final_url=current,
        status=FetchStatus.SOFT_ERROR,
        error=note,
        latency_ms=0.0,
        unreachable=True,
    )


def _connection_error(exc: httpx.TransportError) -> str:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection closed by server: {text}"
    if isinstance(exc, httpx.ReadError | httpx.WriteError):
        return f"connection reset: {text}"
    return f"connection failed: {text}"


def _failed(
    url: str,
    final_url: str,
    status: FetchStatus,
    error: str,
    started: float,
    host_failure: Literal["down", "failed"] | None = None,
) -> FetchResponse:
    return FetchResponse(
        url=url,
        final_url=final_url,
        status=status,
        error=error,
        latency_ms=(time.perf_counter() - started) * 1000,
        host_failure=host_failure,
    )


def _replace_timing(response: FetchResponse, started: float) -> FetchResponse:
    return replace(response, latency_ms=(time.perf_counter() - started) * 1000)
