"""Failed sign-ins per account, counted in Redis, the store every web process shares (flask-limiter keeps its
limits there too: reset requests, code claims, addresses).

Counted per e-mail address as typed (normalised), known or not, so an unknown address behaves exactly like a known
one. Each attempt takes its place in the account's rolling hour *before* the password is checked, atomically (one
Lua script), so parallel guesses sent to different processes cannot slip past the limit together; a successful
sign-in gives its place back. The first ``login_failures_before_delay`` failures are free; after that each one
makes the next attempt wait, twice as long each time up to ``login_delay_max_seconds``; at
``login_max_failures_per_hour`` the account takes no attempt at all, even with the right password, until the
oldest failure is an hour old. Addresses are kept only as hashes.
"""
from __future__ import annotations

import hashlib
import math
import secrets
import time
from dataclasses import dataclass
from typing import Any

import redis
from flask import current_app

WINDOW_SECONDS = 3600
_EXTENSION = "wscc.login_throttle"

# KEYS: the account's failures. ARGV: now, window, max, free, base, cap, member.
# Returns {allowed (1/0), wait seconds (text: Lua truncates numbers), failures in the window}.
_TAKE_A_PLACE = """
local key, now, window = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
local max, free, base, cap = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count >= max then
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return {0, tostring(tonumber(oldest[2]) + window - now), count}
end
if count >= free then
  local newest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  local wait = tonumber(newest[2]) + math.min(cap, base * 2 ^ (count - free)) - now
  if wait > 0 then return {0, tostring(wait), count} end
end
redis.call('ZADD', key, now, ARGV[7])
redis.call('EXPIRE', key, window)
return {1, '0', count + 1}
"""


@dataclass(frozen=True)
class Attempt:
    allowed: bool
    wait_seconds: float
    failures: int  # in the last hour, this attempt included when allowed (it counts until it succeeds)
    key: str
    member: str

    @property
    def wait_minutes(self) -> int:
        return math.ceil(self.wait_seconds / 60)


@dataclass(frozen=True)
class ThrottleRules:
    max_failures: int
    free_failures: int
    base_delay: float
    max_delay: float
    warn_after: int

    @classmethod
    def from_settings(cls, settings: Any) -> ThrottleRules:
        return cls(settings.login_max_failures_per_hour, settings.login_failures_before_delay,
                   settings.login_delay_base_seconds, settings.login_delay_max_seconds,
                   settings.login_warning_after_failures)


def failures_key(prefix: str, normalized_email: str) -> str:
    return f"{prefix}:login-failures:{hashlib.sha256(normalized_email.encode()).hexdigest()}"


class LoginThrottle:
    def __init__(self, client: redis.Redis, prefix: str, rules: ThrottleRules) -> None:
        self.client, self.prefix, self.rules = client, prefix, rules
        self._take = client.register_script(_TAKE_A_PLACE)

    def begin(self, normalized_email: str) -> Attempt:
        """Take a place for one attempt at this account, or say how long to wait."""
        key, member = failures_key(self.prefix, normalized_email), secrets.token_hex(8)
        rules = self.rules
        allowed, wait, failures = self._take(keys=[key], args=[
            time.time(), WINDOW_SECONDS, rules.max_failures, rules.free_failures, rules.base_delay,
            rules.max_delay, member])
        return Attempt(bool(allowed), max(0.0, float(wait)), int(failures), key, member)

    def succeeded(self, attempt: Attempt) -> None:
        """The right password: this attempt was no guess and gives its place back."""
        self.client.zrem(attempt.key, attempt.member)

    def first_warning(self, attempt: Attempt) -> bool:
        """True once per window, for the failure that brings the account to the warning threshold or past it."""
        if attempt.failures < self.rules.warn_after:
            return False
        return bool(self.client.set(attempt.key + ":warned", "1", nx=True, ex=WINDOW_SECONDS))


def login_throttle() -> LoginThrottle:
    """This app's throttle, made on first use (nothing connects at import time)."""
    throttle = current_app.extensions.get(_EXTENSION)
    if throttle is None:
        settings = current_app.config["WSCC_SETTINGS"]
        throttle = LoginThrottle(redis.Redis.from_url(settings.ratelimit_storage_uri),
                                 settings.ratelimit_key_prefix, ThrottleRules.from_settings(settings))
        current_app.extensions[_EXTENSION] = throttle
    return throttle
