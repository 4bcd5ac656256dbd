"""An application's states and the acts that move it from one to the next: the one place these rules live."""
from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    DOCUMENTS_REQUESTED = "documents_requested"
    APPROVED = "approved"
    REFUSED = "refused"


class Act(StrEnum):
    SUBMIT = "submit"
    START_REVIEW = "start_review"
    APPROVE = "approve"
    REFUSE = "refuse"
    REQUEST_DOCUMENTS = "request_documents"


# An employee has at most one of these at a time (the database enforces it too: a partial unique index).
OPEN = frozenset({Status.DRAFT, Status.SUBMITTED, Status.UNDER_REVIEW, Status.DOCUMENTS_REQUESTED})
DECIDED = frozenset({Status.APPROVED, Status.REFUSED})
# The employee may add or remove documents only while the application is in their hands.
EDITABLE = frozenset({Status.DRAFT, Status.DOCUMENTS_REQUESTED})
# What a reviewer's queue shows.
IN_REVIEW_QUEUE = frozenset({Status.SUBMITTED, Status.UNDER_REVIEW, Status.DOCUMENTS_REQUESTED})

# act -> (the states it may start from, the state it leads to)
TRANSITIONS: dict[Act, tuple[frozenset[Status], Status]] = {
    Act.SUBMIT: (frozenset({Status.DRAFT, Status.DOCUMENTS_REQUESTED}), Status.SUBMITTED),
    Act.START_REVIEW: (frozenset({Status.SUBMITTED}), Status.UNDER_REVIEW),
    # A reviewer may decide straight from the queue, without starting a review first.
    Act.APPROVE: (frozenset({Status.SUBMITTED, Status.UNDER_REVIEW}), Status.APPROVED),
    # Refusing while waiting for documents closes an application the employee will not complete.
    Act.REFUSE: (frozenset({Status.SUBMITTED, Status.UNDER_REVIEW, Status.DOCUMENTS_REQUESTED}), Status.REFUSED),
    Act.REQUEST_DOCUMENTS: (frozenset({Status.SUBMITTED, Status.UNDER_REVIEW}), Status.DOCUMENTS_REQUESTED),
}

# The event each act publishes.
EVENT_OF_ACT = {
    Act.SUBMIT: "application.submitted",
    Act.START_REVIEW: "application.review_started",
    Act.APPROVE: "application.approved",
    Act.REFUSE: "application.refused",
    Act.REQUEST_DOCUMENTS: "application.documents_requested",
}


class InvalidTransition(Exception):
    def __init__(self, current: str, act: Act) -> None:
        super().__init__(f"cannot {act} an application that is {current}")
        self.current, self.act = current, act


def next_status(current: str, act: Act) -> Status:
    sources, target = TRANSITIONS[act]
    if current not in sources:
        raise InvalidTransition(current, act)
    return target
