// Package audit records security-relevant events (sign-ins, password and MFA
// changes, invitations, role changes, masquerades) in an append-only log.
// Domain services build Events. An event that records a change goes to the
// store method making the change, which writes it in the same transaction
// (both commit or neither does); an event that stands alone (a refusal or a
// failure: nothing changed) goes to a Recorder. Package postgres stores
// both in shared.audit_events, whose triggers refuse updates and deletes,
// and writes one JSON log line per event once it is stored (for an event in
// a change's transaction: after the commit).
package audit

import (
	"context"
	"time"
)

// Action names what happened. The values are part of the API (the audit log
// endpoint filters on them).
type Action string

// The actions recorded by identity and access.
const (
	LoginSucceeded       Action = "LOGIN_SUCCEEDED"
	LoginFailed          Action = "LOGIN_FAILED"
	LoginLockedOut       Action = "LOGIN_LOCKED_OUT"
	Logout               Action = "LOGOUT"
	PasswordChanged      Action = "PASSWORD_CHANGED"
	PasswordReset        Action = "PASSWORD_RESET"
	MFAEnabled           Action = "MFA_ENABLED"
	MFADisabled          Action = "MFA_DISABLED"
	RefreshReuseDetected Action = "REFRESH_REUSE_DETECTED"
	UserInvited          Action = "USER_INVITED"
	InvitationAccepted   Action = "INVITATION_ACCEPTED"
	UserRoleChanged      Action = "USER_ROLE_CHANGED"
	UserDisabled         Action = "USER_DISABLED"
	CustomerRegistered   Action = "CUSTOMER_REGISTERED"
)

// Event is one audit record. IDs are "" when unknown (an anonymous failed
// sign-in has no actor); Detail holds action-specific facts.
type Event struct {
	ID             string
	Action         Action
	ActorID        string
	ActorEmail     string
	ImpersonatorID string
	TargetID       string
	TargetEmail    string
	TenantID       string
	IP             string
	UserAgent      string
	SessionID      string
	Reason         string
	Detail         map[string]any
	CreatedAt      time.Time
	// ByOutsider is set when events are read: the actor or the
	// impersonator is not a user of the event's tenant (platform staff,
	// mostly). A tenant's own log does not show such a person's network
	// details (Redacted).
	ByOutsider bool
}

// Redacted is e without the network details (IP address, user agent,
// session) of the person who acted, as a business sees an event of
// someone who is not one of its users.
func (e Event) Redacted() Event {
	e.IP, e.UserAgent, e.SessionID = "", "", ""
	return e
}

// Recorder stores events that stand alone (refusals and failures: there is
// no change to pair them with). Record fills ID and CreatedAt when empty.
// An error means the event was not stored; callers log it and go on.
type Recorder interface {
	Record(ctx context.Context, e Event) error
}

// RecorderFunc adapts a function to Recorder (tests).
type RecorderFunc func(ctx context.Context, e Event) error

// Record implements Recorder.
func (f RecorderFunc) Record(ctx context.Context, e Event) error { return f(ctx, e) }
