package messages

// Keys and English texts added for the report since the catalog was split by area.
const (
	// What fired a recommendation.
	BecauseScore        Key = "because.score"         // title, score, stage number
	BecauseScoreNoStage Key = "because.score.nostage" // title, score
	BecauseLevel        Key = "because.level"         // question id, level
	// Next to the stage.
	ResultProvisional     Key = "result.provisional"      // answered, applicable, share needed
	ResultProvisionalThin Key = "result.provisional.thin" // pillar titles
	ResultCapped          Key = "result.capped"           // stage, pillar title, its stage, uncapped stage
	// A figure of the source.
	FactAbout Key = "fact.about" // the formatted value
	FactTimes Key = "fact.times" // the formatted number
)

var englishReport = map[Key]string{
	BecauseScore:          "%s scores %s (stage %d)",
	BecauseScoreNoStage:   "%s scores %s (too few answers for a stage)",
	BecauseLevel:          "%s is at level %d",
	ResultProvisional:     "Provisional: %s of %s applicable questions answered (%s needed)",
	ResultProvisionalThin: "; too few answers in %s",
	ResultCapped:          "Held at stage %d, one above %s (stage %d); the score alone would give stage %d",
	FactAbout:             "about %s",
	FactTimes:             "%s×",
}
