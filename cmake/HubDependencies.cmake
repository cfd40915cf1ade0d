# Every third-party dependency, found once. All of them are Debian 12 packages installed by
# scripts/build.sh; docs/DEPENDENCIES.md says why each was chosen.
find_package(Boost 1.81.0 EXACT CONFIG REQUIRED COMPONENTS json)
find_package(pugixml CONFIG REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(spdlog CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(ODBC REQUIRED IMPORTED_TARGET odbc)
# The SQLite library under the SQLite ODBC driver, for its process-wide settings only (store/odbc/embedded_sqlite).
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)

# Boost.DLL on std::filesystem: no Boost.Filesystem library to link.
add_library(hub_boost_dll INTERFACE)
target_link_libraries(hub_boost_dll INTERFACE Boost::headers ${CMAKE_DL_LIBS})
target_compile_definitions(hub_boost_dll INTERFACE BOOST_DLL_USE_STD_FS)
