"""`make bench`: how fast each public page type is, from the inside out, on this machine (runs in dbrun.py).

For each page type, in one run:
  1. in-process: best and median server time of one request (Django test client, production settings,
     no page cache), and its query count;
  2. uncached under gunicorn (production settings, 2 workers, no page cache): req/s, p50, p99;
  3. through Varnish (deploy/varnish/wimn.vcl in front of the same gunicorn): req/s, p50, p99;
  4. nginx serving the same HTML from a file (the ceiling for this machine), and Varnish's share of it.
Then a mix of pages (search included) through Varnish with 200 connections for 60 s: errors and 5xx.

Loopback only. Needs wrk, varnish and nginx (installed from Debian when running as root).
Tune with BENCH_DURATION (default 8s per measurement), BENCH_CONNECTIONS (16), BENCH_MIX_SECONDS (60) and
BENCH_MIX_CONNECTIONS (200).
"""

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

PAGES = {
    "home": "/en/",
    "content page": "/es/about/",
    "statements listing": "/es/statements/",
    "statement": "/en/statements/statement-imrf-progress-declaration/",
    "media alert": "/pt/statements/media-alert-imrf-progress-declaration/",
    "pledge": "/es/statements/imrf-pledge/",
    "op-ed": "/en/statements/op-ed-climate-migrants/",
    "events listing": "/fr/events/",
    "event": "/fr/events/womens-caucus-imrf-2022/",
    "campaign": "/es/campaigns/road-to-imrf/",
    "organization": "/pt/members/picum/",
    "directory": "/pt/members/",
    "library": "/es/documents/",
    "calendar": "/es/calendar/",
    "search": "/es/search/?q=mujeres+migrantes",
}
DURATION = os.environ.get("BENCH_DURATION", "8s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
MIX_SECONDS = int(os.environ.get("BENCH_MIX_SECONDS", "60"))
MIX_CONNECTIONS = int(os.environ.get("BENCH_MIX_CONNECTIONS", "200"))
PY = str(BASE_DIR / ".venv" / "bin" / "python")
TOOLS = (("wrk", "wrk"), ("varnish", "varnishd"), ("nginx", "nginx"))  # (Debian package, binary)


def ensure_tools():
    missing = [
        name for name, binary in (("wrk", "wrk"), ("varnish", "varnishd"), ("nginx", "nginx")) if not which(binary)
    ]
    if missing and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
            check=True, stdout=subprocess.DEVNULL, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )  # fmt: skip
    missing = [
        name for name, binary in (("wrk", "wrk"), ("varnish", "varnishd"), ("nginx", "nginx")) if not which(binary)
    ]
    if missing:
        sys.exit(f"make bench needs {', '.join(missing)}: apt-get install {' '.join(missing)}")


def which(binary):
    return shutil.which(binary) or next(
        (p for p in (f"/usr/sbin/{binary}", f"/usr/bin/{binary}") if Path(p).exists()), None
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=40):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback
                return
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.2)
    sys.exit(f"{url} did not answer within {seconds} s")


def wrk(url, connections=CONNECTIONS, duration=DURATION, script=None):
    command = [which("wrk"), f"-t{2 if connections > 1 else 1}", f"-c{connections}", f"-d{duration}", "--latency",
               "--timeout", "10s", "-H", "Host: localhost"]  # fmt: skip
    if script:
        command += ["-s", script]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)
    non2xx = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", out))
    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return {"rps": rps, "p50": p50, "p99": p99, "non2xx": non2xx, "errors": socket_errors, "requests": requests}


