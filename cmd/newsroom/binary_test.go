package main

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// releaseFlags are the release build's flags beside CGO_ENABLED=0 (README,
// "Building a release"): tags that leave out what the product never uses
// (Gin's MessagePack codec, FerretDB's PostgreSQL backend) and no symbol
// table or debug information.
var releaseFlags = []string{"-tags", "nomsgpack,ferretdb_no_postgresql", "-ldflags", "-s -w"}

// maxReleaseBytes is the release binary's budget.
const maxReleaseBytes = 50 << 20

// TestBinaryIsStatic builds the binary the way the README says, and the
// release binary, and reads them as ELF files: a program interpreter or a
// needed shared library means the binary does not run "anywhere", and may
// encode photos with whatever libwebp the host has.
func TestBinaryIsStatic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary twice")
	}
	if runtime.GOOS != "linux" {
		t.Skip("reads the binary as ELF")
	}
	dir := t.TempDir()
	for _, b := range []struct {
		name  string
		flags []string
	}{{"plain", nil}, {"release", releaseFlags}} {
		t.Run(b.name, func(t *testing.T) {
			out := filepath.Join(dir, b.name)
			args := append(append([]string{"build", "-o", out}, b.flags...), ".")
			cmd := exec.Command("go", args...)
			cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("go %v: %v\n%s", args, err, msg)
			}
			f, err := elf.Open(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			for _, p := range f.Progs {
				if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
					t.Errorf("the binary has a %s program header: it is dynamically linked", p.Type)
				}
			}
			if libs, err := f.ImportedLibraries(); err != nil || len(libs) > 0 {
				t.Errorf("the binary needs shared libraries %v (%v)", libs, err)
			}
			if b.name == "release" {
				st, err := os.Stat(out)
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("release binary: %.1f MB", float64(st.Size())/(1<<20))
				if st.Size() > maxReleaseBytes {
					t.Errorf("the release binary is %d MB, over its budget of %d MB", st.Size()>>20, maxReleaseBytes>>20)
				}
			}
		})
	}
}
