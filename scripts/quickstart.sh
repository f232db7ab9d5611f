#!/usr/bin/env bash
# The README's first command: set everything up, then run the demo end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
exec python3 -m pgtune demo "$@"
