package identity

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
)

// Realm is the site people sign in to: one tenant, or the platform
// (TenantID ""). Sessions, invitations and password resets are bound to
// the realm they were made for.
type Realm struct {
	TenantID string
	Name     string // the business's name, for messages ("" on the platform)
	Host     string // canonical host, for links in messages
}

// Platform reports whether r is the platform.
func (r Realm) Platform() bool { return r.TenantID == "" }

// tenant is r's tenant as stored (nil for the platform).
func (r Realm) tenant() *string {
	if r.TenantID == "" {
		return nil
	}
	return &r.TenantID
}

// owns reports whether a row bound to tenantID belongs to r.
func (r Realm) owns(tenantID *string) bool {
	if tenantID == nil {
		return r.TenantID == ""
	}
	return *tenantID == r.TenantID
}

// Client is who is on the other end of a request, for audit and sessions.
type Client struct {
	IP        string
	UserAgent string
}

// Account is a user with its credentials, as the store keeps it.
type Account struct {
	User
	PasswordHash string
	// CustomerID links a CUSTOMER login to its tenant's customer record.
	CustomerID string
	// MFASecret and MFAPending are SecretBox-sealed TOTP secrets.
	MFASecret, MFAPending []byte
	MFALastStep           int64
	// Unverified: the email was never proven — a customer who signed up
	// and has not followed the link mailed to them yet. Such a login is
	// never linked to the business's customer record with its email; it
	// has a record of its own. Users made any other way (an invitation,
	// which proves the email, an operator, the CLI) are verified.
	Unverified bool
}

// Session is one sign-in, as listed to its owner.
type Session struct {
	ID              string
	UserID          string
	TenantID        *string
	ImpersonatorID  string
	ParentSessionID string
	// MasqueradeStartedAt is set on masquerade sessions; MasqueradeEndedAt
	// once their end was audited (at stop, or lazily after expiry).
	MasqueradeStartedAt *time.Time
	MasqueradeEndedAt   *time.Time
	MFAVerified         bool
	IP, UserAgent       string
	CreatedAt           time.Time
	LastSeenAt          time.Time
	ExpiresAt           time.Time
	AccessExpiresAt     time.Time
	RevokedAt           *time.Time
}

// NewSession is a session to insert with the hashes of its credentials.
type NewSession struct {
	Session
	AccessHash, RefreshHash, CookieHash []byte
	// CodeHash, when set, is a masquerade hand-over code for the session,
	// bound to its site and valid until CodeExpiresAt, created with it.
	CodeHash      []byte
	CodeExpiresAt time.Time
}

// SessionView is a session found by one of its credentials, with the facts
// about its user that authorization needs.
type SessionView struct {
	Session
	User Account
	// The impersonator's current role, status and tenant ("" when the
	// session is no masquerade), and whether the session's tenant is a
	// demo tenant (masquerades only): the masquerade rule is re-checked
	// against them on every request.
	ImpersonatorRole     access.Role
	ImpersonatorStatus   Status
	ImpersonatorTenantID string
	TenantIsDemo         bool
}

// Invitation is an offer to join a realm with a role.
type Invitation struct {
	ID         string
	TenantID   *string
	Email      string
	Role       access.Role
	Name       string
	InvitedBy  string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	AcceptedAt *time.Time
	RevokedAt  *time.Time
	// BusinessName is the tenant's name (lookups only).
	BusinessName string
}

// UserFilter narrows ListUsers.
type UserFilter struct {
	// Platform lists platform staff; otherwise TenantID's users.
	Platform bool
	TenantID string
}

// UserChange is a change of role, status and/or name.
type UserChange struct {
	Role   *access.Role
	Status *Status
	Name   *string
}

