# hub_add_connector(<name> SOURCES <files...> [LIBRARIES <targets...>] [OUTPUT_DIRECTORY <dir>])
#
# Builds one connector plugin the same way for every connector: a shared module named hub_<name>.so in
# build/plugins/, linked against the SDK, with hidden visibility and a version script so that only the two
# Boost.DLL aliases are exported.
set(HUB_PLUGIN_EXPORTS_MAP ${CMAKE_CURRENT_LIST_DIR}/plugin_exports.map)

function(hub_add_connector name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "SOURCES;LIBRARIES" ${ARGN})
  set(target hub_connector_${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  if(NOT ARG_OUTPUT_DIRECTORY)
    set(ARG_OUTPUT_DIRECTORY ${HUB_PLUGIN_OUTPUT_DIRECTORY})
  endif()
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME hub_${name}
    LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_link_libraries(${target} PRIVATE HubSDK::sdk hub_warnings ${ARG_LIBRARIES})
  target_link_options(${target} PRIVATE -Wl,--no-undefined -Wl,--version-script=${HUB_PLUGIN_EXPORTS_MAP})
endfunction()
