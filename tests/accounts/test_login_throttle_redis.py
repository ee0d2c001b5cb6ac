"""The throttle's counters on the production cache (Redis): concurrent workers lose no count and exactly one of
them starts the address block. Needs the Redis of the test environment (db from BAUANTRAG_TEST_REDIS_URL);
without it the test fails, as the worker tests do, instead of being skipped."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from bauantrag.accounts import throttle

REDIS_URL = os.environ.get("BAUANTRAG_TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


def test_parallel_failures_are_all_counted_and_block_once(settings: Any) -> None:
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                                   "KEY_PREFIX": "throttle-test-" + os.urandom(4).hex()}}
    from django.core.cache import cache

    address = "203.0.113." + str(os.getpid() % 250)
    attempts = [throttle.LoginAttempt(f"guess{n}@example.org", address) for n in range(throttle.ADDRESS_LIMIT + 20)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        failures = list(pool.map(throttle.failed, attempts))
    try:
        assert int(cache.get(throttle._address_key(attempts[0]))) == throttle.ADDRESS_LIMIT + 20
        assert sum(f.address_blocked for f in failures) == 1
        refused = throttle.refusal(attempts[0])
        assert refused is not None and refused.reason == "address"
        assert refused.seconds == pytest.approx(throttle.ADDRESS_WINDOW, abs=5)
    finally:  # only this test's keys: clear() would flush the whole Redis database (the broker's too)
        keys = [throttle._address_key(attempts[0]), throttle._blocked_key(attempts[0])]
        cache.delete_many(keys + [throttle._failures_key(attempt) for attempt in attempts])
