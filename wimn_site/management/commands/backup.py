import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wimn_site.backups import DUMP_FILES, BackupError, create_backup, default_output


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump) and the media folder into one tar.gz with a manifest (sha256 of every "
        "file). Restore it with `manage.py restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="Archive to write (default: var/backups/wimn-DB-DATE.tar.gz).")
        parser.add_argument(
            "--format",
            choices=sorted(DUMP_FILES),
            default="custom",
            help="pg_dump's custom format (default; pg_restore) or plain SQL (psql).",
        )

    def handle(self, *args, **options):
        output = Path(options["output"]) if options["output"] else default_output()
        started = time.monotonic()
        try:
            manifest = create_backup(output, options["format"], warn=self.warn)
        except BackupError as error:
            raise CommandError(str(error)) from error
        media = manifest["media"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup of {manifest['database']['name']!r} written to {output} "
                f"({output.stat().st_size / 1024:.0f} KiB; database dump {manifest['database']['bytes'] / 1024:.0f} "
                f"KiB, {media['file_count']} media files, {media['bytes'] / 1024:.0f} KiB) "
                f"in {time.monotonic() - started:.1f} s."
            )
        )

    def warn(self, message):
        self.stderr.write(self.style.WARNING(message))
