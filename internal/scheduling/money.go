package scheduling

import (
	"fmt"
	"strconv"
	"strings"
)

// Money is an amount in hundredths of the currency unit (cents). The API
// shows it as a decimal string, "50.00", next to a separate currency code.
type Money int64

// maxMoney keeps amounts far from int64 overflow (and from silly prices).
const maxMoney Money = 1e13 // 100 billion units

// ParseMoney reads a non-negative decimal amount with at most two decimals:
// "50", "50.5", "50.00". The API accepts a JSON number or string; the HTTP
// layer passes either as text (json.Number). Exponents, signs, thousands
// separators and fractions of a cent are refused.
func ParseMoney(s string) (Money, error) {
	bad := fmt.Errorf("amount %q is not a decimal like 50.00", s)
	whole, frac, hasDot := strings.Cut(strings.TrimSpace(s), ".")
	if whole == "" || (hasDot && frac == "") || len(frac) > 2 || len(whole) > 12 {
		return 0, bad
	}
	for _, c := range whole + frac {
		if c < '0' || c > '9' {
			return 0, bad
		}
	}
	units, _ := strconv.ParseInt(whole, 10, 64)
	cents, _ := strconv.ParseInt((frac + "00")[:2], 10, 64)
	m := Money(units*100 + cents)
	if m > maxMoney {
		return 0, fmt.Errorf("amount %q is too large", s)
	}
	return m, nil
}

// String formats m with two decimals, "50.00".
func (m Money) String() string {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	return fmt.Sprintf("%s%d.%02d", sign, m/100, m%100)
}

// Percent is m × p / 100, rounded half up to the cent (p in 0 … 100).
func (m Money) Percent(p int) Money { return (m*Money(p) + 50) / 100 }

// validCurrency reports whether c looks like an ISO 4217 code ("EUR").
func validCurrency(c string) bool {
	if len(c) != 3 {
		return false
	}
	for _, r := range c {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
