"""A real Varnish on loopback for the tests, with the rules of deploy/varnish/wimn.vcl in front of the given
app servers (installed by `make test`: scripts/ensure_services.sh)."""

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish" / "wimn.vcl"
RULES_MARK = "\n# --- rules ("


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def vcl_for(backend_ports):
    """The repository's VCL with its backends replaced by the app servers on `backend_ports`."""
    rules = VCL.read_text()
    rules = rules[rules.index(RULES_MARK) :]
    backends = "\n".join(
        f'backend app{n} {{ .host = "127.0.0.1"; .port = "{port}"; }}' for n, port in enumerate(backend_ports, 1)
    )
    adds = "\n".join(f"    app.add_backend(app{n});" for n in range(1, len(backend_ports) + 1))
    init = f"sub vcl_init {{\n    new app = directors.round_robin();\n{adds}\n}}"
    return f"vcl 4.1;\nimport std;\nimport directors;\n{backends}\n{init}\n{rules}"


def varnishd():
    return shutil.which("varnishd") or "/usr/sbin/varnishd"


class Varnish:
    def __init__(self, backend_ports, workdir, port=None, purge_port=None):
        self.port = port or free_port()
        self.purge_port = purge_port or free_port()
        self.workdir = Path(workdir)
        vcl = self.workdir / "wimn.vcl"
        vcl.write_text(vcl_for(backend_ports))
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [
                varnishd(),
                "-F",
                "-j", "none",  # run as the current user (the test's own files, no system jail)
                "-n", str(self.workdir / "varnish"),
                "-a", f"127.0.0.1:{self.port}",
                "-a", f"purge=127.0.0.1:{self.purge_port}",
                "-T", "none",
                "-f", str(vcl),
                "-s", "malloc,32m",
                "-p", "default_ttl=0",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.url = f"http://127.0.0.1:{self.port}"
        self.purge_url = f"http://127.0.0.1:{self.purge_port}"  # where the app servers send their purges
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"varnishd exited: {self.process.stdout.read().decode()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("varnishd did not start within 20 s")

    def get(self, path, host="localhost", cookie=None):
        """(status, headers, body) of a GET through the proxy, as a browser at the Site's address sends it."""
        headers = {"Host": host}
        if cookie:
            headers["Cookie"] = cookie
        request = urllib.request.Request(self.url + path, headers=headers)  # noqa: S310 - loopback
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
