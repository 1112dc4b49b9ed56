package httpapi

import (
	"bytes"
	"fmt"
	"io"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// guardResponses is the huma middleware that makes a response that cannot
// be encoded a 500 problem instead of a 2xx with a broken body. huma sends
// the status before it marshals the body, and when marshaling fails
// (a time.Time beyond year 9999, say) it writes "error marshaling
// response" after the 201 and panics. Here the status and the first
// guardBuffer bytes are held back until the handler is done (or the body
// outgrows the buffer, as the streamed export does: past that point the
// response streams and the status is out). A panic while nothing has gone
// out becomes a logged 500 problem document.
func (s *Server) guardResponses(ctx huma.Context, next func(huma.Context)) {
	g := &guardedContext{humaContext: ctx}
	defer func() {
		v := recover()
		if v == nil {
			g.commit()
			return
		}
		if g.committed {
			panic(v) // too late to change the answer; the outer recovery logs it
		}
		s.Log.ErrorContext(ctx.Context(), "response could not be written", "op", ctx.Operation().OperationID, "err", fmt.Sprint(v))
		p := &Problem{Title: "Internal Server Error", Status: http.StatusInternalServerError,
			Detail: "something went wrong on our side; it has been logged — please try again"}
		ctx.SetHeader("Content-Type", "application/problem+json")
		ctx.SetHeader("Cache-Control", "no-store")
		ctx.SetStatus(p.Status)
		b, _ := p.MarshalJSON()
		_, _ = ctx.BodyWriter().Write(b)
	}()
	next(g)
}

// guardBuffer is how much of a body is held back with its status.
const guardBuffer = 256 << 10

// humaContext lets guardedContext embed huma.Context under a name that
// does not clash with its Context() method.
type humaContext = huma.Context

type guardedContext struct {
	humaContext
	status    int
	buf       bytes.Buffer
	committed bool
}

func (g *guardedContext) SetStatus(code int) {
	if g.committed {
		g.humaContext.SetStatus(code)
		return
	}
	g.status = code
}

func (g *guardedContext) Status() int {
	if g.committed || g.status == 0 {
		return g.humaContext.Status()
	}
	return g.status
}

func (g *guardedContext) BodyWriter() io.Writer { return guardWriter{g} }

// commit sends the held status and bytes; later writes go straight out.
func (g *guardedContext) commit() {
	if g.committed {
		return
	}
	g.committed = true
	if g.status != 0 {
		g.humaContext.SetStatus(g.status)
	}
	if g.buf.Len() > 0 {
		_, _ = g.humaContext.BodyWriter().Write(g.buf.Bytes())
	}
	g.buf = bytes.Buffer{}
}

type guardWriter struct{ g *guardedContext }

func (w guardWriter) Write(p []byte) (int, error) {
	g := w.g
	if !g.committed && g.buf.Len()+len(p) <= guardBuffer {
		return g.buf.Write(p)
	}
	g.commit()
	return g.humaContext.BodyWriter().Write(p)
}

// Flush commits and flushes, for streamed bodies.
func (w guardWriter) Flush() {
	w.g.commit()
	if f, ok := w.g.humaContext.BodyWriter().(http.Flusher); ok {
		f.Flush()
	}
}
