#!/usr/bin/env bash
# Times the personal-data screen on its worst-case inputs against prose of the same length,
# in one run of a release build: ratios near 1, and growth near 10 for ten times the text,
# show that no text can hold the writer.
#   bench/screen.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product screen-bench >&2
"$(swift build -c release --show-bin-path)/screen-bench"
