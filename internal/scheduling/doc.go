// Package scheduling holds SmoothSchedule's scheduling domain — resources,
// services, business hours, blockers, customers and appointments — and the
// availability engine, a pure function of its inputs and a clock.
//
// The package imports neither net/http nor a database driver. Errors are
// *errs.Error values whose fields carry domain names ("durationMinutes",
// "customer.email", "service_id"); the HTTP edge turns each into its
// location in the request (body, query or path) once.
//
// Time is handled as instants (time.Time) plus IANA zones. Opening hours and
// recurring blockers are civil (wall-clock) times, turned into instants per
// date in the zone they belong to, so they stay put across DST changes. The
// IANA database is embedded (time/tzdata), so zones work on machines without
// one.
package scheduling

import _ "time/tzdata" // zones must load on hosts without /usr/share/zoneinfo
