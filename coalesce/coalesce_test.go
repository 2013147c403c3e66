package coalesce

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"
)

// serve runs an HTTP server on a coalescing listener; /size/N answers N
// bytes whose content depends on N, /stream sends a part, waits, sends more.
func serve(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/size/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		w.Header().Set("Content-Length", strconv.Itoa(n))
		w.Write(body(n))
	})
	mux.HandleFunc("/stream", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "first part\n")
		w.(http.Flusher).Flush()
		time.Sleep(500 * time.Millisecond)
		io.WriteString(w, "second part\n")
	})
	srv := &http.Server{Handler: mux}
	go srv.Serve(Listener(ln))
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

func body(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + (i*7+n)%26)
	}
	return b
}

// TestResponsesArriveWholeOverKeepAlive sends many requests of many sizes
// over a few keep-alive connections at once; every body must arrive exact.
func TestResponsesArriveWholeOverKeepAlive(t *testing.T) {
	base := serve(t)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	sizes := []int{0, 1, 100, 3000, 4096, 4500, 8192, 9000, 20000, 70000, 300000}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				n := sizes[(g+i)%len(sizes)]
				res, err := client.Get(fmt.Sprintf("%s/size/%d", base, n))
				if err != nil {
					t.Error(err)
					return
				}
				got, err := io.ReadAll(res.Body)
				res.Body.Close()
				if err != nil || !bytes.Equal(got, body(n)) {
					t.Errorf("size %d: got %d bytes (%v)", n, len(got), err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

// TestNothingWaitsAfterAResponse: a small response on a connection kept
// open arrives at once, not when the connection is next used.
func TestNothingWaitsAfterAResponse(t *testing.T) {
	base := serve(t)
	conn, err := net.Dial("tcp", base[len("http://"):])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	br := bufio.NewReader(conn)
	for i := 0; i < 3; i++ {
		fmt.Fprintf(conn, "GET /size/120 HTTP/1.1\r\nHost: x\r\n\r\n")
		conn.SetReadDeadline(time.Now().Add(time.Second))
		res, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("response %d did not arrive: %v", i, err)
		}
		got, _ := io.ReadAll(res.Body)
		if !bytes.Equal(got, body(120)) {
			t.Fatalf("response %d: %q", i, got)
		}
	}
}

// TestStreamedPartsAreNotHeldBack: the first part of a streamed response
// arrives well before the handler's second part.
func TestStreamedPartsAreNotHeldBack(t *testing.T) {
	base := serve(t)
	start := time.Now()
	res, err := http.Get(base + "/stream")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	line, err := bufio.NewReader(res.Body).ReadString('\n')
	if err != nil || line != "first part\n" {
		t.Fatalf("%q %v", line, err)
	}
	if d := time.Since(start); d > 300*time.Millisecond {
		t.Fatalf("first part took %s: held back until the handler wrote again", d)
	}
}

// TestHeldWriteGoesOutByItself: a write that nothing follows (no next write,
// no read, no close) still reaches the peer promptly.
func TestHeldWriteGoesOutByItself(t *testing.T) {
	ours, peer := net.Pipe()
	defer peer.Close()
	c := &conn{Conn: ours}
	defer c.Close()
	got := make(chan string, 1)
	go func() {
		buf := make([]byte, 64)
		n, _ := peer.Read(buf)
		got <- string(buf[:n])
	}()
	if _, err := c.Write([]byte("hello")); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "hello" {
			t.Fatalf("peer read %q", s)
		}
	case <-time.After(200 * time.Millisecond):
		t.Fatal("a held write never went out")
	}
}
