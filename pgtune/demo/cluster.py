"""A throwaway PostgreSQL cluster for ``pgtune demo``, the benches and the test suite.

PostgreSQL refuses to run as root, so when pgtune runs as root the cluster belongs to the
unprivileged ``postgres`` OS user and its programs are started through ``runuser``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import ToolMissing

SERVICE_USER = "postgres"
SUPERUSER = "postgres"
_INSTALL_HINT = (
    "install the PostgreSQL server (Debian/Ubuntu: apt-get install postgresql-15 postgresql-15-hypopg) "
    "or point PGTUNE_PG_BIN at the directory holding initdb and pg_ctl"
)


def find_pg_bin() -> Path:
    """The directory of initdb and pg_ctl: $PGTUNE_PG_BIN, PATH, then Debian's layout (newest first)."""
    candidates: list[Path] = []
    if os.environ.get("PGTUNE_PG_BIN"):
        candidates.append(Path(os.environ["PGTUNE_PG_BIN"]))
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(os.path.realpath(on_path)).parent)
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    candidates.extend(Path(p) for p in debian)
    for directory in candidates:
        if (directory / "initdb").exists() and (directory / "pg_ctl").exists():
            return directory
    raise ToolMissing("PostgreSQL server programs (initdb, pg_ctl) were not found", _INSTALL_HINT)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _running_as_root() -> bool:
    return os.geteuid() == 0


def _ensure_service_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER],
            check=True,
            capture_output=True,
        )
        return pwd.getpwnam(SERVICE_USER)


class TemporaryCluster:
    """initdb, configure, start on a free loopback port; stop and remove on exit."""

    def __init__(
        self,
        preload: Iterable[str] = ("pg_stat_statements",),
        settings: Mapping[str, str | None] | None = None,
        port: int | None = None,
        bin_dir: Path | None = None,
    ) -> None:
        self.bin_dir = bin_dir or find_pg_bin()
        self.preload = tuple(preload)
        self.settings = dict(settings or {})
        self.port = port or free_port()
        self.host = "127.0.0.1"
        self.user = SUPERUSER
        self.base_dir = Path(tempfile.mkdtemp(prefix="pgtune-cluster-"))
        self.data_dir = self.base_dir / "data"
        self.log_file = self.base_dir / "server.log"
        self._started = False

    def dsn(self, dbname: str = "postgres", user: str | None = None, password: str | None = None) -> str:
        parts = [f"host={self.host}", f"port={self.port}", f"dbname={dbname}", f"user={user or self.user}"]
        if password:
            parts.append(f"password={password}")
        return " ".join(parts)

    @property
    def runs_as_service_user(self) -> bool:
        return _running_as_root()

    def available_extensions(self) -> set[str]:
        """Extensions this installation ships (their control files), known before the server starts.

        Without pg_config (relocatable builds ship none) the share directory sits beside ``bin/``.
        """
        pg_config = self.bin_dir / "pg_config"
        if pg_config.exists():
            sharedir = subprocess.run([str(pg_config), "--sharedir"], capture_output=True, text=True).stdout.strip()
        else:
            sharedir = str(self.bin_dir.parent / "share" / "postgresql")
        return {Path(p).stem for p in glob.glob(os.path.join(sharedir, "extension", "*.control"))}

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.runs_as_service_user:
            command = ["runuser", "-u", SERVICE_USER, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    def start(self) -> TemporaryCluster:
        if self.runs_as_service_user:
            account = _ensure_service_user()
            os.chown(self.base_dir, account.pw_uid, account.pw_gid)
        result = self._run(
            "initdb",
            "-D",
            str(self.data_dir),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        if result.returncode:
            raise ToolMissing(f"initdb failed: {_tail(result.stderr)}", _INSTALL_HINT)
        self._configure()
        result = self._run("pg_ctl", "-D", str(self.data_dir), "-l", str(self.log_file), "-w", "-t", "60", "start")
        if result.returncode:
            log = self.log_file.read_text(errors="replace") if self.log_file.exists() else result.stderr
            raise ToolMissing(f"the throwaway PostgreSQL did not start: {_tail(log)}", _INSTALL_HINT)
        self._started = True
        return self

    def _configure(self) -> None:
        settings: dict[str, str | None] = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.base_dir}'",
            "shared_preload_libraries": "'" + ",".join(self.preload) + "'",
            "max_connections": "60",
            "shared_buffers": "128MB",
            "fsync": "off",
            "full_page_writes": "off",
            "track_io_timing": "on",
            "compute_query_id": "on",
        }
        if "pg_stat_statements" in self.preload:
            settings["pg_stat_statements.max"] = "10000"
            settings["pg_stat_statements.track"] = "top"
        settings.update(self.settings)
        with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\n# pgtune throwaway cluster\n")
            # A setting given as None is left out: an older server refuses a name it does not know.
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items() if value is not None)
        (self.data_dir / "pg_hba.conf").write_text(
            f"local all all trust\nhost all {SUPERUSER} 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n",
            encoding="utf-8",
        )

    def stop(self, remove: bool = True) -> None:
        if self._started:
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop")
            self._started = False
        if remove:
            shutil.rmtree(self.base_dir, ignore_errors=True)

    def __enter__(self) -> TemporaryCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _tail(text: str, lines: int = 3) -> str:
    return " | ".join(line.strip() for line in text.strip().splitlines()[-lines:])
