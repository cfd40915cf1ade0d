#include "mail_sender_fixture.hpp"

namespace hub::email::test {

void WriteTemplates(const hub::test::TempDir& dir) {
  dir.Write("templates/task.created.subject", "新任务：{{fields.subject}} — {{document.party.name|客户}}\n");
  dir.Write("templates/task.created.txt",
            "{{fields.owner_name|您好}}，\n\n您有一个新任务：{{fields.subject}}\n截止日期：{{fields.due_date}}\n");
  dir.Write("templates/task.created.html", "<p>新任务：<b>{{fields.subject}}</b></p>\n");
  dir.Write("templates/task.created.to", "{{fields.owner_name|}} <{{fields.owner_email}}>\n");
  dir.Write("templates/party.created.subject", "New customer: {{fields.name}}");
  dir.Write("templates/party.created.txt", "{{fields.name}} ({{fields.country}}) joined. Event {{event.id}}.\n");
  dir.Write("templates/README", "not a template: ignored");
}

OutboundMailOptions Options(const hub::test::TempDir& dir, const std::string& url, const std::string& user,
                            const std::string& password, const std::string& ca_file, const std::string& to) {
  OutboundMailOptions options;
  options.server.url = url;
  options.server.user = user;
  options.server.password = password;
  options.server.ca_file = ca_file;
  options.server.timeout = std::chrono::seconds(30);
  options.from = {"hub@hub.test", "Hub 通知"};
  options.to = to;
  options.templates = dir.path() / "templates";
  options.message_id_domain = "hub.test";
  return options;
}

sdk::OutboundEvent TaskEvent(const std::string& event_id, const std::string& owner_email) {
  sdk::OutboundEvent event;
  event.kind = "task.created";
  event.entity = "task";
  event.id = "42";
  event.event_id = event_id;
  event.occurred_at_unix_ms = 1'767'607'200'000;
  event.payload_json = R"({"source_system":"crm","source_id":"T-9","fields":{"subject":"回访上海远航",
      "owner_name":"王经理","owner_email":")" +
                       owner_email + R"(","due_date":"2026-01-09"}})";
  return event;
}

}  // namespace hub::email::test
