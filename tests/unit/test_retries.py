"""The fetcher's retry schedule (tenacity's controller, ``retrying_for``), with no real waiting.

Each case scripts the answers one request gets and checks what the hand-written loop it
replaced did: how many attempts, how long each wait, and the lines logged.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import replace

import pytest

from extractors.fetch.client import FetchPolicy, FetchResponse, retrying_for
from extractors.records import FetchStatus

URL = "https://news.example/feed"


def answer(
    status: FetchStatus = FetchStatus.SOFT_ERROR,
    http_status: int | None = 503,
    retry_after_s: float | None = None,
    *,
    unreachable: bool = False,
) -> FetchResponse:
    error = None if status is FetchStatus.OK else f"HTTP {http_status}"
    return FetchResponse(
        url=URL,
        final_url=URL,
        status=status,
        http_status=http_status,
        error=error,
        retry_after_s=retry_after_s,
        unreachable=unreachable,
    )


OK = answer(FetchStatus.OK, 200)


def run(policy: FetchPolicy, script: list[FetchResponse]) -> tuple[FetchResponse, list[float]]:
    """The last response (its ``attempts`` counted) and the waits asked for."""
    answers, count, waits = iter(script), itertools.count(1), []
    last = retrying_for(policy, URL, sleep=waits.append)(
        lambda: replace(next(answers), attempts=next(count))
    )
    return last, waits


def test_backoff_doubles_until_an_answer() -> None:
    last, waits = run(FetchPolicy(max_retries=3, retry_backoff_s=1.0), [answer()] * 3 + [OK])
    assert (last.status, last.attempts, waits) == (FetchStatus.OK, 4, [1.0, 2.0, 4.0])


def test_the_last_failure_is_returned_after_max_retries() -> None:
    last, waits = run(FetchPolicy(max_retries=2, retry_backoff_s=0.5), [answer()] * 5)
    assert (last.http_status, last.attempts, waits) == (503, 3, [0.5, 1.0])


def test_a_timeout_without_an_http_answer_is_retried() -> None:
    timeout = replace(answer(http_status=None), error="timed out after 20.0 s")
    last, waits = run(FetchPolicy(max_retries=1), [timeout, OK])
    assert (last.status, last.attempts, waits) == (FetchStatus.OK, 2, [1.0])


def test_retry_after_longer_than_the_backoff_is_waited_for() -> None:
    last, waits = run(FetchPolicy(max_retries=2), [answer(http_status=429, retry_after_s=7.0), OK])
    assert (last.attempts, waits) == (2, [7.0])


def test_the_backoff_wins_over_a_shorter_retry_after() -> None:
    script = [answer(retry_after_s=0.0), answer(retry_after_s=1.5), OK]
    last, waits = run(FetchPolicy(max_retries=2, retry_backoff_s=1.0), script)
    assert (last.attempts, waits) == (3, [1.0, 2.0])


def test_retry_after_beyond_the_cap_is_left_for_the_next_run(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="extractors.fetch.client")
    script = [answer(http_status=429, retry_after_s=120.0), OK]
    last, waits = run(FetchPolicy(max_retries=2, max_retry_after_s=30.0), script)
    assert (last.http_status, last.attempts, waits) == (429, 1, [])
    assert caplog.messages == [f"{URL} asks to wait 120 s; not retrying this run"]


def test_no_give_up_line_when_the_retries_are_spent_anyway(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="extractors.fetch.client")
    script = [answer(), answer(http_status=429, retry_after_s=120.0)]
    last, waits = run(FetchPolicy(max_retries=1, retry_backoff_s=1.0), script)
    assert (last.http_status, last.attempts, waits) == (429, 2, [1.0])
    assert caplog.messages == [f"retrying {URL} in 1.0 s after HTTP 503"]


@pytest.mark.parametrize(
    "first",
    [
        answer(FetchStatus.HARD_ERROR, 404),
        answer(FetchStatus.SOFT_ERROR, 501),  # a 5xx that is not "busy"
        answer(FetchStatus.NOT_MODIFIED, 304),
        answer(http_status=None, unreachable=True),  # the host tripped the run's breaker
    ],
    ids=["404", "501", "304", "unreachable"],
)
def test_answers_not_worth_asking_again(first: FetchResponse) -> None:
    last, waits = run(FetchPolicy(max_retries=3), [first, OK])
    assert (last, waits) == (replace(first, attempts=1), [])


def test_no_retries_at_all() -> None:
    last, waits = run(FetchPolicy(max_retries=0), [answer(), OK])
    assert (last.http_status, last.attempts, waits) == (503, 1, [])


def test_an_exception_is_raised_not_retried() -> None:
    def attempt() -> FetchResponse:
        raise RuntimeError("a bug, not the network")

    with pytest.raises(RuntimeError, match="a bug"):
        retrying_for(FetchPolicy(), URL, sleep=lambda _: None)(attempt)
