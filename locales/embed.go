// Package locales embeds the message files of every user-facing string.
//
// Files are named <area>.<lang>.toml (go-i18n reads the language from the
// name); message IDs are dotted, area first: format.datetime, page.article.updated.
// Every ID must exist in every language and be used somewhere in the code or
// templates; locales_test.go checks both for the whole repository.
package locales

import "embed"

// FS holds every *.toml message file of this directory.
//
//go:embed *.toml
var FS embed.FS
