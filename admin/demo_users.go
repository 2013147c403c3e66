package admin

import (
	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
)

// DemoPassword is the password of every demo account. The demo edition is
// for trying the newsroom on one's own machine; never use it on a public site.
const DemoPassword = "newsroom-demo"

// DemoUsers returns one demo account per role. The reporter is linked to a
// demo edition reporter (jhpark) so their bylined stories count as their own.
func DemoUsers() []auth.NewUser {
	return []auth.NewUser{
		{Email: "admin@demo.newsroom", Name: "관리자 Admin", Role: store.RoleAdmin, Lang: "ko", Password: DemoPassword},
		{Email: "editor@demo.newsroom", Name: "편집자 Editor", Role: store.RoleEditor, Lang: "ko", Password: DemoPassword},
		{Email: "reporter@demo.newsroom", Name: "박지현", Role: store.RoleReporter, Lang: "ko", Handle: "jhpark", Password: DemoPassword},
		{Email: "translator@demo.newsroom", Name: "Translator", Role: store.RoleTranslator, Lang: "en", Password: DemoPassword},
	}
}
