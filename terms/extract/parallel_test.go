package extract

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestAddAllIndependentOfWorkers(t *testing.T) {
	tok := fixtureTok{[]string{"滑膜/名詞,一般", "細胞/名詞,一般", "。/記号", "軟骨/名詞,一般", "細胞/名詞,一般", "。/記号"}}
	e, _ := New(tok)
	var srcs []Source
	for i := range 9 {
		// Sizes out of input order, so the largest-first schedule differs
		// from the order the documents must be added in.
		text := strings.Repeat("滑膜細胞。軟骨細胞。", 1+(i*5)%7)
		srcs = append(srcs, Source{Name: fmt.Sprint("doc", i), Size: int64(len(text)), Text: func() (string, error) { return text, nil }})
	}
	one := e.NewCollection()
	if err := one.AddAll(srcs, 1, nil); err != nil {
		t.Fatal(err)
	}
	want := one.Candidates()
	if len(want) == 0 || len(want[0].Files) != len(srcs) {
		t.Fatalf("one worker: %+v", want)
	}
	for _, w := range []int{0, 2, 4, 20} {
		c := e.NewCollection()
		n := 0
		if err := c.AddAll(srcs, w, func(k int) { n = k }); err != nil {
			t.Fatal(err)
		}
		if n != len(srcs) {
			t.Errorf("workers=%d: done saw %d documents; want %d", w, n, len(srcs))
		}
		if got := c.Candidates(); !reflect.DeepEqual(got, want) {
			t.Errorf("workers=%d: candidates differ from one worker's:\n%+v\n%+v", w, got, want)
		}
		for i, d := range c.Documents() {
			if d.Name != srcs[i].Name {
				t.Errorf("workers=%d: document %d is %s; want %s", w, i, d.Name, srcs[i].Name)
			}
		}
	}
}

func TestAddAllErrors(t *testing.T) {
	e, _ := New(fixtureTok{[]string{"軟骨/名詞,一般"}})
	errA, errB := errors.New("a: unreadable"), errors.New("c: unreadable")
	srcs := []Source{
		{Name: "a", Text: func() (string, error) { return "", errA }},
		{Name: "b", Text: func() (string, error) { return "軟骨", nil }},
		{Name: "c", Text: func() (string, error) { return "", errB }},
	}
	c := e.NewCollection()
	if err := c.AddAll(srcs, 2, nil); err != errA {
		t.Errorf("AddAll = %v; want the first source's error %v", err, errA)
	}
	if len(c.Documents()) != 1 || c.Documents()[0].Name != "b" {
		t.Errorf("documents = %v; want only b", c.Documents())
	}
	if err := e.NewCollection().AddAll(nil, 0, nil); err != nil {
		t.Errorf("AddAll(nil) = %v", err)
	}
}
