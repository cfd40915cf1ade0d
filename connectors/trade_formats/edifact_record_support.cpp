#include "trade_formats/edifact_record_support.hpp"

#include <algorithm>
#include <optional>

#include "trade_formats/decimal_text.hpp"
#include "trade_formats/edifact_field_text.hpp"

namespace hub::trade_formats {
namespace {

enum class Section { kHeader, kPartner, kLine, kSummary };

// The walk over one message: which group each segment belongs to, and what it sets there.
class Walker {
 public:
  // What a header and a line usually hold (raw and neutral fields), reserved at once.
  static constexpr std::size_t kHeaderFields = 40;
  static constexpr std::size_t kLineFields = 20;

  Walker(const EdifactMessage& message, const EdifactProfile& profile) : message_(message), profile_(profile) {}

  sdk::Result<EdifactWalk> Run() {
    Reserve();
    walk_.header.entity.assign(profile_.header_entity);
    walk_.header.position = message_.Position();
    SetText(&walk_.header, "UNH.0062", message_.reference);
    SetText(&walk_.header, "UNB.0004", message_.interchange->sender);
    SetText(&walk_.header, "UNB.0010", message_.interchange->recipient);
    for (std::size_t i = 1; i + 1 < message_.segments.size(); ++i) {
      HUB_RETURN_IF_ERROR(OnSegment(message_.segments[i]));
    }
    if (walk_.document_number.empty()) {
      return sdk::Status::DataError(message_.Position() + ": the " + message_.type +
                                    " message has no document number (BGM 1004)");
    }
    if (!walk_.lines.empty()) FinishLine(&walk_.lines.back());
    return std::move(walk_);
  }

 private:
  // What the open line holds among its neutral fields, so that none is looked up by name.
  struct OpenLine {
    bool has_sku = false;
    bool has_description = false;
    bool description_from_ftx = false;  // some senders title a line in FTX; IMD wins when both are there
    bool has_tax_rate = false;
    // The rank of the quantity and amount qualifiers seen so far (lower is preferred; SIZE_MAX: none yet).
    std::size_t quantity_rank = SIZE_MAX;
    std::size_t amount_rank = SIZE_MAX;
    std::string quantity;    // canonical, as in the field
    std::string unit;        // QTY 6411
    std::string unit_price;  // canonical; "" when the line has none
    std::string price_basis;

    // For the next line (clearing keeps the strings' storage).
    void Reset() {
      has_sku = has_description = description_from_ftx = has_tax_rate = false;
      quantity_rank = amount_rank = SIZE_MAX;
      quantity.clear();
      unit.clear();
      unit_price.clear();
      price_basis.clear();
    }
  };

  // Room for the records and fields a message of this size makes, so that none is moved while it grows.
  void Reserve() {
    std::size_t lines = 0;
    std::size_t partners = 0;
    for (const EdifactSegment& segment : message_.segments) {
      std::uint32_t tag = TagCode(segment.tag);
      lines += tag == TagCode("LIN") ? 1 : 0;
      partners += tag == TagCode("NAD") ? 1 : 0;
    }
    walk_.lines.reserve(lines);
    line_numbers_.reserve(lines);
    walk_.partners.reserve(partners);
    walk_.partner_qualifiers.reserve(partners);
    walk_.header.fields.reserve(kHeaderFields);
  }

  sdk::Status Fail(const EdifactSegment& segment, const std::string& reason) const {
    return sdk::Status::DataError(message_.PositionOf(segment) + ": " + segment.tag + " " + reason);
  }

  sdk::Record* Target() {
    switch (section_) {
      case Section::kPartner:
        return &walk_.partners.back();
      case Section::kLine:
        return &walk_.lines.back();
      case Section::kHeader:
      case Section::kSummary:
        break;
    }
    return &walk_.header;
  }

