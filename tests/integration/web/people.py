"""The people of the employee journey, driven through the front door's pages: a company with codes, employees,
a reviewer made by an administrator on the staff page, and the documents they upload."""
from __future__ import annotations

import io
import re
import uuid
from dataclasses import dataclass

from flask import Flask
from fpdf import FPDF
from PIL import Image

from services.web.accounts.demo import ensure_admin
from tests.integration.web.support import PASSWORD, Account, Visitor, text_of, wait_for

CODE_ROW = re.compile(r'<tr id="license-([0-9a-f-]{36})"[^>]*>\s*<th scope="row">\s*'
                      r'<code id="code-[^"]+">([^<]+)</code>')
APPLICATION_ID = re.compile(r"/employee/applications/([0-9a-f-]{36})")
DOCUMENT_LINK = re.compile(r'/employee/applications/[0-9a-f-]{36}/documents/([0-9a-f-]{36})"')


def small_pdf(text: str = "Proof of identity") -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.cell(text=text)
    return bytes(pdf.output())


def small_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


# Named and typed like a PDF, but a web page with a script inside: refused by its content.
FAKE_PDF = b"<html><body><script>alert('not a pdf')</script></body></html>"


@dataclass
class Company:
    visitor: Visitor
    account: Account

    def codes(self) -> dict[str, str]:
        """code → license id, as MANAGE LICENSES shows them."""
        html = self.visitor.get("/licenses").get_data(as_text=True)
        return {code: license_id for license_id, code in CODE_ROW.findall(html)}

    def row(self, code: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", self._row_html(code)))

    def progress(self, code: str) -> str:
        """The row's Progress cell, as the company reads it."""
        cell = re.search(r"<td data-progress[^>]*>(.*?)</td>", self._row_html(code), re.S)
        assert cell, f"no progress cell for {code}"
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell.group(1))).strip()

    def _row_html(self, code: str) -> str:
        html = self.visitor.get("/licenses").get_data(as_text=True)
        start = html.index(f'<tr id="license-{self.codes()[code]}"')
        return html[start:html.index("</tr>", start)]


def company_with_codes(app: Flask, sandbox_url: str, quantity: int = 5) -> Company:
    visitor = Visitor(app.test_client())
    account = visitor.register()
    order_id = visitor.place_order(quantity)
    assert visitor.pay(order_id, sandbox_url).status_code == 303
    assert wait_for(lambda: not visitor.progress()["issuing"] and visitor.progress()["counts"]["bought"] == quantity)
    company = Company(visitor, account)
    assert wait_for(lambda: len(company.codes()) == quantity)
    return company


class Employee(Visitor):
    """An employee's browser."""

    account: Account
    name: str

    def sign_up(self, **changes: str) -> Employee:
        data = {"name": f"Emma Employee {uuid.uuid4().hex[:6]}",
                "email": f"emp-{uuid.uuid4().hex[:10]}@crew.example", "phone": "867-555-0142", "language": "en",
                "password": PASSWORD, "confirm": PASSWORD} | changes
        response = self.submit("/employee/register", data)
        assert response.status_code == 200 and "Check your e-mail" in text_of(response), text_of(response)
        self.confirm(data["email"], "/employee")
        self.account, self.name = Account(data["email"], data["password"], ""), data["name"]
        return self

    def complete_course(self) -> None:
        keys = re.findall(r'href="/employee/course/([a-z0-9_-]+)"', self.get("/employee/course").get_data(as_text=True))
        assert keys
        for key in dict.fromkeys(keys):
            assert self.get(f"/employee/course/{key}").status_code == 200

    def claim(self, code: str):
        return self.submit("/employee/code", {"code": code}, form_page="/employee")

    def apply(self, certification: str) -> str:
        """Applying needs the introduction course: it is taken first (again is harmless)."""
        self.complete_course()
        response = self.submit("/employee/applications", {"certification": certification})
        assert response.status_code == 303, text_of(response)
        return APPLICATION_ID.search(response.headers["Location"]).group(1)

    def upload(self, application_id: str, requirement: str, filename: str, content: bytes,
               content_type: str = "application/octet-stream"):
        token = self.csrf_token(f"/employee/applications/{application_id}")
        data = {"csrf_token": token, "requirement_code": requirement,
                "file": (io.BytesIO(content), filename, content_type)}
        return self.client.post(f"/employee/applications/{application_id}/documents", data=data,
                                content_type="multipart/form-data")

    def requirements(self, application_id: str) -> list[str]:
        html = self.get(f"/employee/applications/{application_id}").get_data(as_text=True)
        return list(dict.fromkeys(re.findall(r'name="requirement_code" value="([a-z0-9_]+)"', html)))

    def upload_everything(self, application_id: str) -> None:
        for number, requirement in enumerate(self.requirements(application_id)):
            content, name, kind = ((small_pdf(requirement), f"{requirement}.pdf", "application/pdf") if number % 2 == 0
                                   else (small_png(), f"{requirement}.png", "image/png"))
            assert self.upload(application_id, requirement, name, content, kind).status_code == 303

    def submit_application(self, application_id: str):
        return self.submit(f"/employee/applications/{application_id}/submit",
                           form_page=f"/employee/applications/{application_id}")

    def home(self) -> str:
        return text_of(self.get("/employee"))


def new_employee(app: Flask, **changes: str) -> Employee:
    return Employee(app.test_client()).sign_up(**changes)


def admin_visitor(app: Flask) -> Visitor:
    admin = Visitor(app.test_client())
    login = ensure_admin(admin.web_db.runtime.db, f"admin-{uuid.uuid4().hex[:8]}@wsc.example", "an admin password")
    assert admin.login(Account(login.email, login.password, "")).status_code == 302
    return admin


def reviewer_made_by_an_administrator(app: Flask, name: str = "Rita Reviewer") -> Visitor:
    """The administrator creates the account on the staff page; the reviewer replaces the temporary password."""
    email = f"reviewer-{uuid.uuid4().hex[:8]}@wsc.example"
    created = admin_visitor(app).submit("/admin/staff", {"name": name, "email": email, "role": "reviewer",
                                                         "language": "en", "password": "temporary password 1"})
    assert created.status_code == 303, text_of(created)
    reviewer = Visitor(app.test_client())
    assert reviewer.login(Account(email, "temporary password 1", "")).status_code == 302
    changed = reviewer.submit("/account/password", {"current_password": "temporary password 1",
                                                    "password": PASSWORD, "confirm": PASSWORD})
    assert changed.status_code == 302, text_of(changed)
    return reviewer
