package httpapi

import (
	"errors"
	"reflect"
	"strings"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// fieldPlaces says where an operation's inputs come from, so that the
// field names of domain errors ("email", "customer.email", "startTime",
// "service_id") become the API's locations ("body.email",
// "query.service_id", "path.id") in one place: the domain speaks no HTTP.
type fieldPlaces struct{ path, query map[string]bool }

// placesOf reads the path and query parameters of an input struct I.
func placesOf[I any]() fieldPlaces {
	fp := fieldPlaces{path: map[string]bool{}, query: map[string]bool{}}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if n, ok := f.Tag.Lookup("path"); ok {
				fp.path[n] = true
			}
			if n, ok := f.Tag.Lookup("query"); ok {
				fp.query[strings.Split(n, ",")[0]] = true
			}
			if f.Anonymous {
				walk(f.Type)
			}
		}
	}
	walk(reflect.TypeFor[I]())
	return fp
}

// located returns err with each field error's name turned into its
// location. Names that already carry a location (huma's own errors, and
// anything that names "header.…") are kept.
func (fp fieldPlaces) located(err error) error {
	var e *errs.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return err
	}
	fields := make([]errs.FieldError, len(e.Fields))
	changed := false
	for i, f := range e.Fields {
		fields[i] = f
		if l := fp.locate(f.Location); l != f.Location {
			fields[i].Location, changed = l, true
		}
	}
	if !changed {
		return err
	}
	c := *e
	c.Fields = fields
	return &c
}

func (fp fieldPlaces) locate(name string) string {
	if name == "" {
		return ""
	}
	for _, p := range []string{"body", "query", "path", "header"} {
		if name == p || strings.HasPrefix(name, p+".") || strings.HasPrefix(name, p+"[") {
			return name
		}
	}
	head, _, _ := strings.Cut(name, ".")
	head, _, _ = strings.Cut(head, "[")
	switch {
	case fp.path[head]:
		return "path." + name
	case fp.query[head]:
		return "query." + name
	}
	return "body." + name
}
