package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/medterm/glossary/tokenize"
)

type tokenizeOptions struct {
	format      string
	encoding    string
	userWords   string // file of extra user words, one a line
	noGlossary  bool
	replace     bool
	max         int64 // --max-size
	files       []string
	readFile    func(string) ([]byte, error) // seam for tests
	warn        io.Writer
	newAnalyzer func(langs map[language.Tag]bool, words map[language.Tag][]string) (*tokenize.Analyzer, error)
}

func newTokenizeCmd(s *streams) *cobra.Command {
	opts := &tokenizeOptions{newAnalyzer: newTokenizeAnalyzer}
	opts.readFile = func(name string) ([]byte, error) { return readText(name, opts.encoding, opts.max) }
	cmd := &cobra.Command{
		Use:   "tokenize [FILE...]",
		Short: "Split text into tokens with language, base form, POS and byte offsets",
		Long: `tokenize reads each FILE (standard input when none, or for "-"), decodes it
(UTF-8, UTF-16 with BOM, Shift_JIS, EUC-JP, GBK/GB18030 or Big5: detected, or
forced with --encoding), splits it into language runs (ja, zh-Hans, zh-Hant,
en for Latin script) and tokenizes each run: Japanese with kagome (IPA
dictionary), Chinese with gse, Latin text by rules that keep MSC, TNF-α,
IL-1β or 1×10^6/kg whole.

The glossary's terms (--glossary, $GLOSSARY_DIR, else the embedded starter
glossary) and the words of --user-words are user words: never split.

Each token shows its surface, normalized form (NFKC, width, lower case), base
form, part of speech, language and byte offsets [start, end) into the decoded
text (after the BOM, before any normalization).

--format tsv prints one token per line with the columns
  surface, norm, base, pos, lang, start, end, user, file
--format json prints [{"file", "encoding", "tokens": [...]}, ...].`,
		Example: `  glossary tokenize article.txt
  echo '間葉系幹細胞(MSC)の投与' | glossary tokenize --format tsv
  glossary tokenize --encoding shift_jis old.txt --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch opts.format {
			case "table", "json", "tsv":
			default:
				return usageErr("tokenize: --format must be table, json or tsv, not %q", opts.format)
			}
			if _, err := tokenize.ParseEncoding(opts.encoding); err != nil {
				return usageErr("%v", err)
			}
			opts.files = args
			opts.warn = s.ErrOut
			opts.max = maxSize(cmd)
			return runTokenize(cmd, s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table, json or tsv")
	cmd.Flags().StringVar(&opts.encoding, "encoding", "auto", "input encoding: auto, utf-8, utf-16le, utf-16be, shift_jis, euc-jp, gbk, gb18030, big5")
	cmd.Flags().StringVar(&opts.userWords, "user-words", "", "file of extra user words, one a line")
	cmd.Flags().BoolVar(&opts.noGlossary, "no-glossary", false, "do not use the glossary's terms as user words")
	cmd.Flags().BoolVar(&opts.replace, "replace-invalid", false, "replace invalid byte sequences with U+FFFD (with a warning) instead of failing")
	return cmd
}

// tokenizedFile is one input's result, also its JSON form.
type tokenizedFile struct {
	File     string      `json:"file"`
	Encoding string      `json:"encoding"`
	Tokens   []jsonToken `json:"tokens"`
}

type jsonToken struct {
	Surface string   `json:"surface"`
	Norm    string   `json:"norm"`
	Base    string   `json:"base"`
	POS     []string `json:"pos"`
	Lang    string   `json:"lang"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	User    bool     `json:"user,omitempty"`
}

func runTokenize(cmd *cobra.Command, s *streams, opts *tokenizeOptions) error {
	files := opts.files
	if len(files) == 0 {
		files = []string{"-"}
	}
	// Pass 1 decodes every input: a bad file fails before any dictionary
	// loads, and only the engines the texts need are loaded. Texts are not
	// kept (standard input excepted, it cannot be read twice), so memory is
	// bounded by the largest input, not by all of them.
	need := map[language.Tag]bool{}
	var stdin []byte
	for _, f := range files {
		_, _, text, err := readDecoded(s, opts, f, &stdin, nil)
		if err != nil {
			return err
		}
		tokenize.EachRun(text, func(r tokenize.Run) error { // chunk by chunk: bounded memory
			need[r.Lang] = true
			return nil
		})
	}
	words, err := userWords(cmd, opts)
	if err != nil {
		return err
	}
	a, err := opts.newAnalyzer(need, words)
	if err != nil {
		return err
	}
	// Pass 2 tokenizes and writes one input at a time.
	w := newTokenWriter(s.Out, opts.format, len(files))
	for _, f := range files {
		name, enc, text, err := readDecoded(s, opts, f, &stdin, s.ErrOut)
		if err != nil {
			return err
		}
		d := &tokenizedFile{File: name, Encoding: enc.String(), Tokens: []jsonToken{}}
		// Written chunk by chunk as the tokens come (a table is aligned
		// chunk by chunk: one table for inputs up to 256 KiB).
		if err := w.begin(d); err != nil {
			return err
		}
		if err := a.Chunks(text, func(toks []tokenize.Token) error {
			d.Tokens = d.Tokens[:0]
			for _, t := range toks {
				d.Tokens = append(d.Tokens, toJSONToken(t))
			}
			return w.tokens(d)
		}); err != nil {
			return err
		}
		if err := w.end(d); err != nil {
			return err
		}
	}
	return w.close()
}

// readDecoded reads and decodes file f ("-": standard input, read once and
// kept in *stdin). Replacement warnings go to warn when it is not nil.
func readDecoded(s *streams, opts *tokenizeOptions, f string, stdin *[]byte, warn io.Writer) (name string, enc tokenize.Encoding, text string, err error) {
	var b []byte
	name = f
	if f == "-" {
		name = "<stdin>"
		if *stdin == nil {
			if *stdin, err = readInputHead("-", s.In, opts.max, binaryHead(opts.encoding)); err != nil {
				return "", 0, "", fmt.Errorf("tokenize: %w", err)
			}
		}
		b = *stdin
	} else if b, err = opts.readFile(f); err != nil {
		return "", 0, "", fmt.Errorf("tokenize: %w", err)
	}
	if opts.replace {
		var n int
		text, enc, n, err = tokenize.DecodeReplacing(b, name, opts.encoding)
		if err == nil && n > 0 && warn != nil {
			fmt.Fprintf(warn, "glossary: warning: %s: %d invalid %s byte sequence(s) replaced with U+FFFD\n", name, n, enc)
		}
	} else {
		text, enc, err = tokenize.Decode(b, name, opts.encoding)
	}
	return name, enc, text, err
}

// userWords collects the user words per language: the glossary's terms
// (ja for Japanese, zh-Hans and zh-Hant for Chinese) and --user-words,
// which go to every language.
func userWords(cmd *cobra.Command, opts *tokenizeOptions) (map[language.Tag][]string, error) {
	words := map[language.Tag][]string{}
	if !opts.noGlossary {
		g, err := loadGlossary(cmd)
		if err != nil && glossaryDir(cmd) != "" {
			return nil, err
		}
		if err != nil { // the embedded glossary: tokenizing does not need it
			fmt.Fprintf(opts.warn, "glossary: warning: %v; tokenizing without glossary user words\n", err)
			return words, nil
		}
		for _, c := range g.Concepts() {
			for tag, ts := range c.Terms {
				for _, t := range ts {
					words[tag] = append(words[tag], t.Text)
				}
			}
		}
	}
	if opts.userWords != "" {
		b, err := opts.readFile(opts.userWords)
		if err != nil {
			return nil, fmt.Errorf("tokenize: %w", err)
		}
		sc := bufio.NewScanner(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
		sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
		n := 1
		for ; sc.Scan(); n++ {
			line := strings.TrimSuffix(sc.Text(), "\r")
			if err := checkTextLine("tokenize", opts.userWords, n, line); err != nil {
				return nil, err
			}
			if w := strings.TrimSpace(line); w != "" {
				for _, tag := range []language.Tag{tokenize.Japanese, tokenize.SimplifiedChinese, tokenize.TraditionalChinese} {
					words[tag] = append(words[tag], w)
				}
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s:%d: tokenize: user words: %w", opts.userWords, n, err)
		}
	}
	return words, nil
}

// tokenWriter writes the tokens of one input at a time in a format.
type tokenWriter struct {
	w      *bufio.Writer
	format string
	files  int    // number of inputs (table output names files when > 1)
	n      int    // inputs written so far
	inFile int    // tokens written of the current input (json)
	tail   string // JSON after the current input's token array
}

func newTokenWriter(w io.Writer, format string, files int) *tokenWriter {
	return &tokenWriter{w: bufio.NewWriter(w), format: format, files: files}
}

func toJSONToken(t tokenize.Token) jsonToken {
	return jsonToken{Surface: t.Surface, Norm: t.Norm, Base: t.Base, POS: t.POS, Lang: t.Lang.String(), Start: t.Start, End: t.End, User: t.User}
}

// begin, tokens and end write one input as its tokens come.
func (tw *tokenWriter) begin(d *tokenizedFile) error {
	tw.tail, tw.inFile = "", 0
	switch tw.format {
	case "tsv":
		return nil
	case "table":
		if tw.files > 1 {
			if tw.n > 0 {
				fmt.Fprintln(tw.w)
			}
			fmt.Fprintf(tw.w, "==> %s (%s) <==\n", d.File, d.Encoding)
		}
		return nil
	}
	sep := "[\n  "
	if tw.n > 0 {
		sep = ",\n  "
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("  ", "  ")
	enc.SetEscapeHTML(false)
	empty := *d
	empty.Tokens = []jsonToken{}
	if err := enc.Encode(&empty); err != nil {
		return err
	}
	head, tail, ok := strings.Cut(strings.TrimSuffix(buf.String(), "\n"), `"tokens": []`)
	if !ok {
		return errors.New("tokenize: unexpected JSON layout")
	}
	tw.tail = tail
	tw.w.WriteString(sep)
	tw.w.WriteString(head)
	tw.w.WriteString(`"tokens": [`)
	return nil
}

func (tw *tokenWriter) tokens(d *tokenizedFile) error {
	if tw.format == "table" {
		return tw.table(d.Tokens)
	}
	if tw.format != "json" {
		for _, t := range d.Tokens {
			fmt.Fprintf(tw.w, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%t\t%s\n", t.Surface, t.Norm, t.Base, strings.Join(t.POS, ","), t.Lang, t.Start, t.End, t.User, d.File)
		}
		return nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("      ", "  ")
	enc.SetEscapeHTML(false)
	for i := range d.Tokens {
		buf.Reset()
		if err := enc.Encode(&d.Tokens[i]); err != nil {
			return err
		}
		if tw.inFile == 0 {
			tw.w.WriteString("\n      ")
		} else {
			tw.w.WriteString(",\n      ")
		}
		tw.w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		tw.inFile++
	}
	return nil
}

// table writes toks as a table aligned on its own, with the header row
// when they are the input's first.
func (tw *tokenWriter) table(toks []jsonToken) error {
	var rows [][]string
	if tw.inFile == 0 {
		rows = append(rows, []string{"SURFACE", "NORM", "BASE", "POS", "LANG", "START", "END", "USER"})
	}
	for _, t := range toks {
		user := ""
		if t.User {
			user = "user"
		}
		rows = append(rows, []string{t.Surface, t.Norm, t.Base, strings.Join(t.POS, ","), t.Lang, fmt.Sprint(t.Start), fmt.Sprint(t.End), user})
	}
	tw.inFile += len(toks)
	if len(rows) == 0 {
		return nil
	}
	return writeTable(tw.w, rows)
}

func (tw *tokenWriter) end(d *tokenizedFile) error {
	defer func() { tw.n++ }()
	if tw.format == "table" && tw.inFile == 0 {
		if err := tw.table(nil); err != nil { // the header of an input without tokens
			return err
		}
	}
	if tw.format == "json" {
		if tw.inFile > 0 {
			tw.w.WriteString("\n    ")
		}
		tw.w.WriteString("]")
		tw.w.WriteString(tw.tail)
	}
	return tw.w.Flush()
}

func (tw *tokenWriter) close() error {
	if tw.format == "json" {
		if tw.n == 0 {
			tw.w.WriteString("[")
		}
		tw.w.WriteString("\n]\n")
	}
	return tw.w.Flush()
}

// readText reads file name whole (at most max bytes: readInput), except
// that with encoding detection a file whose first 64 KiB hold a NUL byte
// without a UTF-16 byte order mark is read no further: decoding will refuse
// it as binary data, and reading on would not end on an endless input
// (/dev/zero).
func readText(name, encoding string, max int64) ([]byte, error) {
	return readInputHead(name, nil, max, binaryHead(encoding))
}
