package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/coder/websocket"

	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// wsLifetime bounds one connection: the client reconnects, and with that
// its session is checked again.
const wsLifetime = 15 * time.Minute

// scheduleSocket streams the business's schedule changes to the browser:
// {"kind":"appointment","op":"UPDATE","id":"…"}. The route's rule has
// already admitted the caller; the origin must be this host (coder/websocket
// refuses cross-origin upgrades), so another site cannot ride the cookie.
func (s *Server) scheduleSocket(w http.ResponseWriter, r *http.Request) {
	if s.Hub == nil {
		writeProblem(w, &Problem{Title: "Not Found", Status: http.StatusNotFound, Detail: "live updates are not enabled on this server"})
		return
	}
	// The server's read and write timeouts bound ordinary requests; a socket
	// lives up to wsLifetime, kept honest by its own pings.
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Time{})
	conn, err := websocket.Accept(problemWriter(w, func(code int, _ string) string {
		switch code {
		case http.StatusUpgradeRequired:
			return "this is a WebSocket: connect with an Upgrade: websocket request"
		case http.StatusForbidden:
			return "WebSocket connections are accepted from this site's own pages only"
		}
		return "not a valid WebSocket handshake"
	}), r, nil)
	if err != nil {
		return // Accept has answered (400, 403 or 426), as a problem document
	}
	defer conn.CloseNow()
	ctx, cancel := context.WithTimeout(r.Context(), wsLifetime)
	defer cancel()
	ctx = conn.CloseRead(ctx) // we only send; this notices the client leaving
	events, stop := s.Hub.Subscribe(tenancy.TenantFrom(r.Context()).Schema)
	defer stop()
	ping := time.NewTicker(30 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-ctx.Done():
			conn.Close(websocket.StatusNormalClosure, "reconnect")
			return
		case e := <-events:
			b, _ := json.Marshal(e)
			wctx, wcancel := context.WithTimeout(ctx, 5*time.Second)
			err := conn.Write(wctx, websocket.MessageText, b)
			wcancel()
			if err != nil {
				return
			}
		case <-ping.C:
			pctx, pcancel := context.WithTimeout(ctx, 10*time.Second)
			err := conn.Ping(pctx)
			pcancel()
			if err != nil {
				return
			}
		}
	}
}
