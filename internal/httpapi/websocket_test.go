package httpapi_test

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/realtime"
)

// TestScheduleSocket: a signed-in staff member of Acme hears, over the
// WebSocket, an appointment booked by someone else through the API — and a
// member of Globex, listening at the same time, hears nothing of it.
func TestScheduleSocket(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	globex := e.tenant("Globex", "globex")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	go e.db.Listen(ctx, postgres.ScheduleChannel, e.ids.Log, func(p string) {
		if schema, ev, ok := postgres.ScheduleEvent(p); ok {
			e.hub.Publish(schema, ev)
		}
	})
	srv := httptest.NewServer(e.srv)
	defer srv.Close()
	// Every host name reaches the test server, as *.localhost reaches us.
	client := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, srv.Listener.Addr().String())
	}}}
	dial := func(host string, role access.Role, tenantID string) *websocket.Conn {
		tok := e.session(e.user(strings.ToLower(string(role))+"@"+host, role, tenantID))
		c, _, err := websocket.Dial(ctx, "ws://"+host+"/ws/schedule", &websocket.DialOptions{HTTPClient: client,
			HTTPHeader: http.Header{"Authorization": {"Bearer " + tok}}})
		if err != nil {
			t.Fatalf("dial %s: %v", host, err)
		}
		return c
	}
	staff := dial("acme.localhost", access.TenantStaff, acme.ID)
	defer staff.CloseNow()
	other := dial("globex.localhost", access.TenantStaff, globex.ID)
	defer other.CloseNow()
	eventually(t, "both subscribed", func() bool { return e.hub.Subscribers() == 2 })

	// Anonymous and foreign callers are refused before any upgrade.
	if _, resp, err := websocket.Dial(ctx, "ws://acme.localhost/ws/schedule", &websocket.DialOptions{HTTPClient: client}); err == nil || resp.StatusCode != 401 {
		t.Fatalf("anonymous upgrade: %v %v", err, resp)
	}

	owner := bearer(e.session(e.user("owner@acme.example", access.TenantOwner, acme.ID)))
	create := func(path string, body map[string]any) string {
		b, _ := json.Marshal(body)
		code, _, doc := e.do("POST", "acme.localhost", path, string(b), owner...)
		if code != 201 {
			t.Fatalf("%s: %d %v", path, code, doc)
		}
		return doc["id"].(string)
	}
	res := create("/api/resources/", map[string]any{"name": "Ann", "type": "STAFF"})
	svc := create("/api/services/", map[string]any{"name": "Cut", "durationMinutes": 30})
	cust := create("/api/customers/", map[string]any{"name": "Dana"})
	apt := create("/api/appointments/", map[string]any{"customerId": cust, "serviceId": svc, "resourceId": res,
		"startTime": e.clock.Now().Add(48 * time.Hour).Truncate(time.Hour).Format(time.RFC3339)})

	_, msg, err := staff.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ev realtime.Event
	if err := json.Unmarshal(msg, &ev); err != nil || ev.Kind != "appointment" || ev.ID != apt || ev.Op != "INSERT" {
		t.Fatalf("event %s (%v)", msg, err)
	}
	quiet, stop := context.WithTimeout(ctx, 300*time.Millisecond)
	defer stop()
	if _, msg, err := other.Read(quiet); err == nil {
		t.Fatalf("Globex heard Acme's change: %s", msg)
	}
}
