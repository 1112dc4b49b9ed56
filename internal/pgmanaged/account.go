package pgmanaged

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// account is the operating-system user that runs initdb and postgres.
type account struct {
	name     string
	uid, gid int
	// cred switches the child to this account; nil when it is ourselves.
	cred *syscall.Credential
}

// serverAccount picks the account: ourselves, or when we are root (which
// PostgreSQL refuses) the "postgres" system user, else "nobody".
func serverAccount() (account, bool, error) {
	if os.Geteuid() != 0 {
		a := account{name: strconv.Itoa(os.Geteuid()), uid: os.Geteuid(), gid: os.Getegid()}
		if u, err := user.Current(); err == nil {
			a.name = u.Username
		}
		return a, false, nil
	}
	for i, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, err1 := strconv.Atoi(u.Uid)
		gid, err2 := strconv.Atoi(u.Gid)
		if err1 != nil || err2 != nil || uid == 0 {
			continue
		}
		a := account{name: name, uid: uid, gid: gid,
			cred: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
		return a, i > 0, nil
	}
	return account{}, false, errors.New(`PostgreSQL refuses to run as root and neither a "postgres" nor a "nobody" user exists: create a postgres system user (Debian: apt-get install postgresql creates one), run as a non-root user, or set DATABASE_URL`)
}

// checkTraversable reports the first directory from / down to dir that a
// cannot search, judged by owner, primary group and other permission bits
// (the child gets no supplementary groups).
func checkTraversable(dir string, a account) error {
	if a.uid == 0 {
		return nil
	}
	var chain []string
	for p := dir; ; p = filepath.Dir(p) {
		chain = append(chain, p)
		if p == filepath.Dir(p) {
			break
		}
	}
	for i := len(chain) - 1; i >= 0; i-- {
		p := chain[i]
		fi, err := os.Stat(p)
		if err != nil {
			return err
		}
		st, ok := fi.Sys().(*syscall.Stat_t)
		if !ok {
			return nil
		}
		var bit fs.FileMode = 0o001
		switch {
		case int(st.Uid) == a.uid:
			bit = 0o100
		case int(st.Gid) == a.gid:
			bit = 0o010
		}
		if fi.Mode().Perm()&bit == 0 {
			return fmt.Errorf("PostgreSQL runs as user %q (it refuses to run as root) but cannot traverse %s (mode %04o, owner uid %d): choose a data directory it can reach (e.g. under /var/lib) or allow it with chmod o+x %s",
				a.name, p, fi.Mode().Perm(), st.Uid, p)
		}
	}
	return nil
}

// ownDir makes sure dir exists, is a real directory (not a symlink) owned
// by a, and has mode 0700. As root it takes ownership of a directory that
// root owns (one we just created) and, when recursive, of a whole tree
// owned by someone else (e.g. a cluster created under another account).
func ownDir(dir string, a account, recursive bool) error {
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory: remove it", dir)
	}
	st := fi.Sys().(*syscall.Stat_t)
	if int(st.Uid) != a.uid {
		if os.Geteuid() != 0 || (st.Uid != 0 && !recursive) {
			return fmt.Errorf("%s is owned by uid %d, but PostgreSQL runs as %q (uid %d): remove it, or chown -R %s %s",
				dir, st.Uid, a.name, a.uid, a.name, dir)
		}
		if err := chownTree(dir, a, recursive); err != nil {
			return err
		}
	}
	if fi.Mode().Perm() != 0o700 {
		return os.Chmod(dir, 0o700)
	}
	return nil
}

func chownTree(dir string, a account, recursive bool) error {
	if !recursive {
		return os.Lchown(dir, a.uid, a.gid)
	}
	return filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, a.uid, a.gid)
	})
}
