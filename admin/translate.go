package admin

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/glossary"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
	"github.com/newsroom/newsroom/textdiff"
)

// viewTranslate is the value of the form's "view" field in the
// side-by-side editor: saves then come back to it instead of the plain editor.
const viewTranslate = "translate"

func translateHref(n int, lang string) string { return editHref(n, lang) + "/translate" }

// paraRow is one row of the side-by-side editor: a source paragraph, the
// glossary entries found in it, and the translation's paragraph.
type paraRow struct {
	Index       int
	Source      string
	Translation string
	Changed     bool          // changed in the source since the translation's base
	Diff        template.HTML // that change, word by word
	Terms       []termHint
}

// termHint is a glossary entry found in a source paragraph, with its
// agreed rendering in the translation's language.
type termHint struct {
	Found, Agreed, Title, Kind string
}

// staleView tells a translator that the source moved on: from which
// revision to which, and the source's paragraphs that changed meanwhile.
type staleView struct {
	SourceLang       string
	BaseRev, HeadRev int
	Changes          []textdiff.ParaChange
	Diffs            []template.HTML
	UpToDateHref     string
	CanMark          bool
	TranslationBase  int
	SourceCorrection bool
}

// translateData is the side-by-side editor.
type translateData struct {
	frame
	storyInput
	Number                                   int
	SourceLang, SourceName, LangName         string
	Source                                   storyInput
	SourceRevision                           int
	Rows                                     []paraRow
	Status, StatusCode, FormAction, EditHref string
	Bylines                                  []string
	CanSave, CanSubmit, CanPublish, Autosave bool
	Issues                                   []string
	Extras                                   storyExtras // Stale and Presence
}

// canTranslate: the side-by-side editor is for translations the user may edit.
func canTranslate(u *auth.User, st *story.Story, lng string) bool {
	return auth.CanEditVersion(u, st, lng) && auth.IsTranslation(st, lng)
}

// translateShow opens the side-by-side editor for the translation of
// story :number into :lang, creating nothing until the first save: the
// first save (or autosave) creates the language version, recording the
// source revision shown here.
func (a *Admin) translateShow(c *gin.Context) {
	st, lng, u, ok := a.storyFor(c, canTranslate)
	if !ok {
		return
	}
	srcLang := ""
	if v := st.Version(lng); v != nil {
		srcLang = v.TranslatedFrom
	} else {
		srcLang = a.originalLang(st, lng)
	}
	src := st.Version(srcLang)
	if src == nil {
		a.fail(c, notFound())
		return
	}
	ctx := c.Request.Context()
	l := a.langFor(c, u)
	srcBody, err := a.store.Body(ctx, st.Number, srcLang, src.Revision)
	if err != nil {
		a.fail(c, err)
		return
	}
	body := ""
	v := st.Version(lng)
	if v != nil {
		if body, err = a.store.Body(ctx, st.Number, lng, v.Revision); err != nil {
			a.fail(c, err)
			return
		}
	}
	g, err := a.glossary(ctx)
	if err != nil {
		a.fail(c, err)
		return
	}
	d := translateData{frame: a.frame(c, l), storyInput: a.inputOf(st, lng, body), Number: st.Number,
		SourceLang: srcLang, SourceName: langName(l, a.langs, srcLang), LangName: langName(l, a.langs, lng),
		Source: a.inputOf(st, srcLang, srcBody), SourceRevision: src.Revision,
		FormAction: editHref(st.Number, lng), EditHref: editHref(st.Number, lng)}
	d.Lang = lng
	d.Bylines = st.Byline
	cur := story.Draft
	if v != nil {
		cur = v.Status
		d.SourceRevision = v.SourceRevision
	}
	d.StatusCode, d.Status = string(cur), l.T(statusNames[cur])
	hand := auth.Hand(u, st, lng)
	d.CanSave = story.May(cur, story.StepSave, hand)
	d.CanSubmit = story.May(cur, story.StepSubmit, hand)
	d.CanPublish = story.May(cur, story.StepPublish, hand)
	d.Autosave = story.May(cur, story.StepAutosave, hand)
	if d.Extras.Stale, err = a.staleness(ctx, l, u, st, lng); err != nil {
		a.fail(c, err)
		return
	}
	d.Rows = rows(srcBody, body, g, srcLang, lng)
	if d.Extras.Stale != nil {
		for _, ch := range d.Extras.Stale.Changes {
			if ch.Index >= 0 && ch.Index < len(d.Rows) && ch.Op != textdiff.Equal {
				d.Rows[ch.Index].Changed = true
				d.Rows[ch.Index].Diff = textdiff.HTML(ch.Diff)
			}
		}
	}
	if body != "" {
		d.Issues = glossaryIssues(l, g.Check(srcLang, srcBody, lng, body))
	}
	d.Extras.Presence = a.presence(c, l, st.Number, lng)
	p := a.page(c, l, l.T("translate.title", "Number", st.Number, "Lang", d.LangName))
	p.Notice = notice(c, l)
	if c.Query("done") == "uptodate" {
		p.Notice = l.T("translate.marked_up_to_date")
	}
	p.Data = d
	a.show(c, http.StatusOK, "translate", p)
}

