package identity

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Status is a user's account state.
type Status string

// The account states. A disabled user cannot sign in, and its sessions are
// revoked.
const (
	StatusActive   Status = "active"
	StatusDisabled Status = "disabled"
)

// User is a person who signs in, on the platform (TenantID nil) or in one
// tenant. The same email may exist once per tenant and once on the platform.
type User struct {
	ID          string
	TenantID    *string
	Email       string // normalized (NormalizeEmail)
	Name        string
	Role        access.Role
	Status      Status
	AvatarURL   string
	LastLoginAt *time.Time
	MFAEnabled  bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Limits on user fields.
const (
	MaxEmailLength = 254 // RFC 5321 path limit
	MaxNameLength  = 150
)

// NormalizeEmail trims and lowercases an email address and checks that it is
// a bare address ("a@b.example"): no display name, no angle brackets, no
// comments, at most MaxEmailLength characters. Errors are Invalid on
// "email".
func NormalizeEmail(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", errs.Field("email", "an email address is required")
	}
	if len(s) > MaxEmailLength {
		return "", errs.Field("email", "the email address is longer than %d characters", MaxEmailLength)
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Name != "" || addr.Address != s || !strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".") {
		return "", errs.Field("email", "%q is not a valid email address", s)
	}
	return s, nil
}

// ValidateNewUser normalizes and checks a user about to be created: email,
// name (required, at most MaxNameLength characters), role and tenant
// assignment (access.ValidateAssignment), and status (empty means active).
// It returns the user with its email normalized and status set, or an
// Invalid error listing every offending field.
func ValidateNewUser(u User) (User, error) {
	var v errs.Validation
	email, err := NormalizeEmail(u.Email)
	if err != nil {
		v.Add("email", "%s", err.(*errs.Error).Message)
	}
	u.Email = email
	u.Name = strings.TrimSpace(u.Name)
	switch n := utf8.RuneCountInString(u.Name); {
	case n == 0:
		v.Add("name", "a name is required")
	case n > MaxNameLength:
		v.Add("name", "the name is longer than %d characters", MaxNameLength)
	}
	v.Merge(access.ValidateAssignment(u.Role, u.TenantID != nil && *u.TenantID != ""))
	switch u.Status {
	case "":
		u.Status = StatusActive
	case StatusActive, StatusDisabled:
	default:
		v.Add("status", "unknown status %q", u.Status)
	}
	if err := v.Err(); err != nil {
		return User{}, err
	}
	return u, nil
}

// NewAccount validates a user about to be created (ValidateNewUser) and
// its password (ValidatePassword), and hashes the password: sign-up, an
// accepted invitation, the CLI and a new business's owner all make their
// accounts here.
func NewAccount(u User, password string) (*Account, error) {
	u, err := ValidateNewUser(u)
	if err != nil {
		return nil, err
	}
	ph, err := hashNewPassword(password, u.Email, u.Name)
	if err != nil {
		return nil, err
	}
	return &Account{User: u, PasswordHash: ph}, nil
}
