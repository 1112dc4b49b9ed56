// Command smoothschedule is the SmoothSchedule server and its operator tools:
// serve, migrate, tenant …, config dump.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/smoothschedule/smoothschedule/internal/app"
	"github.com/smoothschedule/smoothschedule/internal/config"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/logctx"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	code := m.Run(ctx, os.Args[1:])
	stop()
	m.Close()
	os.Exit(code)
}

// Main is the program: its streams and environment are fields so tests can
// run subcommands in process.
type Main struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string

	Config *config.Config
	Log    *slog.Logger
	App    *app.App
}

// command is one subcommand.
type command struct {
	name, args, summary string
	flags               func(fs *flag.FlagSet) // extra flags beyond the config table
	run                 func(m *Main, ctx context.Context, args []string) error
	needsDB             bool
	nargs               int // positional arguments taken (checked before the database is opened)
}

var commands []command

func (m *Main) usage() {
	fmt.Fprintf(m.Stderr, "SmoothSchedule: multi-tenant scheduling.\n\nUsage: smoothschedule <command> [flags]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(m.Stderr, "  %-30s %s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
	}
	fmt.Fprintf(m.Stderr, "\nRun smoothschedule <command> -h for its flags. Settings also come from the environment (smoothschedule config dump).\n")
}

// usageError is a mistake on the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Run parses args, runs one subcommand and returns the exit status.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		m.usage()
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	name := args[0]
	rest := args[1:]
	// Two-word commands: "tenant create", "config dump", "user create".
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		if c := find(name + " " + rest[0]); c != nil {
			name, rest = c.name, rest[1:]
		}
	}
	c := find(name)
	if c == nil {
		fmt.Fprintf(m.Stderr, "error: unknown command %q\n\n", strings.Join(args[:min(2, len(args))], " "))
		m.usage()
		return 2
	}
	fs := flag.NewFlagSet("smoothschedule "+c.name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	config.RegisterFlags(fs)
	if c.flags != nil {
		c.flags(fs)
	}
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: smoothschedule %s %s\n\n%s\n\nFlags:\n", c.name, c.args, c.summary)
		fs.PrintDefaults()
	}
	positional, err := parseInterspersed(fs, rest)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(positional) != c.nargs {
		fmt.Fprintf(m.Stderr, "error: smoothschedule %s takes %s, got %d (see smoothschedule %s -h)\n", c.name, plural(c.nargs), len(positional), c.name)
		return 2
	}
	cfg, err := config.Load(fs, m.Getenv)
	if err != nil {
		fmt.Fprintf(m.Stderr, "error: %v\n", err)
		return 2
	}
	m.Config = cfg
	m.Log = logctx.New(m.Stderr, cfg.LogFormat, cfg.LogLevel)
	if c.needsDB {
		a, err := app.Open(ctx, cfg, m.Log, c.name != "serve")
		if err != nil {
			fmt.Fprintf(m.Stderr, "error: %v\n", err)
			return 1
		}
		m.App = a
	}
	if err := c.run(m, ctx, positional); err != nil {
		m.printError(err)
		var ue usageError
		if errors.As(err, &ue) {
			return 2
		}
		return 1
	}
	return 0
}

// Close releases what Run opened (the database, the private server).
func (m *Main) Close() {
	if m.App != nil {
		m.App.Close()
		m.App = nil
	}
}

func (m *Main) printError(err error) {
	var e *errs.Error
	if errors.As(err, &e) && len(e.Fields) > 0 {
		fmt.Fprintf(m.Stderr, "error: %s\n", e.Fields[0].Message)
		for _, f := range e.Fields[1:] {
			fmt.Fprintf(m.Stderr, "error: %s\n", f.Message)
		}
		return
	}
	fmt.Fprintf(m.Stderr, "error: %v\n", err)
}

func find(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// parseInterspersed parses flags wherever they stand among the positional
// arguments ("tenant delete acme --purge" as well as "--purge acme").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func plural(n int) string {
	switch n {
	case 0:
		return "no arguments"
	case 1:
		return "one argument"
	}
	return fmt.Sprintf("%d arguments", n)
}
