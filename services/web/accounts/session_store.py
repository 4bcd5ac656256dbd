"""Server-side sessions: open one, find a live one, end one or every one of a user's. No HTTP here (sessions.py is
the Flask side).

The browser holds a 256-bit random key; the table holds its SHA-256, so neither a copy of the table nor a log line
opens a session. Idle and absolute limits are checked here, on the server, whatever the cookie says.
"""
from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, or_, update
from sqlalchemy.orm import Session

from services.web.models import User, WebSession

KEY_BYTES = 32
# last_seen_at is written at most this often: a write per request would cost more than the idle limit needs.
TOUCH_EVERY = timedelta(minutes=1)


class EndReason(StrEnum):
    LOGOUT = "logout"
    RENEWED = "renewed"  # a new key at sign-in or password change (no fixation)
    PASSWORD = "password_changed"
    DISABLED = "disabled"
    IDLE = "idle"
    EXPIRED = "expired"  # older than the absolute lifetime


@dataclass(frozen=True)
class Limits:
    idle: timedelta
    absolute: timedelta

    @classmethod
    def from_settings(cls, settings: Any) -> Limits:
        return cls(idle=timedelta(minutes=settings.session_lifetime_minutes),
                   absolute=timedelta(hours=settings.session_absolute_lifetime_hours))


@dataclass(frozen=True)
class Found:
    user: User | None
    ended: EndReason | None = None  # why a session that was live until now just ended (idle, expired)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def open_session(db: Session, user: User, now: datetime) -> str:
    """A new session for ``user``; returns the key for the cookie (never stored)."""
    key = secrets.token_urlsafe(KEY_BYTES)
    db.add(WebSession(key_hash=hash_key(key), user_id=user.id, created_at=now, last_seen_at=now))
    return key


def find_session(db: Session, key: str, limits: Limits, now: datetime) -> Found:
    """The user of a live session; a session past a limit ends here and says why."""
    row = db.get(WebSession, hash_key(key))
    if row is None or row.ended_at is not None:
        return Found(None)
    user = db.get(User, row.user_id)
    if user is None or not user.is_active:
        _end(row, EndReason.DISABLED, now)
        return Found(None)
    if now - row.created_at > limits.absolute:
        _end(row, EndReason.EXPIRED, now)
        return Found(None, EndReason.EXPIRED)
    if now - row.last_seen_at > limits.idle:
        _end(row, EndReason.IDLE, now)
        return Found(None, EndReason.IDLE)
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
    return Found(user)


def end_session(db: Session, key: str, reason: EndReason, now: datetime) -> None:
    db.execute(update(WebSession).where(WebSession.key_hash == hash_key(key), WebSession.ended_at.is_(None))
               .values(ended_at=now, end_reason=reason))


def end_user_sessions(db: Session, user_id: uuid.UUID, reason: EndReason, now: datetime) -> int:
    """Every live session of the user ends now; returns how many did."""
    result = db.execute(update(WebSession).where(WebSession.user_id == user_id, WebSession.ended_at.is_(None))
                        .values(ended_at=now, end_reason=reason))
    return result.rowcount or 0


def purge_sessions(db: Session, now: datetime, limits: Limits, keep: timedelta) -> int:
    """Forget sessions that ended (or ran out their absolute lifetime) longer than ``keep`` ago."""
    cutoff = now - keep
    result = db.execute(delete(WebSession).where(or_(WebSession.ended_at < cutoff,
                                                     WebSession.created_at < cutoff - limits.absolute)))
    return result.rowcount or 0


def _end(row: WebSession, reason: EndReason, now: datetime) -> None:
    row.ended_at, row.end_reason = now, reason
