package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/story"
)

func TestPhotosRoundTrip(t *testing.T) {
	st := New(dbtest.Database(t), 5*time.Second)
	ctx := context.Background()
	if _, err := st.Photo(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Photo of a missing id: %v, want ErrNotFound", err)
	}
	at := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	older := &Photo{ID: "a1", Name: "old.jpg", UploadedAt: at.Add(-time.Hour)}
	p := &Photo{
		ID: "b2", Original: "64f0c0ffee", Name: "시장 회견.jpg", Type: "image/jpeg",
		Width: 4000, Height: 3000, Size: 5 << 20,
		Caption: story.Text{"ko": "기자회견 하는 시장", "en": "The mayor at a news conference"},
		Alt:     story.Text{"ko": "연단에 선 시장"},
		Credit:  story.Text{"ko": "홍길동 기자", "en": "Gil-dong Hong"},
		FocusX:  0.25, FocusY: 0.75, CropRev: 2,
		UploadedBy: "reporter@example.com", UploadedAt: at, UpdatedAt: at,
		Renditions: []Rendition{{Width: 320, Height: 240, Format: "jpeg", Size: 20000, File: "64f0c0ffef"}},
	}
	for _, x := range []*Photo{older, p} {
		if err := st.PutPhoto(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.Photo(ctx, "b2")
	if err != nil {
		t.Fatal(err)
	}
	if got.Caption["ko"] != p.Caption["ko"] || got.Credit["en"] != "Gil-dong Hong" || got.FocusX != 0.25 ||
		got.CropRev != 2 || len(got.Renditions) != 1 || got.Renditions[0].File != "64f0c0ffef" ||
		!got.UploadedAt.Equal(at) || got.Name != p.Name {
		t.Errorf("Photo = %+v, want %+v", got, p)
	}
	all, err := st.Photos(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].ID != "b2" || all[1].ID != "a1" {
		t.Errorf("Photos = %v, want newest first: b2, a1", ids(all))
	}

	p.Caption["en"] = "Changed"
	if err := st.PutPhoto(ctx, p); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Photo(ctx, "b2"); got.Caption["en"] != "Changed" {
		t.Errorf("after replace caption = %q", got.Caption["en"])
	}

	if err := st.DeletePhoto(ctx, "b2"); err != nil {
		t.Fatal(err)
	}
	if err := st.DeletePhoto(ctx, "b2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	if _, err := st.Photo(ctx, "b2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Photo after delete: %v, want ErrNotFound", err)
	}
}

func ids(ps []*Photo) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}
