package httpapi

import (
	"net/url"
	"strconv"

	"github.com/danielgtaylor/huma/v2"
)

// Page is the list envelope of the API.
type Page[T any] struct {
	Count    int     `json:"count"`
	Next     *string `json:"next"`
	Previous *string `json:"previous"`
	Results  []T     `json:"results"`
}

// PageParams are the page and page_size query parameters; Resolve keeps
// the request URL so next and previous links repeat the other parameters.
// Both are bounded (huma answers 400 naming query.page or query.page_size),
// so offset() = (page-1)*page_size stays far inside an int and a SQL
// OFFSET: no overflow can reach a store.
type PageParams struct {
	Page     int `query:"page" minimum:"1" maximum:"1000000" default:"1" doc:"1-based page number (at most 1000000)"`
	PageSize int `query:"page_size" minimum:"1" maximum:"1000" default:"50" doc:"items per page (at most 1000)"`
	url      url.URL
}

// Resolve implements huma.Resolver.
func (p *PageParams) Resolve(ctx huma.Context) []error {
	p.url = ctx.URL()
	return nil
}

// Bounds of the paging parameters (also in the struct tags above).
const (
	maxPage     = 1_000_000
	maxPageSize = 1000
)

func (p *PageParams) limit() int  { return min(max(p.PageSize, 1), maxPageSize) }
func (p *PageParams) offset() int { return (min(max(p.Page, 1), maxPage) - 1) * p.limit() }

// page wraps one page of results with links to its neighbours.
func page[T any](p *PageParams, total int, results []T) Page[T] {
	if results == nil {
		results = []T{}
	}
	out := Page[T]{Count: total, Results: results}
	link := func(n int) *string {
		u := p.url
		q := u.Query()
		q.Set("page", strconv.Itoa(n))
		q.Set("page_size", strconv.Itoa(p.limit()))
		u.RawQuery = q.Encode()
		s := u.RequestURI()
		return &s
	}
	if p.offset()+len(results) < total {
		out.Next = link(max(p.Page, 1) + 1)
	}
	if p.Page > 1 {
		out.Previous = link(p.Page - 1)
	}
	return out
}
