"""Read the text of PDFs stored before the site read it on upload (their "Read online" page), once.

manage.py read_document_texts          # files with no text yet
manage.py read_document_texts --all    # every PDF again (after a change to wimn_site.document_text)
"""

from django.core.management.base import BaseCommand

from wimn_site.document_text import MAX_BYTES, extract_text, read_upload
from wimn_site.models import WimnDocument


class Command(BaseCommand):
    help = "Read the text of stored PDF documents for their 'Read online' page."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Read every PDF again, not only those without text.")

    def handle(self, *args, **options):
        documents = WimnDocument.objects.filter(file__iendswith=".pdf").order_by("pk")
        if not options["all"]:
            documents = documents.filter(text_chars=0)
        read = 0
        for document in documents.iterator():
            try:
                with document.file.open("rb") as file:
                    text = extract_text(read_upload(file, MAX_BYTES))
            except Exception:  # a file missing from the storage (or a bucket refusing it): nothing to read
                text = ""
            WimnDocument.objects.filter(pk=document.pk).update(text=text, text_chars=len(text))
            read += bool(text)
        self.stdout.write(f"{read} document(s) with text.")
