package photos

import (
	"strings"
	"testing"

	"github.com/newsroom/newsroom/markdown"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// sample is a photo as the library holds it after an upload of a 2000×1500 JPEG.
func sample() *Photo {
	p := &Photo{ID: "0123456789abcdef", Width: 2000, Height: 1500,
		Caption: story.Text{"ko": "시장이 \"새 시장\"을 열다", "en": "The mayor opens the market"},
		Alt:     story.Text{"ko": "테이프를 자르는 시장", "en": "The mayor cuts a ribbon"},
		Credit:  story.Text{"ko": "홍길동 기자", "en": "Gil-dong Hong"}}
	for _, w := range []int{320, 640, 1024, 1600} {
		for _, f := range []string{"jpeg", "webp"} {
			p.Renditions = append(p.Renditions, store.Rendition{Width: w, Height: w * 3 / 4, Format: f})
		}
	}
	return p
}

func TestFigure(t *testing.T) {
	got := string(Figure(sample(), "ko", "", true))
	for _, want := range []string{
		`<figure><img src="/media/0123456789abcdef/1024.jpg"`,
		`srcset="/media/0123456789abcdef/320.jpg 320w, /media/0123456789abcdef/640.jpg 640w, /media/0123456789abcdef/1024.jpg 1024w, /media/0123456789abcdef/1600.jpg 1600w"`,
		`sizes="` + DefaultSizes + `"`, `width="1600" height="1200"`, `alt="테이프를 자르는 시장"`,
		`loading="eager"`, `decoding="async"`,
		`<figcaption>시장이 &#34;새 시장&#34;을 열다 <span class="credit">홍길동 기자</span></figcaption></figure>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Figure lacks %s\n%s", want, got)
		}
	}
	if strings.Contains(got, ".webp") {
		t.Error("Figure offers WebP in a plain img srcset")
	}
	if got := string(Figure(sample(), "en", "50vw", false)); !strings.Contains(got, `loading="lazy"`) || !strings.Contains(got, `sizes="50vw"`) ||
		!strings.Contains(got, "Gil-dong Hong") {
		t.Errorf("English lazy figure: %s", got)
	}
	pic := string(Picture(sample(), "en", "", true))
	if !strings.HasPrefix(pic, `<picture><source type="image/webp" srcset="/media/0123456789abcdef/320.webp 320w,`) ||
		!strings.HasSuffix(pic, `decoding="async"></picture>`) {
		t.Errorf("Picture: %s", pic)
	}
	if Figure(&Photo{ID: "0123456789abcdef"}, "ko", "", false) != "" {
		t.Error("a photo without renditions got markup")
	}
}

func TestBodyImageSurvivesTheSanitizer(t *testing.T) {
	e := newEnv(t)
	p := upload(t, e.lib, "a.jpg", jpegBytes(t, picture(700, 500)))
	md := markdown.New(markdown.Options{Image: e.lib.BodyImage("en")})
	out := string(md.HTML("Before.\n\n![A <b>market</b> stall](photo:" + p.ID + " \"Opening day\")\n\n![gone](photo:fedcba9876543210)\n\nAfter."))
	for _, want := range []string{
		`<img src="/media/` + p.ID + `/700.jpg"`, `srcset="/media/` + p.ID + `/320.jpg 320w, /media/` + p.ID + `/640.jpg 640w, /media/` + p.ID + `/700.jpg 700w"`,
		`width="700" height="500"`, `alt="A market stall"`, `loading="lazy"`, `<figcaption>Opening day</figcaption>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("body lacks %s\n%s", want, out)
		}
	}
	if strings.Contains(out, "fedcba9876543210") {
		t.Error("an unknown photo was rendered")
	}
}

func TestStoryPhotoAndMissingAlt(t *testing.T) {
	e := newEnv(t)
	p := upload(t, e.lib, "a.jpg", jpegBytes(t, picture(400, 300)))
	if _, err := e.lib.Update(t.Context(), p.ID, Details{Alt: story.Text{"ko": "사진 설명"}, Caption: story.Text{"en": "Library caption"}}); err != nil {
		t.Fatal(err)
	}
	ref := Ref(p)
	ref.Caption = story.Text{"en": "This story's caption"}
	sp, ok := e.lib.StoryPhoto(ref)
	if !ok || sp.Caption["en"] != "This story's caption" || sp.Alt["ko"] != "사진 설명" {
		t.Errorf("StoryPhoto = %+v", sp)
	}
	st := &story.Story{Photo: Ref(p)}
	other := upload(t, e.lib, "b.jpg", jpegBytes(t, picture(400, 301))) // other bytes: the same would be the same photo
	body := "![](photo:" + other.ID + ")"
	if got := e.lib.MissingAlt(st, "ko", body); len(got) != 1 || got[0].ID != other.ID {
		t.Errorf("MissingAlt ko = %v, want only the body photo", got)
	}
	if got := e.lib.MissingAlt(st, "en", body); len(got) != 2 {
		t.Errorf("MissingAlt en = %d photos, want 2", len(got))
	}
	if got := e.lib.MissingAlt(st, "ko", "![알트 있음](photo:"+other.ID+")"); len(got) != 1 {
		t.Errorf("alt written in the body does not count for the library photo; got %d", len(got))
	}
	if m := Markdown(sp, "en"); m != `![](photo:`+p.ID+` "This story's caption")` {
		t.Errorf("Markdown = %s", m)
	}
}

func TestInUse(t *testing.T) {
	const id = "00000000000000aa"
	stories := []*story.Story{
		{Number: 3, Photo: story.Photo{ID: id}},
		{Number: 1, Versions: map[string]*story.Version{"ko": {}, "en": {}}},
		{Number: 2, Versions: map[string]*story.Version{"ko": {}}},
		{Number: 4, Versions: map[string]*story.Version{"ko": {}}},
	}
	bodies := map[int]map[string]string{
		1: {"en": "text\n\n![x]( photo:" + id + " \"t\")"},
		2: {"ko": "![다른 사진](photo:00000000000000ab)"},
		4: {"ko": "photo:" + id + " mentioned in prose is not a photo"},
	}
	got := InUse(id, stories, func(st *story.Story, lang string) string { return bodies[st.Number][lang] })
	var nums []int
	for _, st := range got {
		nums = append(nums, st.Number)
	}
	if len(nums) != 2 || nums[0] != 1 || nums[1] != 3 {
		t.Errorf("InUse = %v, want [1 3]", nums)
	}
	if got := InUse(id, stories, nil); len(got) != 1 {
		t.Errorf("lead photos only: %d stories", len(got))
	}
}

func TestDemoImages(t *testing.T) {
	a, b := DemoImages(3), DemoImages(3)
	seen := map[uint32]bool{}
	for i := range a {
		if a[i].Bounds().Dx() != 1600 || a[i].Bounds().Dy() != 1067 {
			t.Fatalf("demo image %d is %v", i, a[i].Bounds())
		}
		r1, g1, b1, _ := a[i].At(800, 500).RGBA()
		r2, g2, b2, _ := b[i].At(800, 500).RGBA()
		if r1 != r2 || g1 != g2 || b1 != b2 {
			t.Errorf("demo image %d differs between calls", i)
		}
		seen[r1<<16^g1<<8^b1] = true
		// Not flat: the corners differ.
		c1, _, _, _ := a[i].At(0, 0).RGBA()
		c2, _, _, _ := a[i].At(1599, 1066).RGBA()
		if c1 == c2 {
			t.Errorf("demo image %d looks flat", i)
		}
	}
	if len(seen) < 2 {
		t.Error("demo images look alike")
	}
}
