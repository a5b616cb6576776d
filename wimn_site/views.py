import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_http_methods, require_safe

from wagtail.models import Site

from .models import FormPage
from .models.submissions import NEWSLETTER, FormSubmission
from .site_urls import absolute_url
from .subscriptions import CONFIRMATION_DAYS, SALT
from .visibility import public_pages


@require_safe
def language_redirect(request):
    """`/` sends the visitor to the home page in the best language their browser asks for."""
    language = translation.get_language_from_request(request, check_path=False)
    codes = [code for code, _name in settings.LANGUAGES]
    if language not in codes:
        language = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@require_safe
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    # The admin stays out; search result pages and the thank-you page of forms are not content.
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *[f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES],
        "Disallow: /*?*q=",
        "Disallow: /*?*sent=",
        "",
        f"Sitemap: {absolute_url(request, '/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def _error(request, template, status):
    # The language comes from the path prefix when it is valid, else from the browser.
    language = translation.get_language_from_path(request.path_info) or translation.get_language_from_request(
        request, check_path=False
    )
    with translation.override(language):
        return render(request, template, {"request": request, "error_language": language}, status=status)


def page_not_found(request, exception=None):
    return _error(request, "404.html", 404)


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):  # a body past DATA_UPLOAD_MAX_MEMORY_SIZE
        return _error(request, "413.html", 413)
    return _error(request, "400.html", 400)


def permission_denied(request, exception=None):
    return _error(request, "403.html", 403)


def csrf_failure(request, reason=""):
    """A form sent without its security token (CSRF_FAILURE_VIEW): Django's own page is English only."""
    return _error(request, "403_csrf.html", 403)


def method_not_allowed(request, allowed):
    """405 for a method the address does not take (PUT to a page, POST to a feed), with the `Allow` header."""
    response = _error(request, "405.html", 405)
    response["Allow"] = ", ".join(allowed)
    return response


def server_error(request):
    return _error(request, "500.html", 500)


def _sign_up_page(request):
    """The site's mailing-list form, for a visitor whose link no longer works."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    pages = public_pages(FormPage.objects.descendant_of(site.root_page, inclusive=True))
    return pages.filter(purpose=NEWSLETTER).order_by("path").first()


def _respond(request, state, status=200, submission=None):
    context = {"state": state, "days": CONFIRMATION_DAYS, "noindex": True}
    if state == "done" and submission.page:
        context["thank_you_text"] = submission.page.specific.thank_you_text
    if state == "expired":
        context["sign_up_page"] = _sign_up_page(request)
    return TemplateResponse(request, "wimn_site/confirm_sign_up.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_sign_up(request, token):
    """GET shows the button (or that the address is confirmed); its POST confirms, once, and notifies staff."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=datetime.timedelta(days=CONFIRMATION_DAYS))
    except signing.SignatureExpired:
        return _respond(request, "expired", 410)
    except signing.BadSignature:
        return _respond(request, "invalid", 400)
    submission = FormSubmission.objects.filter(pk=pk, purpose=NEWSLETTER).select_related("page").first()
    if submission is None:  # deleted since (by staff, or unconfirmed past its week)
        return _respond(request, "expired", 410)
    if request.method == "POST":
        if FormSubmission.objects.filter(pk=pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now()):
            submission.refresh_from_db()
            submission.notify_staff()
        return HttpResponseRedirect(request.path, status=303)
    return _respond(request, "done" if submission.confirmed_at else "ask", submission=submission)
