package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
)

// runUser is `newsroom user add --email … --role …`: the first admin, or any
// account, from the command line. The password comes from a prompt (no echo)
// or standard input, never a flag, so it stays out of shell history.
func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprintln(stderr, "Usage: newsroom user add --email EMAIL --role admin|editor|reporter|translator [--name NAME] [--lang ko] [--handle AUTHOR]\n\nThe password is read from the terminal, or from standard input when it is not one.")
		return errors.New("user: unknown or missing subcommand (want: add)")
	}
	var email, role, name, uiLang, handle string
	cfg, err := loadConfig("user add", args[1:], stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "email", "", "the account's email address (its login)")
		fs.StringVar(&role, "role", "", "admin, editor, reporter or translator")
		fs.StringVar(&name, "name", "", "display name (defaults to the part of the email before @)")
		fs.StringVar(&uiLang, "lang", "", "newsroom language for this user (ko, en, …)")
		fs.StringVar(&handle, "handle", "", "reporter handle whose bylined stories count as this user's own")
	})
	if err != nil {
		return err
	}
	if email == "" || role == "" {
		return errors.New("user add: --email and --role are required")
	}
	if name == "" {
		name, _, _ = strings.Cut(email, "@")
	}
	password, err := readPassword(stderr)
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogLevel)
	db, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.close()
	u, err := auth.AddUser(ctx, db.store, email, name, store.Role(role), password)
	if err != nil {
		return fmt.Errorf("user add: %w", err)
	}
	if uiLang != "" || handle != "" {
		if _, err := db.store.UpdateUser(ctx, u.ID, store.UserChange{Lang: &uiLang, Handle: &handle}); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "added %s (%s)\n", u.Email, u.Role)
	return nil
}

func readPassword(stderr io.Writer) (string, error) {
	fd := int(os.Stdin.Fd())
	if term.IsTerminal(fd) {
		fmt.Fprint(stderr, "Password: ")
		p1, err := term.ReadPassword(fd)
		fmt.Fprintln(stderr)
		if err != nil {
			return "", err
		}
		fmt.Fprint(stderr, "Again: ")
		p2, err := term.ReadPassword(fd)
		fmt.Fprintln(stderr)
		if err != nil {
			return "", err
		}
		if string(p1) != string(p2) {
			return "", errors.New("user add: the passwords differ")
		}
		return string(p1), nil
	}
	line, err := bufio.NewReader(io.LimitReader(os.Stdin, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("user add: reading the password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
