package store

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

// putLegacy stores completed assessment a as schemas 1 and 2 did: no
// organization id, a summary without key-action scores, and the index
// keyed by the organization's name.
func putLegacy(tx *bolt.Tx, a *assess.Assessment) error {
	if err := putRecord(tx.Bucket(bucketAssessments), a.ID, a); err != nil {
		return err
	}
	sum := assess.Summarize(a)
	sum.KeyActions = nil
	raw, err := json.Marshal(sum)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketSummaries).Put([]byte(a.ID), raw); err != nil {
		return err
	}
	return tx.Bucket(bucketByOrg).Put(append(orgKey(a.Org), a.ID...), nil)
}

// openAt opens a new database at path with only the first n migrations, as
// an earlier program made it.
func openAt(t *testing.T, path string, n int) *Store {
	t.Helper()
	all := migrations
	migrations = all[:n]
	defer func() { migrations = all }()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func historyIDs(t *testing.T, s *Store, org string) []string {
	t.Helper()
	h, err := s.History(org)
	if err != nil {
		t.Fatalf("History(%q): %v", org, err)
	}
	var out []string
	for _, sum := range h {
		out = append(out, sum.ID)
	}
	return out
}

// Issue 13: an organization is a record, made by the first save of a new
// name and found again however the name is typed.
func TestOrganizationsAreRecordsMatchedIgnoringCaseAndSpacing(t *testing.T) {
	s := newStore(t)
	base := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	d := &assess.Assessment{Submission: assess.Submission{Org: "Acme Corp", Answers: assess.Answers{"eng-channels": assess.AtLevel(2)}}}
	if err := s.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	o, err := s.Org("  acme   CORP ")
	if err != nil {
		t.Fatalf("the draft's organization: %v", err)
	}
	if o.Name != "Acme Corp" || o.ID == "" {
		t.Errorf("org = %+v", o)
	}
	done := complete(t, s, answered("ACME corp", base, 1), answered("Beta", base.Add(time.Hour), 2))
	if done[0].OrgID != o.ID || done[0].Org != "Acme Corp" {
		t.Errorf("completed as %q (%s); want Acme Corp (%s)", done[0].Org, done[0].OrgID, o.ID)
	}
	infos, err := s.Orgs()
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 2 || infos[0].Name != "Acme Corp" || infos[0].Assessments != 1 || infos[0].Latest == nil || infos[0].Latest.ID != done[0].ID || infos[1].Name != "Beta" {
		t.Errorf("Orgs = %+v", infos)
	}
	if _, err := s.Org("Acme"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Org(Acme) = %v; want not found (a part of a name is not a name)", err)
	}
}

func TestRenameOrg(t *testing.T) {
	base := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, old, new string
		want           error
		nameAfter      string
	}{
		{"a new name", "acme inc", "Acme Industries", nil, "Acme Industries"},
		{"spelling only", "ACME  INC", " acme  inc", nil, "acme inc"},
		{"to itself with other capitals", "Acme Inc", "ACME INC", nil, "ACME INC"},
		{"another organization's name", "Acme Inc", "beta", &OrgExistsError{}, "Acme Inc"},
		{"an empty name", "Acme Inc", "  ", ErrNoOrgName, "Acme Inc"},
		{"an unknown organization", "Gamma", "Delta", ErrNotFound, "Acme Inc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			a := complete(t, s, answered("Acme Inc", base, 1), answered("Beta", base.Add(time.Hour), 2))[0]
			err := s.RenameOrg(tc.old, tc.new)
			var exists *OrgExistsError
			switch {
			case tc.want == nil && err != nil,
				tc.want != nil && !errors.Is(err, tc.want) && !(errors.As(tc.want, &exists) && errors.As(err, &exists)):
				t.Fatalf("RenameOrg = %v; want %v", err, tc.want)
			}
			got, err := s.Get(a.ID)
			if err != nil || got.Org != tc.nameAfter {
				t.Errorf("Get shows %q, %v; want %q", got.Org, err, tc.nameAfter)
			}
			if h := historyIDs(t, s, tc.nameAfter); !slices.Equal(h, []string{a.ID}) {
				t.Errorf("history under the name after = %v", h)
			}
			if tc.want == nil && string(orgKey(tc.old)) != string(orgKey(tc.new)) {
				if _, err := s.Org(tc.old); !errors.Is(err, ErrNotFound) {
					t.Errorf("the old name still names %v", err)
				}
			}
		})
	}
}

