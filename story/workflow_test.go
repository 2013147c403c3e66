package story

import (
	"errors"
	"testing"
)

// TestWorkflowEveryStateStepAndHand spells out, for every step and hand,
// what happens in each state, in the order of States (draft, in review,
// scheduled, published, unpublished): the state the version goes to, or
// "-" (not now: 409), "x" (not theirs: 403).
func TestWorkflowEveryStateStepAndHand(t *testing.T) {
	const (
		D, R, S, P, U = "draft", "in_review", "scheduled", "published", "unpublished"
		W             = "pending" // a change of a live version waiting for an editor
		no, nope      = "x", "-"
	)
	forbidden := [5]string{no, no, no, no, no}
	want := map[Step]map[Hand][5]string{
		StepSave: {
			HandEditor: {D, R, S, P, U}, HandOwner: {D, R, S, W, U}, HandTranslator: {D, R, S, W, U}, HandNone: forbidden},
		StepAutosave: {
			HandEditor: {D, R, nope, nope, U}, HandOwner: {D, R, nope, nope, U}, HandTranslator: {D, R, nope, nope, U}, HandNone: forbidden},
		StepSubmit: {
			HandEditor: {R, R, nope, nope, R}, HandOwner: {R, R, nope, nope, R}, HandTranslator: {R, R, nope, nope, R}, HandNone: forbidden},
		StepPublish: {
			HandEditor: {P, P, P, P, P}, HandOwner: forbidden, HandTranslator: forbidden, HandNone: forbidden},
		StepSchedule: {
			HandEditor: {S, S, S, nope, S}, HandOwner: forbidden, HandTranslator: forbidden, HandNone: forbidden},
		StepUnpublish: {
			HandEditor: {nope, nope, U, U, nope}, HandOwner: forbidden, HandTranslator: forbidden, HandNone: forbidden},
		// Only editors settle a pending change, and only of a live version;
		// its author (a reporter) cannot approve it.
		StepApprove: {
			HandEditor: {nope, nope, nope, P, nope}, HandOwner: forbidden, HandTranslator: forbidden, HandNone: forbidden},
		StepReject: {
			HandEditor: {nope, nope, nope, P, nope}, HandOwner: forbidden, HandTranslator: forbidden, HandNone: forbidden},
	}
	n := 0
	for _, step := range Steps {
		for _, hand := range Hands {
			for i, from := range States {
				got, err := Move(from, step, hand)
				var g string
				switch {
				case err == nil:
					g = string(got)
				case errors.Is(err, ErrNotYours):
					g = no
				case errors.Is(err, ErrNotNow):
					g = nope
				default:
					g = err.Error()
				}
				if w := want[step][hand][i]; g != w {
					t.Errorf("%s by %s from %s: %s, want %s", step, hand, from, g, w)
				}
				if May(from, step, hand) != (err == nil) {
					t.Errorf("May disagrees with Move for %s by %s from %s", step, hand, from)
				}
				n++
			}
		}
	}
	if n != len(want)*len(Hands)*len(States) || len(want) != len(Steps) {
		t.Fatalf("covered %d cases of %d steps", n, len(want))
	}
	// An unknown step is refused as such, but rights come first.
	if _, err := Move(Draft, "delete-everything", HandEditor); !errors.Is(err, ErrUnknownStep) {
		t.Errorf("unknown step by an editor: %v", err)
	}
	if _, err := Move(Draft, "delete-everything", HandNone); !errors.Is(err, ErrNotYours) {
		t.Errorf("unknown step by no one: %v", err)
	}
}
