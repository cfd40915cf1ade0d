#!/usr/bin/env bash
# Every C/C++ source in the repository follows .clang-format (Google base). Prints the files that do not.
set -euo pipefail
cd "$1"
command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/build.sh installs it)"; exit 1; }
# One clang-format process for many files (xargs), not one per file: it names each file it would change in
# a "<file>:<line>:<column>: error: code should be clang-formatted" line.
report="$(find sdk hub connectors plugins tests bench -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -print0 |
  xargs -0 clang-format --dry-run -Werror 2>&1 >/dev/null)" || true
bad="$(grep -oE '^[^:]+:[0-9]+:[0-9]+: error' <<<"$report" | cut -d: -f1 | sort -u)" || true
if [ -n "$bad" ]; then
  printf 'not formatted (run clang-format -i):\n'
  sed 's/^/  /' <<<"$bad"
  exit 1
fi
if [ -n "$report" ]; then
  printf 'clang-format failed:\n%s\n' "$report"
  exit 1
fi
echo "all sources formatted"
