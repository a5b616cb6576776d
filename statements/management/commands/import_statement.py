"""manage.py import_statement FILE: a plain-text, Markdown or .docx statement becomes a draft page."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from statements.importer import ImportError_, read_file
from statements.models import StatementIndexPage, StatementPage
from statements.models.base import STATEMENT_KINDS

LANGUAGES = [code for code, _name in settings.LANGUAGES]


class Command(BaseCommand):
    help = (
        "Import a statement from a .txt, .md or .docx file as a DRAFT statement page in the statements section "
        "(paragraphs, headings, lists and links are kept). With --translation-of, the file becomes the given "
        "language's text of an existing page, saved as a draft revision. Nothing is published."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to import (.txt, .md, .markdown or .docx).")
        parser.add_argument("--kind", default="statement", choices=[k for k, _label in STATEMENT_KINDS])
        parser.add_argument("--title", help="The title (default: the file's first heading or title).")
        parser.add_argument("--date", help="Publication date, YYYY-MM-DD (default: today).")
        parser.add_argument("--summary", help="The summary (default: the first paragraph, shortened).")
        parser.add_argument("--slug", help="The URL slug (default: from the title).")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, choices=LANGUAGES)
        parser.add_argument("--translation-of", metavar="SLUG", help="Add this file as a translation of a page.")
        parser.add_argument("--user", help="Username recorded as the revision's author.")

    def handle(self, *args, **options):
        try:
            imported = read_file(options["path"])
        except ImportError_ as exc:
            raise CommandError(str(exc)) from exc
        if not imported.blocks:
            raise CommandError("The file has no text to import.")
        index = StatementIndexPage.objects.first()
        if index is None:
            raise CommandError("There is no statements section to import into; create it in the admin first.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
        title = (options["title"] or imported.title or "").strip()
        summary = (options["summary"] or imported.summary or "").strip()
        language = options["language"]
        with transaction.atomic():
            if options["translation_of"]:
                page = self.translate(index, options["translation_of"], language, title, summary, imported, user)
            else:
                page = self.create(index, options, language, title, summary, imported, user)
        counts = {kind: sum(1 for t, _v in imported.blocks if t == kind) for kind in ("heading", "paragraph")}
        self.stdout.write(
            self.style.SUCCESS(
                f"Draft saved: {page.title!r} ({language}), {counts['heading']} headings and "
                f"{counts['paragraph']} text blocks. Review and publish it at "
                f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{page.pk}/edit/"
            )
        )

    def create(self, index, options, language, title, summary, imported, user):
        if language != settings.LANGUAGE_CODE and not options["title"]:
            raise CommandError("A new page needs its English title: give --title, or import the English file first.")
        if not title:
            raise CommandError("The file has no title: give --title.")
        try:
            date = datetime.date.fromisoformat(options["date"]) if options["date"] else datetime.date.today()
        except ValueError as exc:
            raise CommandError("--date must be YYYY-MM-DD.") from exc
        slug = self.unique_slug(index, options["slug"] or slugify(title)[:80] or "statement")
        fields = {
            f"{name}_{code}": ([] if name == "body" else "") for name in ("summary", "body") for code in LANGUAGES
        }
        fields.update({f"title_{code}": "" for code in LANGUAGES if code != settings.LANGUAGE_CODE})
        fields[f"summary_{language}"] = summary
        fields[f"body_{language}"] = imported.blocks
        if language == settings.LANGUAGE_CODE:
            english_title = title
        else:
            english_title = options["title"]
            fields[f"title_{language}"] = imported.title or title
        page = StatementPage(
            title=english_title,
            title_en=english_title,
            draft_title=english_title,
            slug=slug,
            kind=options["kind"],
            date=date,
            live=False,
            owner=user,
            **fields,
        )
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        return page

    def translate(self, index, slug, language, title, summary, imported, user):
        page = StatementPage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            raise CommandError(f"No statement with slug {slug!r} in the statements section.")
        if language == settings.LANGUAGE_CODE:
            raise CommandError("--translation-of needs --language other than English.")
        page = page.get_latest_revision_as_object()
        setattr(page, f"title_{language}", title or getattr(page, f"title_{language}", ""))
        setattr(page, f"summary_{language}", summary)
        setattr(page, f"body_{language}", imported.blocks)
        page.save_revision(user=user, log_action=True)
        return page

    @staticmethod
    def unique_slug(index, base):
        taken = set(index.get_children().values_list("slug", flat=True))
        slug, number = base, 2
        while slug in taken:
            slug = f"{base}-{number}"
            number += 1
        return slug
