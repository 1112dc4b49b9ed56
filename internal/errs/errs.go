// Package errs defines the application's error codes. Domain packages return
// *Error values; the HTTP layer maps each Code to a status in one place and
// renders RFC 9457 problem JSON. This package imports nothing of HTTP or SQL.
package errs

import (
	"errors"
	"fmt"
)

// Code classifies an error for callers (and for HTTP status mapping).
type Code string

const (
	Invalid      Code = "invalid"       // 400: malformed or invalid input
	Unauthorized Code = "unauthorized"  // 401: not authenticated
	Forbidden    Code = "forbidden"     // 403: authenticated but not allowed
	NotFound     Code = "not_found"     // 404: absent, or belongs to someone else
	Conflict     Code = "conflict"      // 409: clashes with existing state
	LimitReached Code = "limit_reached" // 403: plan limit or missing feature
	TooMany      Code = "too_many"      // 429: throttled
	Unavailable  Code = "unavailable"   // 503: a dependency is down
	Internal     Code = "internal"      // 500: a bug or an unexpected failure
)

// FieldError names one offending input. Domain packages name it as the
// domain does ("email", "customer.email", "startTime"); the HTTP layer turns
// the name into the API's location ("body.email", "query.service_id",
// "path.id") once, for every operation, so no domain package knows where an
// input travelled.
type FieldError struct {
	Location string `json:"location"`
	Message  string `json:"message"`
}

// Error is a domain error with a code, a human message and optional details.
type Error struct {
	Code    Code
	Message string
	Fields  []FieldError
	// Extra carries machine-readable details rendered as problem extension
	// members (e.g. "conflictingAppointmentId", "limit", "retryAfterSeconds").
	Extra map[string]any
	// Err is an optional wrapped cause (never shown to clients).
	Err error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// With adds an extension member and returns e.
func (e *Error) With(key string, value any) *Error {
	if e.Extra == nil {
		e.Extra = map[string]any{}
	}
	e.Extra[key] = value
	return e
}

// E builds an error with a code and a formatted message.
func E(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Field builds an Invalid error naming one input location.
func Field(location, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	return &Error{Code: Invalid, Message: msg, Fields: []FieldError{{Location: location, Message: msg}}}
}

// Renamed returns err with its field errors renamed (names maps a name to
// its new one), for an operation that checks an input with another
// operation's rules under a name of its own: a tenant's slug is the
// subdomain of a business created from the console. err is not changed.
func Renamed(err error, names map[string]string) error {
	var e *Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return err
	}
	c := *e
	c.Fields = make([]FieldError, len(e.Fields))
	for i, f := range e.Fields {
		if to, ok := names[f.Location]; ok {
			f.Location = to
		}
		c.Fields[i] = f
	}
	return &c
}

// Wrap builds an error with a code around a cause.
func Wrap(code Code, err error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: err}
}

// CodeOf returns the code of err, Internal for errors of other types, and ""
// for nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// Is reports whether err carries the given code.
func Is(err error, code Code) bool { return CodeOf(err) == code }

// Validation collects field errors and returns them as one Invalid error.
type Validation struct{ fields []FieldError }

// Add records a problem with one input.
func (v *Validation) Add(location, format string, args ...any) {
	v.fields = append(v.fields, FieldError{Location: location, Message: fmt.Sprintf(format, args...)})
}

// Merge records the field errors of other validations (errors without
// fields are not validations and are not recorded).
func (v *Validation) Merge(list ...error) {
	for _, err := range list {
		var e *Error
		if errors.As(err, &e) {
			v.fields = append(v.fields, e.Fields...)
		}
	}
}

// Err returns nil when nothing was added, else an Invalid error listing every field.
func (v *Validation) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	msg := v.fields[0].Message
	if len(v.fields) > 1 {
		msg = fmt.Sprintf("%s (and %d more problems)", msg, len(v.fields)-1)
	}
	return &Error{Code: Invalid, Message: msg, Fields: v.fields}
}
