package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/medterm/glossary/locales"
	"github.com/medterm/glossary/terms"
	"github.com/medterm/glossary/terms/qa"
	"github.com/medterm/glossary/tokenize"
)

type qaOptions struct {
	from, to string
	by       string
	format   string
	encoding string
	minChars int
	skip     []string
	max      int64 // --max-size
}

func newQACmd(s *streams) *cobra.Command {
	opts := &qaOptions{}
	cmd := &cobra.Command{
		Use:   "qa [--from LANG --to LANG] SOURCE TARGET | XLIFF | TMX | TABLE.csv",
		Short: "Check a translation against the glossary: missing equivalents, terms to avoid",
		Long: `qa checks the terminology of a translation (TARGET, in language --to) of a
text (SOURCE, in language --from) against the glossary, line by line (each
line of TARGET translates the same line of SOURCE; --by file compares the
whole texts; --by message pairs the messages of two go-i18n message files
by id, their languages from the file names as go-i18n reads them), or the
rows of one bilingual table (.csv or .tsv, a header naming the language of
each text column; --from and --to required), or the segments of one XLIFF file (1.2 or 2.x, as CAT tools
export them; its languages unless --from and --to are given) or the units
of one TMX translation memory (--from and --to required; ja matches ja-JP,
zh-Hans zh-CN). Segments with no translation are not checked:

  missing  the source line names an approved concept, and the target line
           has none of its preferred or admitted terms in the target
           language (reported at the source term);
  avoid    the target line uses a deprecated or forbidden term (reported at
           the target term, with the terms to use).

Terms match in any width, case, separator, Han script or kana, English
plurals included. Candidate concepts, concepts with no term in the target
language, concepts of the categories --skip-category names (common: the
general words of the starter glossary, cell or treatment), and source terms
shorter than --min-chars characters (default 2: one-character terms such as
薬 sit mostly inside longer words) are not checked. The exit status is 1
when there are findings, as for check.

--format tsv prints: file, line (the message id with --by message), kind,
concept, text, terms to use (|-separated)
--format json prints JSON Lines: {"file", "line" or "message", "kind",
"concept", "text", "use"}`,
		Example: `  glossary qa --from ja --to en article.ja.txt article.en.txt
  glossary qa project.ja-en.xlf
  glossary qa --from ja --to zh-Hans memory.tmx
  glossary qa --from ja --to en segments.csv
  glossary qa --by message locales/active.ja.toml locales/active.en.toml
  glossary qa --from ja --to zh-Hant --by file notice.ja.md notice.zh-Hant.md --format tsv`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch opts.format {
			case "table", "json", "tsv":
			default:
				return usageErr("qa: --format must be table, json or tsv, not %q", opts.format)
			}
			if opts.by != "line" && opts.by != "file" && opts.by != "message" {
				return usageErr("qa: --by must be line, file or message, not %q", opts.by)
			}
			if _, err := tokenize.ParseEncoding(opts.encoding); err != nil {
				return usageErr("qa: %v", err)
			}
			if opts.minChars < 0 {
				return usageErr("qa: --min-chars must not be negative, not %d", opts.minChars)
			}
			opts.max = maxSize(cmd)
			return runQA(cmd, s, opts, args)
		},
	}
	cmd.Flags().StringVar(&opts.from, "from", "", "language of SOURCE (ja, zh-Hans, zh-Hant, en)")
	cmd.Flags().StringVar(&opts.to, "to", "", "language of TARGET")
	cmd.Flags().StringVar(&opts.by, "by", "line", "segments: line (line N of TARGET translates line N of SOURCE), file, or message (go-i18n message files, by id)")
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table, json or tsv")
	cmd.Flags().StringSliceVar(&opts.skip, "skip-category", nil, "leave out the concepts of these categories (e.g. common)")
	cmd.Flags().IntVar(&opts.minChars, "min-chars", 2, "skip source terms shorter than this many characters (1: check all)")
	cmd.Flags().StringVar(&opts.encoding, "encoding", "auto", "input encoding: auto, utf-8, utf-16le, utf-16be, shift_jis, euc-jp, gbk, gb18030, big5")
	return cmd
}

// qaFinding is one output line.
type qaFinding struct {
	File    string   `json:"file"`
	Line    int      `json:"line,omitempty"`
	Message string   `json:"message,omitempty"` // --by message
	Kind    string   `json:"kind"`
	Concept string   `json:"concept"`
	Text    string   `json:"text"`
	Use     []string `json:"use"`
}

