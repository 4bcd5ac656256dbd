"""The certification form: blank rows are no requirement, a kept row needs a code and both names, codes are unique,
and the service's own field errors land on the row they are about."""
from services.web.admin.certifications_views import _show_service_errors
from services.web.admin.forms import CertificationForm
from tests.unit.web.conftest import form_context


def row(number: int, **values: str) -> dict:
    return {f"requirements-{number}-{name}": value for name, value in values.items()}


BASE = {"name_en": "Shift Boss – Open Pit", "name_fr": "Chef de poste – mine à ciel ouvert"}


def test_blank_rows_are_left_out_of_what_is_saved(app):
    data = BASE | row(0, code="identity", name_en="Identity", name_fr="Identité") | row(1, code="", name_en="")
    with form_context(app, data):
        form = CertificationForm()
        assert form.validate() and not form.has_row_errors()
        assert form.payload()["requirements"] == [{"code": "identity", "name_en": "Identity", "name_fr": "Identité",
                                                   "description_en": "", "description_fr": ""}]


def test_a_half_filled_row_and_a_repeated_code_are_errors_on_their_rows(app):
    data = (BASE | row(0, code="identity", name_en="Identity", name_fr="Identité")
            | row(1, name_en="Half a row") | row(2, code="identity", name_en="Again", name_fr="Encore"))
    with form_context(app, data):
        form = CertificationForm()
        form.validate()
        assert form.has_row_errors()
        rows = [entry.form for entry in form.requirements]
        assert rows[1].code.errors == ["Required for a document."] and rows[1].name_fr.errors
        assert rows[2].code.errors == ["Each document needs its own code."]


def test_the_services_errors_are_shown_on_the_kept_row_they_name(app):
    data = (BASE | row(0, code="", name_en="") | row(1, code="first_aid", name_en="First aid", name_fr="Secourisme"))
    with form_context(app, data):
        form = CertificationForm()
        form.validate()
        _show_service_errors(form, {"requirements.0.name_fr": "too_long", "name_en": "required", "other": "x"})
        assert form.requirements[1].form.name_fr.errors == ["This text is too long."]
        assert form.name_en.errors == ["This field is required."]
        assert form.form_errors == ["The certification could not be saved. Check every row."]
