package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.DropTemplate()
	os.Exit(code)
}

// run executes the CLI in process with env and returns its exit status and
// output.
func run(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	code := m.Run(context.Background(), args)
	m.Close()
	return code, out.String(), errb.String()
}

func dbEnv(t *testing.T) map[string]string {
	return map[string]string{"DATABASE_URL": pgtest.NewURL(t), "DATA_DIR": t.TempDir(), "LOG_LEVEL": "warn"}
}

func TestTenantCreateListSuspendActivateDelete(t *testing.T) {
	env := dbEnv(t)
	code, out, errOut := run(t, env, "tenant", "create", "--name", "Acme Salon", "--slug", "acme", "--timezone", "America/New_York", "--plan", "business")
	if code != 0 || !strings.Contains(out, "Created Acme Salon (acme)") || !strings.Contains(out, "http://acme.localhost:8000/") {
		t.Fatalf("create: %d %q %q", code, out, errOut)
	}
	code, out, _ = run(t, env, "tenant", "list")
	if code != 0 || !strings.Contains(out, "acme") || !strings.Contains(out, "America/New_York") || !strings.Contains(out, "1 businesses") {
		t.Fatalf("list: %d %q", code, out)
	}
	for _, step := range []struct{ verb, want string }{{"suspend", "is now suspended"}, {"activate", "is now active"}, {"delete", "purge it with"}} {
		code, out, errOut = run(t, env, "tenant", step.verb, "acme")
		if code != 0 || !strings.Contains(out, step.want) {
			t.Fatalf("%s: %d %q %q", step.verb, code, out, errOut)
		}
	}
	code, out, _ = run(t, env, "tenant", "delete", "acme", "--purge")
	if code != 0 || !strings.Contains(out, "schema t_acme dropped") {
		t.Fatalf("purge: %d %q", code, out)
	}
	code, _, errOut = run(t, env, "tenant", "suspend", "acme")
	if code != 1 || !strings.Contains(errOut, `no tenant with slug "acme"`) {
		t.Fatalf("suspend purged: %d %q", code, errOut)
	}
}

func TestTenantCreateBadInput(t *testing.T) {
	env := dbEnv(t)
	if code, _, e := run(t, env, "tenant", "create", "--name", "Taken", "--slug", "taken"); code != 0 {
		t.Fatal(e)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--name", "X", "--slug", "Acme"}, "must be lowercase"},
		{[]string{"--name", "X", "--slug", "my salon"}, "only lowercase letters"},
		{[]string{"--name", "X", "--slug", strings.Repeat("a", 49)}, "too long"},
		{[]string{"--name", "X", "--slug", "admin"}, "reserved"},
		{[]string{"--name", "X", "--slug", "taken"}, "already taken"},
		{[]string{"--name", "X", "--slug", "zoned", "--timezone", "Moon/Base"}, "unknown time zone"},
		{[]string{"--name", "", "--slug", "nameless"}, "name is required"},
	}
	for _, c := range cases {
		code, _, errOut := run(t, env, append([]string{"tenant", "create"}, c.args...)...)
		if code == 0 || !strings.Contains(errOut, c.want) || !strings.HasPrefix(errOut, "error: ") {
			t.Errorf("%v: exit %d, %q (want %q)", c.args, code, errOut, c.want)
		}
	}
	code, out, _ := run(t, env, "tenant", "list")
	if code != 0 || !strings.Contains(out, "1 businesses") {
		t.Fatalf("something was half-created: %q", out)
	}
}

func TestMalformedDatabaseURL(t *testing.T) {
	for _, url := range []string{"not a url", "mysql://x@y/z", "postgres://%zz"} {
		code, _, errOut := run(t, map[string]string{"DATABASE_URL": url}, "migrate")
		if code != 2 || !strings.Contains(errOut, "DATABASE_URL") || !strings.Contains(errOut, "postgres://user:password@host:5432/dbname") {
			t.Errorf("%q: exit %d, %q", url, code, errOut)
		}
	}
}

func TestMigrateReportsProgressAndIsANoOpAtHead(t *testing.T) {
	env := dbEnv(t)
	for _, s := range []string{"one", "two", "three"} {
		if code, _, e := run(t, env, "tenant", "create", "--name", s, "--slug", s); code != 0 {
			t.Fatal(e)
		}
	}
	code, out, errOut := run(t, env, "migrate")
	if code != 0 || !strings.Contains(out, "0 migrated, 3 already at version") {
		t.Fatalf("migrate: %d %q %q", code, out, errOut)
	}
}

func TestConfigDumpMasksSecrets(t *testing.T) {
	env := map[string]string{"DATABASE_URL": "postgres://app:hunter2secret@db.internal:5432/ss", "SECRET_KEY": strings.Repeat("k", 40)}
	code, out, _ := run(t, env, "config", "dump")
	if code != 0 {
		t.Fatal(code)
	}
	if strings.Contains(out, "hunter2secret") || strings.Contains(out, strings.Repeat("k", 40)) {
		t.Fatalf("secret shown: %s", out)
	}
	if !strings.Contains(out, "postgres://app:%2A%2A%2A%2A%2A%2A@db.internal:5432/ss") && !strings.Contains(out, "postgres://app:******@db.internal:5432/ss") {
		t.Fatalf("database URL not shown masked: %s", out)
	}
	if !strings.Contains(out, "env DATABASE_URL") || !strings.Contains(out, "BASE_DOMAIN") {
		t.Fatalf("%s", out)
	}
}

func TestConfigFromFileAndFlags(t *testing.T) {
	f := t.TempDir() + "/key"
	if err := os.WriteFile(f, []byte(strings.Repeat("s", 40)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, map[string]string{"SECRET_KEY_FILE": f, "BASE_DOMAIN": "example.com"}, "config", "dump", "--base-domain", "example.org")
	if code != 0 || !strings.Contains(out, "file "+f) || !strings.Contains(out, "example.org") || !strings.Contains(out, "flag --base-domain") {
		t.Fatalf("%d %s", code, out)
	}
}

func TestProductionRequiresSecretKey(t *testing.T) {
	code, _, errOut := run(t, map[string]string{"MODE": "production"}, "config", "dump")
	if code != 2 || !strings.Contains(errOut, "SECRET_KEY is required in production") {
		t.Fatalf("%d %q", code, errOut)
	}
}

func TestUsage(t *testing.T) {
	code, _, errOut := run(t, nil, "frobnicate")
	if code != 2 || !strings.Contains(errOut, `unknown command "frobnicate"`) || !strings.Contains(errOut, "tenant create") {
		t.Fatalf("%d %q", code, errOut)
	}
	code, _, errOut = run(t, nil, "tenant", "suspend")
	if code != 2 || !strings.Contains(errOut, "takes one argument, got 0") {
		t.Fatalf("%d %q", code, errOut)
	}
}
