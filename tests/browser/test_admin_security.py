"""Staff security in a real browser: two-step sign-in from enrolment to the next sign-in, and the admin at
work (edit, preview, upload) under its Content-Security-Policy without a single violation."""

import base64
import time

import pytest
from django_otp.oath import TOTP
from PIL import Image

from wagtail.images import get_image_model

from wimn_site.factories import ContentPageFactory, minimal_pdf
from wimn_site.models import WimnDocument

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-password-1"


def code_from_key(secret, windows_ahead=0):
    """What an authenticator app shows for the key typed from the setup page."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    totp = TOTP(key)
    totp.time = time.time() + 30 * windows_ahead
    return f"{totp.token():06d}"


def csp_violations(page):
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(f"{page.url}: {message.text[:160]} {message.location}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return found


def sign_in(page, live_server, username="admin"):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_staff_enrol_sign_out_and_sign_in_with_a_code(page, live_server, django_user_model, settings):
    settings.WIMN_2FA_REQUIRED = True
    django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)
    violations = csp_violations(page)

    sign_in(page, live_server)
    page.wait_for_url("**/admin/2fa/setup/**")
    assert page.locator("h1").inner_text() == "Set up two-step sign-in"
    assert page.locator(".wimn-2fa-qr svg").is_visible()
    secret = page.locator("[data-wimn-2fa-secret]").inner_text().replace(" ", "")
    page.locator("#id_code").fill(code_from_key(secret))
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    page.wait_for_url("**/admin/2fa/recovery-codes/**")
    codes = page.locator(".wimn-2fa-codes code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have kept them: continue").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    page.locator(".sidebar-footer__account-toggle").click()  # the account menu at the foot of the sidebar
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/admin/login/**")
    sign_in(page, live_server)
    page.wait_for_url("**/admin/2fa/verify/**")
    page.locator("#id_code").fill("000000")
    page.get_by_role("button", name="Continue").click()
    assert "not right" in page.locator(".error-message, .w-field__errors").first.inner_text()
    page.wait_for_timeout(1500)  # one wrong code makes the next try wait a second (django-otp's throttle)
    page.locator("#id_code").fill(code_from_key(secret, windows_ahead=1))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.locator("#wagtail-sidebar").count() == 1  # the admin itself, not a step before it
    assert violations == []


def test_admin_edits_previews_and_uploads_under_its_csp(page, live_server, django_user_model, home, tmp_path):
    django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)
    about = ContentPageFactory(parent=home, slug="about", title="About us")
    violations = csp_violations(page)
    sign_in(page, live_server)
    page.wait_for_url(f"{live_server.url}/admin/")

    response = page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'self'" in policy and "http" not in policy
    page.fill("#id_title_en", "About the network")
    page.locator('[data-side-panel-toggle="preview"]').click()
    heading = page.frame_locator("iframe.w-preview__iframe").last.locator("h1")
    heading.wait_for(state="attached")
    assert heading.inner_text() == "About the network"
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(minimal_pdf("Report"))
    page.goto(f"{live_server.url}/admin/documents/multiple/add/")
    page.set_input_files("#fileupload", str(pdf))
    page.locator(".upload-list li.upload-success").wait_for()
    # The document form asks for more than a title (language, type), so the upload waits for it to be filled.
    page.locator(".upload-list li").get_by_role("button", name="Update").click()
    page.locator("#upload-list > li").wait_for(state="detached")  # saved: the item folds away
    assert WimnDocument.objects.filter(title__startswith="report").exists()

    png = tmp_path / "photo.png"
    Image.new("RGB", (64, 48), (91, 42, 134)).save(png)
    page.goto(f"{live_server.url}/admin/images/multiple/add/")
    page.set_input_files("#fileupload", str(png))
    page.locator(".upload-list li.upload-success").wait_for()
    assert get_image_model().objects.filter(title__startswith="photo").exists()
    assert violations == []
