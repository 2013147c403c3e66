package locales

// The completeness test guards the whole repository's strings:
//  1. every message exists in every language that has locale files here;
//  2. every message is used by some Go file or template outside locales/;
//  3. every message a template or Go call names exists.
// It reads the repository from ../, the way a reviewer would.

import (
	"fmt"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// catalog is every message of the embedded files, by language, then ID.
type catalog struct {
	langs []string                            // sorted
	areas map[string]bool                     // "site", "format"
	files map[string]map[string]bool          // lang -> file names
	msgs  map[string]map[string]*i18n.Message // lang -> id -> message
	where map[string]map[string]string        // lang -> id -> file
	ids   map[string]bool                     // union over languages
	byID  map[string]map[string]*i18n.Message // id -> lang -> message
}

// splitName splits "site.ko.toml" into area "site" and language "ko".
func splitName(name string) (area, lang string, ok bool) {
	base, found := strings.CutSuffix(name, ".toml")
	if !found {
		return "", "", false
	}
	i := strings.LastIndex(base, ".")
	if i <= 0 || i == len(base)-1 {
		return "", "", false
	}
	return base[:i], base[i+1:], true
}

func loadCatalog(t *testing.T) *catalog {
	t.Helper()
	c := &catalog{
		areas: map[string]bool{}, files: map[string]map[string]bool{},
		msgs: map[string]map[string]*i18n.Message{}, where: map[string]map[string]string{},
		ids: map[string]bool{}, byID: map[string]map[string]*i18n.Message{},
	}
	names, err := fs.Glob(FS, "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	unmarshal := map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}
	idShape := regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)
	for _, name := range names {
		area, lang, ok := splitName(name)
		if !ok {
			t.Errorf("%s: locale files are named <area>.<lang>.toml", name)
			continue
		}
		if _, err := language.Parse(lang); err != nil {
			t.Errorf("%s: %q is not a language code: %v", name, lang, err)
			continue
		}
		buf, err := FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		// Parse as go-i18n does, so IDs here are the IDs the site looks up.
		mf, err := i18n.ParseMessageFileBytes(buf, name, unmarshal)
		if err != nil {
			t.Errorf("%s: go-i18n cannot parse it: %v", name, err)
			continue
		}
		if c.files[lang] == nil {
			c.langs = append(c.langs, lang)
			c.files[lang] = map[string]bool{}
			c.msgs[lang] = map[string]*i18n.Message{}
			c.where[lang] = map[string]string{}
		}
		c.areas[area] = true
		c.files[lang][name] = true
		for _, m := range mf.Messages {
			if prev, dup := c.where[lang][m.ID]; dup {
				t.Errorf("%s: %s is also defined in %s; one would silently override the other", name, m.ID, prev)
			}
			if !idShape.MatchString(m.ID) {
				t.Errorf("%s: message ID %q is not dotted lower_case, area first (like page.article.updated)", name, m.ID)
			}
			if m.Other == "" {
				t.Errorf("%s: %s has no text (\"other\" is empty): the page would show the ID", name, m.ID)
			}
			c.msgs[lang][m.ID] = m
			c.where[lang][m.ID] = name
			c.ids[m.ID] = true
			if c.byID[m.ID] == nil {
				c.byID[m.ID] = map[string]*i18n.Message{}
			}
			c.byID[m.ID][lang] = m
		}
	}
	sort.Strings(c.langs)
	if len(c.ids) == 0 {
		t.Fatal("no messages found in locales/*.toml")
	}
	return c
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestComplete checks that every area has a file in every language and that
// matching files hold the same IDs (ko and en today; any language added here).
func TestComplete(t *testing.T) {
	c := loadCatalog(t)
	if !slices.Contains(c.langs, "ko") || !slices.Contains(c.langs, "en") {
		t.Fatalf("locales/ must hold Korean and English files; found languages %v", c.langs)
	}
	for _, area := range sortedKeys(c.areas) {
		for _, lang := range c.langs {
			file := area + "." + lang + ".toml"
			if !c.files[lang][file] {
				t.Errorf("%s is missing: the area %q exists in another language", file, area)
			}
		}
	}
	// Compare per ID across languages; report the file that lacks it and the
	// file that has it, which is where a translator starts.
	for _, id := range sortedKeys(c.ids) {
		var has []string
		for _, lang := range c.langs {
			if f, ok := c.where[lang][id]; ok {
				has = append(has, f)
			}
		}
		for _, lang := range c.langs {
			if _, ok := c.where[lang][id]; !ok {
				t.Errorf("%s lacks %s (defined in %s)", missingFile(c, id, lang), id, strings.Join(has, ", "))
			}
		}
	}
}

// missingFile names the file where lang's copy of id belongs: the file of the
// same area as another language's copy.
func missingFile(c *catalog, id, lang string) string {
	for _, other := range c.langs {
		if f, ok := c.where[other][id]; ok {
			if area, _, ok := splitName(f); ok {
				return area + "." + lang + ".toml"
			}
		}
	}
	return "*." + lang + ".toml"
}

// TestPluralForms checks that a message with plural forms in any language has
// every form its count can take in each language (CLDR cardinal rules for
// whole numbers): English needs one and other, Korean only other. go-i18n
// would otherwise quietly print "1 stories". A message is plural when some
// language gives it a form besides other, or code calls N with it.
func TestPluralForms(t *testing.T) {
	c := loadCatalog(t)
	counted := map[string]bool{}
	for _, cl := range scanRepo(t, repoRoot(t)).calls {
		if cl.fn == "N" {
			counted[cl.id] = true
		}
	}
	for _, id := range sortedKeys(c.byID) {
		byLang := c.byID[id]
		isPlural := counted[id]
		for _, m := range byLang {
			if m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != "" {
				isPlural = true
			}
		}
		if !isPlural {
			continue
		}
		for _, lang := range sortedKeys(byLang) {
			m := byLang[lang]
			for _, form := range wholeNumberForms(language.Make(lang)) {
				if text := formText(m, form); text == "" {
					t.Errorf("%s: plural message %s lacks the %q form, which %s uses for some counts",
						c.where[lang][id], id, formName(form), lang)
				}
			}
		}
	}
}

// wholeNumberForms lists the plural forms whole-number counts take in tag.
func wholeNumberForms(tag language.Tag) []plural.Form {
	seen := map[plural.Form]bool{}
	var forms []plural.Form
	for n := range 1000 {
		f := plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)
		if !seen[f] {
			seen[f] = true
			forms = append(forms, f)
		}
	}
	return forms
}

func formText(m *i18n.Message, f plural.Form) string {
	switch f {
	case plural.Zero:
		return m.Zero
	case plural.One:
		return m.One
	case plural.Two:
		return m.Two
	case plural.Few:
		return m.Few
	case plural.Many:
		return m.Many
	}
	return m.Other
}

func formName(f plural.Form) string {
	return [...]string{plural.Other: "other", plural.Zero: "zero", plural.One: "one",
		plural.Two: "two", plural.Few: "few", plural.Many: "many"}[f]
}

// usage is what the repository's code and templates say about messages.
type usage struct {
	literals map[string][]string // string literal -> "file:line" where it appears
	calls    []call              // T/N calls with a literal ID
}

type call struct {
	pos, fn, id string
}

var (
	// {{.L.T "x"}}, {{$.L.N "x" .Count}}, (.L.T `x`)
	templateCall = regexp.MustCompile("\\.L\\.([TN])\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)")
	// A template action, possibly over several lines.
	templateAction = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	// Any quoted string in a template action, for the "is it used" check.
	templateString = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`")
	// A literal that ends with a dot names a family of IDs completed at run
	// time ("lang.name_of." + code); it must have two segments at least.
	dynamicPrefix = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+\.$`)
)

