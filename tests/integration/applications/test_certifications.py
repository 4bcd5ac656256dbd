"""The certifications and their required documents are data: seeded in both languages, edited by an admin."""
from __future__ import annotations

import uuid

from tests.integration.applications.support import PDF_BYTES

SEEDED = ["shift_boss_open_pit", "shift_boss_underground", "supervisor_1_exploration", "supervisor_1_surface",
          "supervisor_2_exploration", "supervisor_2_open_pit", "supervisor_2_underground", "supervisor_2_surface"]


def requirement(code: str) -> dict:
    return {"code": code, "name_en": f"{code} (en)", "name_fr": f"{code} (fr)",
            "description_en": "", "description_fr": ""}


def test_the_eight_certifications_are_seeded_with_their_documents_in_both_languages(employee):
    items = employee.call("GET", "/internal/certifications").json()["items"]
    seeded = {item["code"]: item for item in items if item["code"] in SEEDED}

    assert [item["code"] for item in items][:8] == SEEDED
    assert seeded["shift_boss_open_pit"]["name_fr"] == "Chef de poste – mine à ciel ouvert"
    for item in seeded.values():
        codes = [entry["code"] for entry in item["requirements"]]
        assert codes[:3] == ["identity", "mining_experience", "first_aid"]
        assert ("prior_certificate" in codes) == item["code"].startswith("supervisor_2")
        assert all(entry["name_fr"] and entry["description_fr"] for entry in item["requirements"])


def test_an_admin_edits_a_certifications_requirements_and_open_applications_follow(employee, admin):
    code = f"test_{uuid.uuid4().hex[:12]}"
    created = admin.call("PUT", f"/internal/admin/certifications/{code}", {
        "name_en": "Test certification", "name_fr": "Certification d'essai",
        "requirements": [requirement("identity"), requirement("logbook")]})
    assert created.status_code == 200, created.text
    application = employee.apply(code)
    assert employee.upload(application["id"], "logbook", PDF_BYTES).status_code == 201

    edited = admin.call("PUT", f"/internal/admin/certifications/{code}", {
        "name_en": "Test certification", "name_fr": "Certification d'essai",
        "requirements": [requirement("identity"), requirement("first_aid")]})
    shown = employee.show(application["id"]).json()

    assert [entry["code"] for entry in edited.json()["requirements"]] == ["identity", "first_aid"]
    assert shown["missing"] == ["identity", "first_aid"]
    assert [document["requirement_code"] for document in shown["documents"]] == ["logbook"]


def test_a_certification_with_bad_data_is_refused_field_by_field(admin):
    answer = admin.call("PUT", "/internal/admin/certifications/supervisor_1_surface", {
        "name_en": "", "name_fr": "x" * 201,
        "requirements": [requirement("identity"), requirement("identity"), {"code": "Bad Code"}]})

    assert answer.status_code == 422
    assert answer.json()["error"] == {"code": "invalid_certification", "fields": {
        "name_en": "required", "name_fr": "too_long", "requirements.1.code": "duplicate",
        "requirements.2.code": "invalid", "requirements.2.name_en": "required", "requirements.2.name_fr": "required"}}
    assert admin.call("PUT", "/internal/admin/certifications/Not-A-Code", {}).json()["error"]["fields"] == {
        "code": "invalid"}
    surface = [item for item in admin.call("GET", "/internal/certifications").json()["items"]
               if item["code"] == "supervisor_1_surface"][0]
    assert surface["name_en"] == "Supervisor Level I – Surface"