  // A number element: canonical decimal text, or the reason it is not one.
  sdk::Result<std::string> Number(const EdifactSegment& segment, std::string_view text) const {
    std::optional<std::string> canonical = CanonicalDecimal(text);
    if (!canonical) return Fail(segment, "'" + std::string(text) + "' is not a number");
    return std::move(*canonical);
  }

  sdk::Status OnSegment(const EdifactSegment& s) {
    std::uint32_t tag = TagCode(s.tag);
    // A partner group holds NAD and its RFF/CTA/COM/LOC/FII; anything else ends it.
    if (section_ == Section::kPartner && tag != TagCode("RFF") && tag != TagCode("CTA") && tag != TagCode("COM") &&
        tag != TagCode("LOC") && tag != TagCode("FII") && tag != TagCode("NAD")) {
      section_ = Section::kHeader;
    }
    switch (tag) {
      case TagCode("BGM"):
        return OnBgm(s);
      case TagCode("DTM"):
        return OnDtm(s);
      case TagCode("NAD"):
        return OnNad(s);
      case TagCode("LIN"):
        return OnLin(s);
      case TagCode("UNS"):
        section_ = Section::kSummary;
        return sdk::Status::Ok();
      case TagCode("QTY"):
        return OnQty(s);
      case TagCode("PRI"):
        return OnPri(s);
      case TagCode("MOA"):
        return OnMoa(s);
      case TagCode("TAX"):
        return OnTax(s);
      default:
        OnOther(tag, s);
        return sdk::Status::Ok();
    }
  }

  // Segments that only leave fields: RFF, CUX, PIA, IMD, FTX, CNT, MEA, TDT (others are skipped).
  void OnOther(std::uint32_t tag, const EdifactSegment& s) {
    sdk::Record* target = Target();
    switch (tag) {
      case TagCode("RFF"):
        if (section_ == Section::kPartner && s.Get(0, 0) == "VA") SetText(target, "vat", s.Get(0, 1));
        SetText(target, RawName("RFF.", s.Get(0, 0)), s.Get(0, 1));
        if (!s.Get(0, 2).empty()) SetText(target, RawName("RFF.", s.Get(0, 0), ".1156"), s.Get(0, 2));
        break;
      case TagCode("CUX"):
        if (section_ != Section::kHeader) break;
        SetText(target, "currency", s.Get(0, 1));
        SetText(target, "CUX.6345", s.Get(0, 1));
        break;
      case TagCode("PIA"):
        if (section_ != Section::kLine) break;
        if (!line_.has_sku) {
          SetText(target, "sku", s.Get(1, 0));
          line_.has_sku = !s.Get(1, 0).empty();
        }
        SetText(target, RawName("PIA.", s.Get(1, 1).empty() ? s.Get(0) : s.Get(1, 1)), s.Get(1, 0));
        break;
      case TagCode("IMD"): {
        std::string_view text = JoinComponents(s, 2, 3, 5, " ", &scratch_);
        if (section_ == Section::kLine && !text.empty() && (line_.description_from_ftx || !line_.has_description)) {
          if (line_.has_description) {
            std::erase_if(target->fields, [](const sdk::Field& f) { return f.name == "description"; });
          }
          SetText(target, "description", text);
          line_.has_description = true;
          line_.description_from_ftx = false;
        }
        SetText(target, "IMD.7008", text);
        break;
      }
      case TagCode("FTX"): {
        std::string_view text = JoinComponents(s, 3, 0, 5, " ", &scratch_);
        if (section_ == Section::kLine && !text.empty() && !line_.has_description) {
          SetText(target, "description", text);
          line_.has_description = true;
          line_.description_from_ftx = true;
        }
        SetText(target, RawName("FTX.", s.Get(0)), text);
        break;
      }
      case TagCode("CNT"):
        SetText(&walk_.header, RawName("CNT.", s.Get(0, 0)), s.Get(0, 1));
        break;
      case TagCode("MEA"):
        SetText(target, RawName("MEA.", s.Get(1, 0)), s.Get(2, 1));
        SetText(target, RawName("MEA.", s.Get(1, 0), ".6411"), s.Get(2, 0));
        break;
      case TagCode("TDT"):
        SetText(target, "TDT.3127", s.Get(4, 0));
        SetText(target, "TDT.3128", s.Get(4, 3));
        break;
      default:
        break;
    }
  }