// scanRepo reads every non-test .go file and every template under root,
// skipping hidden directories, data/, node_modules/, vendor/, testdata/ and
// locales/ itself (a message must not count as used because its file or this
// test mentions it).
func scanRepo(t *testing.T, root string) *usage {
	t.Helper()
	u := &usage{literals: map[string][]string{}}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p) // p is under root; Rel cannot fail
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			name := d.Name()
			if p != root && (strings.HasPrefix(name, ".") || rel == "locales" ||
				slices.Contains([]string{"data", "node_modules", "vendor", "testdata"}, name)) {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go"):
			return u.scanGo(p, rel)
		case strings.HasSuffix(rel, ".html") || strings.HasSuffix(rel, ".tmpl"):
			return u.scanTemplate(p, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walking the repository from %s: %v", root, err)
	}
	return u
}

func (u *usage) scanGo(path, rel string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	file := fset.AddFile(rel, -1, len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, 0) // lexing only; a file that does not compile fails elsewhere
	// The last three tokens, to spot .T( "id" and .N( "id".
	var prev [3]token.Token
	var prevLit [3]string
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.STRING {
			if v, err := strconv.Unquote(lit); err == nil {
				where := fmt.Sprintf("%s:%d", rel, fset.Position(pos).Line)
				u.literals[v] = append(u.literals[v], where)
				if prev[0] == token.PERIOD && prev[1] == token.IDENT && (prevLit[1] == "T" || prevLit[1] == "N") && prev[2] == token.LPAREN {
					u.calls = append(u.calls, call{pos: where, fn: prevLit[1], id: v})
				}
			}
		}
		prev[0], prev[1], prev[2] = prev[1], prev[2], tok
		prevLit[0], prevLit[1], prevLit[2] = prevLit[1], prevLit[2], lit
	}
	return nil
}

