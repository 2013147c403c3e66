package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/dbtest"
)

const fixture = "../../wordpress/testdata/polylang.xml"

// The dry run writes nothing to the database, prints the report and
// writes the mapping file that the real run then reads back.
func TestImportWordPressDryRunThenImport(t *testing.T) {
	db := dbtest.Database(t)
	t.Setenv("MONGODB_URI", dbtest.URI(t))
	t.Setenv("NEWSROOM_DATABASE", db.Name())
	t.Setenv("NEWSROOM_DATA_DIR", t.TempDir())
	mapping := filepath.Join(t.TempDir(), "mapping.toml")
	var out bytes.Buffer
	err := run(context.Background(), []string{"import", "wordpress", "--dry-run", "--write-mapping", mapping, fixture}, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"What would be created:", "translation pairs (one story, two languages) 1", "orphan_translation: 1", "[fancy_box] ×1", "Dry run: nothing written"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out.String())
		}
	}
	if n, _ := counts(t, db); n != 0 {
		t.Fatalf("dry run wrote %d stories", n)
	}
	m, err := os.ReadFile(mapping)
	if err != nil {
		t.Fatal(err)
	}
	// The paper decides the economy categories go to its business section.
	edited := strings.ReplaceAll(string(m), `= "economy"`, `= "business"`)
	if edited == string(m) {
		t.Fatalf("mapping file without the category decision:\n%s", m)
	}
	if err := os.WriteFile(mapping, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	err = run(context.Background(), []string{"import", "wordpress", "--mapping", mapping, "--uploads", "../../wordpress/testdata/uploads", fixture}, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "category 경제 → section business") {
		t.Errorf("mapping not followed:\n%s", out.String())
	}
	if n, photos := counts(t, db); n != 9 || photos != 1 {
		t.Errorf("%d stories, %d photos; want 9 and 1", n, photos)
	}
}

func TestImportWordPressRefusesMissingFile(t *testing.T) {
	err := run(context.Background(), []string{"import", "wordpress", "--dry-run", "no-such-export.xml"}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "no-such-export.xml") {
		t.Errorf("err = %v", err)
	}
}