// Issue 13: "Acme" and "ACME Corp" split one history until they are
// merged; then the history of both is one, and both names name it.
func TestMergeOrgsJoinsTwoHistories(t *testing.T) {
	s := newStore(t)
	base := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	done := complete(t, s,
		answered("Acme", base, 1),
		answered("ACME Corp", base.Add(time.Hour), 2),
		answered("Acme", base.Add(2*time.Hour), 3),
		answered("Acme corp", base.Add(3*time.Hour), 4),
	)
	draft := &assess.Assessment{Submission: assess.Submission{Org: "acme corp", Answers: assess.Answers{"eng-channels": assess.NotSure}}}
	if err := s.SaveDraft(draft); err != nil {
		t.Fatal(err)
	}
	seventy, eighty := 70.0, 80.0
	if err := s.SetTarget("Acme", assess.TargetSet{Overall: &seventy, Pillars: map[string]float64{"p1": 50}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTarget("ACME Corp", assess.TargetSet{Overall: &eighty, Pillars: map[string]float64{"p1": 90, "p2": 60}}); err != nil {
		t.Fatal(err)
	}
	if h := historyIDs(t, s, "Acme"); len(h) != 2 {
		t.Fatalf("before the merge Acme has %v", h)
	}
	if err := s.MergeOrgs("ACME CORP", "acme"); err != nil {
		t.Fatal(err)
	}
	want := []string{done[0].ID, done[1].ID, done[2].ID, done[3].ID}
	for _, name := range []string{"Acme", "acme corp"} {
		if h := historyIDs(t, s, name); !slices.Equal(h, want) {
			t.Errorf("history of %q = %v; want %v", name, h, want)
		}
	}
	infos, err := s.Orgs()
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 1 || infos[0].Name != "Acme" || infos[0].Assessments != 4 || !slices.Equal(infos[0].Aliases, []string{"ACME Corp"}) {
		t.Fatalf("Orgs after merge = %+v", infos)
	}
	tg := infos[0].Targets
	if *tg.Overall != 70 || tg.Pillars["p1"] != 50 || tg.Pillars["p2"] != 60 {
		t.Errorf("targets after merge = %+v; want Acme's, filled with ACME Corp's", tg)
	}
	rec, prev, err := s.GetWithPrevious(done[3].ID)
	if err != nil || prev == nil || prev.ID != done[2].ID || rec.Org != "Acme" || prev.Org != "Acme" {
		t.Errorf("GetWithPrevious after merge = %v, %v, %v", rec, prev, err)
	}
	ds, err := s.Drafts()
	if err != nil || len(ds) != 1 || ds[0].OrgID != infos[0].ID || ds[0].Org != "Acme" {
		t.Errorf("the draft after merge: %+v, %v", ds, err)
	}
	if page, err := s.List(ListOptions{Org: "corp"}); err != nil || len(page.Items) != 4 {
		t.Errorf("List by the merged name: %d, %v", len(page.Items), err)
	}
	later := complete(t, s, answered("ACME Corp", base.Add(4*time.Hour), 0))[0]
	if later.OrgID != infos[0].ID {
		t.Errorf("a new assessment of the merged name went to %s", later.OrgID)
	}
	if err := s.MergeOrgs("acme corp", "Acme"); !errors.Is(err, ErrSameOrg) {
		t.Errorf("merge into itself = %v", err)
	}
	if err := s.MergeOrgs("Nope", "Acme"); !errors.Is(err, ErrNotFound) {
		t.Errorf("merge of an unknown organization = %v", err)
	}
}

func TestTargets(t *testing.T) {
	sixty, tooHigh := 60.0, 101.0
	for _, tc := range []struct {
		name  string
		set   []assess.TargetSet
		clear *TargetScope
		want  assess.TargetSet
		err   error
	}{
		{name: "overall", set: []assess.TargetSet{{Overall: &sixty}}, want: assess.TargetSet{Overall: &sixty}},
		{name: "sets merge", set: []assess.TargetSet{
			{Overall: &sixty, Pillars: map[string]float64{"a": 40}},
			{Pillars: map[string]float64{"b": 50}, KeyActions: map[string]float64{"k": 30}},
			{Pillars: map[string]float64{"a": 45}},
		}, want: assess.TargetSet{Overall: &sixty, Pillars: map[string]float64{"a": 45, "b": 50}, KeyActions: map[string]float64{"k": 30}}},
		{name: "out of range stores nothing", set: []assess.TargetSet{
			{Overall: &sixty},
			{Pillars: map[string]float64{"a": 40}, KeyActions: map[string]float64{"k": -1}},
		}, want: assess.TargetSet{Overall: &sixty}, err: &TargetError{}},
		{name: "above 100", set: []assess.TargetSet{{Overall: &tooHigh}}, err: &TargetError{}},
		{name: "clear a pillar", set: []assess.TargetSet{{Overall: &sixty, Pillars: map[string]float64{"a": 40, "b": 50}}},
			clear: &TargetScope{Kind: TargetPillar, ID: "a"},
			want:  assess.TargetSet{Overall: &sixty, Pillars: map[string]float64{"b": 50}}},
		{name: "clear the overall", set: []assess.TargetSet{{Overall: &sixty, KeyActions: map[string]float64{"k": 40}}},
			clear: &TargetScope{Kind: TargetOverall},
			want:  assess.TargetSet{KeyActions: map[string]float64{"k": 40}}},
		{name: "clear a key action not set", set: []assess.TargetSet{{Overall: &sixty}},
			clear: &TargetScope{Kind: TargetKeyAction, ID: "k"},
			want:  assess.TargetSet{Overall: &sixty}, err: ErrNoTarget},
		{name: "clear all", set: []assess.TargetSet{{Overall: &sixty, Pillars: map[string]float64{"a": 1}, KeyActions: map[string]float64{"k": 2}}},
			clear: &TargetScope{Kind: TargetsAll}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			complete(t, s, answered("Acme", time.Now(), 1))
			var err error
			for _, set := range tc.set {
				if err = s.SetTarget("acme", set); err != nil {
					break
				}
			}
			if err == nil && tc.clear != nil {
				err = s.ClearTarget("ACME", *tc.clear)
			}
			var te *TargetError
			if tc.err == nil && err != nil || tc.err != nil && !errors.Is(err, tc.err) && !(errors.As(tc.err, &te) && errors.As(err, &te)) {
				t.Fatalf("err = %v; want %v", err, tc.err)
			}
			o, err := s.Org("Acme")
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.Marshal(o.Targets)
			want, _ := json.Marshal(tc.want)
			if string(got) != string(want) {
				t.Errorf("targets = %s; want %s", got, want)
			}
		})
	}
	s := newStore(t)
	if err := s.SetTarget("Nobody", assess.TargetSet{Overall: &sixty}); !errors.Is(err, ErrNotFound) {
		t.Errorf("a target for an unknown organization = %v; want not found", err)
	}
}

func TestHistoryOfOneAssessmentAndOfNone(t *testing.T) {
	s := newStore(t)
	a := complete(t, s, answered("Solo", time.Now(), 2))[0]
	h, err := s.History("solo")
	if err != nil || len(h) != 1 || h[0].ID != a.ID || h[0].Org != "Solo" || h[0].Short == "" || len(h[0].KeyActions) == 0 {
		t.Errorf("History = %+v, %v", h, err)
	}
	if err := s.SaveDraft(&assess.Assessment{Submission: assess.Submission{Org: "Drafty", Answers: assess.Answers{"eng-channels": assess.NotSure}}}); err != nil {
		t.Fatal(err)
	}
	if h, err := s.History("Drafty"); err != nil || len(h) != 0 {
		t.Errorf("History of an organization with only a draft = %v, %v", h, err)
	}
	if _, err := s.History("Nobody"); !errors.Is(err, ErrNotFound) {
		t.Errorf("History of an unknown organization = %v", err)
	}
}

// Issue 13: the portfolio is each organization's latest assessment and
// the imported cohort, scores only; a figure needs five others.
func TestPortfolio(t *testing.T) {
	base := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name         string
		orgs, cohort int
		wantRank     bool
	}{
		{"one organization", 1, 0, false},
		{"four others", 5, 0, false},
		{"five others", 6, 0, true},
		{"three others and two imported", 4, 2, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			var as []*assess.Assessment
			for i := range tc.orgs {
				org := string(rune('A'+i)) + " Co"
				as = append(as, answered(org, base.Add(time.Duration(i)*time.Hour), i), answered(org, base.Add(time.Duration(i)*time.Hour+time.Minute), i+1))
			}
			done := complete(t, s, as...)
			var rows []assess.PortfolioEntry
			for i := range tc.cohort {
				rows = append(rows, assess.PortfolioEntry{OrgID: "sneaky", Overall: assess.Scored(float64(10 * i)), Pillars: []assess.PillarScore{{ID: "p", Score: assess.Scored(20)}}})
			}
			if err := s.ImportCohort(rows); err != nil {
				t.Fatal(err)
			}
			p, err := s.Portfolio()
			if err != nil {
				t.Fatal(err)
			}
			if len(p) != tc.orgs+tc.cohort {
				t.Fatalf("portfolio of %d entries; want %d", len(p), tc.orgs+tc.cohort)
			}
			imported := 0
			for _, e := range p {
				if e.Imported {
					imported++
					if e.OrgID != "" {
						t.Errorf("an imported row carries an organization: %+v", e)
					}
				}
			}
			if imported != tc.cohort {
				t.Errorf("%d imported; want %d", imported, tc.cohort)
			}
			h, err := s.History("A Co")
			if err != nil {
				t.Fatal(err)
			}
			own := h[len(h)-1]
			owns := 0
			for _, e := range p {
				if e.OrgID == own.OrgID {
					owns++
					if e.Overall != own.Overall || own.ID != done[1].ID {
						t.Errorf("own entry %+v is not the latest, %s", e, done[1].ID)
					}
				}
			}
			if owns != 1 {
				t.Errorf("%d entries of one organization; want its latest only", owns)
			}
			if r := assess.Rank(own, p); (r != nil) != tc.wantRank {
				t.Errorf("rank = %+v; want one: %v", r, tc.wantRank)
			}
			n, err := s.ClearCohort()
			if p2, _ := s.Portfolio(); err != nil || n != tc.cohort || len(p2) != tc.orgs {
				t.Errorf("ClearCohort = %d, %v; portfolio then %d", n, err, len(p2))
			}
		})
	}
}

