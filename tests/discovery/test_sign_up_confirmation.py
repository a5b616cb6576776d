"""Double opt-in: a mailing-list sign-up counts once its address follows the emailed link and presses the button.

Time is moved by patching time.time (what django.core.signing reads), so no test waits a week.
"""

import io
import re
import time
from unittest import mock
from urllib.parse import urlencode

import pytest

from django.conf import settings
from django.core import mail, signing
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import IntegrityError, close_old_connections
from django.test import Client

from tests.helpers import soup
from wimn_site.factories import FormPageFactory
from wimn_site.models import FormPage, FormSubmission, SiteSettings

pytestmark = pytest.mark.django_db

DAY = 24 * 60 * 60
LINK = re.compile(r"http://testserver(/(?:en|es|pt|fr)/mailing-list/confirm/[^/\s]+/)")


@pytest.fixture
def join(home):
    settings_row = SiteSettings.for_site(home.get_site())
    settings_row.contact_email = "staff@example.org"
    settings_row.save()
    return FormPageFactory(
        parent=home,
        slug="join",
        title_es="Suscríbase a la lista",
        title_fr="Abonnez-vous",
        title_pt="Assine a lista",
        thank_you_text_es="¡Bienvenida a la red!",
    )


def text(response):
    return soup(response).select_one("main").get_text(" ", strip=True)


def sign_up(client, language="es", **extra):
    data = {"name": "Carol Barton", "email": "carol@example.org", "organization": "WIMN", "consent": "on", **extra}
    return client.post(f"/{language}/join/", data)


def emailed_link(index=-1):
    match = LINK.search(mail.outbox[index].body)
    assert match, mail.outbox[index].body
    return match.group(1)


