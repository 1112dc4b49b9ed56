package identity

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Password rules (NIST SP 800-63B style: length and a blocklist, no
// composition rules, no forced rotation).
const (
	// MinPasswordLength is 10 characters (Unicode code points): above
	// NIST's floor of 8, because our users are businesses whose accounts
	// guard their customers' data, and still typeable on a phone.
	MinPasswordLength = 10
	// MaxPasswordLength is 256 characters: long enough for passphrases and
	// password managers, short enough to bound hashing input.
	MaxPasswordLength = 256
)

//go:embed commonpasswords.txt
var commonPasswordsFile string

// commonPasswords holds the embedded list, lowercase.
var commonPasswords = func() map[string]struct{} {
	m := map[string]struct{}{}
	for line := range strings.Lines(commonPasswordsFile) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			m[strings.ToLower(line)] = struct{}{}
		}
	}
	return m
}()

// ValidatePassword checks a new password for the user with email and name.
// It returns an Invalid error on "password" when the password:
//   - is shorter than MinPasswordLength or longer than MaxPasswordLength
//     characters, or is not valid UTF-8;
//   - is one character repeated;
//   - is in the embedded list of common passwords (case-insensitively);
//   - equals the email, its local part, or the name (case-insensitively).
func ValidatePassword(pw, email, name string) error {
	const loc = "password"
	if !utf8.ValidString(pw) {
		return errs.Field(loc, "the password is not valid text")
	}
	n := utf8.RuneCountInString(pw)
	switch {
	case n < MinPasswordLength:
		return errs.Field(loc, "the password must be at least %d characters long", MinPasswordLength)
	case n > MaxPasswordLength:
		return errs.Field(loc, "the password must be at most %d characters long", MaxPasswordLength)
	}
	lower := strings.ToLower(pw)
	first, _ := utf8.DecodeRuneInString(pw)
	if strings.Trim(pw, string(first)) == "" {
		return errs.Field(loc, "the password cannot be one character repeated")
	}
	if _, common := commonPasswords[lower]; common {
		return errs.Field(loc, "this password is too common; choose another")
	}
	email = strings.ToLower(strings.TrimSpace(email))
	local, _, _ := strings.Cut(email, "@")
	if lower == email || lower == local {
		return errs.Field(loc, "the password cannot be your email address")
	}
	if name = strings.ToLower(strings.TrimSpace(name)); name != "" && lower == name {
		return errs.Field(loc, "the password cannot be your name")
	}
	return nil
}
