"""A throwaway PostgreSQL server for the tests and benchmarks (no Qt, no hiplog imports).

initdb and pg_ctl make a cluster in a temporary folder that listens only on a unix socket in that
folder (no TCP port to clash with anything). PostgreSQL refuses to run as root, so as root the
cluster belongs to an unprivileged user (`hiplog-test`, made with useradd when missing, else
`nobody`) and is run through runuser. Authentication is `trust` on the socket, which only the
folder's owner and root can reach.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "hiplog"
TEST_USER = "hiplog-test"


def find_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/N/bin with initdb, or the folder of initdb on PATH."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if found:
        return found[-1].parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _run_as() -> str | None:
    """The user to run the server as when this process is root; None when not root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(TEST_USER)
        return TEST_USER
    except KeyError:
        pass
    made = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", TEST_USER],
        capture_output=True,
        check=False,
    )
    return TEST_USER if made.returncode == 0 else "nobody"


class Cluster:
    """One running throwaway server; `url(dbname)` gives a hiplog URL for one of its databases."""

    def __init__(self, bin_dir: Path, durable: bool = False) -> None:
        # durable: fsync and synchronous commits on, as a real server (the benchmarks); the
        # tests leave them off, since a throwaway server need not survive a power cut.
        self.durable = durable
        self.bin_dir = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="hiplog-pg-"))
        self.data = self.folder / "data"
        self.user = _run_as()
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        self.folder.chmod(0o700)

    def _cmd(self, *args: str) -> None:
        command = list(args)
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:1])} failed: {result.stderr or result.stdout}")

    def start(self) -> None:
        self._cmd(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--no-sync",
        )
        self.resume()

    def resume(self) -> None:
        """Start the server (again) on its data folder."""
        options = f"-c listen_addresses='' -k {self.folder} -p 5432 -c max_connections=60"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._cmd(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-o",
            options,
            "-w",
            "start",
        )

    def pause(self) -> None:
        """Stop the server, keeping its data: clients lose their connections."""
        self._cmd(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{dbname}?host={self.folder}"

    def stop(self) -> None:
        try:
            self._cmd(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
