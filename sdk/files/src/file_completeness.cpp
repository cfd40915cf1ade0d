#include "hub/files/file_completeness.hpp"

namespace hub::files {

bool IsKnownComplete(const InputFile& file, const CompletenessRule& rule, bool in_folder,
                     std::chrono::system_clock::time_point now) {
  if (rule.declared_final) return true;
  if (now - file.modified() >= rule.settle) return true;
  return in_folder && file.status_changed() > file.modified();
}

}  // namespace hub::files
