package pgmanaged

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ErrNoBinaries is returned by Start when no PostgreSQL server binaries
// (postgres and initdb) can be found. Its message tells the operator what
// to do, on one line.
var ErrNoBinaries = errors.New("PostgreSQL server binaries not found: install them (Debian: apt-get install postgresql) or set DATABASE_URL to an existing server")

// finder locates PostgreSQL server binaries. Tests replace its fields.
type finder struct {
	lookPath func(string) (string, error) // exec.LookPath
	libRoot  string                       // "/usr/lib/postgresql": holds <major>/bin
}

var defaultFinder = finder{lookPath: exec.LookPath, libRoot: "/usr/lib/postgresql"}

// binaries are the server programs of one PostgreSQL installation.
type binaries struct {
	postgres, initdb string
	version          string // e.g. "15.20"
	major            string // e.g. "15" (as written in PG_VERSION)
}

// find returns the binaries to use: postgres and initdb on PATH first, else
// the newest /usr/lib/postgresql/*/bin. When want is not empty (the major
// version of an existing cluster), a matching installation is preferred and
// a mismatch is an error, since a server cannot open another major's files.
func (f finder) find(ctx context.Context, want string) (binaries, error) {
	var dirs []string
	if pg, err := f.lookPath("postgres"); err == nil {
		if in, err := f.lookPath("initdb"); err == nil && filepath.Dir(pg) == filepath.Dir(in) {
			dirs = append(dirs, filepath.Dir(pg))
		}
	}
	dirs = append(dirs, f.libDirs()...)
	if len(dirs) == 0 {
		return binaries{}, ErrNoBinaries
	}
	var found []string
	for _, dir := range dirs {
		b, err := probe(ctx, dir)
		if err != nil {
			continue
		}
		if want == "" || b.major == want {
			return b, nil
		}
		found = append(found, b.version)
	}
	if len(found) == 0 {
		return binaries{}, ErrNoBinaries
	}
	return binaries{}, fmt.Errorf("the private cluster was created by PostgreSQL %s but only PostgreSQL %s server binaries were found: install PostgreSQL %s (Debian: apt-get install postgresql-%s) or upgrade the cluster with pg_upgrade",
		want, strings.Join(found, ", "), want, want)
}

// libDirs lists libRoot/<major>/bin directories holding both postgres and
// initdb, newest major first.
func (f finder) libDirs() []string {
	entries, err := os.ReadDir(f.libRoot)
	if err != nil {
		return nil
	}
	type cand struct {
		major float64
		dir   string
	}
	var cs []cand
	for _, e := range entries {
		major, err := strconv.ParseFloat(e.Name(), 64) // "15", or "9.6" for old ones
		if err != nil {
			continue
		}
		dir := filepath.Join(f.libRoot, e.Name(), "bin")
		if isFile(filepath.Join(dir, "postgres")) && isFile(filepath.Join(dir, "initdb")) {
			cs = append(cs, cand{major, dir})
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].major > cs[j].major })
	dirs := make([]string, len(cs))
	for i, c := range cs {
		dirs[i] = c.dir
	}
	return dirs
}

var versionRE = regexp.MustCompile(`\(PostgreSQL\) (\d+)(\.\d+)?`)

// probe runs "postgres --version" in dir (allowed as root) and returns the
// installation it describes.
func probe(ctx context.Context, dir string) (binaries, error) {
	b := binaries{postgres: filepath.Join(dir, "postgres"), initdb: filepath.Join(dir, "initdb")}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, b.postgres, "--version").Output()
	if err != nil {
		return b, fmt.Errorf("%s --version: %w", b.postgres, err)
	}
	m := versionRE.FindSubmatch(out)
	if m == nil {
		return b, fmt.Errorf("%s --version: unexpected output %q", b.postgres, out)
	}
	b.major = string(m[1])
	b.version = string(m[1]) + string(m[2])
	if len(b.major) == 1 { // before 10 the major had two parts, e.g. "9.6"
		b.major = b.version
	}
	return b, nil
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