// rows aligns the translation's paragraphs with the source's, one row per
// source paragraph; translation paragraphs beyond the source's count stay
// together in the last row so nothing is dropped.
func rows(src, dst string, g *glossary.Glossary, srcLang, dstLang string) []paraRow {
	sp, dp := textdiff.SplitParagraphs(src), textdiff.SplitParagraphs(dst)
	if len(sp) == 0 {
		sp = []string{""}
	}
	out := make([]paraRow, len(sp))
	for i, p := range sp {
		out[i] = paraRow{Index: i, Source: p, Terms: hints(g, srcLang, dstLang, p)}
		if i < len(dp) {
			out[i].Translation = dp[i]
		}
	}
	if len(dp) > len(sp) {
		last := len(sp) - 1
		out[last].Translation = strings.Join(dp[last:], "\n\n")
	}
	return out
}

// hints lists the glossary entries found in one source paragraph, each once.
func hints(g *glossary.Glossary, srcLang, dstLang, text string) []termHint {
	var out []termHint
	seen := map[*glossary.Entry]bool{}
	for _, m := range g.Find(srcLang, text) {
		if seen[m.Entry] {
			continue
		}
		seen[m.Entry] = true
		out = append(out, termHint{Found: m.Text, Agreed: m.Entry.Terms[dstLang], Title: m.Entry.Title[dstLang], Kind: string(m.Entry.Kind)})
	}
	return out
}

// glossaryIssues words glossary.Check's findings for the translator.
func glossaryIssues(l *lang.Lang, issues []glossary.Issue) []string {
	var out []string
	for _, is := range issues {
		if is.Found != "" {
			out = append(out, l.T("translate.glossary_spelled", "Found", is.Found, "Expected", is.Expected))
		} else {
			out = append(out, l.T("translate.glossary_missing", "Expected", is.Expected, "Paragraph", is.Paragraph+1))
		}
	}
	return out
}

// glossary reads the paper's glossary. It is small (hundreds of entries)
// and read whole, so every instance sees the others' edits at once.
func (a *Admin) glossary(ctx context.Context) (*glossary.Glossary, error) {
	entries, err := a.store.GlossaryEntries(ctx)
	if err != nil {
		return nil, err
	}
	return glossary.New(entries), nil
}

// staleness describes how far the translation in lng is behind its
// source, or nil when it is not (or is not a translation).
func (a *Admin) staleness(ctx context.Context, l *lang.Lang, u *auth.User, st *story.Story, lng string) (*staleView, error) {
	v, src := st.Version(lng), st.Source(lng)
	if v == nil || src == nil {
		return nil, nil
	}
	correction := story.SourceNewerCorrection(st, lng)
	if !st.Stale(lng) && !correction {
		return nil, nil
	}
	sv := &staleView{SourceLang: langName(l, a.langs, v.TranslatedFrom), BaseRev: v.SourceRevision, HeadRev: src.Revision,
		UpToDateHref: editHref(st.Number, lng) + "/uptodate", CanMark: auth.CanEditVersion(u, st, lng),
		TranslationBase: v.Revision, SourceCorrection: correction}
	if !st.Stale(lng) {
		return sv, nil
	}
	old, err := a.store.Body(ctx, st.Number, v.TranslatedFrom, v.SourceRevision)
	if err != nil {
		return nil, err
	}
	cur, err := a.store.Body(ctx, st.Number, v.TranslatedFrom, src.Revision)
	if err != nil {
		return nil, err
	}
	for _, ch := range textdiff.Paragraphs(old, cur) {
		if ch.Op != textdiff.Equal {
			sv.Changes = append(sv.Changes, ch)
			sv.Diffs = append(sv.Diffs, textdiff.HTML(ch.Diff))
		}
	}
	return sv, nil
}

