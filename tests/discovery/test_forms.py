from unittest import mock

import pytest

from django.core import mail
from django.test import Client

from tests.helpers import assert_page_queries, soup
from wimn_site.factories import FormPageFactory
from wimn_site.models import FormPage, FormSubmission, SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def join(home):
    return FormPageFactory(
        parent=home,
        slug="join",
        title_es="Suscríbase a la lista",
        intro_es="Noticias de la red.",
        title_fr="Abonnez-vous",
        intro_fr="Nouvelles du réseau.",
    )


@pytest.fixture
def contact(home):
    return FormPageFactory(
        parent=home,
        slug="write",
        title="Write to us",
        purpose=FormPage.CONTACT,
        title_es="Escríbanos",
        intro_es="La red responde por correo.",
        to_address="press@example.org, office@example.org",
    )


def valid(**extra):
    return {"name": "Carol Barton", "email": "carol@example.org", "organization": "WIMN", "consent": "on", **extra}


def test_form_page_lives_under_home_and_content_pages(home):
    from wimn_site.factories import ContentPageFactory

    assert FormPage.can_create_at(home)
    assert FormPage.can_create_at(ContentPageFactory(parent=home))


def test_form_shows_translated_labels_and_a_csrf_token(client, join):
    page = soup(client.get("/es/join/"))
    labels = [label.get_text(" ", strip=True) for label in page.select("form label")]
    assert "Correo electrónico (obligatorio)" in labels
    assert page.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert page.find("input", attrs={"name": "website"})["tabindex"] == "-1"
    assert page.select_one("main button[type=submit]").get_text(strip=True) == "Suscribirse"


def test_newsletter_form_has_no_message_field(client, join):
    assert not soup(client.get("/en/join/")).find(attrs={"name": "message"})


def test_sign_up_is_stored_unconfirmed_and_thanked_with_the_next_step(client, join, home):
    """A valid sign-up is saved, unconfirmed, with the visitor's language; the visitor (not staff) gets an email,
    and the thank-you says to open it."""
    settings_row = SiteSettings.for_site(home.get_site())
    settings_row.contact_email = "staff@example.org"
    settings_row.save()
    response = client.post("/es/join/", valid())
    assert response.status_code == 303
    assert response["Location"] == "/es/join/?sent=1"
    submission = FormSubmission.objects.get()
    assert (submission.email, submission.language, submission.purpose, submission.page) == (
        "carol@example.org",
        "es",
        "newsletter",
        join,
    )
    assert submission.consent and submission.confirmed_at is None
    assert [email.to for email in mail.outbox] == [["carol@example.org"]]
    thanks = soup(client.get(response["Location"])).select_one(".form-thanks").get_text()
    assert "enlace" in thanks and "7 días" in thanks


def test_contact_form_emails_the_page_recipients(client, contact):
    response = client.post("/en/write/", valid(message="We would like to co-sign the statement."))
    assert response.status_code == 303
    assert mail.outbox[0].to == ["press@example.org", "office@example.org"]
    assert "We would like to co-sign" in mail.outbox[0].body
    assert FormSubmission.objects.get().message == "We would like to co-sign the statement."


def test_missing_fields_give_errors_in_the_visitor_language(client, contact):
    """A contact form without name, message or consent answers with Spanish errors and stores nothing."""
    response = client.post("/es/write/", {"email": "carol@example.org"})
    assert response.status_code == 400
    page = soup(response)
    errors = {p["id"]: p.get_text(strip=True) for p in page.select(".field-error")}
    assert errors["id_name-error"] == "Este campo es necesario."
    assert errors["id_message-error"] == "Este campo es necesario."
    assert "casilla" in errors["id_consent-error"]
    assert page.select_one("#id_name")["aria-describedby"] == "id_name-error"
    assert page.select_one("#id_name")["aria-invalid"] == "true"
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


def test_bad_email_error_is_in_french(client, join):
    page = soup(client.post("/fr/join/", valid(email="not-an-email")))
    assert page.select_one("#id_email-error").get_text() == "Saisissez une adresse de courriel valide."


def test_entered_values_are_kept_after_an_error(client, contact):
    page = soup(client.post("/en/write/", valid(message="", organization="GAATW")))
    assert page.select_one("#id_organization")["value"] == "GAATW"
    assert page.select_one("#id_consent").has_attr("checked")


