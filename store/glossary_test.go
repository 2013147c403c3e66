package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/newsroom/glossary"
)

func TestGlossaryEntries(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	at := time.Date(2026, 5, 4, 9, 0, 0, 123456789, time.UTC)

	kim, err := s.PutGlossaryEntry(ctx, glossary.Entry{Kind: glossary.Person,
		Terms:    map[string]string{"ko": "김현겸", "en": "Hyun-kyum Kim"},
		Variants: map[string][]string{"en": {"H.K. Kim"}},
		Title:    map[string]string{"ko": "회장", "en": "President"},
		Note:     "달라스 한인상공회 회장", UpdatedBy: "editor@example.com", UpdatedAt: at})
	if err != nil {
		t.Fatal(err)
	}
	if kim.ID != "person-김현겸-hyun-kyum-kim" {
		t.Errorf("new entry's ID = %q, want its slug", kim.ID)
	}
	if _, err := s.PutGlossaryEntry(ctx, glossary.Entry{Kind: glossary.Organization,
		Terms: map[string]string{"ko": "달라스 한인상공회", "en": "Dallas Korean American Chamber of Commerce"}}); err != nil {
		t.Fatal(err)
	}

	// Correcting the romanization keeps the entry (same ID, no second copy).
	kim.Terms["en"] = "Hyunkyum Kim"
	kim.UpdatedAt = time.Time{}
	if _, err := s.PutGlossaryEntry(ctx, kim); err != nil {
		t.Fatal(err)
	}
	got, err := s.GlossaryEntries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d entries, want 2: %+v", len(got), got)
	}
	// Ordered by Korean term: 김 before 달.
	k := got[0]
	if k.ID != kim.ID || k.Terms["en"] != "Hyunkyum Kim" || k.Title["ko"] != "회장" ||
		len(k.Variants["en"]) != 1 || k.Note != "달라스 한인상공회 회장" || k.Kind != glossary.Person {
		t.Errorf("read back %+v", k)
	}
	if k.UpdatedAt.IsZero() || k.UpdatedAt.Location() != time.UTC {
		t.Errorf("UpdatedAt = %v, want now in UTC", k.UpdatedAt)
	}

	// What is stored is what the newsroom searches.
	g := glossary.New(got)
	if ms := g.Find("ko", "김현겸 회장은 달라스 한인상공회와 만났다"); len(ms) != 2 {
		t.Errorf("matches in Korean text: %+v", ms)
	}

	if err := s.DeleteGlossaryEntry(ctx, kim.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteGlossaryEntry(ctx, kim.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	if got, _ := s.GlossaryEntries(ctx); len(got) != 1 {
		t.Errorf("after delete: %d entries", len(got))
	}
}

func TestPutGlossaryEntryInvalid(t *testing.T) {
	s := userTestStore(t)
	_, err := s.PutGlossaryEntry(context.Background(), glossary.Entry{Kind: glossary.Term, Terms: map[string]string{"ko": " "}})
	if !errors.Is(err, glossary.ErrInvalid) {
		t.Errorf("entry without a term: %v, want glossary.ErrInvalid", err)
	}
	if got, _ := s.GlossaryEntries(context.Background()); len(got) != 0 {
		t.Errorf("invalid entry stored: %+v", got)
	}
}

// TestPutGlossaryEntryConcurrent saves the same new entry and many
// different ones at once: every save succeeds and exactly one copy of each
// entry is stored.
func TestPutGlossaryEntryConcurrent(t *testing.T) {
	s := userTestStore(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 16 {
		wg.Go(func() {
			terms := map[string]string{"ko": "업무협약", "en": "MOU"}
			if i%2 == 1 {
				terms = map[string]string{"ko": fmt.Sprintf("용어%d", i), "en": fmt.Sprintf("term %d", i)}
			}
			if _, err := s.PutGlossaryEntry(ctx, glossary.Entry{Kind: glossary.Term, Terms: terms}); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got, err := s.GlossaryEntries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 9 {
		t.Errorf("%d entries stored, want 9 (one MOU and 8 others)", len(got))
	}
}
