package admin

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/glossary"
	"github.com/newsroom/newsroom/store"
)

// glossaryKinds are the entry kinds' message IDs, literal for the locale test.
var glossaryKinds = map[glossary.Kind]string{
	glossary.Person: "glossary.kind.person", glossary.Organization: "glossary.kind.organization",
	glossary.Place: "glossary.kind.place", glossary.Term: "glossary.kind.term",
}

var kindOrder = []glossary.Kind{glossary.Person, glossary.Organization, glossary.Place, glossary.Term}

// glossaryForm is the entry form as typed.
type glossaryForm struct {
	ID, Kind                     string
	TermKo, TermEn               string
	TitleKo, TitleEn             string
	VariantsKo, VariantsEn, Note string
}

type glossaryRow struct {
	ID, Kind, Ko, En, TitleKo, TitleEn, Variants, Note, Updated, EditHref string
}

type glossaryData struct {
	frame
	Form glossaryForm
	// Was is the entry as the form was loaded, posted back with it
	// (was_<field>) so that a save changes only what this editor changed.
	Was     glossaryForm
	Errs    map[string]string
	Kinds   []option
	Filter  []option
	Query   string
	Rows    []glossaryRow
	CanEdit bool
}

// glossaryShow lists the glossary (anyone in the newsroom may read it;
// editors and translators edit it). ?edit=<id> fills the form with an entry.
func (a *Admin) glossaryShow(c *gin.Context) {
	a.glossaryPage(c, http.StatusOK, glossaryForm{}, nil)
}

func (a *Admin) glossaryPage(c *gin.Context, status int, form glossaryForm, errs map[string]string) {
	u := auth.UserFrom(c)
	l := a.langFor(c, u)
	entries, err := a.store.GlossaryEntries(c.Request.Context())
	if err != nil {
		a.fail(c, err)
		return
	}
	d := glossaryData{frame: a.frame(c, l), Form: form, Errs: errs, CanEdit: auth.Can(u, auth.ActEditGlossary, nil),
		Query: strings.TrimSpace(c.Query("q"))}
	fk := glossary.Kind(c.Query("kind"))
	if status != http.StatusOK {
		// A refused save shows what was typed; it still posts back what
		// the form was loaded with.
		d.Was = glossaryForm{Kind: c.PostForm("was_kind"), TermKo: c.PostForm("was_term_ko"), TermEn: c.PostForm("was_term_en"),
			TitleKo: c.PostForm("was_title_ko"), TitleEn: c.PostForm("was_title_en"), VariantsKo: c.PostForm("was_variants_ko"),
			VariantsEn: c.PostForm("was_variants_en"), Note: c.PostForm("was_note")}
	}
	if id := c.Query("edit"); id != "" && status == http.StatusOK {
		for _, e := range entries {
			if e.ID == id {
				d.Form = formOf(e)
				d.Was = d.Form
			}
		}
	}
	d.Filter = []option{{"", l.T("glossary.all_kinds"), fk == ""}}
	for _, k := range kindOrder {
		d.Kinds = append(d.Kinds, option{string(k), l.T(glossaryKinds[k]), string(k) == d.Form.Kind})
		d.Filter = append(d.Filter, option{string(k), l.T(glossaryKinds[k]), k == fk})
	}
	q := strings.ToLower(d.Query)
	for _, e := range entries {
		if fk != "" && e.Kind != fk {
			continue
		}
		f := formOf(e)
		variants := strings.TrimSpace(f.VariantsKo + " " + f.VariantsEn)
		if q != "" && !strings.Contains(strings.ToLower(strings.Join([]string{f.TermKo, f.TermEn, variants, f.Note}, " ")), q) {
			continue
		}
		r := glossaryRow{ID: e.ID, Kind: l.T(glossaryKinds[e.Kind]), Ko: f.TermKo, En: f.TermEn, TitleKo: f.TitleKo,
			TitleEn: f.TitleEn, Variants: variants, Note: e.Note, EditHref: "/admin/glossary?edit=" + e.ID}
		if !e.UpdatedAt.IsZero() {
			r.Updated = l.DateTime(e.UpdatedAt)
		}
		d.Rows = append(d.Rows, r)
	}
	p := a.page(c, l, l.T("glossary.title"))
	switch c.Query("done") {
	case "saved":
		p.Notice = l.T("glossary.saved")
	case "deleted":
		p.Notice = l.T("glossary.deleted")
	}
	if len(errs) > 0 {
		p.Notice = l.T("admin.form.has_errors")
	}
	p.Data = d
	a.show(c, status, "glossary", p)
}

