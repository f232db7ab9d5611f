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

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
