package httpapi

import (
	"context"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// business is the request's tenant as scheduling sees it, taken from the
// tenant its host resolved to (whose zone the resolver loaded, once). It is
// the one way the tenant reaches scheduling: every service method takes it.
// A stored zone that names no zone (writes refuse them) is an error, never
// silently UTC. A server built without scheduling keeps its routes and
// answers them 404.
func (s *Server) business(ctx context.Context) (scheduling.Business, error) {
	t := tenancy.TenantFrom(ctx)
	switch {
	case s.Scheduling == nil:
		return scheduling.Business{}, errs.E(errs.NotFound, "scheduling is not enabled on this server")
	case t == nil:
		return scheduling.Business{}, errs.E(errs.Internal, "scheduling outside a business's site")
	case t.Zone == nil:
		return scheduling.Business{}, errs.E(errs.Internal, "the business's time zone %q is not an IANA zone; set one in the business settings", t.TimeZone)
	}
	return scheduling.Business{
		ID: t.ID, Schema: t.Schema, Plan: t.Plan, Zone: t.Zone,
		Cancellation: scheduling.CancellationPolicy{
			WindowHours: t.Policies.CancellationWindowHours, LateFeePercent: t.Policies.LateCancellationFeePercent,
		},
		RequirePaymentMethod:   t.Policies.RequirePaymentMethodToBook,
		ResourcesCanReschedule: t.Policies.ResourcesCanReschedule,
	}, nil
}

// deleted answers the DELETE of one object: a malformed id names nothing
// (404 like any unknown one); del is the service's method.
func (s *Server) deleted(ctx context.Context, what, id string, del func(context.Context, scheduling.Business, string) error) (*struct{ Status int }, error) {
	if err := pathID(what, id); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	if err := del(ctx, b, id); err != nil {
		return nil, err
	}
	return &struct{ Status int }{204}, nil
}

// caller is the signed-in principal as the appointments' object checks
// see it (anonymous: nobody, who reads and changes nothing; a manage
// token is a claim of its own, scheduling.SelfService).
func (s *Server) caller(ctx context.Context) scheduling.Caller {
	p := principalFrom(ctx)
	if p == nil {
		return scheduling.Caller{}
	}
	now := s.Now()
	return scheduling.Caller{UserID: p.UserID, CustomerID: p.CustomerID, Staff: p.Role == access.TenantStaff,
		ReadAll: p.Can(access.AppointmentsRead, now), ReadOwn: p.Can(access.AppointmentsOwn, now), WriteAll: p.Can(access.AppointmentsWrite, now)}
}

// active reads an is_active query parameter: "true" or "false", anything
// else selects both.
func active(v string) *bool {
	switch v {
	case "true", "false":
		return ptr(v == "true")
	}
	return nil
}

// paging is the page a list request asks for.
func paging(p *PageParams) scheduling.Paging {
	return scheduling.Paging{Limit: p.limit(), Offset: p.offset()}
}

// pathID checks a UUID in the path: a malformed one names nothing, so it is
// a 404 like any unknown id.
func pathID(what, id string) error {
	if uuid.Validate(id) != nil {
		return errs.E(errs.NotFound, "%s %s does not exist", what, id)
	}
	return nil
}

// bodyIDs checks UUIDs in a request body, naming the field.
func bodyIDs(loc string, ids ...string) error {
	for _, id := range ids {
		if id != "" && uuid.Validate(id) != nil {
			return errs.Field(loc, "%s %q is not a valid id (UUID)", loc[strings.LastIndex(loc, ".")+1:], id)
		}
	}
	return nil
}

// queryDate parses a YYYY-MM-DD query parameter.
func queryDate(name, v string) (scheduling.Date, error) {
	if v == "" {
		return scheduling.Date{}, errs.Field("query."+name, "%s is required (YYYY-MM-DD)", name)
	}
	d, err := scheduling.ParseDate(v)
	if err != nil {
		return d, errs.Field("query."+name, "%s %q is not a date (YYYY-MM-DD)", name, v)
	}
	return d, nil
}

// queryInstant parses an RFC 3339 query parameter.
func queryInstant(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, errs.Field("query."+name, "%s is required (RFC 3339, e.g. 2026-03-09T10:00:00+01:00)", name)
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return t, errs.Field("query."+name, "%s %q is not an RFC 3339 instant (e.g. 2026-03-09T10:00:00+01:00)", name, v)
	}
	return t, nil
}

// queryZone parses an IANA zone; empty means fallback.
func queryZone(name, v string, fallback *time.Location) (*time.Location, error) {
	if v == "" {
		return fallback, nil
	}
	loc, err := time.LoadLocation(v)
	if err != nil || v == "Local" {
		return nil, errs.Field("query."+name, "%s %q is not an IANA time zone such as Europe/Berlin", name, v)
	}
	return loc, nil
}

// queryUUID checks an optional UUID query parameter.
func queryUUID(name, v string) error {
	if v != "" && uuid.Validate(v) != nil {
		return errs.Field("query."+name, "%s %q is not a valid id (UUID)", name, v)
	}
	return nil
}

// splitList reads a parameter given comma-separated, repeated, or both.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// IDPath is the path input of routes on one object (exported: huma only
// reads the fields of exported embedded structs).
type IDPath struct {
	ID string `path:"id" doc:"the object's id (UUID)"`
}

// moneyIn accepts a price as a JSON number (50, 49.9) or a decimal string
// ("50.00").
type moneyIn struct {
	Set   bool
	Value scheduling.Money
	raw   string
}

// Schema implements huma.SchemaProvider.
func (moneyIn) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{Description: `decimal amount, as a string ("50.00") or a number`, AnyOf: []*huma.Schema{{Type: "string"}, {Type: "number"}}}
}

// UnmarshalJSON implements json.Unmarshaler. A malformed amount is kept
// and reported by check, with the field's location.
func (m *moneyIn) UnmarshalJSON(b []byte) error {
	m.Set, m.raw = true, strings.Trim(string(b), `"`)
	v, err := scheduling.ParseMoney(m.raw)
	if err != nil {
		v = -1
	}
	m.Value = v
	return nil
}

func (m moneyIn) check(loc string) error {
	if m.Set && m.Value < 0 {
		return errs.Field(loc, "price %q is not a non-negative amount like 50.00", m.raw)
	}
	return nil
}

func minutesOf(d time.Duration) int { return int(d / time.Minute) }

func ptr[T any](v T) *T { return &v }
