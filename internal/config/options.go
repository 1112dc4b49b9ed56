package config

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

type option struct {
	Env     string
	Flag    string
	Default string
	Usage   string
	Secret  bool
	set     func(c *Config, v string) error
	get     func(c *Config) string
}

// options is the one table of settings.
var options = []option{
	{Env: "MODE", Flag: "mode", Default: "development", Usage: "development or production (production refuses default secrets and debug conveniences)",
		set: str(func(c *Config) *string { return &c.Mode }), get: func(c *Config) string { return c.Mode }},
	{Env: "DATABASE_URL", Flag: "database-url", Usage: "PostgreSQL URL; empty runs a private PostgreSQL under DATA_DIR/pg", Secret: true,
		set: str(func(c *Config) *string { return &c.DatabaseURL }), get: func(c *Config) string { return c.DatabaseURL }},
	{Env: "DATA_DIR", Flag: "data-dir", Default: "./data", Usage: "directory for the private PostgreSQL and local state",
		set: str(func(c *Config) *string { return &c.DataDir }), get: func(c *Config) string { return c.DataDir }},
	{Env: "BASE_DOMAIN", Flag: "base-domain", Default: "localhost", Usage: "apex domain: tenants are {slug}.BASE_DOMAIN, the console is platform.BASE_DOMAIN",
		set: func(c *Config, v string) error {
			v = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(v), "."))
			if v == "" || strings.ContainsAny(v, "/: ") {
				return fmt.Errorf("want a bare domain such as example.com, got %q", v)
			}
			c.BaseDomain = v
			return nil
		}, get: func(c *Config) string { return c.BaseDomain }},
	{Env: "LISTEN_ADDR", Flag: "addr", Default: ":8000", Usage: "HTTP listen address",
		set: str(func(c *Config) *string { return &c.ListenAddr }), get: func(c *Config) string { return c.ListenAddr }},
	{Env: "PUBLIC_SCHEME", Flag: "public-scheme", Default: "http", Usage: "scheme users reach the server with (https behind a TLS proxy)",
		set: oneOf(func(c *Config) *string { return &c.PublicScheme }, "http", "https"), get: func(c *Config) string { return c.PublicScheme }},
	{Env: "PUBLIC_PORT", Flag: "public-port", Usage: "port users reach the server on, for printed links (default: the listen port)",
		set: str(func(c *Config) *string { return &c.PublicPort }), get: func(c *Config) string { return c.PublicPort }},
	{Env: "LOG_FORMAT", Flag: "log-format", Default: "text", Usage: "text or json",
		set: oneOf(func(c *Config) *string { return &c.LogFormat }, "text", "json"), get: func(c *Config) string { return c.LogFormat }},
	{Env: "LOG_LEVEL", Flag: "log-level", Default: "info", Usage: "debug, info, warn or error",
		set: oneOf(func(c *Config) *string { return &c.LogLevel }, "debug", "info", "warn", "error"), get: func(c *Config) string { return c.LogLevel }},
	{Env: "SECRET_KEY", Usage: "key for signed links and CSRF tokens (required in production; development generates one under DATA_DIR)", Secret: true,
		set: str(func(c *Config) *string { return &c.SecretKey }), get: func(c *Config) string { return c.SecretKey }},
	{Env: "MIGRATE", Flag: "migrate", Default: "auto", Usage: "serve: migrate schemas that are behind (auto: only for the private database)",
		set: oneOf(func(c *Config) *string { return &c.Migrate }, "auto", "true", "false"), get: func(c *Config) string { return c.Migrate }},
	{Env: "MIGRATE_WORKERS", Flag: "workers", Default: "4", Usage: "tenant schemas migrated in parallel",
		set: intIn(func(c *Config) *int { return &c.MigrateWorkers }, 1, 64), get: func(c *Config) string { return strconv.Itoa(c.MigrateWorkers) }},
	{Env: "DB_MAX_CONNS", Default: "20", Usage: "database connection pool size",
		set: intIn(func(c *Config) *int { return &c.DBMaxConns }, 1, 1000), get: func(c *Config) string { return strconv.Itoa(c.DBMaxConns) }},
	{Env: "DB_ACQUIRE_TIMEOUT", Default: "3s", Usage: "longest a request waits for a free database connection before it answers 503 with Retry-After",
		set: dur(func(c *Config) *time.Duration { return &c.DBAcquireTimeout }), get: func(c *Config) string { return c.DBAcquireTimeout.String() }},
	{Env: "DB_STATEMENT_TIMEOUT", Default: "15s", Usage: "PostgreSQL statement_timeout of every connection",
		set: dur(func(c *Config) *time.Duration { return &c.DBStatementTimeout }), get: func(c *Config) string { return c.DBStatementTimeout.String() }},
	{Env: "DB_LOCK_TIMEOUT", Default: "3s", Usage: "PostgreSQL lock_timeout of every connection (a change waiting longer for a row answers 503)",
		set: dur(func(c *Config) *time.Duration { return &c.DBLockTimeout }), get: func(c *Config) string { return c.DBLockTimeout.String() }},
	{Env: "DB_IDLE_IN_TX_TIMEOUT", Default: "30s", Usage: "PostgreSQL idle_in_transaction_session_timeout of every connection",
		set: dur(func(c *Config) *time.Duration { return &c.DBIdleInTxTimeout }), get: func(c *Config) string { return c.DBIdleInTxTimeout.String() }},
	{Env: "REQUEST_TIMEOUT", Default: "30s", Usage: "deadline of every API request (WebSockets excepted)",
		set: dur(func(c *Config) *time.Duration { return &c.RequestTimeout }), get: func(c *Config) string { return c.RequestTimeout.String() }},
	{Env: "TENANT_DB_SHARE", Default: "50", Usage: "percent of the connection pool one business's requests may use at once (beyond it: 429 with Retry-After)",
		set: intIn(func(c *Config) *int { return &c.TenantDBShare }, 1, 100), get: func(c *Config) string { return strconv.Itoa(c.TenantDBShare) }},
	{Env: "METRICS_ADDR", Flag: "metrics-addr", Usage: "serve Prometheus metrics at http://METRICS_ADDR/metrics on a listener of its own, e.g. 127.0.0.1:9100 (empty: off)",
		set: str(func(c *Config) *string { return &c.MetricsAddr }), get: func(c *Config) string { return c.MetricsAddr }},
	{Env: "CORS_ALLOWED_ORIGINS", Usage: "comma-separated origins allowed cross-origin API access (empty: CORS off)",
		set: func(c *Config, v string) error { c.CORSOrigins = splitList(v); return nil },
		get: func(c *Config) string { return strings.Join(c.CORSOrigins, ",") }},
	{Env: "SMTP_URL", Usage: "smtp://user:pass@host:587 for outgoing mail (empty: mail is logged, development only)", Secret: true,
		set: str(func(c *Config) *string { return &c.SMTPURL }), get: func(c *Config) string { return c.SMTPURL }},
	{Env: "EMAIL_FROM", Default: "SmoothSchedule <no-reply@localhost>", Usage: "sender of outgoing mail",
		set: str(func(c *Config) *string { return &c.EmailFrom }), get: func(c *Config) string { return c.EmailFrom }},
	{Env: "ACCESS_TTL", Default: "15m", Usage: "lifetime of an access token",
		set: dur(func(c *Config) *time.Duration { return &c.AccessTTL }), get: func(c *Config) string { return c.AccessTTL.String() }},
	{Env: "REFRESH_TTL", Default: "720h", Usage: "lifetime of a session (refresh token family)",
		set: dur(func(c *Config) *time.Duration { return &c.RefreshTTL }), get: func(c *Config) string { return c.RefreshTTL.String() }},
	{Env: "SESSION_IDLE_TIMEOUT", Default: "12h", Usage: "a session unused this long ends (sign in again)",
		set: dur(func(c *Config) *time.Duration { return &c.SessionIdleTimeout }), get: func(c *Config) string { return c.SessionIdleTimeout.String() }},
	{Env: "MASQUERADE_TTL", Default: "60m", Usage: "longest a masquerade lasts",
		set: dur(func(c *Config) *time.Duration { return &c.MasqueradeTTL }), get: func(c *Config) string { return c.MasqueradeTTL.String() }},
	{Env: "PLATFORM_REQUIRE_MFA", Default: "false", Usage: "platform staff must enrol in MFA",
		set: boolean(func(c *Config) *bool { return &c.PlatformMFA }), get: func(c *Config) string { return strconv.FormatBool(c.PlatformMFA) }},
	{Env: "TRUST_PROXY", Default: "false", Usage: "trust X-Forwarded-For/Proto from a reverse proxy",
		set: boolean(func(c *Config) *bool { return &c.TrustProxy }), get: func(c *Config) string { return strconv.FormatBool(c.TrustProxy) }},
}

