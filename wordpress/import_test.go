package wordpress

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/newsroom/newsroom/story"
)

func TestImportPolylangFixture(t *testing.T) {
	e := newEnv(t)
	r := e.importFixture(t, fixtureOptions(), "testdata/polylang.xml")
	ctx := context.Background()
	stories, err := e.st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bySlug := map[string]*story.Story{}
	for _, st := range stories {
		for l, v := range st.Versions {
			bySlug[l+"/"+v.Slug] = st
		}
	}
	// The Korean and English posts of the Polylang pair are one story.
	ko, en := bySlug["ko/한미-무역"], bySlug["en/korus-ten-years"]
	if ko == nil || en == nil || ko.Number != en.Number {
		t.Fatalf("pair not one story: ko %v, en %v (slugs %v)", ko, en, keys(bySlug))
	}
	if r.Pairs != 1 {
		t.Errorf("pairs = %d, want 1", r.Pairs)
	}
	// Paired categories are one section; paired tags one tag.
	if ko.Section != "economy" {
		t.Errorf("section = %q, want economy", ko.Section)
	}
	if len(ko.Tags) != 1 || ko.Tags[0] != "trade" {
		t.Errorf("tags = %v, want [trade]", ko.Tags)
	}
	if ko.Priority == 0 {
		t.Error("sticky post not pinned")
	}
	if ko.Photo.ID == "" {
		t.Error("featured image not the lead photo")
	}
	// Co-Authors Plus bylines keep their order.
	v := ko.Versions["ko"]
	if v.Deck != "지역 기업 수출 두 배로" || v.Summary != "협정 10년의 성과를 짚는다." {
		t.Errorf("deck %q summary %q", v.Deck, v.Summary)
	}
	if v.Status != story.Published || v.PublishedAt.IsZero() {
		t.Errorf("ko status %s published %v", v.Status, v.PublishedAt)
	}
	body, err := e.st.Body(ctx, ko.Number, "ko", 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"휴스턴 상공회의소", "\n\n수출은 두 배로 늘었다.", "(photo:" + ko.Photo.ID + ` "행사장에 모인 기업인들")`, "교역 규모는", "강조한 문단", "- 첫째"} {
		if !strings.Contains(body, want) {
			t.Errorf("ko body lacks %q:\n%s", want, body)
		}
	}
	for _, bad := range []string{"[caption", "[vc_row", "[fancy_box", "<script", "alert(1)", "wp-content"} {
		if strings.Contains(body, bad) {
			t.Errorf("ko body keeps %q:\n%s", bad, body)
		}
	}
	enBody, err := e.st.Body(ctx, en.Number, "en", 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"**tenth anniversary**", "## Exports doubled", "- Autos", "> A decade of growth.", "(photo:", "https://www.youtube.com/watch?v=abc123", "| 2012 |"} {
		if !strings.Contains(enBody, want) {
			t.Errorf("en body lacks %q:\n%s", want, enBody)
		}
	}
	if strings.Contains(enBody, "wp:") {
		t.Errorf("block comments shown as text:\n%s", enBody)
	}
	// The pair's byline: the Korean post's author, then the English post's
	// Co-Authors Plus authors in their order.
	if strings.Join(en.Byline, ",") != "jkim,dlee,guest-park" {
		t.Errorf("byline = %v, want [jkim dlee guest-park]", en.Byline)
	}
	// Workflow states are kept; passwords make drafts.
	states := map[string]story.Status{"ko/scheduled": story.Scheduled, "en/private-note": story.Unpublished,
		"en/members-only": story.Draft, "ko/gallery": story.Draft, "en/orphan": story.Published}
	for k, want := range states {
		st := bySlug[k]
		if st == nil {
			t.Errorf("%s not imported", k)
			continue
		}
		if got := st.Versions[k[:2]].Status; got != want {
			t.Errorf("%s status %s, want %s", k, got, want)
		}
	}
	// Problems are reported with counts, never dropped silently.
	for _, k := range []ProblemKind{ProblemOrphan, ProblemDuplicateID, ProblemSlugLong, ProblemMissingMedia, ProblemUnknownShortcode, ProblemSerialized, ProblemPassword, ProblemPrivate} {
		if r.Problems[k] == 0 {
			t.Errorf("no %s problem reported: %v", k, r.Problems)
		}
	}
	if r.Shortcodes["fancy_box"] != 1 {
		t.Errorf("unknown shortcodes %v", r.Shortcodes)
	}
	if r.Comments != 2 {
		t.Errorf("comments = %d, want 2 (spam and pingback left out)", r.Comments)
	}
	cs, err := e.st.Comments(ctx, ko.Number, "ko")
	if err != nil || len(cs) != 2 || cs[1].Parent != cs[0].ID || cs[0].Author != "박민수" {
		t.Errorf("comments %+v, %v", cs, err)
	}
	// People: disabled accounts, no password.
	users, err := e.st.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 3 {
		t.Errorf("users = %d, want 3", len(users))
	}
	for _, u := range users {
		if !u.Disabled || u.PasswordHash != "" {
			t.Errorf("account %s enabled or with a password", u.ID)
		}
	}
}

