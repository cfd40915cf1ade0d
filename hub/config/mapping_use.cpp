#include "config/mapping_use.hpp"

#include <map>
#include <string>
#include <utility>

#include "config/element_reader.hpp"
#include "config/sections.hpp"
#include "config/xml_document.hpp"

namespace hub::config {
namespace {

// <mapping use="odoo17"> or <mapping use="odoo17" entity="invoice"> or <mapping entity="invoice">, for messages.
std::string MappingTag(const MappingConfig& written) {
  std::string tag = "<mapping";
  if (!written.use.empty()) tag += " use=\"" + written.use + "\"";
  if (!written.entity.empty()) tag += " entity=\"" + written.entity + "\"";
  return tag + ">";
}

// `base` with the job's id= and <field>s of `written` in place of its own; a target it does not map is added.
MappingConfig Overridden(MappingConfig base, const MappingConfig& written) {
  if (!written.id_source.empty()) base.id_source = written.id_source;
  for (const MappingFieldConfig& field : written.fields) {
    bool replaced = false;
    for (MappingFieldConfig& own : base.fields) {
      if (own.target != field.target) continue;
      own = field;
      replaced = true;
    }
    if (!replaced) base.fields.push_back(field);
  }
  return base;
}

// One ResolveMappingUses call: each set parsed once, however many jobs take it.
class Resolver {
 public:
  Resolver(const HubConfig& config, std::vector<ConfigError>* errors) : config_(config), errors_(errors) {}

  // `job`'s mappings with every use= resolved against `plugin`'s sets; nullopt after reporting a problem.
  std::optional<std::vector<MappingConfig>> Resolve(const JobConfig& job, const sdk::PluginDescription& plugin);

 private:
  // The set `written.use` of `plugin`; nullptr after reporting that it is unknown or unusable.
  const DefaultMappingSet* SetOf(const JobConfig& job, const sdk::PluginDescription& plugin,
                                 const MappingConfig& written);

  // Appends `mapping` (taken for `written`) to `out`, unless `out` maps its entity already (reported).
  bool Add(const JobConfig& job, MappingConfig mapping, const MappingConfig& written);

  void Error(const JobConfig& job, const MappingConfig& written, const std::string& problem) {
    errors_->push_back({written.location, "job '" + job.name + "': " + MappingTag(written) + ": " + problem});
  }

