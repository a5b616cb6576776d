import re
import time

import pytest

from django.core import mail

from tests.browser.conftest import assert_no_serious_axe_violations
from wimn_site.models import FormSubmission

pytestmark = pytest.mark.django_db(transaction=True)


def mails(count, seconds=10):
    """The outbox once it holds `count` messages: the site sends them after the response has gone out
    (wimn_site.after_response), so the page may be in the browser a moment before its email is."""
    deadline = time.monotonic() + seconds
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return list(mail.outbox)


def test_visitor_signs_up_in_spanish_and_confirms_from_the_email(page, live_server, demo_site):
    """Sign up on the Spanish form, open the emailed link, press the button: the confirmation is in Spanish."""
    page.goto(f"{live_server.url}/es/join/")
    page.get_by_label("Correo electrónico").fill("amina@example.org")
    page.get_by_label("Sí, envíenme por correo").check()
    page.get_by_role("main").get_by_role("button", name="Suscribirse").click()
    page.wait_for_url("**/es/join/?sent=1")
    assert "confirmar su dirección" in page.locator(".form-thanks").inner_text()

    [email] = mails(1)
    assert email.to == ["amina@example.org"] and "Confirme su suscripción" in email.subject
    link = re.search(r"https?://\S+/es/mailing-list/confirm/\S+/", email.body).group(0)
    page.goto(link)
    assert page.locator("h1").inner_text() == "Confirme su suscripción"
    assert FormSubmission.objects.get().confirmed_at is None  # opening the link is not enough
    assert_no_serious_axe_violations(page)

    page.get_by_role("main").get_by_role("button", name="Sí, suscribirme").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Su suscripción está confirmada"
    assert "Ya está en la lista de correo de la red" in page.locator(".form-thanks").inner_text()
    assert page.locator("html").get_attribute("lang") == "es"
    assert FormSubmission.objects.get().confirmed_at is not None
    sent = mails(2)
    assert len(sent) == 2 and sent[1].reply_to == ["amina@example.org"]  # staff are told now
