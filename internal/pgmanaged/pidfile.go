package pgmanaged

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// checkPidFile looks at pgdir/postmaster.pid before starting the server.
// It returns an error when a PostgreSQL process still works in pgdir (a
// cluster already running, e.g. under another smoothschedule process, or
// backends orphaned by a crash). A pid file nobody uses any more is stale:
// it is reported and removed, and PostgreSQL recovers from its WAL.
//
// "Works in pgdir" means a process whose current directory is pgdir:
// postgres and all its backends chdir there. This also tells a recycled
// PID apart from the original postmaster, which the pid file alone cannot.
func checkPidFile(pgdir, url string, log *slog.Logger) error {
	path := filepath.Join(pgdir, "postmaster.pid")
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	filePID, _ := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(data), "\n", 2)[0]))
	pids, ok := processesIn(pgdir)
	if !ok {
		return nil // no /proc: let PostgreSQL apply its own checks
	}
	if len(pids) > 0 {
		pid := pids[0]
		for _, p := range pids {
			if p == filePID {
				pid = p
			}
		}
		return &RunningError{Dir: pgdir, PID: pid, URL: url}
	}
	log.Warn("private PostgreSQL: removing stale postmaster.pid left by an unclean shutdown; the server will recover", "pid", filePID, "file", path)
	return os.Remove(path)
}

// RunningError says the private cluster is already running, typically
// under a `serve` process; URL reaches it. Operator commands attach to it.
type RunningError struct {
	Dir string
	PID int
	URL string
}

func (e *RunningError) Error() string {
	return fmt.Sprintf("PostgreSQL is already running in %s (PID %d), probably started by another smoothschedule process with the same data directory: stop it, or use it by setting DATABASE_URL=%q", e.Dir, e.PID, e.URL)
}

// processesIn returns the PIDs of processes whose working directory is dir.
// ok is false when /proc cannot be read.
func processesIn(dir string) (pids []int, ok bool) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil, false
	}
	want, err := filepath.EvalSymlinks(dir)
	if err != nil {
		want = dir
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cwd, err := os.Readlink(filepath.Join("/proc", e.Name(), "cwd"))
		if err == nil && cwd == want {
			pids = append(pids, pid)
		}
	}
	return pids, true
}
