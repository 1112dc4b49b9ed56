package main

import (
	"context"
	"fmt"
	"text/tabwriter"
)

func init() {
	commands = append(commands, command{
		name: "config dump", summary: "print every setting, its value (secrets masked) and where it came from",
		run: func(m *Main, _ context.Context, _ []string) error {
			tw := tabwriter.NewWriter(m.Stdout, 0, 2, 2, ' ', 0)
			fmt.Fprintln(tw, "SETTING\tVALUE\tFROM")
			for _, e := range m.Config.Dump() {
				v := e.Value
				if v == "" {
					v = "(empty)"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", e.Env, v, e.Source)
			}
			return tw.Flush()
		},
	})
	commands = append(commands, command{
		name: "version", summary: "print the version",
		run: func(m *Main, _ context.Context, _ []string) error {
			fmt.Fprintln(m.Stdout, "smoothschedule", appVersion())
			return nil
		},
	})
}
