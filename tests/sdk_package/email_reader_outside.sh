#!/usr/bin/env bash
# connectors/email's MIME layer builds outside the hub's tree: against the SDK installed in a scratch prefix
# (outside_build.sh's sdk_prefix) and GMime through pkg-config, builds (1) connectors/email alone, and (2) a
# consumer project that adds it with add_subdirectory and whose program parses the forwarded-message fixture.
# Nothing of the tree but those sources is used.
# Usage: tests/sdk_package/email_reader_outside.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
# shellcheck source=outside_build.sh
source "$(dirname "${BASH_SOURCE[0]}")/outside_build.sh"
use_installed_sdk email_reader_outside
mkdir -p "$work/consumer"

cmake -S "$source_dir/connectors/email" -B "$work/alone" -G Ninja -DCMAKE_PREFIX_PATH="$sdk_prefix" \
  "${launcher[@]}" >"$work/alone.log" 2>&1 || fail "configuring it alone failed: $(cat "$work/alone.log")"
cmake --build "$work/alone" >>"$work/alone.log" 2>&1 || fail "building it alone failed: $(cat "$work/alone.log")"
[ -f "$work/alone/libhub_email_reader.a" ] || fail "building it alone made no libhub_email_reader.a"

cat >"$work/consumer/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(EmailReaderConsumer LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_BUILD_TYPE Release)
find_package(HubSDK 0.1 REQUIRED COMPONENTS files)
add_subdirectory($source_dir/connectors/email \${CMAKE_CURRENT_BINARY_DIR}/email)
add_executable(consumer main.cpp)
target_link_libraries(consumer PRIVATE hub_email_reader)
CMAKE
cat >"$work/consumer/main.cpp" <<'CPP'
#include <fstream>
#include <iostream>
#include <sstream>

#include "email/mime_parser.hpp"

int main(int argc, char** argv) {
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  hub::sdk::Result<hub::email::MimeMessage> message = hub::email::ParseMimeMessage(bytes.str());
  if (!message.ok()) return std::cerr << message.status().ToString() << "\n", 1;
  std::cout << message->message_id << " attachments=" << message->attachments.size()
            << " forwarded=" << message->attached_messages.at(0).subject << "\n";
  return 0;
}
CPP
cmake -S "$work/consumer" -B "$work/consumer/build" -G Ninja -DCMAKE_PREFIX_PATH="$sdk_prefix" "${launcher[@]}" \
  >"$work/consumer.log" 2>&1 || fail "configuring the consumer failed: $(cat "$work/consumer.log")"
cmake --build "$work/consumer/build" >>"$work/consumer.log" 2>&1 ||
  fail "building the consumer failed: $(cat "$work/consumer.log")"
output="$("$work/consumer/build/consumer" "$source_dir/tests/data/email/forwarded.eml")" ||
  fail "the consumer failed: $output"
echo "$output"
[ "$output" = "fwd@mail.example.cn attachments=1 forwarded=原始询价" ] ||
  fail "expected 'fwd@mail.example.cn attachments=1 forwarded=原始询价', got '$output'"
echo "$test_name: hub_email_reader builds alone and inside an outside consumer against the installed SDK"
