package httpapi

import (
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// checkText refuses, at the edge, text that PostgreSQL cannot store: a NUL
// character (U+0000, valid JSON as "\u0000") or bytes that are not UTF-8
// (possible in path and query parameters, "%FF"). It walks the parsed
// input of an operation — path, query and header parameters and the body —
// and names the first offending member the way huma does ("body.reason",
// "query.search", "body.hours[0].note"). Without it such input reached the
// database and came back as a 500.
//
// It also bounds every instant the API accepts (instantWindow): a
// time.Time anywhere in the input, and query parameters named date,
// *_date or *_time given as YYYY-MM-DD or RFC 3339. Year-9999 bookings were
// stored and then broke every list that showed them.
func checkText(in any, now time.Time) error {
	return walkText(reflect.ValueOf(in), "", 0, now)
}

// The window of instants the API accepts, around now: bookings, blockers,
// their ends and recurrences, and the dates of queries.
const (
	maxYearsAhead = 5
	maxYearsBack  = 20
)

// checkInstant refuses t outside the window around now.
func checkInstant(loc string, t, now time.Time) error {
	lo, hi := now.AddDate(-maxYearsBack, 0, 0), now.AddDate(maxYearsAhead, 0, 1)
	if t.Before(lo) || t.After(hi) {
		return errs.Field(loc, "%s must be between %s and %s (at most %d years ahead, %d years back)",
			name(loc), lo.UTC().Format(time.DateOnly), hi.UTC().Format(time.DateOnly), maxYearsAhead, maxYearsBack)
	}
	return nil
}

// queryInstantLike reports whether the query parameter carries a date or
// an instant by its name (date, start_date, start_time …) and parses it;
// values that do not parse are the handler's to refuse.
func queryInstantLike(loc, v string) (time.Time, bool) {
	n := strings.TrimPrefix(loc, "query.")
	if n == loc || (n != "date" && !strings.HasSuffix(n, "_date") && !strings.HasSuffix(n, "_time")) {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, true
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, true
	}
	return time.Time{}, false
}

var timeType = reflect.TypeFor[time.Time]()

func walkText(v reflect.Value, loc string, depth int, now time.Time) error {
	if depth > 32 || !v.IsValid() {
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return walkText(v.Elem(), loc, depth+1, now)
	case reflect.String:
		s := v.String()
		if strings.IndexByte(s, 0) >= 0 {
			return errs.Field(loc, "%s must not contain NUL characters", name(loc))
		}
		if !utf8.ValidString(s) {
			return errs.Field(loc, "%s is not valid UTF-8 text", name(loc))
		}
		if t, ok := queryInstantLike(loc, s); ok {
			return checkInstant(loc, t, now)
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return nil // raw bytes, not text
		}
		for i := range v.Len() {
			if err := walkText(v.Index(i), loc+"["+strconv.Itoa(i)+"]", depth+1, now); err != nil {
				return err
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			k := iter.Key()
			if k.Kind() == reflect.String {
				if err := walkText(k, loc, depth+1, now); err != nil {
					return err
				}
				if err := walkText(iter.Value(), join(loc, k.String()), depth+1, now); err != nil {
					return err
				}
			}
		}
	case reflect.Struct:
		if v.Type() == timeType {
			if t := v.Interface().(time.Time); !t.IsZero() {
				return checkInstant(loc, t, now)
			}
			return nil
		}
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			fv := v.Field(i)
			switch {
			case loc == "" && f.Name == "Body":
				if err := walkText(fv, "body", depth+1, now); err != nil {
					return err
				}
			case loc == "" && tagName(f, "path") != "":
				if err := walkText(fv, "path."+tagName(f, "path"), depth+1, now); err != nil {
					return err
				}
			case loc == "" && tagName(f, "query") != "":
				if err := walkText(fv, "query."+tagName(f, "query"), depth+1, now); err != nil {
					return err
				}
			case loc == "" && tagName(f, "header") != "":
				if err := walkText(fv, "header."+tagName(f, "header"), depth+1, now); err != nil {
					return err
				}
			case loc == "" && f.Anonymous:
				if err := walkText(fv, "", depth+1, now); err != nil {
					return err
				}
			case loc == "":
				// Output-only or resolved members of an input struct.
			case f.Anonymous:
				if err := walkText(fv, loc, depth+1, now); err != nil {
					return err
				}
			default:
				n := tagName(f, "json")
				if n == "-" {
					continue
				}
				if n == "" {
					n = f.Name
				}
				// A required instant that is the zero time was sent as
				// 0001-01-01T00:00:00Z (absent, huma refuses it): out of bounds.
				if fv.Type() == timeType && fv.Interface().(time.Time).IsZero() && !strings.Contains(f.Tag.Get("json"), "omitempty") &&
					f.Tag.Get("required") != "false" {
					return checkInstant(join(loc, n), time.Time{}, now)
				}
				if err := walkText(fv, join(loc, n), depth+1, now); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func tagName(f reflect.StructField, key string) string {
	n, _, _ := strings.Cut(f.Tag.Get(key), ",")
	return n
}

func join(loc, member string) string {
	if loc == "" {
		return member
	}
	return loc + "." + member
}

// name is a location's last member, for messages ("reason", "search").
func name(loc string) string {
	if i := strings.LastIndexByte(loc, '.'); i >= 0 {
		return loc[i+1:]
	}
	return loc
}

// muxErrors makes the ServeMux's own plain-text answers (405 for a method
// that a path does not serve) problem documents like every other 4xx.
func muxErrors(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern == "" {
			w = problemWriter(w, func(code int, allow string) string {
				if code == http.StatusMethodNotAllowed {
					return r.Method + " is not allowed on " + r.URL.Path + "; allowed: " + allow
				}
				return "no route " + r.URL.Path
			})
		}
		mux.ServeHTTP(w, r)
	})
}

// problemWriter wraps w so that an error answer written as plain text by
// code we do not own (the ServeMux, the WebSocket handshake) becomes a
// problem document; detail describes the error from its status and the
// Allow header.
func problemWriter(w http.ResponseWriter, detail func(code int, allow string) string) http.ResponseWriter {
	return &errorWriter{ResponseWriter: w, detail: detail}
}

type errorWriter struct {
	http.ResponseWriter
	detail   func(code int, allow string) string
	replaced bool
}

func (w *errorWriter) WriteHeader(code int) {
	if code < 400 || w.replaced {
		w.ResponseWriter.WriteHeader(code)
		return
	}
	w.replaced = true
	w.Header().Del("Content-Length")
	writeProblem(w.ResponseWriter, &Problem{Title: http.StatusText(code), Status: code, Detail: w.detail(code, w.Header().Get("Allow"))})
}

func (w *errorWriter) Write(b []byte) (int, error) {
	if w.replaced {
		return len(b), nil // the plain-text body the problem replaced
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController (and the WebSocket hijack) reach the
// underlying writer.
func (w *errorWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
