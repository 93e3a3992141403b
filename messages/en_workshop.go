package messages

// Keys and English texts of the workshop mode.
const (
	_ Key = ""
)

var englishWorkshop = map[Key]string{}
