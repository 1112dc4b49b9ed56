package httpapi

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// AuditEventOut is one audit event. During a masquerade actorId is the
// user acted as and impersonatorId the person acting; for MASQUERADE_*
// events actorId is the impersonator and targetId the user acted as.
type AuditEventOut struct {
	ID             string         `json:"id"`
	Action         string         `json:"action" doc:"e.g. MASQUERADE_START, MASQUERADE_DENIED, MASQUERADE_END, GRANT_CREATED, GRANT_USED, GRANT_REVOKED"`
	ActorID        *string        `json:"actorId"`
	ActorEmail     string         `json:"actorEmail"`
	ImpersonatorID *string        `json:"impersonatorId"`
	TargetID       *string        `json:"targetId"`
	TargetEmail    string         `json:"targetEmail"`
	TenantID       *string        `json:"tenantId"`
	IPAddress      string         `json:"ipAddress"`
	UserAgent      string         `json:"userAgent"`
	SessionID      *string        `json:"sessionId"`
	Reason         string         `json:"reason"`
	Detail         map[string]any `json:"detail"`
	CreatedAt      time.Time      `json:"createdAt"`
}

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

type auditLogIn struct {
	PageParams
	Action    string `query:"action" maxLength:"500" doc:"one action, or several separated by commas"`
	ActorID   string `query:"actor_id" maxLength:"64"`
	TargetID  string `query:"target_id" maxLength:"64"`
	TenantID  string `query:"tenant_id" maxLength:"64" doc:"platform only; a business sees its own events"`
	StartDate string `query:"start_date" maxLength:"40" doc:"YYYY-MM-DD (from its start, UTC) or an RFC 3339 instant"`
	EndDate   string `query:"end_date" maxLength:"40" doc:"YYYY-MM-DD (to its end, UTC) or an RFC 3339 instant"`
}

// filter turns the query into an audit.Filter, naming bad parameters.
func (in *auditLogIn) filter() (audit.Filter, error) {
	f := audit.Filter{ActorID: in.ActorID, TargetID: in.TargetID, TenantID: in.TenantID, Limit: in.limit(), Offset: in.offset()}
	var v errs.Validation
	for _, a := range strings.Split(in.Action, ",") {
		if a = strings.ToUpper(strings.TrimSpace(a)); a != "" {
			f.Actions = append(f.Actions, audit.Action(a))
		}
	}
	for _, id := range []struct{ loc, v string }{{"query.actor_id", in.ActorID}, {"query.target_id", in.TargetID}, {"query.tenant_id", in.TenantID}} {
		if _, err := uuid.Parse(id.v); id.v != "" && err != nil {
			v.Add(id.loc, "%q is not an id", id.v)
		}
	}
	instant := func(loc, s string, endOfDay bool) time.Time {
		if s == "" {
			return time.Time{}
		}
		if d, err := time.Parse(time.DateOnly, s); err == nil {
			if endOfDay {
				d = d.AddDate(0, 0, 1)
			}
			return d
		}
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			v.Add(loc, "%q is neither a date (YYYY-MM-DD) nor an RFC 3339 instant", s)
		}
		return t
	}
	f.From = instant("query.start_date", in.StartDate, false)
	f.To = instant("query.end_date", in.EndDate, true)
	return f, v.Err()
}

// auditLog lists audit events: all of them for platform staff, the access
// events of its own business for a tenant owner (access transparency).
func (s *Server) auditLog(ctx context.Context, in *auditLogIn) (*struct{ Body Page[AuditEventOut] }, error) {
	f, err := in.filter()
	if err != nil {
		return nil, err
	}
	list, total, err := s.Identity.AuditLog(ctx, principalFrom(ctx), f)
	if err != nil {
		return nil, err
	}
	out := make([]AuditEventOut, len(list))
	for i, e := range list {
		out[i] = AuditEventOut{ID: e.ID, Action: string(e.Action), ActorID: orNull(e.ActorID), ActorEmail: e.ActorEmail,
			ImpersonatorID: orNull(e.ImpersonatorID), TargetID: orNull(e.TargetID), TargetEmail: e.TargetEmail,
			TenantID: orNull(e.TenantID), IPAddress: e.IP, UserAgent: e.UserAgent, SessionID: orNull(e.SessionID),
			Reason: e.Reason, Detail: e.Detail, CreatedAt: e.CreatedAt}
	}
	return &struct{ Body Page[AuditEventOut] }{page(&in.PageParams, total, out)}, nil
}
