package httpapi

import (
	"context"
	"net"
	"net/http"
	"strings"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

type clientKey struct{}

// withClient stores the caller's address and user agent for handlers
// (sessions and audit events record them).
func withClient(ctx context.Context, c identity.Client) context.Context {
	return context.WithValue(ctx, clientKey{}, c)
}

func clientFrom(ctx context.Context) identity.Client {
	c, _ := ctx.Value(clientKey{}).(identity.Client)
	return c
}

// clientOf reads the caller's address: the connection's peer, or with
// TRUST_PROXY the last X-Forwarded-For entry (the one our proxy appended;
// earlier entries are the client's to forge).
func (s *Server) clientOf(r *http.Request) identity.Client {
	ip := r.RemoteAddr
	if h, _, err := net.SplitHostPort(ip); err == nil {
		ip = h
	}
	if s.Config.TrustProxy {
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			parts := strings.Split(xff[len(xff)-1], ",")
			if last := strings.TrimSpace(parts[len(parts)-1]); net.ParseIP(last) != nil {
				ip = last
			}
		}
	}
	ua := strings.ToValidUTF8(strings.ReplaceAll(r.UserAgent(), "\x00", ""), "")
	if len(ua) > 512 {
		ua = strings.ToValidUTF8(ua[:512], "")
	}
	return identity.Client{IP: ip, UserAgent: ua}
}

// realmOf is where people sign in on site: its tenant, or the platform.
// Nobody signs in on the apex host.
func realmOf(site *tenancy.Site, baseDomain string) (identity.Realm, bool) {
	switch {
	case site == nil:
		return identity.Realm{}, false
	case site.Kind == tenancy.SiteTenant:
		return identity.Realm{TenantID: site.Tenant.ID, Name: site.Tenant.Name, Host: site.Tenant.Slug + "." + baseDomain}, true
	case site.Kind == tenancy.SitePlatform:
		return identity.Realm{Host: "platform." + baseDomain}, true
	}
	return identity.Realm{}, false
}

// realm is the request's realm, or NotFound on the apex host.
func (s *Server) realm(ctx context.Context) (identity.Realm, error) {
	r, ok := realmOf(tenancy.SiteFrom(ctx), s.Config.BaseDomain)
	if !ok {
		return r, errs.E(errs.NotFound, "there is no sign-in on this site: sign in on your business's site or on the platform console")
	}
	return r, nil
}
