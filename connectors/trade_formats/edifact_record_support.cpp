#include "trade_formats/edifact_record_support.hpp"

#include <algorithm>
#include <optional>

#include "trade_formats/decimal_text.hpp"

namespace hub::trade_formats {
namespace {

enum class Section { kHeader, kPartner, kLine, kSummary };

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// DTM C507: value 2380 in format 2379 → ISO date. 102 CCYYMMDD, 203 CCYYMMDDHHMM, 204 CCYYMMDDHHMMSS,
// 101 YYMMDD (years 70–99 are 19xx), 718 a CCYYMMDD-CCYYMMDD range (its start).
std::optional<std::string> EdifactDate(std::string_view value, std::string_view format) {
  std::string_view digits = value;
  if (format == "102" || format.empty()) {
    if (digits.size() != 8) return std::nullopt;
  } else if (format == "203" || format == "204") {
    if (digits.size() != (format == "203" ? 12u : 14u)) return std::nullopt;
    digits = digits.substr(0, 8);
  } else if (format == "718") {
    if (digits.size() != 17 || digits[8] != '-') return std::nullopt;
    digits = digits.substr(0, 8);
  } else if (format == "101") {
    if (digits.size() != 6 || !AllDigits(digits)) return std::nullopt;
    std::string century = digits.substr(0, 2) >= "70" ? "19" : "20";
    return century + std::string(digits.substr(0, 2)) + "-" + std::string(digits.substr(2, 2)) + "-" +
           std::string(digits.substr(4, 2));
  } else {
    return std::nullopt;
  }
  if (!AllDigits(digits)) return std::nullopt;
  std::string_view month = digits.substr(4, 2);
  std::string_view day = digits.substr(6, 2);
  if (month < "01" || month > "12" || day < "01" || day > "31") return std::nullopt;
  return std::string(digits.substr(0, 4)) + "-" + std::string(month) + "-" + std::string(day);
}

std::string JoinComponents(const EdifactSegment& segment, std::size_t element, std::size_t from, std::size_t to,
                           std::string_view glue) {
  std::string joined;
  for (std::size_t c = from; c < to; ++c) {
    std::string_view part = segment.Get(element, c);
    if (part.empty()) continue;
    if (!joined.empty()) joined += glue;
    joined += part;
  }
  return joined;
}

std::string PartnerRole(std::string_view qualifier) {
  if (qualifier == "BY") return "sold_to";
  if (qualifier == "DP" || qualifier == "ST") return "ship_to";
  if (qualifier == "IV") return "bill_to";
  if (qualifier == "PR" || qualifier == "PE") return "payer";
  if (qualifier == "SU" || qualifier == "SE") return "supplier";
  return "other";
}

// The walk over one message: which group each segment belongs to, and what it sets there.
class Walker {
 public:
  Walker(const EdifactMessage& message, const EdifactProfile& profile) : message_(message), profile_(profile) {}

  sdk::Result<EdifactWalk> Run() {
    walk_.header.entity = std::string(profile_.header_entity);
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
    for (sdk::Record& line : walk_.lines) FinishLine(&line);
    return std::move(walk_);
  }

 private:
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
    return *canonical;
  }

