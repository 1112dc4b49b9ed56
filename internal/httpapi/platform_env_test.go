package httpapi_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/platform"
)

// platEnv is authEnv with the platform services wired as serve wires them,
// and the host cache invalidated by the database's notifications.
type platEnv struct {
	*authEnv
	admin *platform.Admin
}

func newPlatEnv(t *testing.T) *platEnv {
	t.Helper()
	a := newAuthEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go a.db.Listen(ctx, "ss_tenancy", a.ids.Log, func(string) { a.res.Invalidate() })
	return &platEnv{authEnv: a, admin: a.admin}
}

// signIn creates a user with role (on tenantID, or the platform) and signs
// in for real on its host; it returns the bearer headers.
func (e *platEnv) signIn(email string, role access.Role, tenantID, host string) []string {
	e.t.Helper()
	e.user(email, role, tenantID)
	code, body, _ := e.login(host, email, testPassword)
	if code != 200 {
		e.t.Fatalf("login %s on %s: %d %v", email, host, code, body)
	}
	return bearer(body["access"].(string))
}

// call sends a JSON request and decodes the answer.
func (e *platEnv) call(method, host, path string, body any, hdr []string) (int, map[string]any) {
	e.t.Helper()
	s := ""
	if body != nil {
		b, _ := json.Marshal(body)
		s = string(b)
	}
	code, _, out := e.do(method, host, path, s, hdr...)
	return code, out
}

// fieldOf returns the first error location of a problem document.
func fieldOf(doc map[string]any) string {
	list, _ := doc["errors"].([]any)
	if len(list) == 0 {
		return ""
	}
	loc, _ := list[0].(map[string]any)["location"].(string)
	return loc
}

// eventually polls cond for up to two seconds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for range 200 {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}
