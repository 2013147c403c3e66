package story

import "testing"

// saveAs applies Stamp the way the newsroom's save path does and returns
// the new head.
func saveAs(prev *Version, edit func(*Version), minor bool) *Version {
	next := &Version{}
	if prev != nil {
		*next = *prev
	}
	edit(next)
	Stamp(prev, next, minor)
	next.Revision = 1
	if prev != nil {
		next.Revision = prev.Revision + 1
	}
	return next
}

func TestStaleAfterSourceEditsButNotMinorOnes(t *testing.T) {
	ko := saveAs(nil, func(v *Version) { v.Headline = "원문" }, false) // rev 1
	st := &Story{Versions: map[string]*Version{"ko": ko,
		"en": {Lang: "en", Revision: 1, TranslatedFrom: "ko", SourceRevision: 1}}}
	if st.Stale("en") {
		t.Fatal("fresh translation flagged stale")
	}
	st.Versions["ko"] = saveAs(st.Versions["ko"], func(v *Version) { v.Headline = "원문, 오타 수정" }, true) // rev 2, minor
	if st.Stale("en") {
		t.Fatal("a minor source edit made the translation stale")
	}
	st.Versions["ko"] = saveAs(st.Versions["ko"], func(v *Version) { v.Headline = "새 문단 추가" }, false) // rev 3
	if !st.Stale("en") {
		t.Fatal("a real source edit did not make the translation stale")
	}
	st.Versions["ko"] = saveAs(st.Versions["ko"], func(v *Version) {}, true) // rev 4, minor after a real one
	if got := st.Versions["ko"].LastTextRevision(); got != 3 {
		t.Fatalf("last text revision after a minor edit = %d, want 3", got)
	}
	st.Versions["en"].SourceRevision = 4 // marked up to date
	if st.Stale("en") {
		t.Fatal("still stale after moving the base to the current source revision")
	}
	if st.Stale("ko") {
		t.Fatal("the source itself flagged stale")
	}
}

func TestStaleUnknownBaseAndMissingSource(t *testing.T) {
	st := &Story{Versions: map[string]*Version{
		"ko": {Lang: "ko", Revision: 9},
		"en": {Lang: "en", Revision: 1, TranslatedFrom: "ko"},
	}}
	if st.Stale("en") {
		t.Error("a translation with an unknown base is flagged")
	}
	delete(st.Versions, "ko")
	if st.Stale("en") || st.Source("en") != nil {
		t.Error("a translation without a source is flagged")
	}
}

func TestSourceNewerCorrection(t *testing.T) {
	ko := saveAs(nil, func(v *Version) { v.Headline = "원문" }, false) // rev 1
	st := &Story{Versions: map[string]*Version{"ko": ko,
		"en": {Lang: "en", Revision: 1, TranslatedFrom: "ko", SourceRevision: 1, Status: Published}}}
	if SourceNewerCorrection(st, "en") {
		t.Fatal("no correction yet")
	}
	// A correction added as a minor edit still concerns readers of the translation.
	st.Versions["ko"] = saveAs(st.Versions["ko"], func(v *Version) { v.Correction = "이름 철자를 바로잡았습니다." }, true)
	if !SourceNewerCorrection(st, "en") {
		t.Fatal("source correction after the translation's base not reported")
	}
	if st.Stale("en") {
		t.Fatal("a minor edit adding a correction made the text stale")
	}
	// Later edits that keep the same note do not move its revision.
	st.Versions["ko"] = saveAs(st.Versions["ko"], func(v *Version) { v.Headline = "원문 2" }, false)
	if got := st.Versions["ko"].CorrectionRevision; got != 2 {
		t.Fatalf("correction revision = %d, want 2", got)
	}
	st.Versions["en"].SourceRevision = 3
	if SourceNewerCorrection(st, "en") {
		t.Fatal("translation brought up to date still told of the correction")
	}
	if SourceNewerCorrection(st, "ko") {
		t.Fatal("the source is not a translation")
	}
}
