package redirect

import (
	"net/url"
	"path"
	"regexp"
	"strings"
)

var reSizeSuffix = regexp.MustCompile(`-(?:\d{1,5}x\d{1,5}|scaled|rotated|e\d{10,13})(\.[A-Za-z0-9]{2,5})$`)

// UploadKey makes the address of a WordPress upload comparable across the
// sizes WordPress made of it: the path under wp-content/uploads,
// percent-decoded, lower case, without "-300x200", "-scaled" or an edit's
// suffix. It is "" for an address outside wp-content/uploads.
func UploadKey(u string) string {
	i := strings.Index(u, "/wp-content/uploads/")
	if i < 0 {
		return ""
	}
	rest := u[i+len("/wp-content/uploads/"):]
	if q := strings.IndexAny(rest, "?#"); q >= 0 {
		rest = rest[:q]
	}
	if d, err := url.PathUnescape(rest); err == nil {
		rest = d
	}
	rest = path.Clean("/" + rest)[1:]
	for {
		s := reSizeSuffix.ReplaceAllString(rest, "$1")
		if s == rest {
			return strings.ToLower(s)
		}
		rest = s
	}
}

// UploadPrefix marks the keys of uploads in the table.
const UploadPrefix = "uploads:"
