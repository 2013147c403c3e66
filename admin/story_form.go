package admin

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/story"
)

func itoa(n int) string { return strconv.Itoa(n) }

// scheduleLayout is how an <input type="datetime-local"> sends its value,
// read in the paper's time zone.
const scheduleLayout = "2006-01-02T15:04"

// storyInput is the editor form as typed.
type storyInput struct {
	Lang                               string
	Base                               int
	WideBase                           int // the story-wide fields' revision the form was loaded at
	Headline, Deck, Summary, Body      string
	Slug, Tags, Correction, ScheduleAt string
	Section                            string
	Byline                             []string
	Action                             string
	Photo                              photoInput
}

// storyData is everything the editor page shows.
type storyData struct {
	frame
	storyInput
	New                                      bool
	Number                                   int
	FormAction, LangName, Status, StatusCode string
	Sections, Authors, Langs                 []option
	TagSuggestions                           []string
	Errs                                     map[string]string
	ConflictHref, PublicHref                 string
	CanSave, CanSubmit, CanPublish           bool
	CanSchedule, CanUnpublish                bool
	StoryWideLocked                          bool // a translator: section, tags, byline and photo are shown, not edited
	Autosave                                 bool
	Versions                                 []versionLink
	Timezone                                 string
	Extras                                   storyExtras
	LeadPhoto                                photoView
	DeleteHref                               string // for those who may delete the story
	Pending                                  *pendingView
}

type versionLink struct {
	Label, Href string
	Exists      bool
}

// readStory reads and checks the editor form for action. Messages go next
// to their fields; nothing typed is changed or dropped. With keep set (a
// translator saving a translation), the story-wide fields — section, tags,
// byline and which lead photo — are keep's, whatever the form says: they
// belong to the story's editors, and a translation is no way to change them.
func (a *Admin) readStory(c *gin.Context, l *lang.Lang, keep *story.Story) (storyInput, *fields) {
	f := newFields(c, l)
	in := storyInput{
		Lang:       c.PostForm("lang"),
		Action:     c.PostForm("action"),
		Headline:   f.text("headline", maxHeadline, true),
		Deck:       f.text("deck", maxDeck, false),
		Summary:    f.text("summary", maxSummary, false),
		Slug:       f.text("slug", story.MaxSlugRunes, false),
		Correction: f.text("correction", maxCorrection, false),
		ScheduleAt: f.text("schedule_at", len(scheduleLayout), false),
	}
	needBody := in.Action == actSubmit || in.Action == actPublish || in.Action == actSchedule
	in.Body = f.text("body", maxBody, needBody)
	in.Photo = readPhoto(f)
	in.Base, _ = strconv.Atoi(c.PostForm("base")) // anything but a number is base 0, which then conflicts
	in.WideBase, _ = strconv.Atoi(c.PostForm("wide_base"))
	if keep != nil {
		in.Section, in.Tags, in.Byline = keep.Section, strings.Join(keep.Tags, ", "), slices.Clone(keep.Byline)
		if in.Photo.Set {
			in.Photo.ID = keep.Photo.ID
			delete(f.Errs, "photo_id") // the form's ID was never going to be used
		}
		return in, f
	}
	in.Tags = f.text("tags", maxTagsField, false)
	in.Section = f.text("section", maxHandle, false)
	for _, h := range c.PostFormArray("byline") {
		if _, ok := a.cat.Author(h); ok && !slices.Contains(in.Byline, h) {
			in.Byline = append(in.Byline, h)
		} else if !ok {
			f.fail("byline", l.T("admin.story.unknown_reporter"))
		}
	}
	if in.Section != "" {
		if _, ok := a.cat.Section(in.Section); !ok {
			f.fail("section", l.T("admin.story.unknown_section"))
		}
	} else if (in.Action == actPublish || in.Action == actSchedule) && len(a.cat.Sections()) > 0 {
		// A draft may wait for its section; readers may not see a story without one.
		f.fail("section", l.T("admin.story.section_to_publish"))
	}
	if _, err := parseTags(in.Tags); err != "" {
		f.fail("tags", l.T(err, "Max", maxTags, "MaxLen", maxTag))
	}
	return in, f
}

// parseTags splits the comma-separated tags field into normalized tags;
// the second result is a message ID when the field is refused.
func parseTags(s string) ([]string, string) {
	var out []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		t = story.NormalizeTag(t)
		if t == "" || slices.Contains(out, t) {
			continue
		}
		if len([]rune(t)) > maxTag {
			return nil, "admin.story.tag_too_long"
		}
		out = append(out, t)
	}
	if len(out) > maxTags {
		return nil, "admin.story.too_many_tags"
	}
	return out, ""
}

// slugFor is the slug the version will have: as typed (lower-cased), or
// made from the headline; the message ID says why it is refused.
func slugFor(in storyInput) (string, string) {
	s := strings.ToLower(strings.TrimSpace(in.Slug))
	if s == "" {
		s = story.Slugify(strings.TrimSpace(in.Headline))
	}
	if s == "" {
		return "", "admin.story.slug_required"
	}
	if !story.ValidSlug(s) {
		return "", "admin.story.slug_invalid"
	}
	return s, ""
}

// slugTaken reports whether another story already uses slug in lang,
// according to the catalogue (the slugs collection then settles races).
func (a *Admin) slugTaken(lang, slug string, n int) bool {
	for _, st := range a.cat.All() {
		if v := st.Version(lang); v != nil && st.Number != n && v.Slug == slug {
			return true
		}
	}
	return false
}

// storyWideLocked reports whether u, saving a version of st, may change only
// that version and not the story-wide fields: a translator (or anyone who
// may translate st but not edit it).
func storyWideLocked(u *auth.User, st *story.Story) bool {
	return st != nil && !auth.Can(u, auth.ActEditStory, st)
}

