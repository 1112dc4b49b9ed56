package app

import (
	"io/fs"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/notify"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// Option replaces one of the App's ties to the world outside the process —
// the clock, the mail server, DNS, the built web app — with another. serve
// uses none; tests of the whole application use them to read the mail it
// sends and to move time, while every other part is wired as serve wires
// it.
type Option func(*App)

// WithClock makes now the time source of every service and of the server.
func WithClock(now func() time.Time) Option {
	return func(a *App) { a.Now = now }
}

// WithMailer delivers mail through m instead of SMTP_URL's server.
func WithMailer(m notify.Mailer) Option {
	return func(a *App) { a.mailer = m }
}

// WithDNS looks up custom domains' verification records with r instead of
// the system's resolver.
func WithDNS(r tenancy.TXTResolver) Option {
	return func(a *App) { a.dns = r }
}

// WithWeb serves files as the web app instead of the embedded build.
func WithWeb(files fs.FS) Option {
	return func(a *App) { a.web = files }
}
