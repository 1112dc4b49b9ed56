package main

import (
	"context"
	"fmt"
)

func init() {
	commands = append(commands, command{
		name:    "cleanup",
		summary: "delete expired sessions, used or expired one-time codes and stale sign-in throttles (serve does this every 10 minutes)",
		needsDB: true,
		run: func(m *Main, ctx context.Context, _ []string) error {
			n, err := m.App.Identity.CleanUp(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(m.Stdout, "Deleted %d sessions, %d MFA challenges, %d password resets, %d masquerade codes, %d throttle rows; recorded %d masquerade ends\n",
				n.Sessions, n.MFAChallenges, n.PasswordResets, n.MasqueradeCodes, n.Throttle, n.MasqueradesEnded)
			return nil
		},
	})
}
