package httpapi_test

import (
	"fmt"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestPlatformUsers: search and filters; disabling ends the user's sessions
// at once; nobody disables themselves or someone above them.
func TestPlatformUsers(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	globex := e.tenant("Globex", "globex")
	staff := e.signIn("sam@acme.example", access.TenantStaff, acme.ID, "acme.localhost")
	e.user("gil@globex.example", access.TenantOwner, globex.ID)
	root := e.user("root@example.com", access.Superuser, "")
	mgr := e.signIn("pm@example.com", access.PlatformManager, "", plat)
	mgrID := e.userID("pm@example.com")

	for q, want := range map[string]float64{"": 4, "search=sam@": 1, "search=test": 4, "role=TENANT_OWNER": 1,
		"business_id=" + acme.ID: 1, "status=disabled": 0} {
		if code, _, doc := e.do("GET", plat, "/api/platform/users/?"+q, nil, mgr...); code != 200 || doc["count"] != want {
			t.Errorf("%q: %d %v", q, code, doc["count"])
		}
	}
	if code, _, doc := e.do("GET", plat, "/api/platform/users/?role=KING", nil, mgr...); code != 400 || fieldOf(doc) != "query.role" {
		t.Errorf("unknown role: %d %v", code, doc)
	}
	_, _, doc := e.do("GET", plat, "/api/platform/users/?search=sam@", nil, mgr...)
	sam := doc["results"].([]any)[0].(map[string]any)
	if sam["businessName"] != "Acme" || sam["businessSubdomain"] != "acme" || sam["lastLoginAt"] == nil || sam["mfaEnabled"] != false {
		t.Errorf("user item: %v", sam)
	}
	if code, _, one := e.do("GET", plat, "/api/platform/users/"+sam["id"].(string)+"/", nil, mgr...); code != 200 || one["email"] != "sam@acme.example" {
		t.Errorf("detail: %d %v", code, one)
	}

	// Disable: the signed-in user is refused on its next request.
	if code, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", staff...); code != 200 {
		t.Fatal("staff before")
	}
	if code, _, doc := e.do("POST", plat, "/api/platform/users/"+sam["id"].(string)+"/disable/", nil, mgr...); code != 200 || doc["status"] != "disabled" {
		t.Fatalf("disable: %d %v", code, doc)
	}
	if code, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", staff...); code != 401 {
		t.Errorf("disabled user's session still works: %d", code)
	}
	if code, _, _ := e.login("acme.localhost", "sam@acme.example", testPassword); code == 200 {
		t.Error("a disabled user signed in")
	}
	if code, _, doc := e.do("POST", plat, "/api/platform/users/"+sam["id"].(string)+"/enable/", nil, mgr...); code != 200 || doc["isActive"] != true {
		t.Fatalf("enable: %d %v", code, doc)
	}
	if code, _, _ := e.login("acme.localhost", "sam@acme.example", testPassword); code != 200 {
		t.Error("enabled user cannot sign in")
	}
	// Not oneself, not a superuser.
	for _, id := range []string{mgrID, root.ID} {
		if code, _, doc := e.do("POST", plat, "/api/platform/users/"+id+"/disable/", nil, mgr...); code != 403 {
			t.Errorf("manager disabling %s: %d %v", id, code, doc)
		}
	}
	if code, _, _ := e.do("GET", plat, fmt.Sprintf("/api/platform/users/%s/", "nope"), nil, mgr...); code != 404 {
		t.Errorf("bad id: %d", code)
	}
}

// userID finds a user's id by email on the platform.
func (e *env) userID(email string) string {
	e.t.Helper()
	var id string
	if err := e.db.Pool.QueryRow(e.t.Context(), "SELECT id::text FROM shared.users WHERE email = $1 AND tenant_id IS NULL", email).Scan(&id); err != nil {
		e.t.Fatal(err)
	}
	return id
}