@pytest.mark.parametrize(
    "field,value",
    [("name", "Carol\x00Barton"), ("email", "a@b.c\x00"), ("message", "x" * 6000), ("email", "x" * 5000)],
    ids=["nul-in-name", "nul-in-email", "long-message", "long-email"],
)
def test_odd_input_gives_a_form_error_not_a_500(client, contact, field, value):
    data = valid(message="Hello")
    data[field] = value
    response = client.post("/en/write/", data)
    assert response.status_code == 400
    assert soup(response).select_one(f"#id_{field}-error")
    assert FormSubmission.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "content_type"),
    [('{"email": "carol@example.org", "consent": true}', "application/json"), ("<email/>", "application/xml")],
    ids=["json", "xml"],
)
def test_a_body_that_is_not_a_form_is_refused_with_the_form_errors(client, join, body, content_type):
    """Django reads no fields from a JSON or XML body: the form answers 400 with its errors, in Spanish."""
    response = client.generic("POST", "/es/join/", body, content_type=content_type)
    assert response.status_code == 400
    assert soup(response).select_one("#id_email-error").get_text(strip=True) == "Este campo es necesario."
    assert FormSubmission.objects.count() == 0


def test_honeypot_submission_looks_accepted_but_is_discarded(client, join):
    """A bot that fills the hidden field is thanked like a person, but nothing is stored or emailed."""
    response = client.post("/en/join/", valid(website="http://spam.example"))
    assert response.status_code == 303
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_rate_limit_per_address(client, join, settings):
    """After the allowance of posts from one address, the form refuses with a 429 and stores nothing."""
    settings.WIMN_FORM_RATE_LIMIT = (3, 3600)
    for number in range(3):
        assert client.post("/en/join/", valid(email=f"p{number}@example.org")).status_code == 303
    response = client.post("/es/join/", valid(email="p4@example.org"))
    assert response.status_code == 429
    assert "Demasiados envíos" in soup(response).select_one(".form-errors").get_text()
    assert FormSubmission.objects.count() == 3
    other = client.post("/en/join/", valid(email="p5@example.org"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 303


def test_rate_limit_counts_each_visitor_behind_the_proxy(client, join, settings):
    """Behind the proxy every post comes from its address: the limit still closes the form for one sender only."""
    settings.WIMN_FORM_RATE_LIMIT = (2, 3600)
    settings.WIMN_PROXY_HOPS = 1
    via_proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for number in range(2):
        sent = client.post(
            "/en/join/", valid(email=f"a{number}@example.org"), HTTP_X_FORWARDED_FOR="203.0.113.5", **via_proxy
        )
        assert sent.status_code == 303
    refused = client.post("/en/join/", valid(email="a3@example.org"), HTTP_X_FORWARDED_FOR="203.0.113.5", **via_proxy)
    assert refused.status_code == 429
    assert "1\xa0hour" in soup(refused).select_one(".form-errors").get_text()
    other = client.post("/en/join/", valid(email="b@example.org"), HTTP_X_FORWARDED_FOR="198.51.100.7", **via_proxy)
    assert other.status_code == 303


def test_post_without_csrf_token_is_refused(join):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/en/join/", valid()).status_code == 403
    assert FormSubmission.objects.count() == 0


def test_post_with_csrf_token_is_accepted(join):
    client = Client(enforce_csrf_checks=True)
    token = soup(client.get("/en/join/")).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    assert client.post("/en/join/", valid(csrfmiddlewaretoken=token)).status_code == 303


def test_mail_outage_keeps_the_submission(client, join):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("smtp down")):
        response = client.post("/en/join/", valid())
    assert response.status_code == 303
    assert FormSubmission.objects.count() == 1


def test_newline_in_name_does_not_break_the_email_subject(client, contact):
    client.post("/en/write/", valid(name="Carol\r\nBcc: victim@example.org", message="Hi"))
    assert mail.outbox[0].subject == "[WIMN website] Contact message: Carol Bcc: victim@example.org"
    assert mail.outbox[0].to == ["press@example.org", "office@example.org"]


def test_form_page_query_count(client, join):
    """Cold (the frame and the routing pages rebuilt, see wimn_site.frame), then warm."""
    assert_page_queries(client, "/en/join/", 13)
    assert_page_queries(client, "/en/join/", 0)  # a section: kept for routing, the form built from its fields


def test_staff_see_and_export_submissions(client, join, django_user_model):
    client.post("/en/join/", valid())
    admin = django_user_model.objects.create_superuser("staff", "s@example.org", "a-long-password-1")
    client.force_login(admin)
    listing = client.get("/admin/form_submissions/")
    assert listing.status_code == 200 and "carol@example.org" in listing.content.decode()
    export = client.get("/admin/form_submissions/?export=csv")
    assert export.status_code == 200
    assert b"carol@example.org" in b"".join(export.streaming_content)