// Migration 3: a schema-2 database with data opens with every assessment
// and draft in an organization, under the spelling it was listed with,
// summaries with key-action scores, and nothing lost, an unreadable record
// included.
func TestMigrationFromSchema2MakesOrganizations(t *testing.T) {
	path := t.TempDir() + "/sm.db"
	old := openAt(t, path, 2)
	base := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	as := []*assess.Assessment{
		answered("Acme", base, 1),
		answered("Beta", base.Add(time.Hour), 2),
		answered("  ACME ", base.Add(2*time.Hour), 3),
		answered("Damaged Co", base.Add(3*time.Hour), 4),
	}
	for _, a := range as {
		a.ID = NewID(*a.CompletedAt)
		a.StartedAt = a.CompletedAt.Add(-time.Hour)
		a.Complete(bank, *a.CompletedAt, assess.Targets{})
	}
	as[1].Workshop = "w1"
	draft := &assess.Assessment{ID: NewID(base.Add(5 * time.Hour)), StartedAt: base.Add(5 * time.Hour), Submission: assess.Submission{Org: "Gamma", Answers: assess.Answers{"eng-channels": assess.NotSure}}}
	if err := old.do(writeTx, func(tx *bolt.Tx) error {
		for _, a := range as {
			if err := putLegacy(tx, a); err != nil {
				return err
			}
			if err := indexWorkshop(tx, a); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketWorkshops).Put([]byte("w1"), []byte(`{"id":"w1","code":"ABCDEF","org":"Beta","state":{}}`)); err != nil {
			return err
		}
		return putRecord(tx.Bucket(bucketDrafts), draft.ID, draft)
	}); err != nil {
		t.Fatal(err)
	}
	corruptRecord(t, old, bucketAssessments, as[3].ID)

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	infos, err := s.Orgs()
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		name    string
		count   int
		created time.Time
	}
	var got []row
	for _, o := range infos {
		got = append(got, row{o.Name, o.Assessments, o.CreatedAt})
	}
	want := []row{
		{"Acme", 2, as[0].StartedAt},
		{"Beta", 1, as[1].StartedAt},
		{"damaged co", 1, as[3].CompletedAt.Truncate(time.Millisecond)}, // from the id and the old index
		{"Gamma", 0, draft.StartedAt},
	}
	if len(got) != len(want) {
		t.Fatalf("orgs = %+v; want %+v", got, want)
	}
	for i := range want {
		if got[i].name != want[i].name || got[i].count != want[i].count || !got[i].created.Equal(want[i].created) {
			t.Errorf("org %d = %+v; want %+v", i, got[i], want[i])
		}
	}
	if h := historyIDs(t, s, "acme"); !slices.Equal(h, []string{as[0].ID, as[2].ID}) {
		t.Errorf("Acme's history = %v", h)
	}
	for _, a := range as[:3] {
		rec, err := s.Get(a.ID)
		if err != nil || rec.OrgID == "" || len(rec.Answers) != len(a.Answers) || rec.Result == nil {
			t.Errorf("after migration %s: %+v, %v", a.ID, rec, err)
		}
	}
	h, err := s.History("Beta")
	if err != nil || len(h) != 1 || len(h[0].KeyActions) == 0 || h[0].OrgID == "" {
		t.Errorf("Beta's summary has no key actions or organization: %+v, %v", h, err)
	}
	ds, err := s.Drafts()
	if err != nil || len(ds) != 1 || ds[0].OrgID != infos[3].ID {
		t.Errorf("drafts after migration = %+v, %v", ds, err)
	}
	if ms, err := s.WorkshopMembers("w1"); err != nil || len(ms) != 1 || ms[0].ID != as[1].ID {
		t.Errorf("workshop members after migration = %v, %v", ms, err)
	}
	var record *RecordError
	if _, err := s.Get(as[3].ID); !errors.As(err, &record) {
		t.Errorf("the unreadable record: %v; want it kept, unreadable", err)
	}
	if problems, err := s.Check(); err != nil || len(problems) != 1 {
		t.Errorf("Check after migration = %q, %v; want the unreadable record only", problems, err)
	}
}

