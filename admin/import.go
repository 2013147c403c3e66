package admin

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/wordpress"
)

// maxImportBytes bounds an upload of export files; a larger site imports
// from the command line (newsroom import wordpress).
const maxImportBytes = 512 << 20

// maxImportFiles bounds the parts of a split export in one upload.
const maxImportFiles = 20

// importJob is the one WordPress import (dry run or real) this instance
// runs at a time, and what the last one found.
type importJob struct {
	mu       sync.Mutex
	files    []string // the uploaded exports, in the data dir
	fetch    bool     // download the photos from the old site
	dry      bool
	running  bool
	done     int
	total    int
	report   *wordpress.Report
	failed   string // what stopped it, for the admin
	finished time.Time
}

// start begins a run in the background unless one is running; it reports
// whether it started.
func (j *importJob) start(dry bool, run func(progress func(done, total int)) (*wordpress.Report, error)) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.running || len(j.files) == 0 {
		return false
	}
	j.running, j.dry, j.done, j.total, j.report, j.failed = true, dry, 0, 0, nil, ""
	go func() {
		r, err := run(func(done, total int) {
			j.mu.Lock()
			j.done, j.total = done, total
			j.mu.Unlock()
		})
		j.mu.Lock()
		defer j.mu.Unlock()
		j.running, j.report, j.finished = false, r, time.Now()
		if err != nil {
			j.failed = err.Error()
		}
	}()
	return true
}

// importShow is the import page (admins only): the upload form, the
// progress of a run, and the report of the last one.
func (a *Admin) importShow(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActManageSections)
	if !ok {
		return
	}
	l := a.langFor(c, u)
	p := a.page(c, l, l.T("import.title"))
	j := &a.imports
	j.mu.Lock()
	view := importView{frame: a.frame(c, l), Running: j.running, Dry: j.dry, Done: j.done, Total: j.total,
		Failed: j.failed, CanImport: !j.running && j.dry && j.report != nil && j.failed == "" && len(j.files) > 0}
	if j.report != nil {
		view.Report = reportView(l, j.report)
	}
	j.mu.Unlock()
	if view.Running {
		p.Refresh = 2
	}
	p.Data = view
	a.show(c, http.StatusOK, "import", p)
}

// importUpload receives the export files and starts a dry run on them.
func (a *Admin) importUpload(c *gin.Context) {
	if _, ok := a.userMay(c, auth.ActManageSections); !ok {
		return
	}
	var fhs []*multipart.FileHeader
	if mf := c.Request.MultipartForm; mf != nil { // parsed by limitBody
		fhs = mf.File["export"]
	}
	if len(fhs) == 0 || len(fhs) > maxImportFiles {
		a.fail(c, &httpError{status: http.StatusBadRequest, id: "import.error.no_file"})
		return
	}
	files, err := a.saveExports(fhs)
	if err != nil {
		a.fail(c, err)
		return
	}
	j := &a.imports
	j.mu.Lock()
	if j.running {
		j.mu.Unlock()
		removeAll(files)
		a.fail(c, &httpError{status: http.StatusConflict, id: "import.error.running"})
		return
	}
	removeAll(j.files)
	j.files, j.fetch = files, c.PostForm("fetch_media") == "1"
	fetch := j.fetch
	j.mu.Unlock()
	j.start(true, a.runImport(files, true, fetch))
	c.Redirect(http.StatusSeeOther, "/admin/import")
}

// importRun starts the real import of the files the last dry run read.
func (a *Admin) importRun(c *gin.Context) {
	if _, ok := a.userMay(c, auth.ActManageSections); !ok {
		return
	}
	j := &a.imports
	j.mu.Lock()
	files, fetch, ready := j.files, j.fetch, j.dry && j.report != nil && j.failed == ""
	j.mu.Unlock()
	if !ready || !j.start(false, a.runImport(files, false, fetch)) {
		a.fail(c, &httpError{status: http.StatusConflict, id: "import.error.running"})
		return
	}
	c.Redirect(http.StatusSeeOther, "/admin/import")
}

// runImport is one run over files; after a real import the reader site
// takes in the sections and redirects (stories arrive one by one through
// a.changed).
func (a *Admin) runImport(files []string, dry, fetch bool) func(func(int, int)) (*wordpress.Report, error) {
	return func(progress func(int, int)) (*wordpress.Report, error) {
		ctx := context.Background()
		opt := wordpress.Options{Languages: a.langs.Codes(), DryRun: dry, FetchMedia: fetch, Progress: progress, Changed: a.changed, Log: a.log}
		deps := wordpress.Deps{Store: a.store, Photos: a.photos}
		r, err := wordpress.Import(ctx, wordpress.Paths(files), deps, opt)
		if err != nil || dry {
			return r, err
		}
		if a.sections != nil {
			if err := a.sections(ctx); err != nil {
				return r, err
			}
		}
		if a.redirects != nil {
			rs, err := a.store.Redirects(ctx)
			if err != nil {
				return r, err
			}
			for _, rd := range rs {
				a.redirects.Put(rd.From, rd.To)
			}
		}
		a.log.Info("wordpress import done", "stories", r.Stories, "pairs", r.Pairs, "problems", r.Total())
		return r, nil
	}
}

