"""Which acts may move an application from which state."""
from __future__ import annotations

import pytest

from services.applications.transitions import (
    EDITABLE, IN_REVIEW_QUEUE, OPEN, TRANSITIONS, Act, InvalidTransition, Status, next_status)

ALLOWED = {
    (Status.DRAFT, Act.SUBMIT): Status.SUBMITTED,
    (Status.DOCUMENTS_REQUESTED, Act.SUBMIT): Status.SUBMITTED,
    (Status.SUBMITTED, Act.START_REVIEW): Status.UNDER_REVIEW,
    (Status.SUBMITTED, Act.APPROVE): Status.APPROVED,
    (Status.UNDER_REVIEW, Act.APPROVE): Status.APPROVED,
    (Status.SUBMITTED, Act.REFUSE): Status.REFUSED,
    (Status.UNDER_REVIEW, Act.REFUSE): Status.REFUSED,
    (Status.DOCUMENTS_REQUESTED, Act.REFUSE): Status.REFUSED,
    (Status.SUBMITTED, Act.REQUEST_DOCUMENTS): Status.DOCUMENTS_REQUESTED,
    (Status.UNDER_REVIEW, Act.REQUEST_DOCUMENTS): Status.DOCUMENTS_REQUESTED,
}


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("act", list(Act))
def test_every_state_and_act(status, act):
    if (status, act) in ALLOWED:
        assert next_status(status, act) == ALLOWED[(status, act)]
    else:
        with pytest.raises(InvalidTransition):
            next_status(status, act)


def test_decided_applications_are_final_and_drafts_cannot_be_decided():
    for act in Act:
        for status in (Status.APPROVED, Status.REFUSED):
            with pytest.raises(InvalidTransition):
                next_status(status, act)
    for act in (Act.START_REVIEW, Act.APPROVE, Act.REFUSE, Act.REQUEST_DOCUMENTS):
        with pytest.raises(InvalidTransition):
            next_status(Status.DRAFT, act)


def test_the_groups_of_states_agree_with_the_transitions():
    assert OPEN == set(Status) - {Status.APPROVED, Status.REFUSED}
    assert EDITABLE == TRANSITIONS[Act.SUBMIT][0]
    assert IN_REVIEW_QUEUE == OPEN - {Status.DRAFT}
