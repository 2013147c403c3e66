package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsroom/newsroom/admin"
	"github.com/newsroom/newsroom/store"
)

// The multi-instance test runs the product as it runs in production with
// several instances: the database server in a process of its own (the
// embedded server, `newsroom dbserver`), a generated archive loaded with
// `newsroom demo`, and instances started with MONGODB_URI, driven through
// HTTP only. It is slow (the archive alone takes minutes), so it runs when
// NEWSROOM_MULTI_TEST=1 (.ci/run sets it); NEWSROOM_MULTI_ARCHIVE sets the
// archive's size (default 20000). It logs the figures the README quotes.

const pollInterval = 2 * time.Second

// proc is a child process of the test.
type proc struct {
	cmd  *exec.Cmd
	addr string // instances: host:port
	log  *os.File
}

func (p *proc) stop(t *testing.T) {
	t.Helper()
	if p.cmd.ProcessState != nil {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = p.cmd.Process.Kill()
		<-done
	}
}

// cpu is the process's user+system CPU time so far.
func (p *proc) cpu(t *testing.T) time.Duration {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.cmd.Process.Pid))
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	return time.Duration(utime+stime) * time.Second / 100 // USER_HZ
}

type cluster struct {
	t     *testing.T
	bin   string
	dir   string
	uri   string
	db    *proc
	insts []*proc
}

