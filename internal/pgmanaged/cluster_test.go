package pgmanaged

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// testDir returns a fresh data root that the server account can reach:
// t.TempDir's parent is created with mode 0700, which would stop the
// "postgres" user when the tests run as root.
func testDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "data")
}

// start starts a cluster in dir and stops it when the test ends.
func start(t *testing.T, dir string, log *bytes.Buffer) *Cluster {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := Start(ctx, Options{Dir: dir, Logger: slog.New(slog.NewTextHandler(log, nil))})
	if err != nil {
		if errors.Is(err, ErrNoBinaries) {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Stop() })
	return c
}

func execSQL(t *testing.T, url, sql string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatal(err)
	}
}

func TestDataSurvivesRestart(t *testing.T) {
	dir := testDir(t)
	var log bytes.Buffer
	c := start(t, dir, &log)
	if !strings.Contains(c.URL(), "dbname=smoothschedule") {
		t.Errorf("URL() = %q, want dbname=smoothschedule", c.URL())
	}
	fi, err := os.Stat(c.sockDir)
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("socket dir %s: mode %v, err %v; want 0700", c.sockDir, fi.Mode().Perm(), err)
	}
	execSQL(t, c.URL(), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('hello')")
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := c.Stop(); err != nil {
		t.Fatalf("second Stop: %v", err)
	}
	select {
	case <-c.Done():
		t.Fatal("Done closed by Stop")
	default:
	}

	c = start(t, dir, &log)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var v string
	if err := conn.QueryRow(ctx, "SELECT v FROM kept").Scan(&v); err != nil || v != "hello" {
		t.Fatalf("after restart: %q, %v", v, err)
	}
	for _, want := range []string{"private PostgreSQL 1", " ready", "private PostgreSQL stopped"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
}

func TestAlreadyRunningAndStalePidFile(t *testing.T) {
	dir := testDir(t)
	var log bytes.Buffer
	c := start(t, dir, &log)

	_, err := Start(context.Background(), Options{Dir: dir, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if err == nil || !strings.Contains(err.Error(), "already running") {
		t.Fatalf("second Start on the same dir: %v, want an already-running error", err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}

	// A crash leaves postmaster.pid behind, its PID since reused by an
	// unrelated process (here: this test).
	pidfile := filepath.Join(dir, "pg", "postmaster.pid")
	if err := os.WriteFile(pidfile, []byte(strconv.Itoa(os.Getpid())+"\n"+filepath.Join(dir, "pg")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c = start(t, dir, &log)
	execSQL(t, c.URL(), "SELECT 1")
	if !strings.Contains(log.String(), "stale postmaster.pid") {
		t.Errorf("stale pid file not reported:\n%s", log.String())
	}
}

func TestKilledServerClosesDone(t *testing.T) {
	var log bytes.Buffer
	c := start(t, testDir(t), &log)
	if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	select {
	case <-c.Done():
	case <-time.After(30 * time.Second): // generous: CI machines are shared
		t.Fatal("Done not closed after the server was killed")
	}
	if c.Err() == nil || !strings.Contains(log.String(), "exited unexpectedly") {
		t.Errorf("Err() = %v; log:\n%s", c.Err(), log.String())
	}
	if err := c.Stop(); err != nil {
		t.Errorf("Stop after death: %v", err)
	}
}

func TestUntraversableParent(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root hands the server to another account")
	}
	dir := t.TempDir() // its parent is mode 0700
	_, err := Start(context.Background(), Options{Dir: filepath.Join(dir, "data"), Logger: slog.New(slog.DiscardHandler)})
	if err == nil || !strings.Contains(err.Error(), "cannot traverse "+filepath.Dir(dir)) {
		t.Fatalf("err = %v, want a cannot-traverse error naming %s", err, filepath.Dir(dir))
	}
}
