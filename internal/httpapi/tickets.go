package httpapi

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/support"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// TicketItem is a support ticket.
type TicketItem struct {
	ID             string     `json:"id"`
	Number         int64      `json:"number"`
	BusinessID     string     `json:"businessId"`
	BusinessName   string     `json:"businessName"`
	Subject        string     `json:"subject"`
	Description    string     `json:"description"`
	Priority       string     `json:"priority" enum:"LOW,MEDIUM,HIGH,CRITICAL"`
	Category       string     `json:"category"`
	Status         string     `json:"status" enum:"OPEN,IN_PROGRESS,RESOLVED,CLOSED"`
	RequesterID    string     `json:"requesterId"`
	RequesterEmail string     `json:"requesterEmail"`
	RequesterName  string     `json:"requesterName"`
	AssigneeID     *string    `json:"assigneeId"`
	AssigneeEmail  *string    `json:"assigneeEmail"`
	CreatedAt      time.Time  `json:"createdAt"`
	UpdatedAt      time.Time  `json:"updatedAt"`
	ResolvedAt     *time.Time `json:"resolvedAt"`
}

// TicketMessageItem is one message of a ticket's conversation.
type TicketMessageItem struct {
	ID           string    `json:"id"`
	AuthorID     string    `json:"authorId"`
	AuthorName   string    `json:"authorName"`
	AuthorEmail  string    `json:"authorEmail"`
	FromPlatform bool      `json:"fromPlatform" doc:"written by the platform's support team"`
	Body         string    `json:"body"`
	Internal     bool      `json:"internal" doc:"an internal note, never shown to the business"`
	CreatedAt    time.Time `json:"createdAt"`
}

func ticketItem(k *support.Ticket) TicketItem {
	it := TicketItem{ID: k.ID, Number: k.Number, BusinessID: k.TenantID, BusinessName: k.BusinessName, Subject: k.Subject,
		Description: k.Description, Priority: string(k.Priority), Category: k.Category, Status: string(k.Status),
		RequesterID: k.RequesterID, RequesterEmail: k.RequesterEmail, RequesterName: k.RequesterName,
		CreatedAt: k.CreatedAt, UpdatedAt: k.UpdatedAt, ResolvedAt: k.ResolvedAt}
	if k.AssigneeID != "" {
		it.AssigneeID, it.AssigneeEmail = &k.AssigneeID, &k.AssigneeEmail
	}
	return it
}

func messageItems(msgs []support.Message) []TicketMessageItem {
	out := make([]TicketMessageItem, len(msgs))
	for i, m := range msgs {
		out[i] = TicketMessageItem{ID: m.ID, AuthorID: m.AuthorID, AuthorName: m.AuthorName, AuthorEmail: m.AuthorEmail,
			FromPlatform: m.FromPlatform, Body: m.Body, Internal: m.Internal, CreatedAt: m.CreatedAt}
	}
	return out
}

// siteTenantID is the request's tenant ("" on the platform host): the
// scope every ticket handler works in.
func siteTenantID(ctx context.Context) string {
	if t := tenancy.TenantFrom(ctx); t != nil {
		return t.ID
	}
	return ""
}

type ticketCreateIn struct {
	Body struct {
		Subject     string `json:"subject" maxLength:"200"`
		Description string `json:"description,omitempty" maxLength:"10000"`
		Body        string `json:"body,omitempty" maxLength:"10000" doc:"alias of description"`
		Priority    string `json:"priority,omitempty" enum:"LOW,MEDIUM,HIGH,CRITICAL," doc:"default MEDIUM"`
		Category    string `json:"category,omitempty" maxLength:"40" doc:"GENERAL (default), BILLING, TECHNICAL, ACCOUNT or FEATURE_REQUEST"`
	}
}

type ticketOut struct{ Body TicketItem }

func (s *Server) openTicket(ctx context.Context, in *ticketCreateIn) (*ticketOut, error) {
	b := in.Body
	if b.Description == "" {
		b.Description = b.Body
	}
	k, err := s.Support.Open(ctx, principalFrom(ctx), support.Ticket{Subject: b.Subject, Description: b.Description,
		Priority: support.Priority(b.Priority), Category: b.Category})
	if err != nil {
		return nil, err
	}
	return &ticketOut{Body: ticketItem(k)}, nil
}