// storyPage renders the editor for st (nil: a new story) in language lng
// with in as the form's contents.
func (a *Admin) storyPage(c *gin.Context, status int, st *story.Story, lng string, in storyInput, errs map[string]string, conflict bool) {
	u := auth.UserFrom(c)
	l := a.langFor(c, u)
	d := storyData{frame: a.frame(c, l), storyInput: in, Errs: errs, New: st == nil,
		LangName: langName(l, a.langs, lng), Timezone: a.langs.Location().String()}
	d.Lang = lng
	cand := st
	if st == nil {
		cand = &story.Story{CreatedBy: u.ID}
		d.FormAction = "/admin/stories/new"
		for _, code := range a.langs.Codes() {
			d.Langs = append(d.Langs, option{code, langName(l, a.langs, code), code == lng})
		}
	} else {
		d.Number = st.Number
		d.FormAction = editHref(st.Number, lng)
	}
	v := cand.Version(lng)
	cur := story.Draft
	if v != nil {
		cur = v.Status
		if v.Status == story.Published {
			d.PublicHref = a.baseURL + "/" + lng + "/news/" + itoa(st.Number) + "/" + v.Slug
		}
	}
	d.StatusCode, d.Status = string(cur), l.T(statusNames[cur])
	hand := auth.Hand(u, st, lng)
	d.CanSave = story.May(cur, story.StepSave, hand)
	d.CanSubmit = story.May(cur, story.StepSubmit, hand)
	d.CanPublish = story.May(cur, story.StepPublish, hand)
	d.CanSchedule = story.May(cur, story.StepSchedule, hand)
	d.CanUnpublish = st != nil && story.May(cur, story.StepUnpublish, hand)
	d.Autosave = story.May(cur, story.StepAutosave, hand)
	d.StoryWideLocked = storyWideLocked(u, st)
	if conflict && st != nil {
		d.ConflictHref = editHref(st.Number, lng)
	}
	for _, s := range a.cat.Sections() {
		d.Sections = append(d.Sections, option{s.Slug, s.Name.In(l.Code, a.langs.Default()), s.Slug == in.Section})
	}
	for _, au := range a.cat.Authors() {
		d.Authors = append(d.Authors, option{au.Handle, au.Name.In(l.Code, a.langs.Default()), slices.Contains(in.Byline, au.Handle)})
	}
	d.TagSuggestions = a.tagSuggestions()
	if st != nil {
		for _, code := range a.langs.Codes() {
			vl := versionLink{Label: langName(l, a.langs, code), Exists: st.Version(code) != nil}
			if auth.CanEditVersion(u, st, code) { // no link that only leads to "forbidden"
				vl.Href = editHref(st.Number, code)
			}
			d.Versions = append(d.Versions, vl)
		}
	}
	d.Extras = a.storyExtras(c, l, st, lng)
	if p := a.pendingOf(c, st, lng); p != nil {
		d.Pending = a.pendingViewOf(c, u, st, p)
	}
	_, altRefused := errs["photo_alt"]
	d.LeadPhoto = a.photoView(l, st, lng, in, altRefused)
	if st != nil && auth.Can(u, auth.ActTrash, st) {
		d.DeleteHref = deleteHref(st.Number)
	}
	title := l.T("admin.story.new_title")
	if st != nil {
		title = l.T("admin.story.edit_title", "Number", st.Number)
	}
	p := a.page(c, l, title)
	p.Notice = notice(c, l)
	if conflict {
		p.Notice = l.T("admin.story.conflict")
	} else if len(errs) > 0 {
		p.Notice = l.T("admin.form.has_errors")
	}
	p.Data = d
	a.show(c, status, "story", p)
}

// tagSuggestions are the tags in use, from the catalogue, most used first.
func (a *Admin) tagSuggestions() []string {
	count := map[string]int{}
	for _, st := range a.cat.All() {
		for _, t := range st.Tags {
			count[t]++
		}
	}
	out := make([]string, 0, len(count))
	for t := range count {
		out = append(out, t)
	}
	slices.SortFunc(out, func(x, y string) int {
		if count[x] != count[y] {
			return count[y] - count[x]
		}
		return strings.Compare(x, y)
	})
	if len(out) > 200 {
		out = out[:200]
	}
	return out
}

// inputOf fills the form from the stored story and body.
func (a *Admin) inputOf(st *story.Story, lng, body string) storyInput {
	in := storyInput{Lang: lng, Section: st.Section, Byline: slices.Clone(st.Byline), Tags: strings.Join(st.Tags, ", "), Body: body,
		Photo: photoInputOf(st.Photo, lng), WideBase: st.WideRevision}
	if v := st.Version(lng); v != nil {
		in.Base = v.Revision
		in.Headline, in.Deck, in.Summary, in.Slug, in.Correction = v.Headline, v.Deck, v.Summary, v.Slug, v.Correction
		if !v.ScheduledAt.IsZero() {
			in.ScheduleAt = v.ScheduledAt.In(a.langs.Location()).Format(scheduleLayout)
		}
	}
	return in
}

func (a *Admin) parseSchedule(s string) (time.Time, bool) {
	t, err := time.ParseInLocation(scheduleLayout, strings.TrimSpace(s), a.langs.Location())
	return t, err == nil
}

// renderStoryError answers the editor form with errors: JSON for autosave,
// the form again (with everything typed) otherwise.
func (a *Admin) renderStoryError(c *gin.Context, st *story.Story, lng string, in storyInput, errs map[string]string) {
	if wantsJSON(c) {
		c.JSON(http.StatusUnprocessableEntity, gin.H{"errors": errs})
		return
	}
	a.storyPage(c, http.StatusUnprocessableEntity, st, lng, in, errs, false)
}
