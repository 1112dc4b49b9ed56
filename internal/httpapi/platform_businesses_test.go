package httpapi_test

import (
	"encoding/json"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"strings"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

const plat = "platform.localhost"

// TestBusinessesConsole: create (atomic, with its owner), search by owner
// email, detail with limits and usage, edit, overrides, export, delete.
func TestBusinessesConsole(t *testing.T) {
	e := newEnv(t)
	root := e.signIn("root@example.com", access.Superuser, "", plat)

	code, _, doc := e.do("POST", plat, "/api/platform/businesses/", map[string]any{"name": "Acme Salon", "subdomain": "acme",
		"plan": "free", "timezone": "Europe/Berlin", "ownerEmail": "ann@acme.example", "ownerName": "Ann Acme", "ownerPassword": "plum-harbour-77"}, root...)
	if code != 201 || doc["subdomain"] != "acme" || doc["ownerEmail"] != "ann@acme.example" {
		t.Fatalf("create: %d %v", code, doc)
	}
	id := doc["id"].(string)
	limits := doc["limits"].(map[string]any)
	if limits["maxResources"] != 2.0 || doc["usage"].(map[string]any)["users"] != 1.0 || len(doc["domains"].([]any)) != 1 {
		t.Errorf("detail: %v", doc)
	}
	// The owner signs in on the new host at once.
	if code, body, _ := e.login("acme.localhost", "ann@acme.example", "plum-harbour-77"); code != 200 {
		t.Fatalf("owner login: %d %v", code, body)
	}
	if code, _, doc := e.do("GET", plat, "/api/platform/businesses/"+id+"/", nil, root...); code != 200 || doc["lastActivity"] == nil {
		t.Errorf("last activity after the owner's sign-in: %d %v", code, doc["lastActivity"])
	}

	// Bad input: every problem named, nothing created.
	cases := []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"name": "X", "subdomain": "acme", "ownerEmail": "b@x.example", "ownerPassword": "plum-harbour-77"}, "body.subdomain"},
		{map[string]any{"name": "X", "subdomain": "xco", "plan": "platinum", "ownerEmail": "b@x.example", "ownerPassword": "plum-harbour-77"}, "body.plan"},
		{map[string]any{"name": "X", "subdomain": "xco", "ownerEmail": "not-an-email", "ownerPassword": "plum-harbour-77"}, "body.ownerEmail"},
		{map[string]any{"name": "X", "subdomain": "xco", "ownerEmail": "b@x.example", "ownerPassword": "short"}, "body.ownerPassword"},
		{map[string]any{"name": "X", "subdomain": "Bad_Slug", "ownerEmail": "b@x.example", "ownerPassword": "plum-harbour-77"}, "body.subdomain"},
	}
	for _, c := range cases {
		code, _, doc := e.do("POST", plat, "/api/platform/businesses/", c.body, root...)
		if code != 400 || !strings.Contains(fieldsOf(doc), c.field) {
			t.Errorf("%v: %d %v", c.body, code, doc)
		}
	}
	if _, _, doc := e.do("GET", plat, "/api/platform/businesses/", nil, root...); doc["count"] != 1.0 {
		t.Fatalf("half-created businesses: %v", doc)
	}

	// Without a password the owner is invited: the link works on the host.
	code, _, doc = e.do("POST", plat, "/api/platform/businesses/", map[string]any{"name": "Globex Fitness", "subdomain": "globex",
		"plan": "professional", "ownerEmail": "gil@globex.example"}, root...)
	if code != 201 || doc["owner"] != nil {
		t.Fatalf("create with invitation: %d %v", code, doc)
	}
	tok := e.mail.LinkTo(t, "gil@globex.example")
	if code, _, body := e.do("POST", "globex.localhost", "/api/auth/invitations/accept/",
		`{"token":"`+tok+`","name":"Gil","password":"plum-harbour-77"}`); code != 200 {
		t.Fatalf("owner invitation: %d %v", code, body)
	}

	// Search (name, subdomain, owner email), filters, ordering, paging.
	for q, want := range map[string]float64{"search=ann@acme": 1, "search=GLOBEX": 1, "search=salon": 1, "plan=professional": 1,
		"status=suspended": 0, "search=zzz": 0, "": 2} {
		if code, _, doc := e.do("GET", plat, "/api/platform/businesses/?"+q, nil, root...); code != 200 || doc["count"] != want {
			t.Errorf("%s: %d %v", q, code, doc["count"])
		}
	}
	_, _, doc = e.do("GET", plat, "/api/platform/businesses/?ordering=name&page_size=1", nil, root...)
	if first := doc["results"].([]any)[0].(map[string]any); first["name"] != "Acme Salon" || doc["next"] == nil || doc["previous"] != nil {
		t.Errorf("ordering/paging: %v", doc)
	}
	if code, _, doc := e.do("GET", plat, "/api/platform/businesses/?ordering=owner", nil, root...); code != 400 || fieldOf(doc) != "query.ordering" {
		t.Errorf("bad ordering: %d %v", code, doc)
	}

	// Edit: plan and colours; an unknown plan is named.
	if code, _, doc := e.do("PATCH", plat, "/api/platform/businesses/"+id+"/", map[string]any{"plan": "business", "primaryColor": "#112233"}, root...); code != 200 ||
		doc["plan"] != "business" || doc["limits"].(map[string]any)["maxResources"] != 50.0 {
		t.Errorf("patch: %d %v", code, doc)
	}
	if code, _, doc := e.do("PATCH", plat, "/api/platform/businesses/"+id+"/", map[string]any{"plan": "gold"}, root...); code != 400 || fieldOf(doc) != "body.plan" {
		t.Errorf("unknown plan: %d %v", code, doc)
	}

	// Overrides: negative limits refused; null is unlimited.
	if code, _, doc := e.do("PUT", plat, "/api/platform/businesses/"+id+"/overrides/", map[string]any{"limits": map[string]any{"maxUsers": -1}}, root...); code != 400 ||
		fieldOf(doc) != "body.limits.maxUsers" {
		t.Errorf("negative override: %d %v", code, doc)
	}
	code, _, doc = e.do("PUT", plat, "/api/platform/businesses/"+id+"/overrides/", map[string]any{"limits": map[string]any{"maxUsers": nil, "maxResources": 7},
		"features": map[string]any{"sso": true}}, root...)
	if code != 200 || doc["limits"].(map[string]any)["maxResources"] != 7.0 {
		t.Fatalf("overrides: %d %v", code, doc)
	}
	_, _, doc = e.do("GET", plat, "/api/platform/businesses/"+id+"/", nil, root...)
	if l := doc["limits"].(map[string]any); l["maxUsers"] != nil || l["maxResources"] != 7.0 || !strings.Contains(strings.Join(anyStrings(doc["features"]), ","), "sso") {
		t.Errorf("effective limits: %v %v", l, doc["features"])
	}

	// Export: a JSON archive with every tenant table, before deleting.
	rec := e.Do(apptest.Request{Host: plat, Path: "/api/platform/businesses/" + id + "/export/", Header: root})
	var archive struct {
		Business map[string]any              `json:"business"`
		Users    []map[string]any            `json:"users"`
		Tables   map[string][]map[string]any `json:"tables"`
	}
	if err := json.Unmarshal(rec.Body, &archive); err != nil || rec.Status != 200 {
		t.Fatalf("export: %d %v %.300s", rec.Status, err, rec.Body)
	}
	if archive.Business["slug"] != "acme" || len(archive.Users) != 1 || archive.Users[0]["password_hash"] != nil {
		t.Errorf("export shared rows: %v %v", archive.Business, archive.Users)
	}
	for _, table := range []string{"resources", "services", "appointments", "customers", "business_hours"} {
		if _, ok := archive.Tables[table]; !ok {
			t.Errorf("export lacks table %s (has %d tables)", table, len(archive.Tables))
		}
	}

	// Soft delete: gone from the list and the host, kept for the retention.
	code, _, doc = e.do("DELETE", plat, "/api/platform/businesses/"+id+"/", nil, root...)
	if code != 200 || doc["status"] != "deleted" || doc["purgeAfter"] == nil {
		t.Fatalf("delete: %d %v", code, doc)
	}
	eventually(t, "deleted host to vanish", func() bool {
		code, _, _ := e.do("GET", "acme.localhost", "/api/tenant/config/", "")
		return code == 404
	})
	// Purge: nothing before the retention ends, then the schema goes.
	if c, err := e.admin.PurgeExpired(t.Context(), 30*24*time.Hour); err != nil || len(c.Purged) != 0 {
		t.Fatalf("early purge: %v %v", c, err)
	}
	e.clock.Advance(31 * 24 * time.Hour)
	if c, err := e.admin.PurgeExpired(t.Context(), 30*24*time.Hour); err != nil || len(c.Purged) != 1 || c.Purged[0].Slug != "acme" {
		t.Fatalf("purge: %v %v", c, err)
	}
	var n int
	_ = e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM pg_namespace WHERE nspname = 't_acme'").Scan(&n)
	if n != 0 {
		t.Error("schema t_acme survived the purge")
	}
}

