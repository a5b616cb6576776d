"""Real Redis servers and app servers on loopback for the scale-out tests (Redis is installed by `make test`:
scripts/ensure_services.sh)."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

from django.db import connection

from tests.proxy import free_port

BASE_DIR = Path(__file__).resolve().parent.parent


def wait_for_port(port, process, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            raise RuntimeError(f"exited early: {output[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port} after {seconds} s")


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Redis:
    def __init__(self, workdir):
        self.port = free_port()
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(workdir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_for_port(self.port, self.process)
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def stop(self):
        stop(self.process)


def test_database_url():
    """The test database, as a URL another process can use (the unix socket of the embedded server, or TCP)."""
    params = connection.settings_dict
    host = params.get("HOST") or "localhost"
    netloc = quote(host, safe="") if host.startswith("/") else host
    if params.get("PORT"):
        netloc += f":{params['PORT']}"
    user = quote(params.get("USER") or "postgres", safe="")
    password = f":{quote(params['PASSWORD'], safe='')}" if params.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{netloc}/{params['NAME']}"


class AppServer:
    """gunicorn with the production settings (tests/appserver_settings.py), on the test database."""

    def __init__(self, env):
        self.port = free_port()
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.appserver_settings",
            "DATABASE_URL": test_database_url(),
            "SECRET_KEY": "scale-out-test-only",
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "WIMN_BEHIND_TLS_PROXY": "0",
            "WIMN_2FA_REQUIRED": "0",
            "GUNICORN_ACCESSLOG": "",
            **env,
        }
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [sys.executable, "-m", "gunicorn", "wimn_site.wsgi", "-c", str(BASE_DIR / "gunicorn.conf.py"),
             "--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--threads", "4", "--no-control-socket"],
            cwd=BASE_DIR,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_for_port(self.port, self.process, seconds=40)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        stop(self.process)


class Browser:
    """A cookie-keeping HTTP client for one origin, Host set to the Site's address."""

    def __init__(self, base_url, host="localhost"):
        self.base_url, self.host = base_url, host
        self.cookies = {}

    def request(self, path, data=None, headers=None):
        body = None
        all_headers = {"Host": self.host, **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(self.base_url + path, data=body, headers=all_headers)  # noqa: S310
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=20)
            status, response_headers, content = response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            status, response_headers, content = error.code, error.headers, error.read().decode()
        for cookie in response_headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return status, response_headers, content


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
