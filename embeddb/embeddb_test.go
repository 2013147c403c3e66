package embeddb

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// holdDirEnv makes the test binary a helper process that starts a server on
// the named dir, prints "ready" and runs until its stdin closes: a second
// newsroom process holding the lock.
const holdDirEnv = "EMBEDDB_TEST_HOLD_DIR"

func TestMain(m *testing.M) {
	if dir := os.Getenv(holdDirEnv); dir != "" {
		os.Exit(holdDir(dir))
	}
	os.Exit(m.Run())
}

func holdDir(dir string) int {
	s, err := Start(context.Background(), dir, slog.New(slog.DiscardHandler))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin) // returns when the parent closes our stdin
	if err := s.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func quietLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

func startServer(t *testing.T, dir string, logger *slog.Logger) *Server {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := Start(ctx, dir, logger)
	if err != nil {
		t.Fatalf("Start(%s): %v", dir, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// connect opens a v2 driver client; its cleanup runs before the server's
// (registered earlier), so Close does not wait for open connections.
func connect(t *testing.T, uri string) *mongo.Client {
	t.Helper()
	c, err := mongo.Connect(options.Client().ApplyURI(uri).SetTimeout(10 * time.Second))
	if err != nil {
		t.Fatalf("connect %s: %v", uri, err)
	}
	t.Cleanup(func() { disconnect(t, c) })
	return c
}

func disconnect(t *testing.T, c *mongo.Client) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.Disconnect(ctx); err != nil && !errors.Is(err, mongo.ErrClientDisconnected) {
		t.Errorf("disconnect: %v", err)
	}
}

type article struct {
	ID       string `bson:"_id"`
	Headline string `bson:"headline"`
}

var hangul = article{ID: "경제-2024-001", Headline: "한인 사업가, 뉴욕에 새 매장 열어"}

func insertArticle(t *testing.T, c *mongo.Client, db string, a article) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := c.Database(db).Collection("articles").InsertOne(ctx, a); err != nil {
		t.Fatalf("insert: %v", err)
	}
}

func findArticle(t *testing.T, c *mongo.Client, db, id string) (article, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var got article
	err := c.Database(db).Collection("articles").FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&got)
	return got, err
}

func TestStartServesHangulOverUnixSocket(t *testing.T) {
	dir := t.TempDir()
	s := startServer(t, dir, quietLogger())

	if !strings.HasPrefix(s.URI(), "mongodb://%2F") || !strings.Contains(s.URI(), "mongodb.sock") {
		t.Errorf("URI() = %q, want the socket inside the data dir", s.URI())
	}
	fi, err := os.Stat(filepath.Join(dir, socketFileName))
	if err != nil || fi.Mode()&os.ModeSocket == 0 {
		t.Errorf("no socket in data dir: %v %v", fi, err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("data dir mode = %v (%v), want 0700", fi.Mode().Perm(), err)
	}

	c := connect(t, s.URI())
	insertArticle(t, c, "newsroom", hangul)
	got, err := findArticle(t, c, "newsroom", hangul.ID)
	if err != nil {
		t.Fatalf("find: %v", err)
	}
	if got != hangul {
		t.Errorf("found %+v, want %+v", got, hangul)
	}
}

func TestStartOnLockedDirFailsInSameProcess(t *testing.T) {
	dir := t.TempDir()
	startServer(t, dir, quietLogger())

	s, err := Start(context.Background(), dir, quietLogger())
	if err == nil {
		s.Close()
		t.Fatal("second Start on the same dir succeeded")
	}
	if !errors.Is(err, ErrLocked) {
		t.Errorf("err = %v, want ErrLocked", err)
	}
	for _, want := range []string{dir, "is in use by another", "pid " + strconv.Itoa(os.Getpid())} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

func TestStartOnDirHeldByAnotherProcess(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdDirEnv+"="+dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("helper process: %q %v; stderr: %s", line, err, stderr.String())
	}

	_, err = Start(context.Background(), dir, quietLogger())
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Start while another process holds the dir: err = %v, want ErrLocked", err)
	}
	want := fmt.Sprintf("data dir %s is in use by another newsroom process (pid %d)", dir, cmd.Process.Pid)
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not contain %q", err, want)
	}

	// Once the other process is gone, even killed without cleaning up, the
	// dir is ours: flock dies with its holder.
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	stdin.Close()
	s := startServer(t, dir, quietLogger())
	c := connect(t, s.URI())
	insertArticle(t, c, "newsroom", hangul)
}

func TestRestartKeepsData(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()

	s, err := Start(ctx, dir, quietLogger())
	if err != nil {
		t.Fatal(err)
	}
	c, err := mongo.Connect(options.Client().ApplyURI(s.URI()))
	if err != nil {
		t.Fatal(err)
	}
	insertArticle(t, c, "newsroom", hangul)
	disconnect(t, c)
	start := time.Now()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	t.Logf("Close took %v", time.Since(start))
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	for _, name := range []string{lockFileName, socketFileName} {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s still there after Close (stat: %v)", name, err)
		}
	}

	s2 := startServer(t, dir, quietLogger())
	c2 := connect(t, s2.URI())
	got, err := findArticle(t, c2, "newsroom", hangul.ID)
	if err != nil {
		t.Fatalf("find after restart: %v", err)
	}
	if got != hangul {
		t.Errorf("after restart found %+v, want %+v", got, hangul)
	}
}

