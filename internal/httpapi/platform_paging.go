package httpapi

import (
	"net/url"
	"strconv"

	"github.com/danielgtaylor/huma/v2"
)

// listQuery are the paging parameters of the platform's lists; it keeps the
// request's URL to build the next and previous links with the same filters.
type listQuery struct {
	Page     int `query:"page" minimum:"1" default:"1"`
	PageSize int `query:"page_size" minimum:"1" maximum:"200" default:"25"`
	url      url.URL
}

// Resolve implements huma.Resolver.
func (p *listQuery) Resolve(ctx huma.Context) []error {
	p.url = ctx.URL()
	return nil
}

func (p *listQuery) limit() int  { return max(p.PageSize, 1) }
func (p *listQuery) offset() int { return (max(p.Page, 1) - 1) * p.limit() }

// listPage is the list envelope of the contract.
type listPage[T any] struct {
	Count    int     `json:"count"`
	Next     *string `json:"next"`
	Previous *string `json:"previous"`
	Results  []T     `json:"results"`
}

// newListPage wraps one page of results with links to its neighbours.
func newListPage[T any](p *listQuery, count int, results []T) listPage[T] {
	if results == nil {
		results = []T{}
	}
	out := listPage[T]{Count: count, Results: results}
	link := func(n int) *string {
		u := p.url
		q := u.Query()
		q.Set("page", strconv.Itoa(n))
		q.Set("page_size", strconv.Itoa(p.limit()))
		u.RawQuery = q.Encode()
		s := u.RequestURI()
		return &s
	}
	if p.offset()+len(results) < count {
		out.Next = link(max(p.Page, 1) + 1)
	}
	if p.Page > 1 {
		out.Previous = link(p.Page - 1)
	}
	return out
}
