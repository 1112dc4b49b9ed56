package tenancy

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/idna"

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// MaxCustomDomains is how many custom domains one business may have.
const MaxCustomDomains = 5

// ChallengePrefix is the label under which a business proves it controls a
// custom domain: a TXT record at _smoothschedule-challenge.<domain> whose
// value is the domain's verification token.
const ChallengePrefix = "_smoothschedule-challenge."

// PendingClaimTTL is how long an unverified custom domain holds its name:
// after it, another business may add the same domain (the first claim is
// dropped), so that nobody can squat a name they cannot verify.
const PendingClaimTTL = 7 * 24 * time.Hour

// TXTResolver looks up DNS TXT records. *net.Resolver implements it; tests
// pass a fake, so no test touches the network.
type TXTResolver interface {
	LookupTXT(ctx context.Context, name string) ([]string, error)
}

// DomainRecord is one row of a business's domains, as the settings page and
// the platform console show it.
type DomainRecord struct {
	Domain     string
	TenantID   string
	Primary    bool
	Custom     bool
	Token      string // verification token (custom domains); public by nature: it is published in DNS
	VerifiedAt *time.Time
	CreatedAt  time.Time
}

// Verified reports whether the domain reaches its business.
func (d DomainRecord) Verified() bool { return d.VerifiedAt != nil }

// ChallengeName is the TXT record's name for the domain.
func (d DomainRecord) ChallengeName() string { return ChallengePrefix + d.Domain }

// DomainStore keeps a business's domains.
type DomainStore interface {
	ByID(ctx context.Context, id string) (*Tenant, error)
	// TenantDomains lists a tenant's domains: primary first, then custom
	// ones by creation.
	TenantDomains(ctx context.Context, tenantID string) ([]DomainRecord, error)
	// AddCustomDomain inserts d unless the tenant already has max custom
	// domains (LimitReached) or the name is taken (Conflict on domain);
	// an unverified claim of another tenant older than staleBefore is
	// released first. Count and insert are atomic per tenant.
	// events (the audit events recording the change) are written in the
	// same transaction, here and below.
	AddCustomDomain(ctx context.Context, d DomainRecord, max int, staleBefore time.Time, events ...audit.Event) error
	// TenantDomain finds one of a tenant's domains (NotFound otherwise).
	TenantDomain(ctx context.Context, tenantID, domain string) (*DomainRecord, error)
	// MarkDomainVerified stamps verified_at (kept if already set); events
	// are written only when this call verified the domain.
	MarkDomainVerified(ctx context.Context, tenantID, domain string, at time.Time, events ...audit.Event) (*DomainRecord, error)
	// RemoveCustomDomain deletes a custom, non-primary domain of a tenant.
	RemoveCustomDomain(ctx context.Context, tenantID, domain string, events ...audit.Event) error
}

// Domains manages businesses' custom domains: adding them with a
// verification token, proving control through DNS, removing them. Every
// change reaches the host router of every process through the domains
// trigger (NOTIFY ss_tenancy).
type Domains struct {
	Store      DomainStore
	DNS        TXTResolver // nil: net.DefaultResolver
	BaseDomain string
	Now        func() time.Time
	// LookupTimeout bounds one verification's DNS query (default 5 s).
	LookupTimeout time.Duration
}

func (s *Domains) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// List returns a tenant's domains.
func (s *Domains) List(ctx context.Context, tenantID string) ([]DomainRecord, error) {
	return s.Store.TenantDomains(ctx, tenantID)
}

// Audited domain changes take by: who makes the change, from where (an
// audit.Event without Action; Reason is kept). The service completes it
// (action, domain, time) and the store writes it in the change's
// transaction.

// Add validates raw and records it as a pending custom domain of tenantID,
// with a fresh verification token. Audited DOMAIN_ADDED.
func (s *Domains) Add(ctx context.Context, tenantID, raw string, by audit.Event) (*DomainRecord, error) {
	name, err := NormalizeCustomDomain(raw, s.BaseDomain)
	if err != nil {
		return nil, err
	}
	tok := make([]byte, 16)
	if _, err := rand.Read(tok); err != nil {
		return nil, err
	}
	d := DomainRecord{Domain: name, TenantID: tenantID, Custom: true, Token: "ss-verify-" + hex.EncodeToString(tok), CreatedAt: s.now()}
	if err := s.Store.AddCustomDomain(ctx, d, MaxCustomDomains, d.CreatedAt.Add(-PendingClaimTTL), s.event(by, audit.DomainAdded, tenantID, name)...); err != nil {
		return nil, err
	}
	return &d, nil
}

