"""The receipt as a one-page PDF (fpdf2, core Helvetica: Latin-1 covers French accents)."""
from __future__ import annotations

from fpdf import FPDF
from flask_babel import gettext as _

from services.web.purchase.receipts import Receipt, labelled

# Characters Latin-1 lacks that formatted French text uses: narrow no-break space (thousands), dashes, quotes.
_LATIN1_STAND_INS = str.maketrans({"\u202f": "\xa0", "\u2013": "-", "\u2014": "-", "\u2019": "'", "\u2018": "'",
                                   "\u201c": '"', "\u201d": '"', "\u2026": "..."})


def latin1(text: str) -> str:
    return text.translate(_LATIN1_STAND_INS).encode("latin-1", "replace").decode("latin-1")


def receipt_pdf(receipt: Receipt) -> bytes:
    pdf = FPDF(format="Letter")
    pdf.set_title(latin1(f"{_('Receipt')} {receipt.number}"))
    pdf.set_author(latin1(receipt.seller))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, latin1(_("Receipt")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    for line in (receipt.seller, receipt.seller_contact, ""):
        pdf.cell(0, 6, latin1(line), new_x="LMARGIN", new_y="NEXT")
    for label, value in ((_("Receipt number"), receipt.number), (_("Date"), receipt.date)):
        pdf.cell(0, 6, latin1(labelled(label, value)), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, latin1(_("Billed to")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    for line in receipt.billed_to:
        pdf.cell(0, 6, latin1(line), new_x="LMARGIN", new_y="NEXT")
    if receipt.employer_account_number:
        pdf.cell(0, 6, latin1(labelled(_("WSCC employer account number"), receipt.employer_account_number)),
                 new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _items_table(pdf, receipt)
    pdf.ln(4)
    for line in (receipt.payment, labelled(_("Status"), receipt.status)):
        pdf.cell(0, 6, latin1(line), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _items_table(pdf: FPDF, receipt: Receipt) -> None:
    widths = (96, 24, 38, 38)
    heading = (_("Description"), _("Quantity"), _("Unit price"), _("Total"))
    row = (receipt.description, str(receipt.quantity), receipt.unit_price, receipt.total)
    pdf.set_font("Helvetica", "B", 11)
    for width, text in zip(widths, heading, strict=True):
        pdf.cell(width, 8, latin1(text), border=1)
    pdf.ln()
    pdf.set_font("Helvetica", "", 11)
    for width, text in zip(widths, row, strict=True):
        pdf.cell(width, 8, latin1(text), border=1)
    pdf.ln()
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(sum(widths[:3]), 8, latin1(f"{_('Total')} ({receipt.currency})"), border=1, align="R")
    pdf.cell(widths[3], 8, latin1(receipt.total), border=1)
    pdf.ln()
    pdf.set_font("Helvetica", "", 11)
