package store

import (
	"context"
	"testing"

	"github.com/newsroom/newsroom/story"
)

func TestIdentityDefaultsThenRoundTrips(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	id, err := s.Identity(ctx)
	if err != nil || id.Name != nil || id.BaseURL != "" {
		t.Fatalf("fresh identity %+v %v", id, err)
	}
	want := Identity{Name: story.Text{"ko": "텍사스 한인 경제", "en": "Texas Korean Business"}, BaseURL: "https://news.example.com", Contact: "desk@example.com"}
	if err := s.PutIdentity(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, err := s.Identity(ctx)
	if err != nil || got.Name["ko"] != "텍사스 한인 경제" || got.BaseURL != want.BaseURL || got.Contact != want.Contact {
		t.Fatalf("got %+v %v", got, err)
	}
}
