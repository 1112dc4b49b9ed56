package tenancy

import (
	"context"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// SiteKind is what a host is for.
type SiteKind int

const (
	SiteApex     SiteKind = iota + 1 // BASE_DOMAIN itself: public pages, sign-up
	SitePlatform                     // platform.BASE_DOMAIN: the operator's console
	SiteTenant                       // a tenant's subdomain or verified custom domain
)

func (k SiteKind) String() string {
	switch k {
	case SiteApex:
		return "apex"
	case SitePlatform:
		return "platform"
	case SiteTenant:
		return "tenant"
	}
	return "unknown"
}

// Site is what a request's host resolved to.
type Site struct {
	Kind   SiteKind
	Host   string  // normalized host, no port
	Tenant *Tenant // for SiteTenant
}

type ctxKey struct{}

// WithSite returns a context carrying site.
func WithSite(ctx context.Context, s *Site) context.Context {
	return context.WithValue(ctx, ctxKey{}, s)
}

// SiteFrom returns the site a context carries, or nil.
func SiteFrom(ctx context.Context) *Site {
	s, _ := ctx.Value(ctxKey{}).(*Site)
	return s
}

// TenantFrom returns the tenant a context carries, or nil.
func TenantFrom(ctx context.Context) *Tenant {
	if s := SiteFrom(ctx); s != nil {
		return s.Tenant
	}
	return nil
}

// NormalizeHost lowercases a Host header and drops the port and a trailing dot.
func NormalizeHost(host string) string {
	host = strings.ToLower(strings.TrimSpace(host))
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return strings.TrimSuffix(host, ".")
}

// Resolver maps hosts to sites, caching answers in process. Invalidate is
// called when tenants or domains change (the database notifies every
// process), and entries also expire after TTL as a safety net.
type Resolver struct {
	BaseDomain string
	Lookup     func(ctx context.Context, host string) (*Tenant, *Domain, error)
	TTL        time.Duration // default one minute
	MaxEntries int           // default 10,000; the cache is dropped when full
	Now        func() time.Time

	mu    sync.RWMutex
	cache map[string]cacheEntry
	gen   uint64
}

type cacheEntry struct {
	tenant  *Tenant // nil: no such host
	expires time.Time
}

// Resolve returns the site for host, or a NotFound error for an unknown host
// (also for an unverified custom domain or a deleted tenant).
func (r *Resolver) Resolve(ctx context.Context, rawHost string) (*Site, error) {
	host := NormalizeHost(rawHost)
	switch {
	case host == r.BaseDomain:
		return &Site{Kind: SiteApex, Host: host}, nil
	case host == "platform."+r.BaseDomain:
		return &Site{Kind: SitePlatform, Host: host}, nil
	case host == "" || net.ParseIP(host) != nil:
		return nil, errs.E(errs.NotFound, "no site at host %q", rawHost)
	}
	t, err := r.tenant(ctx, host)
	if err != nil {
		return nil, err
	}
	if t == nil {
		return nil, errs.E(errs.NotFound, "no business at %s", host)
	}
	return &Site{Kind: SiteTenant, Host: host, Tenant: t}, nil
}

func (r *Resolver) tenant(ctx context.Context, host string) (*Tenant, error) {
	now := r.now()
	r.mu.RLock()
	e, ok := r.cache[host]
	gen := r.gen
	r.mu.RUnlock()
	if ok && now.Before(e.expires) {
		return e.tenant, nil
	}
	t, d, err := r.Lookup(ctx, host)
	switch {
	case errs.Is(err, errs.NotFound):
		t = nil
	case err != nil:
		return nil, err
	case d.Custom && !d.Verified, !t.Live():
		t = nil
	default:
		t.Zone, _ = time.LoadLocation(t.TimeZone) // cached with the row: loaded once, not per request
	}
	r.mu.Lock()
	if r.gen == gen { // no invalidation raced with the lookup
		if r.cache == nil || len(r.cache) >= r.maxEntries() {
			r.cache = map[string]cacheEntry{}
		}
		r.cache[host] = cacheEntry{tenant: t, expires: now.Add(r.ttl())}
	}
	r.mu.Unlock()
	return t, nil
}

// Invalidate drops every cached answer.
func (r *Resolver) Invalidate() {
	r.mu.Lock()
	r.cache = nil
	r.gen++
	r.mu.Unlock()
}

func (r *Resolver) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Resolver) ttl() time.Duration {
	if r.TTL > 0 {
		return r.TTL
	}
	return time.Minute
}

func (r *Resolver) maxEntries() int {
	if r.MaxEntries > 0 {
		return r.MaxEntries
	}
	return 10000
}