  sdk::Status OnTax(const EdifactSegment& s) {
    std::string_view rate = s.Get(4, 3);
    if (rate.empty()) return sdk::Status::Ok();
    std::optional<std::string> fraction = PercentToFraction(rate);
    if (!fraction) return Fail(s, "rate '" + std::string(rate) + "' is not a number");
    sdk::Record* target = Target();
    if (section_ == Section::kLine && !line_.has_tax_rate) {
      target->Set("tax_rate", sdk::Value::Decimal(std::move(*fraction)));
      line_.has_tax_rate = true;
    }
    SetText(target, "TAX.5278", rate);
    return sdk::Status::Ok();
  }

  sdk::Status OnBgm(const EdifactSegment& s) {
    walk_.document_number = std::string(s.Get(1, 0));
    SetText(&walk_.header, profile_.number_field, walk_.document_number);
    walk_.header.source_id = walk_.document_number;
    if (s.Get(2) == "1") walk_.header.Set("status", sdk::Value::String("cancelled"));
    SetText(&walk_.header, "BGM.1001", s.Get(0, 0));
    SetText(&walk_.header, "BGM.1004", s.Get(1, 0));
    SetText(&walk_.header, "BGM.1225", s.Get(2));
    return sdk::Status::Ok();
  }

  sdk::Status OnDtm(const EdifactSegment& s) {
    std::string_view qualifier = s.Get(0, 0);
    std::optional<std::string> date = EdifactDate(s.Get(0, 1), s.Get(0, 2));
    sdk::Record* target = section_ == Section::kPartner ? &walk_.header : Target();
    bool header = target == &walk_.header;
    for (const auto& [wanted, field] : profile_.header_dates) {
      if (!header || wanted != qualifier || target->Find(field) != nullptr) continue;
      if (!date) {
        return Fail(s, std::string(qualifier) + " '" + std::string(s.Get(0, 1)) + "' is not a date in format " +
                           std::string(s.Get(0, 2).empty() ? "102" : s.Get(0, 2)) + " (read: 101, 102, 203, 204, 718)");
      }
      target->Set(std::string(field), sdk::Value::Date(*date));
    }
    SetText(target, RawName("DTM.", qualifier), date ? std::string_view(*date) : s.Get(0, 1));
    return sdk::Status::Ok();
  }

  sdk::Status OnNad(const EdifactSegment& s) {
    if (section_ == Section::kLine || section_ == Section::kSummary) return sdk::Status::Ok();
    if (walk_.document_number.empty()) return Fail(s, "comes before BGM");
    std::string qualifier(s.Get(0));
    std::string id = walk_.document_number + "/" + qualifier;
    std::size_t same = std::count(walk_.partner_qualifiers.begin(), walk_.partner_qualifiers.end(), qualifier);
    if (same > 0) id += "-" + std::to_string(same + 1);
    sdk::Record partner;
    partner.entity.assign(profile_.partner_entity);
    partner.source_id = id;
    partner.position = message_.PositionOf(s);
    SetText(&partner, "order_source_id", walk_.document_number);
    SetText(&partner, "role", PartnerRole(qualifier));
    SetText(&partner, "partner_number", s.Get(1, 0));
    std::string_view name = JoinComponents(s, 3, 0, 5, " ", &scratch_);
    SetText(&partner, "name", name.empty() ? JoinComponents(s, 2, 0, 5, " ", &scratch_) : name);
    SetText(&partner, "address_line", JoinComponents(s, 4, 0, 4, ", ", &scratch_));
    SetText(&partner, "city", s.Get(5));
    SetText(&partner, "postal_code", s.Get(7));
    SetText(&partner, "country", s.Get(8));
    SetText(&partner, "NAD.3035", qualifier);
    SetText(&partner, "NAD.3055", s.Get(1, 2));
    SetText(&walk_.header, RawName("NAD.", qualifier), s.Get(1, 0));
    walk_.partners.push_back(std::move(partner));
    walk_.partner_qualifiers.push_back(qualifier);
    section_ = Section::kPartner;
    return sdk::Status::Ok();
  }

