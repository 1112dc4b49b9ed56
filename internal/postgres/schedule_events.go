package postgres

import (
	"strings"

	"github.com/smoothschedule/smoothschedule/internal/realtime"
)

// ScheduleChannel carries the tenant migration's schedule triggers.
const ScheduleChannel = "ss_schedule"

var tableKinds = map[string]string{"appointments": "appointment", "blockers": "blocker"}

// ScheduleEvent reads a notification of ScheduleChannel
// ("<schema>:<table>:<op>:<id>") into the tenant schema and its event.
func ScheduleEvent(payload string) (schema string, e realtime.Event, ok bool) {
	parts := strings.SplitN(payload, ":", 4)
	if len(parts) != 4 || !ValidSchema(parts[0]) || tableKinds[parts[1]] == "" {
		return "", e, false
	}
	return parts[0], realtime.Event{Kind: tableKinds[parts[1]], Op: parts[2], ID: parts[3]}, true
}
