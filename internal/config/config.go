// Package config holds SmoothSchedule's settings. Every option is one row of
// the table in options.go: its environment variable, its command-line flag,
// its default and whether it is a secret. Secrets may also be read from a file
// named by NAME_FILE, and are masked by `config dump`.
package config

import (
	"flag"
	"fmt"
	"net"
	"os"
	"sort"
	"strings"
	"time"
)

// Config is the parsed configuration. Zero values are never used: Load fills
// every field from the option table's defaults first.
type Config struct {
	Mode           string // development or production
	DatabaseURL    string // empty: run a private PostgreSQL under DataDir
	DataDir        string
	BaseDomain     string
	ListenAddr     string
	MetricsAddr    string // empty: no metrics listener
	PublicScheme   string // http or https: how users reach us (for links)
	PublicPort     string // port shown in printed URLs; empty: from ListenAddr
	LogFormat      string // text or json
	LogLevel       string
	SecretKey      string
	Migrate        string // auto, true or false
	MigrateWorkers int
	DBMaxConns     int
	// Deadlines and fair shares (docs/operations.md, "Timeouts and caps").
	DBAcquireTimeout   time.Duration // longest wait for a pool connection
	DBStatementTimeout time.Duration
	DBLockTimeout      time.Duration
	DBIdleInTxTimeout  time.Duration
	RequestTimeout     time.Duration // deadline of every API request
	TenantDBShare      int           // percent of the pool one business may hold at once
	CORSOrigins        []string
	SMTPURL            string
	EmailFrom          string
	AccessTTL          time.Duration
	RefreshTTL         time.Duration
	MasqueradeTTL      time.Duration
	SessionIdleTimeout time.Duration // SESSION_IDLE_TIMEOUT: a session unused this long ends
	PlatformMFA        bool
	TrustProxy         bool

	source map[string]string // option env name -> where its value came from
}

// Production reports whether the server runs in production mode, where
// development conveniences (default secrets, the log-only mailer) are refused.
func (c *Config) Production() bool { return c.Mode == "production" }

// Load builds a Config from defaults, then the environment (and *_FILE
// secrets), then the flags registered on fs (already parsed by the caller).
// getenv is os.Getenv in production and a map in tests.
func Load(fs *flag.FlagSet, getenv func(string) string) (*Config, error) {
	c := &Config{source: map[string]string{}}
	set := map[string]bool{}
	if fs != nil {
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	}
	for _, o := range options {
		val, src := o.Default, "default"
		if v := getenv(o.Env); v != "" {
			val, src = v, "env "+o.Env
		} else if o.Secret {
			if path := getenv(o.Env + "_FILE"); path != "" {
				b, err := os.ReadFile(path)
				if err != nil {
					return nil, fmt.Errorf("%s_FILE: %w", o.Env, err)
				}
				val, src = strings.TrimSpace(string(b)), "file "+path
			}
		}
		if fs != nil && o.Flag != "" && set[o.Flag] {
			val, src = fs.Lookup(o.Flag).Value.String(), "flag --"+o.Flag
		}
		if err := o.set(c, val); err != nil {
			return nil, fmt.Errorf("%s (%s): %w", o.Env, src, err)
		}
		c.source[o.Env] = src
	}
	return c, c.validate()
}

// RegisterFlags adds every option that has a flag to fs, so subcommands share
// one table. Flag defaults are shown as the option defaults.
func RegisterFlags(fs *flag.FlagSet) {
	for _, o := range options {
		if o.Flag != "" && fs.Lookup(o.Flag) == nil {
			fs.String(o.Flag, o.Default, o.Usage+" (env "+o.Env+")")
		}
	}
}

func (c *Config) validate() error {
	switch c.Mode {
	case "development", "production":
	default:
		return fmt.Errorf("MODE must be development or production, not %q", c.Mode)
	}
	if c.Production() && c.SecretKey == "" {
		return fmt.Errorf("SECRET_KEY is required in production mode: set it (at least 32 characters) or SECRET_KEY_FILE")
	}
	if c.SecretKey != "" && len(c.SecretKey) < 32 {
		return fmt.Errorf("SECRET_KEY must be at least 32 characters long")
	}
	if c.DatabaseURL != "" {
		if err := checkDatabaseURL(c.DatabaseURL); err != nil {
			return err
		}
	}
	if _, _, err := net.SplitHostPort(c.ListenAddr); err != nil {
		return fmt.Errorf("listen address %q: want host:port or :port", c.ListenAddr)
	}
	return nil
}

// Entry is one row of `config dump`.
type Entry struct {
	Env, Value, Source string
}

// Dump lists every option with its effective value (secrets masked) and
// where the value came from.
func (c *Config) Dump() []Entry {
	var out []Entry
	for _, o := range options {
		v := o.get(c)
		if o.Secret && v != "" {
			v = mask(o.Env, v)
		}
		out = append(out, Entry{Env: o.Env, Value: v, Source: c.source[o.Env]})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Env < out[j].Env })
	return out
}

// ListenPort is the port part of ListenAddr.
func (c *Config) ListenPort() string {
	_, port, _ := net.SplitHostPort(c.ListenAddr)
	return port
}

// URL builds a user-facing URL for host (e.g. "acme.localhost") and path.
func (c *Config) URL(host, path string) string {
	port := c.PublicPort
	if port == "" {
		port = c.ListenPort()
	}
	if (c.PublicScheme == "http" && port == "80") || (c.PublicScheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		host = net.JoinHostPort(host, port)
	}
	return c.PublicScheme + "://" + host + path
}
