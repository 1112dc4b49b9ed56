package main

import (
	"strings"
	"testing"
)

func TestCreateSuperuserIsIdempotent(t *testing.T) {
	env := dbEnv(t)
	code, out, errOut := run(t, env, "createsuperuser", "--email", "Root@Example.com", "--password", "violet-lantern-42")
	if code != 0 || !strings.Contains(out, "Created SUPERUSER root@example.com") {
		t.Fatalf("first: %d %q %q", code, out, errOut)
	}
	code, out, _ = run(t, env, "createsuperuser", "--email", "root@example.com", "--password", "another-secret-43")
	if code != 0 || !strings.Contains(out, "already exists (SUPERUSER); nothing changed") {
		t.Fatalf("second: %d %q", code, out)
	}
	code, out, _ = run(t, env, "createsuperuser", "--email", "root@example.com", "--password", "another-secret-43", "--reset-password")
	if code != 0 || !strings.Contains(out, "password was reset") {
		t.Fatalf("reset: %d %q", code, out)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--email", "x@example.com", "--password", "short"}, 1, "at least 10 characters"},
		{[]string{"--email", "nope", "--password", "violet-lantern-42"}, 1, "not a valid email"},
		{[]string{"--email", "x@example.com"}, 2, "required"},
	} {
		code, _, errOut := run(t, env, append([]string{"createsuperuser"}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: %d %q", c.args, code, errOut)
		}
	}
}

func TestUserCreate(t *testing.T) {
	env := dbEnv(t)
	if code, _, e := run(t, env, "tenant", "create", "--name", "Acme", "--slug", "acme"); code != 0 {
		t.Fatal(e)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--email", "s@example.com", "--password", "violet-lantern-42", "--role", "TENANT_STAFF"}, 1, "Users with role TENANT_STAFF must be assigned to a tenant"},
		{[]string{"--email", "s@example.com", "--password", "violet-lantern-42", "--role", "tenant_staff", "--tenant", "acme", "--name", "Sam"}, 0, "Created TENANT_STAFF s@example.com"},
		{[]string{"--email", "s@example.com", "--password", "violet-lantern-42", "--role", "TENANT_STAFF", "--tenant", "acme"}, 1, "already has an account"},
		{[]string{"--email", "s@example.com", "--password", "violet-lantern-42", "--role", "PLATFORM_SUPPORT"}, 0, "Created PLATFORM_SUPPORT"},
		{[]string{"--email", "p@example.com", "--password", "violet-lantern-42", "--role", "PLATFORM_SALES", "--tenant", "acme"}, 1, "platform staff"},
		{[]string{"--email", "p@example.com", "--password", "violet-lantern-42", "--role", "KING"}, 1, "unknown role"},
		{[]string{"--email", "p@example.com", "--password", "violet-lantern-42", "--role", "CUSTOMER", "--tenant", "nowhere"}, 1, "no tenant"},
	} {
		code, out, errOut := run(t, env, append([]string{"user", "create"}, c.args...)...)
		if code != c.code || !strings.Contains(out+errOut, c.want) {
			t.Errorf("%v: %d %q %q", c.args, code, out, errOut)
		}
	}
}

func TestTenantCreateWithOwner(t *testing.T) {
	env := dbEnv(t)
	// A refused owner leaves no tenant behind.
	code, _, errOut := run(t, env, "tenant", "create", "--name", "Acme", "--slug", "acme", "--owner-email", "o@example.com", "--owner-password", "password123")
	if code != 1 || !strings.Contains(errOut, "too common") {
		t.Fatalf("weak owner password: %d %q", code, errOut)
	}
	if _, out, _ := run(t, env, "tenant", "list"); !strings.Contains(out, "No businesses") {
		t.Fatalf("a tenant was left behind: %q", out)
	}
	if code, _, _ := run(t, env, "tenant", "create", "--name", "Acme", "--slug", "acme", "--owner-email", "o@example.com"); code != 2 {
		t.Errorf("owner email without password: %d", code)
	}
	code, out, errOut := run(t, env, "tenant", "create", "--name", "Acme", "--slug", "acme", "--owner-email", "O@Example.com", "--owner-password", "violet-lantern-42", "--owner-name", "Olga")
	if code != 0 || !strings.Contains(out, "owner    o@example.com (TENANT_OWNER)") {
		t.Fatalf("with owner: %d %q %q", code, out, errOut)
	}
	// The owner exists in that tenant: creating it again is refused.
	code, _, errOut = run(t, env, "user", "create", "--email", "o@example.com", "--password", "violet-lantern-42", "--role", "TENANT_OWNER", "--tenant", "acme")
	if code != 1 || !strings.Contains(errOut, "already has an account") {
		t.Errorf("owner missing: %d %q", code, errOut)
	}
	// A taken slug leaves no second owner behind either.
	code, _, _ = run(t, env, "tenant", "create", "--name", "Acme 2", "--slug", "acme", "--owner-email", "o2@example.com", "--owner-password", "violet-lantern-42")
	if code != 1 {
		t.Errorf("taken slug: %d", code)
	}
}
