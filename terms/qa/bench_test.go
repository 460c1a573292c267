package qa

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/medterm/glossary/terms"
)

// BenchmarkCheckStarter checks 200 segment pairs (our own sentences)
// against the embedded starter glossary; the bytes are the source's and
// the target's.
func BenchmarkCheckStarter(b *testing.B) {
	g, err := terms.Default()
	if err != nil {
		b.Fatal(err)
	}
	c, err := New(terms.NewIndex(g), language.Japanese, language.English)
	if err != nil {
		b.Fatal(err)
	}
	pairs := [][2]string{
		{"関節リウマチの患者に臍帯由来間葉系幹細胞を静脈内投与し、DAS28とCRPの推移を追った。", "Umbilical cord-derived MSCs were given intravenously to patients with RA, and DAS28 and CRP were followed."},
		{"滑膜炎と骨びらんの進行は、抗CCP抗体陽性の群で速かった。", "Synovitis and bone erosion progressed faster in the anti-CCP antibody positive group."},
		{"全身性エリテマトーデスでは、ループス腎炎と血球減少が重い合併症となる。", "In systemic lupus erythematosus, lupus nephritis and cytopenia are serious complications."},
		{"TNF-α阻害薬とメトトレキサートの併用で、寛解率が上がった。", "Combining a TNF inhibitor with methotrexate raised the remission rate."},
	}
	var src, tgt []string
	n := 0
	for i := range 200 {
		p := pairs[i%len(pairs)]
		src, tgt = append(src, p[0]), append(tgt, p[1])
		n += len(p[0]) + len(p[1])
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for i := range src {
			c.Check(i, src[i], tgt[i])
		}
	}
}
