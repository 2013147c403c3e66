package story

import (
	"slices"
	"testing"
	"time"
)

func TestFrontPinsExpire(t *testing.T) {
	now := time.Date(2026, 12, 3, 17, 0, 0, 0, time.UTC)
	six := now.Add(time.Hour)
	f := Front{
		Pins:   []Pin{{Number: 7, Until: six}, {Number: 3}, {Number: 9, Until: now.Add(-time.Minute)}},
		Banner: Banner{Text: "속보", Until: now.Add(30 * time.Minute)},
	}
	for _, tc := range []struct {
		at     time.Time
		pins   []int
		banner bool
		next   time.Time
	}{
		{now, []int{7, 3}, true, now.Add(30 * time.Minute)},
		{now.Add(45 * time.Minute), []int{7, 3}, false, six},
		{six, []int{3}, false, time.Time{}},
	} {
		if got := f.PinsAt(tc.at); !slices.Equal(got, tc.pins) {
			t.Errorf("pins at %s: %v, want %v", tc.at.Format(time.Kitchen), got, tc.pins)
		}
		if got := f.Banner.Active(tc.at); got != tc.banner {
			t.Errorf("banner at %s: %v", tc.at.Format(time.Kitchen), got)
		}
		if got := f.NextChange(tc.at); !got.Equal(tc.next) {
			t.Errorf("next change after %s: %v, want %v", tc.at.Format(time.Kitchen), got, tc.next)
		}
	}
	if (Banner{Until: six}).Active(now) {
		t.Error("a banner without text shows")
	}
}

func TestValidHandle(t *testing.T) {
	for h, want := range map[string]bool{
		"mihyang-ahn": true, "jhpark": true, "k2": true, "a": false, "-ahn": false, "ahn-": false,
		"Ahn": false, "안미향": false, "mi hyang": false, "a.b": false, "x1234567890123456789012345678901234567890": false,
	} {
		if got := ValidHandle(h); got != want {
			t.Errorf("ValidHandle(%q) = %v", h, got)
		}
	}
}

func TestTrashedStoryIsNotLive(t *testing.T) {
	now := time.Now()
	st := &Story{Versions: map[string]*Version{"ko": {Status: Published, PublishedAt: now.Add(-time.Hour)}}}
	if !st.LiveIn("ko", now) || len(st.LiveLangs([]string{"ko", "en"}, now)) != 1 {
		t.Fatal("published story not live")
	}
	st.TrashedAt = now
	if st.LiveIn("ko", now) || len(st.LiveLangs([]string{"ko", "en"}, now)) != 0 {
		t.Error("trashed story still live")
	}
	if !st.PurgeAt().Equal(now.Add(30 * 24 * time.Hour)) {
		t.Errorf("purge at %v", st.PurgeAt())
	}
}
