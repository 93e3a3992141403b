package messages

// Keys and English texts added for the tui since the catalog was split by area.
const (
	_ Key = ""
)

var englishTUI = map[Key]string{}