// ContextOf reads what results show around an assessment in one go: the
// organization with its targets and history, and the portfolio; an
// organization without a record gets the portfolio alone.
func TestContextOf(t *testing.T) {
	s := newStore(t)
	first := complete(t, s, answered("Acme", time.Now().Add(-time.Hour), 1))[0]
	latest := complete(t, s, answered("Acme", time.Now(), 3))[0]
	complete(t, s, answered("Beta", time.Now(), 2))
	seventy := 70.0
	if err := s.SetTarget("acme", assess.TargetSet{Overall: &seventy}); err != nil {
		t.Fatal(err)
	}
	o, c, err := s.ContextOf("ACME")
	if err != nil || o == nil || o.Name != "Acme" || c.Targets == nil || c.Targets.Overall == nil || *c.Targets.Overall != 70 ||
		len(c.History) != 2 || c.History[0].ID != first.ID || c.History[1].ID != latest.ID || len(c.Portfolio) != 2 {
		t.Fatalf("ContextOf(ACME) = %+v, %+v, %v", o, c, err)
	}
	o, c, err = s.ContextOf("Nobody")
	if err != nil || o != nil || c.Targets != nil || c.History != nil || len(c.Portfolio) != 2 {
		t.Errorf("ContextOf(Nobody) = %+v, %+v, %v", o, c, err)
	}
}
