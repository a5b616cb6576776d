from django.core.management.base import BaseCommand, CommandError

from wimn_site.backups import BackupError, restore_backup
from wimn_site.cache_invalidation import invalidate_everything


class Command(BaseCommand):
    help = (
        "Restore an archive written by `manage.py backup` into the configured database, which must be empty "
        "(a new one: createdb), and its media files into MEDIA_ROOT, after checking every file's sha256."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz written by `manage.py backup`.")
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="Restore the database only (media kept elsewhere or copied by hand).",
        )

    def handle(self, *args, **options):
        try:
            summary = restore_backup(options["archive"], restore_media=not options["no_media"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        # What caches hold was built from the database before it: pages (in-app and proxy) and the frame
        invalidate_everything()
        media = f"{summary['media_restored']} media files restored into {summary['media_root']}"
        if summary["media_already_there"]:
            media += f" ({summary['media_already_there']} were already there, identical)"
        if summary["media_skipped"]:
            media = f"{summary['media_skipped']} media files not restored (--no-media)"
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {summary['created_at']} into {summary['database']!r}; {media}; "
                f"in {summary['seconds']:.1f} s. Then run `manage.py setup_site --no-demo` if the code is newer."
            )
        )
