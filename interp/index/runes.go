package index

import "unicode/utf8"

// Jupyter counts cursor positions in Unicode code points; Go strings are
// indexed in bytes. These two functions convert, clamping to the text.

// byteOffset returns the byte offset of the cp-th code point of s.
func byteOffset(s string, cp int) int {
	if cp <= 0 {
		return 0
	}
	n := 0
	for i := range s {
		if n == cp {
			return i
		}
		n++
	}
	return len(s)
}

// codePoints returns how many code points s[:off] holds.
func codePoints(s string, off int) int {
	off = min(max(off, 0), len(s))
	return utf8.RuneCountInString(s[:off])
}