  sdk::Status OnSegment(const EdifactSegment& s) {
    const std::string& tag = s.tag;
    // A partner group holds NAD and its RFF/CTA/COM/LOC/FII; anything else ends it.
    if (section_ == Section::kPartner && tag != "RFF" && tag != "CTA" && tag != "COM" && tag != "LOC" && tag != "FII" &&
        tag != "NAD") {
      section_ = Section::kHeader;
    }
    if (tag == "BGM") return OnBgm(s);
    if (tag == "DTM") return OnDtm(s);
    if (tag == "NAD") return OnNad(s);
    if (tag == "LIN") return OnLin(s);
    if (tag == "UNS") {
      section_ = Section::kSummary;
      return sdk::Status::Ok();
    }
    if (tag == "QTY") return OnQty(s);
    if (tag == "PRI") return OnPri(s);
    if (tag == "MOA") return OnMoa(s);
    sdk::Record* target = Target();
    if (tag == "RFF") {
      if (section_ == Section::kPartner && s.Get(0, 0) == "VA") SetText(target, "vat", s.Get(0, 1));
      SetText(target, "RFF." + std::string(s.Get(0, 0)), s.Get(0, 1));
      if (!s.Get(0, 2).empty()) SetText(target, "RFF." + std::string(s.Get(0, 0)) + ".1156", s.Get(0, 2));
    } else if (tag == "CUX" && section_ == Section::kHeader) {
      SetText(target, "currency", s.Get(0, 1));
      SetText(target, "CUX.6345", s.Get(0, 1));
    } else if (tag == "PIA" && section_ == Section::kLine) {
      if (target->Find("sku") == nullptr) SetText(target, "sku", s.Get(1, 0));
      SetText(target, "PIA." + std::string(s.Get(1, 1).empty() ? s.Get(0) : s.Get(1, 1)), s.Get(1, 0));
    } else if (tag == "IMD") {
      std::string text = JoinComponents(s, 2, 3, 5, " ");
      if (section_ == Section::kLine && !text.empty() && (description_from_ftx_ || !target->Find("description"))) {
        std::erase_if(target->fields, [](const sdk::Field& f) { return f.name == "description"; });
        SetText(target, "description", text);
        description_from_ftx_ = false;
      }
      SetText(target, "IMD.7008", text);
    } else if (tag == "FTX") {
      std::string text = JoinComponents(s, 3, 0, 5, " ");
      if (section_ == Section::kLine && !text.empty() && target->Find("description") == nullptr) {
        SetText(target, "description", text);
        description_from_ftx_ = true;
      }
      SetText(target, "FTX." + std::string(s.Get(0)), text);
    } else if (tag == "TAX") {
      std::string_view rate = s.Get(4, 3);
      if (!rate.empty()) {
        std::optional<std::string> fraction = PercentToFraction(rate);
        if (!fraction) return Fail(s, "rate '" + std::string(rate) + "' is not a number");
        if (section_ == Section::kLine && target->Find("tax_rate") == nullptr) {
          target->Set("tax_rate", sdk::Value::Decimal(*fraction));
        }
        SetText(target, "TAX.5278", rate);
      }
    } else if (tag == "CNT") {
      SetText(&walk_.header, "CNT." + std::string(s.Get(0, 0)), s.Get(0, 1));
    } else if (tag == "MEA") {
      SetText(target, "MEA." + std::string(s.Get(1, 0)), s.Get(2, 1));
      SetText(target, "MEA." + std::string(s.Get(1, 0)) + ".6411", s.Get(2, 0));
    } else if (tag == "TDT") {
      SetText(target, "TDT.3127", s.Get(4, 0));
      SetText(target, "TDT.3128", s.Get(4, 3));
    }
    return sdk::Status::Ok();
  }

  sdk::Status OnBgm(const EdifactSegment& s) {
    walk_.document_number = std::string(s.Get(1, 0));
    SetText(&walk_.header, std::string(profile_.number_field), walk_.document_number);
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
    SetText(target, "DTM." + std::string(qualifier), date ? std::string_view(*date) : s.Get(0, 1));
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
    partner.entity = std::string(profile_.partner_entity);
    partner.source_id = id;
    partner.position = message_.PositionOf(s);
    SetText(&partner, "order_source_id", walk_.document_number);
    SetText(&partner, "role", PartnerRole(qualifier));
    SetText(&partner, "partner_number", s.Get(1, 0));
    std::string name = JoinComponents(s, 3, 0, 5, " ");
    SetText(&partner, "name", name.empty() ? JoinComponents(s, 2, 0, 5, " ") : name);
    SetText(&partner, "address_line", JoinComponents(s, 4, 0, 4, ", "));
    SetText(&partner, "city", s.Get(5));
    SetText(&partner, "postal_code", s.Get(7));
    SetText(&partner, "country", s.Get(8));
    SetText(&partner, "NAD.3035", qualifier);
    SetText(&partner, "NAD.3055", s.Get(1, 2));
    SetText(&walk_.header, "NAD." + qualifier, s.Get(1, 0));
    walk_.partners.push_back(std::move(partner));
    walk_.partner_qualifiers.push_back(qualifier);
    section_ = Section::kPartner;
    return sdk::Status::Ok();
  }

  sdk::Status OnLin(const EdifactSegment& s) {
    if (walk_.document_number.empty()) return Fail(s, "comes before BGM");
    std::string line_no(s.Get(0));
    if (line_no.empty()) line_no = std::to_string(walk_.lines.size() + 1);
    for (const sdk::Record& line : walk_.lines) {
      if (FieldText(line, "line_no") == line_no) return Fail(s, "line number " + line_no + " appears twice");
    }
    sdk::Record line;
    line.entity = std::string(profile_.line_entity);
    line.source_id = walk_.document_number + "/" + line_no;
    line.position = message_.PositionOf(s);
    SetText(&line, std::string(profile_.line_parent_field), walk_.document_number);
    SetText(&line, "line_no", line_no);
    SetText(&line, "sku", s.Get(2, 0));
    SetText(&line, "LIN.1082", s.Get(0));
    SetText(&line, "LIN.7140", s.Get(2, 0));
    SetText(&line, "LIN.7143", s.Get(2, 1));
    walk_.lines.push_back(std::move(line));
    section_ = Section::kLine;
    quantity_rank_of_line_ = SIZE_MAX;
    amount_rank_of_line_ = SIZE_MAX;
    description_from_ftx_ = false;
    return sdk::Status::Ok();
  }

