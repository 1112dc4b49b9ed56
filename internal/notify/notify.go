// Package notify sends messages to people: for now, email through SMTP, or
// into the log in development.
package notify

import (
	"context"
	"log/slog"
	"strings"
	"time"
)

// Message is one plain-text email.
type Message struct {
	To      string
	Subject string
	Text    string
	// Link is the action the message carries (an invitation, a reset), so
	// that the development sink can show it on one line.
	Link string
}

// Mailer delivers messages.
type Mailer interface {
	Send(ctx context.Context, m Message) error
}

// SendLater delivers m from a goroutine, within a minute however ctx ends,
// and logs a failure: the time a request takes says nothing about whether
// a message was sent.
func SendLater(ctx context.Context, mailer Mailer, log *slog.Logger, m Message) {
	ctx = context.WithoutCancel(ctx)
	go func() {
		ctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		if err := mailer.Send(ctx, m); err != nil {
			log.ErrorContext(ctx, "mail not sent", "to", m.To, "subject", m.Subject, "err", err)
		}
	}()
}

// LogMailer is the development sink: it writes each message, link first,
// to the log instead of sending it.
type LogMailer struct{ Log *slog.Logger }

// Send implements Mailer.
func (l LogMailer) Send(ctx context.Context, m Message) error {
	l.Log.InfoContext(ctx, "mail (not sent: no SMTP_URL)", "to", m.To, "subject", m.Subject, "link", m.Link)
	return nil
}

// New returns the mailer the configuration asks for: SMTP when smtpURL is
// set, else the log sink (which `serve` refuses in production mode).
func New(smtpURL, from string, log *slog.Logger) (Mailer, error) {
	if strings.TrimSpace(smtpURL) == "" {
		return LogMailer{Log: log}, nil
	}
	return NewSMTP(smtpURL, from)
}
