package httpapi_test

import (
	"encoding/json"
	"fmt"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"net/url"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/httpapi"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// TestNoServerErrorsForBadInput walks the route table and sends every route,
// as a caller its rule allows (the owner of a business on its host, a
// superuser on the platform host, anonymous callers on public routes), a
// battery of hostile input: malformed JSON, bodies of the wrong shape, every
// body property and query parameter replaced in turn by nulls, huge and
// negative numbers, empty, huge and NUL-carrying strings, invalid UUIDs and
// another business's ids, impossible dates, times and zones; path ids that
// are invalid or another business's; repeated and unknown parameters,
// trailing-slash variants and wrong methods. No answer may be a 500; every
// 4xx is a problem document, and a 400 names what was wrong.
func TestNoServerErrorsForBadInput(t *testing.T) {
	if testing.Short() {
		t.Skip("long: thousands of requests")
	}
	r := newRobust(t)
	started := time.Now()
	for _, rt := range r.e.srv.Routes() {
		r.route(rt)
	}
	t.Logf("%d requests in %v", r.sent.Load(), time.Since(started).Round(time.Millisecond))
	for _, rt := range r.e.srv.Routes() {
		if why, tried := r.why[rt.Method+" "+rt.Path]; tried && !r.reached[rt.Method+" "+rt.Path] {
			t.Logf("plausible request refused (the battery stops at its checks): %s %s: %.200s", rt.Method, rt.Path, why)
		}
	}
}

// robust is the fixture: two businesses with one of everything each, their
// owners, a customer, a superuser, and the ids of each business's objects.
type robust struct {
	t    *testing.T
	e    *env
	sent atomic.Int64

	acmeID, globexID, spareID string // spareID: a business the platform battery may delete
	owner, customer, super    *identity.User
	own, foreign, platform    map[string]string // collection -> an object's id
	day                       string            // a bookable date a week ahead
	failures                  int
	reached                   map[string]bool   // routes whose plausible request succeeded
	why                       map[string]string // else the first answer of one
	onPlatform                bool              // the battery under way is on the platform host
}

func newRobust(t *testing.T) *robust {
	e := newEnv(t)
	r := &robust{t: t, e: e, own: map[string]string{}, foreign: map[string]string{}, platform: map[string]string{}, reached: map[string]bool{}, why: map[string]string{}}
	acme, globex, spare := e.tenant("Acme", "acme"), e.tenant("Globex", "globex"), e.tenant("Spare", "spare")
	r.acmeID, r.globexID, r.spareID = acme.ID, globex.ID, spare.ID
	r.day = e.clock.Now().AddDate(0, 0, 7).Format(time.DateOnly)

	// Owners sign in for real; the battery then uses fresh sessions of
	// the same users (some inputs end the session they come with).
	r.owner = e.user("owner@acme.example", access.TenantOwner, acme.ID)
	globexOwner := e.user("owner@globex.example", access.TenantOwner, globex.ID)
	r.super = e.user("root@platform.example", access.Superuser, "")
	r.customer = e.user("customer@acme.example", access.Customer, acme.ID)
	r.seed("acme.localhost", r.signIn("acme.localhost", r.owner), r.own)
	r.seed("globex.localhost", r.signIn("globex.localhost", globexOwner), r.foreign)
	su := r.signIn("platform.localhost", r.super)

	// Platform objects: businesses, users, tickets, invitations, grants.
	r.platform["businesses"] = spare.ID
	r.platform["users"] = r.own["staff"]
	r.platform["tickets"] = r.own["tickets"]
	platformStaff := e.user("support@platform.example", access.PlatformSupport, "")
	r.platform["staff"] = platformStaff.ID
	r.platform["invitations"] = r.mustCreate("platform.localhost", "/api/platform/staff/invitations/", su,
		`{"email":"new-support@platform.example","role":"PLATFORM_SUPPORT"}`)
	r.platform["business-invitations"] = r.mustCreate("platform.localhost", "/api/platform/business-invitations/", su,
		`{"email":"founder@example.com","tier":"professional","businessName":"Founders"}`)
	r.platform["permission-grants"] = r.mustCreate("platform.localhost", "/api/platform/permission-grants/", su,
		`{"granteeId":"`+platformStaff.ID+`","action":"platform.audit.read","reason":"robustness"}`)
	return r
}

func (r *robust) signIn(host string, u *identity.User) []string {
	code, body, _ := r.e.login(host, u.Email, testPassword)
	if code != 200 {
		r.t.Fatalf("sign-in of %s on %s: %d %v", u.Email, host, code, body)
	}
	return bearer(body["access"].(string))
}

func (r *robust) mustCreate(host, path string, hdr []string, body string) string {
	r.t.Helper()
	code, _, doc := r.e.do("POST", host, path, body, hdr...)
	if code != 201 && code != 200 {
		r.t.Fatalf("seed POST %s on %s: %d %v", path, host, code, doc)
	}
	id, _ := doc["id"].(string)
	return id
}

// seed creates one object of every kind on a business and records its ids.
func (r *robust) seed(host string, owner []string, ids map[string]string) {
	r.t.Helper()
	slug := strings.TrimSuffix(host, ".localhost")
	ids["resources"] = r.mustCreate(host, "/api/resources/", owner, `{"name":"Chair","type":"STAFF"}`)
	ids["services"] = r.mustCreate(host, "/api/services/", owner, `{"name":"Cut","durationMinutes":30,"price":30}`)
	ids["customers"] = r.mustCreate(host, "/api/customers/", owner, `{"name":"Ann","email":"ann@`+slug+`.example"}`)
	ids["appointments"] = r.mustCreate(host, "/api/appointments/", owner, fmt.Sprintf(
		`{"customerId":%q,"resourceId":%q,"serviceId":%q,"startTime":"%sT09:00:00Z"}`,
		ids["customers"], ids["resources"], ids["services"], r.day))
	ids["blockers"] = r.mustCreate(host, "/api/blockers/", owner, fmt.Sprintf(
		`{"resourceId":%q,"startTime":"%sT14:00:00Z","endTime":"%sT15:00:00Z","title":"Lunch"}`, ids["resources"], r.day, r.day))
	ids["overrides"] = r.mustCreate(host, "/api/business-hours/overrides/", owner, `{"date":"2026-12-24","closed":true}`)
	ids["tickets"] = r.mustCreate(host, "/api/tickets/", owner, `{"subject":"Help","description":"It broke"}`)
	ids["invitations"] = r.mustCreate(host, "/api/staff/invitations/", owner, `{"email":"invitee@`+slug+`.example","role":"TENANT_STAFF"}`)
	tenantID := map[string]string{"acme.localhost": r.acmeID, "globex.localhost": r.globexID}[host]
	manager := r.e.user("manager@"+slug+".example", access.TenantManager, tenantID)
	ids["staff"] = manager.ID
	ids["permission-grants"] = r.mustCreate(host, "/api/permission-grants/", owner,
		`{"granteeId":"`+manager.ID+`","action":"audit.own","reason":"robustness"}`)
	r.e.user("support-"+slug+"@platform.example", access.PlatformSupport, "")
	ids["support-access"] = r.mustCreate(host, "/api/support-access/", owner,
		`{"durationMinutes":60,"reason":"robustness","supportEmail":"support-`+slug+`@platform.example"}`)
	_, _, me := r.e.do("GET", host, "/api/auth/sessions/", "", owner...)
	if list, _ := me["results"].([]any); len(list) > 0 {
		ids["sessions"], _ = list[0].(map[string]any)["id"].(string)
	}
	if ids["sessions"] == "" {
		ids["sessions"] = uuid.NewString()
	}
}

// caller is one way to call a route that its rule allows.
type robustCaller struct {
	name, host string
	user       *identity.User // nil: anonymous
}

func (r *robust) callers(rt httpapi.Route) []robustCaller {
	rule := rt.Rule
	switch {
	case rule.Scope == access.ScopeApex:
		return []robustCaller{{"anonymous", "localhost", nil}}
	case rule.Scope == access.ScopePlatform:
		return []robustCaller{{"superuser", "platform.localhost", r.super}}
	case rule.Scope == access.ScopeTenant && rule.Public && strings.HasPrefix(rt.Path, "/api/booking"):
		return []robustCaller{{"anonymous", "acme.localhost", nil}, {"customer", "acme.localhost", r.customer}}
	case rule.Scope == access.ScopeTenant && rule.Public:
		return []robustCaller{{"anonymous", "acme.localhost", nil}}
	case rule.Scope == access.ScopeTenant:
		return []robustCaller{{"owner", "acme.localhost", r.owner}}
	case rule.Public:
		return []robustCaller{{"anonymous", "acme.localhost", nil}, {"anonymous", "platform.localhost", nil}}
	}
	return []robustCaller{{"owner", "acme.localhost", r.owner}, {"superuser", "platform.localhost", r.super}}
}

// route sends one route its battery.
func (r *robust) route(rt httpapi.Route) {
	if rt.Path == "/api/openapi.json" || rt.Path == "/api/openapi.yaml" || rt.Path == "/api/docs" || rt.Path == "/" {
		return // static documents, no input; the web app is static_test.go's
	}
	op := r.operation(rt)
	for _, c := range r.callers(rt) {
		for _, path := range r.paths(rt, c) {
			r.battery(rt, op, c, path)
		}
	}
}

// operation finds the route's OpenAPI operation (nil for plain routes).
func (r *robust) operation(rt httpapi.Route) *huma.Operation {
	item := r.e.srv.OpenAPI().Paths[rt.Path]
	if item == nil {
		return nil
	}
	return map[string]*huma.Operation{"GET": item.Get, "POST": item.Post, "PUT": item.Put, "PATCH": item.Patch, "DELETE": item.Delete}[rt.Method]
}

// paths is the route's path with its parameters filled: the caller's own
// object first (so that hostile bodies reach the handler), then another
// business's object and invalid ids.
type robustPath struct {
	path    string
	kind    string // "own", "foreign", "invalid"
	bodyToo bool   // send the whole body battery to this path
}

func (r *robust) paths(rt httpapi.Route, c robustCaller) (out []robustPath) {
	if !strings.Contains(rt.Path, "{") {
		return []robustPath{{rt.Path, "own", true}}
	}
	i := strings.Index(rt.Path, "{")
	param := rt.Path[i+1 : i+strings.Index(rt.Path[i:], "}")]
	fill := func(v string) string { return strings.Replace(rt.Path, "{"+param+"}", v, 1) }
	switch param {
	case "key":
		out = append(out, robustPath{fill("business"), "own", false}, robustPath{fill("robust-plan"), "own", true})
	case "token":
		out = append(out, robustPath{fill("ss_inv_" + strings.Repeat("x", 43)), "invalid", true})
	case "schema":
		out = append(out, robustPath{fill("Nothing"), "invalid", false})
	case "domain":
		out = append(out, robustPath{fill("book.robust-example.com"), "own", true}, robustPath{fill("xn--"), "invalid", false})
	default:
		coll := collectionOf(rt.Path)
		ids, onPlatform := r.own, c.host == "platform.localhost" && strings.HasPrefix(rt.Path, "/api/platform/")
		if onPlatform {
			ids = r.platform
		}
		if id := ids[coll]; id != "" {
			out = append(out, robustPath{fill(id), "own", true})
		} else {
			r.t.Errorf("%s %s: no seeded %q id", rt.Method, rt.Path, coll)
		}
		if id := r.foreign[coll]; id != "" && !onPlatform {
			out = append(out, robustPath{fill(id), "foreign", false})
		}
	}
	defer func() { // later parameters (…/{id}/domains/{domain}) get a plausible value
		for i := range out {
			out[i].path = strings.NewReplacer("{domain}", "book.robust-example.com", "{id}", uuid.NewString()).Replace(out[i].path)
		}
	}()
	for _, bad := range []string{"not-a-uuid", uuid.NewString(), "00000000-0000-0000-0000-00000000000g", "%00", "%C3%BC%E2%80%AE",
		strings.Repeat("a", 2000), "'%20OR%201=1--", "..%2F..%2Fetc"} {
		out = append(out, robustPath{fill(bad), "invalid", false})
	}
	return out
}

// collectionOf names the collection of the path's first parameter:
// /api/business-hours/overrides/{id} → overrides.
func collectionOf(p string) string {
	p = p[:strings.Index(p, "{")]
	parts := strings.Split(strings.Trim(p, "/"), "/")
	return parts[len(parts)-1]
}

// battery sends the hostile variants of one route on one path.
func (r *robust) battery(rt httpapi.Route, op *huma.Operation, c robustCaller, p robustPath) {
	send := func(method, path, body string, hdr ...string) {
		r.check(rt, c, method, path, body, p.kind, hdr...)
	}
	r.onPlatform = c.host == "platform.localhost"
	query := r.baseQuery(op)
	base := p.path + "/"
	if query != "" {
		base += "?" + query
	}
	var body any
	hasBody := op != nil && op.RequestBody != nil
	if hasBody {
		body = r.plausible("", r.bodySchema(op), 0)
	}
	plain := func() string {
		if !hasBody {
			return ""
		}
		return mustJSON(body)
	}
	// The plausible request itself, with and without the trailing slash.
	send(rt.Method, base, plain())
	send(rt.Method, strings.Replace(p.path+"/?"+query, "/?", "?", 1), plain())
	if !p.bodyToo {
		return
	}
	send(rt.Method, p.path+"//", plain())
	// Wrong methods.
	for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
		if m != rt.Method && !r.served(m, rt.Path) {
			send(m, p.path+"/", `{}`)
		}
	}
	// Query parameters: unknown, repeated, and each one hostile in turn.
	sep := "?"
	if query != "" {
		sep = "&"
	}
	send(rt.Method, base+sep+"zz_unknown=1&zz_unknown=2", plain())
	if op != nil {
		for _, prm := range op.Parameters {
			if prm.In != "query" {
				continue
			}
			for _, v := range hostileQuery(r.foreign["resources"]) {
				q, _ := url.ParseQuery(query)
				q.Del(prm.Name)
				qs := q.Encode()
				if qs != "" {
					qs += "&"
				}
				send(rt.Method, p.path+"/?"+qs+url.QueryEscape(prm.Name)+"="+v, plain())
			}
			q, _ := url.ParseQuery(query)
			if vals := q[prm.Name]; len(vals) > 0 {
				send(rt.Method, base+"&"+prm.Name+"="+url.QueryEscape(vals[0]), plain())
			}
		}
		for _, prm := range op.Parameters {
			if prm.In == "header" {
				for _, v := range []string{"", strings.Repeat("k", 10<<10), "a\x00b", "\u202e"} {
					send(rt.Method, base, plain(), prm.Name, v)
				}
			}
		}
	}
	if !hasBody {
		return
	}
	// Malformed and wrongly shaped bodies.
	for _, raw := range []string{"{", `{"a":`, `[]`, `[{}]`, `"x"`, `1e308`, `null`, `true`, "", `{}`, "\xff\xfe\xfd",
		`{"a":"\u0000"}`, `"` + strings.Repeat("x", 10<<10) + `"`, strings.Repeat("[", 20000), `{"a":1,"a":2}`,
		`{"` + strings.Repeat("k", 70<<10) + `":1}`} {
		send(rt.Method, base, raw)
	}
	// Null everywhere, unknown members.
	if m, ok := body.(map[string]any); ok {
		nulls := map[string]any{}
		for k := range m {
			nulls[k] = nil
		}
		send(rt.Method, base, mustJSON(nulls))
		withUnknown := map[string]any{"zzUnknown": 1}
		for k, v := range m {
			withUnknown[k] = v
		}
		send(rt.Method, base, mustJSON(withUnknown))
	}
	// Every property (two levels deep) hostile in turn.
	for _, path := range leaves(body, nil, 0) {
		for _, v := range hostileValues(r.foreign) {
			send(rt.Method, base, mustJSON(replaced(body, path, v)))
		}
	}
}