def confirm(client, link):
    """Press the button of the confirmation page, as a browser does (with the page's CSRF token)."""
    page = client.get(link)
    token = soup(page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    return client.post(link, {"csrfmiddlewaretoken": token})


def staff_emails():
    return [email for email in mail.outbox if email.to == ["staff@example.org"]]


@pytest.mark.parametrize(
    "language,subject,ask,button,done,consent",
    [
        (
            "es",
            "Confirme su suscripción",
            "Confirme su suscripción",
            "Sí, suscribirme",
            "¡Bienvenida a la red!",
            "Sí, envíenme por correo las noticias y los llamados a la acción de la red.",
        ),
        (
            "fr",
            "Veuillez confirmer votre abonnement",
            "Confirmez votre abonnement",
            "Oui, abonnez-moi",
            "Merci ! Vous êtes inscrit·e à la liste de diffusion du réseau.",
            "Oui, envoyez-moi par courriel les nouvelles et les appels à l'action du réseau.",
        ),
    ],
)
def test_sign_up_is_confirmed_through_the_emailed_link_in_the_visitors_language(
    language, subject, ask, button, done, consent, join
):
    """The link arrives in the visitor's language and under its prefix; only pressing the button confirms,
    and only then are staff told, with the consent sentence the visitor read."""
    client = Client(enforce_csrf_checks=True)
    page = client.get(f"/{language}/join/")
    csrf = soup(page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    data = {"email": "carol@example.org", "consent": "on", "csrfmiddlewaretoken": csrf}
    assert client.post(f"/{language}/join/", data).status_code == 303
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["carol@example.org"]
    assert subject in mail.outbox[0].subject
    link = emailed_link()
    assert link.startswith(f"/{language}/mailing-list/confirm/")

    shown = client.get(link)
    assert shown.status_code == 200
    assert ask in soup(shown).select_one("h1").get_text()
    assert soup(shown).select_one("main form button").get_text(strip=True) == button
    assert FormSubmission.objects.get().confirmed_at is None and staff_emails() == []

    confirmed = confirm(client, link)
    assert confirmed.status_code == 303 and confirmed["Location"] == link
    assert done in text(client.get(link))
    submission = FormSubmission.objects.get()
    assert submission.confirmed_at is not None
    assert submission.consent_text == consent
    [notice] = staff_emails()
    assert "Mailing-list sign-up" in notice.subject and notice.reply_to == ["carol@example.org"]
    assert consent in notice.body and f"/admin/form_submissions/inspect/{submission.pk}/" in notice.body


def test_portuguese_link_and_standard_thanks(client, join):
    sign_up(client, "pt")
    link = emailed_link()
    assert link.startswith("/pt/")
    confirm(client, link)
    assert "Agradecemos! Você está na lista de e-mails da rede." in text(client.get(link))


def test_the_visitors_own_text_is_not_mailed_to_the_address(client, join):
    """Anyone may type any address: the confirmation email carries none of their words (no phishing relay)."""
    sign_up(client, "en", name="Click http://evil.example to win", organization="http://evil.example")
    assert "evil" not in mail.outbox[0].body and "evil" not in mail.outbox[0].subject


def test_opening_the_link_never_confirms(client, join):
    """Mail scanners fetch every link of a message: GET and HEAD show the button and change nothing."""
    sign_up(client)
    link = emailed_link()
    for _ in range(2):
        assert client.get(link).status_code == 200
        assert client.head(link).status_code == 200
    assert FormSubmission.objects.get().confirmed_at is None
    assert staff_emails() == []


def test_confirming_twice_changes_nothing_and_notifies_staff_once(client, join):
    sign_up(client)
    link = emailed_link()
    confirm(client, link)
    first = FormSubmission.objects.get().confirmed_at
    again = client.post(link)
    assert again.status_code == 303
    assert "¡Bienvenida a la red!" in text(client.get(link))
    assert FormSubmission.objects.get().confirmed_at == first
    assert len(staff_emails()) == 1


def test_confirmation_without_csrf_token_is_refused(join):
    client = Client(enforce_csrf_checks=True)
    sign_up(Client(), "es")
    assert client.post(emailed_link()).status_code == 403
    assert FormSubmission.objects.get().confirmed_at is None


def test_confirmation_page_is_private_and_not_indexed(client, join):
    sign_up(client)
    response = client.get(emailed_link())
    assert "no-store" in response["Cache-Control"]
    assert soup(response).find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not soup(response).find("link", attrs={"rel": "canonical"})


def test_other_methods_are_refused(client, join):
    sign_up(client)
    assert client.put(emailed_link()).status_code == 405
    assert FormSubmission.objects.get().confirmed_at is None


def tampered_links(link):
    token = link.split("/")[-2]
    payload, timestamp, signature = token.split(":")
    other_payload = signing.dumps(999, salt="wimn_site.subscriptions.confirm").split(":")[0]
    return {
        "signature changed": f"{payload}:{timestamp}:{signature[:-2]}xx",
        "other sign-up, same signature": f"{other_payload}:{timestamp}:{signature}",
        "timestamp changed": f"{payload}:{timestamp[:-1]}{'1' if timestamp.endswith('0') else '0'}:{signature}",
        "cut short": token[: len(token) // 2],
        "no signature": payload,
        "another salt": signing.dumps(FormSubmission.objects.get().pk, salt="something-else"),
        "garbage": "%C3%B1%00" + "x" * 500,
    }


def test_tampered_links_get_a_clear_400_in_the_visitors_language(client, join):
    sign_up(client)
    link = emailed_link()
    for case, token in tampered_links(link).items():
        for method in (client.get, client.post):
            response = method(f"/es/mailing-list/confirm/{token}/")
            assert response.status_code == 400, case
            assert soup(response).select_one("h1").get_text() == "Este enlace no funciona", case
    assert FormSubmission.objects.get().confirmed_at is None and staff_emails() == []


def test_a_link_works_for_six_days(client, join):
    sign_up(client)
    with mock.patch("time.time", return_value=time.time() + 6 * DAY):
        response = confirm(client, emailed_link())
    assert response.status_code == 303
    assert FormSubmission.objects.get().confirmed_at is not None


def test_an_expired_link_gets_a_410_that_points_to_the_form(client, join):
    """After 7 days the link no longer confirms; the page, in the visitor's language, says to sign up again."""
    sign_up(client, "fr")
    link = emailed_link()
    with mock.patch("time.time", return_value=time.time() + 7 * DAY + 60):
        shown = client.get(link)
        pressed = client.post(link)
    assert shown.status_code == pressed.status_code == 410
    assert soup(shown).select_one("h1").get_text() == "Ce lien n'est plus valide"
    assert soup(shown).select_one("main a[href='/fr/join/']")
    assert FormSubmission.objects.get().confirmed_at is None and staff_emails() == []


def test_a_link_to_a_deleted_sign_up_gets_a_410(client, join):
    sign_up(client)
    link = emailed_link()
    FormSubmission.objects.all().delete()
    assert client.get(link).status_code == 410
    assert client.post(link).status_code == 410


def test_signing_up_again_while_pending_sends_the_link_again_and_changes_nothing(client, join):
    """The same address (in any case) signing up again: the link again, no second row, and nothing of the
    pending sign-up rewritten by whoever typed the address; the visitor sees what a first sign-up sees."""
    first = sign_up(client, "es")
    before = FormSubmission.objects.get()
    second = sign_up(client, "fr", email="Carol@Example.ORG", name="Someone else")
    assert first.status_code == second.status_code == 303
    assert second["Location"] == "/fr/join/?sent=1"
    submission = FormSubmission.objects.get()
    assert (submission.name, submission.language, submission.submitted_at) == (before.name, "es", before.submitted_at)
    assert len(mail.outbox) == 2 and emailed_link().startswith("/es/")
    confirm(client, emailed_link(0))  # the first link still works
    assert FormSubmission.objects.get().confirmed_at is not None


def test_signing_up_again_when_confirmed_reveals_nothing_and_changes_nothing(client, join):
    sign_up(client)
    confirm(client, emailed_link())
    mail.outbox.clear()
    fresh = sign_up(client, email="new.person@example.org")
    known = sign_up(client, email="carol@example.org", name="Someone else")
    assert (known.status_code, known["Location"]) == (fresh.status_code, fresh["Location"])
    assert text(client.get(known["Location"])) == text(client.get(fresh["Location"]))
    carol = FormSubmission.objects.get(email="carol@example.org")
    assert carol.name == "Carol Barton" and carol.confirmed_at is not None
    assert [email.to for email in mail.outbox] == [["new.person@example.org"]]


def test_links_are_resent_at_most_three_times_a_day_per_address(client, join):
    """Whoever asks, from any address: one mailbox gets at most three links a day, and the form looks the same."""
    responses = [sign_up(client, REMOTE_ADDR=f"10.0.0.{number}") for number in range(5)]
    assert {response.status_code for response in responses} == {303}
    assert len(mail.outbox) == 3
    assert FormSubmission.objects.count() == 1


def test_a_sign_up_without_consent_stores_and_sends_nothing(client, join):
    response = client.post("/es/join/", {"email": "carol@example.org"})
    assert response.status_code == 400  # the form again, with its errors
    assert "casilla" in soup(response).select_one("#id_consent-error").get_text()
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


def test_a_bot_filling_the_honeypot_gets_no_link(client, join):
    assert sign_up(client, website="http://spam.example").status_code == 303
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


def test_mail_outage_keeps_the_pending_sign_up(client, join):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("smtp down")):
        assert sign_up(client).status_code == 303
    assert FormSubmission.objects.get().confirmed_at is None
    sign_up(client)  # signing up again brings the link
    assert len(mail.outbox) == 1


def test_contact_messages_need_no_confirmation(client, home):
    FormPageFactory(parent=home, slug="write", purpose=FormPage.CONTACT, to_address="office@example.org")
    data = {"name": "Carol", "email": "carol@example.org", "message": "Hello", "consent": "on"}
    client.post("/es/write/", data)
    client.post("/es/write/", data)
    assert FormSubmission.objects.filter(confirmed_at__isnull=True).count() == 2
    assert [email.to for email in mail.outbox] == [["office@example.org"], ["office@example.org"]]
    assert FormSubmission.objects.first().consent_text == (
        "Acepto que la red conserve mi mensaje y mi correo para responderme."
    )


def test_the_database_refuses_a_second_sign_up_of_one_address_on_one_form(join):
    FormSubmission.objects.create(page=join, purpose=FormPage.NEWSLETTER, email="carol@example.org", language="en")
    with pytest.raises(IntegrityError):
        FormSubmission.objects.create(page=join, purpose=FormPage.NEWSLETTER, email="CAROL@example.org", language="es")


@pytest.mark.parametrize(
    "variant", ["carol+1@example.org", "CAROL+news@example.org", "carol+x@Example.org", "carol@example.org"]
)
def test_tagged_spellings_of_one_mailbox_share_its_three_links_a_day(client, join, variant):
    """An attacker typing target+1@, target+2@, ... to flood one inbox still gets it three links a day."""
    for number in range(3):
        sign_up(client, email=f"carol+{number}@example.org")
    assert len(mail.outbox) == 3
    sign_up(client, email=variant)
    assert len(mail.outbox) == 3


def test_dots_in_a_gmail_address_make_no_new_mailbox():
    from wimn_site.subscriptions import mailbox

    assert mailbox("T.Ar.Get+news@GoogleMail.com") == mailbox("target@gmail.com") == "target@gmail.com"
    assert mailbox("t.arget@example.org") != mailbox("target@example.org")


def test_the_site_sends_at_most_so_many_links_an_hour(client, join, settings):
    settings.WIMN_CONFIRMATION_EMAILS_PER_HOUR = 3
    for number in range(5):
        sign_up(client, email=f"person{number}@example.org")
    assert len(mail.outbox) == 3
    assert FormSubmission.objects.count() == 5  # stored; each can ask for its link again later


def post_through_wsgi(path, data, client):
    """POST as a WSGI server does: the handler returns the response, the server sends it, then closes it."""
    page = client.get(path)
    token = soup(page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    body = urlencode({**data, "csrfmiddlewaretoken": token}).encode()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "REMOTE_ADDR": "203.0.113.9",
        "HTTP_COOKIE": f"{settings.CSRF_COOKIE_NAME}={client.cookies[settings.CSRF_COOKIE_NAME].value}",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
    }
    statuses = []
    # As Django's test client does: the test's connection (and its transaction) stays open across requests.
    request_started.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, lambda status, headers: statuses.append(status))
    finally:
        request_started.connect(close_old_connections)
    return response, statuses[0]


def close_as_the_server_does(response):
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


@pytest.mark.parametrize("already_confirmed", [False, True])
def test_the_link_is_emailed_after_the_visitor_has_the_page(join, client, already_confirmed):
    """The mail server's time is not part of the response's: when the link went out before it, how long the page
    took told whoever typed an address whether it was already confirmed on the list (which sends nothing)."""
    data = {"name": "Carol Barton", "email": "carol@example.org", "organization": "WIMN", "consent": "on"}
    if already_confirmed:
        sign_up(client, language="en")
        confirm(client, emailed_link())
        mail.outbox.clear()
    response, status = post_through_wsgi("/en/join/", data, client)
    assert status.startswith("303")
    assert mail.outbox == []  # the response is complete and nothing has been sent yet
    close_as_the_server_does(response)  # the server has sent it
    assert len(mail.outbox) == (0 if already_confirmed else 1)