  sdk::Status OnLin(const EdifactSegment& s) {
    if (walk_.document_number.empty()) return Fail(s, "comes before BGM");
    std::string line_no(s.Get(0));
    if (line_no.empty()) line_no = std::to_string(walk_.lines.size() + 1);
    if (std::find(line_numbers_.begin(), line_numbers_.end(), line_no) != line_numbers_.end()) {
      return Fail(s, "line number " + line_no + " appears twice");
    }
    line_numbers_.push_back(line_no);
    if (!walk_.lines.empty()) FinishLine(&walk_.lines.back());
    sdk::Record line;
    line.fields.reserve(kLineFields);
    line.entity.assign(profile_.line_entity);
    line.source_id.reserve(walk_.document_number.size() + 1 + line_no.size());
    line.source_id.append(walk_.document_number).append(1, '/').append(line_no);
    line.position = message_.PositionOf(s);
    SetText(&line, profile_.line_parent_field, walk_.document_number);
    SetText(&line, "line_no", line_no);
    SetText(&line, "sku", s.Get(2, 0));
    SetText(&line, "LIN.1082", s.Get(0));
    SetText(&line, "LIN.7140", s.Get(2, 0));
    SetText(&line, "LIN.7143", s.Get(2, 1));
    walk_.lines.push_back(std::move(line));
    section_ = Section::kLine;
    line_.Reset();
    line_.has_sku = !s.Get(2, 0).empty();
    return sdk::Status::Ok();
  }

  sdk::Status OnQty(const EdifactSegment& s) {
    sdk::Result<std::string> quantity = Number(s, s.Get(0, 1));
    if (!quantity.ok()) return quantity.status();
    sdk::Record* target = Target();
    std::string_view qualifier = s.Get(0, 0);
    SetText(target, RawName("QTY.", qualifier), *quantity);
    if (section_ != Section::kLine) return sdk::Status::Ok();
    auto rank = std::find(profile_.quantity_qualifiers.begin(), profile_.quantity_qualifiers.end(), qualifier);
    std::size_t position = static_cast<std::size_t>(rank - profile_.quantity_qualifiers.begin());
    if (rank != profile_.quantity_qualifiers.end() && position < line_.quantity_rank) {
      if (line_.quantity_rank != SIZE_MAX) {
        std::erase_if(target->fields, [](const sdk::Field& f) { return f.name == "quantity" || f.name == "unit"; });
      }
      line_.quantity_rank = position;
      line_.quantity = std::move(*quantity);
      line_.unit = std::string(s.Get(0, 2));
      target->Set("quantity", sdk::Value::Decimal(line_.quantity));
      SetText(target, "unit", line_.unit);
    }
    return sdk::Status::Ok();
  }

  sdk::Status OnPri(const EdifactSegment& s) {
    sdk::Result<std::string> price = Number(s, s.Get(0, 1));
    if (!price.ok()) return price.status();
    sdk::Record* target = Target();
    std::string_view qualifier = s.Get(0, 0);
    SetText(target, RawName("PRI.", qualifier), *price);
    if (section_ != Section::kLine) return sdk::Status::Ok();
    bool net = qualifier == "AAA";
    if ((net || qualifier == "AAB") && (net || line_.unit_price.empty())) {
      if (!line_.unit_price.empty()) {
        std::erase_if(target->fields,
                      [](const sdk::Field& f) { return f.name == "unit_price" || f.name == "price_basis_quantity"; });
      }
      line_.unit_price = std::move(*price);
      line_.price_basis.clear();
      target->Set("unit_price", sdk::Value::Decimal(line_.unit_price));
      if (!s.Get(0, 4).empty()) {
        sdk::Result<std::string> basis = Number(s, s.Get(0, 4));
        if (!basis.ok()) return basis.status();
        line_.price_basis = std::move(*basis);
        target->Set("price_basis_quantity", sdk::Value::Decimal(line_.price_basis));
      }
    }
    return sdk::Status::Ok();
  }