// markUpToDate moves a translation's base to its source's current
// revision: the translator has brought it in line. It is a new revision of
// the translation (same text), saved through the revision check.
func (a *Admin) markUpToDate(c *gin.Context) {
	st, lng, u, ok := a.storyFor(c, auth.CanEditVersion)
	if !ok {
		return
	}
	v, src := st.Version(lng), st.Source(lng)
	if v == nil || src == nil {
		a.fail(c, notFound())
		return
	}
	base, _ := strconv.Atoi(c.PostForm("base"))
	if base != v.Revision {
		a.fail(c, &httpError{status: http.StatusConflict, id: "translate.changed_meanwhile"})
		return
	}
	ctx := c.Request.Context()
	body, err := a.store.Body(ctx, st.Number, lng, v.Revision)
	if err != nil {
		a.fail(c, err)
		return
	}
	next := *v
	next.SourceRevision, next.EditedBy = src.Revision, u.ID
	story.Stamp(v, &next, true) // the translation's own text did not change
	saved, err := a.store.Save(ctx, st, lng, base, next, body, u.ID)
	if errors.Is(err, store.ErrConflict) {
		a.fail(c, &httpError{status: http.StatusConflict, id: "translate.changed_meanwhile"})
		return
	}
	if err != nil {
		a.fail(c, err)
		return
	}
	a.changed(saved)
	c.Redirect(http.StatusSeeOther, translateHref(st.Number, lng)+"?done=uptodate")
}

// joinParagraphs turns the side-by-side editor's paragraph fields into the
// body field the one save path reads, so both editors save alike.
func joinParagraphs(c *gin.Context) {
	paras, ok := c.Request.PostForm["para"]
	if !ok || c.Request.PostForm.Has("body") {
		return
	}
	var keep []string
	for _, p := range paras {
		if p = strings.TrimSpace(strings.ReplaceAll(p, "\r\n", "\n")); p != "" {
			keep = append(keep, p)
		}
	}
	c.Request.PostForm.Set("body", strings.Join(keep, "\n\n"))
}

// sourceRevisionFor is the source revision a new translation records: the
// one its translator was shown (the form's source_revision), when valid,
// else the source's current revision.
func sourceRevisionFor(c *gin.Context, st *story.Story, srcLang string) int {
	src := st.Version(srcLang)
	if src == nil {
		return 0
	}
	if n, err := strconv.Atoi(c.PostForm("source_revision")); err == nil && n > 0 && n <= src.Revision {
		return n
	}
	return src.Revision
}

// userName is a user's display name, or the ID when the account is gone.
func (a *Admin) userName(ctx context.Context, id string) string {
	if id == "" {
		return ""
	}
	u, err := a.store.User(ctx, id)
	if err != nil || u.Name == "" {
		return id
	}
	return u.Name
}

// sameText reports whether next (with body) has the same text as the
// stored head prev: only then does a save not concern translations
// without being marked minor. When the stored body cannot be read, the
// text counts as changed.
func (a *Admin) sameText(ctx context.Context, st *story.Story, prev, next *story.Version, body string) bool {
	if st == nil || prev == nil || prev.Headline != next.Headline || prev.Deck != next.Deck || prev.Summary != next.Summary {
		return false
	}
	old, err := a.store.Body(ctx, st.Number, prev.Lang, prev.Revision)
	return err == nil && old == body
}
