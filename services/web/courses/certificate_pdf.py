"""The certificate as a one-page PDF an employee prints: in their language, with the QR code of its public
verification page, set in DejaVu Sans (embedded), which also carries the syllabics Inuktitut is written in."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import qrcode
from flask_babel import gettext as _
from fpdf import FPDF

FONTS = Path(__file__).resolve().parents[1] / "fonts"
INK, RULE = (20, 40, 70), (11, 78, 138)


@dataclass(frozen=True)
class PrintedCertificate:
    holder_name: str
    certification_name: str
    display_number: str
    issued_on: str       # dates already written in the reader's language
    expires_on: str
    verify_url: str
    issuer: str


def qr_png(url: str) -> bytes:
    image = qrcode.make(url, box_size=10, border=2)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def certificate_pdf(certificate: PrintedCertificate) -> bytes:
    pdf = FPDF(orientation="landscape", format="Letter")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_title(f"{_('Certificate')} {certificate.display_number}")
    pdf.set_author(certificate.issuer)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_text_color(*INK)

    def line(text: str, size: float, style: str = "", height: float = 10, gap: float = 0) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.set_x(20)
        pdf.multi_cell(pdf.w - 40, height, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    pdf.set_y(24)
    line(certificate.issuer, 12, gap=6)
    line(_("Mine Supervisor Certification"), 14, "B")
    line(_("Certificate"), 30, "B", height=16, gap=6)
    line(_("This certifies that"), 13)
    line(certificate.holder_name, 24, "B", height=14)
    line(_("completed the online course and passed the exam of"), 13)
    line(certificate.certification_name, 18, "B", height=12, gap=8)
    pdf.set_font("DejaVu", "", 12)
    for label, value in ((_("Certificate number"), certificate.display_number),
                         (_("Issued on"), certificate.issued_on), (_("Valid until"), certificate.expires_on)):
        pdf.set_x(40)
        pdf.set_font("DejaVu", "", 12)
        pdf.cell(60, 8, label)
        pdf.set_font("DejaVu", "B", 12)
        pdf.cell(90, 8, value, new_x="LMARGIN", new_y="NEXT")
    size = 42
    pdf.image(io.BytesIO(qr_png(certificate.verify_url)), x=pdf.w - 40 - size, y=pdf.h - 38 - size, w=size, h=size)
    pdf.set_xy(40, pdf.h - 42)
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(pdf.w - 100 - size, 6, _("Anyone can check this certificate at %(url)s (or scan the code).",
                                            url=certificate.verify_url), align="L")
    return bytes(pdf.output())
