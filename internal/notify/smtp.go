package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// SMTP sends mail through one relay. smtp://user:pass@host:587 upgrades the
// connection with STARTTLS and refuses to go on without it (credentials and
// reset links never travel in clear); smtps://…:465 speaks TLS from the
// start. ?insecure=true allows a relay without TLS on localhost only (a
// development mail catcher).
type SMTP struct {
	addr, host string
	implicit   bool
	insecure   bool
	auth       smtp.Auth
	from       *mail.Address
	Timeout    time.Duration
}

// NewSMTP parses an SMTP URL and a From address.
func NewSMTP(rawURL, from string) (*SMTP, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
		return nil, errs.E(errs.Invalid, "SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465")
	}
	s := &SMTP{host: u.Hostname(), implicit: u.Scheme == "smtps", Timeout: 30 * time.Second}
	port := u.Port()
	if port == "" {
		port = map[bool]string{true: "465", false: "587"}[s.implicit]
	}
	s.addr = net.JoinHostPort(s.host, port)
	s.insecure = u.Query().Get("insecure") == "true"
	if s.insecure && s.host != "localhost" && net.ParseIP(s.host) == nil {
		return nil, errs.E(errs.Invalid, "SMTP_URL: insecure=true is allowed only for a relay on localhost")
	}
	if u.User != nil {
		pw, _ := u.User.Password()
		s.auth = smtp.PlainAuth("", u.User.Username(), pw, s.host)
	}
	if s.from, err = mail.ParseAddress(from); err != nil {
		return nil, errs.E(errs.Invalid, "EMAIL_FROM %q is not an email address", from)
	}
	return s, nil
}

// Send implements Mailer.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	to, err := mail.ParseAddress(m.To)
	if err != nil {
		return errs.Wrap(errs.Invalid, err, "cannot send to %q: not an email address", m.To)
	}
	d := net.Dialer{Timeout: s.Timeout}
	var conn net.Conn
	if s.implicit {
		conn, err = (&tls.Dialer{NetDialer: &d, Config: &tls.Config{ServerName: s.host, MinVersion: tls.VersionTLS12}}).DialContext(ctx, "tcp", s.addr)
	} else {
		conn, err = d.DialContext(ctx, "tcp", s.addr)
	}
	if err != nil {
		return errs.Wrap(errs.Unavailable, err, "cannot reach the mail server")
	}
	deadline := time.Now().Add(s.Timeout)
	if dl, ok := ctx.Deadline(); ok && dl.Before(deadline) {
		deadline = dl
	}
	_ = conn.SetDeadline(deadline)
	c, err := smtp.NewClient(conn, s.host)
	if err != nil {
		conn.Close()
		return errs.Wrap(errs.Unavailable, err, "the mail server did not greet us")
	}
	defer c.Close()
	if !s.implicit {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(&tls.Config{ServerName: s.host, MinVersion: tls.VersionTLS12}); err != nil {
				return errs.Wrap(errs.Unavailable, err, "STARTTLS with the mail server failed")
			}
		} else if !s.insecure {
			return errs.E(errs.Unavailable, "the mail server at %s does not offer STARTTLS; refusing to send in clear", s.addr)
		}
	}
	if s.auth != nil {
		if err := c.Auth(s.auth); err != nil {
			return errs.Wrap(errs.Unavailable, err, "the mail server refused our credentials")
		}
	}
	if err := c.Mail(s.from.Address); err != nil {
		return errs.Wrap(errs.Unavailable, err, "MAIL FROM refused")
	}
	if err := c.Rcpt(to.Address); err != nil {
		return errs.Wrap(errs.Unavailable, err, "RCPT TO refused")
	}
	w, err := c.Data()
	if err != nil {
		return errs.Wrap(errs.Unavailable, err, "DATA refused")
	}
	if _, err := w.Write(s.compose(to, m)); err != nil {
		return errs.Wrap(errs.Unavailable, err, "sending the message failed")
	}
	if err := w.Close(); err != nil {
		return errs.Wrap(errs.Unavailable, err, "the mail server refused the message")
	}
	return c.Quit()
}

// compose renders an RFC 5322 plain-text message.
func (s *SMTP) compose(to *mail.Address, m Message) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\n", s.from.String(), to.String(),
		mime.QEncoding.Encode("utf-8", oneLine(m.Subject)), time.Now().Format(time.RFC1123Z))
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
	for line := range strings.Lines(m.Text) {
		b.WriteString(strings.TrimRight(line, "\r\n") + "\r\n") // net/smtp's writer dot-stuffs
	}
	return b.Bytes()
}

// oneLine keeps a header value on one line (a business name in a subject
// must not add headers).
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
