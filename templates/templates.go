// Package templates embeds the html/template files of the reader site and the newsroom.
package templates

import "embed"

// FS holds layout.html, partials/*.html and pages/*.html.
//
//go:embed *.html partials/*.html pages/*.html
var FS embed.FS

// AdminFS holds the newsroom's templates and static files under admin/:
// admin/layout.html, admin/partials/*.html, admin/pages/*.html, admin/static/*.
//
//go:embed admin
var AdminFS embed.FS

// PhotosFS holds the media library's newsroom pages under photos/:
// photos/layout.html, photos/pages/*.html, photos/static/*.
//
//go:embed photos
var PhotosFS embed.FS
