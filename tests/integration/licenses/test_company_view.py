"""The company's MANAGE LICENSES table: each code with its employee's progress, in one query per page."""
from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import event, update

from services.licenses import queries
from services.licenses.codes import display
from services.licenses.models import License
from tests.integration.licenses.support import (application_change, approval, issued_codes, registered,
                                                wait_for)


def test_the_listing_shows_each_linked_employees_progress_and_deadline(company_id, company, licenses_service,
                                                                       events, db):
    codes = issued_codes(db, company_id, 3)
    approved, reviewed = licenses_service.as_actor("employee"), licenses_service.as_actor("employee")
    approved_id, reviewed_id = uuid.UUID(approved.actor.user_id), uuid.UUID(reviewed.actor.user_id)
    registered_at = datetime.now(UTC) - timedelta(days=30)
    events.publish(registered(approved_id, "Elisapee Anguttitauruq", occurred_at=registered_at))
    events.publish(registered(reviewed_id, "Darrell Beaulieu", occurred_at=registered_at))
    assert approved.claim(codes[0].code).status_code == 200
    assert reviewed.claim(codes[1].code).status_code == 200
    approved_at = datetime.now(UTC) - timedelta(days=1)
    events.publish(approval(approved_id, approved_at))
    events.publish(application_change("application.review_started", reviewed_id, datetime.now(UTC)))

    def items() -> list[dict]:
        return company.call("GET", "/internal/licenses", per_page=10).json()["items"]

    def progress() -> list[str | None]:
        return [item["employee"] and item["employee"]["progress"] for item in items()]

    assert wait_for(lambda: progress() == ["approved", "under_review", None], timeout=30), progress()
    first, second, third = items()
    assert first["status"] == "eligible" and first["releasable"] is True
    assert first["employee"]["name"] == "Elisapee Anguttitauruq"
    assert first["employee"]["days_left"] == 89
    assert datetime.fromisoformat(first["employee"]["redeem_by"]) == approved_at + timedelta(days=90)
    assert second["employee"]["name"] == "Darrell Beaulieu" and second["employee"]["redeem_by"] is None
    assert third["employee"] is None and third["status"] == "available"
    assert approved.redeem().status_code == 200
    assert items()[0]["employee"]["progress"] == "redeemed"
    summary = company.call("GET", "/internal/licenses/summary").json()
    assert (summary["available"], summary["in_use"], summary["redeemed"]) == (1, 1, 1)


def test_a_page_of_codes_costs_the_same_few_queries_however_many_are_linked(company_id, db):
    codes = issued_codes(db, company_id, 100)
    with db.unit_of_work() as session:
        for license_ in codes[:60]:
            session.execute(update(License).where(License.id == license_.id).values(
                status="claimed", employee_id=uuid.uuid4(), claimed_at=datetime.now(UTC)))
    statements: list[str] = []
    engine = db.engine

    def listener(connection, cursor, statement, *_):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", listener)
    try:
        with db.reading() as session:
            page = queries.company_page(session, company_id, 1, 100, datetime.now(UTC))
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert len(page["items"]) == 100 and sum(1 for item in page["items"] if item["employee"]) == 60
    assert len(statements) == 2  # the count and the page, the projection joined


def test_the_export_streams_every_code_of_the_company_as_json_lines(company_id, company, db):
    codes = issued_codes(db, company_id, 3)
    issued_codes(db, uuid.uuid4(), 2)  # another company's
    answer = company.call("GET", "/internal/licenses/export")
    assert (answer.status_code, answer.headers["Content-Type"]) == (200, "application/x-ndjson")
    assert sorted(json.loads(line)["code"] for line in answer.text.splitlines()) == sorted(display(c.code) for c in codes)
