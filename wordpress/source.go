package wordpress

import (
	"io"
	"os"
)

// Paths is a Source of export files on disk, in the order given (the
// parts of a split export).
type Paths []string

// Files implements Source.
func (p Paths) Files() []string { return p }

// Open implements Source.
func (p Paths) Open(name string) (io.ReadCloser, error) { return os.Open(name) }