func TestLongDataDirFallsBackToTCP(t *testing.T) {
	dir := filepath.Join(t.TempDir(), strings.Repeat("긴-경로-", 8), strings.Repeat("d", 40))
	if len(dir) <= 110 {
		t.Fatalf("test dir only %d bytes", len(dir))
	}
	var logs lockedBuffer
	s := startServer(t, dir, slog.New(slog.NewTextHandler(&logs, nil)))

	if !strings.HasPrefix(s.URI(), "mongodb://127.0.0.1:") {
		t.Errorf("URI() = %q, want 127.0.0.1", s.URI())
	}
	if !strings.Contains(logs.String(), "socket path too long") {
		t.Errorf("no warning about the fallback in logs:\n%s", logs.String())
	}
	c := connect(t, s.URI())
	insertArticle(t, c, "newsroom", hangul)
	if _, err := findArticle(t, c, "newsroom", hangul.ID); err != nil {
		t.Fatalf("find: %v", err)
	}
}

func TestFerretDBDebugAndInfoStayOutOfLog(t *testing.T) {
	var logs lockedBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s := startServer(t, t.TempDir(), logger)

	c, err := mongo.Connect(options.Client().ApplyURI(s.URI()))
	if err != nil {
		t.Fatal(err)
	}
	insertArticle(t, c, "newsroom", hangul)
	if _, err := findArticle(t, c, "newsroom", hangul.ID); err != nil {
		t.Fatal(err)
	}
	// A failing command: the driver reports it, and FerretDB's Warn-level
	// dump of the reply is dropped as noise.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.Database("newsroom").RunCommand(ctx, bson.D{{Key: "noSuchCommand", Value: 1}}).Err(); err == nil {
		t.Error("unknown command succeeded")
	}
	// A Decimal128 makes FerretDB drop the connection and log at Error:
	// proof that its records do reach this logger, so the silence checked
	// below is not a broken pipe.
	d, err := bson.ParseDecimal128("1.5")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Database("newsroom").Collection("articles").InsertOne(ctx, bson.D{{Key: "price", Value: d}}); err == nil {
		t.Log("Decimal128 insert succeeded; FerretDB no longer drops the connection for it")
	}
	disconnect(t, c)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	var ferretWarnings, ours int
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var rec struct {
			Level     string `json:"level"`
			Msg       string `json:"msg"`
			Component string `json:"component"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		switch {
		case rec.Component != "ferretdb":
			ours++
		case rec.Level == "DEBUG" || rec.Level == "INFO":
			t.Errorf("FerretDB %s line reached the logger: %s", rec.Level, line)
		case rec.Level == "WARN" && strings.Contains(rec.Msg, "Response"):
			t.Errorf("FerretDB dump of a failed reply reached the logger: %s", line)
		default:
			ferretWarnings++
		}
	}
	if ferretWarnings == 0 {
		t.Errorf("no FerretDB record for the dropped connection; logs:\n%s", logs.String())
	}
	if ours == 0 {
		t.Errorf("no embeddb start line at debug level; logs:\n%s", logs.String())
	}
}

func TestTwoServersInOneProcess(t *testing.T) {
	dirs := []string{t.TempDir(), t.TempDir()}
	servers := make([]*Server, len(dirs))
	var wg sync.WaitGroup
	errs := make([]error, len(dirs))
	for i, dir := range dirs {
		wg.Go(func() { servers[i], errs[i] = Start(context.Background(), dir, quietLogger()) })
	}
	wg.Wait()
	for i, s := range servers {
		if errs[i] != nil {
			t.Fatalf("server %d: %v", i, errs[i])
		}
		t.Cleanup(func() { s.Close() })
	}

	a, b := connect(t, servers[0].URI()), connect(t, servers[1].URI())
	insertArticle(t, a, "newsroom", hangul)
	insertArticle(t, b, "newsroom", article{ID: "other", Headline: "Other paper"})

	if _, err := findArticle(t, b, "newsroom", hangul.ID); !errors.Is(err, mongo.ErrNoDocuments) {
		t.Errorf("second server sees the first one's document: err = %v", err)
	}
	if _, err := findArticle(t, a, "newsroom", hangul.ID); err != nil {
		t.Errorf("first server lost its document: %v", err)
	}
}

// lockedBuffer is a bytes.Buffer safe for the server's goroutines to log to
// while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestLockWithoutAServerKeepsOthersOut(t *testing.T) {
	dir := t.TempDir()
	release, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Start(context.Background(), dir, slog.New(slog.DiscardHandler)); !errors.Is(err, ErrLocked) {
		t.Fatalf("Start on a locked dir: %v", err)
	}
	if _, err := Lock(dir); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Lock: %v", err)
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	again, err := Lock(dir)
	if err != nil {
		t.Fatalf("Lock after release: %v", err)
	}
	again()
}
