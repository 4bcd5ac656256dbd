"""The data carried by each event type: the contract between a producer and its consumers."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, EmailStr, Field

Language = str  # a locale code the portal has translations for ("en", "fr", ...)


class EventData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CompanyProfile(EventData):
    company_id: UUID
    legal_name: str = Field(min_length=1, max_length=200)
    representative_user_id: UUID
    representative_name: str = Field(min_length=1, max_length=200)
    email: EmailStr
    phone: str = Field(max_length=40)
    mailing_address: str = Field(max_length=500)
    employer_account_number: str | None = Field(default=None, max_length=40)
    site: str | None = Field(default=None, max_length=200)
    language: Language = Field(pattern=r"^[a-z]{2,3}$")


class PasswordResetRequested(EventData):
    user_id: UUID
    email: EmailStr
    name: str
    language: Language = Field(pattern=r"^[a-z]{2,3}$")
    reset_url: str
    expires_in_minutes: int = Field(gt=0)


class OrderPaid(EventData):
    order_id: UUID
    order_number: str
    company_id: UUID
    quantity: int = Field(ge=1, le=1000)
    unit_price: Decimal
    total: Decimal
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    paypal_order_id: str
    paypal_capture_id: str
    paid_at: datetime


class LicensesIssued(EventData):
    order_id: UUID
    order_number: str
    company_id: UUID
    quantity: int = Field(ge=1)