  const HubConfig& config_;
  std::vector<ConfigError>* errors_;
  std::map<std::pair<std::string, std::string>, std::optional<DefaultMappingSet>> parsed_;  // (plugin, set)
  // The job being resolved: its mappings so far, and the written element each came from.
  std::vector<MappingConfig> out_;
  std::vector<const MappingConfig*> taken_for_;
};

const DefaultMappingSet* Resolver::SetOf(const JobConfig& job, const sdk::PluginDescription& plugin,
                                         const MappingConfig& written) {
  const sdk::DefaultMapping* declared = nullptr;
  std::string names;
  for (const sdk::DefaultMapping& mapping : plugin.default_mappings) {
    if (mapping.name == written.use) declared = &mapping;
    names += (names.empty() ? "" : ", ") + mapping.name;
  }
  if (declared == nullptr) {
    Error(job, written,
          "plugin " + plugin.name + " declares no default mapping '" + written.use +
              "'; it declares: " + (names.empty() ? "(none)" : names) + " (see `hub plugins`)");
    return nullptr;
  }
  auto [it, first] = parsed_.try_emplace({plugin.name, written.use});
  if (first) it->second = ParseDefaultMappingSet(plugin.name, *declared, config_.base_dir, errors_);
  return it->second ? &*it->second : nullptr;
}

bool Resolver::Add(const JobConfig& job, MappingConfig mapping, const MappingConfig& written) {
  for (std::size_t i = 0; i < out_.size(); ++i) {
    if (out_[i].entity != mapping.entity) continue;
    const MappingConfig& earlier = *taken_for_[i];
    std::string hint;
    if (earlier.entity.empty() && written.use.empty()) {
      hint = "; to change some of the set's fields for it, write <mapping use=\"" + earlier.use + "\" entity=\"" +
             mapping.entity + "\"> with those <field>s";
    }
    Error(job, written,
          "maps entity '" + mapping.entity + "', which " + MappingTag(earlier) + " (line " +
              std::to_string(earlier.location.line) + ") maps already: a job holds at most one mapping per entity" +
              hint);
    return false;
  }
  out_.push_back(std::move(mapping));
  taken_for_.push_back(&written);
  return true;
}

std::optional<std::vector<MappingConfig>> Resolver::Resolve(const JobConfig& job,
                                                            const sdk::PluginDescription& plugin) {
  out_.clear();
  taken_for_.clear();
  bool ok = true;
  // First what the job writes itself and the sets it takes whole; then the mappings it changes in a set.
  for (const MappingConfig& written : job.mappings) {
    if (written.use.empty()) {
      ok = Add(job, written, written) && ok;
      continue;
    }
    if (!written.entity.empty()) continue;
    const DefaultMappingSet* set = SetOf(job, plugin, written);
    if (set == nullptr) {
      ok = false;
      continue;
    }
    for (MappingConfig mapping : set->mappings) {
      mapping.use = written.use;
      mapping.scoped_tables = set->code_tables;
      ok = Add(job, std::move(mapping), written) && ok;
    }
  }
  for (const MappingConfig& written : job.mappings) {
    if (written.use.empty() || written.entity.empty()) continue;
    const DefaultMappingSet* set = SetOf(job, plugin, written);
    if (set == nullptr) {
      ok = false;
      continue;
    }
    const MappingConfig* base = nullptr;
    std::string entities;
    for (const MappingConfig& mapping : set->mappings) {
      if (mapping.entity == written.entity) base = &mapping;
      entities += (entities.empty() ? "" : ", ") + mapping.entity;
    }
    if (base == nullptr) {
      Error(job, written,
            "plugin " + plugin.name + "'s mapping '" + written.use + "' has no mapping for entity '" + written.entity +
                "'; it maps: " + entities);
      ok = false;
      continue;
    }
    MappingConfig mapping = Overridden(*base, written);
    mapping.use = written.use;
    mapping.scoped_tables = set->code_tables;
    bool replaced = false;
    for (std::size_t i = 0; i < out_.size(); ++i) {
      // The set taken whole gave this entity's mapping: the changed one takes its place.
      if (out_[i].entity == written.entity && taken_for_[i]->entity.empty() && taken_for_[i]->use == written.use) {
        out_[i] = mapping;
        taken_for_[i] = &written;
        replaced = true;
      }
    }
    if (!replaced) ok = Add(job, std::move(mapping), written) && ok;
  }
  if (!ok) return std::nullopt;
  return std::move(out_);
}

}  // namespace

std::filesystem::path DefaultMappingOrigin(std::string_view plugin, std::string_view name) {
  return "plugin " + std::string(plugin) + " mapping '" + std::string(name) + "'";
}

std::optional<DefaultMappingSet> ParseDefaultMappingSet(std::string_view plugin, const sdk::DefaultMapping& declared,
                                                        const std::filesystem::path& base_dir,
                                                        std::vector<ConfigError>* errors) {
  const std::filesystem::path origin = DefaultMappingOrigin(plugin, declared.name);
  std::unique_ptr<XmlDocument> document = XmlDocument::Parse(declared.xml, origin, errors);
  if (document == nullptr) return std::nullopt;
  const std::size_t before = errors->size();
  // A plugin's document reads no environment: its values are the plugin's, not the operator's.
  SecretResolver secrets(base_dir, [](const std::string&) -> std::optional<std::string> { return std::nullopt; });
  LoadContext context(*document, origin, secrets, errors);
  pugi::xml_node root = document->Root();
  DefaultMappingSet set;
  if (std::string_view(root.name()) != "mappings") {
    context.Error(context.At(root), "the root element must be <mappings>, not " + Tag(root));
    return std::nullopt;
  }
  CheckShape(context, root, {.children = {"mapping", "code_tables"}});
  UniqueNames entities("<mapping> for entity");
  for (pugi::xml_node element : root.children("mapping")) {
    auto mapping = ReadMapping(context, element, MappingPlace::kDefaultSet);
    if (mapping && entities.Add(context, mapping->entity, mapping->location))
      set.mappings.push_back(std::move(*mapping));
  }
  if (pugi::xml_node tables = SingleChild(context, root, "code_tables"))
    ParseCodeTables(context, tables, &set.code_tables);
  if (set.mappings.empty() && errors->size() == before) {
    context.Error(context.At(root), "<mappings> holds no <mapping>");
  }
  if (errors->size() != before) return std::nullopt;
  return set;
}

std::vector<ConfigError> ResolveMappingUses(HubConfig* config, const PluginLookup& plugin_of) {
  std::vector<ConfigError> errors;
  Resolver resolver(*config, &errors);
  for (JobConfig& job : config->jobs) {
    bool uses = false;
    for (const MappingConfig& mapping : job.mappings) uses = uses || !mapping.use.empty();
    const ConnectorConfig* connector = config->FindConnector(job.connector);
    if (!uses) continue;
    const sdk::PluginDescription* plugin = connector != nullptr ? plugin_of(*connector) : nullptr;
    std::optional<std::vector<MappingConfig>> resolved;
    if (plugin != nullptr) resolved = resolver.Resolve(job, *plugin);
    if (resolved) {
      job.mappings = std::move(*resolved);
    } else {
      // What cannot be resolved is reported (or its plugin is): the job keeps only what it writes itself, so
      // that compiling it reports no problem of a half-resolved mapping.
      std::erase_if(job.mappings, [](const MappingConfig& mapping) { return !mapping.use.empty(); });
    }
  }
  return errors;
}

}  // namespace hub::config
