package embeddb

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// countingHandler counts how often attributes are handed to it.
type countingHandler struct {
	slog.Handler
	withAttrs *int
}

func (c countingHandler) WithAttrs(as []slog.Attr) slog.Handler {
	*c.withAttrs++
	return countingHandler{c.Handler.WithAttrs(as), c.withAttrs}
}

func (c countingHandler) WithGroup(name string) slog.Handler {
	return countingHandler{c.Handler.WithGroup(name), c.withAttrs}
}

// TestFerretLogFormatsAttributesOnlyForRecordsThatPass: FerretDB derives a
// logger per connection and command; their attributes reach the product's
// handler only with a record that is written, and then all of them, in order.
func TestFerretLogFormatsAttributesOnlyForRecordsThatPass(t *testing.T) {
	var buf bytes.Buffer
	n := 0
	base := slog.New(ferretLog{h: countingHandler{slog.NewTextHandler(&buf, nil), &n}})
	conn := base.With("component", "ferretdb").WithGroup("conn").With("peer", "unix")
	for range 100 {
		cmd := conn.With("op", "find")
		cmd.Debug("Request header: …")
		cmd.Info("Response message: …")
	}
	if n != 0 || buf.Len() != 0 {
		t.Fatalf("attributes formatted %d times, %q written, for records that never pass", n, buf.String())
	}
	conn.With("op", "insert") // a sibling must not leave its attributes to the next
	conn.With("op", "update").Warn("backend slow")
	got := buf.String()
	if !strings.Contains(got, `level=WARN msg="backend slow" component=ferretdb conn.peer=unix conn.op=update`) {
		t.Errorf("written record lacks its attributes: %q", got)
	}
	if strings.Contains(got, "insert") {
		t.Errorf("a sibling logger's attribute leaked: %q", got)
	}
}