  sdk::Status OnQty(const EdifactSegment& s) {
    sdk::Result<std::string> quantity = Number(s, s.Get(0, 1));
    if (!quantity.ok()) return quantity.status();
    sdk::Record* target = Target();
    std::string qualifier(s.Get(0, 0));
    SetText(target, "QTY." + qualifier, *quantity);
    if (section_ != Section::kLine) return sdk::Status::Ok();
    auto rank = std::find(profile_.quantity_qualifiers.begin(), profile_.quantity_qualifiers.end(), qualifier);
    std::size_t position = static_cast<std::size_t>(rank - profile_.quantity_qualifiers.begin());
    if (rank != profile_.quantity_qualifiers.end() && position < quantity_rank_of_line_) {
      quantity_rank_of_line_ = position;
      line_quantity_ = *quantity;
      line_unit_ = std::string(s.Get(0, 2));
      ApplyQuantity(target);
    }
    return sdk::Status::Ok();
  }

  void ApplyQuantity(sdk::Record* line) {
    std::erase_if(line->fields, [](const sdk::Field& f) { return f.name == "quantity" || f.name == "unit"; });
    line->Set("quantity", sdk::Value::Decimal(line_quantity_));
    SetText(line, "unit", line_unit_);
  }

  sdk::Status OnPri(const EdifactSegment& s) {
    sdk::Result<std::string> price = Number(s, s.Get(0, 1));
    if (!price.ok()) return price.status();
    sdk::Record* target = Target();
    std::string qualifier(s.Get(0, 0));
    SetText(target, "PRI." + qualifier, *price);
    if (section_ != Section::kLine) return sdk::Status::Ok();
    bool net = qualifier == "AAA";
    if ((net || qualifier == "AAB") && (net || target->Find("unit_price") == nullptr)) {
      std::erase_if(target->fields,
                    [](const sdk::Field& f) { return f.name == "unit_price" || f.name == "price_basis_quantity"; });
      target->Set("unit_price", sdk::Value::Decimal(*price));
      if (!s.Get(0, 4).empty()) {
        sdk::Result<std::string> basis = Number(s, s.Get(0, 4));
        if (!basis.ok()) return basis.status();
        target->Set("price_basis_quantity", sdk::Value::Decimal(*basis));
      }
    }
    return sdk::Status::Ok();
  }

  sdk::Status OnMoa(const EdifactSegment& s) {
    sdk::Result<std::string> amount = Number(s, s.Get(0, 1));
    if (!amount.ok()) return amount.status();
    std::string qualifier(s.Get(0, 0));
    sdk::Record* target = Target();
    SetText(target, "MOA." + qualifier, *amount);
    if (section_ == Section::kLine) {
      const auto& wanted = profile_.line_amount_qualifiers;
      auto rank = std::find(wanted.begin(), wanted.end(), qualifier);
      std::size_t position = static_cast<std::size_t>(rank - wanted.begin());
      if (rank != wanted.end() && position < amount_rank_of_line_) {
        amount_rank_of_line_ = position;
        std::erase_if(target->fields, [](const sdk::Field& f) { return f.name == "amount"; });
        target->Set("amount", sdk::Value::Decimal(*amount));
      }
    } else {
      walk_.amounts.push_back(EdifactWalk::Amount{qualifier, *amount, std::string(s.Get(0, 2))});
    }
    return sdk::Status::Ok();
  }

  // A line without an amount segment gets quantity × unit price (when the price is per 1 unit).
  void FinishLine(sdk::Record* line) {
    if (line->Find("amount") != nullptr) return;
    std::string_view quantity = FieldText(*line, "quantity");
    std::string_view price = FieldText(*line, "unit_price");
    std::string_view basis = FieldText(*line, "price_basis_quantity");
    if (quantity.empty() || price.empty() || !(basis.empty() || CanonicalDecimal(basis) == "1")) return;
    if (std::optional<std::string> amount = MultiplyDecimals(quantity, price)) {
      line->Set("amount", sdk::Value::Decimal(*amount));
    }
  }

  const EdifactMessage& message_;
  const EdifactProfile& profile_;
  EdifactWalk walk_;
  Section section_ = Section::kHeader;
  bool description_from_ftx_ = false;  // some senders title a line in FTX; IMD wins when both are there
  // Per line: the rank of the quantity and amount qualifiers seen so far (lower is preferred).
  std::size_t quantity_rank_of_line_ = SIZE_MAX;
  std::size_t amount_rank_of_line_ = SIZE_MAX;
  std::string line_quantity_;
  std::string line_unit_;
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