func fieldsOf(doc map[string]any) string {
	var out []string
	list, _ := doc["errors"].([]any)
	for _, f := range list {
		out = append(out, f.(map[string]any)["location"].(string))
	}
	return strings.Join(out, ",")
}

func anyStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		out = append(out, x.(string))
	}
	return out
}

// TestSuspensionRefusesLoggedInUsersAtOnce: a business's signed-in owner is
// refused on the very next request after the platform suspends it (the
// database notifies the host cache), and served again after activation.
func TestSuspensionRefusesLoggedInUsersAtOnce(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := e.signIn("ann@acme.example", access.TenantOwner, acme.ID, "acme.localhost")
	manager := e.signIn("pm@example.com", access.PlatformManager, "", plat)
	if code, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", owner...); code != 200 {
		t.Fatalf("before: %d", code)
	}
	if code, _, doc := e.do("POST", plat, "/api/platform/businesses/"+acme.ID+"/suspend/", nil, manager...); code != 200 || doc["status"] != "suspended" {
		t.Fatalf("suspend: %d %v", code, doc)
	}
	eventually(t, "the suspension to reach the host cache", func() bool {
		code, _, doc := e.do("GET", "acme.localhost", "/api/auth/me/", "", owner...)
		return code == 403 && strings.Contains(doc["detail"].(string), "suspended")
	})
	if code, _, _ := e.do("POST", plat, "/api/platform/businesses/"+acme.ID+"/activate/", nil, manager...); code != 200 {
		t.Fatal("activate")
	}
	eventually(t, "the activation to reach the host cache", func() bool {
		code, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", owner...)
		return code == 200
	})
}