func str(field func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error { *field(c) = strings.TrimSpace(v); return nil }
}

func oneOf(field func(*Config) *string, allowed ...string) func(*Config, string) error {
	return func(c *Config, v string) error {
		v = strings.ToLower(strings.TrimSpace(v))
		for _, a := range allowed {
			if v == a {
				*field(c) = v
				return nil
			}
		}
		return fmt.Errorf("want one of %s, got %q", strings.Join(allowed, ", "), v)
	}
}

func intIn(field func(*Config) *int, lo, hi int) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < lo || n > hi {
			return fmt.Errorf("want a whole number from %d to %d, got %q", lo, hi, v)
		}
		*field(c) = n
		return nil
	}
}

func dur(field func(*Config) *time.Duration) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := time.ParseDuration(strings.TrimSpace(v))
		if err != nil || d <= 0 {
			return fmt.Errorf("want a positive duration such as 15m or 12h, got %q", v)
		}
		*field(c) = d
		return nil
	}
}

func boolean(field func(*Config) *bool) func(*Config, string) error {
	return func(c *Config, v string) error {
		b, err := strconv.ParseBool(strings.TrimSpace(v))
		if err != nil {
			return fmt.Errorf("want true or false, got %q", v)
		}
		*field(c) = b
		return nil
	}
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// checkDatabaseURL rejects a malformed DATABASE_URL early, with a message
// that says what a good one looks like.
func checkDatabaseURL(raw string) error {
	const want = "want postgres://user:password@host:5432/dbname?sslmode=disable"
	if strings.HasPrefix(raw, "postgres://") || strings.HasPrefix(raw, "postgresql://") {
		u, err := url.Parse(raw)
		if err != nil {
			return fmt.Errorf("DATABASE_URL is malformed (%v): %s", redactErr(err), want)
		}
		if u.Host == "" && u.Query().Get("host") == "" {
			return fmt.Errorf("DATABASE_URL has no host: %s", want)
		}
		return nil
	}
	if strings.Contains(raw, "=") && !strings.Contains(raw, "://") { // key=value DSN
		return nil
	}
	return fmt.Errorf("DATABASE_URL is malformed: %s", want)
}

// redactErr keeps a url.Error from echoing a password.
func redactErr(err error) string {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err.Error()
	}
	return "parse error"
}

// mask hides a secret. Database URLs keep everything but the password so an
// operator can still see which server is configured.
func mask(env, v string) string {
	if env == "DATABASE_URL" || env == "SMTP_URL" {
		if u, err := url.Parse(v); err == nil && u.User != nil {
			if _, has := u.User.Password(); has {
				u.User = url.UserPassword(u.User.Username(), "xxxxx")
			}
			return strings.Replace(u.String(), "xxxxx", "******", 1)
		}
		if u, err := url.Parse(v); err == nil && u.Scheme != "" {
			return u.String()
		}
	}
	return "******"
}
