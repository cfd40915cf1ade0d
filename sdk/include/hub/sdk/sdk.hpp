// The Hub plugin SDK: include this, derive from hub::sdk::Connector, export with HUB_EXPORT_CONNECTOR.
// Standard C++ only, plus Boost.DLL's header-only alias macro inside export.hpp.
#ifndef HUB_SDK_SDK_HPP_
#define HUB_SDK_SDK_HPP_

#include "hub/sdk/connector.hpp"
#include "hub/sdk/context.hpp"
#include "hub/sdk/export.hpp"
#include "hub/sdk/options.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "hub/sdk/version.hpp"

#endif  // HUB_SDK_SDK_HPP_