// served says whether the route table has method on path.
func (r *robust) served(method, path string) bool {
	for _, rt := range r.e.srv.Routes() {
		if rt.Method == method && rt.Path == path {
			return true
		}
	}
	return false
}

// check sends one request and judges its answer.
func (r *robust) check(rt httpapi.Route, c robustCaller, method, path, body, kind string, hdr ...string) {
	r.t.Helper()
	r.sent.Add(1)
	if c.user != nil {
		hdr = append(hdr, bearer(r.e.session(c.user))...)
	}
	if strings.HasPrefix(path, "/ws/") {
		hdr = append(hdr, "Origin", "http://"+c.host)
	}
	rec := r.e.Do(apptest.Request{Method: method, Host: c.host, Path: path, Body: body, Header: hdr})
	code := rec.Status
	what := fmt.Sprintf("%s %s (route %s %s) as %s on %s, body %.200q", method, shorten(path), rt.Method, rt.Path, c.name, c.host, body)
	fail := func(format string, args ...any) {
		r.failures++
		if r.failures <= 200 {
			r.t.Errorf("%s: "+format, append([]any{what}, args...)...)
		}
	}
	if code >= 500 {
		fail("%d %.300s", code, string(rec.Body))
		return
	}
	// Another business's object is unknown here: 404, or the 400 of a body
	// refused before any lookup (which says nothing about the object).
	if kind == "foreign" && method == rt.Method && code != 404 && (code != 400 || !strings.Contains(string(rec.Body), `"body.`)) {
		fail("another business's object answered %d, want 404: %.200s", code, string(rec.Body))
	}
	if code < 400 {
		// A success must be what it says: a JSON answer that parses.
		if ct := rec.Header.Get("Content-Type"); strings.Contains(ct, "json") && len(rec.Body) > 0 && !json.Valid(rec.Body) {
			fail("%d with a body that is not JSON: %.200s", code, string(rec.Body))
		}
		if method == rt.Method {
			r.reached[rt.Method+" "+rt.Path] = true
		}
		return
	}
	if key := rt.Method + " " + rt.Path; method == rt.Method && r.why[key] == "" {
		r.why[key] = fmt.Sprint(code, " ", string(rec.Body))
	}
	if ct := rec.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		fail("%d with Content-Type %q, want a problem document: %.200s", code, ct, string(rec.Body))
		return
	}
	var doc struct {
		Detail string `json:"detail"`
		Errors []struct {
			Location string `json:"location"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body, &doc); err != nil {
		fail("%d: problem document is not JSON: %v", code, err)
		return
	}
	if code == 400 {
		named := doc.Detail != ""
		for _, e := range doc.Errors {
			named = named || e.Location != ""
		}
		if !named {
			fail("400 names no input: %s", string(rec.Body))
		}
	}
}

func shorten(s string) string {
	if len(s) > 160 {
		return s[:160] + "…"
	}
	return s
}

// bodySchema resolves the operation's JSON request body schema.
func (r *robust) bodySchema(op *huma.Operation) *huma.Schema {
	ct := op.RequestBody.Content["application/json"]
	if ct == nil {
		for _, v := range op.RequestBody.Content {
			ct = v
		}
	}
	if ct == nil {
		return nil
	}
	return ct.Schema
}

func (r *robust) resolve(s *huma.Schema) *huma.Schema {
	if s != nil && s.Ref != "" {
		return r.e.srv.OpenAPI().Components.Schemas.SchemaFromRef(s.Ref)
	}
	return s
}

var uniq atomic.Int64

// plausible builds a value of the schema that a client could well send.
func (r *robust) plausible(name string, s *huma.Schema, depth int) any {
	s = r.resolve(s)
	if s == nil || depth > 4 {
		return nil
	}
	for _, v := range s.Enum {
		if v != nil && v != "" {
			return v
		}
	}
	lower := strings.ToLower(name)
	switch s.Type {
	case "object":
		m := map[string]any{}
		keys := make([]string, 0, len(s.Properties))
		for k := range s.Properties {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if p := s.Properties[k]; !p.ReadOnly {
				m[k] = r.plausible(k, p, depth+1)
			}
		}
		return m
	case "array":
		return []any{r.plausible(strings.TrimSuffix(name, "s"), s.Items, depth+1)}
	case "integer":
		switch {
		case strings.HasPrefix(lower, "max"):
			return 0 // no limit
		case strings.Contains(lower, "minutes"):
			return 30
		case strings.Contains(lower, "day") && !strings.Contains(lower, "days"):
			return 1
		}
		return 2
	case "number":
		return 10
	case "boolean":
		return lower == "isactive"
	case "string", "":
	default:
		return nil
	}
	switch {
	case s.Format == "date-time" || strings.HasSuffix(name, "Time") && !strings.HasPrefix(name, "open") && !strings.HasPrefix(name, "close"):
		return r.day + "T10:00:00Z"
	case s.Format == "date" || lower == "date" || strings.HasSuffix(lower, "date"):
		return r.day
	case strings.HasSuffix(name, "Id") || s.Format == "uuid":
		return r.idFor(name)
	case strings.HasSuffix(name, "Ids"):
		return r.idFor(strings.TrimSuffix(name, "s"))
	case strings.Contains(lower, "email"):
		return fmt.Sprintf("robust%d@example.com", uniq.Add(1))
	case strings.HasPrefix(lower, "open") || strings.HasPrefix(lower, "close") || strings.HasPrefix(lower, "start") || strings.HasPrefix(lower, "end"):
		return "10:00"
	case strings.Contains(lower, "zone"):
		return "Europe/Berlin"
	case strings.Contains(lower, "color") || strings.Contains(lower, "colour"):
		return "#336699"
	case strings.Contains(lower, "url"):
		return "https://example.com/logo.png"
	case strings.Contains(lower, "password"):
		return "Plum-Harbor-93-lantern"
	case lower == "slug" || strings.HasSuffix(lower, "subdomain"):
		return fmt.Sprintf("robust%d", uniq.Add(1))
	case lower == "plan" || lower == "tier":
		return "professional"
	case lower == "price" || strings.HasSuffix(lower, "fee") || strings.HasSuffix(lower, "amount"):
		return "10.00"
	case lower == "currency":
		return "EUR"
	case lower == "role" && r.onPlatform:
		return "PLATFORM_SUPPORT"
	case lower == "role":
		return "TENANT_STAFF"
	case lower == "action" && r.onPlatform:
		return "platform.audit.read"
	case lower == "action":
		return "audit.own"
	case lower == "rrule":
		return "FREQ=WEEKLY;BYDAY=MO"
	}
	return "Robust"
}

// idFor is an own object's id for a body member named like customerId.
func (r *robust) idFor(name string) string {
	switch strings.TrimSuffix(strings.ToLower(name), "id") {
	case "customer":
		return r.own["customers"]
	case "resource":
		return r.own["resources"]
	case "service":
		return r.own["services"]
	case "user", "grantee", "assignee":
		if r.onPlatform {
			return r.platform["staff"]
		}
		return r.own["staff"]
	case "tenant", "business":
		return r.acmeID
	}
	return uuid.NewString()
}

// baseQuery fills the query parameters a client would usually send.
func (r *robust) baseQuery(op *huma.Operation) string {
	if op == nil {
		return ""
	}
	q := url.Values{}
	for _, p := range op.Parameters {
		if p.In != "query" {
			continue
		}
		switch n := p.Name; {
		case n == "date" || n == "start_date":
			q.Set(n, r.day)
		case n == "end_date":
			q.Set(n, r.e.clock.Now().AddDate(0, 0, 14).Format(time.DateOnly))
		case n == "timezone":
			q.Set(n, "Europe/Berlin")
		case n == "when" || n == "start_time":
			q.Set(n, r.day+"T10:00:00Z")
		case n == "service_id":
			q.Set(n, r.own["services"])
		case n == "resource_id" || n == "resource_ids":
			q.Set(n, r.own["resources"])
		case n == "customer_id":
			q.Set(n, r.own["customers"])
		}
	}
	return q.Encode()
}

// hostileQuery are query parameter values, already escaped.
func hostileQuery(foreignID string) []string {
	return []string{"", "%00", "a%00b", url.QueryEscape(strings.Repeat("q", 10<<10)), "2026-02-30", "2026-13-01", "25:00",
		"2026-02-30T25:00:00Z", "9999-12-31", "9999-12-31T23:59:00Z", "0001-01-01", "Mars%2FBase", "..%2F..%2Fetc%2Fpasswd", "-1", "0", "1e308", "9223372036854775807", "9223372036854775808",
		"-9223372036854775809", "NaN", "not-a-uuid", foreignID, "%FF%FE", "true", "%E2%80%AE"}
}

// hostileValues replace one body member at a time.
func hostileValues(foreign map[string]string) []any {
	return []any{nil, "", strings.Repeat("x", 10<<10), "a\u0000b", "\u202e\U0001F600", "not-a-uuid",
		foreign["resources"], foreign["customers"], foreign["staff"],
		"2026-02-30", "25:00", "Mars/Base", "2026-02-30T25:00:00Z", "9999-12-31T23:59:00Z", "0001-01-01T00:00:00Z",
		json.Number("1e308"), json.Number("9223372036854775808"), json.Number("-9223372036854775809"), json.Number("1e400"),
		-1, 0, 1.5, true, []any{}, map[string]any{}, []any{nil}, []any{"not-a-uuid", "not-a-uuid"}}
}

// leaves lists the paths of v's members, two levels deep.
func leaves(v any, prefix []any, depth int) [][]any {
	var out [][]any
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := append(append([]any{}, prefix...), k)
			out = append(out, p)
			if depth < 2 {
				out = append(out, leaves(x[k], p, depth+1)...)
			}
		}
	case []any:
		if len(x) > 0 {
			p := append(append([]any{}, prefix...), 0)
			out = append(out, p)
			if depth < 2 {
				out = append(out, leaves(x[0], p, depth+1)...)
			}
		}
	}
	return out
}

// replaced is a deep copy of v with the member at path set to nv.
func replaced(v any, path []any, nv any) any {
	if len(path) == 0 {
		return nv
	}
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = e
		}
		k := path[0].(string)
		m[k] = replaced(x[k], path[1:], nv)
		return m
	case []any:
		l := append([]any{}, x...)
		i := path[0].(int)
		l[i] = replaced(x[i], path[1:], nv)
		return l
	}
	return v
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
