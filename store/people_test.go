package store

import (
	"context"
	"errors"
	"testing"

	"github.com/newsroom/newsroom/story"
)

func TestCreateAndUpdatePerson(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	guest := story.Author{Handle: "kim-hyungyum", Guest: true,
		Name:  story.Text{"ko": "김현겸", "en": "Hyun-gyum Kim"},
		Title: story.Text{"ko": "달라스 한인상공회 회장", "en": "President, Korean American Chamber of Commerce of Dallas"}}
	if err := s.CreatePerson(ctx, guest); err != nil {
		t.Fatal(err)
	}
	if err := s.CreatePerson(ctx, story.Author{Handle: "kim-hyungyum"}); !errors.Is(err, ErrExists) {
		t.Errorf("second person with one handle: %v", err)
	}
	if err := s.CreatePerson(ctx, story.Author{Handle: "Kim Hyungyum"}); err == nil {
		t.Error("a handle with capitals and a space was accepted")
	}
	guest.Bio = story.Text{"ko": "2020년부터 상공회를 이끌고 있다."}
	guest.Links = []string{"https://kaccd.example.org"}
	saved, err := s.UpdatePerson(ctx, guest)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Authors(ctx)
	if err != nil || len(all) != 1 {
		t.Fatalf("authors: %v, %v", all, err)
	}
	if got := all[0]; got.Bio["ko"] != "2020년부터 상공회를 이끌고 있다." || !got.Guest || got.Links[0] != "https://kaccd.example.org" ||
		!got.UpdatedAt.Equal(saved.UpdatedAt) || got.Name["en"] != "Hyun-gyum Kim" {
		t.Errorf("stored person: %+v", got)
	}
	if _, err := s.UpdatePerson(ctx, story.Author{Handle: "nobody"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("updating a missing person: %v", err)
	}
}