// qaSegment is one segment pair, with where its texts start: each text's
// file and the line of its first character.
type qaSegment struct {
	id               string // the message id (--by message)
	src, tgt         string
	srcFile, tgtFile string
	srcLine, tgtLine int
}

func runQA(cmd *cobra.Command, s *streams, opts *qaOptions, args []string) error {
	var from, to language.Tag
	var err error
	if opts.from != "" {
		if from, err = terms.ParseTag(opts.from); err != nil {
			return usageErr("qa: --from: %v", err)
		}
	}
	if opts.to != "" {
		if to, err = terms.ParseTag(opts.to); err != nil {
			return usageErr("qa: --to: %v", err)
		}
	}
	if opts.from != "" && from == to {
		return usageErr("qa: --from and --to are both %s", from)
	}
	if len(args) == 2 && opts.by != "message" && (opts.from == "" || opts.to == "") {
		return usageErr("qa: --from and --to are required with SOURCE and TARGET (ja, zh-Hans, zh-Hant, en)")
	}
	if len(args) == 2 && args[0] == "-" && args[1] == "-" {
		return usageErr("qa: SOURCE and TARGET cannot both be standard input")
	}
	if err := checkSizes(args, opts.max); err != nil {
		return fmt.Errorf("qa: %w", err)
	}
	var segs []qaSegment
	untranslated := 0
	switch {
	case len(args) == 1:
		if opts.by == "message" {
			return usageErr("qa: --by message compares two message files (SOURCE and TARGET)")
		}
		if ext := strings.ToLower(filepath.Ext(args[0])); ext == ".csv" || ext == ".tsv" {
			segs, untranslated, err = qaTable(s, opts, args[0], from, to)
		} else {
			segs, untranslated, err = qaXLIFF(s, opts, args[0], &from, &to)
		}
	case opts.by == "message":
		segs, untranslated, err = qaMessages(s, opts, args[0], args[1], &from, &to)
	default:
		segs, err = qaTexts(s, opts, args[0], args[1])
	}
	if err != nil {
		return err
	}
	g, err := loadGlossary(cmd)
	if err != nil {
		return err
	}
	c, err := qa.New(terms.NewIndex(g), from, to, qa.MinChars(opts.minChars), qa.SkipCategories(opts.skip...))
	if err != nil {
		return usageErr("%v", err)
	}
	// Findings stream out as JSON Lines or TSV; a table is aligned at the
	// end, so it holds them.
	w := bufio.NewWriter(s.Out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	t := newTable(w)
	nMissing, nAvoid := 0, 0
	for i, sg := range segs {
		for _, f := range c.Check(i, sg.src, sg.tgt) {
			out := qaFinding{Kind: f.Kind.String(), Concept: f.Concept.ID, Use: f.Want}
			if out.Use == nil {
				out.Use = []string{}
			}
			if f.Kind == qa.Missing {
				nMissing++
				out.File, out.Text, out.Line = sg.srcFile, f.Source.Text, sg.srcLine+strings.Count(sg.src[:f.Source.Start], "\n")
			} else {
				nAvoid++
				out.File, out.Text, out.Line = sg.tgtFile, f.Target.Text, sg.tgtLine+strings.Count(sg.tgt[:f.Target.Start], "\n")
			}
			where := fmt.Sprintf("%s:%d", out.File, out.Line)
			if sg.id != "" {
				out.Line, out.Message = 0, sg.id
				where = out.File + "#" + sg.id
			}
			switch opts.format {
			case "json":
				if err := enc.Encode(out); err != nil {
					return err
				}
			case "tsv":
				at := strconv.Itoa(out.Line)
				if sg.id != "" {
					at = clean.Replace(sg.id)
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", out.File, at, out.Kind, out.Concept, clean.Replace(out.Text), clean.Replace(strings.Join(out.Use, "|")))
			default:
				if nMissing+nAvoid == 1 {
					fmt.Fprintln(t, "WHERE\tKIND\tCONCEPT\tTEXT\tUSE")
				}
				fmt.Fprintf(t, "%s\t%s\t%s\t%s\t%s\n", clean.Replace(where), out.Kind, out.Concept, clean.Replace(out.Text), strings.Join(out.Use, ", "))
			}
		}
	}
	if opts.format == "table" {
		if err := t.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(s.ErrOut, "%d missing, %d to avoid in %d segments", nMissing, nAvoid, len(segs))
		if untranslated > 0 {
			fmt.Fprintf(s.ErrOut, " (%d untranslated, not checked)", untranslated)
		}
		fmt.Fprintln(s.ErrOut)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if nMissing+nAvoid > 0 {
		return silentExit(1)
	}
	return nil
}

// qaTexts reads a source and a target text and pairs their segments.
func qaTexts(s *streams, opts *qaOptions, srcName, tgtName string) ([]qaSegment, error) {
	read := func(name string) (string, error) {
		text, err := readInputText(name, s.In, opts.max, opts.encoding)
		if err != nil {
			return "", fmt.Errorf("qa: %w", err)
		}
		return text, nil
	}
	src, err := read(srcName)
	if err != nil {
		return nil, err
	}
	tgt, err := read(tgtName)
	if err != nil {
		return nil, err
	}
	srcName, tgtName = inputName(srcName), inputName(tgtName)
	if opts.by == "file" {
		return []qaSegment{{src: src, tgt: tgt, srcFile: srcName, tgtFile: tgtName, srcLine: 1, tgtLine: 1}}, nil
	}
	srcLines, tgtLines := qaLines(src), qaLines(tgt)
	if len(srcLines) != len(tgtLines) {
		return nil, fmt.Errorf("qa: %s has %d lines and %s %d: with --by line, line N of the target translates line N of the source (or use --by file)",
			srcName, len(srcLines), tgtName, len(tgtLines))
	}
	segs := make([]qaSegment, len(srcLines))
	for i := range srcLines {
		segs[i] = qaSegment{src: srcLines[i], tgt: tgtLines[i], srcFile: srcName, tgtFile: tgtName, srcLine: i + 1, tgtLine: i + 1}
	}
	return segs, nil
}

// qaXLIFF reads the segments of an XLIFF file (or of a TMX file, see
// qaTMX); from and to, when unset, are taken from it. It returns how many
// segments have no translation (they are left out).
func qaXLIFF(s *streams, opts *qaOptions, name string, from, to *language.Tag) ([]qaSegment, int, error) {
	b, err := readInputHead(name, s.In, opts.max, binaryHead("auto"))
	if err != nil {
		return nil, 0, fmt.Errorf("qa: %w", err)
	}
	name = inputName(name)
	x, err := locales.ReadXLIFF(bytes.NewReader(b), name)
	if errors.Is(err, locales.ErrNotXLIFF) {
		return qaTMX(name, b, *from, *to)
	}
	if err != nil {
		return nil, 0, err
	}
	if *from == language.Und {
		*from = x.SourceLang
	}
	if *to == language.Und {
		*to = x.TargetLang
	}
	if *from == language.Und || *to == language.Und {
		return nil, 0, usageErr("qa: %s declares no source or target language: give --from and --to", name)
	}
	var segs []qaSegment
	untranslated := 0
	for _, sg := range x.Segments {
		if strings.TrimSpace(sg.Target) == "" {
			untranslated++
			continue
		}
		segs = append(segs, qaSegment{src: sg.Source, tgt: sg.Target, srcFile: name, tgtFile: name, srcLine: sg.SourceLine, tgtLine: sg.TargetLine})
	}
	return segs, untranslated, nil
}

// qaLines splits a text into lines (a final line break ends the last
// line; a carriage return before it is dropped).
func qaLines(text string) []string {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// qaTMX reads the units of a TMX file that have a text in language from
// and pairs it with their text in language to; it returns how many have
// none in to. A unit's language matches when x/text's matcher is at least
// highly confident (ja-JP for ja, zh-CN for zh-Hans).
func qaTMX(name string, b []byte, from, to language.Tag) ([]qaSegment, int, error) {
	units, err := locales.ReadTMX(bytes.NewReader(b), name)
	if errors.Is(err, locales.ErrNotTMX) {
		return nil, 0, usageErr("qa: %s is neither an XLIFF nor a TMX file: give SOURCE and TARGET (with --from and --to), or one XLIFF or TMX file", name)
	}
	if err != nil {
		return nil, 0, err
	}
	if from == language.Und || to == language.Und {
		return nil, 0, usageErr("qa: %s is a translation memory: give --from and --to", name)
	}
	var segs []qaSegment
	untranslated := 0
	for _, u := range units {
		tags := make([]language.Tag, 0, len(u.Texts))
		for t := range u.Texts {
			tags = append(tags, t)
		}
		slices.SortFunc(tags, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
		i, ok := pickLang(tags, from)
		if !ok {
			continue
		}
		src := tags[i]
		j, ok := pickLang(tags, to)
		tgt := tags[j]
		if !ok || strings.TrimSpace(u.Texts[tgt]) == "" {
			untranslated++
			continue
		}
		segs = append(segs, qaSegment{src: u.Texts[src], tgt: u.Texts[tgt], srcFile: name, tgtFile: name, srcLine: u.Lines[src], tgtLine: u.Lines[tgt]})
	}
	return segs, untranslated, nil
}

// qaMessages pairs the messages of two go-i18n message files by id (the
// one and other forms together); from and to, when unset, are the files'
// languages. It returns how many source messages the target lacks.
func qaMessages(s *streams, opts *qaOptions, srcName, tgtName string, from, to *language.Tag) ([]qaSegment, int, error) {
	read := func(name string, lang *language.Tag) (map[string]string, []string, error) {
		b, err := readInputHead(name, s.In, opts.max, nil)
		if err != nil {
			return nil, nil, fmt.Errorf("qa: %w", err)
		}
		tag, ms, err := locales.ReadMessageFile(name, b)
		if err != nil {
			return nil, nil, err
		}
		if *lang == language.Und {
			*lang = tag
		}
		texts, ids := make(map[string]string, len(ms)), make([]string, 0, len(ms))
		for _, m := range ms {
			texts[m.ID] = strings.TrimSpace(m.One + "\n" + m.Other)
			ids = append(ids, m.ID)
		}
		return texts, ids, nil
	}
	src, ids, err := read(srcName, from)
	if err != nil {
		return nil, 0, err
	}
	tgt, _, err := read(tgtName, to)
	if err != nil {
		return nil, 0, err
	}
	if *from == *to {
		return nil, 0, usageErr("qa: %s and %s are both %s", srcName, tgtName, *from)
	}
	var segs []qaSegment
	untranslated := 0
	for _, id := range ids {
		t, ok := tgt[id]
		if !ok || t == "" {
			untranslated++
			continue
		}
		segs = append(segs, qaSegment{id: id, src: src[id], tgt: t, srcFile: srcName, tgtFile: tgtName, srcLine: 1, tgtLine: 1})
	}
	return segs, untranslated, nil
}

// pickLang returns the index of the tag of tags that x/text's matcher
// takes for want, when it is at least highly confident (ja-JP for ja,
// zh-CN for zh-Hans).
func pickLang(tags []language.Tag, want language.Tag) (int, bool) {
	if len(tags) == 0 {
		return 0, false
	}
	_, i, conf := language.NewMatcher(tags).Match(want)
	return i, conf >= language.High
}

// qaTable reads a bilingual table (CSV, or TSV for a .tsv name) whose
// header names the language of its text columns, and pairs the columns
// of from and to, which must be given.
func qaTable(s *streams, opts *qaOptions, name string, from, to language.Tag) ([]qaSegment, int, error) {
	if from == language.Und || to == language.Und {
		return nil, 0, usageErr("qa: %s is a bilingual table: give --from and --to", name)
	}
	text, err := readInputText(name, s.In, opts.max, opts.encoding)
	if err != nil {
		return nil, 0, fmt.Errorf("qa: %w", err)
	}
	comma := ','
	if strings.EqualFold(filepath.Ext(name), ".tsv") {
		comma = '\t'
	}
	header, rows, err := locales.ReadBilingual(strings.NewReader(text), name, comma)
	if err != nil {
		return nil, 0, err
	}
	var tags []language.Tag
	var cols []int
	for i, h := range header {
		if t, err := language.Parse(h); err == nil {
			tags, cols = append(tags, t), append(cols, i)
		}
	}
	si, ok := pickLang(tags, from)
	ti, ok2 := pickLang(tags, to)
	if !ok || !ok2 || si == ti {
		return nil, 0, fmt.Errorf("qa: %s:1: the header %q has no column for %s and one for %s", name, header, from, to)
	}
	sc, tc := cols[si], cols[ti]
	var segs []qaSegment
	untranslated := 0
	for _, r := range rows {
		cell := func(i int) string {
			if i < len(r.Cells) {
				return r.Cells[i]
			}
			return ""
		}
		src, tgt := cell(sc), cell(tc)
		switch {
		case strings.TrimSpace(src) == "":
		case strings.TrimSpace(tgt) == "":
			untranslated++
		default:
			segs = append(segs, qaSegment{src: src, tgt: tgt, srcFile: name, tgtFile: name, srcLine: r.Line, tgtLine: r.Line})
		}
	}
	return segs, untranslated, nil
}
