#!/usr/bin/env bash
# Installs every dependency from Debian 12's archive (idempotent, quiet when already there), configures
# CMake (Release, Ninja) into build/, and builds everything. Safe to rerun.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost1.81-dev libboost-json1.81-dev
  unixodbc unixodbc-dev odbc-postgresql libsqliteodbc libsqlite3-dev
  libpugixml-dev libexpat1-dev libssl-dev openssl
  libgtest-dev libgmock-dev libbenchmark-dev
  libspdlog-dev libfmt-dev libcli11-dev
  libicu-dev libcurl4-openssl-dev libgmime-3.0-dev libopencc-dev libpsl-dev publicsuffix
  postgresql postgresql-client
  postfix dovecot-imapd dovecot-lmtpd
  clang-format curl procps iproute2 time python3 sqlite3
  wrk nginx
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "build.sh: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir="${HUB_BUILD_DIR:-$root/build}"
if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build_dir" -- -j"${HUB_BUILD_JOBS:-$(nproc)}"
