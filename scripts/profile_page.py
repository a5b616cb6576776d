"""Profile one request in-process: its server time (best of several, warm), query count, and slowest functions.

    make profile URL=/es/statements/          (runs on the embedded database, demo content loaded)

Uses the production settings' code paths without their caches (page cache off), like `make bench`.
"""

import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wimn_site.settings.dev")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]
settings.DEBUG = False


def main():
    url = sys.argv[1] if len(sys.argv) > 1 else "/en/"
    rows = int(os.environ.get("PROFILE_ROWS", "25"))
    client = Client()
    first = client.get(url)
    if first.status_code >= 400:
        sys.exit(f"{url} answered {first.status_code}")
    timings = []
    for _ in range(int(os.environ.get("PROFILE_RUNS", "20"))):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(url)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(os.environ.get("PROFILE_SORT", "tottime")).print_stats(rows)
    timings.sort()
    print(
        f"{url}: {first.status_code}, best {timings[0]:.1f} ms, median {timings[len(timings) // 2]:.1f} ms, "
        f"{len(queries)} queries"
    )
    print(out.getvalue())


if __name__ == "__main__":
    main()
