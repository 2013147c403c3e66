package story

// What a translation owes its source: the rules that flag a translation
// whose source changed after it was made. They read only the story's
// versions (no bodies), so the newsroom can apply them to the whole
// in-memory catalogue.

// LastTextRevision is the latest revision of v that translations must
// follow: saves marked minor do not count.
func (v *Version) LastTextRevision() int {
	if v == nil {
		return 0
	}
	if v.TextRevision > 0 {
		return v.TextRevision
	}
	return v.Revision
}

// Stamp fills in next's bookkeeping for being saved as revision
// prev.Revision+1 after prev (nil for a new version): whether the change
// counts for translations (minor edits keep the last counted revision) and
// when the correction note last changed.
func Stamp(prev, next *Version, minor bool) {
	rev := 1
	if prev != nil {
		rev = prev.Revision + 1
	}
	next.Minor = minor && prev != nil
	switch {
	case prev == nil || !minor:
		next.TextRevision = rev
	default:
		next.TextRevision = prev.LastTextRevision()
	}
	switch {
	case next.Correction == "":
		next.CorrectionRevision = 0
	case prev == nil || prev.Correction != next.Correction:
		next.CorrectionRevision = rev
	default:
		next.CorrectionRevision = prev.CorrectionRevision
	}
}

// Source returns the version that the translation in lang was made from,
// or nil when lang is not a translation or its source is gone.
func (s *Story) Source(lang string) *Version {
	v := s.Version(lang)
	if v == nil || v.TranslatedFrom == "" || v.TranslatedFrom == lang {
		return nil
	}
	return s.Version(v.TranslatedFrom)
}

// Stale reports whether the translation in lang is behind its source: the
// source has a revision that counts for translations (not a minor edit)
// after the one the translation was based on. A translation whose base is
// unknown (SourceRevision 0) is not flagged.
func (s *Story) Stale(lang string) bool {
	src := s.Source(lang)
	v := s.Version(lang)
	return src != nil && v.SourceRevision > 0 && src.LastTextRevision() > v.SourceRevision
}

// SourceNewerCorrection reports whether the translation in lang has a
// source carrying a correction note added or changed after the source
// revision the translation is based on: readers of the translation should
// be told that the original was corrected. A translation whose base is
// unknown is compared as if based on revision 0, so any source correction
// counts.
func SourceNewerCorrection(st *Story, lang string) bool {
	src := st.Source(lang)
	if src == nil || src.Correction == "" {
		return false
	}
	cr := src.CorrectionRevision
	if cr == 0 {
		cr = src.Revision // stored before the field existed: assume recent
	}
	return cr > st.Version(lang).SourceRevision
}
