// Our people's tasks in the API (the callbacks the call center's missed calls make, follow-ups): listed for a
// person or a customer, and settled by the person who did them.
#ifndef HUB_SERVICE_TASK_ROUTES_HPP_
#define HUB_SERVICE_TASK_ROUTES_HPP_

#include "api/router.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// Adds, per docs/openapi.yaml (`store` must outlive the router's handlers):
//   GET  /api/v1/tasks                 read     {"tasks":[...]}: in id order, each with its kind, status, subject,
//                                               party {id, name}, assignee {employee_number, name}, activity and
//                                               lead ids, due_at, created_at and done_at; ?status=open (the
//                                               default) | done | cancelled | all, ?kind=callback|follow_up,
//                                               ?assignee=<employee number>, ?party_id=<id>, ?after=<id>,
//                                               ?limit=1..1000 (100); 400 for another value
//   POST /api/v1/tasks/{id}/done       operate  settles the open task (done_at now) with a "task.done" event naming
//   POST /api/v1/tasks/{id}/cancel     operate  the token's holder (done_by), "task.cancelled" likewise; 200
//                                               {"task":{...}}; a task settled before is answered as it is (no
//                                               second event); 404 unknown task
// An answered call settles its party's callbacks by itself (store/model/activity_follow_ups.hpp).
sdk::Status AddTaskRoutes(api::Router& router, odbc::Database& store);

}  // namespace hub::service

#endif  // HUB_SERVICE_TASK_ROUTES_HPP_
