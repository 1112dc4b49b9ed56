package pgmanaged

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
)

// settings appended to postgresql.conf after initdb: small-footprint values
// for a dev box. They live in the file, not on the command line, so that an
// operator can still change them (or use ALTER SYSTEM). fsync stays on.
const settings = `
# Added by smoothschedule (internal/pgmanaged) when it created this cluster.
# Edit freely; ALTER SYSTEM works too.
shared_buffers = 128MB
max_connections = 100
`

// readVersion returns the major version in pgdir/PG_VERSION, or "" when
// there is no cluster yet.
func readVersion(pgdir string) string {
	b, err := os.ReadFile(filepath.Join(pgdir, "PG_VERSION"))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// initCluster creates the cluster: initdb into a scratch directory next
// to pgdir, then a rename, so that an interrupted first run never leaves a
// half-made cluster behind. C.UTF-8 is tried first, then plain C for
// systems without it. Our settings are appended to postgresql.conf.
func initCluster(ctx context.Context, b binaries, pgdir, logPath string, a account) error {
	if entries, err := os.ReadDir(pgdir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty but holds no PostgreSQL cluster (no PG_VERSION): move it away so a new cluster can be created", pgdir)
	}
	scratch := pgdir + ".initdb"
	var err error
	for _, locale := range []string{"C.UTF-8", "C"} {
		if err = os.RemoveAll(scratch); err != nil {
			return err
		}
		if err = ownDir(scratch, a, false); err != nil {
			return err
		}
		err = runLogged(ctx, logPath, a, b.initdb, "-D", scratch, "-U", "postgres",
			"--encoding=UTF8", "--locale="+locale, "--auth-local=trust", "--auth-host=reject")
		if err == nil || ctx.Err() != nil {
			break
		}
	}
	if err != nil {
		_ = os.RemoveAll(scratch)
		return err
	}
	f, err := os.OpenFile(filepath.Join(scratch, "postgresql.conf"), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(settings); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	_ = os.Remove(pgdir) // an empty directory may be in the way
	return os.Rename(scratch, pgdir)
}

// runLogged runs a program as a to completion, its output going to the log
// file; on failure the error carries the tail of that output.
func runLogged(ctx context.Context, logPath string, a account, name string, args ...string) error {
	logf, offset, err := openLog(logPath)
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.CommandContext(ctx, name, args...)
	configure(cmd, a, logf)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("private PostgreSQL: %s failed (%v); last lines of %s:\n%s",
			filepath.Base(name), err, logPath, tailFrom(logPath, offset, 15))
	}
	return nil
}

// launch starts postgres as a child and a goroutine that waits for it.
func (c *Cluster) launch(b binaries, sockdir string, a account) error {
	logf, offset, err := openLog(c.logPath)
	if err != nil {
		return err
	}
	defer logf.Close() // the child has its own copy of the descriptor
	c.cmd = exec.Command(b.postgres, "-D", c.dataDir, "-p", fmt.Sprint(port),
		"-c", "listen_addresses=",
		"-c", "unix_socket_directories="+quoteList(sockdir),
		"-c", "unix_socket_permissions=0700")
	configure(c.cmd, a, logf)
	c.cmd.SysProcAttr.Setpgid = true // a terminal Ctrl-C is for us, not for postgres
	setParentDeathSignal(c.cmd.SysProcAttr)
	c.logOffset = offset

	started := make(chan error, 1)
	go func() {
		// The parent-death signal fires when the thread that forked the
		// child exits, so that thread must live as long as the child.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := c.cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		c.waitErr = c.cmd.Wait()
		if !c.stopping.Load() {
			if c.ready.Load() { // during start-up, Start reports it
				c.log.Error("private PostgreSQL exited unexpectedly", "status", c.waitErr, "log", c.logPath)
			}
			close(c.done)
		}
		close(c.exited)
	}()
	if err := <-started; err != nil {
		return fmt.Errorf("private PostgreSQL: start %s: %w", b.postgres, err)
	}
	return nil
}

// configure sets what initdb and postgres have in common: the account,
// the working directory, the output and an environment without PG*
// variables (PGPORT, for one, would change the server's port).
func configure(cmd *exec.Cmd, a account, logf *os.File) {
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: a.cred}
	cmd.Dir = "/"
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PG") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	if cmd.Env == nil {
		cmd.Env = []string{}
	}
}

// quoteList quotes one directory for a PostgreSQL list setting such as
// unix_socket_directories, where commas and spaces separate items.
func quoteList(dir string) string {
	return `"` + strings.ReplaceAll(dir, `"`, `""`) + `"`
}

// connString builds a keyword/value connection string over the socket.
func connString(sockdir, database string) string {
	return fmt.Sprintf("host=%s port=%d dbname=%s user=postgres sslmode=disable",
		quoteValue(sockdir), port, quoteValue(database))
}

// quoteValue quotes a keyword/value connection string value when needed.
func quoteValue(v string) string {
	if v != "" && !strings.ContainsAny(v, ` '\`+"\t\n") {
		return v
	}
	v = strings.ReplaceAll(v, `\`, `\\`)
	return `'` + strings.ReplaceAll(v, `'`, `\'`) + `'`
}