func (u *usage) scanTemplate(path, rel string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	text := string(src)
	// Only strings inside {{ }} actions: HTML attribute quotes around an
	// action (aria-label="{{.L.T "x"}}") would otherwise pair up wrongly.
	for _, a := range templateAction.FindAllStringIndex(text, -1) {
		action := text[a[0]:a[1]]
		where := fmt.Sprintf("%s:%d", rel, 1+strings.Count(text[:a[0]], "\n"))
		for _, q := range templateString.FindAllString(action, -1) {
			u.literals[unquote(q)] = append(u.literals[unquote(q)], where)
		}
		for _, m := range templateCall.FindAllStringSubmatch(action, -1) {
			u.calls = append(u.calls, call{pos: where, fn: m[1], id: unquote(m[2])})
		}
	}
	return nil
}

func unquote(q string) string {
	if v, err := strconv.Unquote(q); err == nil {
		return v
	}
	return strings.Trim(q, "\"`")
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("expected the repository root with go.mod at %s: %v", root, err)
	}
	return root
}

// TestEveryMessageUsed fails on messages nothing shows: a message counts as
// used when some Go file or template outside locales/ holds its ID as a
// quoted literal (a table of IDs chosen at run time counts), or a literal
// ending in "." that is a prefix of it ("lang.name_of." + code).
func TestEveryMessageUsed(t *testing.T) {
	c := loadCatalog(t)
	u := scanRepo(t, repoRoot(t))
	var prefixes []string
	for lit := range u.literals {
		if dynamicPrefix.MatchString(lit) {
			prefixes = append(prefixes, lit)
		}
	}
	sort.Strings(prefixes)
	for _, id := range sortedKeys(c.ids) {
		if _, ok := u.literals[id]; ok {
			continue
		}
		if i := slices.IndexFunc(prefixes, func(p string) bool { return strings.HasPrefix(id, p) }); i >= 0 {
			t.Logf("%s counts as used through the dynamic prefix %q at %s", id, prefixes[i], u.literals[prefixes[i]][0])
			continue
		}
		var files []string
		for _, lang := range c.langs {
			if f, ok := c.where[lang][id]; ok {
				files = append(files, f)
			}
		}
		t.Errorf("%s (in %s) is never used: no non-test .go file or template outside locales/ has the literal %q; use it or delete it",
			id, strings.Join(files, ", "), id)
	}
}

// TestEveryCallFound fails on .L.T "x" in templates and .T("x") / .N("x") in
// Go code naming a message no locale file defines.
func TestEveryCallFound(t *testing.T) {
	c := loadCatalog(t)
	u := scanRepo(t, repoRoot(t))
	if len(u.calls) == 0 {
		t.Log("no T/N calls with a literal ID found in the repository")
	}
	for _, cl := range u.calls {
		if c.ids[cl.id] {
			continue
		}
		hint := ""
		if near := nearest(cl.id, c.ids); near != "" {
			hint = fmt.Sprintf(" (did you mean %s?)", near)
		}
		t.Errorf("%s: %s(%q) names a message that no locales/*.toml defines%s", cl.pos, cl.fn, cl.id, hint)
	}
}

// nearest suggests the defined ID sharing the longest dotted prefix with id.
func nearest(id string, ids map[string]bool) string {
	best, bestLen := "", 0
	for _, cand := range sortedKeys(ids) {
		n := 0
		for n < len(id) && n < len(cand) && id[n] == cand[n] {
			n++
		}
		if n > bestLen && strings.Contains(id[:n], ".") {
			best, bestLen = cand, n
		}
	}
	return best
}

// TestScanners checks the repository scanners on small inputs, so a pass of
// the tests above means something.
func TestScanners(t *testing.T) {
	dir := t.TempDir()
	goSrc := "package x\nfunc f() { l.T(\"a.b\", \"K\", 1); l.N(`c.d`, 2); g(\"e.f\"); s.T (\"g.h\") }\n"
	html := "{{.L.T \"t.one\"}} {{$.L.N \"t.two\" .Count}} {{(.L.T `t.three`)}} {{.Other \"t.four\"}}\n<a title=\"{{.L.T \"t.five\"}}\">{{/* \"t.six\" */}}</a>\n"
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(goSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "p.html"), []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	u := &usage{literals: map[string][]string{}}
	if err := u.scanGo(filepath.Join(dir, "x.go"), "x.go"); err != nil {
		t.Fatal(err)
	}
	if err := u.scanTemplate(filepath.Join(dir, "p.html"), "p.html"); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, cl := range u.calls {
		got = append(got, cl.pos+" "+cl.fn+" "+cl.id)
	}
	want := []string{"x.go:2 T a.b", "x.go:2 N c.d", "x.go:2 T g.h", "p.html:1 T t.one", "p.html:1 N t.two", "p.html:1 T t.three", "p.html:2 T t.five"}
	if !slices.Equal(got, want) {
		t.Errorf("calls = %q, want %q", got, want)
	}
	for _, lit := range []string{"a.b", "c.d", "e.f", "K", "t.four", "t.five"} {
		if len(u.literals[lit]) == 0 {
			t.Errorf("literal %q not seen", lit)
		}
	}
	if a, l, ok := splitName("error.pages.ko.toml"); !ok || a != "error.pages" || l != "ko" {
		t.Errorf("splitName = %q %q %v", a, l, ok)
	}
}
