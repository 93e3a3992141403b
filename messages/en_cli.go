package messages

// Keys and English texts added for the CLI since the catalog was split by area.
const (
	_ Key = ""
)

var englishCLI = map[Key]string{}