// TestPlatformSupportReadsButCannotChange: PLATFORM_SUPPORT reads
// businesses, users and plans, but cannot change plans or settings, suspend,
// edit businesses or disable users; sales cannot read users.
func TestPlatformSupportReadsButCannotChange(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	staff := e.user("sam@acme.example", access.TenantStaff, acme.ID)
	support := e.signIn("sue@example.com", access.PlatformSupport, "", plat)
	sales := e.signIn("sal@example.com", access.PlatformSales, "", plat)
	for _, path := range []string{"/api/platform/businesses/", "/api/platform/businesses/" + acme.ID + "/", "/api/platform/users/",
		"/api/platform/plans/", "/api/platform/settings/", "/api/platform/businesses/metrics/"} {
		if code, _, doc := e.do("GET", plat, path, nil, support...); code != 200 {
			t.Errorf("support GET %s: %d %v", path, code, doc)
		}
	}
	refused := []struct {
		method, path string
		body         any
	}{
		{"PUT", "/api/platform/plans/free/", map[string]any{"name": "Free", "price": "0.00"}},
		{"DELETE", "/api/platform/plans/free/", nil},
		{"PATCH", "/api/platform/settings/", map[string]any{"trialDays": 3}},
		{"POST", "/api/platform/businesses/" + acme.ID + "/suspend/", nil},
		{"POST", "/api/platform/businesses/" + acme.ID + "/activate/", nil},
		{"PATCH", "/api/platform/businesses/" + acme.ID + "/", map[string]any{"plan": "enterprise"}},
		{"PUT", "/api/platform/businesses/" + acme.ID + "/overrides/", map[string]any{"limits": map[string]any{}}},
		{"POST", "/api/platform/users/" + staff.ID + "/disable/", nil},
		{"POST", "/api/platform/business-invitations/", map[string]any{"email": "x@y.example", "businessName": "X", "tier": "free"}},
	}
	for _, r := range refused {
		if code, _, doc := e.do(r.method, plat, r.path, r.body, support...); code != 403 || doc["permission"] == nil {
			t.Errorf("support %s %s: %d %v", r.method, r.path, code, doc)
		}
	}
	if code, _, _ := e.do("GET", plat, "/api/platform/users/", nil, sales...); code != 403 {
		t.Errorf("sales reading users: %d", code)
	}
	// A manager may edit but needs the suspend permission for status: it has it.
	manager := e.signIn("pm@example.com", access.PlatformManager, "", plat)
	if code, _, doc := e.do("PATCH", plat, "/api/platform/businesses/"+acme.ID+"/", map[string]any{"status": "suspended"}, manager...); code != 200 || doc["status"] != "suspended" {
		t.Errorf("manager PATCH status: %d %v", code, doc)
	}
}