func formOf(e glossary.Entry) glossaryForm {
	return glossaryForm{ID: e.ID, Kind: string(e.Kind), TermKo: e.Terms["ko"], TermEn: e.Terms["en"],
		TitleKo: e.Title["ko"], TitleEn: e.Title["en"], VariantsKo: strings.Join(e.Variants["ko"], ", "),
		VariantsEn: strings.Join(e.Variants["en"], ", "), Note: e.Note}
}

// glossarySave creates or updates an entry (the form's id names the entry
// being edited; empty makes a new one).
func (a *Admin) glossarySave(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActEditGlossary)
	if !ok {
		return
	}
	l := a.langFor(c, u)
	f := newFields(c, l)
	in := glossaryForm{
		ID: f.text("id", maxGlossaryField, false), Kind: f.text("kind", maxHandle, true),
		TermKo: f.text("term_ko", maxGlossaryField, false), TermEn: f.text("term_en", maxGlossaryField, false),
		TitleKo: f.text("title_ko", maxGlossaryField, false), TitleEn: f.text("title_en", maxGlossaryField, false),
		VariantsKo: f.text("variants_ko", maxGlossaryNote, false), VariantsEn: f.text("variants_en", maxGlossaryNote, false),
		Note: f.text("note", maxGlossaryNote, false),
	}
	if !f.ok() {
		a.glossaryPage(c, http.StatusUnprocessableEntity, in, f.Errs)
		return
	}
	e := glossary.Entry{ID: in.ID, Kind: glossary.Kind(in.Kind),
		Terms:    map[string]string{"ko": in.TermKo, "en": in.TermEn},
		Title:    map[string]string{"ko": in.TitleKo, "en": in.TitleEn},
		Variants: map[string][]string{"ko": splitList(in.VariantsKo), "en": splitList(in.VariantsEn)},
		Note:     in.Note, UpdatedBy: u.ID, UpdatedAt: a.now()}
	var err error
	if in.ID == "" {
		_, err = a.store.PutGlossaryEntry(c.Request.Context(), e)
	} else {
		_, err = a.store.UpdateGlossaryEntry(c.Request.Context(), in.ID, func(cur *glossary.Entry) {
			mergeGlossaryChange(c, cur, e)
		})
	}
	var fe *glossary.FieldError
	if errors.As(err, &fe) {
		field := fe.Field
		if field == "terms" {
			field = "term_ko"
		}
		a.glossaryPage(c, http.StatusUnprocessableEntity, in, map[string]string{field: l.T(fe.MessageID)})
		return
	}
	if err != nil {
		a.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/admin/glossary?done=saved")
}

// glossaryDelete removes the entry named by the form's id.
func (a *Admin) glossaryDelete(c *gin.Context) {
	if _, ok := a.userMay(c, auth.ActEditGlossary); !ok {
		return
	}
	err := a.store.DeleteGlossaryEntry(c.Request.Context(), c.PostForm("id"))
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		a.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/admin/glossary?done=deleted")
}

// splitList reads comma- or line-separated variants.
func splitList(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '\n' || r == '，' })
	return slices.DeleteFunc(parts, func(p string) bool { return strings.TrimSpace(p) == "" })
}

// Limits of the glossary form, in characters.
const (
	maxGlossaryField = 200
	maxGlossaryNote  = 2000
)

// mergeGlossaryChange copies into cur the fields of the form's entry e that
// the editor changed: a translator fixing the English term and an editor
// fixing the note at the same time both keep their change.
func mergeGlossaryChange(c *gin.Context, cur *glossary.Entry, e glossary.Entry) {
	if changed(c, "kind") {
		cur.Kind = e.Kind
	}
	for _, code := range []string{"ko", "en"} {
		if changed(c, "term_"+code) {
			cur.Terms = setIn(cur.Terms, code, e.Terms[code])
		}
		if changed(c, "title_"+code) {
			cur.Title = setIn(cur.Title, code, e.Title[code])
		}
		if changed(c, "variants_"+code) {
			if cur.Variants == nil {
				cur.Variants = map[string][]string{}
			}
			cur.Variants[code] = e.Variants[code]
		}
	}
	if changed(c, "note") {
		cur.Note = e.Note
	}
	cur.UpdatedBy, cur.UpdatedAt = e.UpdatedBy, e.UpdatedAt
}

func setIn(m map[string]string, k, v string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	m[k] = v
	return m
}
