"""Staff's view of visitors' submissions: sign-up status and its filter, the consent sentence, and exports that
are safe to open in a spreadsheet program (no visitor's text runs as a formula)."""

import csv
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from wimn_site.factories import FormPageFactory
from wimn_site.models import FormPage, FormSubmission

pytestmark = pytest.mark.django_db

CONSENT_ES = "Sí, envíenme por correo las noticias y los llamados a la acción de la red."
# What visitors might type, and what the export must hold for each.
HOSTILE = {
    '=HYPERLINK("http://evil.example","Click")': '\'=HYPERLINK("http://evil.example","Click")',
    "+1+cmd|' /C calc'!A0": "'+1+cmd|' /C calc'!A0",
    "-2+3": "'-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0": "'@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "'\r=1+1",
    "Carol = Barton - WIMN": "Carol = Barton - WIMN",
    # a spreadsheet that splits on ";" (Spanish, Portuguese, French Excel) would start a cell at the "="
    "Ana;=HYPERLINK(F2);x": "'Ana;=HYPERLINK(F2);x",
    "Ana, -1+1": "'Ana, -1+1",
    "Ana\n@SUM(A1)": "'Ana\n@SUM(A1)",
}


@pytest.fixture
def join(home):
    return FormPageFactory(parent=home, slug="join")


@pytest.fixture
def sign_ups(join):
    confirmed = FormSubmission.objects.create(
        page=join,
        purpose=FormPage.NEWSLETTER,
        email="confirmed@example.org",
        name="Ana Confirmada",
        language="es",
        consent=True,
        consent_text=CONSENT_ES,
        confirmed_at=timezone.now(),
    )
    pending = FormSubmission.objects.create(
        page=join, purpose=FormPage.NEWSLETTER, email="pending@example.org", name="Paula Pendiente", language="pt"
    )
    message = FormSubmission.objects.create(
        page=None, purpose=FormPage.CONTACT, email="writer@example.org", name="Wanda Writer", language="en"
    )
    return confirmed, pending, message


def rows(response):
    table = BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")
    return [row.get_text(" ", strip=True) for row in table]


def row_of(found, name):
    [row] = [row for row in found if name in row]
    return row


def test_listing_shows_whether_a_sign_up_is_confirmed(staff, sign_ups):
    found = rows(staff.get("/admin/form_submissions/"))
    assert "confirmed" in row_of(found, "Ana Confirmada") and "waiting" not in row_of(found, "Ana Confirmada")
    assert "waiting for confirmation" in row_of(found, "Paula Pendiente")
    assert "confirm" not in row_of(found, "Wanda Writer")  # a contact message is not a sign-up


@pytest.mark.parametrize(
    "value,names",
    [("confirmed", ["Ana Confirmada"]), ("pending", ["Paula Pendiente"]), ("", ["Ana", "Paula", "Wanda"])],
)
def test_listing_filters_by_sign_up_status(staff, sign_ups, value, names):
    found = rows(staff.get("/admin/form_submissions/", {"sign_up": value}))
    assert len(found) == len(names)
    assert all(any(name in row for row in found) for name in names)


def test_a_made_up_filter_value_is_no_500(staff, sign_ups):
    assert staff.get("/admin/form_submissions/", {"sign_up": "<script>", "purpose": "x" * 500}).status_code == 200


def test_inspect_view_shows_the_consent_sentence_and_the_confirmation(staff, sign_ups):
    confirmed = sign_ups[0]
    page = BeautifulSoup(staff.get(f"/admin/form_submissions/inspect/{confirmed.pk}/").content, "html.parser")
    text = page.get_text(" ", strip=True)
    assert "Consent text" in text and CONSENT_ES in text
    assert "Address confirmed at" in text


def test_staff_cannot_edit_the_consent_or_the_confirmation(staff, sign_ups):
    edit = staff.get(f"/admin/form_submissions/edit/{sign_ups[1].pk}/")
    assert edit.status_code == 200
    form = BeautifulSoup(edit.content, "html.parser")
    assert not form.find(attrs={"name": "consent_text"}) and not form.find(attrs={"name": "confirmed_at"})


