"""The applications service (docs/internal-api.md, "applications"): the introduction course, applications and
their documents, the reviewers' queue and decisions, certifications."""
from __future__ import annotations

from typing import IO, Any

import requests
from flask import current_app
from requests_toolbelt import MultipartEncoder

from common.tokens import Actor
from services.web.clients.base import InternalApi, user_actor


class ApplicationsApi(InternalApi):
    def __init__(self, actor: Actor | None = None) -> None:
        super().__init__(current_app.config["WSCC_SETTINGS"].applications_api_url, actor or user_actor())

    # The employee: the introduction course.
    def intro_course(self) -> dict:
        return self.json("GET", "/internal/intro-course")

    def module_viewed(self, key: str) -> dict:
        return self.json("POST", f"/internal/intro-course/modules/{key}/viewed")

    # The employee: applications and documents.
    def certifications(self) -> list[dict]:
        return self.json("GET", "/internal/certifications")["items"]

    def my_applications(self) -> list[dict]:
        return self.json("GET", "/internal/applications/mine")["items"]

    def apply(self, certification_code: str) -> dict:
        return self.json("POST", "/internal/applications", json={"certification_code": certification_code})

    def application(self, application_id: Any) -> dict:
        return self.json("GET", f"/internal/applications/{application_id}")

    def upload(self, application_id: Any, requirement_code: str, filename: str, content_type: str,
               stream: IO[bytes]) -> dict:
        # Streamed from the upload's spooled file with a known length, rather than built in memory.
        body = MultipartEncoder({"requirement_code": requirement_code, "file": (filename, stream, content_type)})
        return self.json("POST", f"/internal/applications/{application_id}/documents", data=body,
                         headers={"Content-Type": body.content_type})

    def remove_document(self, application_id: Any, document_id: Any) -> None:
        self.call("DELETE", f"/internal/applications/{application_id}/documents/{document_id}")

    def submit(self, application_id: Any) -> dict:
        return self.json("POST", f"/internal/applications/{application_id}/submit")

    def document_content(self, application_id: Any, document_id: Any) -> requests.Response:
        """The open streamed answer; the caller passes its body on and closes it."""
        return self.call("GET", f"/internal/applications/{application_id}/documents/{document_id}/content",
                         stream=True)


    # Reviewers.
    def review_queue(self, certification: str | None) -> list[dict]:
        params = {"certification": certification} if certification else {}
        return self.json("GET", "/internal/review/queue", params=params)["items"]

    def start_review(self, application_id: Any, reviewer_name: str) -> dict:
        return self._decide(application_id, "start", {"reviewer_name": reviewer_name})

    def approve(self, application_id: Any, reviewer_name: str) -> dict:
        return self._decide(application_id, "approve", {"reviewer_name": reviewer_name})

    def refuse(self, application_id: Any, reviewer_name: str, reason: str) -> dict:
        return self._decide(application_id, "refuse", {"reviewer_name": reviewer_name, "reason": reason})

    def request_documents(self, application_id: Any, reviewer_name: str, message: str) -> dict:
        return self._decide(application_id, "request-documents", {"reviewer_name": reviewer_name, "message": message})

    def _decide(self, application_id: Any, act: str, body: dict) -> dict:
        """The token names the reviewer; their display name goes along for the decision history."""
        return self.json("POST", f"/internal/review/applications/{application_id}/{act}", json=body)

    # Administrators.
    def save_certification(self, code: str, certification: dict) -> dict:
        return self.json("PUT", f"/internal/admin/certifications/{code}", json=certification)