func (c *cluster) startDB() {
	t := c.t
	t.Helper()
	logf, err := os.Create(filepath.Join(c.dir, "dbserver.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(c.bin, "dbserver", "--data-dir", filepath.Join(c.dir, "db"))
	cmd.Stderr = logf
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbserver printed no address: %v", err)
	}
	go io.Copy(io.Discard, out)
	c.uri = strings.TrimSpace(line) + "?serverSelectionTimeoutMS=3000"
	c.db = &proc{cmd: cmd, log: logf}
}

func (c *cluster) env(extra ...string) []string {
	return append(os.Environ(), append([]string{"MONGODB_URI=" + c.uri, "NEWSROOM_LOG_LEVEL=warn"}, extra...)...)
}

// newsroom runs a command of the binary to its end.
func (c *cluster) newsroom(args ...string) string {
	c.t.Helper()
	cmd := exec.Command(c.bin, args...)
	cmd.Env = c.env("NEWSROOM_DATA_DIR=" + filepath.Join(c.dir, "cli"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		c.t.Fatalf("newsroom %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// startInstance starts an instance and waits until it answers /healthz; it
// returns how long that took.
func (c *cluster) startInstance() (*proc, time.Duration) {
	t := c.t
	t.Helper()
	n := len(c.insts)
	addr := freeAddr(t)
	logf, err := os.Create(filepath.Join(c.dir, fmt.Sprintf("instance%d.log", n)))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(c.bin, "serve")
	cmd.Env = c.env("NEWSROOM_ADDR="+addr, "NEWSROOM_DATA_DIR="+filepath.Join(c.dir, fmt.Sprintf("instance%d", n)),
		"NEWSROOM_BASE_URL=http://"+addr, "NEWSROOM_POLL_INTERVAL="+pollInterval.String())
	cmd.Stdout, cmd.Stderr = logf, logf
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, addr: addr, log: logf}
	c.insts = append(c.insts, p)
	waitFor(t, 5*time.Minute, fmt.Sprintf("instance %d never answered /healthz", n), func() bool {
		code, _ := get("http://" + addr + "/healthz")
		return code == 200
	})
	return p, time.Since(start)
}

var noRedirect = &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func get(u string) (int, string) {
	res, err := noRedirect.Get(u)
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func waitFor(t *testing.T, limit time.Duration, what string, ok func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !ok() {
		if time.Since(start) > limit {
			t.Fatal(what)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return time.Since(start)
}

// editor is a logged-in newsroom session on one instance.
type editor struct {
	t    *testing.T
	base string
	http *http.Client
	csrf string
}

var csrfRE = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

func login(t *testing.T, p *proc, email string) *editor {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	e := &editor{t: t, base: "http://" + p.addr, http: &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	e.get("/admin/login")
	if code, body := e.post("/admin/login", url.Values{"email": {email}, "password": {admin.DemoPassword}}); code != http.StatusSeeOther {
		t.Fatalf("login on %s: %d\n%s", p.addr, code, body)
	}
	e.get("/admin/")
	return e
}

func (e *editor) get(path string) (int, string) {
	e.t.Helper()
	res, err := e.http.Get(e.base + path)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if m := csrfRE.FindSubmatch(b); m != nil {
		e.csrf = string(m[1])
	}
	return res.StatusCode, string(b)
}

func (e *editor) post(path string, form url.Values) (int, string) {
	e.t.Helper()
	form.Set("csrf_token", e.csrf)
	req, _ := http.NewRequest("POST", e.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", e.base)
	res, err := e.http.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	loc := res.Header.Get("Location")
	return res.StatusCode, loc + "\n" + string(b)
}

var storyNumberRE = regexp.MustCompile(`/admin/stories/(\d+)/`)

// save posts the editor form of a Korean story (n 0: a new one) and returns
// its number.
func (e *editor) save(n, base int, action, headline string, extra ...string) int {
	e.t.Helper()
	f := url.Values{"action": {action}, "lang": {"ko"}, "headline": {headline}, "body": {"첫 문단.\n\n둘째 문단."},
		"section": {"business"}, "base": {strconv.Itoa(base)}}
	for i := 0; i+1 < len(extra); i += 2 {
		f.Set(extra[i], extra[i+1])
	}
	path := "/admin/stories/new"
	if n > 0 {
		path = fmt.Sprintf("/admin/stories/%d/ko", n)
	}
	code, body := e.post(path, f)
	if code != http.StatusSeeOther {
		e.t.Fatalf("%s %q: %d\n%.2000s", action, headline, code, body)
	}
	m := storyNumberRE.FindStringSubmatch(body)
	if m == nil {
		e.t.Fatalf("%s: no story in the redirect %q", action, body[:min(len(body), 200)])
	}
	got, _ := strconv.Atoi(m[1])
	return got
}

// articleCode is what instance p answers for Korean story n.
func articleCode(p *proc, n int) int {
	code, _ := get(fmt.Sprintf("http://%s/ko/news/%d", p.addr, n))
	return code
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func TestMultiInstance(t *testing.T) {
	if os.Getenv("NEWSROOM_MULTI_TEST") != "1" {
		t.Skip("slow: set NEWSROOM_MULTI_TEST=1 (.ci/run does)")
	}
	size := 20000
	if s := os.Getenv("NEWSROOM_MULTI_ARCHIVE"); s != "" {
		size, _ = strconv.Atoi(s)
	}
	dir := t.TempDir()
	c := &cluster{t: t, dir: dir, bin: filepath.Join(dir, "newsroom")}
	if out, err := exec.Command("go", "build", "-o", c.bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	c.startDB()
	defer func() {
		for _, p := range c.insts {
			p.stop(t)
		}
		c.db.stop(t)
		if t.Failed() {
			for _, name := range []string{"dbserver.log", "instance0.log", "instance1.log", "instance2.log"} {
				b, _ := os.ReadFile(filepath.Join(dir, name))
				t.Logf("%s:\n%.4000s", name, b)
			}
		}
	}()
	start := time.Now()
	c.newsroom("demo", "--archive", strconv.Itoa(size))
	t.Logf("figure: demo edition and %d archive stories loaded in %s", size, time.Since(start).Round(time.Second))

	var startups []time.Duration
	for range 3 {
		_, took := c.startInstance()
		startups = append(startups, took)
	}
	t.Logf("figure: instance start-up against the separate server (to /healthz 200): %v", startups)
	a, b, d := c.insts[0], c.insts[1], c.insts[2]
	ea := login(t, a, "admin@demo.newsroom") // an admin: deleting is theirs
	within := 2*pollInterval + time.Second   // two polls, and a second for the request itself

	// Publish, edit, unpublish and delete on A reach B and C.
	n := ea.save(0, 0, "publish", "다중 인스턴스 전파 시험")
	for _, p := range []*proc{b, d} {
		waitFor(t, within, "a story published on A never reached "+p.addr, func() bool { return articleCode(p, n) == http.StatusMovedPermanently })
	}
	ea.save(n, 1, "publish", "다중 인스턴스 전파 시험 고침")
	for _, p := range []*proc{b, d} {
		waitFor(t, within, "an edit on A never reached "+p.addr, func() bool {
			_, page := get(fmt.Sprintf("http://%s/ko/", p.addr))
			return strings.Contains(page, "전파 시험 고침")
		})
	}
	ea.save(n, 2, "unpublish", "다중 인스턴스 전파 시험 고침")
	for _, p := range []*proc{b, d} {
		waitFor(t, within, "an unpublication on A never reached "+p.addr, func() bool { return articleCode(p, n) == http.StatusNotFound })
	}
	if code, body := ea.post(fmt.Sprintf("/admin/stories/%d/delete", n), url.Values{"confirm": {"on"}}); code != http.StatusSeeOther {
		t.Fatalf("delete: %d %.500s", code, body)
	}
	// The deleted number is never given again, on any instance.
	eb := login(t, b, "editor@demo.newsroom")
	if again := eb.save(0, 0, "save", "삭제 뒤 새 기사"); again == n {
		t.Fatalf("the deleted story's number %d was given again", n)
	}

	// Settings saved through one writer reach every instance's pages.
	st := c.store()
	ctx := context.Background()
	if err := st.PutIdentity(ctx, store.Identity{Contact: "multi@example.com", UpdatedAt: time.Now().UTC().Truncate(time.Millisecond)}); err != nil {
		t.Fatal(err)
	}
	for _, p := range c.insts {
		waitFor(t, within, "settings never reached "+p.addr, func() bool {
			_, page := get("http://" + p.addr + "/en/")
			return strings.Contains(page, "multi@example.com")
		})
	}

	// Concurrent creates on all three: every number once.
	var mu sync.Mutex
	var numbers []int
	var wg sync.WaitGroup
	for i, p := range c.insts {
		e := login(t, p, "editor@demo.newsroom")
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 5 {
				k := e.save(0, 0, "save", fmt.Sprintf("동시 작성 %d-%d", i, j))
				mu.Lock()
				numbers = append(numbers, k)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	slices.Sort(numbers)
	if len(slices.Compact(slices.Clone(numbers))) != 15 {
		t.Fatalf("concurrent creates on three instances gave numbers %v, want 15 different", numbers)
	}

	// An import (the demo command, a process of its own) reaches running instances.
	before := numbers[len(numbers)-1] + 1 // the import numbers on from the highest given
	c.newsroom("demo", "--archive", "20", "--archive-only", "--seed", "7")
	waitFor(t, within+5*time.Second, "imported stories never reached the running instances", func() bool {
		for k := before; k < before+20; k++ {
			ko, _ := get(fmt.Sprintf("http://%s/ko/news/%d", b.addr, k))
			en, _ := get(fmt.Sprintf("http://%s/en/news/%d", b.addr, k))
			if ko == http.StatusMovedPermanently || en == http.StatusMovedPermanently {
				return true
			}
		}
		return false
	})

	// Scheduled publishing: exactly once, though all three run the scheduler.
	at := time.Now().In(mustChicago(t)).Add(time.Minute).Truncate(time.Minute)
	s := ea.save(0, 0, "schedule", "예약 발행 한 번만", "schedule_at", at.Format("2006-01-02T15:04"))
	waitFor(t, 2*time.Minute, "the scheduled story never went live", func() bool { return articleCode(d, s) == http.StatusMovedPermanently })
	time.Sleep(3 * pollInterval) // time for a second publication, if there were one
	stored, err := st.Story(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	revs, err := st.Revisions(ctx, s, "ko", stored.Versions["ko"].Revision)
	if err != nil {
		t.Fatal(err)
	}
	published := 0
	for _, r := range revs {
		if r.By == admin.SchedulerActor {
			published++
		}
	}
	if published != 1 {
		t.Fatalf("the scheduled story was published %d times", published)
	}

	// A database outage: reader pages keep serving, /healthz says so, and
	// recovery needs no restart.
	c.db.stop(t)
	if code, _ := get("http://" + a.addr + "/en/"); code != 200 {
		t.Errorf("front page during the outage: %d", code)
	}
	waitFor(t, 10*time.Second, "/healthz kept saying ok during the outage", func() bool {
		code, _ := get("http://" + a.addr + "/healthz")
		return code == http.StatusServiceUnavailable
	})
	c.startDB()
	for _, p := range c.insts {
		waitFor(t, 30*time.Second, p.addr+" never recovered from the outage", func() bool {
			code, _ := get("http://" + p.addr + "/healthz")
			return code == 200
		})
	}
	after := ea.save(0, 0, "publish", "장애 복구 뒤 기사")
	for _, p := range []*proc{b, d} {
		waitFor(t, within+5*time.Second, "after the outage, a story never reached "+p.addr, func() bool { return articleCode(p, after) == http.StatusMovedPermanently })
	}

	c.figures(ea)
}

// figures measures the database's CPU with 1, 2 and 4 idle instances and
// the propagation time with 4.
func (c *cluster) figures(ea *editor) {
	t := c.t
	idle := func(count int) {
		time.Sleep(2 * pollInterval)
		before := c.db.cpu(t)
		const span = 20 * time.Second
		time.Sleep(span)
		used := c.db.cpu(t) - before
		t.Logf("figure: database CPU with %d idle instances: %.2f cores", count, used.Seconds()/span.Seconds())
	}
	// 3 running: stop two for one, then 2, then 4.
	c.insts[1].stop(t)
	c.insts[2].stop(t)
	idle(1)
	c.insts = c.insts[:1]
	c.startInstance()
	idle(2)
	c.startInstance()
	c.startInstance()
	idle(4)
	var times []time.Duration
	for i := range 5 {
		n := ea.save(0, 0, "publish", fmt.Sprintf("전파 시간 측정 %d", i))
		start := time.Now()
		for _, p := range c.insts[1:] {
			waitFor(t, 30*time.Second, "propagation with four instances", func() bool { return articleCode(p, n) == http.StatusMovedPermanently })
			times = append(times, time.Since(start))
		}
	}
	t.Logf("figure: propagation with 4 instances (poll %s): median %s, max %s", pollInterval, median(times).Round(10*time.Millisecond), slices.Max(times).Round(10*time.Millisecond))
}

func (c *cluster) store() *store.Store {
	c.t.Helper()
	client, err := store.Connect(context.Background(), c.uri, 10*time.Second)
	if err != nil {
		c.t.Fatal(err)
	}
	c.t.Cleanup(func() { _ = client.Disconnect(context.Background()) })
	st := store.New(client.Database("newsroom"), 30*time.Second)
	if err := st.Migrate(context.Background(), slog.New(slog.DiscardHandler)); err != nil {
		c.t.Fatal(err)
	}
	return st
}

func mustChicago(t *testing.T) *time.Location {
	loc, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
