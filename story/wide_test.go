package story

import (
	"reflect"
	"slices"
	"testing"
)

func TestMergeWide(t *testing.T) {
	start := Wide{Section: "business", Tags: []string{"trade"}, Byline: []string{"hong"}, Priority: 3,
		Photo: Photo{ID: "p1", Caption: Text{"ko": "악수", "en": "Handshake"}, Credit: Text{"ko": "상공회"}}}
	with := func(f func(w *Wide)) Wide {
		w := start
		w.Tags, w.Byline = slices.Clone(start.Tags), slices.Clone(start.Byline)
		w.Photo.Caption, w.Photo.Credit = withText(start.Photo.Caption, "x", ""), withText(start.Photo.Credit, "x", "")
		f(&w)
		return w
	}
	same := func(*Wide) {}
	section := func(w *Wide) { w.Section = "community" }
	tags := func(w *Wide) { w.Tags = []string{"trade", "dallas"} }
	otherTags := func(w *Wide) { w.Tags = []string{"fta"} }
	byline := func(w *Wide) { w.Byline = []string{"hong", "kim"} }
	newPhoto := func(w *Wide) { w.Photo = Photo{ID: "p2", Caption: Text{"ko": "새 사진"}} }
	enCaption := func(w *Wide) { w.Photo.Caption = withText(w.Photo.Caption, "en", "Presidents shake hands") }
	koCaption := func(w *Wide) { w.Photo.Caption = withText(w.Photo.Caption, "ko", "회장들의 악수") }
	both := func(fs ...func(*Wide)) func(*Wide) {
		return func(w *Wide) {
			for _, f := range fs {
				f(w)
			}
		}
	}
	for _, tc := range []struct {
		name         string
		lang         string
		mine, theirs func(*Wide)
		unknownBase  bool
		want         func(*Wide)
		changed      bool
		collisions   []string
	}{
		{"nothing changed", "en", same, same, false, same, false, nil},
		{"only they changed: kept, not reverted", "en", same, both(section, tags), false, both(section, tags), false, nil},
		{"only I changed", "ko", section, same, false, section, true, nil},
		{"different fields: both kept", "en", tags, section, false, both(section, tags), true, nil},
		{"same change on both sides", "ko", tags, tags, false, tags, false, nil},
		{"one field both ways: collision, mine in the result", "en", tags, otherTags, false, tags, true, []string{WideTags}},
		{"byline and section collide, tags merge", "ko", both(section, byline), both(func(w *Wide) { w.Section = "culture" }, func(w *Wide) { w.Byline = nil }, tags),
			false, both(section, byline, tags), true, []string{WideSection, WideByline}},
		{"captions in two languages do not collide", "en", enCaption, koCaption, false, both(koCaption, enCaption), true, nil},
		{"a caption of a photo they replaced collides", "en", enCaption, newPhoto, false, both(newPhoto, func(w *Wide) { w.Photo.Caption = Text{"ko": "새 사진", "en": "Presidents shake hands"} }), true, []string{WidePhotoCaption}},
		// Their caption was the old photo's; my new photo replaces both.
		{"I replace the photo, they change its other caption", "en", newPhoto, koCaption, false, newPhoto, true, nil},
		{"I replace the photo, they change the section", "ko", newPhoto, section, false, both(section, newPhoto), true, nil},
		{"base unknown: what differs collides", "en", same, section, true, same, true, []string{WideSection}},
		{"base unknown: nothing differs", "en", section, section, true, section, false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := start
			var bp *Wide
			if !tc.unknownBase {
				bp = &base
			}
			got, changed, coll := MergeWide(bp, with(tc.mine), with(tc.theirs), tc.lang)
			want := with(tc.want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("merged\n%+v\nwant\n%+v", got, want)
			}
			if changed != tc.changed || !slices.Equal(coll, tc.collisions) {
				t.Errorf("changed %v collisions %v, want %v %v", changed, coll, tc.changed, tc.collisions)
			}
			if got.Priority != 3 {
				t.Errorf("priority %d: a save never changes it", got.Priority)
			}
		})
	}
}
