package httpapi_test

import (
	"strings"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestPagingOverflow (V8): a page far beyond any list (the largest int64,
// whose offset overflows) is a 400 naming query.page on every paged list —
// the anonymous booking site's, the business's and the platform's — never
// a 500. The walk covers every route whose operation takes page.
func TestPagingOverflow(t *testing.T) {
	e := newPlatEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := bearer(e.session(e.user("owner@acme.example", access.TenantOwner, acme.ID)))
	customer := bearer(e.session(e.user("customer@acme.example", access.Customer, acme.ID)))
	super := bearer(e.session(e.user("root@platform.example", access.Superuser, "")))
	lists := 0
	for _, rt := range e.srv.Routes() {
		item := e.srv.OpenAPI().Paths[rt.Path]
		if item == nil || item.Get == nil || rt.Method != "GET" {
			continue
		}
		paged := false
		for _, p := range item.Get.Parameters {
			paged = paged || p.Name == "page" && p.In == "query"
		}
		if !paged {
			continue
		}
		lists++
		host, hdr := "acme.localhost", owner
		switch {
		case strings.HasPrefix(rt.Path, "/api/platform/"):
			host, hdr = "platform.localhost", super
		case rt.Path == "/api/booking/appointments":
			hdr = customer
		case strings.HasPrefix(rt.Path, "/api/booking/"):
			hdr = nil // anonymous
		}
		path := strings.ReplaceAll(rt.Path, "{id}", acme.ID)
		for _, q := range []string{"page=9223372036854775807&page_size=1000", "page=9223372036854775807", "page=1000001&page_size=1000"} {
			code, _, doc := e.do("GET", host, path+"/?"+q, "", hdr...)
			if code != 400 || fieldOf(doc) != "query.page" {
				t.Errorf("GET %s?%s on %s: %d %v, want 400 naming query.page", path, q, host, code, doc)
			}
		}
		if code, _, doc := e.do("GET", host, path+"/?page_size=1001", "", hdr...); code != 400 || fieldOf(doc) != "query.page_size" {
			t.Errorf("GET %s?page_size=1001: %d %v", path, code, doc)
		}
		if code, _, doc := e.do("GET", host, path+"/?page=1000000&page_size=1000", "", hdr...); code != 200 {
			t.Errorf("GET %s at the last allowed page: %d %v", path, code, doc)
		}
	}
	if lists < 5 {
		t.Fatalf("only %d paged lists found", lists)
	}
}