func TestImportTwiceChangesNothing(t *testing.T) {
	e := newEnv(t)
	e.importFixture(t, fixtureOptions(), "testdata/polylang.xml")
	ctx := context.Background()
	before, err := e.st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r := e.importFixture(t, fixtureOptions(), "testdata/polylang.xml")
	after, err := e.st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Fatalf("second run: %d stories, was %d", len(after), len(before))
	}
	if r.Updated != 0 || r.Unchanged == 0 || len(r.Stories) != 0 || r.Photos != 0 {
		t.Errorf("second run: updated %d unchanged %d created %v photos %d", r.Updated, r.Unchanged, r.Stories, r.Photos)
	}
}

func TestImportUpdatesChangedPost(t *testing.T) {
	e := newEnv(t)
	e.importFixture(t, fixtureOptions(), "testdata/polylang.xml")
	changed := writeModified(t, "testdata/polylang.xml", "Ten years of the Korea-US trade agreement", "KORUS at ten")
	r := e.importFixture(t, fixtureOptions(), changed)
	if r.Updated != 1 {
		t.Fatalf("updated = %d, want 1", r.Updated)
	}
	stories, err := e.st.Stories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range stories {
		if v := st.Versions["en"]; v != nil && v.Slug == "korus-ten-years" {
			if v.Headline != "KORUS at ten" || v.Revision != 2 {
				t.Errorf("en version %q rev %d", v.Headline, v.Revision)
			}
			return
		}
	}
	t.Error("story gone")
}

func TestDryRunWritesNothing(t *testing.T) {
	e := newEnv(t)
	opt := fixtureOptions()
	opt.DryRun = true
	r, err := Import(context.Background(), Paths{"testdata/polylang.xml"}, Deps{}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Stories["ko"] == 0 || r.Stories["en"] == 0 || r.Pairs != 1 || r.Photos != 1 {
		t.Errorf("dry run report: %+v", r)
	}
	stories, err := e.st.Stories(context.Background())
	if err != nil || len(stories) != 0 {
		t.Errorf("dry run wrote %d stories (%v)", len(stories), err)
	}
}

func keys[V any](m map[string]V) []string { return sortedKeys(m) }

// An import stopped half-way resumes: the second run adds what is missing
// and duplicates nothing.
func TestInterruptedImportResumes(t *testing.T) {
	e := newEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	opt := fixtureOptions()
	opt.Progress = func(done, total int) {
		if done == 4 {
			cancel()
		}
	}
	if _, err := Import(ctx, Paths{"testdata/polylang.xml"}, Deps{Store: e.st, Photos: e.lib}, opt); err == nil {
		t.Fatal("a cancelled import reported no error")
	}
	part, err := e.st.Stories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(part) == 0 || len(part) >= 9 {
		t.Fatalf("%d stories after the interruption", len(part))
	}
	r := e.importFixture(t, fixtureOptions(), "testdata/polylang.xml")
	all, err := e.st.Stories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 9 {
		t.Errorf("%d stories after resuming, want 9 (report %+v)", len(all), r.Stories)
	}
}

// A run that died before recording what it wrote (kill -9 between a story
// and its batch of references) finds its stories again instead of making
// them twice.
func TestImportAdoptsUnrecordedStories(t *testing.T) {
	e := newEnv(t)
	e.importFixture(t, fixtureOptions(), "testdata/polylang.xml")
	ctx := context.Background()
	if _, err := e.st.DB().Collection("imports").DeleteMany(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$regex", Value: "^wordpress/post/"}}}}); err != nil {
		t.Fatal(err)
	}
	e.importFixture(t, fixtureOptions(), "testdata/polylang.xml")
	all, err := e.st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 9 {
		t.Errorf("%d stories, want 9", len(all))
	}
	refs, err := e.st.ImportRefs(ctx, "wordpress")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := refs["wordpress/post/101"]; !ok {
		t.Error("reference of post 101 not recorded again")
	}
}

// --fetch-media downloads what the uploads folder lacks, but not from
// inside the network unless allowed; an unreachable host is reported and
// the story imports all the same.
func TestFetchMedia(t *testing.T) {
	jpg, err := os.ReadFile("testdata/uploads/2019/03/행사.jpg")
	if err != nil {
		t.Fatal(err)
	}
	old := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/wp-content/uploads/2019/03/행사.jpg" {
			http.NotFound(w, r)
			return
		}
		w.Write(jpg)
	}))
	t.Cleanup(old.Close)
	export := writeModified(t, "testdata/polylang.xml", "https://old.example.com/wp-content/uploads/2019/03/행사.jpg", old.URL+"/wp-content/uploads/2019/03/행사.jpg")
	for _, allow := range []bool{false, true} {
		e := newEnv(t)
		opt := Options{Languages: []string{"ko", "en"}, FetchMedia: true, AllowPrivateMedia: allow}
		r := e.importFixture(t, opt, export)
		if allow && r.Photos != 1 {
			t.Errorf("allowed: %d photos, problems %v", r.Photos, r.Examples[ProblemMissingMedia])
		}
		if !allow && (r.Photos != 0 || !strings.Contains(strings.Join(r.Examples[ProblemMissingMedia], " "), "private")) {
			t.Errorf("loopback fetched without --allow-private-media: %d photos, %v", r.Photos, r.Examples[ProblemMissingMedia])
		}
		if !strings.Contains(strings.Join(r.Examples[ProblemMissingMedia], " "), "unreachable.invalid") {
			t.Errorf("unreachable host not reported: %v", r.Examples[ProblemMissingMedia])
		}
		if r.Stories["ko"] != 3 {
			t.Errorf("stories %v", r.Stories)
		}
	}
}