// Verify looks up the domain's TXT challenge and, when one of its records
// equals the token, marks the domain verified (newly: it was pending). A
// failure is an Invalid error whose message says what was found and what
// was expected. A verified domain is not checked again. Audited
// DOMAIN_VERIFIED.
func (s *Domains) Verify(ctx context.Context, tenantID, domain string, by audit.Event) (d *DomainRecord, newly bool, err error) {
	d, err = s.customDomain(ctx, tenantID, domain)
	if err != nil || d.Verified() {
		return d, false, err
	}
	timeout := s.LookupTimeout
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	lctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var r TXTResolver = net.DefaultResolver
	if s.DNS != nil {
		r = s.DNS
	}
	name := d.ChallengeName()
	records, err := r.LookupTXT(lctx, name)
	var dnsErr *net.DNSError
	switch {
	case err != nil && errors.As(err, &dnsErr) && dnsErr.IsNotFound, err == nil && len(records) == 0:
		return nil, false, verifyFailed("txt_missing", name, d.Token,
			"no TXT record found at %s yet: add it with the value %s (DNS changes can take a few minutes to an hour to appear), then verify again", name, d.Token)
	case err != nil:
		return nil, false, verifyFailed("dns_error", name, d.Token,
			"the DNS lookup of %s failed (%s): try again in a few minutes", name, dnsReason(err))
	}
	for _, v := range records {
		if strings.TrimSpace(strings.Trim(strings.TrimSpace(v), `"`)) == d.Token {
			d, err = s.Store.MarkDomainVerified(ctx, tenantID, d.Domain, s.now(), s.event(by, audit.DomainVerified, tenantID, d.Domain)...)
			return d, err == nil, err
		}
	}
	found := strings.Join(records, ", ")
	if len(found) > 200 {
		found = found[:200] + "…"
	}
	return nil, false, verifyFailed("txt_mismatch", name, d.Token,
		"the TXT record at %s is %q, but it must be %s: correct it, then verify again", name, found, d.Token)
}

// VerifyManually marks a custom domain verified without a DNS check (a
// platform support case). Audited DOMAIN_VERIFIED_MANUALLY (by.Reason:
// the support case).
func (s *Domains) VerifyManually(ctx context.Context, tenantID, domain string, by audit.Event) (d *DomainRecord, newly bool, err error) {
	d, err = s.customDomain(ctx, tenantID, domain)
	if err != nil || d.Verified() {
		return d, false, err
	}
	d, err = s.Store.MarkDomainVerified(ctx, tenantID, d.Domain, s.now(), s.event(by, audit.DomainVerifiedManually, tenantID, d.Domain)...)
	return d, err == nil, err
}

// Remove deletes a custom domain; the primary domain stays. Audited
// DOMAIN_REMOVED.
func (s *Domains) Remove(ctx context.Context, tenantID, domain string, by audit.Event) (*DomainRecord, error) {
	d, err := s.customDomain(ctx, tenantID, domain)
	if err != nil {
		return nil, err
	}
	return d, s.Store.RemoveCustomDomain(ctx, tenantID, d.Domain, s.event(by, audit.DomainRemoved, tenantID, d.Domain)...)
}

// event completes by into the event of action on domain.
func (s *Domains) event(by audit.Event, action audit.Action, tenantID, domain string) []audit.Event {
	e := by
	e.Action, e.TenantID = action, tenantID
	e.Detail = map[string]any{"domain": domain}
	if e.CreatedAt.IsZero() {
		e.CreatedAt = s.now()
	}
	return []audit.Event{e}
}

// customDomain finds a custom domain of the tenant; the subdomain answers
// a Conflict (it cannot be verified or removed), anything else NotFound.
func (s *Domains) customDomain(ctx context.Context, tenantID, domain string) (*DomainRecord, error) {
	name := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(domain)), ".")
	if n, err := NormalizeCustomDomain(name, s.BaseDomain); err == nil {
		name = n
	}
	d, err := s.Store.TenantDomain(ctx, tenantID, name)
	if err != nil {
		return nil, err
	}
	if !d.Custom {
		return nil, errs.E(errs.Conflict, "%s is the business's own address on the platform: it is always verified and cannot be removed", d.Domain)
	}
	return d, nil
}