// saveExports copies the uploaded exports into the data dir, where the
// import reads them twice.
func (a *Admin) saveExports(fhs []*multipart.FileHeader) ([]string, error) {
	if a.importDir == "" {
		return nil, &httpError{status: http.StatusServiceUnavailable, id: "import.error.no_dir"}
	}
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	dir := filepath.Join(a.importDir, "upload-"+hex.EncodeToString(b[:]))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("admin: import folder: %w", err)
	}
	var files []string
	for i, fh := range fhs {
		name := filepath.Join(dir, fmt.Sprintf("%02d.xml", i))
		if err := copyUpload(fh, name); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		files = append(files, name)
	}
	return files, nil
}

func copyUpload(fh *multipart.FileHeader, name string) error {
	src, err := fh.Open()
	if err != nil {
		return fmt.Errorf("admin: import upload: %w", err)
	}
	defer src.Close()
	dst, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("admin: import upload: %w", err)
	}
	_, err = io.Copy(dst, io.LimitReader(src, maxImportBytes))
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("admin: import upload: %w", err)
	}
	return nil
}

func removeAll(files []string) {
	if len(files) > 0 {
		// the files share one folder of their own
		if err := os.RemoveAll(filepath.Dir(files[0])); err != nil && !errors.Is(err, os.ErrNotExist) {
			return // a leftover upload folder costs disk, nothing else
		}
	}
}

type importView struct {
	frame
	Running, Dry, CanImport bool
	Done, Total             int
	Failed                  string
	Report                  *importReport
}

type importReport struct {
	DryRun    bool
	Counts    []countRow
	Decisions []string
	Problems  []problemRow
	Total     int
}

type countRow struct {
	Label string
	N     int
}

type problemRow struct {
	Label    string
	N        int
	Examples []string
}

// problemNames are the message IDs of the problem kinds, literal for the locale test.
var problemNames = map[wordpress.ProblemKind]string{
	wordpress.ProblemFile: "import.problem.file", wordpress.ProblemTooLarge: "import.problem.too_large",
	wordpress.ProblemTitleLong: "import.problem.title_long", wordpress.ProblemSlugLong: "import.problem.slug_long",
	wordpress.ProblemDuplicateID: "import.problem.duplicate_id", wordpress.ProblemNoID: "import.problem.no_id",
	wordpress.ProblemDuplicateSlug: "import.problem.duplicate_slug", wordpress.ProblemUnknownShortcode: "import.problem.unknown_shortcode",
	wordpress.ProblemMissingMedia: "import.problem.missing_media", wordpress.ProblemOrphan: "import.problem.orphan_translation",
	wordpress.ProblemPairConflict: "import.problem.pair_conflict", wordpress.ProblemSerialized: "import.problem.bad_serialized",
	wordpress.ProblemLanguage: "import.problem.unknown_language", wordpress.ProblemPassword: "import.problem.password_protected",
	wordpress.ProblemPrivate: "import.problem.private", wordpress.ProblemNoEmail: "import.problem.author_without_email",
	wordpress.ProblemEdited: "import.problem.edited_since", wordpress.ProblemWrite: "import.problem.write_failed",
}

func reportView(l *lang.Lang, r *wordpress.Report) *importReport {
	v := &importReport{DryRun: r.DryRun, Total: r.Total()}
	langs := make([]string, 0, len(r.Stories))
	for k := range r.Stories {
		langs = append(langs, k)
	}
	sort.Strings(langs)
	for _, k := range langs {
		v.Counts = append(v.Counts, countRow{l.T("import.count.stories", "Lang", k), r.Stories[k]})
	}
	v.Counts = append(v.Counts,
		countRow{l.T("import.count.pairs"), r.Pairs}, countRow{l.T("import.count.updated"), r.Updated},
		countRow{l.T("import.count.people"), r.People}, countRow{l.T("import.count.accounts"), r.Accounts},
		countRow{l.T("import.count.sections"), r.Sections}, countRow{l.T("import.count.tags"), r.Tags},
		countRow{l.T("import.count.photos"), r.Photos}, countRow{l.T("import.count.comments"), r.Comments},
		countRow{l.T("import.count.redirects"), r.Redirects})
	for _, k := range sortedKeys(r.SectionMap) {
		v.Decisions = append(v.Decisions, l.T("import.decision.section", "From", k, "To", r.SectionMap[k]))
	}
	for _, k := range sortedKeys(r.AuthorMap) {
		v.Decisions = append(v.Decisions, l.T("import.decision.author", "From", k, "To", r.AuthorMap[k]))
	}
	kinds := make([]string, 0, len(r.Problems))
	for k := range r.Problems {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		kind := wordpress.ProblemKind(k)
		label := k
		if id, ok := problemNames[kind]; ok {
			label = l.T(id)
		}
		v.Problems = append(v.Problems, problemRow{Label: label, N: r.Problems[kind], Examples: r.Examples[kind]})
	}
	return v
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
