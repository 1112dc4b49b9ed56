package httpapi

import (
	"bufio"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// requireJSON is the huma middleware that reads request bodies only when
// they say they are JSON (application/json or a +json type). huma parses
// a body without a Content-Type as JSON; a cross-site no-cors request can
// send exactly that (a fetch of a Blob with no type) or text/plain, and
// the browser sends it without a preflight, cookies included. Such a body
// is a 415 problem before any handler runs. Bodiless requests (a POST to
// /revoke/, logout) pass, whatever their headers.
func (s *Server) requireJSON(ctx huma.Context, next func(huma.Context)) {
	if ctx.Operation().RequestBody == nil {
		next(ctx)
		return
	}
	ct := ctx.Header("Content-Type")
	if ct != "" && isJSONType(ct) {
		next(ctx)
		return
	}
	body := bufio.NewReader(ctx.BodyReader())
	if _, err := body.Peek(1); err == io.EOF {
		next(&bodyContext{humaContext: ctx, body: body}) // no body at all
		return
	}
	detail := "send the body as JSON with Content-Type: application/json"
	if ct != "" {
		detail = "the body is " + ct + "; " + detail
	}
	p := &Problem{Title: http.StatusText(http.StatusUnsupportedMediaType), Status: http.StatusUnsupportedMediaType, Detail: detail}
	ctx.SetHeader("Content-Type", "application/problem+json")
	ctx.SetHeader("Accept", "application/json")
	ctx.SetStatus(p.Status)
	b, _ := p.MarshalJSON()
	_, _ = ctx.BodyWriter().Write(b)
}

// isJSONType reports whether a Content-Type is JSON.
func isJSONType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"))
}

// bodyContext hands on a body that was peeked at.
type bodyContext struct {
	humaContext
	body io.Reader
}

func (c *bodyContext) BodyReader() io.Reader { return c.body }
