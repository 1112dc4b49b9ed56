// Package realtime fans out change events to the browsers watching a
// tenant's schedule. Events say only what changed (a kind and an id); clients
// fetch the data again through the API, with its authorization, so an event
// never carries a record. Events reach every serve process through
// PostgreSQL LISTEN/NOTIFY; each process's Hub hands them to its own
// subscribers.
package realtime

import "sync"

// Event is one change to a tenant's schedule.
type Event struct {
	Kind string `json:"kind"` // appointment, blocker
	ID   string `json:"id"`
	Op   string `json:"op"` // INSERT, UPDATE, DELETE
}

// Hub keeps the subscribers of each tenant (keyed by its schema).
type Hub struct {
	mu   sync.Mutex
	subs map[string]map[chan Event]struct{}
}

// Subscribe returns a channel of the tenant's events and a function that
// ends the subscription. A subscriber too slow to keep up loses events
// rather than slowing others down (its client refetches on reconnect).
func (h *Hub) Subscribe(tenant string) (<-chan Event, func()) {
	ch := make(chan Event, 64)
	h.mu.Lock()
	if h.subs == nil {
		h.subs = map[string]map[chan Event]struct{}{}
	}
	if h.subs[tenant] == nil {
		h.subs[tenant] = map[chan Event]struct{}{}
	}
	h.subs[tenant][ch] = struct{}{}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.subs[tenant], ch)
		if len(h.subs[tenant]) == 0 {
			delete(h.subs, tenant)
		}
		h.mu.Unlock()
	}
}

// Publish hands e to the tenant's subscribers.
func (h *Hub) Publish(tenant string, e Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs[tenant] {
		select {
		case ch <- e:
		default:
		}
	}
}

// Subscribers counts the live subscriptions (for metrics and tests).
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, s := range h.subs {
		n += len(s)
	}
	return n
}