func verifyFailed(reason, name, token, format string, args ...any) error {
	return errs.E(errs.Invalid, format, args...).With("reason", reason).
		With("txtName", name).With("txtValue", token)
}

func dnsReason(err error) string {
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &dnsErr) && dnsErr.IsTimeout, errors.Is(err, context.DeadlineExceeded):
		return "timed out"
	case errors.As(err, &dnsErr):
		return dnsErr.Err
	}
	return "lookup error"
}

// domainProfile is UTS-46 processing for names people type (the lookup
// profile, nontransitional as browsers resolve them: "faß" stays "faß"):
// case folding and compatibility mapping (fullwidth letters and dots),
// disallowed code points, joiners, hyphens and bidi rules checked, labels
// already in punycode validated.
var domainProfile = idna.New(idna.MapForLookup(), idna.Transitional(false), idna.BidiRule(),
	idna.ValidateLabels(true), idna.CheckHyphens(true), idna.CheckJoiners(true), idna.StrictDomainName(true))

// NormalizeCustomDomain checks a host name a business wants to use and
// returns its canonical form per UTS-46: lowercase ASCII, Unicode labels
// converted to punycode (xn--), no trailing dot. It refuses schemes, ports, paths, IP
// addresses, single labels, BASE_DOMAIN and its subdomains. Errors name
// the field "domain".
func NormalizeCustomDomain(raw, baseDomain string) (string, error) {
	const loc = "domain"
	s := strings.TrimSpace(raw)
	switch {
	case s == "":
		return "", errs.Field(loc, "enter a domain, like booking.example.com")
	case strings.Contains(s, "://"):
		return "", errs.Field(loc, "enter the domain only, without %s (like booking.example.com)", s[:strings.Index(s, "://")+3])
	case strings.ContainsAny(s, "/?#"):
		return "", errs.Field(loc, "enter the domain only, without a path (like booking.example.com)")
	case strings.Contains(s, "@"):
		return "", errs.Field(loc, "enter a domain, not an email address")
	case net.ParseIP(strings.Trim(s, "[]")) != nil:
		return "", errs.Field(loc, "an IP address cannot be a custom domain: enter a host name and point it at us")
	case strings.Contains(s, ":"):
		return "", errs.Field(loc, "enter the domain without a port")
	case !utf8.ValidString(s):
		return "", errs.Field(loc, "the domain is not valid text")
	}
	a, err := domainProfile.ToASCII(s)
	if err != nil {
		return "", errs.Field(loc, "%q is not a valid domain name: %s", s, idnaReason(err))
	}
	s = strings.TrimSuffix(a, ".")
	labels := strings.Split(s, ".")
	if len(labels) < 2 {
		return "", errs.Field(loc, "%q is not a full domain: include its ending, like %s.com", s, s)
	}
	for _, l := range labels {
		if l == "" {
			return "", errs.Field(loc, "%q has an empty part between dots", s)
		}
		if len(l) > 63 {
			return "", errs.Field(loc, "each part of a domain has at most 63 characters; %q is longer", l)
		}
		if strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return "", errs.Field(loc, "%q may contain only letters, digits and hyphens between the dots", raw)
		}
		if l[0] == '-' || l[len(l)-1] == '-' {
			return "", errs.Field(loc, "a part of a domain cannot start or end with a hyphen (%q)", l)
		}
	}
	name := strings.Join(labels, ".")
	if tld := labels[len(labels)-1]; strings.Trim(tld, "0123456789") == "" {
		return "", errs.Field(loc, "an IP address cannot be a custom domain: enter a host name and point it at us")
	}
	if len(name) > 253 {
		return "", errs.Field(loc, "a domain has at most 253 characters")
	}
	if baseDomain != "" && (name == baseDomain || strings.HasSuffix(name, "."+baseDomain)) {
		return "", errs.Field(loc, "%s is one of SmoothSchedule's own addresses: enter a domain your business owns", name)
	}
	return name, nil
}

// idnaReason is the idna package's complaint without its prefix.
func idnaReason(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return msg
}
