package identity

import (
	"crypto/rand"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
	"github.com/pquerna/otp/totp"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// TOTP settings: RFC 6238 defaults that every authenticator app supports.
const (
	totpPeriod = 30 // seconds per step
	totpSkew   = 1  // steps accepted either side of now
)

var totpOpts = hotp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// NewTOTPSecret makes a new 160-bit TOTP secret (base32) and the otpauth://
// URI an authenticator app scans, labelled with issuer and account (usually
// "SmoothSchedule" and the user's email).
func NewTOTPSecret(issuer, account string) (secret, otpauthURI string, err error) {
	key, err := totp.Generate(totp.GenerateOpts{Issuer: issuer, AccountName: account, Period: totpPeriod})
	if err != nil {
		return "", "", errs.Wrap(errs.Invalid, err, "cannot create a TOTP secret")
	}
	return key.Secret(), key.URL(), nil
}

// ValidateTOTP checks a six-digit code against secret at now, accepting the
// step before and after the current one (clock drift). To refuse replays,
// pass the step of the last code this user redeemed (0 if none): a code of
// that step or an earlier one is refused. On success it returns the matched
// step, which the store must record as the new last used step, atomically
// with accepting the login (e.g. UPDATE … WHERE last_step < $step).
func ValidateTOTP(secret, code string, now time.Time, lastUsedStep int64) (step int64, ok bool) {
	code = strings.TrimSpace(code)
	current := now.Unix() / totpPeriod
	for s := current - totpSkew; s <= current+totpSkew; s++ {
		if s <= lastUsedStep || s < 0 {
			continue
		}
		if match, err := hotp.ValidateCustom(code, uint64(s), secret, totpOpts); err == nil && match {
			return s, true
		}
	}
	return 0, false
}

// Recovery codes: ten single-use codes like "7k2m-q9xd-4hta", in Crockford's
// base32 alphabet (no i, l, o, u), 12 characters: 60 random bits each.
const (
	RecoveryCodeCount = 10
	recoveryAlphabet  = "0123456789abcdefghjkmnpqrstvwxyz"
)

// NewRecoveryCodes returns n (RecoveryCodeCount when n <= 0) recovery codes
// to show the user once, and their hashes to store. Verify a code with
// RecoveryCodeMatches; the store deletes a code's hash once it is used.
func NewRecoveryCodes(n int) (plain []string, hashes [][]byte) {
	if n <= 0 {
		n = RecoveryCodeCount
	}
	for range n {
		c := newRecoveryCode()
		plain = append(plain, c)
		hashes = append(hashes, HashToken(c))
	}
	return plain, hashes
}

func newRecoveryCode() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	var sb strings.Builder
	for i, x := range b {
		if i > 0 && i%4 == 0 {
			sb.WriteByte('-')
		}
		sb.WriteByte(recoveryAlphabet[x%32]) // 256 is a multiple of 32: no bias
	}
	return sb.String()
}

// NormalizeRecoveryCode makes a typed code comparable: lowercase, spaces and
// dashes ignored then put back in place, and the look-alikes o, i and l read
// as 0, 1 and 1 ("7K2M Q9XD 4HTA" → "7k2m-q9xd-4hta").
func NormalizeRecoveryCode(code string) string {
	code = strings.Map(func(r rune) rune {
		switch r {
		case '-', ' ':
			return -1
		case 'o':
			return '0'
		case 'i', 'l':
			return '1'
		}
		return r
	}, strings.ToLower(code))
	if len(code) != 12 {
		return code
	}
	return code[:4] + "-" + code[4:8] + "-" + code[8:]
}

// RecoveryCodeMatches reports the index of the stored hash that the typed
// code matches, or -1. Every hash is compared, in constant time each.
func RecoveryCodeMatches(code string, hashes [][]byte) int {
	found := -1
	for i, h := range hashes {
		if TokenMatches(NormalizeRecoveryCode(code), h) && found < 0 {
			found = i
		}
	}
	return found
}
