package terms

// starterReadings: placeholder until generated.
var starterReadings = map[string]string{}
