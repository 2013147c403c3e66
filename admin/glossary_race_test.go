package admin

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/store"
)

// TestGlossaryEditsOfDifferentFieldsBothStay: an editor and a translator
// open the same entry; at the same moment the translator fixes the English
// term and the editor the note. Both changes stay, every round.
func TestGlossaryEditsOfDifferentFieldsBothStay(t *testing.T) {
	tn := newTestNewsroom(t, true)
	ed, tr := tn.login(t, store.RoleEditor), tn.login(t, store.RoleTranslator)
	if r := ed.post("/admin/glossary", url.Values{"kind": {"person"}, "term_ko": {"김현겸"}, "term_en": {"Hyun-kyum Kim"}, "note": {"회장"}}); r.code != http.StatusSeeOther {
		t.Fatalf("add: %d", r.code)
	}
	entries, err := tn.store.GlossaryEntries(t.Context())
	if err != nil || len(entries) != 1 {
		t.Fatalf("entries %v, %v", entries, err)
	}
	id := entries[0].ID
	hidden := regexp.MustCompile(`<input type="hidden" name="(was_[a-z_]+)" value="([^"]*)">`)
	loaded := func(c *client) url.Values {
		page := c.get("/admin/glossary?edit=" + url.QueryEscape(id)).body
		f := url.Values{"id": {id}}
		for _, m := range hidden.FindAllStringSubmatch(page, -1) {
			v := strings.NewReplacer("&#39;", "'", "&amp;", "&", "&quot;", `"`).Replace(m[2])
			f.Set(m[1], v)
			f.Set(strings.TrimPrefix(m[1], "was_"), v)
		}
		if f.Get("was_term_ko") != "김현겸" {
			t.Fatalf("the edit form does not post what it showed: %v", f)
		}
		return f
	}
	for round := range 5 {
		en, note := "Hyeon-gyeom Kim "+itoa(round), "회장, "+itoa(round)+"선"
		trForm, edForm := loaded(tr), loaded(ed)
		trForm.Set("term_en", en)
		edForm.Set("note", note)
		done := make(chan int)
		go func() { done <- tr.post("/admin/glossary", trForm).code }()
		if r := ed.post("/admin/glossary", edForm); r.code != http.StatusSeeOther {
			t.Fatalf("editor: %d", r.code)
		}
		if code := <-done; code != http.StatusSeeOther {
			t.Fatalf("translator: %d", code)
		}
		entries, err := tn.store.GlossaryEntries(t.Context())
		if err != nil || len(entries) != 1 {
			t.Fatalf("entries %v, %v", entries, err)
		}
		if e := entries[0]; e.Terms["en"] != en || e.Note != note || e.Terms["ko"] != "김현겸" {
			t.Fatalf("round %d: term %q, note %q; want %q, %q", round, e.Terms["en"], e.Note, en, note)
		}
	}
}
