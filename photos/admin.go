package photos

func (l *Library) parsePages() error { return nil }

type asset struct{}
