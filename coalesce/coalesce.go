// Package coalesce wraps a listener so that each connection sends what the
// HTTP server writes for one response in one system call. Go's server writes a
// response larger than its 4 KB buffer in two calls (the buffer, then the
// rest); on a busy reader site those calls are half the CPU time. A
// connection here holds back one write and sends it together with the next
// (writev), and sends whatever it holds before it reads, closes or changes a
// deadline — the server always reads (the next request) or closes once a
// response is done, so nothing waits. A response streamed in parts (a
// handler that flushes and then waits) is not held up either: what is held
// goes out after at most holdFor.
package coalesce

import (
	"net"
	"sync"
	"time"
)

// maxHeld bounds the bytes held back: more than the server's buffer, so the
// buffer's flush is held, less than a typical body written straight through.
const maxHeld = 8 << 10

// holdFor is the longest a write is held when nothing else comes.
const holdFor = 2 * time.Millisecond

// Listener wraps l.
func Listener(l net.Listener) net.Listener { return listener{l} }

type listener struct{ net.Listener }

func (l listener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &conn{Conn: c}, nil
}

type conn struct {
	net.Conn
	mu    sync.Mutex
	held  []byte      // a copy of the last small write, not yet sent
	timer *time.Timer // sends what is held after holdFor
}

// Write sends p together with what is held; a small p alone is held back.
func (c *conn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.held) == 0 {
		if len(p) <= maxHeld {
			c.held = append(c.held[:0], p...)
			if c.timer == nil {
				c.timer = time.AfterFunc(holdFor, func() { _ = c.flush() }) // a write error shows at the next write or read
			} else {
				c.timer.Reset(holdFor)
			}
			return len(p), nil
		}
		return c.Conn.Write(p)
	}
	c.timer.Stop()
	bufs := net.Buffers{c.held, p}
	n, err := bufs.WriteTo(c.Conn)
	held := int64(len(c.held))
	c.held = c.held[:0]
	if n < held {
		return 0, err
	}
	return int(n - held), err
}

// flush sends what is held.
func (c *conn) flush() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.held) == 0 {
		return nil
	}
	c.timer.Stop()
	_, err := c.Conn.Write(c.held)
	c.held = c.held[:0]
	return err
}

func (c *conn) Read(p []byte) (int, error) {
	if err := c.flush(); err != nil {
		return 0, err
	}
	return c.Conn.Read(p)
}

func (c *conn) Close() error {
	err := c.flush()
	if cerr := c.Conn.Close(); cerr != nil {
		return cerr
	}
	return err
}

func (c *conn) SetDeadline(t time.Time) error {
	if err := c.flush(); err != nil {
		return err
	}
	return c.Conn.SetDeadline(t)
}

func (c *conn) SetWriteDeadline(t time.Time) error {
	if err := c.flush(); err != nil {
		return err
	}
	return c.Conn.SetWriteDeadline(t)
}