  sdk::Status OnMoa(const EdifactSegment& s) {
    sdk::Result<std::string> amount = Number(s, s.Get(0, 1));
    if (!amount.ok()) return amount.status();
    std::string_view qualifier = s.Get(0, 0);
    sdk::Record* target = Target();
    SetText(target, RawName("MOA.", qualifier), *amount);
    if (section_ == Section::kLine) {
      const auto& wanted = profile_.line_amount_qualifiers;
      auto rank = std::find(wanted.begin(), wanted.end(), qualifier);
      std::size_t position = static_cast<std::size_t>(rank - wanted.begin());
      if (rank != wanted.end() && position < line_.amount_rank) {
        if (line_.amount_rank != SIZE_MAX) {
          std::erase_if(target->fields, [](const sdk::Field& f) { return f.name == "amount"; });
        }
        line_.amount_rank = position;
        target->Set("amount", sdk::Value::Decimal(std::move(*amount)));
      }
    } else {
      walk_.amounts.push_back(
          EdifactWalk::Amount{std::string(qualifier), std::move(*amount), std::string(s.Get(0, 2))});
    }
    return sdk::Status::Ok();
  }

  // When the open line ends: without an amount segment it gets quantity × unit price (when the price is per
  // 1 unit; the basis is canonical already).
  void FinishLine(sdk::Record* line) {
    if (line_.amount_rank != SIZE_MAX || line_.quantity.empty() || line_.unit_price.empty()) return;
    if (!line_.price_basis.empty() && line_.price_basis != "1") return;
    if (std::optional<std::string> amount = MultiplyDecimals(line_.quantity, line_.unit_price)) {
      line->Set("amount", sdk::Value::Decimal(std::move(*amount)));
    }
  }

  const EdifactMessage& message_;
  const EdifactProfile& profile_;
  EdifactWalk walk_;
  Section section_ = Section::kHeader;
  OpenLine line_;
  std::vector<std::string> line_numbers_;
  std::string scratch_;  // joined components (JoinComponents)
};

}  // namespace

sdk::Result<EdifactWalk> WalkEdifactMessage(const EdifactMessage& message, const EdifactProfile& profile) {
  return Walker(message, profile).Run();
}

std::vector<sdk::Record> WalkRecords(EdifactWalk walk, const EdifactProfile& profile) {
  std::vector<sdk::Record> records;
  records.reserve(1 + walk.partners.size() + walk.lines.size());
  records.push_back(std::move(walk.header));
  if (!profile.partner_entity.empty()) {
    for (sdk::Record& partner : walk.partners) records.push_back(std::move(partner));
  }
  for (sdk::Record& line : walk.lines) records.push_back(std::move(line));
  return records;
}

const sdk::Record* FindPartner(const EdifactWalk& walk, std::string_view qualifier) {
  for (std::size_t i = 0; i < walk.partners.size(); ++i) {
    if (walk.partner_qualifiers[i] == qualifier) return &walk.partners[i];
  }
  return nullptr;
}

const EdifactWalk::Amount* FindAmount(const EdifactWalk& walk, std::initializer_list<std::string_view> qualifiers) {
  std::string_view currency = FieldText(walk.header, "currency");
  for (std::string_view qualifier : qualifiers) {
    for (const EdifactWalk::Amount& amount : walk.amounts) {
      if (amount.qualifier == qualifier &&
          (amount.currency.empty() || currency.empty() || amount.currency == currency)) {
        return &amount;
      }
    }
  }
  return nullptr;
}

}  // namespace hub::trade_formats
