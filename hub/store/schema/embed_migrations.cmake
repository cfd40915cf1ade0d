# Turns the migration files into a C++ source, so that the SQL is part of the binary and never read from
# disk at run time. Run as a build step by CMakeLists.txt:
#   cmake -DOUTPUT=<generated .cpp> -DINPUTS=<NNNN_name.sql;...> -P embed_migrations.cmake
# Each file becomes an array of bytes (robust to any byte in the SQL) and an entry {version, name, sql}.
# The version and name come from the file name, which must read NNNN_name.sql.
if(NOT OUTPUT OR NOT INPUTS)
  message(FATAL_ERROR "embed_migrations.cmake: OUTPUT and INPUTS are required")
endif()

set(arrays "")
set(entries "")
foreach(input IN LISTS INPUTS)
  get_filename_component(file_name "${input}" NAME)
  if(NOT file_name MATCHES "^([0-9][0-9][0-9][0-9])_([a-z0-9_]+)\\.sql$")
    message(FATAL_ERROR "${input}: a migration file is named NNNN_name.sql (four digits, lower-case name)")
  endif()
  set(name "${CMAKE_MATCH_2}")
  string(REGEX REPLACE "^0+" "" version "${CMAKE_MATCH_1}")
  file(READ "${input}" hex HEX)
  if(hex STREQUAL "")
    message(FATAL_ERROR "${input}: the migration is empty")
  endif()
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n    "
         bytes "${bytes}")
  string(APPEND arrays "// ${file_name}\nconstexpr unsigned char kMigration${version}[] = {\n    ${bytes}};\n\n")
  string(APPEND entries "      {${version}, \"${name}\", Text(kMigration${version}, sizeof(kMigration${version}))},\n")
endforeach()

set(content "// Generated from hub/store/schema/migrations/*.sql by embed_migrations.cmake. Do not edit.
#include \"store/schema/embedded_migrations.hpp\"

namespace hub::schema {
namespace {

${arrays}std::string_view Text(const unsigned char* bytes, std::size_t size) {
  return {reinterpret_cast<const char*>(bytes), size};
}

}  // namespace

std::span<const MigrationSource> EmbeddedMigrations() {
  static const MigrationSource kAll[] = {
${entries}  };
  return kAll;
}

}  // namespace hub::schema
")

# Rewrite only on change, so an unchanged migration set does not trigger a recompile.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
  if(previous STREQUAL content)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${content}")
