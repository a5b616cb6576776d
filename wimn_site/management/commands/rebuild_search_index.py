from django.core.management.base import BaseCommand

from wimn_site.search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the per-language site search index from every live public page (in each available "
        "language) and every library document. Run by setup_site; publishing keeps it current afterwards."
    )

    def handle(self, *args, **options):
        count = rebuild()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} entries."))
