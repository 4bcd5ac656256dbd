"""The course and the exam on the real broker, worker and SMTP sink: the employee hears of each step with their
score, their company of the outcomes without it; each e-mail once, in each person's language."""
from __future__ import annotations

from datetime import timedelta

from common.events import new_event
from tests.integration.notifications.journey import (
    ACCESS_ENDS_AT, OPENED_AT, UNDERGROUND, all_handled, employee, enrolment, exam_result, license_change)
from tests.integration.notifications.support import (
    all_sent, company, notifications_to, plain, registered, subjects, wait_until)

NEXT_ATTEMPT_AT = OPENED_AT + timedelta(days=14, hours=7, minutes=30)  # July 3, 2026, 4:30 p.m. in Yellowknife


def test_the_employee_hears_of_each_step_and_the_company_of_the_outcomes_once_each(mail, publish, stack, db):
    portal = stack.env()["WSCC_PUBLIC_URL"]
    firm = company(language="en", representative_name="Pat Kaludjak")
    marie = employee("Marie Dupont", "fr")
    registered(mail, publish, firm, marie)
    opened = enrolment(marie, firm.company_id)
    completed = opened.model_copy(update={"at": OPENED_AT + timedelta(days=5), "lessons_done": 12})
    redeemed = license_change(opened.license_id, firm.company_id, marie, OPENED_AT, certification=UNDERGROUND,
                              redeem_by=OPENED_AT + timedelta(days=30))
    events = [new_event("license.redeemed", redeemed), new_event("course.opened", opened),
              new_event("course.completed", completed),
              new_event("exam.failed", exam_result(completed, 1, "62.50", next_attempt_at=NEXT_ATTEMPT_AT)),
              new_event("exam.passed", exam_result(completed, 2, "84.62", passed=True))]
    # Redelivered as they are, and the same facts again under new event ids (a replayed outbox).
    again = [new_event(event.type, event.payload()) for event in events[1:]]
    for event in events + events + again:
        publish(event)

    to_marie = subjects(mail.wait_for(str(marie.email), 5))
    to_firm = subjects(mail.wait_for(str(firm.email), 5))
    wait_until(lambda: all_handled(db, *events, *again), what="every handler of every event")
    assert set(to_marie) == {"Votre compte a été créé", "Votre cours et votre examen sont accessibles",
                             "Vous avez terminé le cours : l'examen est accessible",
                             "Vous n'avez pas réussi l'examen cette fois-ci", "Vous avez réussi l'examen"}
    assert set(to_firm) == {"Your company profile has been created", "License used: Marie Dupont",
                            "Course completed: Marie Dupont", "Exam not passed: Marie Dupont",
                            "Exam passed: Marie Dupont"}

    opened_mail = plain(to_marie["Votre cours et votre examen sont accessibles"]["text"])
    assert ("Vous avez jusqu'au 17 septembre 2026, 09 h 00 HAR pour terminer les leçons et réussir l'examen"
            in opened_mail)
    assert f"{portal}/course" in opened_mail
    assert "Vous disposez de 3 tentatives pour le réussir, avant la fin de votre accès le 17 septembre 2026" in plain(
        to_marie["Vous avez terminé le cours : l'examen est accessible"]["text"])
    failed = plain(to_marie["Vous n'avez pas réussi l'examen cette fois-ci"]["text"])
    assert ("vous avez obtenu 62,5 %, et la note de passage est de 80 %. Vous avez utilisé 1 de vos 3 tentatives."
            in failed)
    assert "à partir du 3 juillet 2026, 16 h 30 HAR" in failed
    passed = plain(to_marie["Vous avez réussi l'examen"]["text"])
    assert "avec une note de 84,62 % (la note de passage est de 80 %)" in passed
    assert "Votre certificat sera délivré; vous le recevrez par courriel." in passed
    for message in to_marie.values():
        assert message["headers"]["Content-Language"] == "fr" and message["text"].startswith("Bonjour Marie Dupont,")

    assert "(12 lessons): the exam is now open to them" in to_firm["Course completed: Marie Dupont"]["text"]
    assert "(attempt 1 of 3)" in to_firm["Exam not passed: Marie Dupont"]["text"]
    for subject in ("Exam not passed: Marie Dupont", "Exam passed: Marie Dupont"):
        message = to_firm[subject]
        assert f'href="{portal}/licenses"' in message["html"] and message["headers"]["Content-Language"] == "en"
        assert "62" not in message["text"] + message["html"] and "84" not in message["text"] + message["html"]

    all_sent(db, str(marie.email), 5)
    all_sent(db, str(firm.email), 5)
    assert len(mail.messages(str(marie.email))) == 5 and len(mail.messages(str(firm.email))) == 5


