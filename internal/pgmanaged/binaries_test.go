package pgmanaged

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// fakeInstall writes root/<major>/bin with a postgres script reporting
// version and, when withInitdb, an initdb.
func fakeInstall(t *testing.T, root, major, version string, withInitdb bool) {
	t.Helper()
	bin := filepath.Join(root, major, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\necho 'postgres (PostgreSQL) " + version + "'\n"
	names := []string{"postgres"}
	if withInitdb {
		names = append(names, "initdb")
	}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(bin, n), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

func notOnPath(string) (string, error) { return "", exec.ErrNotFound }

func TestMissingBinaries(t *testing.T) {
	f := &finder{lookPath: notOnPath, libRoot: filepath.Join(t.TempDir(), "none")}
	_, err := Start(context.Background(), Options{Dir: t.TempDir(), Logger: slog.New(slog.DiscardHandler), finder: f})
	if !errors.Is(err, ErrNoBinaries) {
		t.Fatalf("err = %v, want ErrNoBinaries", err)
	}
	const want = "PostgreSQL server binaries not found: install them (Debian: apt-get install postgresql) or set DATABASE_URL to an existing server"
	if err.Error() != want || strings.Contains(err.Error(), "\n") {
		t.Errorf("err = %q, want the one line %q", err, want)
	}
}

func TestFindNewestOrMatching(t *testing.T) {
	root := t.TempDir()
	fakeInstall(t, root, "14", "14.9", true)
	fakeInstall(t, root, "16", "16.2", true)
	fakeInstall(t, root, "17", "17.0", false) // client only: no initdb
	f := finder{lookPath: notOnPath, libRoot: root}
	ctx := context.Background()

	for _, tc := range []struct{ want, version, errPart string }{
		{"", "16.2", ""},
		{"14", "14.9", ""},
		{"13", "", "created by PostgreSQL 13 but only PostgreSQL 16.2, 14.9"},
	} {
		b, err := f.find(ctx, tc.want)
		switch {
		case tc.errPart != "":
			if err == nil || !strings.Contains(err.Error(), tc.errPart) {
				t.Errorf("find(%q) err = %v, want %q", tc.want, err, tc.errPart)
			}
		case err != nil || b.version != tc.version || b.major != tc.want && tc.want != "":
			t.Errorf("find(%q) = %+v, %v; want version %s", tc.want, b, err, tc.version)
		}
	}
}

func TestFindPrefersPath(t *testing.T) {
	root := t.TempDir()
	fakeInstall(t, root, "16", "16.2", true)
	fakeInstall(t, root, "custom", "15.4", true)
	onPath := func(name string) (string, error) { return filepath.Join(root, "custom", "bin", name), nil }
	b, err := finder{lookPath: onPath, libRoot: root}.find(context.Background(), "")
	if err != nil || b.version != "15.4" || b.initdb != filepath.Join(root, "custom", "bin", "initdb") {
		t.Fatalf("find = %+v, %v; want the PATH installation 15.4", b, err)
	}
}

func TestSocketDirFor(t *testing.T) {
	if got := socketDirFor("/srv/data", "/tmp"); got != "/srv/data/pgsock" {
		t.Errorf("short dir: %s", got)
	}
	long := "/srv/" + strings.Repeat("x", 100)
	got := socketDirFor(long, "/tmp")
	if !strings.HasPrefix(got, "/tmp/smoothschedule-pg-") || got != socketDirFor(long, "/tmp") {
		t.Errorf("long dir: %s, want a stable /tmp/smoothschedule-pg-<hash>", got)
	}
	if got == socketDirFor(long+"y", "/tmp") {
		t.Error("two data dirs share a socket dir")
	}
	if got := socketDirFor(long, "/"+strings.Repeat("t", 100)); !strings.HasPrefix(got, "/tmp/") {
		t.Errorf("long TMPDIR: %s, want under /tmp", got)
	}
}

func TestConnString(t *testing.T) {
	got := connString("/my data/it's", "smoothschedule")
	want := `host='/my data/it\'s' port=5432 dbname=smoothschedule user=postgres sslmode=disable`
	if got != want {
		t.Errorf("connString = %s, want %s", got, want)
	}
	cfg, err := pgconn.ParseConfig(got)
	if err != nil || cfg.Host != "/my data/it's" || cfg.Port != 5432 {
		t.Errorf("pgconn.ParseConfig(%s) = %+v, %v", got, cfg, err)
	}
}
