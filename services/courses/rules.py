"""The exam rules of a certification: what each means, its bounds, and the defaults WSCC has yet to confirm.

WSCC has not published its exam rules. The defaults come from the closest published ones, British Columbia's mine
supervisor exam (80 % to pass, 3 attempts, a week between attempts, questions drawn from a bank twice the size of
the exam, access for six weeks, certificates valid 5 years) and its shift boss certificate, which adds an interview
with an inspector: here, a WSCC sign-off before the certificate is issued. Administrators see them marked as
defaults until they confirm or change them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from common.refusals import Invalid


@dataclass(frozen=True)
class Rules:
    questions_per_attempt: int = 20
    pass_mark_percent: int = 80
    time_limit_minutes: int = 60
    attempts_allowed: int = 3
    wait_between_attempts_hours: int = 7 * 24
    access_days: int = 42
    signoff_required: bool = False
    certificate_valid_months: int = 60

    def as_dict(self) -> dict:
        return asdict(self)


BOUNDS = {
    "questions_per_attempt": (1, 200),
    "pass_mark_percent": (1, 100),
    "time_limit_minutes": (5, 600),
    "attempts_allowed": (1, 20),
    "wait_between_attempts_hours": (0, 24 * 90),
    "access_days": (1, 730),
    "certificate_valid_months": (1, 240),
}
RULE_NAMES = tuple(field.name for field in fields(Rules))


def default_rules(certification_code: str) -> Rules:
    # BC's shift boss certificate adds an interview with an inspector of mines to the exam.
    return Rules(signoff_required=certification_code.startswith("shift_boss"))


def validated_rules(values: dict, bank_size: int) -> Rules:
    """The rules an administrator submitted, or Invalid naming each field that is wrong."""
    errors: dict[str, str] = {}
    parsed: dict = {}
    for name in RULE_NAMES:
        value = values.get(name)
        if name == "signoff_required":
            if not isinstance(value, bool):
                errors[name] = "must_be_true_or_false"
            parsed[name] = value
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            errors[name] = "must_be_a_whole_number"
            continue
        low, high = BOUNDS[name]
        if not low <= value <= high:
            errors[name] = f"must_be_between_{low}_and_{high}"
        parsed[name] = value
    if "questions_per_attempt" not in errors and parsed.get("questions_per_attempt", 0) > bank_size:
        errors["questions_per_attempt"] = "more_than_the_bank_holds"
    if errors:
        raise Invalid("invalid_rules", errors)
    return Rules(**parsed)
