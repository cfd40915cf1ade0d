// The Chinese numbering plan (+86), table-driven: mobiles, landlines with their area codes, and the 400/800
// service numbers. Private to phone_number.cpp.
#ifndef HUB_MODEL_CHINA_PHONE_HPP_
#define HUB_MODEL_CHINA_PHONE_HPP_

#include <string_view>

#include "hub/sdk/status.hpp"
#include "model/phone_number.hpp"

namespace hub::model::internal {

// Reads `national`, the digits of a Chinese number after its calling code or trunk prefix 0 (or the whole
// number when it was written with neither). `area_code_given`: it was written with one of them, so a
// landline's digits start with its area code; without, only a mobile or a service number is read. The
// answer has e164 and type set, no extension. Errors: InvalidArgument saying which rule the digits break.
// Thread-safe.
sdk::Result<PhoneNumber> ParseChineseNational(std::string_view national, bool area_code_given);

}  // namespace hub::model::internal

#endif  // HUB_MODEL_CHINA_PHONE_HPP_
