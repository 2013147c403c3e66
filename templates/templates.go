// Package templates embeds the html/template files of the reader site and the newsroom.
package templates

import "embed"

// FS holds layout.html, partials/*.html and pages/*.html.
//
//go:embed *.html partials/*.html pages/*.html
var FS embed.FS
