#!/usr/bin/env bash
# Every C/C++ source in the repository follows .clang-format (Google base). Prints the files that do not.
set -euo pipefail
cd "$1"
command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/build.sh installs it)"; exit 1; }
bad=()
while IFS= read -r -d '' file; do
  clang-format --dry-run -Werror "$file" >/dev/null 2>&1 || bad+=("$file")
done < <(find sdk hub connectors plugins tests bench -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -print0)
if [ ${#bad[@]} -gt 0 ]; then
  printf 'not formatted (run clang-format -i):\n'
  printf '  %s\n' "${bad[@]}"
  exit 1
fi
echo "all sources formatted"