// A site without a translation plugin imports into --language.
func TestImportWithoutTranslationPlugin(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.0/">
<channel><language>en-US</language><wp:wxr_version>1.0</wp:wxr_version>
<item><title>Chamber elects a new board</title><wp:post_id>5</wp:post_id><wp:post_date_gmt>2015-05-05 10:00:00</wp:post_date_gmt>
<wp:post_name>new-board</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<content:encoded>The chamber met on Tuesday.</content:encoded></item></channel></rss>`
	path := filepath.Join(t.TempDir(), "plain.xml")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ flag, want string }{{"", "en"}, {"ko", "ko"}} {
		e := newEnv(t)
		r := e.importFixture(t, Options{Languages: []string{"ko", "en"}, Language: tt.flag}, path)
		if r.Stories[tt.want] != 1 {
			t.Errorf("--language %q: stories %v, want one in %s", tt.flag, r.Stories, tt.want)
		}
	}
}

// A WPML export (WPML Export and Import's meta) pairs posts too.
func TestImportWPMLGroups(t *testing.T) {
	item := func(id int, lang, title string) string {
		return `<item><title>` + title + `</title><wp:post_id>` + strconv.Itoa(id) + `</wp:post_id><wp:post_date_gmt>2016-02-02 10:00:00</wp:post_date_gmt>
<wp:post_name>` + strconv.Itoa(id) + `</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><content:encoded>text</content:encoded>
<wp:postmeta><wp:meta_key>_wpml_import_translation_group</wp:meta_key><wp:meta_value>77</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_wpml_import_language_code</wp:meta_key><wp:meta_value>` + lang + `</wp:meta_value></wp:postmeta></item>`
	}
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><wp:wxr_version>1.2</wp:wxr_version>` + item(1, "ko", "무역 박람회") + item(2, "en", "Trade fair") + `</channel></rss>`
	path := filepath.Join(t.TempDir(), "wpml.xml")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t)
	r := e.importFixture(t, Options{Languages: []string{"ko", "en"}}, path)
	stories, err := e.st.Stories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if r.Pairs != 1 || len(stories) != 1 || stories[0].Versions["ko"] == nil || stories[0].Versions["en"] == nil {
		t.Errorf("pairs %d, %d stories", r.Pairs, len(stories))
	}
}
