"""Staff take a published version of a pledge out of its public history, and put it back.

A version may name a person at risk, a wrong organization or break an embargo: staff who can publish the
pledge withdraw it from the "Versions of this pledge" list, its own address and every comparison with it
(models/history.py), and the pledge's pages are purged from the caches in all four languages. The version
visitors see as current cannot be withdrawn here: unpublish the pledge, or publish a corrected version.
Each withdrawal and restoration is written to Wagtail's log (who, when, which revision).
"""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Revision

from wimn_site import cache_invalidation

from .models import PledgePage, WithdrawnVersion
from .models.history import current_revision, published_versions

WITHDRAW_ACTION = "statements.version_withdrawn"
RESTORE_ACTION = "statements.version_restored"


def _pledge(request, page_id):
    """The pledge and whether the user may withdraw its versions (only those who can publish it)."""
    page = get_object_or_404(PledgePage, pk=page_id)
    return page, page.permissions_for_user(request.user).can_publish()


def _versions(page):
    """Every published version (withdrawn ones too), newest first, each marked `withdrawn` and `is_current`
    (the one visitors see as current, which cannot be withdrawn)."""
    withdrawn = set(WithdrawnVersion.objects.filter(page_id=page.pk).values_list("revision_id", flat=True))
    versions = published_versions(page, include_withdrawn=True)
    visible = [version.revision_id for version in versions if version.revision_id not in withdrawn]
    current = {page.live_revision_id, current_revision(page.live_revision_id, visible)} - {None}
    for version in versions:
        version.withdrawn = version.revision_id in withdrawn
        version.is_current = version.revision_id in current
    return versions[::-1]


def _version(versions, revision_id):
    for version in versions:
        if version.revision_id == revision_id:
            return version
    raise Http404


def _label(version):
    return date_format(version.date, "DATE_FORMAT")


def purge_urls(page, versions):
    """The pledge's pages to purge after a withdrawal or restoration: the page and what shows it (as on
    publish), every version's page and every comparison of two versions (each lists the versions)."""
    urls = cache_invalidation.page_urls(page)
    base = page.get_full_url()
    if base:
        ids = [v.revision_id for v in versions]
        urls += [f"{base}versions/{a}/" for a in ids]
        urls += [f"{base}versions/{a}/compare/{b}/" for a in ids for b in ids]
    return urls


def versions_view(request, page_id):
    page, allowed = _pledge(request, page_id)
    if not allowed:
        return permission_denied(request)
    return TemplateResponse(
        request, "statements/admin/pledge_versions.html", {"page": page, "versions": _versions(page)}
    )


def _change(request, page_id, revision_id, withdraw):
    page, allowed = _pledge(request, page_id)
    if not allowed:
        return permission_denied(request)
    versions = _versions(page)
    version = _version(versions, revision_id)
    back = reverse("statements_pledge_versions", args=[page.pk])
    if withdraw and version.is_current:
        messages.error(
            request,
            _(
                "The current version cannot be withdrawn here: unpublish the pledge, or publish a corrected "
                "version and then withdraw this one."
            ),
        )
        return redirect(back)
    if withdraw == version.withdrawn:  # already done (a second click, another tab)
        return redirect(back)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "statements/admin/pledge_version_confirm.html",
            {"page": page, "version": version, "withdraw": withdraw, "back_url": back},
        )
    with transaction.atomic():
        if withdraw:
            WithdrawnVersion.objects.get_or_create(  # two clicks at once: one row
                revision_id=revision_id, defaults={"page_id": page.pk, "withdrawn_by": request.user}
            )
        else:
            WithdrawnVersion.objects.filter(revision_id=revision_id, page_id=page.pk).delete()
        log(
            instance=page,
            action=WITHDRAW_ACTION if withdraw else RESTORE_ACTION,
            user=request.user,
            revision=Revision.page_revisions.get(pk=revision_id),
            data={"revision_id": revision_id, "date": version.date.isoformat()},
        )
        urls = purge_urls(page, versions)
        transaction.on_commit(lambda: cache_invalidation.invalidate_urls(urls))
    if withdraw:
        message = _("The version of %(date)s is withdrawn: visitors no longer see it.")
    else:
        message = _("The version of %(date)s is restored: visitors see it again in the pledge's history.")
    messages.success(request, message % {"date": _label(version)})
    return redirect(back)


def withdraw_view(request, page_id, revision_id):
    return _change(request, page_id, revision_id, withdraw=True)


def restore_view(request, page_id, revision_id):
    return _change(request, page_id, revision_id, withdraw=False)


class PledgeVersionsButton(PageMenuItem):
    label = gettext_lazy("Public history")
    icon_name = "history"
    url_name = "statements_pledge_versions"
    priority = 66

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_publish()


class VersionLogFormatter(LogFormatter):
    def format_message(self, log_entry):
        date = (log_entry.data or {}).get("date", "")
        return self.message % {"date": date}


class WithdrawnFormatter(VersionLogFormatter):
    label = gettext_lazy("Withdraw a published version")
    message = gettext_lazy("Withdrew the version of %(date)s from the public history")


class RestoredFormatter(VersionLogFormatter):
    label = gettext_lazy("Restore a withdrawn version")
    message = gettext_lazy("Restored the version of %(date)s to the public history")
