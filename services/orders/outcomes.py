"""What an attempt to take a payment came to: the one vocabulary of capturing, settling, checkout and reconciling."""
from __future__ import annotations

from enum import StrEnum


class CaptureOutcome(StrEnum):
    PAID = "paid"                  # the full amount was captured and checked: order.paid is on its way
    PENDING = "pending"            # PayPal took the money but has not released it yet
    HELD = "held"                  # money arrived but does not match the order: an administrator decides
    DECLINED = "declined"          # this funding source will not pay; the buyer may choose another
    UNCHANGED = "unchanged"        # nothing new: settled before, or old news
    NOT_APPROVED = "not_approved"  # the buyer has not approved at PayPal (yet)
    NOT_PAYABLE = "not_payable"    # the order is past paying (dropped, expired, paid)
    UNAVAILABLE = "unavailable"    # PayPal did not answer: ask again later
    REJECTED = "rejected"          # PayPal refused for a reason the buyer cannot fix
    EXPIRED = "expired"            # reconciliation gave up on an abandoned approval
    WAITING = "waiting"            # reconciliation found nothing to do yet
    UNKNOWN_ORDER = "unknown_order"  # a capture was asked for an order that does not exist


class PaymentError(StrEnum):
    """Why an order still awaiting payment is not paid: shown to the buyer, kept on the order."""
    DECLINED = "declined"
    CANCELLED = "cancelled"


class CheckoutOutcome(StrEnum):
    READY = "ready"
    NOT_PAYABLE = "not_payable"
    UNAVAILABLE = "unavailable"
