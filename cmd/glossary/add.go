package main

import (
	"fmt"
	"strings"

	"github.com/medterm/glossary/terms"
	"github.com/spf13/cobra"
	"golang.org/x/text/language"
)

type addOptions struct {
	json     bool
	replace  bool
	force    bool
	id       string
	category string
	status   string
	terms    []string
	abbrs    []string
	variants []string
	defs     []string
	notes    []string
	sources  []string
	external []string
	plural   string
}

func newAddCmd(s *streams) *cobra.Command {
	opts := &addOptions{}
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Add concepts to the glossary (from flags, or JSON on stdin)",
		Long: `add adds a concept to the glossary directory (--glossary DIR or $GLOSSARY_DIR)
and saves it atomically to <category>.yaml.

From flags:

  glossary add --id synovium --category anatomy --status approved \
    --term ja=滑膜 --term zh-Hans=滑膜 --term zh-Hant=滑膜 --term en=synovium \
    --plural synovia --def en="The membrane lining a joint capsule."

The first --term of a language is its preferred term; later ones are admitted
variants. --abbr LANG=TEXT adds an admitted abbreviation.

From stdin (--json): one concept object or an array of them, with the keys of
the file format (YAML is accepted too):

  echo '{"id":"synovium","category":"anatomy","terms":{"ja":["滑膜"],"en":["synovium"]}}' |
    glossary add --json

add refuses an id already in the glossary (unless --replace) and a concept
that would add errors to 'glossary check' (unless --force).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := editableDir(cmd)
			if err != nil {
				return err
			}
			var cs []*terms.Concept
			if opts.json {
				if opts.id != "" || len(opts.terms) > 0 {
					return usageErr("add: give the concept as flags or as --json on stdin, not both")
				}
				src, err := readInput("-", s.In, maxSize(cmd))
				if err != nil {
					return fmt.Errorf("add: %w", err)
				}
				cs, err = terms.ParseConcepts("<stdin>", src)
				if err != nil {
					return err
				}
				if len(cs) == 0 {
					return usageErr("add: no concept on stdin")
				}
			} else {
				c, err := opts.concept()
				if err != nil {
					return err
				}
				cs = []*terms.Concept{c}
			}
			return runAdd(s, dir, cs, opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.json, "json", false, "read concepts (JSON object or array, or YAML) from stdin")
	f.BoolVar(&opts.replace, "replace", false, "replace a concept with the same id")
	f.BoolVar(&opts.force, "force", false, "save even if the concept adds check errors")
	f.StringVar(&opts.id, "id", "", "concept id (ASCII slug)")
	f.StringVar(&opts.category, "category", "", "category (also the file: <category>.yaml)")
	f.StringVar(&opts.status, "status", "candidate", "concept status: candidate or approved")
	f.StringArrayVar(&opts.terms, "term", nil, "LANG=TEXT: a term (the first per language is preferred)")
	f.StringArrayVar(&opts.abbrs, "abbr", nil, "LANG=TEXT: an admitted abbreviation")
	f.StringArrayVar(&opts.variants, "variant", nil, "LANG=TEXT: an admitted variant")
	f.StringArrayVar(&opts.defs, "def", nil, "LANG=TEXT: a definition")
	f.StringArrayVar(&opts.notes, "note", nil, "LANG=TEXT: a note")
	f.StringArrayVar(&opts.sources, "source", nil, "a source (repeatable)")
	f.StringArrayVar(&opts.external, "external", nil, "SCHEME=ID: an external id (mesh, icd10, umls, wikidata)")
	f.StringVar(&opts.plural, "plural", "", "plural of the preferred English term")
	return cmd
}

func splitLang(flag, kv string) (language.Tag, string, error) {
	k, v, ok := strings.Cut(kv, "=")
	if !ok || v == "" {
		return language.Und, "", usageErr("add: --%s %q: want LANG=TEXT", flag, kv)
	}
	t, err := terms.ParseTag(k)
	if err != nil {
		return language.Und, "", usageErr("add: --%s: %v", flag, err)
	}
	return t, v, nil
}

// concept builds the concept the flags describe.
func (o *addOptions) concept() (*terms.Concept, error) {
	if o.id == "" {
		return nil, usageErr("add: --id is required (or use --json)")
	}
	if err := terms.ValidID(o.id); err != nil {
		return nil, usageErr("add: %v", err)
	}
	st, err := terms.ParseConceptStatus(o.status)
	if err != nil {
		return nil, usageErr("add: %v", err)
	}
	c := &terms.Concept{ID: o.id, Category: o.category, Status: st, Sources: o.sources, Terms: map[language.Tag][]terms.Term{}}
	for _, kv := range o.terms {
		t, v, err := splitLang("term", kv)
		if err != nil {
			return nil, err
		}
		term := terms.Term{Text: v}
		if len(c.Terms[t]) > 0 {
			term.Status, term.Type = terms.Admitted, terms.Variant
		}
		c.Terms[t] = append(c.Terms[t], term)
	}
	for _, kv := range o.variants {
		t, v, err := splitLang("variant", kv)
		if err != nil {
			return nil, err
		}
		c.Terms[t] = append(c.Terms[t], terms.Term{Text: v, Status: terms.Admitted, Type: terms.Variant})
	}
	for _, kv := range o.abbrs {
		t, v, err := splitLang("abbr", kv)
		if err != nil {
			return nil, err
		}
		c.Terms[t] = append(c.Terms[t], terms.Term{Text: v, Status: terms.Admitted, Type: terms.Abbreviation})
	}
	if o.plural != "" {
		ts := c.Terms[terms.English]
		if len(ts) == 0 {
			return nil, usageErr("add: --plural needs an English --term")
		}
		ts[0].Plural = o.plural
	}
	for _, f := range []struct {
		name string
		kvs  []string
		m    *map[language.Tag]string
	}{{"def", o.defs, &c.Definitions}, {"note", o.notes, &c.Notes}} {
		for _, kv := range f.kvs {
			t, v, err := splitLang(f.name, kv)
			if err != nil {
				return nil, err
			}
			if *f.m == nil {
				*f.m = map[language.Tag]string{}
			}
			(*f.m)[t] = v
		}
	}
	for _, kv := range o.external {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" || v == "" {
			return nil, usageErr("add: --external %q: want SCHEME=ID", kv)
		}
		if c.External == nil {
			c.External = map[string]string{}
		}
		c.External[k] = v
	}
	return c, nil
}

func runAdd(s *streams, dir string, cs []*terms.Concept, opts *addOptions) error {
	g, err := terms.Load(dir)
	if err != nil {
		return err
	}
	before := g.Check()
	for _, c := range cs {
		if _, exists := g.Concept(c.ID); exists {
			if !opts.replace {
				return fmt.Errorf("add: concept %q already exists (use --replace, or set-status to change it)", c.ID)
			}
			if err := g.Replace(c); err != nil {
				return err
			}
			continue
		}
		if err := g.Add(c); err != nil {
			return fmt.Errorf("add: %w", err)
		}
	}
	if err := saveChecked(s, g, dir, before, opts.force); err != nil {
		return err
	}
	for _, c := range cs {
		file, _ := g.File(c.ID)
		fmt.Fprintf(s.Out, "added %s to %s\n", c.ID, file)
	}
	return nil
}

// saveChecked saves g to dir unless the edit introduced check errors (and
// force is off); it prints the new findings either way.
func saveChecked(s *streams, g *terms.Glossary, dir string, before []terms.Diagnostic, force bool) error {
	if err := checkEdit(s, g, before, force); err != nil {
		return err
	}
	return saveGlossary(s, g, dir)
}

// saveGlossary saves g to dir and notes on stderr a stale lock file the
// save removed (left by a glossary command that crashed on this host).
func saveGlossary(s *streams, g *terms.Glossary, dir string) error {
	err := g.Save(dir)
	noteBrokenLock(s, g)
	return err
}

func noteBrokenLock(s *streams, g *terms.Glossary) {
	if b := g.BrokenLock(); b != nil {
		fmt.Fprintf(s.ErrOut, "glossary: removed the stale lock file %s\n", b)
	}
}

// checkEdit prints to stderr the check findings of g that were not in
// before (the findings before an edit in memory), in the form `glossary
// check` prints them, and refuses an edit that added errors unless force.
func checkEdit(s *streams, g *terms.Glossary, before []terms.Diagnostic, force bool) error {
	key := func(d terms.Diagnostic) string { return d.Rule + "\x00" + d.Concept + "\x00" + d.Message }
	old := map[string]bool{}
	for _, d := range before {
		old[key(d)] = true
	}
	newErrs := 0
	for _, d := range g.Check() {
		if old[key(d)] {
			continue
		}
		fmt.Fprintln(s.ErrOut, d)
		if d.Severity == terms.Error {
			newErrs++
		}
	}
	if newErrs > 0 && !force {
		return fmt.Errorf("%d new check errors; nothing saved (fix them, or use --force)", newErrs)
	}
	return nil
}
