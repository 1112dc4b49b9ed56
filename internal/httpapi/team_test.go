package httpapi_test

import (
	"sync"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestTeamList: the business's owners, managers and staff (not its
// customers, not another business's users) with status, MFA, last sign-in
// and the linked resource; managers read it, staff do not.
func TestTeamList(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	globex := e.tenant("Globex", "globex")
	const host = "acme.localhost"
	owner := e.signIn("owner@acme.example", access.TenantOwner, acme.ID, host)
	manager := e.signIn("mgr@acme.example", access.TenantManager, acme.ID, host)
	staff := e.signIn("sam@acme.example", access.TenantStaff, acme.ID, host)
	e.user("cust@acme.example", access.Customer, acme.ID)
	e.user("gil@globex.example", access.TenantOwner, globex.ID)
	samID := e.userIDIn("sam@acme.example", acme.ID)
	code, _, res := e.do("POST", host, "/api/resources/", map[string]any{"name": "Sam", "type": "STAFF", "userId": samID}, owner...)
	if code != 201 {
		t.Fatalf("resource: %d %v", code, res)
	}
	code, _, list := e.do("GET", host, "/api/staff/", nil, manager...)
	if code != 200 || list["count"] != 3.0 {
		t.Fatalf("list: %d %v", code, list)
	}
	byEmail := map[string]map[string]any{}
	for _, r := range list["results"].([]any) {
		m := r.(map[string]any)
		byEmail[m["email"].(string)] = m
	}
	sam := byEmail["sam@acme.example"]
	if sam == nil || sam["id"] != samID || sam["role"] != "TENANT_STAFF" || sam["status"] != "active" || sam["mfaEnabled"] != false ||
		sam["lastLoginAt"] == nil || sam["resourceId"] != res["id"] || sam["name"] == "" {
		t.Errorf("staff item: %v", sam)
	}
	if o := byEmail["owner@acme.example"]; o == nil || o["resourceId"] != nil || o["role"] != "TENANT_OWNER" {
		t.Errorf("owner item: %v", o)
	}
	if code, _, _ := e.do("GET", host, "/api/staff/", nil, staff...); code != 403 {
		t.Errorf("staff reads the team: %d", code)
	}
	if code, _, _ := e.do("GET", "platform.localhost", "/api/staff/", nil); code != 401 && code != 404 {
		t.Errorf("team on the platform host: %d", code)
	}
}

// TestTeamChanges: who may change whom. Owners promote, demote, rename and
// disable (other owners too); nobody changes their own role or status;
// managers and staff change nobody; a business keeps an active owner, even
// when two owners demote each other at once; disabling ends the user's
// sessions at once and is audited, as are role changes and enabling.
func TestTeamChanges(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	globex := e.tenant("Globex", "globex")
	const host = "acme.localhost"
	owner := e.signIn("owner@acme.example", access.TenantOwner, acme.ID, host)
	manager := e.signIn("mgr@acme.example", access.TenantManager, acme.ID, host)
	staff := e.signIn("sam@acme.example", access.TenantStaff, acme.ID, host)
	e.user("cust@acme.example", access.Customer, acme.ID)
	gil := e.user("gil@globex.example", access.TenantOwner, globex.ID)
	ownerID, mgrID, samID := e.userIDIn("owner@acme.example", acme.ID), e.userIDIn("mgr@acme.example", acme.ID), e.userIDIn("sam@acme.example", acme.ID)
	custID := e.userIDIn("cust@acme.example", acme.ID)
	for _, c := range []struct {
		what string
		who  []string
		id   string
		body map[string]any
		want int
	}{
		{"owner promotes staff to manager", owner, samID, map[string]any{"role": "TENANT_MANAGER"}, 200},
		{"owner demotes back to staff", owner, samID, map[string]any{"role": "TENANT_STAFF"}, 200},
		{"owner renames staff", owner, samID, map[string]any{"name": "  Sam Sample "}, 200},
		{"owner renames themselves", owner, ownerID, map[string]any{"name": "Olive Owner"}, 200},
		{"owner changes own role", owner, ownerID, map[string]any{"role": "TENANT_MANAGER"}, 403},
		{"owner disables themselves", owner, ownerID, map[string]any{"status": "disabled"}, 403},
		{"manager promotes staff to owner", manager, samID, map[string]any{"role": "TENANT_OWNER"}, 403},
		{"manager edits the owner", manager, ownerID, map[string]any{"status": "disabled"}, 403},
		{"manager edits themselves", manager, mgrID, map[string]any{"role": "TENANT_OWNER"}, 403},
		{"staff edits staff", staff, samID, map[string]any{"name": "x"}, 403},
		{"a customer is not staff", owner, custID, map[string]any{"role": "TENANT_STAFF"}, 404},
		{"another business's user", owner, gil.ID, map[string]any{"status": "disabled"}, 404},
		{"not a staff role", owner, samID, map[string]any{"role": "CUSTOMER"}, 400},
		{"a platform role", owner, samID, map[string]any{"role": "SUPERUSER"}, 400},
		{"an empty name", owner, samID, map[string]any{"name": " "}, 400},
		{"an unknown status", owner, samID, map[string]any{"status": "asleep"}, 400},
	} {
		code, _, doc := e.do("PATCH", host, "/api/staff/"+c.id+"/", c.body, c.who...)
		if code != c.want {
			t.Errorf("%s: %d %v", c.what, code, doc)
		}
	}
	_, _, list := e.do("GET", host, "/api/staff/", nil, owner...)
	for _, r := range list["results"].([]any) {
		if m := r.(map[string]any); m["id"] == samID && (m["name"] != "Sam Sample" || m["role"] != "TENANT_STAFF") {
			t.Errorf("after changes: %v", m)
		}
	}

	// Disabling ends the user's sessions at once; enabling lets it sign in.
	if code, _, _ := e.do("GET", host, "/api/auth/me/", nil, staff...); code != 200 {
		t.Fatal("staff session before")
	}
	if code, _, doc := e.do("PATCH", host, "/api/staff/"+samID+"/", map[string]any{"status": "disabled"}, owner...); code != 200 || doc["status"] != "disabled" {
		t.Fatalf("disable: %d %v", code, doc)
	}
	if code, _, _ := e.do("GET", host, "/api/auth/me/", nil, staff...); code != 401 {
		t.Errorf("a disabled user's session still works: %d", code)
	}
	if code, _, _ := e.login(host, "sam@acme.example", testPassword); code != 401 {
		t.Errorf("a disabled user signs in: %d", code)
	}
	if code, _, _ := e.do("PATCH", host, "/api/staff/"+samID+"/", map[string]any{"status": "active"}, owner...); code != 200 {
		t.Errorf("enable: %d", code)
	}
	if code, _, _ := e.login(host, "sam@acme.example", testPassword); code != 200 {
		t.Errorf("an enabled user cannot sign in: %d", code)
	}
	for action, want := range map[string]int{"USER_ROLE_CHANGED": 2, "USER_DISABLED": 1, "USER_ENABLED": 1} {
		if got := len(e.audits(action)); got != want {
			t.Errorf("%d %s events, want %d", got, action, want)
		}
	}

	// Two owners: either may demote the other, but not both at once.
	second := e.signIn("second@acme.example", access.TenantOwner, acme.ID, host)
	secondID := e.userIDIn("second@acme.example", acme.ID)
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i, c := range []struct {
		who []string
		id  string
	}{{owner, secondID}, {second, ownerID}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _, _ = e.do("PATCH", host, "/api/staff/"+c.id+"/", map[string]any{"role": "TENANT_MANAGER"}, c.who...)
		}()
	}
	wg.Wait()
	if !(codes[0] == 200 && (codes[1] == 409 || codes[1] == 403)) && !(codes[1] == 200 && (codes[0] == 409 || codes[0] == 403)) {
		t.Errorf("owners demoting each other: %v", codes)
	}
	var owners int
	_ = e.db.Pool.QueryRow(t.Context(), `SELECT count(*) FROM shared.users WHERE tenant_id = $1 AND role = 'TENANT_OWNER' AND status = 'active'`,
		acme.ID).Scan(&owners)
	if owners != 1 {
		t.Errorf("%d active owners left", owners)
	}
	// The platform cannot disable the last active owner either (it
	// suspends the business instead).
	lastID := ownerID
	if codes[1] == 200 {
		lastID = secondID
	}
	pm := e.signIn("pm@example.com", access.PlatformManager, "", "platform.localhost")
	if code, _, doc := e.do("POST", "platform.localhost", "/api/platform/users/"+lastID+"/disable/", nil, pm...); code != 409 {
		t.Errorf("platform disables the last owner: %d %v", code, doc)
	}
}

// userIDIn finds a tenant user's id by email.
func (e *env) userIDIn(email, tenantID string) string {
	e.t.Helper()
	var id string
	if err := e.db.Pool.QueryRow(e.t.Context(), "SELECT id::text FROM shared.users WHERE email = $1 AND tenant_id = $2", email, tenantID).Scan(&id); err != nil {
		e.t.Fatal(err)
	}
	return id
}
