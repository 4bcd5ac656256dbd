"""The licenses service (docs/internal-api.md, "licenses" and "licenses — the lifecycle")."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import requests
from flask import current_app

from common.tokens import Actor
from services.web.clients.base import InternalApi, user_actor


class LicensesApi(InternalApi):
    def __init__(self, actor: Actor | None = None) -> None:
        super().__init__(current_app.config["WSCC_SETTINGS"].licenses_api_url, actor or user_actor())

    def summary(self) -> dict:
        return self.json("GET", "/internal/licenses/summary")

    def page(self, page: int, per_page: int) -> dict:
        return self.json("GET", "/internal/licenses", params={"page": page, "per_page": per_page})

    def track(self, license_id: Any, assigned_to_name: str | None, assignment_date: str | None) -> dict:
        return self.json("PATCH", f"/internal/licenses/{license_id}",
                         json={"assigned_to_name": assigned_to_name, "assignment_date": assignment_date})

    def export_lines(self) -> Iterator[bytes]:
        """Every license as one JSON line, streamed; the call itself (and so any error) happens right away."""
        response = self.call("GET", "/internal/licenses/export", stream=True)
        return _lines_then_close(response)

    # The lifecycle: the employee links a code, sees it and uses it.
    def claim(self, code: str, client_address: str | None) -> dict:
        return self.json("POST", "/internal/licenses/claim", json={"code": code, "client_address": client_address})

    def mine(self) -> dict:
        """``{"license": license|None, "progress": ..., "progress_at": ...}``: the progress is the licenses service's."""
        return self.json("GET", "/internal/licenses/mine")

    def redeem(self) -> dict:
        return self.json("POST", "/internal/licenses/mine/redeem")

    # The company: one code, its history, and taking back a linked code not yet redeemed.
    def license(self, license_id: Any) -> dict:
        return self.json("GET", f"/internal/licenses/{license_id}")

    def history(self, license_id: Any) -> list[dict]:
        return self.json("GET", f"/internal/licenses/{license_id}/history")["items"]

    def release(self, license_id: Any) -> dict:
        return self.json("POST", f"/internal/licenses/{license_id}/release")

    # An administrator finds a license by its code (as typed) and gives an expired one a new deadline.
    def lookup(self, code: str) -> dict:
        return self.json("GET", "/internal/admin/licenses/lookup", params={"code": code})

    def reinstate(self, code: str, redeem_by: str) -> dict:
        return self.json("POST", "/internal/admin/licenses/reinstate", json={"code": code, "redeem_by": redeem_by})


def _lines_then_close(response: requests.Response) -> Iterator[bytes]:
    with response:
        yield from (line for line in response.iter_lines() if line)

