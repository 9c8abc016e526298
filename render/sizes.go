package render

// Text sizes, in CSS pixels. Nothing on the canvas is smaller than textMin, whatever the
// screen: a screen too small for everything shows less (layout.go), never smaller text.
const (
	textMin   = 11 // labels, ticks, legends, values
	textBody  = 12 // the status line, tooltips
	textTitle = 13 // card titles and tabs
)

// Neuron sizes, in CSS pixels (radii). A neuron is at least 12 CSS px across; a value is
// written inside it only when it fits at textMin.
const (
	neuronMaxR   = 22
	neuronMinR   = 6
	neuronValueR = 14
)

// titleStyle is the style of card titles and tabs at u device pixels per CSS pixel.
func titleStyle(u float32) textStyle { return textStyle{&fontMedium, textTitle * u} }

// smallStyle is the style of labels, ticks and legends.
func smallStyle(u float32) textStyle { return textStyle{&fontRegular, textMin * u} }

// bodyStyle is the style of the status line and tooltips; bodyBold its figures.
func bodyStyle(u float32) textStyle { return textStyle{&fontRegular, textBody * u} }
func bodyBold(u float32) textStyle  { return textStyle{&fontMedium, textBody * u} }

// advanceWidth returns the width of s in st, in device pixels, without an atlas: for layout.
func advanceWidth(st textStyle, s string) float32 {
	f := st.face
	k := st.size / float32(f.unitsPerEm)
	var w float32
	for _, r := range s {
		w += float32(f.advances[glyphIndex(r)]) * k
	}
	return w
}