def in_process(env):
    """Best and median ms and queries per page, in a child process with the production settings."""
    code = r"""
import json, sys, time
import wimn_site.wsgi  # the process as gunicorn's workers run it: Django set up, then settled (gc.freeze)
from django.conf import settings
from django.db import connection
from django.test import Client
settings.ALLOWED_HOSTS = ["*"]
client = Client(HTTP_HOST="localhost")
result = {}
for name, url in json.loads(sys.argv[1]).items():
    client.get(url); client.get(url)
    times = []
    for _ in range(30):
        start = time.perf_counter(); client.get(url); times.append((time.perf_counter() - start) * 1000)
    queries = []
    with connection.execute_wrapper(lambda run, sql, *a: queries.append(sql) or run(sql, *a)):
        status = client.get(url).status_code
    times.sort()
    result[name] = {"best": times[0], "median": times[len(times) // 2], "queries": len(queries), "status": status}
print(json.dumps(result))
"""
    out = subprocess.run([PY, "-c", code, json.dumps(PAGES)], capture_output=True, text=True, env=env, cwd=BASE_DIR)  # noqa: S603
    if out.returncode:
        sys.exit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ensure_tools()
    work = Path(tempfile.mkdtemp(prefix="wimn-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wimn_site.settings.production",
        "SECRET_KEY": "bench-only-" + os.urandom(16).hex(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "WIMN_BEHIND_TLS_PROXY": "0",
        "WIMN_PAGE_CACHE_SECONDS": "0",  # the app renders every request; caching is the proxy's
        "WIMN_PROXY_CACHE_SECONDS": "300",
        "GUNICORN_ACCESSLOG": "",
    }
    subprocess.run([PY, "manage.py", "setup_site"], check=True, env=env, cwd=BASE_DIR, stdout=subprocess.DEVNULL)  # noqa: S603
    subprocess.run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], check=True, env=env, cwd=BASE_DIR)  # noqa: S603
    print("in-process (production settings, no page cache) ...", flush=True)
    inside = in_process(env)

    app_port, proxy_port, nginx_port = free_port(), free_port(), free_port()
    processes = []
    try:
        processes.append(subprocess.Popen(  # noqa: S603
            [str(BASE_DIR / ".venv" / "bin" / "gunicorn"), "wimn_site.wsgi", "-c", "gunicorn.conf.py",
             "--bind", f"127.0.0.1:{app_port}", "--workers", "2", "--no-control-socket"],
            cwd=BASE_DIR, env=env, stdout=(work / "gunicorn.log").open("w"), stderr=subprocess.STDOUT,
        ))  # fmt: skip
        wait_for(f"http://127.0.0.1:{app_port}/healthz")
        rules = (BASE_DIR / "deploy" / "varnish" / "wimn.vcl").read_text()
        vcl = rules.replace('.port = "8000"', f'.port = "{app_port}"')
        (work / "wimn.vcl").write_text(vcl)
        processes.append(subprocess.Popen(  # noqa: S603
            [which("varnishd"), "-F", "-j", "none", "-n", str(work / "varnish"), "-a", f"127.0.0.1:{proxy_port}",
             "-T", "none", "-f", str(work / "wimn.vcl"), "-s", "malloc,128m"],
            stdout=(work / "varnish.log").open("w"), stderr=subprocess.STDOUT,
        ))  # fmt: skip
        wait_for(f"http://127.0.0.1:{proxy_port}/healthz")
        # nginx serves each page's HTML from a file: the ceiling of this machine for one page.
        files = work / "html"
        files.mkdir()
        for name, url in PAGES.items():
            request = urllib.request.Request(f"http://127.0.0.1:{app_port}{url}", headers={"Host": "localhost"})
            with urllib.request.urlopen(request) as response:  # noqa: S310 - loopback
                (files / f"{re.sub(r'[^a-z]+', '-', name)}.html").write_bytes(response.read())
        (work / "nginx.conf").write_text(
            f"daemon off; worker_processes 2; pid {work}/nginx.pid; error_log {work}/nginx-error.log;\n"
            f"events {{ worker_connections 1024; }}\n"
            f"http {{ access_log off; client_body_temp_path {work}; proxy_temp_path {work}; "
            f"fastcgi_temp_path {work}; uwsgi_temp_path {work}; scgi_temp_path {work};\n"
            f"  server {{ listen 127.0.0.1:{nginx_port}; root {files}; default_type text/html; }} }}\n"
        )
        processes.append(subprocess.Popen([which("nginx"), "-c", str(work / "nginx.conf")]))  # noqa: S603
        time.sleep(0.5)

        header = f"{'page':<20}{'in-proc best/med ms':>21}{'q':>4}{'gunicorn r/s':>14}{'p50':>9}{'p99':>9}"
        header += f"{'varnish r/s':>13}{'p99':>9}{'nginx r/s':>11}{'varnish/nginx':>15}"
        print(header)
        ratios = []
        for name, url in PAGES.items():
            inner = inside[name]
            app = wrk(f"http://127.0.0.1:{app_port}{url}")
            wrk(f"http://127.0.0.1:{proxy_port}{url}", connections=1, duration="1s")  # fill the proxy
            proxy = wrk(f"http://127.0.0.1:{proxy_port}{url}")
            static = wrk(f"http://127.0.0.1:{nginx_port}/{re.sub(r'[^a-z]+', '-', name)}.html")
            ratio = proxy["rps"] / static["rps"] if static["rps"] else 0
            if "?" not in url:
                ratios.append(ratio)
            print(
                f"{name:<20}{inner['best']:>10.1f}/{inner['median']:<10.1f}{inner['queries']:>4}{app['rps']:>14.0f}"
                f"{app['p50']:>9}{app['p99']:>9}{proxy['rps']:>13.0f}{proxy['p99']:>9}{static['rps']:>11.0f}"
                f"{ratio:>14.0%}",
                flush=True,
            )
        print(f"varnish/nginx on cacheable pages: median {statistics.median(ratios):.0%}, lowest {min(ratios):.0%}")

        paths = "\n".join(f'  "{url}",' for url in PAGES.values())
        (work / "mix.lua").write_text(
            "local paths = {\n" + paths + "\n}\nlocal i = 0\n"
            "request = function()\n  i = i + 1\n  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n"
        )
        print(f"mix of {len(PAGES)} pages through Varnish, {MIX_CONNECTIONS} connections for {MIX_SECONDS} s ...")
        mix = wrk(f"http://127.0.0.1:{proxy_port}/", connections=MIX_CONNECTIONS, duration=f"{MIX_SECONDS}s",
                  script=str(work / "mix.lua"))  # fmt: skip
        print(
            f"  {mix['requests']} requests, {mix['rps']:.0f} req/s, p50 {mix['p50']}, p99 {mix['p99']}, "
            f"non-2xx/3xx {mix['non2xx']}, socket errors {mix['errors']}"
        )
        if mix["non2xx"] or mix["errors"]:
            sys.exit(1)
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=20)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
