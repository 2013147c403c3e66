package lang

// sizeIDs are the messages of file sizes, by power of 1,024.
var sizeIDs = []string{"format.size.bytes", "format.size.kb", "format.size.mb", "format.size.gb", "format.size.tb"}

// Size formats a file size of n bytes for people, in this language: "512
// bytes", "51 KB", "2.4 MB" ("51KB", "2.4MB" in Korean). Under ten of a
// unit it shows one decimal, so a 51 KB photo never reads "0.0 MB".
func (l *Lang) Size(n int64) string {
	if n < 1024 {
		return l.T(sizeIDs[0], "N", l.Number(int(max(n, 0))))
	}
	v, unit := float64(n), 0
	for v >= 1024 && unit < len(sizeIDs)-1 {
		v /= 1024
		unit++
	}
	// Round first: 9.96 KB shows as "10 KB", not "10.0 KB".
	if v < 9.95 {
		return l.T(sizeIDs[unit], "N", l.printer.Sprintf("%.1f", v))
	}
	return l.T(sizeIDs[unit], "N", l.printer.Sprintf("%.0f", v))
}
