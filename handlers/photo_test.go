package handlers

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/image/draw"

	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/story"
)

// TestLeadPhotoOnArticleFeedAndMetadata gives a story a lead photo from the
// library: the article shows it with srcset, size and caption, loaded
// eagerly; feeds and share metadata point at a large rendition.
func TestLeadPhotoOnArticleFeedAndMetadata(t *testing.T) {
	s := newTestSite(t)
	ctx := context.Background()
	lib, err := photos.New(ctx, photos.Deps{Store: s.store, Files: media.NewFiles(s.store.DB()), CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	s.h.photos = lib
	s.srv = s.h.Router()
	src := photos.DemoImages(1)[0]
	small := image.NewRGBA(image.Rect(0, 0, 800, 533))
	draw.ApproxBiLinear.Scale(small, small.Bounds(), src, src.Bounds(), draw.Src, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, small, nil); err != nil {
		t.Fatal(err)
	}
	p, _, err := lib.Upload(ctx, "chamber.jpg", &buf, "test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Update(ctx, p.ID, photos.Details{Alt: story.Text{"ko": "협약식 사진", "en": "The signing ceremony"}}); err != nil {
		t.Fatal(err)
	}
	st := s.find(t, bilingual)
	ref := photos.Ref(p)
	ref.Caption = story.Text{"ko": "협약식에서 악수하는 회장들", "en": "Chamber presidents shake hands"}
	ref.Credit = story.Text{"ko": "(사진 제공: 한인상공회의소)", "en": "Photo: courtesy of the chamber"}
	wide := st.Wide()
	wide.Photo = ref
	v := *st.Versions["en"]
	body, err := s.store.Body(ctx, st.Number, "en", v.Revision)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := s.store.SaveWide(ctx, st, "en", v.Revision, v, body, "test", wide)
	if err != nil {
		t.Fatal(err)
	}
	s.h.StoryChanged(saved)

	path := "/en/news/" + itoa(st.Number) + "/" + url.PathEscape(v.Slug)
	art := s.get(t, path).body
	mustContain(t, art, `<figure class="lead-photo">`, `alt="The signing ceremony"`, `loading="eager"`, "srcset=",
		`type="image/webp"`, "Chamber presidents shake hands", `<span class="credit">Photo: courtesy of the chamber</span>`)
	if !regexp.MustCompile(`<img[^>]+width="\d+"[^>]+height="\d+"|<img[^>]+height="\d+"[^>]+width="\d+"`).MatchString(art) {
		t.Error("lead photo has no width and height (layout shift)")
	}
	mustContain(t, s.get(t, "/ko/news/"+itoa(st.Number)+"/"+url.PathEscape(st.Versions["ko"].Slug)).body, "협약식에서 악수하는 회장들", "협약식 사진")
	img := regexp.MustCompile(`src="(/media/[^"]+\.jpg)"`).FindStringSubmatch(art)
	if img == nil {
		t.Fatal("no JPEG rendition on the page")
	}
	r := s.get(t, img[1])
	if r.code != 200 || r.hdr.Get("Content-Type") != "image/jpeg" || !strings.Contains(r.hdr.Get("Cache-Control"), "immutable") {
		t.Fatalf("rendition %s: %d %v", img[1], r.code, r.hdr)
	}
	mustContain(t, art, `property="og:image" content="`+testBase+`/media/`+p.ID+`/`, `"image":["`+testBase+`/media/`+p.ID+`/`)
	// Listings show a 3:2 thumbnail cropped around the focal point.
	mustContain(t, s.get(t, "/en/latest").body, `src="/media/`+p.ID+`/thumb-320`, `width="320" height="213"`, `alt="The signing ceremony"`)
	mustContain(t, s.get(t, "/en/feed.xml").body, `<media:content url="`+testBase+`/media/`+p.ID+`/`)
}
