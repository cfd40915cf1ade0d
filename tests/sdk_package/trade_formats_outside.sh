#!/usr/bin/env bash
# connectors/trade_formats builds outside the hub's tree as the finance and supply_chain connectors pull it in:
# against the SDK installed in a scratch prefix (outside_build.sh's sdk_prefix), builds (1) connectors/trade_formats
# alone, and (2) a consumer project that adds it with add_subdirectory(<its path> <binary dir>)
# behind `if(NOT TARGET hub_trade_formats)` — the lines its README gives — and whose program reads the
# EDIFACT ORDERS fixture and writes a UBL Order that reads back. Nothing of the tree but those sources is used.
# Usage: tests/sdk_package/trade_formats_outside.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
# shellcheck source=outside_build.sh
source "$(dirname "${BASH_SOURCE[0]}")/outside_build.sh"
use_installed_sdk trade_formats_outside
mkdir -p "$work/consumer"

cmake -S "$source_dir/connectors/trade_formats" -B "$work/alone" -G Ninja -DCMAKE_PREFIX_PATH="$sdk_prefix" \
  "${launcher[@]}" >"$work/alone.log" 2>&1 || fail "configuring it alone failed: $(cat "$work/alone.log")"
cmake --build "$work/alone" >>"$work/alone.log" 2>&1 || fail "building it alone failed: $(cat "$work/alone.log")"
[ -f "$work/alone/libhub_trade_formats.a" ] || fail "building it alone made no libhub_trade_formats.a"

cat >"$work/consumer/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(TradeFormatsConsumer LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 20)
find_package(HubSDK 0.1 REQUIRED)
if(NOT TARGET hub_trade_formats)
  add_subdirectory($source_dir/connectors/trade_formats \${CMAKE_CURRENT_BINARY_DIR}/trade_formats)
endif()
add_executable(consumer main.cpp)
target_link_libraries(consumer PRIVATE hub_trade_formats)
CMAKE
cat >"$work/consumer/main.cpp" <<'CPP'
#include <fstream>
#include <iostream>
#include <sstream>

#include "trade_formats/edifact_interchange.hpp"
#include "trade_formats/edifact_reader.hpp"
#include "trade_formats/trade_document.hpp"
#include "trade_formats/ubl_reader.hpp"
#include "trade_formats/ubl_writer.hpp"

int main(int argc, char** argv) {
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::vector<hub::sdk::Record> records;
  hub::trade_formats::EdifactInterchangeReader reader("orders.edi", [&](const hub::trade_formats::EdifactMessage& m) {
    auto read = hub::trade_formats::ReadEdifactMessage(m);
    if (!read.ok()) return read.status();
    records.insert(records.end(), read->begin(), read->end());
    return hub::sdk::Status::Ok();
  });
  hub::sdk::Status status = reader.Feed(bytes.str());
  if (status.ok()) status = reader.Finish();
  if (!status.ok()) return std::cerr << status.ToString() << "\n", 1;
  auto documents = hub::trade_formats::GroupDocuments(records);
  auto xml = hub::trade_formats::WriteUblOrder(documents.at(0));
  if (!xml.ok()) return std::cerr << xml.status().ToString() << "\n", 1;
  auto back = hub::trade_formats::ReadUblDocument(*xml, "order.xml");
  if (!back.ok()) return std::cerr << back.status().ToString() << "\n", 1;
  std::cout << "records=" << records.size() << " read_back=" << back->size() << "\n";
  return 0;
}
CPP
# Release, as trade_formats builds alone: the same compile commands, so the compiler cache serves them.
cmake -S "$work/consumer" -B "$work/consumer/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$sdk_prefix" \
  "${launcher[@]}" \
  >"$work/consumer.log" 2>&1 || fail "configuring the consumer failed: $(cat "$work/consumer.log")"
cmake --build "$work/consumer/build" >>"$work/consumer.log" 2>&1 ||
  fail "building the consumer failed: $(cat "$work/consumer.log")"
output="$("$work/consumer/build/consumer" "$source_dir/tests/data/trade_formats/orders_unoa_v4.edi")" ||
  fail "the consumer failed: $output"
echo "$output"
# Two orders (PO-4711: 3 partners, 2 lines; PO-4712: 1 partner, 1 line); PO-4711 written and read back as
# its party, order, 3 partners and 2 lines.
[ "$output" = "records=9 read_back=7" ] || fail "expected 'records=9 read_back=7', got '$output'"
echo "$test_name: hub_trade_formats builds alone and inside an outside consumer against the installed SDK"
