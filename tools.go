//go:build tools

// This file pins modules that packages under construction will import, so
// that `go mod tidy` run by one change does not drop another's dependency.
package tools

import (
	_ "github.com/FerretDB/FerretDB/ferretdb"
	_ "github.com/blevesearch/bleve/v2"
	_ "github.com/chromedp/chromedp"
	_ "github.com/gen2brain/webp"
	_ "github.com/gin-gonic/gin"
	_ "github.com/microcosm-cc/bluemonday"
	_ "github.com/nicksnyder/go-i18n/v2/i18n"
	_ "github.com/yuin/goldmark"
	_ "go.mongodb.org/mongo-driver/v2/mongo"
	_ "golang.org/x/crypto/argon2"
	_ "golang.org/x/image/draw"
	_ "golang.org/x/text/language"
	_ "github.com/BurntSushi/toml"
)
