"""Every refusal code the services document (docs/internal-api.md) has its own message, in both languages."""
import pytest

from services.web.courses.messages import answer_refusal_message, exam_refusal_message, verification_message
from services.web.employee.applications_views import upload_message
from services.web.employee.views import claim_message, redeem_message
from services.web.review.views import decision_refused_message
from tests.unit.web.conftest import form_context

CASES = [
    (claim_message, ["malformed_code", "mistyped_code", "unknown_code", "claimed_by_someone_else", "code_expired",
                     "employee_has_license", "too_many_attempts"]),
    (redeem_message, ["not_eligible", "deadline_passed", "no_license"]),
    (upload_message, ["unsupported_type", "too_large", "empty_file", "unknown_requirement", "not_editable"]),
    (decision_refused_message, ["reason_required", "message_required"]),
    (exam_refusal_message, ["exam_course_incomplete", "exam_wait", "exam_no_attempts_left", "exam_access_ended",
                            "exam_passed", "attempt_open", "too_late"]),
    (answer_refusal_message, ["attempt_time_is_up", "attempt_submitted", "one_option_only", "not_an_option",
                              "not_in_attempt"]),
    (verification_message, ["mistyped_number", "malformed_number", "no_such_certificate"]),
]


@pytest.mark.parametrize(("message", "codes"), CASES)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_code_has_a_message_of_its_own(app, message, codes, language):
    with form_context(app, {}, language=language):
        fallback = message("something_new")
        texts = [message(code) for code in codes]
    assert fallback not in texts and len(set(texts)) == len(texts)
    if language == "fr":
        with form_context(app, {}):
            assert all(text != message(code) for text, code in zip(texts, codes, strict=True))
