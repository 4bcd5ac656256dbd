"""An administrator edits a certification's next edition through the API: rules, lessons, a Moodle XML bank (a bad
file refused with a message per question), previews in both languages, publishing, exporting."""
from __future__ import annotations

import requests

from services.courses.moodle_xml import export_bank, parse_bank
from tests.integration.courses.support import sample_bank


def admin_call(candidate, method, path, body=None, **kwargs):
    return candidate.call(method, f"/internal/admin/courses/{path}", body, role="admin", **kwargs)


def put_xml(candidate, code: str, data: bytes) -> requests.Response:
    return requests.put(f"{candidate.base_url}/internal/admin/courses/{code}/draft/bank", data=data, timeout=30,
                        headers=candidate.headers("admin") | {"Content-Type": "application/xml"})


def test_a_draft_is_edited_previewed_and_published_and_the_old_edition_stays(candidate, certification):
    code = certification["code"]
    assert admin_call(candidate, "POST", f"{code}/draft").status_code == 201
    rules = admin_call(candidate, "GET", code).json()["published"]["rules"]
    refused = admin_call(candidate, "PUT", f"{code}/draft/rules", rules | {"pass_mark_percent": 0})
    assert (refused.status_code, refused.json()["error"]["fields"]) == (422, {"pass_mark_percent":
                                                                              "must_be_between_1_and_100"})
    assert admin_call(candidate, "PUT", f"{code}/draft/rules", rules | {"pass_mark_percent": 70}).ok

    french_of_3 = b'&lt;span lang="fr" class="multilang"&gt;Question 3 ?&lt;/span&gt;'
    broken = export_bank(sample_bank(8)).replace(french_of_3, b"", 1)
    assert french_of_3 not in broken
    answer = put_xml(candidate, code, broken)
    assert answer.status_code == 422
    assert answer.json()["error"]["fields"]["questions"] == [
        {"question": 3, "name": "Question 3?", "problems": ["text_missing_fr"]}]
    assert admin_call(candidate, "GET", code).json()["draft"]["questions"] == 8  # nothing changed

    assert put_xml(candidate, code, export_bank(sample_bank(10, tag=" v2"))).ok
    course = admin_call(candidate, "GET", code).json()["draft"]["course"]
    course[0]["lessons"][0]["body_fr"] = "## Nouveau\n\nTexte <b>brut</b>."
    assert admin_call(candidate, "PUT", f"{code}/draft/course", {"modules": course}).ok
    preview = admin_call(candidate, "GET", f"{code}/draft/lessons/hazards/preview").json()
    assert preview["fr"]["body_html"] == "<h3>Nouveau</h3>\n<p>Texte &lt;b&gt;brut&lt;/b&gt;.</p>\n"
    assert preview["en"]["title"] == "Hazards"

    published = admin_call(candidate, "POST", f"{code}/draft/publish").json()
    assert (published["number"], published["status"], published["rules"]["pass_mark_percent"]) == (2, "published", 70)
    assert not published["rules_are_defaults"]
    exported = admin_call(candidate, "GET", f"{code}/editions/2/bank.xml")
    assert [question.text["en"] for question in parse_bank(exported.content)][:2] == ["Question 1 v2?",
                                                                                      "Question 2 v2?"]
    first = parse_bank(admin_call(candidate, "GET", f"{code}/editions/1/bank.xml").content)
    assert first[0].text["en"] == "Question 1?" and len(first) == 8


def test_a_bank_smaller_than_an_exam_or_not_xml_is_refused(candidate, certification):
    code = certification["code"]
    admin_call(candidate, "POST", f"{code}/draft")
    small = put_xml(candidate, code, export_bank(sample_bank(3)))
    assert (small.status_code, small.json()["error"]["code"]) == (422, "bank_too_small")
    assert put_xml(candidate, code, b"<html>not a bank</html>").json()["error"]["code"] == "unreadable_file"
    assert admin_call(candidate, "POST", f"{code}/draft/discard").ok
    assert admin_call(candidate, "GET", code).json()["draft"] is None
