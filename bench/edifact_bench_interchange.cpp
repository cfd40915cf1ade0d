#include "edifact_bench_interchange.hpp"

#include <vector>

namespace hub::bench {
namespace {

constexpr int kLines = 20;

using Segments = std::vector<std::string>;

// ORDERS: dates, currency, three partners (one with VAT and a v4 repeated COM), lines with PIA, IMD, QTY,
// PRI and MOA, a line count.
void OrdersBody(std::size_t number, Segments* s) {
  *s = {"UNH+" + std::to_string(number) + "+ORDERS:D:03B:UN:EAN010",
        "BGM+220+PO-" + std::to_string(100000 + number) + "+9",
        "DTM+137:20261130:102",
        "DTM+2:20261207:102",
        "CUX+2:EUR:9",
        "NAD+BY+5412345000013::9++ACME TRADING+MAIN STREET 1+BRUSSELS++1000+BE",
        "RFF+VA:BE0123456789",
        "NAD+SU+4012345000009::9",
        "NAD+DP+5412345000020::9",
        "COM+0032123456:TE*j.doe?+orders@acme.example:EM"};
  for (int line = 1; line <= kLines; ++line) {
    s->push_back("LIN+" + std::to_string(line) + "++40008621414" + std::to_string(line % 10) + "4:SRV");
    s->push_back("PIA+1+ABC-" + std::to_string(line) + ":SA");
    s->push_back("IMD+F++:::WIDGET?'S BLUE, " + std::to_string(line));
    s->push_back("QTY+21:" + std::to_string(line * 3) + ":PCE");
    s->push_back("PRI+AAA:2.50");
    s->push_back("MOA+203:" + std::to_string(line * 3 * 25 / 10) + ".00");
  }
  s->push_back("UNS+S");
  s->push_back("CNT+2:" + std::to_string(kLines));
}

// DESADV: dates (one CCYYMMDDHHMM), weights, the order, ship-to and supplier, carrier and tracking number,
// packaging, lines with PIA, QTY 12 and the order line they deliver.
void DesadvBody(std::size_t number, Segments* s) {
  std::string order = "PO-" + std::to_string(100000 + number);
  *s = {"UNH+" + std::to_string(number) + "+DESADV:D:03B:UN:EAN007",
        "BGM+351+DN-" + std::to_string(800000 + number) + "+9",
        "DTM+137:20261203:102",
        "DTM+11:202612030800:203",
        "DTM+17:20261205:102",
        "MEA+AAX+AAD+KGM:125.5",
        "MEA+AAX+AAL+KGM:120",
        "RFF+ON:" + order,
        "NAD+DP+5412345000020::9++CENTRAL WAREHOUSE+DOCK 4?+5+ANTWERP++2000+BE",
        "NAD+SU+4012345000009::9",
        "TDT+20++30++DHL:::DHL Express",
        "RFF+CN:JD000" + std::to_string(1000000 + number),
        "CPS+1",
        "PAC+1++CT"};
  for (int line = 1; line <= kLines; ++line) {
    s->push_back("LIN+" + std::to_string(line) + "++40008621414" + std::to_string(line % 10) + "4:SRV");
    s->push_back("PIA+1+ABC-" + std::to_string(line) + ":SA");
    s->push_back("QTY+12:" + std::to_string(line * 3) + ":PCE");
    s->push_back("RFF+ON:" + order + ":" + std::to_string(line));
  }
  s->push_back("CNT+2:" + std::to_string(kLines));
}

// INVOIC: dates, the order, buyer (with VAT), invoicee and supplier, currency, terms, lines with IMD, QTY 47,
// MOA 203, PRI and TAX, then the totals (MOA 77/79/125/124) and the tax summary.
void InvoicBody(std::size_t number, Segments* s) {
  *s = {"UNH+" + std::to_string(number) + "+INVOIC:D:03B:UN:EAN011",
        "BGM+380+INV-" + std::to_string(500000 + number) + "+9",
        "DTM+137:20261202:102",
        "DTM+13:20270101:102",
        "RFF+ON:PO-" + std::to_string(100000 + number),
        "NAD+BY+5412345000013::9++ACME TRADING+MAIN STREET 1+BRUSSELS++1000+BE",
        "RFF+VA:BE0123456789",
        "NAD+IV+5412345000099::9++ACME Accounts",
        "NAD+SU+4012345000009::9++MUELLER GMBH",
        "CUX+2:EUR:4",
        "PAT+1++5:3:D:30"};
  for (int line = 1; line <= kLines; ++line) {
    s->push_back("LIN+" + std::to_string(line) + "++40008621414" + std::to_string(line % 10) + "4:SRV");
    s->push_back("IMD+F++:::WIDGET?'S BLUE, " + std::to_string(line));
    s->push_back("QTY+47:" + std::to_string(line * 3) + ":PCE");
    s->push_back("MOA+203:" + std::to_string(line * 3 * 25 / 10) + ".00");
    s->push_back("PRI+AAA:2.50");
    s->push_back("TAX+7+VAT+++:::21+S");
  }
  s->push_back("UNS+S");
  s->push_back("CNT+2:" + std::to_string(kLines));
  s->push_back("MOA+77:2541.00:EUR");
  s->push_back("MOA+79:2100.00");
  s->push_back("MOA+125:2100.00");
  s->push_back("MOA+124:441.00");
  s->push_back("TAX+7+VAT+++:::21+S");
}

std::string Message(EdifactBenchType type, std::size_t number) {
  Segments segments;
  switch (type) {
    case EdifactBenchType::kOrders:
      OrdersBody(number, &segments);
      break;
    case EdifactBenchType::kDesadv:
      DesadvBody(number, &segments);
      break;
    case EdifactBenchType::kInvoic:
      InvoicBody(number, &segments);
      break;
  }
  segments.push_back("UNT+" + std::to_string(segments.size() + 1) + "+" + std::to_string(number));
  std::string text;
  for (const std::string& segment : segments) text += segment + "'\n";
  return text;
}

}  // namespace

std::string_view EdifactBenchTypeName(EdifactBenchType type) {
  switch (type) {
    case EdifactBenchType::kOrders:
      return "ORDERS";
    case EdifactBenchType::kDesadv:
      return "DESADV";
    case EdifactBenchType::kInvoic:
      return "INVOIC";
  }
  return "";
}

std::string EdifactBenchInterchange(EdifactBenchType type, std::size_t megabytes, std::size_t* messages) {
  std::string bytes = "UNA:+.?*'\nUNB+UNOC:4+5412345000013:14+4012345000009:14+20261130:0915+BENCH1'\n";
  std::size_t count = 0;
  while (bytes.size() < megabytes << 20) bytes += Message(type, ++count);
  bytes += "UNZ+" + std::to_string(count) + "+BENCH1'\n";
  *messages = count;
  return bytes;
}

}  // namespace hub::bench
