package handlers

import (
	"context"
	"testing"
)

// BenchmarkArchiveSaveStoryWide measures, on the 20,000-story archive, a
// save of one language version that leaves the story-wide fields alone and
// one that changes them (its own revision inserted, then the head), each
// until the catalogue holds the result.
func BenchmarkArchiveSaveStoryWide(b *testing.B) {
	s := archiveSite(b)
	ctx := context.Background()
	all := s.cat.All()
	for _, wide := range []bool{false, true} {
		name := "version-only"
		if wide {
			name = "with-story-wide"
		}
		b.Run(name, func(b *testing.B) {
			b.StopTimer()
			for i := 0; i < b.N; i++ {
				cur, err := s.store.Story(ctx, all[i%len(all)].Number)
				if err != nil {
					b.Fatal(err)
				}
				lang := "ko"
				if cur.Version(lang) == nil {
					lang = "en"
				}
				v := *cur.Versions[lang]
				b.StartTimer()
				var saved = cur
				if wide {
					w := cur.Wide()
					w.Tags = append(w.Tags, "bench-"+itoa(i))
					saved, err = s.store.SaveWide(ctx, cur, lang, v.Revision, v, "Body.", "bench", w)
				} else {
					saved, err = s.store.Save(ctx, cur, lang, v.Revision, v, "Body.", "bench")
				}
				if err != nil {
					b.Fatal(err)
				}
				s.h.StoryChanged(saved)
				b.StopTimer()
			}
		})
	}
}
