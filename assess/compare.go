package assess

// Change is how one score moved between two assessments.
type Change struct {
	ID   string `json:"id"`
	From Score  `json:"from"`
	To   Score  `json:"to"`
	// Delta is To − From, unscored when either side is.
	Delta Score `json:"delta"`
}

func change(id string, from, to Score) Change {
	c := Change{ID: id, From: from, To: to}
	if from.Valid && to.Valid {
		c.Delta = Scored(to.Value - from.Value)
	}
	return c
}

// Comparison is the change from one result to a later one.
type Comparison struct {
	Overall    Change   `json:"overall"`
	Pillars    []Change `json:"pillars"`
	KeyActions []Change `json:"key_actions"`
}

// Compare lines up two results by id: overall, every pillar and every key
// action found in either, in the order of the later result (then the
// earlier one's leftovers).
func Compare(from, to *Result) Comparison {
	c := Comparison{Overall: change("overall", from.Overall, to.Overall)}
	fromPillars, fromKAs := map[string]Score{}, map[string]Score{}
	for _, p := range from.Pillars {
		fromPillars[p.ID] = p.Score
		for _, k := range p.KeyActions {
			fromKAs[k.ID] = k.Score
		}
	}
	seen := map[string]bool{}
	for _, p := range to.Pillars {
		c.Pillars = append(c.Pillars, change(p.ID, fromPillars[p.ID], p.Score))
		seen[p.ID] = true
		for _, k := range p.KeyActions {
			c.KeyActions = append(c.KeyActions, change(k.ID, fromKAs[k.ID], k.Score))
			seen[k.ID] = true
		}
	}
	for _, p := range from.Pillars {
		if !seen[p.ID] {
			c.Pillars = append(c.Pillars, change(p.ID, p.Score, Score{}))
		}
		for _, k := range p.KeyActions {
			if !seen[k.ID] {
				c.KeyActions = append(c.KeyActions, change(k.ID, k.Score, Score{}))
			}
		}
	}
	return c
}
