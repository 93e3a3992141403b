package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/report"
)

// errStopped ends the accessible walk early; the draft stays saved.
var errStopped = errors.New("stopped")

// accessible runs the assessment as plain numbered prompts, one per line,
// for screen readers: the same questions, the same draft storage (each
// answer committed as it is given) and the result as plain text.
type accessible struct {
	c   *Common
	in  *bufio.Reader
	out io.Writer
}

// RunAccessible runs the whole walk as plain prompts on in and out.
func RunAccessible(o Options, in io.Reader, out io.Writer) error {
	if o.Now == nil {
		o.Now = time.Now
	}
	a := &accessible{
		c:   &Common{Cat: o.Cat, Store: o.Store, Bank: o.Bank, Now: o.Now},
		in:  bufio.NewReader(in),
		out: out,
	}
	cat := a.c.Cat
	a.say(cat.T(messages.AccessibleTitle))
	draft, err := a.choose(o)
	if err == nil {
		err = a.walk(draft)
	}
	if errors.Is(err, errStopped) {
		if draft != nil && len(draft.Answers) > 0 {
			a.say(cat.T(messages.DraftSavedExit, draft.Org, len(draft.Answers), a.c.Bank.QuestionCount()))
		} else {
			a.say(cat.T(messages.AccessibleStopped))
		}
		return nil
	}
	if err != nil {
		return err
	}
	done, err := a.c.Store.CompleteDraft(draft, func(d *assess.Assessment) {
		d.Complete(a.c.Bank, a.c.Now(), assess.Targets{})
	})
	if err != nil {
		return err
	}
	prev, err := a.c.Store.Previous(done)
	if err != nil {
		return err
	}
	a.say("")
	if err := report.Text(a.out, cat, report.Assessment{Bank: a.c.Bank, Record: done, Previous: prev}); err != nil {
		return err
	}
	a.say("")
	a.say(cat.T(messages.AccessibleDone, done.ID))
	return nil
}

func (a *accessible) say(s string) { fmt.Fprintln(a.out, s) }

// line reads one line; end of input and "q" stop the walk.
func (a *accessible) line(prompt string) (string, error) {
	fmt.Fprint(a.out, prompt)
	s, err := a.in.ReadString('\n')
	s = strings.TrimSpace(s)
	if err != nil && s == "" {
		fmt.Fprintln(a.out)
		return "", errStopped
	}
	if strings.EqualFold(s, "q") {
		return "", errStopped
	}
	return s, nil
}

// choose starts a new draft, or resumes one picked from a numbered list.
func (a *accessible) choose(o Options) (*assess.Assessment, error) {
	cat := a.c.Cat
	if o.Start == StartHome {
		drafts, err := a.c.Store.Drafts()
		if err != nil {
			return nil, err
		}
		if len(drafts) > 0 {
			a.say(cat.T(messages.AccessibleChoose))
			a.say("1. " + cat.T(messages.HomeNew))
			for i, d := range drafts {
				a.say(fmt.Sprintf("%d. ", i+2) + cat.T(messages.HomeResume, d.Org, len(d.Answers), a.c.Bank.QuestionCount(), d.UpdatedAt.Local().Format(report.DateFormat)))
			}
			for {
				s, err := a.line(cat.T(messages.AccessibleMenuPick, len(drafts)+1))
				if err != nil {
					return nil, err
				}
				n, convErr := strconv.Atoi(s)
				if convErr == nil && n == 1 {
					break
				}
				if convErr == nil && n >= 2 && n <= len(drafts)+1 {
					d := drafts[n-2]
					if d.Bank.ID != a.c.Bank.ID {
						return nil, fmt.Errorf("%s", cat.T(messages.ErrDraftOtherBank, d.Bank.ID))
					}
					return d, nil
				}
			}
		}
	}
	org := strings.TrimSpace(o.Org)
	for org == "" {
		s, err := a.line(cat.T(messages.SetupOrg) + ": ")
		if err != nil {
			return nil, err
		}
		if org = s; org == "" {
			a.say(cat.T(messages.SetupOrgRequired))
		}
	}
	respondent, role := o.Respondent, o.Role
	if o.Org == "" {
		var err error
		if respondent, err = a.optional(cat.T(messages.SetupRespondent)); err != nil {
			return nil, err
		}
		if role, err = a.optional(cat.T(messages.SetupRole)); err != nil {
			return nil, err
		}
	}
	return &assess.Assessment{
		Submission: assess.Submission{Org: org, Respondent: respondent, Role: role, Answers: assess.Answers{}},
		Bank:       assess.RefOf(a.c.Bank),
	}, nil
}

func (a *accessible) optional(label string) (string, error) {
	fmt.Fprint(a.out, label+" ("+a.c.Cat.T(messages.SetupOptional)+"): ")
	s, err := a.in.ReadString('\n')
	if err != nil && strings.TrimSpace(s) == "" {
		fmt.Fprintln(a.out)
		return "", errStopped
	}
	return strings.TrimSpace(s), nil
}

// walk asks every unanswered question in bank order and saves each answer
// before asking the next.
func (a *accessible) walk(d *assess.Assessment) error {
	cat, bank := a.c.Cat, a.c.Bank
	total, n := bank.QuestionCount(), 0
	for pi, p := range bank.Pillars {
		introduced := false
		for _, ka := range p.KeyActions {
			for _, q := range ka.Questions {
				n++
				if _, done := d.Answers[q.ID]; done {
					continue
				}
				if !introduced {
					introduced = true
					a.say("")
					a.say(cat.T(messages.WalkIntroPillar, pi+1, len(bank.Pillars)) + ": " + p.Title + ". " + p.Thesis)
					if len(p.Facts) > 0 {
						a.say(p.Facts[0])
					}
				}
				a.say("")
				a.say(cat.T(messages.AccessibleQuestion, n, total, p.Title, ka.Title, q.Prompt))
				if q.Help != "" {
					a.say(q.Help)
				}
				for l := range questions.Levels {
					a.say(cat.T(messages.AccessibleLevel, l, q.Option(l)))
				}
				a.say("? — " + cat.T(messages.WalkNotSure))
				answer, note, err := a.ask()
				if err != nil {
					return err
				}
				d.Answers[q.ID] = answer
				if note != "" {
					setNote(d, q.ID, note)
				}
				if err := a.c.Store.SaveDraft(d); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// ask reads an answer and the note that may follow it on the same line.
func (a *accessible) ask() (assess.Answer, string, error) {
	cat := a.c.Cat
	for {
		s, err := a.line(cat.T(messages.AccessibleAnswer))
		if err != nil {
			return assess.Answer{}, "", err
		}
		word, note, _ := strings.Cut(s, " ")
		note = strings.TrimSpace(note)
		if word == "?" || strings.EqualFold(word, assess.UnsureWord) {
			return assess.NotSure, note, nil
		}
		if l, err := strconv.Atoi(word); err == nil && l >= 0 && l <= questions.MaxLevel {
			return assess.AtLevel(l), note, nil
		}
		a.say(cat.T(messages.AccessibleInvalid))
	}
}