def test_a_failed_last_attempt_is_one_email_saying_what_to_do_next(mail, publish, db):
    """courses publishes exam.failed and exam.attempts_exhausted for the last attempt: one e-mail each, not two."""
    firm = company(language="fr", representative_name="Élodie Tremblay")
    sam = employee("Sam Okalik", "en")
    registered(mail, publish, firm, sam)
    last = exam_result(enrolment(sam, firm.company_id, lessons_done=12), 3, "70.00")
    failed, exhausted = new_event("exam.failed", last), new_event("exam.attempts_exhausted", last)
    for event in (failed, exhausted, failed, exhausted):
        publish(event)

    [to_sam] = [m for m in mail.wait_for(str(sam.email), 2) if m["subject"] != "Your account has been created"]
    [to_firm] = [m for m in mail.wait_for(str(firm.email), 2)
                 if m["subject"] != "Le profil de votre entreprise a été créé"]
    wait_until(lambda: all_handled(db, failed, exhausted), what="both events handled")
    assert to_sam["subject"] == "You have no exam attempts left"
    text = plain(to_sam["text"])
    assert "your score is 70%, and the pass mark is 80%. That was your last attempt" in text
    assert ("Write to us at MiningCertification@wsc.nt.ca: an administrator may grant you another attempt. It would "
            "have to be taken before your access ends on September 17, 2026, 9:00 a.m. MDT.") in text
    assert plain(to_firm["subject"]) == "Plus aucune tentative d'examen : Sam Okalik"
    assert "a utilisé toutes les tentatives permises (3)" in to_firm["text"] and "70" not in to_firm["text"]

    all_sent(db, str(sam.email), 2)
    all_sent(db, str(firm.email), 2)
    assert len(mail.messages(str(sam.email))) == 2 and len(mail.messages(str(firm.email))) == 2


def test_attempts_left_without_time_then_the_end_of_access(mail, publish, db):
    firm = company(language="en")
    marie = employee("Marie Dupont", "fr")
    registered(mail, publish, firm, marie)
    enrolled = enrolment(marie, firm.company_id, lessons_done=12)
    # The wait before another attempt would end after access does: courses sends no next_attempt_at.
    publish("exam.failed", exam_result(enrolled, 1, "45.00"))
    publish("course.access_expired", enrolled.model_copy(update={"at": ACCESS_ENDS_AT, "attempts_used": 1}))

    to_marie = subjects(mail.wait_for(str(marie.email), 3))
    to_firm = subjects(mail.wait_for(str(firm.email), 3))
    failed = plain(to_marie["Vous n'avez pas réussi l'examen cette fois-ci"]["text"])
    assert ("Il vous reste 2 tentatives, mais plus le temps d'en faire une autre : le délai d'attente exigé entre deux "
            "tentatives prendrait fin après votre accès, qui se termine le 17 septembre 2026, 09 h 00 HAR.") in failed
    assert "prochaine tentative" not in failed
    ended = plain(to_marie["Votre accès au cours et à l'examen a pris fin"]["text"])
    assert "a pris fin le 17 septembre 2026, 09 h 00 HAR, avant que vous ayez réussi l'examen" in ended
    assert "ended on September 17, 2026, 9:00 a.m. MDT, before they passed the exam" in plain(
        to_firm["Access to the course ended: Marie Dupont"]["text"])
    assert "Exam not passed: Marie Dupont" in to_firm
    assert {n.template for n in notifications_to(db, str(marie.email))} == {
        "account_created", "exam_failed", "course_access_expired"}


def test_an_attempt_granted_is_told_to_the_employee_and_the_company_once_each(mail, publish, db):
    firm = company(language="en", representative_name="Pat Kaludjak")
    marie = employee("Marie Dupont", "fr")
    registered(mail, publish, firm, marie)
    granted = enrolment(marie, firm.company_id, lessons_done=12, attempts_used=3, attempts_allowed=4,
                        at=OPENED_AT + timedelta(days=31))
    event = new_event("exam.attempt_granted", granted)
    for _ in range(2):
        publish(event)

    [to_marie] = [m for m in mail.wait_for(str(marie.email), 2) if m["subject"] != "Votre compte a été créé"]
    [to_firm] = [m for m in mail.wait_for(str(firm.email), 2) if m["subject"] != "Your company profile has been created"]
    wait_until(lambda: all_handled(db, event), what="both handlers")
    assert to_marie["subject"] == "Vous pouvez passer l'examen de nouveau"
    assert ("Il vous reste 1 tentative, à faire avant la fin de votre accès le 17 septembre 2026, 09 h 00 HAR."
            in plain(to_marie["text"]))
    assert plain(to_firm["subject"]) == "Another exam attempt granted: Marie Dupont"
    assert "WSCC has granted Marie Dupont another attempt at the exam" in plain(to_firm["text"])
    all_sent(db, str(marie.email), 2)
    all_sent(db, str(firm.email), 2)
    assert len(mail.messages(str(marie.email))) == 2 and len(mail.messages(str(firm.email))) == 2