def hostile_submissions(join):
    for number, value in enumerate(HOSTILE):
        FormSubmission.objects.create(
            page=join,
            purpose=FormPage.CONTACT,
            email=f"v{number}@example.org",
            name=value,
            organization=value,
            message=value,
            consent_text=value,
            language="en",
        )


def test_csv_export_neutralises_formulas(staff, join):
    hostile_submissions(join)
    response = staff.get("/admin/form_submissions/", {"export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(table) == len(HOSTILE)
    assert {"Consent text", "Address confirmed at"} <= set(table[0])
    for row in table:
        assert row["Name"] in HOSTILE.values()
        assert row["Organization"] == row["Message"] == row["Consent text"] == row["Name"]
    assert sorted(row["Name"] for row in table) == sorted(HOSTILE.values())


def test_csv_export_quotes_every_cell(staff, join):
    """A spreadsheet set to split on ";" or tabs (Spanish, Portuguese, French Excel) keeps a quoted cell whole;
    and a value with a formula after such a separator is neutralised anyway (test above)."""
    hostile_submissions(join)
    text = b"".join(staff.get("/admin/form_submissions/", {"export": "csv"}).streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    again = io.StringIO(newline="")
    csv.writer(again, quoting=csv.QUOTE_ALL).writerows(rows)
    assert again.getvalue() == text


def test_xlsx_export_neutralises_formulas(staff, join):
    hostile_submissions(join)
    response = staff.get("/admin/form_submissions/", {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings = [cell.value for cell in sheet[1]]
    name, message = headings.index("Name"), headings.index("Message")
    cells = [row for row in sheet.iter_rows(min_row=2)]
    assert sorted(row[name].value for row in cells) == sorted(HOSTILE.values())
    assert all(row[name].data_type == "s" and row[message].value == row[name].value for row in cells)


def test_xlsx_export_survives_control_characters(staff, join):
    """openpyxl refuses control characters: one in a visitor's name must not break the whole export."""
    FormSubmission.objects.create(
        page=join, purpose=FormPage.CONTACT, email="c@example.org", name="Carol\x01\x1b Barton", language="en"
    )
    FormSubmission.objects.create(
        page=join, purpose=FormPage.CONTACT, email="d@example.org", name="\x02=1+1", language="en"
    )
    response = staff.get("/admin/form_submissions/", {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    name = [cell.value for cell in sheet[1]].index("Name")
    names = {row[name] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {"Carol Barton", "'=1+1"}


def test_exports_keep_dates_numbers_and_plain_text_as_they_are(staff, sign_ups):
    response = staff.get("/admin/form_submissions/", {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings = [cell.value for cell in sheet[1]]
    [confirmed] = [
        row for row in sheet.iter_rows(min_row=2, values_only=True) if row[headings.index("Name")] == "Ana Confirmada"
    ]
    assert confirmed[headings.index("Consent text")] == CONSENT_ES
    assert confirmed[headings.index("Address confirmed at")].year == timezone.now().year
    assert confirmed[headings.index("Submitted at")] is not None


def test_staff_editing_an_address_into_a_duplicate_sign_up_get_a_form_error(staff, sign_ups):
    confirmed, pending, _message = sign_ups
    data = {"name": "Paula", "email": "CONFIRMED@example.org", "organization": "", "message": "", "consent": "on"}
    response = staff.post(f"/admin/form_submissions/edit/{pending.pk}/", data)
    assert response.status_code == 200
    assert "This address has already signed up through this form." in response.content.decode()
    pending.refresh_from_db()
    assert pending.email == "pending@example.org"


def test_staff_edit_a_submission(staff, sign_ups):
    _confirmed, pending, _message = sign_ups
    data = {"name": "Paula P.", "email": "paula@example.org", "organization": "", "message": "", "consent": "on"}
    assert staff.post(f"/admin/form_submissions/edit/{pending.pk}/", data).status_code == 302
    pending.refresh_from_db()
    assert (pending.name, pending.email) == ("Paula P.", "paula@example.org")
