package embeddb

import (
	"context"
	"log/slog"
	"strings"
)

// ferretLog is the handler FerretDB logs through. It passes on only what an
// operator should see: FerretDB logs every request and response at Debug
// and every connection at Info, so those never pass, whatever level the
// product runs at. It also drops FerretDB's Warn-level dumps of replies to
// failed commands: the client gets the same error and reports it, and the
// v2 driver's Disconnect always sends endSessions, which v1.24.2 does not
// know, so each disconnect would print two multi-line warnings.
// Dumps at Error (FerretDB is closing the connection) still pass.
//
// FerretDB derives a logger with attributes for every connection and
// command; a text or JSON handler formats those attributes at once, which
// was an eighth of the CPU of a busy embedded server, for records that are
// almost never written. So attributes and groups are only remembered here
// and given to the product's handler when a record passes.
type ferretLog struct {
	h    slog.Handler
	with []func(slog.Handler) slog.Handler // WithAttrs and WithGroup, in order
}

// ferretMinLevel is the lowest level of FerretDB's own records that reach
// the product's log.
const ferretMinLevel = slog.LevelWarn

func (f ferretLog) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= ferretMinLevel && f.h.Enabled(ctx, l)
}

func (f ferretLog) Handle(ctx context.Context, r slog.Record) error {
	if r.Level < ferretMinLevel || (r.Level < slog.LevelError && isResponseDump(r.Message)) {
		return nil
	}
	h := f.h
	for _, w := range f.with {
		h = w(h)
	}
	return h.Handle(ctx, r)
}

// isResponseDump matches the messages of clientconn's logResponse in
// FerretDB v1.24.2 ("Response header: …", "Response message: …", and the
// "Proxy response …" pair).
func isResponseDump(msg string) bool {
	return strings.HasPrefix(msg, "Response header:") || strings.HasPrefix(msg, "Response message:") ||
		strings.HasPrefix(msg, "Proxy response header:") || strings.HasPrefix(msg, "Proxy response message:")
}

func (f ferretLog) WithAttrs(attrs []slog.Attr) slog.Handler {
	return f.then(func(h slog.Handler) slog.Handler { return h.WithAttrs(attrs) })
}

func (f ferretLog) WithGroup(name string) slog.Handler {
	return f.then(func(h slog.Handler) slog.Handler { return h.WithGroup(name) })
}

func (f ferretLog) then(w func(slog.Handler) slog.Handler) ferretLog {
	// A full slice expression: loggers derived from one parent never share
	// the appended element.
	return ferretLog{h: f.h, with: append(f.with[:len(f.with):len(f.with)], w)}
}