// Store keeps users and their credentials. Every method that writes more
// than one row does so in one transaction. Lookups that find nothing return
// an errs.NotFound error.
//
// A method that makes an audited change takes the audit events recording
// it (the trailing events argument) and writes them in the transaction of
// the change: both commit or neither does, and a failed audit insert is the
// method's error. When the change does not happen (an error, or nothing to
// change) the events are not written.
type Store interface {
	// CreateUser inserts a user; a taken email in its realm is a Conflict
	// on email. A CUSTOMER is linked to its tenant's customer record
	// with the same email, found or created in the same transaction
	// (a.CustomerID is set). events are built once a is stored (with its
	// CustomerID) and written in the same transaction.
	CreateUser(ctx context.Context, a *Account, events ...func(*Account) audit.Event) error
	// CreateUser with a.Unverified set gives a CUSTOMER a customer record
	// of its own instead, with no email and linked to nothing else.
	//
	// LinkCustomer links an existing CUSTOMER login without a customer
	// record the same way (a.CustomerID is set; left "" when the record of
	// that email is already another login's). An Unverified login is never
	// linked.
	LinkCustomer(ctx context.Context, a *Account) error
	UserByEmail(ctx context.Context, tenantID *string, email string) (*Account, error)
	UserByID(ctx context.Context, id string) (*Account, error)
	ListUsers(ctx context.Context, f UserFilter) ([]User, error)
	// ListStaff lists a tenant's users other than customers, by email, with
	// the resources linked to them.
	ListStaff(ctx context.Context, tenantID string) ([]StaffMember, error)
	// UpdateUser applies c; disabling also revokes every session of the
	// user, in the same transaction. A change that would leave the user's
	// tenant without an active TENANT_OWNER is a Conflict and changes
	// nothing.
	UpdateUser(ctx context.Context, id string, c UserChange, now time.Time, events ...audit.Event) error
	// SetPasswordHash replaces a hash with an equivalent one (upgrade on
	// login); it revokes nothing.
	SetPasswordHash(ctx context.Context, userID, hash string) error
	// ChangePassword sets a new hash, revokes every session of the user but
	// keepSessionID ("" revokes all) and voids pending reset links.
	ChangePassword(ctx context.Context, userID, hash, keepSessionID string, now time.Time, events ...audit.Event) error

	// CreateSession inserts s (and its masquerade hand-over code, when
	// s.CodeHash is set) and stamps the user's last login.
	CreateSession(ctx context.Context, s NewSession, events ...audit.Event) error
	SessionByAccess(ctx context.Context, hash []byte) (*SessionView, error)
	SessionByCookie(ctx context.Context, hash []byte) (*SessionView, error)
	// SessionByRefresh finds the session a refresh token belongs to and
	// whether that token was already rotated (reuse).
	SessionByRefresh(ctx context.Context, hash []byte) (v *SessionView, rotated bool, err error)
	// RotateRefresh retires oldRefresh and installs new credentials (access
	// token, refresh token and cookie), if
	// oldRefresh is still current; otherwise it changes nothing and returns
	// a Conflict (a concurrent refresh used it: reuse).
	RotateRefresh(ctx context.Context, sessionID string, oldRefresh, newRefresh, newAccess, newCookie []byte, accessExpires, now time.Time) error
	TouchSession(ctx context.Context, id string, now time.Time) error
	// RevokeSession revokes one session of userID ("" for any user).
	RevokeSession(ctx context.Context, userID, id, reason string, now time.Time, events ...audit.Event) error
	RevokeUserSessions(ctx context.Context, userID, exceptID, reason string, now time.Time) error
	// ListSessions lists the user's live sessions, newest first.
	ListSessions(ctx context.Context, userID string, now time.Time) ([]Session, error)

	SetMFAPending(ctx context.Context, userID string, sealed []byte) error
	// EnableMFA makes the pending secret the active one, records step as
	// used and replaces the recovery codes.
	EnableMFA(ctx context.Context, userID string, sealed []byte, step int64, recoveryHashes [][]byte, events ...audit.Event) error
	DisableMFA(ctx context.Context, userID string, events ...audit.Event) error
	// UseTOTPStep records step as the user's last used one, if it is newer
	// than the recorded one; false means replay.
	UseTOTPStep(ctx context.Context, userID string, step int64) (bool, error)
	// UseRecoveryCode deletes the code; false means no such unused code.
	UseRecoveryCode(ctx context.Context, userID string, hash []byte) (bool, error)
	CreateMFAChallenge(ctx context.Context, hash []byte, userID string, tenantID *string, expires time.Time) error
	// MFAChallenge finds an unused, unexpired challenge.
	MFAChallenge(ctx context.Context, hash []byte, now time.Time) (userID string, tenantID *string, err error)
	// ConsumeMFAChallenge marks it used; false if it was used meanwhile.
	ConsumeMFAChallenge(ctx context.Context, hash []byte, now time.Time) (bool, error)

	// Reserve counts one attempt on every key (but CheckOnly ones) under
	// its rule, before the attempt is judged, unless a key is locked at
	// now: then nothing is counted and until is the latest lock. All in one
	// short transaction, so concurrent attempts are serialized per key:
	// no more attempts get through than the rules allow. locks[i] is the
	// lock the reservation set on keys[i] (zero: none).
	Reserve(ctx context.Context, keys []ThrottleKey, now time.Time) (until time.Time, locks []time.Time, err error)
	// Refund takes back one reserved attempt on each key (but CheckOnly
	// ones) and recomputes its lock: the attempt succeeded.
	Refund(ctx context.Context, keys []ThrottleKey, now time.Time) error
	ClearThrottle(ctx context.Context, key string) error

	// CreateInvitation inserts inv, revoking a pending one for the same
	// email and realm in the same transaction.
	CreateInvitation(ctx context.Context, inv *Invitation, hash []byte, events ...audit.Event) error
	InvitationByToken(ctx context.Context, hash []byte) (*Invitation, error)
	ListInvitations(ctx context.Context, tenantID *string, now time.Time) ([]Invitation, error)
	RevokeInvitation(ctx context.Context, tenantID *string, id string, now time.Time) error
	// AcceptInvitation marks the invitation accepted and creates a, in one
	// transaction, if it is still pending and unexpired (else NotFound).
	AcceptInvitation(ctx context.Context, hash []byte, a *Account, now time.Time, events ...audit.Event) error

	// CreateReset stores a reset link for the user unless one was made in
	// the last minute (false: none made).
	CreateReset(ctx context.Context, hash []byte, userID string, expires, now time.Time) (bool, error)
	// ResetTarget finds the user of an unused, unexpired reset link.
	ResetTarget(ctx context.Context, hash []byte, now time.Time) (*Account, error)
	// ResetPassword consumes the link, sets the hash, revokes every session
	// and voids the user's other links, in one transaction; NotFound if the
	// link was used meanwhile.
	ResetPassword(ctx context.Context, hash []byte, userID, passwordHash string, now time.Time, events ...audit.Event) error

	// CreateEmailVerification stores a verification link for the user
	// unless one was made in the last minute (false: none made).
	CreateEmailVerification(ctx context.Context, hash []byte, userID string, expires, now time.Time) (bool, error)
	// VerifyEmail consumes an unused, unexpired verification link of a
	// user of the site tenantID (nil: the platform), marks the email
	// verified and, for a CUSTOMER, links the login to the business's
	// customer record with that email, merging the login's own record into
	// it (unless that record is another login's), in one transaction with
	// the events (built once the account is updated). NotFound when the
	// link is not usable.
	VerifyEmail(ctx context.Context, hash []byte, tenantID *string, now time.Time, events ...func(*Account) audit.Event) (*Account, error)

	// CleanUp deletes what has outlived its use (see Cutoffs).
	CleanUp(ctx context.Context, c Cutoffs) (CleanupCounts, error)
	// UnendedMasquerades lists masquerade sessions expired or revoked at
	// now whose end was never audited.
	UnendedMasquerades(ctx context.Context, now time.Time) ([]SessionView, error)

	// Masquerades, grants, support approvals and the audit log
	// (access_store.go).
	AccessStore
}
