"""Files of decided applications are deleted after the retention period by the real worker; metadata stays."""
from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from services.applications.retention import purge_expired_documents
from services.applications.tasks import PURGE_TASK
from tests.integration.applications.support import wait_for


def purge_on_the_worker(now: datetime) -> None:
    from services.applications.worker import app
    app.send_task(PURGE_TASK, kwargs={"now": now.isoformat()})


def test_documents_of_applications_decided_before_the_retention_period_are_purged_once(
        employee, reviewer, applications_system, runtime):
    decided = employee.submitted_application()
    reviewer.decide(decided["id"], "refuse", {"reason": "Missing qualifications."})
    still_open = employee.acting_as("employee").submitted_application()
    root = Path(applications_system["documents_dir"])
    decided_files = [root / decided["id"] / document["id"] for document in decided["documents"]]
    open_files = [root / still_open["id"] / document["id"] for document in still_open["documents"]]
    assert all(path.is_file() for path in decided_files + open_files)

    assert purge_expired_documents(runtime, datetime.now(UTC) + timedelta(days=729)) == 0  # not yet due
    assert all(path.is_file() for path in decided_files)
    purge_on_the_worker(datetime.now(UTC) + timedelta(days=731))

    assert wait_for(lambda: not (root / decided["id"]).exists())
    # The files go first, then the rows are marked in the purge's commit: wait for that commit too.
    assert wait_for(lambda: all(doc["purged_at"] for doc in employee.show(decided["id"]).json()["documents"]))
    assert all(path.is_file() for path in open_files)
    shown = employee.show(decided["id"]).json()
    assert len(shown["documents"]) == len(decided_files) and all(doc["purged_at"] for doc in shown["documents"])
    gone = employee.call("GET", f"/internal/applications/{decided['id']}/documents/"
                                f"{decided['documents'][0]['id']}/content")
    assert gone.status_code == 410 and gone.json()["error"]["code"] == "document_purged"
    assert purge_expired_documents(runtime, datetime.now(UTC) + timedelta(days=731)) == 0


def test_an_upload_left_behind_by_a_killed_process_is_cleared_and_one_in_progress_is_not(applications_system):
    incoming = Path(applications_system["documents_dir"]) / ".incoming"
    incoming.mkdir(parents=True, exist_ok=True)
    left_behind, in_progress = incoming / "upload-left-behind", incoming / "upload-in-progress"
    left_behind.write_bytes(b"%PDF-1.7 half")
    in_progress.write_bytes(b"%PDF-1.7 half")
    two_hours_ago = time.time() - 7200
    os.utime(left_behind, (two_hours_ago, two_hours_ago))

    purge_on_the_worker(datetime.now(UTC))

    assert wait_for(lambda: not left_behind.exists())
    assert in_progress.exists()
    in_progress.unlink()
