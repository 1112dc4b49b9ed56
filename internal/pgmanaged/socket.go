package pgmanaged

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
)

// port names the socket file (.s.PGSQL.<port>). The socket directory is
// private to one cluster, so the standard port never collides.
const port = 5432

// maxSocketPath is the longest Unix socket path Linux accepts: sun_path
// holds 108 bytes including the terminating NUL.
const maxSocketPath = 107

// socketFile is the name PostgreSQL gives its socket in the socket dir.
var socketFile = ".s.PGSQL." + strconv.Itoa(port)

// socketDirFor returns the socket directory for the absolute data root
// dir: dir/pgsock when the socket path fits, else a short directory under
// tmp keyed by a hash of dir, so restarts find the same place.
func socketDirFor(dir, tmp string) string {
	preferred := filepath.Join(dir, "pgsock")
	if len(filepath.Join(preferred, socketFile)) <= maxSocketPath {
		return preferred
	}
	sum := sha256.Sum256([]byte(dir))
	name := "smoothschedule-pg-" + hex.EncodeToString(sum[:6])
	short := filepath.Join(tmp, name)
	if len(filepath.Join(short, socketFile)) > maxSocketPath {
		short = filepath.Join("/tmp", name)
	}
	return short
}

// defaultTempDir is os.TempDir, made absolute.
func defaultTempDir() string {
	t, err := filepath.Abs(os.TempDir())
	if err != nil {
		return "/tmp"
	}
	return t
}
