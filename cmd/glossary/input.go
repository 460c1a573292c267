package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/medterm/glossary/tokenize"
)

// defaultMaxSize is the default of the root flag --max-size.
const defaultMaxSize = 256 << 20

// byteSize is the value of --max-size: a number of bytes, written plain
// (1048576) or with a unit: B, KB/MB/GB/TB (powers of 1000), KiB/MiB/GiB/TiB
// or K/M/G/T (powers of 1024). 0 means no limit.
type byteSize int64

func (b *byteSize) String() string { return formatSize(int64(*b), "") }
func (b *byteSize) Type() string   { return "size" }

func (b *byteSize) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*b = byteSize(n)
	return nil
}

var sizeUnits = map[string]float64{
	"": 1, "b": 1,
	"k": 1 << 10, "kib": 1 << 10, "kb": 1e3,
	"m": 1 << 20, "mib": 1 << 20, "mb": 1e6,
	"g": 1 << 30, "gib": 1 << 30, "gb": 1e9,
	"t": 1 << 40, "tib": 1 << 40, "tb": 1e12,
}

// parseSize parses a byte count with an optional unit (see byteSize).
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if i < 0 {
		i = len(t)
	}
	num, unit := t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	mult, ok := sizeUnits[unit]
	if num == "" || !ok {
		return 0, fmt.Errorf("bad size %q (want bytes, e.g. 1048576, 64MiB or 512MB; 0: no limit)", s)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(f) {
		return 0, fmt.Errorf("bad size %q (want bytes, e.g. 1048576, 64MiB or 512MB; 0: no limit)", s)
	}
	v := math.Round(f * mult)
	if v >= math.MaxInt64 {
		return 0, fmt.Errorf("size %q is too large", s)
	}
	return int64(v), nil
}

// formatSize writes n bytes in the largest binary unit dividing it
// (256 MiB, 1.5 KiB is written 1536 B); sep goes between number and unit.
func formatSize(n int64, sep string) string {
	for _, u := range []struct {
		name string
		size int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.size && n%u.size == 0 {
			return fmt.Sprint(n/u.size) + sep + u.name
		}
	}
	return fmt.Sprint(n) + sep + "B"
}

// addMaxSizeFlag declares the root persistent flag --max-size.
func addMaxSizeFlag(root *cobra.Command) {
	v := byteSize(defaultMaxSize)
	root.PersistentFlags().Var(&v, "max-size", "refuse an input file or standard input larger than this (bytes; units KiB, MiB, GiB or KB, MB, GB; 0: no limit)")
}

// maxSize returns the --max-size in effect for cmd (0: no limit).
func maxSize(cmd *cobra.Command) int64 {
	if f := cmd.Flag("max-size"); f != nil {
		if b, ok := f.Value.(*byteSize); ok {
			return int64(*b)
		}
	}
	return defaultMaxSize
}

// tooLargeError is an input over --max-size.
type tooLargeError struct {
	Name string
	Max  int64
}

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("%s: input is larger than --max-size (%s); raise it with --max-size", e.Name, formatSize(e.Max, " "))
}

// readInput reads the document or list name whole: a file, or stdin when
// name is "-". It refuses an input of more than max bytes (0: no limit)
// with a *tooLargeError: a regular file by its size before reading, a pipe,
// device or standard input by reading at most max+1 bytes, so an endless
// input stops at the cap.
func readInput(name string, stdin io.Reader, max int64) ([]byte, error) {
	return readInputHead(name, stdin, max, nil)
}

// readInputText reads an input as readInputHead does for decoding (binary data
// stops early) and decodes it with tokenize.Decode (encoding: "auto" or a
// name); standard input is named <stdin> in errors.
func readInputText(name string, stdin io.Reader, max int64, encoding string) (string, error) {
	b, err := readInputHead(name, stdin, max, binaryHead(encoding))
	if err != nil {
		return "", err
	}
	text, _, err := tokenize.Decode(b, inputName(name), encoding)
	return text, err
}

// inputName is the name of an input in messages: <stdin> for "-".
func inputName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}

// readInputHead is readInput, except that when stop reports true for the
// first 64 KiB of a longer input, that head is returned alone: the caller
// will refuse it anyway (binary data) and reading on might not end.
func readInputHead(name string, stdin io.Reader, max int64, stop func(head []byte) bool) ([]byte, error) {
	r, label := stdin, "<stdin>"
	if name != "-" {
		label = name
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, err
		}
		if st.IsDir() {
			return nil, fmt.Errorf("read %s: is a directory", name)
		}
		if max > 0 && st.Mode().IsRegular() && st.Size() > max {
			return nil, &tooLargeError{Name: label, Max: max}
		}
		r = f
	}
	if r == nil {
		return nil, errors.New("no standard input")
	}
	if max > 0 {
		r = io.LimitReader(r, max+1)
	}
	var buf bytes.Buffer
	if stop != nil {
		head := make([]byte, 64<<10)
		n, err := io.ReadFull(r, head)
		buf.Write(head[:n])
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return checkCap(buf.Bytes(), label, max)
		}
		if err != nil {
			return nil, err
		}
		if stop(head) {
			return head, nil
		}
	}
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, err
	}
	return checkCap(buf.Bytes(), label, max)
}

func checkCap(b []byte, label string, max int64) ([]byte, error) {
	if max > 0 && int64(len(b)) > max {
		return nil, &tooLargeError{Name: label, Max: max}
	}
	return b, nil
}

// binaryHead returns the stop function of readInputHead for decoding with
// encoding: with detection, a head holding a NUL byte without a UTF-16 byte
// order mark is binary data (tokenize.Decode refuses it).
func binaryHead(encoding string) func([]byte) bool {
	if enc, _ := tokenize.ParseEncoding(encoding); enc != tokenize.Auto {
		return nil
	}
	return func(head []byte) bool {
		return bytes.IndexByte(head, 0) >= 0 &&
			!bytes.HasPrefix(head, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(head, []byte{0xFE, 0xFF})
	}
}

// checkSizes refuses, before any work, the regular files among names that
// are over max bytes ("-" and non-files are checked as they are read).
func checkSizes(names []string, max int64) error {
	if max <= 0 {
		return nil
	}
	for _, n := range names {
		if n == "-" {
			continue
		}
		if st, err := os.Stat(n); err == nil && st.Mode().IsRegular() && st.Size() > max {
			return &tooLargeError{Name: n, Max: max}
		}
	}
	return nil
}
