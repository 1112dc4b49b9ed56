package main

import (
	"strings"
	"testing"
)

// TestCleanup: the operator's clean-up runs on a migrated database and says
// what it deleted (what it deletes is tested in package postgres).
func TestCleanup(t *testing.T) {
	env := dbEnv(t)
	if code, _, e := run(t, env, "migrate"); code != 0 {
		t.Fatal(e)
	}
	code, out, errOut := run(t, env, "cleanup")
	if code != 0 || !strings.Contains(out, "Deleted 0 sessions") {
		t.Fatalf("cleanup: %d %q %q", code, out, errOut)
	}
}
