# Sourced by the shell tests that drive the `hub` command. Defines:
#   fail MESSAGE...              prints "$test_name: MESSAGE" to stderr and exits 1
#   expect_line LINE COMMAND...  runs COMMAND, prints its output, fails unless it printed LINE and exit 0
#   expect_value VALUE DB SQL    fails unless the sqlite3 CLI answers SQL on the SQLite file DB with VALUE
# The sourcing test sets $test_name (the name its failures carry).

fail() {
  echo "$test_name: $*" >&2
  exit 1
}

expect_line() {
  local expected="$1"
  shift
  local output
  output="$("$@" 2>&1)" || fail "'$*' failed: $output"
  echo "$output"
  grep -qxF -- "$expected" <<<"$output" || fail "'$*' did not print '$expected'"
}

expect_value() {
  local expected="$1" db="$2" sql="$3" actual
  actual="$(sqlite3 "$db" "$sql")"
  [ "$actual" = "$expected" ] || fail "'$sql' gave '$actual', not '$expected'"
}
