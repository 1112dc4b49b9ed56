package postgres_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
)

func asErr[T error](err error, target *T) bool { return errors.As(err, target) }

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func newDB(t testing.TB) *postgres.DB { return pgtest.New(t) }

func nowUTC() time.Time { return time.Now().UTC() }
