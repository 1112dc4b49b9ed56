package realtime

import "testing"

func TestHubDeliversPerTenant(t *testing.T) {
	var h Hub
	a, stopA := h.Subscribe("t_acme")
	b, stopB := h.Subscribe("t_globex")
	h.Publish("t_acme", Event{Kind: "appointment", ID: "1", Op: "INSERT"})
	if got := <-a; got.ID != "1" {
		t.Fatalf("acme got %+v", got)
	}
	select {
	case e := <-b:
		t.Fatalf("globex got acme's event %+v", e)
	default:
	}
	stopA()
	stopB()
	if h.Subscribers() != 0 {
		t.Fatal("subscriptions left behind")
	}
	h.Publish("t_acme", Event{ID: "2"}) // nobody listening: no panic, no block
}

func TestSlowSubscriberDoesNotBlock(t *testing.T) {
	var h Hub
	_, stop := h.Subscribe("t_acme")
	defer stop()
	for i := range 1000 {
		h.Publish("t_acme", Event{ID: string(rune(i))})
	}
}
