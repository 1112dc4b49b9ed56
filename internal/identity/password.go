package identity

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// argon2Params are the cost parameters of an argon2id hash.
type argon2Params struct {
	memoryKiB uint32
	time      uint32
	threads   uint8
	keyLen    uint32
}

// currentParams follow OWASP's Password Storage Cheat Sheet first option for
// argon2id: m=19 MiB, t=2, p=1 (OWASP lists equivalent trade-offs; this one
// keeps memory per login low so a small node can verify several logins at
// once). A 16-byte salt and a 32-byte key. Hashes with other parameters
// still verify and are reported as needing a rehash.
var currentParams = argon2Params{memoryKiB: 19 * 1024, time: 2, threads: 1, keyLen: 32}

const saltLen = 16

// Limits on parameters read back from storage, so a corrupt or hostile hash
// cannot make one login cost gigabytes or minutes.
const (
	maxMemoryKiB = 256 * 1024
	maxTime      = 16
	maxThreads   = 16
)

// ErrMalformedHash is wrapped by VerifyPassword's error when a stored hash
// cannot be read.
var ErrMalformedHash = errors.New("malformed argon2id hash")

var b64 = base64.RawStdEncoding // PHC strings use unpadded standard base64

// HashPassword hashes pw with argon2id and the current parameters, with a
// fresh random salt, and returns the PHC string
// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>".
func HashPassword(pw string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", errs.Wrap(errs.Internal, err, "cannot read random salt")
	}
	p := currentParams
	key := argon2.IDKey([]byte(pw), salt, p.time, p.memoryKiB, p.threads, p.keyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.memoryKiB, p.time, p.threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// VerifyPassword reports whether pw matches the PHC string phc, comparing in
// constant time. needsRehash is true when pw matched but phc was made with
// other parameters than the current ones: the caller should then store
// HashPassword(pw) (upgrade on login). err (wrapping ErrMalformedHash, code
// Internal) means the stored hash is unreadable; treat it as a failed login
// and log it.
func VerifyPassword(phc, pw string) (ok bool, needsRehash bool, err error) {
	p, salt, want, err := parsePHC(phc)
	if err != nil {
		return false, false, errs.Wrap(errs.Internal, err, "stored password hash is unreadable")
	}
	got := argon2.IDKey([]byte(pw), salt, p.time, p.memoryKiB, p.threads, p.keyLen)
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return false, false, nil
	}
	return true, p != currentParams || len(salt) != saltLen, nil
}

// dummyPHC is hashed once, at start-up, with the current parameters.
var dummyPHC = func() string {
	h, err := HashPassword("smoothschedule dummy password")
	if err != nil {
		panic(err) // no randomness at start-up: nothing can work
	}
	return h
}()

// DummyVerify costs what VerifyPassword costs with the current parameters.
// Call it when a login names an unknown email, so that the answer takes as
// long as for a known one and does not reveal which emails exist.
func DummyVerify() {
	_, _, _ = VerifyPassword(dummyPHC, "not the dummy password")
}

// parsePHC reads "$argon2id$v=19$m=..,t=..,p=..$salt$hash".
func parsePHC(phc string) (p argon2Params, salt, key []byte, err error) {
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, fmt.Errorf("%w: not a $argon2id$ PHC string", ErrMalformedHash)
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, nil, nil, fmt.Errorf("%w: unsupported version %q", ErrMalformedHash, parts[2])
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memoryKiB, &p.time, &p.threads); err != nil ||
		fmt.Sprintf("m=%d,t=%d,p=%d", p.memoryKiB, p.time, p.threads) != parts[3] {
		return p, nil, nil, fmt.Errorf("%w: bad parameters %q", ErrMalformedHash, parts[3])
	}
	if p.time < 1 || p.time > maxTime || p.threads < 1 || p.threads > maxThreads ||
		p.memoryKiB < 8*uint32(p.threads) || p.memoryKiB > maxMemoryKiB {
		return p, nil, nil, fmt.Errorf("%w: parameters out of range %q", ErrMalformedHash, parts[3])
	}
	if salt, err = b64.DecodeString(parts[4]); err != nil || len(salt) < 8 {
		return p, nil, nil, fmt.Errorf("%w: bad salt", ErrMalformedHash)
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, fmt.Errorf("%w: bad hash", ErrMalformedHash)
	}
	p.keyLen = uint32(len(key))
	return p, salt, key, nil
}
