package httpapi_test

import (
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestGrantCatalogue: each grant form reads what its user may grant, with
// the catalog's description and the roles that may receive it; those who
// cannot grant are refused the list.
func TestGrantCatalogue(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	staff := e.user("staff@acme.example", access.TenantStaff, acme.ID)
	manager := e.user("manager@platform.example", access.PlatformManager, "")
	support := e.user("support@platform.example", access.PlatformSupport, "")
	find := func(doc map[string]any, name string) map[string]any {
		list, _ := doc["results"].([]any)
		for _, v := range list {
			if o, _ := v.(map[string]any); o["name"] == name {
				return o
			}
		}
		return nil
	}

	c, _, doc := e.do("GET", "acme.localhost", "/api/permission-grants/catalogue/", "", bearer(e.session(owner))...)
	cw := find(doc, "customers.write")
	if c != 200 || cw == nil || cw["scope"] != "tenant" || cw["description"] != "Create, change and delete customer records." {
		t.Fatalf("owner's catalogue: %d %v", c, doc)
	}
	if roles, _ := cw["roles"].([]any); len(roles) != 2 || roles[0] != "TENANT_STAFF" {
		t.Errorf("customers.write goes to %v (managers hold it)", cw["roles"])
	}
	if find(doc, "staff.manage") != nil || find(doc, "platform.audit.read") != nil {
		t.Errorf("the owner is offered what cannot be granted: %v", doc)
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/permission-grants/catalogue/", "", bearer(e.session(staff))...); c != 403 {
		t.Errorf("staff: %d", c)
	}

	c, _, doc = e.do("GET", "platform.localhost", "/api/platform/permission-grants/catalogue/", "", bearer(e.session(manager))...)
	if ar := find(doc, "platform.audit.read"); c != 200 || ar == nil || find(doc, "customers.write") != nil {
		t.Fatalf("manager's catalogue: %d %v", c, doc)
	}
	if c, _, _ := e.do("GET", "platform.localhost", "/api/platform/permission-grants/catalogue/", "", bearer(e.session(support))...); c != 403 {
		t.Errorf("support: %d", c)
	}
}
