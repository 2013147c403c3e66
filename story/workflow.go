package story

import (
	"errors"
	"slices"
)

// Step is a workflow action on a language version: a button of the editor.
type Step string

// The steps. A save keeps the version's state; the others move it.
const (
	StepSave      Step = "save"
	StepAutosave  Step = "autosave"
	StepSubmit    Step = "submit"
	StepPublish   Step = "publish"
	StepSchedule  Step = "schedule"
	StepUnpublish Step = "unpublish"
	// A pending change of a live version (see Pending): an editor makes it
	// the head, or sets it aside with a note to its author.
	StepApprove Step = "approve"
	StepReject  Step = "reject"
)

// Pending is what Move answers for a save of a live version by someone who
// may not publish: the change waits for an editor (StepApprove) and readers
// keep the published text. It is an outcome, never a version's state.
const Pending Status = "pending"

// Steps lists every step, in the order the editor shows its buttons.
var Steps = []Step{StepSave, StepAutosave, StepSubmit, StepPublish, StepSchedule, StepUnpublish, StepApprove, StepReject}

// Hand is who takes a step, as the workflow sees them: package auth decides
// it from the user's role and their relation to the story.
type Hand string

// The hands.
const (
	HandEditor     Hand = "editor"     // an admin or editor: any version of any story
	HandOwner      Hand = "owner"      // a reporter on their own story (or a new one)
	HandTranslator Hand = "translator" // someone who may only translate, on a translation
	HandNone       Hand = "none"       // anyone else: may not touch the version
)

// Hands lists every hand.
var Hands = []Hand{HandEditor, HandOwner, HandTranslator, HandNone}

// States lists every workflow state.
var States = []Status{Draft, InReview, Scheduled, Published, Unpublished}

// Why a step is refused: Move's errors.
var (
	ErrUnknownStep = errors.New("story: unknown workflow step")
	ErrNotYours    = errors.New("story: this step is not yours to take")
	ErrNotNow      = errors.New("story: this step is not possible in the version's state")
)

// transition is one row of the workflow: a step, the states it may start
// from, the state it leads to ("" keeps the state), and who may take it.
// When held is set, a step by someone of held from a state in holdFrom
// leads to Pending instead.
type transition struct {
	step     Step
	from     []Status
	to       Status
	by       []Hand
	held     []Hand
	holdFrom []Status
}

var (
	anyState = States
	// Unseen: readers cannot see the version and no schedule waits on it,
	// so a half-typed autosave never goes live.
	unseen  = []Status{Draft, InReview, Unpublished}
	writers = []Hand{HandEditor, HandOwner, HandTranslator}
	editors = []Hand{HandEditor}
)

// workflow is the whole workflow of a language version: draft → in review
// → published (now, or scheduled first); published → unpublished. Only
// editors put a version in front of readers or take it down, and only they
// change a live version: a save of it by anyone else is Pending until an
// editor approves or rejects it.
var workflow = []transition{
	{step: StepSave, from: anyState, by: writers, held: []Hand{HandOwner, HandTranslator}, holdFrom: []Status{Published}},
	{step: StepAutosave, from: unseen, by: writers},
	{step: StepSubmit, from: unseen, to: InReview, by: writers},
	{step: StepPublish, from: anyState, to: Published, by: editors},
	{step: StepSchedule, from: []Status{Draft, InReview, Scheduled, Unpublished}, to: Scheduled, by: editors},
	{step: StepUnpublish, from: []Status{Published, Scheduled}, to: Unpublished, by: editors},
	{step: StepApprove, from: []Status{Published}, by: editors},
	{step: StepReject, from: []Status{Published}, by: editors},
}

// Move applies the workflow: hand takes step on a version in state from
// (Draft for a version not saved yet). It returns the state the version
// goes to, or why not: ErrNotYours (whatever the state: a refusal of
// rights comes first), ErrUnknownStep, ErrNotNow.
func Move(from Status, step Step, hand Hand) (Status, error) {
	if !slices.Contains(writers, hand) {
		return "", ErrNotYours
	}
	i := slices.IndexFunc(workflow, func(t transition) bool { return t.step == step })
	if i < 0 {
		return "", ErrUnknownStep
	}
	t := workflow[i]
	if !slices.Contains(t.by, hand) {
		return "", ErrNotYours
	}
	if !slices.Contains(t.from, from) {
		return "", ErrNotNow
	}
	if slices.Contains(t.held, hand) && slices.Contains(t.holdFrom, from) {
		return Pending, nil
	}
	if t.to == "" {
		return from, nil
	}
	return t.to, nil
}

// May reports whether hand may take step from state from now.
func May(from Status, step Step, hand Hand) bool {
	_, err := Move(from, step, hand)
	return err == nil
}
