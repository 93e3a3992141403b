package questions

// Place is where a pillar, key action or question is in its bank: indexes
// into Pillars, the pillar's KeyActions and the key action's Questions,
// with -1 below the level the id names (a pillar has KeyAction and
// Question -1; a key action has Question -1).
type Place struct {
	Pillar, KeyAction, Question int
}

// Locate returns where the pillar, key action or question with the given
// id is; false when the bank has no such id. It is safe for concurrent
// use: the index is built once, when the bank is loaded.
func (b *Bank) Locate(id string) (Place, bool) {
	at, ok := b.places[id]
	return at, ok
}

// buildPlaces indexes the ids of every pillar, key action and question.
func (b *Bank) buildPlaces() {
	n := len(b.Pillars)
	for _, p := range b.Pillars {
		n += len(p.KeyActions)
		for _, ka := range p.KeyActions {
			n += len(ka.Questions)
		}
	}
	b.places = make(map[string]Place, n)
	for p, pillar := range b.Pillars {
		b.places[pillar.ID] = Place{p, -1, -1}
		for k, ka := range pillar.KeyActions {
			b.places[ka.ID] = Place{p, k, -1}
			for q, question := range ka.Questions {
				b.places[question.ID] = Place{p, k, q}
			}
		}
	}
}
