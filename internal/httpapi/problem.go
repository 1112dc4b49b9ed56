package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Problem is an RFC 9457 problem document. Extra members (a conflicting
// appointment's id, the limit reached) are rendered at the top level.
type Problem struct {
	Type     string            `json:"type,omitempty"`
	Title    string            `json:"title"`
	Status   int               `json:"status"`
	Detail   string            `json:"detail,omitempty"`
	Instance string            `json:"instance,omitempty"`
	Errors   []errs.FieldError `json:"errors,omitempty"`
	Extra    map[string]any    `json:"-"`
	headers  http.Header
}

// Error implements error.
func (p *Problem) Error() string { return p.Detail }

// GetStatus implements huma.StatusError.
func (p *Problem) GetStatus() int { return p.Status }

// ContentType implements huma.ContentTypeFilter.
func (p *Problem) ContentType(string) string { return "application/problem+json" }

// GetHeaders implements huma.HeadersError (e.g. Retry-After).
func (p *Problem) GetHeaders() http.Header { return p.headers }

// MarshalJSON flattens Extra into the document.
func (p *Problem) MarshalJSON() ([]byte, error) {
	type plain Problem
	b, err := json.Marshal((*plain)(p))
	if err != nil || len(p.Extra) == 0 {
		return b, err
	}
	m := map[string]any{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for k, v := range p.Extra {
		if _, taken := m[k]; !taken {
			m[k] = v
		}
	}
	return json.Marshal(m)
}

var statusOf = map[errs.Code]int{
	errs.Invalid:      http.StatusBadRequest,
	errs.Unauthorized: http.StatusUnauthorized,
	errs.Forbidden:    http.StatusForbidden,
	errs.NotFound:     http.StatusNotFound,
	errs.Conflict:     http.StatusConflict,
	errs.LimitReached: http.StatusForbidden,
	errs.TooMany:      http.StatusTooManyRequests,
	errs.Unavailable:  http.StatusServiceUnavailable,
	errs.Internal:     http.StatusInternalServerError,
}

// problemFrom turns any error into a Problem. Domain errors keep their
// message and fields; anything else is an internal error, logged with the
// request's context and shown to the client without detail.
func problemFrom(ctx context.Context, log *slog.Logger, err error) *Problem {
	var p *Problem
	if errors.As(err, &p) {
		return p
	}
	var se huma.StatusError
	if errors.As(err, &se) {
		return &Problem{Title: http.StatusText(se.GetStatus()), Status: se.GetStatus(), Detail: se.Error()}
	}
	var e *errs.Error
	if !errors.As(err, &e) || e.Code == errs.Internal {
		if errors.Is(err, context.Canceled) {
			return &Problem{Title: "Client Closed Request", Status: 499, Detail: "the request was cancelled"}
		}
		log.ErrorContext(ctx, "internal error", "err", err)
		return &Problem{Title: "Internal Server Error", Status: 500, Detail: "something went wrong on our side; it has been logged — please try again"}
	}
	status := statusOf[e.Code]
	p = &Problem{Title: http.StatusText(status), Status: status, Detail: e.Message, Errors: e.Fields, Extra: e.Extra}
	if e.Code == errs.TooMany || e.Code == errs.Unavailable {
		if s, ok := e.Extra["retryAfterSeconds"].(int); ok {
			p.headers = http.Header{"Retry-After": []string{strconv.Itoa(s)}}
		}
	}
	return p
}

// writeProblem writes p for plain net/http handlers (those outside huma).
func writeProblem(w http.ResponseWriter, p *Problem) {
	for k, v := range p.headers {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// Huma offers no per-API error constructor: huma.NewError (and
// NewErrorWithContext, which calls it) is a package variable that its
// validation, WriteErr and the OpenAPI error schema all read, and
// Config.Transformers may change an error's body but not its status. So it
// is set once, when the package loads, rather than on every New (servers
// built by parallel tests raced on the assignment): a process serves one
// API.
func init() { huma.NewError = humaError }

// humaError makes huma's own errors (validation, malformed JSON, oversize
// bodies) our problem documents, with 400 rather than 422 for invalid
// input as the API contract says, and locations like "body.email".
func humaError(status int, msg string, list ...error) huma.StatusError {
	p := &Problem{Status: status, Detail: msg}
	for _, e := range list {
		var d *huma.ErrorDetail
		if errors.As(e, &d) {
			p.Errors = append(p.Errors, errs.FieldError{Location: requiredLocation(d.Location, d.Message), Message: d.Message})
		} else if e != nil {
			p.Errors = append(p.Errors, errs.FieldError{Message: e.Error()})
		}
	}
	switch status {
	case http.StatusUnprocessableEntity:
		p.Status = http.StatusBadRequest
		if len(p.Errors) > 0 {
			p.Detail = describe(p.Errors)
		}
	case http.StatusRequestEntityTooLarge:
		p.Status = http.StatusBadRequest
		p.Detail = "the request body is too large"
	}
	p.Title = http.StatusText(p.Status)
	return p
}

// describe writes a one-line summary of field errors for the detail member.
func describe(fe []errs.FieldError) string {
	first := fe[0].Message
	if fe[0].Location != "" {
		first = fe[0].Location + ": " + first
	}
	if len(fe) > 1 {
		first += " (and " + strconv.Itoa(len(fe)-1) + " more problems)"
	}
	return strings.TrimSpace(first)
}

// requiredLocation points a missing-property error at the property itself:
// huma reports "expected required property email to be present" at "body";
// clients want "body.email".
func requiredLocation(loc, msg string) string {
	const pre, post = "expected required property ", " to be present"
	if name, ok := strings.CutPrefix(msg, pre); ok && strings.HasSuffix(name, post) {
		return loc + "." + strings.TrimSuffix(name, post)
	}
	return loc
}