type ticketListIn struct {
	Status     string `query:"status" enum:"OPEN,IN_PROGRESS,RESOLVED,CLOSED,"`
	Priority   string `query:"priority" enum:"LOW,MEDIUM,HIGH,CRITICAL,"`
	BusinessID string `query:"business_id" maxLength:"64" doc:"platform only"`
	AssigneeID string `query:"assignee_id" maxLength:"64" doc:"platform only"`
	Search     string `query:"search" maxLength:"100"`
	PageParams
}

type ticketListOut struct{ Body Page[TicketItem] }

func (s *Server) listTickets(ctx context.Context, in *ticketListIn) (*ticketListOut, error) {
	tenant := siteTenantID(ctx)
	f := support.Filter{Status: support.Status(in.Status), Priority: support.Priority(in.Priority), Search: in.Search,
		Limit: in.limit(), Offset: in.offset()}
	if tenant == "" {
		f.AssigneeID, tenant = in.AssigneeID, in.BusinessID
		if _, err := uuid.Parse(tenant); tenant != "" && err != nil {
			return nil, errs.Field("query.business_id", "business_id must be a business id")
		}
	}
	list, total, err := s.Support.List(ctx, tenant, f)
	if err != nil {
		return nil, err
	}
	items := make([]TicketItem, len(list))
	for i := range list {
		items[i] = ticketItem(&list[i])
	}
	return &ticketListOut{Body: page(&in.PageParams, total, items)}, nil
}

type ticketDetailOut struct {
	Body struct {
		TicketItem
		Messages []TicketMessageItem `json:"messages"`
	}
}

func (s *Server) getTicket(ctx context.Context, in *objectIDPath) (*ticketDetailOut, error) {
	k, msgs, err := s.Support.Get(ctx, principalFrom(ctx), siteTenantID(ctx), in.ID)
	if err != nil {
		return nil, err
	}
	out := &ticketDetailOut{}
	out.Body.TicketItem, out.Body.Messages = ticketItem(k), messageItems(msgs)
	return out, nil
}

type ticketMessagesOut struct{ Body Page[TicketMessageItem] }

func (s *Server) ticketMessages(ctx context.Context, in *objectIDPath) (*ticketMessagesOut, error) {
	_, msgs, err := s.Support.Get(ctx, principalFrom(ctx), siteTenantID(ctx), in.ID)
	if err != nil {
		return nil, err
	}
	return &ticketMessagesOut{Body: Page[TicketMessageItem]{Count: len(msgs), Results: messageItems(msgs)}}, nil
}

type ticketReplyIn struct {
	ID   string `path:"id" maxLength:"64"`
	Body struct {
		Body     string `json:"body" maxLength:"10000"`
		Internal bool   `json:"internal,omitempty" doc:"platform only: an internal note the business never sees"`
	}
}

type ticketMessageOut struct{ Body TicketMessageItem }

func (s *Server) replyTicket(ctx context.Context, in *ticketReplyIn) (*ticketMessageOut, error) {
	m, err := s.Support.Reply(ctx, principalFrom(ctx), siteTenantID(ctx), in.ID, in.Body.Body, in.Body.Internal)
	if err != nil {
		return nil, err
	}
	return &ticketMessageOut{Body: messageItems([]support.Message{*m})[0]}, nil
}

type ticketPatchIn struct {
	ID   string `path:"id" maxLength:"64"`
	Body struct {
		Status     *string `json:"status,omitempty" maxLength:"20" doc:"OPEN → IN_PROGRESS → RESOLVED or CLOSED"`
		Priority   *string `json:"priority,omitempty" maxLength:"10"`
		AssigneeID *string `json:"assigneeId,omitempty" maxLength:"64" doc:"a platform user; empty unassigns"`
	}
}

func (s *Server) patchTicket(ctx context.Context, in *ticketPatchIn) (*ticketOut, error) {
	var c support.Change
	if in.Body.Status != nil {
		st := support.Status(*in.Body.Status)
		c.Status = &st
	}
	if in.Body.Priority != nil {
		pr := support.Priority(*in.Body.Priority)
		c.Priority = &pr
	}
	c.AssigneeID = in.Body.AssigneeID
	k, err := s.Support.Update(ctx, in.ID, c)
	if err != nil {
		return nil, err
	}
	return &ticketOut{Body: ticketItem(k)}, nil
}
