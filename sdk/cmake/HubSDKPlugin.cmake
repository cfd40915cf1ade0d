# hub_add_connector(<name> SOURCES <files...> [LIBRARIES <targets...>] [OUTPUT_DIRECTORY <dir>])
#
# Builds one connector plugin the way the hub builds every one of its own: a shared module hub_<name>.so
# (target hub_connector_<name>) linked against HubSDK::sdk and LIBRARIES, with hidden visibility and a version
# script so that only the two Boost.DLL aliases (hub_plugin_abi, hub_plugin_entry) are exported, and with
# --no-undefined so that a missing symbol fails the build rather than the load. It lands in OUTPUT_DIRECTORY,
# by default HUB_PLUGIN_OUTPUT_DIRECTORY when that is set (the hub's build/plugins/), else the current binary
# folder. Targets listed in HUB_CONNECTOR_COMMON_LIBRARIES are linked into every plugin as well (the hub's
# tree puts its warning flags there).
#
# Part of the installed HubSDK package (find_package(HubSDK) includes it), so that a connector builds the
# same way inside the hub's tree and outside it against the installed SDK.
set(HUB_PLUGIN_EXPORTS_MAP ${CMAKE_CURRENT_LIST_DIR}/plugin_exports.map)

function(hub_add_connector name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "SOURCES;LIBRARIES" ${ARGN})
  set(target hub_connector_${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  if(NOT ARG_OUTPUT_DIRECTORY)
    if(HUB_PLUGIN_OUTPUT_DIRECTORY)
      set(ARG_OUTPUT_DIRECTORY ${HUB_PLUGIN_OUTPUT_DIRECTORY})
    else()
      set(ARG_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
    endif()
  endif()
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME hub_${name}
    LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_link_libraries(${target} PRIVATE HubSDK::sdk ${HUB_CONNECTOR_COMMON_LIBRARIES} ${ARG_LIBRARIES})
  target_link_options(${target} PRIVATE -Wl,--no-undefined -Wl,--version-script=${HUB_PLUGIN_EXPORTS_MAP})
endfunction()
