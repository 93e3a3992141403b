package messages

// Keys and English texts added for the report since the catalog was split by area.
const (
	_ Key = ""
)

var englishReport = map[Key]string{}
