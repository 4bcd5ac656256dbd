"""Applications and documents as the internal API shows them (docs/internal-api.md, "applications")."""
from __future__ import annotations

from datetime import datetime

from services.applications.catalog import certification_summary, requirement_json
from services.applications.models import Application, Document


def _instant(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def document_json(document: Document) -> dict:
    return {"id": str(document.id), "requirement_code": document.requirement_code, "filename": document.filename,
            "content_type": document.content_type, "size": document.size,
            "uploaded_at": _instant(document.uploaded_at), "purged_at": _instant(document.purged_at)}


def missing_requirements(application: Application) -> list[str]:
    """The codes of the certification's current requirements that have no document yet."""
    provided = {document.requirement_code for document in application.documents}
    return [requirement.code for requirement in application.certification.requirements
            if requirement.code not in provided]


def application_json(application: Application, for_staff: bool = False) -> dict:
    documents = [document_json(document) for document in application.documents]
    decisions = []
    for decision in application.decisions:
        entry = {"decision": decision.decision, "by_name": decision.by_name, "at": _instant(decision.at),
                 "reason": decision.reason, "message": decision.message}
        decisions.append(entry | ({"by_user_id": decision.by_user_id} if for_staff else {}))
    return {
        "id": str(application.id),
        "certification": certification_summary(application.certification),
        "status": application.status,
        "created_at": _instant(application.created_at),
        "submitted_at": _instant(application.submitted_at),
        "last_submitted_at": _instant(application.last_submitted_at),
        "decided_at": _instant(application.decided_at),
        "reason": application.reason,
        "message": application.message,
        "redeem_by": _instant(application.redeem_by),
        "requirements": [requirement_json(requirement) | {
            "documents": [entry for entry in documents if entry["requirement_code"] == requirement.code]}
            for requirement in application.certification.requirements],
        "missing": missing_requirements(application),
        # Every document, including any whose requirement an administrator has since removed.
        "documents": documents,
        "decisions": decisions,
    }
