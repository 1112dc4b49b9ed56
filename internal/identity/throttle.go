package identity

import "time"

// ThrottleKey is a throttle key with the rule it counts under. A
// CheckOnly key is only checked for a lock, never counted.
type ThrottleKey struct {
	Key       string
	Rule      ThrottleRule
	CheckOnly bool
}

// ThrottleRule says how many failures a key may have before it is locked,
// and for how long: after Free failures, each further one locks the key for
// Base, doubling with every failure, up to Max. Failures older than Window
// are forgotten.
type ThrottleRule struct {
	Free      int
	Base, Max time.Duration
	Window    time.Duration
}

// The rules for sign-in (password and second factor). One account gets five
// tries, then 1 s, 2 s, 4 s … up to 15 minutes between tries; one address,
// which may front many honest users (an office, a mobile carrier), gets
// thirty.
var (
	AccountThrottle = ThrottleRule{Free: 5, Base: time.Second, Max: 15 * time.Minute, Window: time.Hour}
	IPThrottle      = ThrottleRule{Free: 30, Base: time.Second, Max: 15 * time.Minute, Window: time.Hour}
)

// The rules for requests that count whether or not they succeed, per
// address: password-reset requests (so that nobody floods a mailbox or
// probes many emails) and customer sign-ups. Ten pass freely (the tenth
// sets the first lock), then one after 1 min, 2 min … up to an hour, until
// the address has been quiet for an hour.
var (
	ResetIPThrottle    = ThrottleRule{Free: 9, Base: time.Minute, Max: time.Hour, Window: time.Hour}
	RegisterIPThrottle = ThrottleRule{Free: 9, Base: time.Minute, Max: time.Hour, Window: time.Hour}
)

// longestThrottleWindow is the longest Window among the rules: a row with
// no failure for that long counts as no row.
func longestThrottleWindow() time.Duration {
	var w time.Duration
	for _, r := range []ThrottleRule{AccountThrottle, IPThrottle, ResetIPThrottle, RegisterIPThrottle, TokenIPThrottle} {
		w = max(w, r.Window)
	}
	return w
}

// LockFor is how long a key with failures failures stays locked (0: not).
func (r ThrottleRule) LockFor(failures int) time.Duration {
	over := failures - r.Free
	if over <= 0 {
		return 0
	}
	if over > 30 {
		return r.Max
	}
	return min(r.Base<<(over-1), r.Max)
}
