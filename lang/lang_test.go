package lang

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/newsroom/newsroom/locales"
)

func chicago(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// repoLocales builds a Set from the real locale files, as the site does.
func repoLocales(t testing.TB) *Set {
	t.Helper()
	s, err := New(locales.FS, []string{"ko", "en"}, "ko", chicago(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// withFiles returns the real format.*.toml files plus extra, so a test's own
// messages sit beside the dates every language must define.
func withFiles(t testing.TB, extra map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, name := range []string{"format.ko.toml", "format.en.toml"} {
		b, err := fs.ReadFile(locales.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: b}
	}
	for name, body := range extra {
		m[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return m
}

func TestDates(t *testing.T) {
	s := repoLocales(t)
	loc := s.Location()
	at := func(y int, mo time.Month, d, h, mi int) time.Time { return time.Date(y, mo, d, h, mi, 0, 0, loc) }
	tests := []struct {
		name         string
		t            time.Time
		koDT, enDT   string
		koDay, enDay string
		iso          string
	}{
		{"afternoon", at(2026, 11, 24, 15, 5),
			"2026년 11월 24일(화) 오후 3:05", "Nov. 24, 2026, 3:05 p.m.",
			"2026년 11월 24일(화)", "Nov. 24, 2026", "2026-11-24T15:05:00-06:00"},
		{"midnight", at(2026, 1, 1, 0, 0),
			"2026년 1월 1일(목) 오전 12:00", "Jan. 1, 2026, 12:00 a.m.",
			"2026년 1월 1일(목)", "Jan. 1, 2026", "2026-01-01T00:00:00-06:00"},
		{"noon", at(2026, 3, 2, 12, 0),
			"2026년 3월 2일(월) 오후 12:00", "March 2, 2026, 12:00 p.m.",
			"2026년 3월 2일(월)", "March 2, 2026", "2026-03-02T12:00:00-06:00"},
		{"12:xx p.m. in daylight time", at(2026, 7, 4, 12, 30),
			"2026년 7월 4일(토) 오후 12:30", "July 4, 2026, 12:30 p.m.",
			"2026년 7월 4일(토)", "July 4, 2026", "2026-07-04T12:30:00-05:00"},
		{"morning, AP September", at(2026, 9, 9, 9, 7),
			"2026년 9월 9일(수) 오전 9:07", "Sept. 9, 2026, 9:07 a.m.",
			"2026년 9월 9일(수)", "Sept. 9, 2026", "2026-09-09T09:07:00-05:00"},
		{"11:59 p.m.", at(2026, 12, 31, 23, 59),
			"2026년 12월 31일(목) 오후 11:59", "Dec. 31, 2026, 11:59 p.m.",
			"2026년 12월 31일(목)", "Dec. 31, 2026", "2026-12-31T23:59:00-06:00"},
		// 02:30 UTC on Nov. 25 is still the evening of Nov. 24 in Chicago:
		// the day, not just the hour, follows the paper's zone.
		{"UTC input", time.Date(2026, 11, 25, 2, 30, 0, 0, time.UTC),
			"2026년 11월 24일(화) 오후 8:30", "Nov. 24, 2026, 8:30 p.m.",
			"2026년 11월 24일(화)", "Nov. 24, 2026", "2026-11-24T20:30:00-06:00"},
		{"UTC input in daylight time", time.Date(2026, 6, 15, 5, 0, 0, 0, time.UTC),
			"2026년 6월 15일(월) 오전 12:00", "June 15, 2026, 12:00 a.m.",
			"2026년 6월 15일(월)", "June 15, 2026", "2026-06-15T00:00:00-05:00"},
	}
	ko, en := s.Get("ko"), s.Get("en")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, c := range []struct{ got, want string }{
				{ko.DateTime(tc.t), tc.koDT}, {en.DateTime(tc.t), tc.enDT},
				{ko.Date(tc.t), tc.koDay}, {en.Date(tc.t), tc.enDay},
				{ko.ISO(tc.t), tc.iso}, {en.ISO(tc.t), tc.iso},
			} {
				if c.got != c.want {
					t.Errorf("got %q, want %q", c.got, c.want)
				}
			}
		})
	}
}

func TestAllMonthsAP(t *testing.T) {
	en := repoLocales(t).Get("en")
	want := []string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}
	for i, w := range want {
		d := time.Date(2026, time.Month(i+1), 10, 12, 0, 0, 0, time.UTC)
		if got := en.Date(d); got != w+" 10, 2026" {
			t.Errorf("month %d: got %q, want %q", i+1, got, w+" 10, 2026")
		}
	}
}

func TestPlural(t *testing.T) {
	fsys := withFiles(t, map[string]string{
		"test.en.toml": "[test.stories]\none = \"{{.Count}} story\"\nother = \"{{.Count}} stories in {{.Section}}\"\n",
		"test.ko.toml": "[test.stories]\nother = \"{{.Section}} 기사 {{.Count}}건\"\n",
	})
	s, err := New(fsys, []string{"ko", "en"}, "ko", chicago(t))
	if err != nil {
		t.Fatal(err)
	}
	en, ko := s.Get("en"), s.Get("ko")
	tests := []struct {
		l     *Lang
		count int
		want  string
	}{
		{en, 1, "1 story"},
		{en, 2, "2 stories in Business"},
		{en, 0, "0 stories in Business"},
		{en, 20000, "20,000 stories in Business"},
		{ko, 1, "Business 기사 1건"},
		{ko, 20000, "Business 기사 20,000건"},
	}
	for _, tc := range tests {
		if got := tc.l.N("test.stories", tc.count, "Section", "Business"); got != tc.want {
			t.Errorf("%s N(%d) = %q, want %q", tc.l.Code, tc.count, got, tc.want)
		}
	}
}

func TestNumber(t *testing.T) {
	s := repoLocales(t)
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {20000, "20,000"}, {-1234567, "-1,234,567"}} {
		for _, code := range s.Codes() {
			if got := s.Get(code).Number(tc.n); got != tc.want {
				t.Errorf("%s Number(%d) = %q, want %q", code, tc.n, got, tc.want)
			}
		}
	}
}

func TestMatch(t *testing.T) {
	s := repoLocales(t)
	for _, tc := range []struct{ header, want string }{
		{"en-US,en;q=0.9", "en"},
		{"ko-KR", "ko"},
		{"ko-KR,ko;q=0.9,en-US;q=0.8", "ko"},
		{"fr-FR,en;q=0.5", "en"},
		{"fr", "ko"},
		{"", "ko"},
		{"*", "ko"},
		{";;q=banana,,", "ko"},
		{strings.Repeat("x", 300), "ko"},
	} {
		if got := s.Match(tc.header); got != tc.want {
			t.Errorf("Match(%q) = %q, want %q", tc.header, got, tc.want)
		}
	}
	// The default is configuration, not Korean.
	s2, err := New(locales.FS, []string{"ko", "en"}, "en", chicago(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := s2.Match("fr"); got != "en" {
		t.Errorf("default en: Match(fr) = %q, want en", got)
	}
	// The settings page changes default and time zone while the site runs.
	if err := s.SetDefault("fr"); err == nil || s.Default() != "ko" {
		t.Errorf("SetDefault(fr), not configured: err %v, default now %q", err, s.Default())
	}
	if err := s.SetDefault("en"); err != nil || s.Match("fr") != "en" {
		t.Errorf("SetDefault(en): err %v, Match(fr) = %q", err, s.Match("fr"))
	}
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 24, 21, 5, 0, 0, time.UTC)
	s.SetLocation(seoul)
	if got := s.Get("ko").DateTime(at); got != "2026년 11월 25일(수) 오전 6:05" {
		t.Errorf("after SetLocation(Asia/Seoul): %q", got)
	}
}

func TestSet(t *testing.T) {
	s := repoLocales(t)
	if got := fmt.Sprint(s.Codes()); got != "[ko en]" {
		t.Errorf("Codes = %s", got)
	}
	s.Codes()[0] = "xx" // a caller's copy must not change the set
	if s.Codes()[0] != "ko" || s.Default() != "ko" || s.Location().String() != "America/Chicago" {
		t.Errorf("set changed or wrong: %v %q %v", s.Codes(), s.Default(), s.Location())
	}
	if s.Get("fr") != nil {
		t.Error("Get(fr) should be nil")
	}
	for code, want := range map[string][3]string{"ko": {"한국어", "ko_KR", "ko"}, "en": {"English", "en_US", "en"}} {
		l := s.Get(code)
		if l.Name() != want[0] || l.OGLocale() != want[1] || l.Tag.String() != want[2] || l.Code != code {
			t.Errorf("%s: Name %q OGLocale %q Tag %v", code, l.Name(), l.OGLocale(), l.Tag)
		}
	}
}

// A third language is configuration plus a locale file: nothing in Go knows
// Japanese, yet its dates come out in its own pattern and words.
func TestThirdLanguage(t *testing.T) {
	const ja = `
[format]
datetime = "{{.Year}}年{{.Month}}月{{.Day}}日({{.Weekday}}) {{.Hour}}:{{.Minute}}"
date = "{{.Year}}年{{.Month}}月{{.Day}}日({{.Weekday}})"
[date.month]
1 = "1月"
2 = "2月"
3 = "3月"
4 = "4月"
5 = "5月"
6 = "6月"
7 = "7月"
8 = "8月"
9 = "9月"
10 = "10月"
11 = "11月"
12 = "12月"
[date.weekday]
0 = "日"
1 = "月"
2 = "火"
3 = "水"
4 = "木"
5 = "金"
6 = "土"
[date.period]
am = "午前"
pm = "午後"
[lang]
name = "日本語"
og_locale = "ja_JP"
`
	fsys := withFiles(t, map[string]string{
		"format.ja.toml": ja,
		"site.ko.toml":   "[site]\nname = \"신문\"\nmotto = \"좌우명\"\n",
		"site.en.toml":   "[site]\nname = \"The Paper\"\nmotto = \"Motto\"\n",
		"site.ja.toml":   "[site]\nname = \"新聞\"\n",
	})
	s, err := New(fsys, []string{"ko", "en", "ja"}, "en", chicago(t))
	if err != nil {
		t.Fatal(err)
	}
	j := s.Get("ja")
	at := time.Date(2026, 11, 24, 21, 5, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{j.DateTime(at), "2026年11月24日(火) 15:05"},
		{j.Date(at), "2026年11月24日(火)"},
		{j.Name(), "日本語"},
		{j.OGLocale(), "ja_JP"},
		{j.T("site.name"), "新聞"},
		{j.T("site.motto"), "Motto"}, // missing in ja: the default language's
		{j.Number(20000), "20,000"},
		{s.Match("ja-JP,ja;q=0.9,en;q=0.5"), "ja"},
		{s.Get("ko").DateTime(at), "2026년 11월 24일(화) 오후 3:05"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestNewErrors(t *testing.T) {
	tz := chicago(t)
	partial := withFiles(t, map[string]string{"format.ja.toml": "[lang]\nname = \"日本語\"\n"})
	tests := []struct {
		name  string
		fsys  fs.FS
		codes []string
		def   string
		tz    *time.Location
		want  string // in the error, so the operator knows what to fix
	}{
		{"code without a file", withFiles(t, nil), []string{"ko", "en", "de"}, "ko", tz, "de: no locale file *.de.toml"},
		{"language without its own dates", partial, []string{"ko", "ja"}, "ko", tz, "date.month.1"},
		{"default not configured", withFiles(t, nil), []string{"ko", "en"}, "ja", tz, `default language "ja"`},
		{"bad code", withFiles(t, nil), []string{"ko", "e n"}, "ko", tz, `"e n"`},
		{"twice", withFiles(t, nil), []string{"ko", "ko"}, "ko", tz, "twice"},
		{"no zone", withFiles(t, nil), []string{"ko"}, "ko", nil, "time zone"},
		{"no languages", withFiles(t, nil), nil, "ko", tz, "no languages"},
		{"broken toml", withFiles(t, map[string]string{"x.ko.toml": "[x\n"}), []string{"ko"}, "ko", tz, "x.ko.toml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.fsys, tc.codes, tc.def, tc.tz)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("New error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestTFallback(t *testing.T) {
	fsys := withFiles(t, map[string]string{
		"t.ko.toml": "[t]\nboth = \"둘 다\"\nko_only = \"한국어만 {{.Name}}\"\nbroken = \"{{.Name\"\n",
		"t.en.toml": "[t]\nboth = \"Both\"\nbroken = \"{{.Name\"\n",
	})
	s, err := New(fsys, []string{"ko", "en"}, "ko", chicago(t))
	if err != nil {
		t.Fatal(err)
	}
	en := s.Get("en")
	for _, c := range []struct{ got, want string }{
		{en.T("t.both"), "Both"},
		{en.T("t.ko_only", "Name", "X"), "한국어만 X"},
		{en.T("t.nowhere"), "t.nowhere"},
		{en.T("t.broken", "Name", "X"), "t.broken"},
		{en.N("t.nowhere", 3), "t.nowhere"},
		{en.T("t.ko_only", "Name"), "한국어만 <no value>"}, // odd args: no panic
		{en.T("t.ko_only", 7, "X"), "한국어만 <no value>"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// One Lang is shared by every request; run with -race.
func TestConcurrentUse(t *testing.T) {
	s := repoLocales(t)
	at := time.Date(2026, 11, 25, 2, 30, 0, 0, time.UTC)
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 32 {
		wg.Go(func() {
			l := s.Get(s.Codes()[g%2])
			want := map[string]string{"ko": "2026년 11월 24일(화) 오후 8:30", "en": "Nov. 24, 2026, 8:30 p.m."}[l.Code]
			for i := range 200 {
				if got := l.DateTime(at); got != want {
					errs <- got
					return
				}
				_ = l.Number(i * 1000)
				_ = l.T("lang.name")
				_ = s.Match("en-US,en;q=0.9")
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent DateTime = %q", e)
	}
}

func BenchmarkDateTime(b *testing.B) {
	l := repoLocales(b).Get("en")
	at := time.Date(2026, 11, 24, 21, 5, 0, 0, time.UTC)
	for b.Loop() {
		l.DateTime(at)
	}
}

func BenchmarkT(b *testing.B) {
	l := repoLocales(b).Get("en")
	for b.Loop() {
		l.T("lang.name")
	}
}

func BenchmarkMatch(b *testing.B) {
	s := repoLocales(b)
	for b.Loop() {
		s.Match("en-US,en;q=0.9,ko;q=0.8")
	}
}

func TestPreferAccountThenBrowserThenDefault(t *testing.T) {
	s, err := New(locales.FS, []string{"ko", "en"}, "ko", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ pref, accept, want string }{
		{"en", "ko-KR", "en"},
		{"", "en-US,en;q=0.9", "en"},
		{"fr", "en", "en"},
		{"", "", "ko"},
	} {
		if got := s.Prefer(tc.pref, tc.accept).Code; got != tc.want {
			t.Errorf("Prefer(%q, %q) = %s, want %s", tc.pref, tc.accept, got, tc.want)
		}
	}
}
