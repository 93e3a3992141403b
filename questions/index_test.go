package questions

import "testing"

// TestLocateFindsEveryPart checks, on a bank decoded from JSON (the default)
// and one loaded from YAML (version 1), that every pillar, key action and
// question is found where it is, and nothing else is found.
func TestLocateFindsEveryPart(t *testing.T) {
	v2, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	v1, ok := Builtin(DefaultBankID, 1, "en")
	if !ok {
		t.Fatal("no built-in version 1 bank")
	}
	for _, b := range []*Bank{v2, v1} {
		found := 0
		want := func(id string, place Place) {
			t.Helper()
			found++
			if got, ok := b.Locate(id); !ok || got != place {
				t.Errorf("v%d: Locate(%q) = %+v, %v; want %+v", b.Version, id, got, ok, place)
			}
		}
		for p, pillar := range b.Pillars {
			want(pillar.ID, Place{p, -1, -1})
			for k, ka := range pillar.KeyActions {
				want(ka.ID, Place{p, k, -1})
				for q, question := range ka.Questions {
					want(question.ID, Place{p, k, q})
				}
			}
		}
		if found < 3 {
			t.Fatalf("v%d: only %d ids in the bank", b.Version, found)
		}
		for _, id := range []string{"", "no-such-id", b.Recommendations[0].ID, b.Stages[0].Name} {
			if got, ok := b.Locate(id); ok {
				t.Errorf("v%d: Locate(%q) = %+v; want not found", b.Version, id, got)
			}
		}
	}
}
